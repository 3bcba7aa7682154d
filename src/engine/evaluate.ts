/**
 * `evaluate(case)`: picks the law in force for each requested action on the date the statute
 * makes decisive, applies its rule, and returns outcomes that cite their clauses. Pure: no I/O,
 * no clock; everything it uses is in the case.
 * @module
 */
import type { Case, Form, InformationItem } from './case.js';
import type { ClauseRef } from './clause.js';
import type { EvalContext, Finding, TraceStep } from './condition.js';
import { uniqueMissing } from './condition.js';
import { localDateOf, parseInstant } from './dates.js';
import type { Action, ActionOutcome, Considered, Decision, LawDate, Notice } from './decision.js';
import { CaseError } from './errors.js';
import type { Jurisdiction, LawInForce, Obligation } from './jurisdiction.js';
import { COVERAGE_START } from './clause.js';
import { applyRule, type Exception, type OutcomeSpec } from './rule.js';

export interface EvaluateOptions {
  /** Record every condition tested, in order. Off by default: it costs time and memory. */
  trace?: boolean;
}

export interface Engine {
  evaluate(input: Case, options?: EvaluateOptions): Decision;
  readonly jurisdictions: ReadonlyMap<string, Jurisdiction>;
}

export function createEngine(jurisdictions: readonly Jurisdiction[]): Engine {
  const byId = new Map(jurisdictions.map((jurisdiction) => [jurisdiction.id, jurisdiction]));
  return {
    jurisdictions: byId,
    evaluate(input, options = {}) {
      const jurisdiction = byId.get(input.jurisdiction);
      if (!jurisdiction) {
        throw CaseError.at(
          'unknown-jurisdiction',
          'jurisdiction',
          `"${input.jurisdiction}" is not a jurisdiction the engine knows; known: ${[...byId.keys()].join(', ')}`,
        );
      }
      return decide(jurisdiction, input, options);
    },
  };
}

interface Asked {
  action: Action;
  item?: InformationItem;
}

const HOLD: Asked = { action: 'hold' };
const NOTIFY: Asked = { action: 'notify' };
const TRANSFER: Asked = { action: 'transfer' };

/** What each form asks for (DHS form text, jurisdictions.md § 1.4 and Part 3). */
const ASKED_BY_FORM: Record<Exclude<Form, 'other'>, readonly Asked[]> = {
  'I-247': [HOLD, NOTIFY],
  'I-247D': [HOLD, NOTIFY],
  'I-247A': [HOLD, NOTIFY],
  'I-247N': [NOTIFY],
  'I-247G': [NOTIFY],
  'I-247X': [TRANSFER],
};

function requestedActions(input: Case): readonly Asked[] {
  const request = input.request;
  if (request.kind === 'information-request') {
    if (!request.information || request.information.length === 0) {
      throw CaseError.at(
        'invalid-case',
        'request.information',
        'an information request must say what it asks for',
      );
    }
    return [...new Set(request.information)].map((item) => ({ action: 'information', item }));
  }
  if (request.actions === undefined && request.form && request.form !== 'other') {
    return ASKED_BY_FORM[request.form];
  }
  const actions = request.actions;
  if (!actions || actions.length === 0) {
    throw CaseError.at(
      'invalid-case',
      'request.actions',
      'say what the detainer asks for (hold, notify, transfer) or give its DHS form',
    );
  }
  return [...new Set(actions)].map((action) => ({ action }));
}

/** The instant's epoch milliseconds, or a CaseError naming the field. */
function instant(value: string | undefined, path: string): number | undefined {
  if (value === undefined) return undefined;
  const ms = parseInstant(value);
  if (Number.isNaN(ms)) {
    throw CaseError.at(
      'invalid-case',
      path,
      'must be an ISO 8601 date-time with an offset, e.g. 2024-03-08T18:00:00-05:00',
    );
  }
  return ms;
}

