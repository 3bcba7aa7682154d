/**
 * Action rules in default logic: a base outcome and ordered exceptions, the first that holds
 * wins (the law module lists them most specific first). An exception that cannot be decided
 * blocks every later one whose outcome differs from its own, so an unknown fact is never
 * silently read as false: the outcome then needs information, and names exactly what.
 * @module
 */
import type { Condition, EvalContext, Finding, MissingFact } from './condition.js';
import { evaluateOnce, missingOf } from './condition.js';
import { deepFreeze } from './freeze.js';
import type { HoldClock } from './time/hold-clock.js';

export type RuleStatus = 'required' | 'allowed' | 'not-allowed';

/** How long a hold may last, computed from the case (the clock starts at otherwise-release). */
export interface HoldLimit {
  readonly label: string;
  readonly cites: readonly string[];
  compute(ctx: EvalContext): { clock?: HoldClock; missing?: readonly MissingFact[] };
}

export interface OutcomeSpec {
  readonly status: RuleStatus;
  readonly explanation: string;
  /** Clause ids that control this outcome. */
  readonly cites: readonly string[];
  readonly holdLimit?: HoldLimit;
  /** An encoding choice the text does not settle. */
  readonly interpretation?: string;
}

export interface Exception {
  readonly label: string;
  readonly when: Condition;
  readonly then: OutcomeSpec;
}

export interface ActionRule {
  readonly base: OutcomeSpec;
  readonly exceptions: readonly Exception[];
}

/** Shared by every decision under the law: frozen, with its outcomes, so no caller changes it. */
export function actionRule(base: OutcomeSpec, ...exceptions: Exception[]): ActionRule {
  return deepFreeze({ base, exceptions });
}

export interface RuleResult {
  outcome: OutcomeSpec | undefined;
  /** The finding that made the outcome (absent for the base). */
  decisive: Finding | undefined;
  considered: readonly { exception: Exception; finding: Finding }[];
  missing: MissingFact[];
  /** For an undecided outcome: the findings that could not be decided. */
  blocking: readonly Finding[];
}

function sameOutcome(a: OutcomeSpec, b: OutcomeSpec): boolean {
  return a.status === b.status && a.holdLimit === b.holdLimit;
}

/** Read only, never handed out: one list serves every decided outcome. */
const NOTHING_BLOCKS: readonly Finding[] = [];
const NOTHING_CONSIDERED: RuleResult['considered'] = [];

type ConsideredEntry = RuleResult['considered'][number];

export function applyRule(rule: ActionRule, ctx: EvalContext): RuleResult {
  // Made on the first entry, since most rules have one exception: a push into an empty array
  // makes room for 17 (for every action of every decision).
  let considered: ConsideredEntry[] | undefined;
  let undecided: ConsideredEntry[] | undefined;
  for (const exception of rule.exceptions) {
    const finding = evaluateOnce(exception.when, ctx);
    if (finding.value === true) {
      return settle(exception.then, finding, considered ?? NOTHING_CONSIDERED, undecided);
    }
    const entry = { exception, finding };
    if (considered) considered.push(entry);
    else considered = [entry];
    if (finding.value !== false) (undecided ??= []).push(entry);
  }
  return settle(rule.base, undefined, considered ?? NOTHING_CONSIDERED, undecided);
}

/** The outcome, unless an undecided exception with a different outcome blocks it. */
function settle(
  outcome: OutcomeSpec,
  decisive: Finding | undefined,
  considered: RuleResult['considered'],
  undecided: readonly ConsideredEntry[] | undefined,
): RuleResult {
  const blockers = undecided?.filter((entry) => !sameOutcome(entry.exception.then, outcome));
  if (blockers && blockers.length > 0) {
    const blocking = blockers.map((entry) => entry.finding);
    return {
      outcome: undefined,
      decisive: undefined,
      considered,
      missing: missingOf(blocking),
      blocking,
    };
  }
  return { outcome, decisive, considered, missing: [], blocking: NOTHING_BLOCKS };
}
