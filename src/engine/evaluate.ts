/**
 * `evaluate(case)`: picks the law in force for each requested action on the date the statute
 * makes decisive, applies its rule, and returns outcomes that cite their clauses. Pure: no I/O,
 * no clock; everything it uses is in the case.
 *
 * This module is the interpreter, the reference: it decides every traced case and every shape
 * of case. An untraced detainer whose actions fall under one law period goes to the compiled
 * path (`compiled.ts`) instead, which gives a deep-equal decision with less work;
 * `createEngine(jurisdictions, { compiled: false })` turns it off.
 * @module
 */
import type { Case, InformationItem } from './case.js';
import type { ClauseRef } from './clause.js';
import type { EvalContext, Finding, MissingFact, TraceStep } from './condition.js';
import { isShared } from './condition.js';
import { decideCompiled } from './compiled.js';
import { localDateOf } from './dates.js';
import {
  actionBit,
  addFindingRefs,
  addRefs,
  allMissing,
  applies,
  type Asked,
  basisOf,
  collectFailures,
  frozen,
  instant,
  lawDateOn,
  notice,
  requestedActions,
  unconditionalNotices,
  unverifiedClauses,
  withVerificationCaution,
} from './decision-parts.js';
import type {
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
import type { Jurisdiction, LawInForce } from './jurisdiction.js';
import { applyRule } from './rule.js';

export interface EvaluateOptions {
  /** Record every condition tested, in order. Off by default: it costs time and memory. */
  trace?: boolean;
}

export interface Engine {
  evaluate(input: Case, options?: EvaluateOptions): Decision;
  readonly jurisdictions: ReadonlyMap<string, Jurisdiction>;
}

export interface EngineSettings {
  /**
   * Decide untraced cases of the common shape on the compiled path (`compiled.ts`); on by
   * default. Off, every case goes through the interpreter, which the tests compare it with.
   */
  compiled?: boolean;
}

export function createEngine(
  jurisdictions: readonly Jurisdiction[],
  settings: EngineSettings = {},
): Engine {
  const compiled = settings.compiled ?? true;
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
      if (compiled && !options?.trace) {
        const decision = decideCompiled(jurisdiction, input);
        if (decision) return decision;
      }
      return decide(jurisdiction, input, options);
    },
  };
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

  const cautions = withVerificationCaution(notices(run, laws, 'cautions'), jurisdiction, lastDate);

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

function lawDateFor(run: Run, jurisdiction: Jurisdiction, basis: LawDate['basis']): LawDateInForce {
  const onRelease = basis === 'otherwise-release-time';
  const known = onRelease ? run.onRelease : run.onDecision;
  if (known) return known;
  const lawDate = lawDateOn(basis, run.releaseDate, run.decisionDate);
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