function decide(jurisdiction: Jurisdiction, input: Case, options: EvaluateOptions): Decision {
  const timeZone = input.timeZone ?? jurisdiction.timeZone;
  const decisionAtMs = instant(input.decisionAt, 'decisionAt')!;
  const otherwiseReleaseAtMs = instant(input.otherwiseReleaseAt, 'otherwiseReleaseAt');
  const trace: TraceStep[] | undefined = options.trace ? [] : undefined;
  const decisionDate = localDateOf(decisionAtMs, timeZone);
  // Usually one or two: a detainer's actions share a law date, information items each get one.
  const contexts: EvalContext[] = [];

  const contextFor = (
    law: LawInForce,
    lawDate: string,
    item: InformationItem | undefined,
  ): EvalContext => {
    let ctx = contexts.find((known) => known.lawDate === lawDate && known.item === item);
    if (!ctx) {
      ctx = {
        case: input,
        timeZone,
        lawDate,
        decisionAtMs,
        otherwiseReleaseAtMs,
        terms: law.terms,
        memo: new Map(),
        item,
        trace,
      };
      contexts.push(ctx);
    }
    return ctx;
  };

  const lawDateFor = (action: Action): LawDate => {
    const basis = jurisdiction.lawDateBasis[action];
    let lawDate: LawDate;
    if (basis === 'otherwise-release-time' && otherwiseReleaseAtMs === undefined) {
      lawDate = {
        date: decisionDate,
        basis,
        note: 'The otherwise-release time is not recorded; the law in force at the decision time was applied.',
      };
    } else {
      const ms = basis === 'otherwise-release-time' ? otherwiseReleaseAtMs! : decisionAtMs;
      lawDate = { date: localDateOf(ms, timeZone), basis };
    }
    if (lawDate.date < COVERAGE_START) {
      const field =
        basis === 'otherwise-release-time' && otherwiseReleaseAtMs !== undefined
          ? 'otherwiseReleaseAt'
          : 'decisionAt';
      throw CaseError.at(
        'date-outside-law',
        field,
        `${lawDate.date} is before ${COVERAGE_START}, the first day whose law is encoded`,
      );
    }
    return lawDate;
  };

  const asked = requestedActions(input);
  const laws: { law: LawInForce; date: string; actions: Set<Action> }[] = [];
  const outcomes = asked.map((entry) => {
    const lawDate = lawDateFor(entry.action);
    const law = jurisdiction.lawOn(lawDate.date);
    const used = laws.find((candidate) => candidate.law === law);
    if (used) used.actions.add(entry.action);
    else laws.push({ law, date: lawDate.date, actions: new Set([entry.action]) });
    return decideAction(entry, lawDate, law, contextFor(law, lawDate.date, entry.item));
  });

  // Duties and cautions come from the law that decided each action, for the actions it decided.
  const notices = (kind: 'duties' | 'cautions'): Notice[] => {
    const result: Notice[] = [];
    for (const { law, date, actions } of laws) {
      for (const obligation of law[kind]) {
        if (result.some((existing) => existing.id === obligation.id)) continue;
        if (applies(obligation, actions, contextFor(law, date, undefined))) {
          result.push(notice(obligation, law));
        }
      }
    }
    return result;
  };
  const cautions = notices('cautions');
  const lastDate = outcomes.reduce(
    (latest, o) => (o.lawDate.date > latest ? o.lawDate.date : latest),
    decisionDate,
  );
  if (lastDate > jurisdiction.lastVerifiedOn) {
    cautions.push({
      id: 'law-past-last-verification',
      text: `The encoded law was last checked against its sources on ${jurisdiction.lastVerifiedOn}; a later amendment would not be reflected for ${lastDate}.`,
      clauses: [],
    });
  }

  const decision: Decision = {
    caseId: input.caseId,
    jurisdiction: jurisdiction.summary,
    timeZone,
    outcomes,
    duties: notices('duties'),
    cautions,
    unverified: unverifiedClauses(outcomes),
    missing: uniqueMissing(outcomes.flatMap((outcome) => outcome.missing)),
    trace: undefined,
  };
  if (trace) decision.trace = trace;
  return decision;
}

function applies(obligation: Obligation, asked: ReadonlySet<Action>, ctx: EvalContext): boolean {
  if (obligation.actions && !obligation.actions.some((action) => asked.has(action))) return false;
  return obligation.when ? obligation.when.evaluate(ctx).value === true : true;
}

const noticeCache = new WeakMap<LawInForce, Map<Obligation, Notice>>();

/** The notice for an obligation under one law; built once and shared, like clause refs. */
function notice(obligation: Obligation, law: LawInForce): Notice {
  let byObligation = noticeCache.get(law);
  if (!byObligation) {
    byObligation = new Map();
    noticeCache.set(law, byObligation);
  }
  let result = byObligation.get(obligation);
  if (!result) {
    result = { id: obligation.id, text: obligation.text, clauses: refs(obligation.cites, law) };
    byObligation.set(obligation, result);
  }
  return result;
}

