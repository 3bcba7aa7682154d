/**
 * Action rules in default logic: a base outcome and ordered exceptions, the first that holds
 * wins (the law module lists them most specific first). An exception that cannot be decided
 * blocks every later one whose outcome differs from its own, so an unknown fact is never
 * silently read as false: the outcome then needs information, and names exactly what.
 * @module
 */
import type { Condition, EvalContext, Finding, MissingFact } from './condition.js';
import { missingOf } from './condition.js';
import type { HoldClock } from './time/hold-clock.js';

export type RuleStatus = 'required' | 'allowed' | 'not-allowed';

/** How long a hold may last, computed from the case (the clock starts at otherwise-release). */
export interface HoldLimit {
  label: string;
  cites: readonly string[];
  compute(ctx: EvalContext): { clock?: HoldClock; missing?: MissingFact[] };
}

export interface OutcomeSpec {
  status: RuleStatus;
  explanation: string;
  /** Clause ids that control this outcome. */
  cites: readonly string[];
  holdLimit?: HoldLimit;
  /** An encoding choice the text does not settle. */
  interpretation?: string;
}

export interface Exception {
  label: string;
  when: Condition;
  then: OutcomeSpec;
}

export interface ActionRule {
  base: OutcomeSpec;
  exceptions: readonly Exception[];
}

export function actionRule(base: OutcomeSpec, ...exceptions: Exception[]): ActionRule {
  return { base, exceptions };
}

export interface RuleResult {
  outcome: OutcomeSpec | undefined;
  /** The finding that made the outcome (absent for the base). */
  decisive: Finding | undefined;
  considered: { exception: Exception; finding: Finding }[];
  missing: MissingFact[];
  /** For an undecided outcome: the findings that could not be decided. */
  blocking: Finding[];
}

function sameOutcome(a: OutcomeSpec, b: OutcomeSpec): boolean {
  return a.status === b.status && a.holdLimit === b.holdLimit;
}

export function applyRule(rule: ActionRule, ctx: EvalContext): RuleResult {
  const considered: RuleResult['considered'] = [];
  const undecided: { exception: Exception; finding: Finding }[] = [];
  const blocked = (outcome: OutcomeSpec) =>
    undecided.length === 0
      ? undecided
      : undecided.filter((entry) => !sameOutcome(entry.exception.then, outcome));

  for (const exception of rule.exceptions) {
    const finding = exception.when.evaluate(ctx);
    if (finding.value === true) {
      const blockers = blocked(exception.then);
      if (blockers.length > 0) return needsInformation(considered, blockers);
      return { outcome: exception.then, decisive: finding, considered, missing: [], blocking: [] };
    }
    considered.push({ exception, finding });
    if (finding.value !== false) undecided.push({ exception, finding });
  }
  const blockers = blocked(rule.base);
  if (blockers.length > 0) return needsInformation(considered, blockers);
  return { outcome: rule.base, decisive: undefined, considered, missing: [], blocking: [] };
}

function needsInformation(
  considered: RuleResult['considered'],
  blockers: { finding: Finding }[],
): RuleResult {
  return {
    outcome: undefined,
    decisive: undefined,
    considered,
    missing: missingOf(blockers.map((entry) => entry.finding)),
    blocking: blockers.map((entry) => entry.finding),
  };
}
