/**
 * `evaluate(case)`: picks the law in force for each requested action on the date the statute
 * makes decisive, applies its rule, and returns outcomes that cite their clauses. Pure: no I/O,
 * no clock; everything it uses is in the case.
 * @module
 */
import type { Case, Form, InformationItem } from './case.js';
import type { ClauseRef } from './clause.js';
import type { EvalContext, Finding, MissingFact, TraceStep } from './condition.js';
import { isShared } from './condition.js';
import { localDateOf, parseInstant } from './dates.js';
import type {
  Action,
  ActionOutcome,
  Considered,
  Decision,
  FailedCondition,
  HoldLimitOutcome,
  LawDate,
  Notice,
} from './decision.js';
import { CaseError } from './errors.js';
import { deepFreeze } from './freeze.js';
import type { Jurisdiction, LawInForce, Obligation } from './jurisdiction.js';
import { COVERAGE_START } from './clause.js';
import { applyRule } from './rule.js';

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
    evaluate(input, options) {
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

const HOLD_AND_NOTIFY: readonly Asked[] = [HOLD, NOTIFY];
const NOTIFY_ONLY: readonly Asked[] = [NOTIFY];
const TRANSFER_ONLY: readonly Asked[] = [TRANSFER];

/**
 * What each form asks for (DHS form text, jurisdictions.md § 1.4 and Part 3). A switch, not a
 * lookup table: a keyed load by a varying key is slow (per decision).
 */
function askedByForm(form: Exclude<Form, 'other'>): readonly Asked[] {
  switch (form) {
    case 'I-247':
    case 'I-247D':
    case 'I-247A':
      return HOLD_AND_NOTIFY;
    case 'I-247N':
    case 'I-247G':
      return NOTIFY_ONLY;
    case 'I-247X':
      return TRANSFER_ONLY;
  }
}

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
    return askedByForm(request.form);
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

function decide(
  jurisdiction: Jurisdiction,
  input: Case,
  options: EvaluateOptions | undefined,
): Decision {
  const timeZone = input.timeZone ?? jurisdiction.timeZone;
  const decisionAtMs = instant(input.decisionAt, 'decisionAt')!;
  const otherwiseReleaseAtMs = instant(input.otherwiseReleaseAt, 'otherwiseReleaseAt');
  const run: Run = {
    input,
    timeZone,
    decisionAtMs,
    otherwiseReleaseAtMs,
    decisionDate: localDateOf(decisionAtMs, timeZone),
    releaseDate:
      otherwiseReleaseAtMs === undefined ? undefined : localDateOf(otherwiseReleaseAtMs, timeZone),
    trace: options?.trace ? [] : undefined,
    contexts: undefined,
    onRelease: undefined,
    onDecision: undefined,
    considered: [],
    refsAlong: [],
  };

  const asked = requestedActions(input);
  const laws: LawUsed[] = [];
  let lastDate = run.decisionDate;
  // Lists made by `map` where they can be: a push into an empty array makes room for 17.
  const outcomes = asked.map((entry) => {
    const { lawDate, law } = lawDateFor(run, jurisdiction, basisOf(jurisdiction, entry.action));
    const used = lawUsed(laws, law);
    if (used) used.actions |= actionBit(entry.action);
    else laws.push({ law, date: lawDate.date, actions: actionBit(entry.action) });
    if (lawDate.date > lastDate) lastDate = lawDate.date;
    return decideAction(run, entry, lawDate, law, contextFor(run, law, lawDate.date, entry.item));
  });

  let cautions = notices(run, laws, 'cautions');
  if (lastDate > jurisdiction.lastVerifiedOn) {
    // A spread, not `slice`: the shared list is frozen, and V8 slices frozen arrays slowly.
    cautions = [
      ...cautions,
      {
        id: 'law-past-last-verification',
        text: `The encoded law was last checked against its sources on ${jurisdiction.lastVerifiedOn}; a later amendment would not be reflected for ${lastDate}.`,
        clauses: [],
      },
    ];
  }

  return {
    caseId: input.caseId,
    jurisdiction: jurisdiction.summary,
    timeZone,
    outcomes,
    duties: notices(run, laws, 'duties'),
    cautions,
    unverified: allVerbatim(laws) ? [] : unverifiedClauses(outcomes),
    missing: allMissing(outcomes),
    trace: run.trace,
  };
}

/** What one decision works from, read once. */
interface Run {
  input: Case;
  timeZone: string;
  decisionAtMs: number;
  otherwiseReleaseAtMs: number | undefined;
  decisionDate: string;
  releaseDate: string | undefined;
  trace: TraceStep[] | undefined;
  /**
   * Usually one: a detainer's actions share a law date, information items each get one. Made on
   * the first, since a push into an empty array makes room for 17.
   */
  contexts: EvalContext[] | undefined;
  /** The law date of each basis, shared by the actions decided on it, once worked out. */
  onRelease: LawDateInForce | undefined;
  onDecision: LawDateInForce | undefined;
  /** Entries built for this decision, by the finding (hence the law) and the clauses they cite. */
  considered: { finding: Finding; thenRefs: readonly ClauseRef[]; entry: Considered }[];
  refsAlong: { finding: Finding; refs: readonly ClauseRef[]; along: ClauseRef[] }[];
}

interface LawDateInForce {
  lawDate: LawDate;
  law: LawInForce;
}

interface LawUsed {
  law: LawInForce;
  date: string;
  /** The actions it decided, as a set of `actionBit`s. */
  actions: number;
}

// Loops, not `find` and `every` with closures: these run for every decision.
function lawUsed(laws: readonly LawUsed[], law: LawInForce): LawUsed | undefined {
  for (const used of laws) if (used.law === law) return used;
  return undefined;
}

function allVerbatim(laws: readonly LawUsed[]): boolean {
  for (const used of laws) if (!used.law.allVerbatim) return false;
  return true;
}

function contextFor(
  run: Run,
  law: LawInForce,
  lawDate: string,
  item: InformationItem | undefined,
): EvalContext {
  if (run.contexts) {
    for (const known of run.contexts) {
      if (known.lawDate === lawDate && known.item === item) return known;
    }
  }
  const ctx: EvalContext = {
    case: run.input,
    timeZone: run.timeZone,
    lawDate,
    decisionAtMs: run.decisionAtMs,
    otherwiseReleaseAtMs: run.otherwiseReleaseAtMs,
    terms: law.terms,
    memo: [],
    item,
    trace: run.trace,
  };
  if (run.contexts) run.contexts.push(ctx);
  else run.contexts = [ctx];
  return ctx;
}

/** A switch, not `lawDateBasis[action]`: a keyed load by a varying key is slow (per decision). */
function basisOf(jurisdiction: Jurisdiction, action: Action): LawDate['basis'] {
  switch (action) {
    case 'hold':
      return jurisdiction.lawDateBasis.hold;
    case 'notify':
      return jurisdiction.lawDateBasis.notify;
    case 'transfer':
      return jurisdiction.lawDateBasis.transfer;
    case 'information':
      return jurisdiction.lawDateBasis.information;
  }
}

function lawDateFor(run: Run, jurisdiction: Jurisdiction, basis: LawDate['basis']): LawDateInForce {
  const onRelease = basis === 'otherwise-release-time';
  const known = onRelease ? run.onRelease : run.onDecision;
  if (known) return known;
  let lawDate: LawDate;
  if (onRelease && run.releaseDate === undefined) {
    lawDate = {
      date: run.decisionDate,
      basis,
      note: 'The otherwise-release time is not recorded; the law in force at the decision time was applied.',
    };
  } else {
    lawDate = {
      date: onRelease ? run.releaseDate! : run.decisionDate,
      basis,
    };
  }
  if (lawDate.date < COVERAGE_START) {
    const field = onRelease && run.releaseDate !== undefined ? 'otherwiseReleaseAt' : 'decisionAt';
    throw CaseError.at(
      'date-outside-law',
      field,
      `${lawDate.date} is before ${COVERAGE_START}, the first day whose law is encoded`,
    );
  }
  const found = { lawDate, law: jurisdiction.lawOn(lawDate.date) };
  if (onRelease) run.onRelease = found;
  else run.onDecision = found;
  return found;
}

/** Duties or cautions from the law that decided each action, for the actions it decided. */
function notices(
  run: Run,
  laws: readonly LawUsed[],
  kind: 'duties' | 'cautions',
): readonly Notice[] {
  if (laws.length === 1) {
    const shared = unconditionalNotices(laws[0]!.law, kind, laws[0]!.actions);
    if (shared) return shared;
  }
  const result: Notice[] = [];
  for (const { law, date, actions } of laws) {
    for (const obligation of law[kind]) {
      if (result.some((existing) => existing.id === obligation.id)) continue;
      if (applies(obligation, actions, contextFor(run, law, date, undefined))) {
        result.push(notice(obligation, law));
      }
    }
  }
  return result;
}

/** A switch, not a lookup table: a keyed load by a varying key is slow (per decision). */
function actionBit(action: Action): number {
  switch (action) {
    case 'hold':
      return 1;
    case 'notify':
      return 2;
    case 'transfer':
      return 4;
    case 'information':
      return 8;
  }
}

/** By law and kind (`law.duties`, `law.cautions`), then by the set of actions decided. */
const unconditional = new WeakMap<readonly Obligation[], (readonly Notice[] | undefined)[]>();

/**
 * When no obligation of the law depends on the case, its notices depend only on the actions:
 * worked out once per set of actions and shared. Undefined when one depends on the case.
 */
function unconditionalNotices(
  law: LawInForce,
  kind: 'duties' | 'cautions',
  actions: number,
): readonly Notice[] | undefined {
  // Named loads, not law[kind]: a keyed load by a varying key is slow.
  const obligations = kind === 'duties' ? law.duties : law.cautions;
  let bySet = unconditional.get(obligations);
  if (!bySet) {
    if (obligations.some((obligation) => obligation.when)) return undefined;
    bySet = [];
    unconditional.set(obligations, bySet);
  }
  let result = bySet[actions];
  if (!result) {
    const built: Notice[] = [];
    for (const obligation of obligations) {
      if (built.some((existing) => existing.id === obligation.id)) continue;
      if (concerns(obligation, actions)) built.push(notice(obligation, law));
    }
    result = Object.freeze(built);
    bySet[actions] = result;
  }
  return result;
}

/** The obligation is for every request, or for one that asks for one of its actions. */
function concerns(obligation: Obligation, actions: number): boolean {
  return (
    !obligation.actions || obligation.actions.some((action) => (actions & actionBit(action)) !== 0)
  );
}

function applies(obligation: Obligation, actions: number, ctx: EvalContext): boolean {
  if (!concerns(obligation, actions)) return false;
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
    const clauses: ClauseRef[] = [];
    addRefs(law.refsOf(obligation.cites), clauses);
    result = deepFreeze({ id: obligation.id, text: obligation.text, clauses });
    byObligation.set(obligation, result);
  }
  return result;
}