function decideAction(
  asked: Asked,
  lawDate: LawDate,
  law: LawInForce,
  ctx: EvalContext,
): ActionOutcome {
  const entry = law.rules.get(asked.action);
  if (!entry)
    throw new Error(
      `No rule decides "${asked.action}" on ${lawDate.date}: the coverage check should have caught this`,
    );
  const result = applyRule(entry.rule, ctx);
  const considered = result.considered.map(({ exception, finding }) =>
    considerOf(exception.label, exception.then, finding, law),
  );
  // Built with one fixed shape and no spreads: this runs for every action of every decision.
  const actionOutcome: ActionOutcome = {
    action: asked.action,
    item: asked.item,
    status: 'needs-information',
    explanation: '',
    lawDate,
    lawHash: law.hash,
    controlling: [],
    considered,
    missing: result.missing,
    hold: undefined,
    interpretations: [],
  };
  const outcome = result.outcome;
  if (!outcome) {
    actionOutcome.explanation = `Cannot decide until these are known: ${result.missing.map((m) => m.question).join(' ')}`;
    actionOutcome.controlling = refs(undecidedCites(entry.rule.exceptions, result.blocking), law);
    return actionOutcome;
  }
  const cited = [...outcome.cites];
  if (result.decisive) collectCites(result.decisive, cited);
  actionOutcome.status = outcome.status;
  actionOutcome.explanation = outcome.explanation;
  actionOutcome.controlling = refs(cited, law);
  if (outcome.interpretation !== undefined)
    actionOutcome.interpretations = [outcome.interpretation];
  if (outcome.holdLimit && asked.action === 'hold' && outcome.status !== 'not-allowed') {
    const limit = outcome.holdLimit.compute(ctx);
    actionOutcome.hold = {
      rule: outcome.holdLimit.label,
      clauses: refs(outcome.holdLimit.cites, law),
      until: limit.clock?.until,
      clock: limit.clock,
      missing: limit.missing,
    };
    if (limit.missing) actionOutcome.missing = limit.missing;
  }
  return actionOutcome;
}

function considerOf(
  rule: string,
  then: OutcomeSpec,
  finding: Finding,
  law: LawInForce,
): Considered {
  const cited = [...then.cites];
  collectCites(finding, cited);
  const failed: Considered['failed'] = [];
  collectFailures(finding, failed);
  return {
    rule,
    value: finding.value === false ? false : 'unknown',
    clauses: refs(cited, law),
    failed,
  };
}

/** For an undecided outcome: the rules' clauses and the definitions whose facts are missing. */
function undecidedCites(exceptions: readonly Exception[], blocking: readonly Finding[]): string[] {
  const cited = exceptions.flatMap((exception) => [...exception.then.cites]);
  for (const finding of blocking) collectCites(finding, cited);
  return cited;
}

/** The clauses cited along the findings that decided a value. */
function collectCites(finding: Finding, into: string[]): void {
  for (const id of finding.condition.cites) if (!into.includes(id)) into.push(id);
  for (const child of finding.because ?? []) collectCites(child, into);
}

/** The innermost findings that carry the failure: leaves, or derived conditions with a reason. */
function collectFailures(finding: Finding, into: Considered['failed']): void {
  if (!finding.because || finding.because.length === 0 || finding.reason !== undefined) {
    into.push({ condition: finding.condition.label, reason: finding.reason, facts: finding.facts });
    return;
  }
  for (const child of finding.because) {
    // Under `not` the child holds the opposite value and still carries the reason.
    if (child.value === finding.value || finding.condition.op === 'not')
      collectFailures(child, into);
  }
}

function refs(ids: readonly string[], law: LawInForce): ClauseRef[] {
  const result: ClauseRef[] = [];
  for (const id of ids) {
    if (result.some((ref) => ref.id === id)) continue;
    const clause = law.clauses.get(id);
    if (!clause) throw new Error(`Clause ${id} is cited but not in force from ${law.from}`);
    result.push(clause.ref);
  }
  return result;
}

function unverifiedClauses(outcomes: readonly ActionOutcome[]): ClauseRef[] {
  const result: ClauseRef[] = [];
  const add = (refs: readonly ClauseRef[]) => {
    for (const ref of refs) {
      if (ref.verification === 'verbatim' || result.includes(ref)) continue;
      result.push(ref);
    }
  };
  for (const outcome of outcomes) {
    add(outcome.controlling);
    for (const considered of outcome.considered) add(considered.clauses);
    if (outcome.hold) add(outcome.hold.clauses);
  }
  return result;
}