function decideAction(
  run: Run,
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
    considerOf(run, law, exception.label, law.refsOf(exception.then.cites), finding),
  );
  // Both answers are built with one fixed shape and no spreads: this runs for every action of
  // every decision.
  const outcome = result.outcome;
  if (!outcome) {
    // The rules' clauses and the definitions whose facts are missing.
    const controlling: ClauseRef[] = [];
    for (const exception of entry.rule.exceptions) {
      addRefs(law.refsOf(exception.then.cites), controlling);
    }
    for (const finding of result.blocking) addFindingRefs(finding, law, controlling);
    return {
      action: asked.action,
      item: asked.item,
      status: 'needs-information',
      explanation: `Cannot decide until these are known: ${result.missing.map((m) => m.question).join(' ')}`,
      lawDate,
      lawHash: law.hash,
      controlling,
      considered,
      missing: result.missing,
      hold: undefined,
      interpretations: [],
    };
  }
  const outcomeRefs = law.refsOf(outcome.cites);
  let hold: HoldLimitOutcome | undefined;
  let missing: readonly MissingFact[] = result.missing;
  if (outcome.holdLimit && asked.action === 'hold' && outcome.status !== 'not-allowed') {
    const limit = outcome.holdLimit.compute(ctx);
    hold = {
      rule: outcome.holdLimit.label,
      clauses: frozen(law.refsOf(outcome.holdLimit.cites)),
      until: limit.clock?.until,
      clock: limit.clock,
      missing: limit.missing,
    };
    if (limit.missing) missing = limit.missing;
  }
  return {
    action: asked.action,
    item: asked.item,
    status: outcome.status,
    explanation: outcome.explanation,
    lawDate,
    lawHash: law.hash,
    controlling: result.decisive
      ? refsAlong(run, law, outcomeRefs, result.decisive)
      : frozen(outcomeRefs),
    considered,
    missing,
    hold,
    interpretations: outcome.interpretation === undefined ? [] : [outcome.interpretation],
  };
}

/** The frozen copy of each list of a law's clauses that decisions hand out, made once. */
const frozenCopies = new WeakMap<readonly ClauseRef[], readonly ClauseRef[]>();

/**
 * A law's clause list as decisions hand it out: the same for every decision, so frozen. The
 * engine keeps working on the list itself, since V8 iterates and copies frozen arrays slowly.
 */
function frozen(refs: readonly ClauseRef[]): readonly ClauseRef[] {
  let copy = frozenCopies.get(refs);
  if (!copy) {
    copy = Object.freeze([...refs]);
    frozenCopies.set(refs, copy);
  }
  return copy;
}

/** Hold and notify usually fail on the same finding: they share one entry. */
function considerOf(
  run: Run,
  law: LawInForce,
  rule: string,
  thenRefs: readonly ClauseRef[],
  finding: Finding,
): Considered {
  const shared = isShared(finding);
  const known = shared ? sharedConsidered.get(finding) : run.considered;
  if (known) {
    for (const entry of known) {
      if (entry.finding === finding && entry.thenRefs === thenRefs && entry.entry.rule === rule) {
        return entry.entry;
      }
    }
  }
  const failed: FailedCondition[] = [];
  collectFailures(finding, failed);
  const entry: Considered = {
    rule,
    value: finding.value === false ? false : 'unknown',
    clauses: refsAlong(run, law, thenRefs, finding),
    failed,
  };
  if (!shared) run.considered.push({ finding, thenRefs, entry });
  else {
    // Given to every decision that fails on the same answer: frozen, with everything in it.
    deepFreeze(entry);
    if (known) known.push({ finding, thenRefs, entry });
    else sharedConsidered.set(finding, [{ finding, thenRefs, entry }]);
  }
  return entry;
}

type ConsideredFor = Run['considered'];

/**
 * Entries for shared findings, across decisions: most decisions fail on the same answer (no
 * judicial warrant), and build the same entry. `thenRefs` belong to one law, so they key it.
 */
const sharedConsidered = new WeakMap<Finding, ConsideredFor>();

/** An outcome's clauses, then those cited along the findings that made it; once per decision. */
function refsAlong(
  run: Run,
  law: LawInForce,
  refs: readonly ClauseRef[],
  finding: Finding,
): ClauseRef[] {
  for (const known of run.refsAlong) {
    if (known.finding === finding && known.refs === refs) return known.along;
  }
  const along = refs.slice();
  addFindingRefs(finding, law, along);
  run.refsAlong.push({ finding, refs, along });
  return along;
}

/** Each clause not yet in `into`, in citing order. */
function addRefs(refs: readonly ClauseRef[], into: ClauseRef[]): void {
  for (const ref of refs) if (!into.includes(ref)) into.push(ref);
}

/** The clauses cited along the findings that decided a value. */
function addFindingRefs(finding: Finding, law: LawInForce, into: ClauseRef[]): void {
  addRefs(law.citedBy(finding.condition), into);
  if (finding.because) for (const child of finding.because) addFindingRefs(child, law, into);
}

/** The innermost findings that carry the failure: leaves, or derived conditions with a reason. */
function collectFailures(finding: Finding, into: FailedCondition[]): void {
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

/** Every outcome's missing facts, each path once, first question kept. */
function allMissing(outcomes: readonly ActionOutcome[]): MissingFact[] {
  const missing: MissingFact[] = [];
  for (const outcome of outcomes) {
    for (const fact of outcome.missing) if (!hasPath(missing, fact.path)) missing.push(fact);
  }
  return missing;
}

function hasPath(missing: readonly MissingFact[], path: string): boolean {
  for (const fact of missing) if (fact.path === path) return true;
  return false;
}

function unverifiedClauses(outcomes: readonly ActionOutcome[]): ClauseRef[] {
  const result: ClauseRef[] = [];
  for (const outcome of outcomes) {
    addUnverified(outcome.controlling, result);
    for (const considered of outcome.considered) addUnverified(considered.clauses, result);
    if (outcome.hold) addUnverified(outcome.hold.clauses, result);
  }
  return result;
}

function addUnverified(refs: readonly ClauseRef[], into: ClauseRef[]): void {
  for (const ref of refs) {
    if (ref.verification !== 'verbatim' && !into.includes(ref)) into.push(ref);
  }
}
