/**
 * The compiled path: the same decision as the interpreter (`evaluate.ts`), built with less work
 * for the common shape of an untraced decision. Each law period's rules are prepared once into a
 * plan (for each action its exceptions, their clause lists and the frozen lists decisions hand
 * out), and a decision then allocates little more than the objects it returns: no run record, no
 * rule results, no lists of laws and contexts, and one considered list shared by every decision
 * that fails on the same shared findings (no judicial warrant, in most decisions).
 *
 * The conditions are the law's own, tested through `evaluateOnce` in the interpreter's order, so
 * a law module reads the same beside its statute whichever path decides. The interpreter stays
 * the reference: it decides every traced case and every case of another shape (an information
 * request, or actions decided under two law periods), and
 * `compiled.test.ts` checks that both give deep-equal decisions on every law-table row and on
 * tens of thousands of synthetic cases across every jurisdiction.
 * @module
 */
import type { Case } from './case.js';
import type { ClauseRef } from './clause.js';
import type { Condition, EvalContext, Finding, MissingFact } from './condition.js';
import { evaluateOnce, isShared, missingOf } from './condition.js';
import { localDateOf } from './dates.js';
import {
  actionBit,
  addFindingRefs,
  addRefs,
  allMissing,
  applies,
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
  Action,
  ActionOutcome,
  Considered,
  Decision,
  FailedCondition,
  HoldLimitOutcome,
  LawDate,
  Notice,
} from './decision.js';
import { deepFreeze } from './freeze.js';
import type { Jurisdiction, LawInForce } from './jurisdiction.js';
import type { ActionRule, OutcomeSpec } from './rule.js';

/** An outcome of a rule with the lists every decision that reaches it hands out. */
interface PlannedOutcome {
  readonly spec: OutcomeSpec;
  /** The law's own list of the outcome's clauses, to build on. */
  readonly refs: readonly ClauseRef[];
  /** The same list, frozen: the controlling clauses of an outcome no exception decided. */
  readonly controlling: readonly ClauseRef[];
  readonly interpretations: readonly string[];
  readonly holdClauses: readonly ClauseRef[] | undefined;
}

interface PlannedException {
  readonly label: string;
  readonly when: Condition;
  readonly then: PlannedOutcome;
}

/** Considered lists built from shared findings only, kept by the findings that made them. */
interface SharedConsidered {
  readonly findings: readonly Finding[];
  readonly list: readonly Considered[];
}

interface PlannedRule {
  readonly base: PlannedOutcome;
  readonly exceptions: readonly PlannedException[];
  /** The clauses of every exception's outcome, each once: an undecided outcome cites them. */
  readonly exceptionRefs: readonly ClauseRef[];
  /**
   * The findings of the exceptions tested so far in the decision being made: one list per rule,
   * overwritten by each decision (a decision is synchronous, and no condition decides a case).
   */
  readonly findings: Finding[];
  /**
   * By the last finding: a junction decided by a shared part may make a new shared finding when
   * the part changes, so the lists are kept only as long as their findings.
   */
  readonly shared: WeakMap<Finding, SharedConsidered[]>;
  /** The last list handed out from `shared`, for its one finding: most decisions repeat it. */
  last: SharedConsidered | undefined;
}

interface Plan {
  readonly hold: PlannedRule | undefined;
  readonly notify: PlannedRule | undefined;
  readonly transfer: PlannedRule | undefined;
  /** By the set of actions decided (`actionBit`s): notices that do not depend on the case. */
  readonly duties: (readonly Notice[] | undefined)[];
  readonly cautions: (readonly Notice[] | undefined)[];
}

const NONE: readonly never[] = Object.freeze([]);

const plans = new WeakMap<LawInForce, Plan>();

/** The plan last asked for: consecutive cases are mostly decided under the same period. */
let lastLaw: LawInForce | undefined;
let lastPlan: Plan | undefined;

function planOf(law: LawInForce): Plan {
  if (law === lastLaw) return lastPlan!;
  let plan = plans.get(law);
  if (!plan) {
    plan = {
      hold: planRule(law, 'hold'),
      notify: planRule(law, 'notify'),
      transfer: planRule(law, 'transfer'),
      duties: [],
      cautions: [],
    };
    plans.set(law, plan);
  }
  lastLaw = law;
  lastPlan = plan;
  return plan;
}

function planRule(law: LawInForce, action: Action): PlannedRule | undefined {
  const rule: ActionRule | undefined = law.rules.get(action)?.rule;
  if (!rule) return undefined;
  const exceptionRefs: ClauseRef[] = [];
  for (const exception of rule.exceptions) addRefs(law.refsOf(exception.then.cites), exceptionRefs);
  return {
    base: planOutcome(law, rule.base),
    exceptionRefs,
    exceptions: rule.exceptions.map((exception) => ({
      label: exception.label,
      when: exception.when,
      then: planOutcome(law, exception.then),
    })),
    findings: [],
    shared: new WeakMap(),
    last: undefined,
  };
}

function planOutcome(law: LawInForce, spec: OutcomeSpec): PlannedOutcome {
  const refs = law.refsOf(spec.cites);
  return {
    spec,
    refs,
    controlling: frozen(refs),
    interpretations:
      spec.interpretation === undefined ? NONE : Object.freeze([spec.interpretation]),
    holdClauses: spec.holdLimit ? frozen(law.refsOf(spec.holdLimit.cites)) : undefined,
  };
}

/** A switch, not a keyed load by a varying key (per action of every decision). */
function ruleFor(plan: Plan, action: Action): PlannedRule | undefined {
  switch (action) {
    case 'hold':
      return plan.hold;
    case 'notify':
      return plan.notify;
    case 'transfer':
      return plan.transfer;
    case 'information':
      return undefined;
  }
}

/**
 * Entries and clause lists built from a decision's own (unshared) findings, so that hold and
 * notify failing on the same finding share them, as in the interpreter. Cleared by each
 * decision; findings of another decision never match.
 */
const local: { finding: Finding; refs: readonly ClauseRef[]; rule: string; entry: Considered }[] =
  [];
const localAlong: { finding: Finding; refs: readonly ClauseRef[]; along: ClauseRef[] }[] = [];

/**
 * The decision, or undefined when the case is not of the shape this path decides; the caller
 * then asks the interpreter. A CaseError is thrown exactly where the interpreter throws it.
 */
export function decideCompiled(jurisdiction: Jurisdiction, input: Case): Decision | undefined {
  if (input.request.kind === 'information-request') return undefined;
  const timeZone = input.timeZone ?? jurisdiction.timeZone;
  const decisionAtMs = instant(input.decisionAt, 'decisionAt')!;
  const otherwiseReleaseAtMs = instant(input.otherwiseReleaseAt, 'otherwiseReleaseAt');
  const decisionDate = localDateOf(decisionAtMs, timeZone);
  const releaseDate =
    otherwiseReleaseAtMs === undefined ? undefined : localDateOf(otherwiseReleaseAtMs, timeZone);
  const asked = requestedActions(input);
  // Emptied only when used: setting a length costs more than the test.
  if (local.length > 0) local.length = 0;
  if (localAlong.length > 0) localAlong.length = 0;

  let onRelease: LawDate | undefined;
  let onDecision: LawDate | undefined;
  let law: LawInForce | undefined;
  let plan: Plan | undefined;
  // One context per law date: the two bases may fall on different days of one law period.
  let firstContext: EvalContext | undefined;
  let secondContext: EvalContext | undefined;
  let actions = 0;
  let lastDate = decisionDate;
  const outcomes: ActionOutcome[] = new Array<ActionOutcome>(asked.length);
  for (let index = 0; index < asked.length; index++) {
    const action = asked[index]!.action;
    const basis = basisOf(jurisdiction, action);
    let lawDate: LawDate;
    if (basis === 'otherwise-release-time') {
      lawDate = onRelease ??= lawDateOn(basis, releaseDate, decisionDate);
    } else {
      lawDate = onDecision ??= lawDateOn(basis, releaseDate, decisionDate);
    }
    const lawOnDate = jurisdiction.lawOn(lawDate.date);
    if (law === undefined) {
      law = lawOnDate;
      plan = planOf(law);
    } else if (lawOnDate !== law) {
      return undefined;
    }
    const rule = ruleFor(plan!, action);
    if (!rule) return undefined;
    let ctx: EvalContext;
    if (firstContext === undefined || firstContext.lawDate === lawDate.date) {
      ctx = firstContext ??= contextOf(
        input,
        timeZone,
        lawDate.date,
        decisionAtMs,
        otherwiseReleaseAtMs,
        law,
      );
    } else {
      ctx = secondContext ??= contextOf(
        input,
        timeZone,
        lawDate.date,
        decisionAtMs,
        otherwiseReleaseAtMs,
        law,
      );
    }
    outcomes[index] = decideAction(rule, action, lawDate, law, ctx);
    actions |= actionBit(action);
    if (lawDate.date > lastDate) lastDate = lawDate.date;
  }
  // The interpreter works out the cautions before the duties; a condition of either may throw.
  const cautions = withVerificationCaution(
    notices(plan!, law!, 'cautions', actions, firstContext!),
    jurisdiction,
    lastDate,
  );
  return {
    caseId: input.caseId,
    jurisdiction: jurisdiction.summary,
    timeZone,
    outcomes,
    duties: notices(plan!, law!, 'duties', actions, firstContext!),
    cautions,
    unverified: law!.allVerbatim ? NONE : unverifiedClauses(outcomes),
    missing: anyMissing(outcomes) ? allMissing(outcomes) : NONE,
    trace: undefined,
  };
}

function contextOf(
  input: Case,
  timeZone: string,
  lawDate: string,
  decisionAtMs: number,
  otherwiseReleaseAtMs: number | undefined,
  law: LawInForce,
): EvalContext {
  return {
    case: input,
    timeZone,
    lawDate,
    decisionAtMs,
    otherwiseReleaseAtMs,
    terms: law.terms,
    memo: [],
    item: undefined,
    trace: undefined,
  };
}

/** As the interpreter's for one law: shared when no obligation depends on the case. */
function notices(
  plan: Plan,
  law: LawInForce,
  kind: 'duties' | 'cautions',
  actions: number,
  ctx: EvalContext,
): readonly Notice[] {
  const known = kind === 'duties' ? plan.duties : plan.cautions;
  let shared = known[actions];
  if (shared) return shared;
  shared = unconditionalNotices(law, kind, actions);
  if (shared) {
    known[actions] = shared;
    return shared;
  }
  const result: Notice[] = [];
  for (const obligation of kind === 'duties' ? law.duties : law.cautions) {
    if (result.some((existing) => existing.id === obligation.id)) continue;
    if (applies(obligation, actions, ctx)) result.push(notice(obligation, law));
  }
  return result;
}

function anyMissing(outcomes: readonly ActionOutcome[]): boolean {
  for (const outcome of outcomes) if (outcome.missing.length > 0) return true;
  return false;
}

/**
 * One action under its rule: the first exception that holds decides, else the base, unless an
 * undecided exception with another outcome blocks it (rule.ts).
 */
function decideAction(
  rule: PlannedRule,
  action: Action,
  lawDate: LawDate,
  law: LawInForce,
  ctx: EvalContext,
): ActionOutcome {
  const exceptions = rule.exceptions;
  const findings = rule.findings;
  let chosen = rule.base;
  let decisive: Finding | undefined;
  let tested = 0;
  let undecided = false;
  let allShared = true;
  for (; tested < exceptions.length; tested++) {
    const finding = evaluateOnce(exceptions[tested]!.when, ctx);
    if (finding.value === true) {
      chosen = exceptions[tested]!.then;
      decisive = finding;
      break;
    }
    findings[tested] = finding;
    if (finding.value !== false) undecided = true;
    // The finding of the last shared list is shared: no need to look it up.
    if (allShared && finding !== rule.last?.findings[tested] && !isShared(finding)) {
      allShared = false;
    }
  }
  if (undecided) {
    const blocking = blockingFindings(exceptions, findings, tested, chosen.spec);
    if (blocking) return needsInformation(rule, action, lawDate, law, tested, blocking);
  }

  const spec = chosen.spec;
  let hold: HoldLimitOutcome | undefined;
  let missing: readonly MissingFact[] = NONE;
  if (spec.holdLimit && action === 'hold' && spec.status !== 'not-allowed') {
    const limit = spec.holdLimit.compute(ctx);
    hold = {
      rule: spec.holdLimit.label,
      clauses: chosen.holdClauses!,
      until: limit.clock?.until,
      clock: limit.clock,
      missing: limit.missing,
    };
    if (limit.missing) missing = limit.missing;
  }
  return {
    action,
    item: undefined,
    status: spec.status,
    explanation: spec.explanation,
    lawDate,
    lawHash: law.hash,
    controlling: decisive ? refsAlong(law, chosen.refs, decisive) : chosen.controlling,
    considered:
      tested === 0
        ? NONE
        : allShared
          ? sharedList(rule, law, tested)
          : consideredList(rule, law, tested),
    missing,
    hold,
    interpretations: chosen.interpretations,
  };
}

/**
 * The undecided exceptions whose outcome differs from the one reached, in order: each blocks it
 * (rule.ts). Undefined when none does.
 */
function blockingFindings(
  exceptions: readonly PlannedException[],
  findings: readonly Finding[],
  tested: number,
  outcome: OutcomeSpec,
): Finding[] | undefined {
  let blocking: Finding[] | undefined;
  for (let index = 0; index < tested; index++) {
    const finding = findings[index]!;
    const then = exceptions[index]!.then.spec;
    if (
      finding.value !== false &&
      (then.status !== outcome.status || then.holdLimit !== outcome.holdLimit)
    ) {
      (blocking ??= []).push(finding);
    }
  }
  return blocking;
}

/**
 * An action that cannot be decided until facts are known: the rule's clauses and those along
 * the blocking findings control it, and it names what is missing.
 */
function needsInformation(
  rule: PlannedRule,
  action: Action,
  lawDate: LawDate,
  law: LawInForce,
  tested: number,
  blocking: readonly Finding[],
): ActionOutcome {
  const controlling = rule.exceptionRefs.slice();
  for (const finding of blocking) addFindingRefs(finding, law, controlling);
  const missing = missingOf(blocking);
  return {
    action,
    item: undefined,
    status: 'needs-information',
    explanation: `Cannot decide until these are known: ${missing.map((fact) => fact.question).join(' ')}`,
    lawDate,
    lawHash: law.hash,
    controlling,
    considered: consideredList(rule, law, tested),
    missing,
    hold: undefined,
    interpretations: [],
  };
}

/** The considered list of findings all shared: built once per set of findings, frozen. */
function sharedList(rule: PlannedRule, law: LawInForce, tested: number): readonly Considered[] {
  const findings = rule.findings;
  const recent = rule.last;
  if (
    recent &&
    recent.findings.length === tested &&
    sameFindings(recent.findings, findings, tested)
  ) {
    return recent.list;
  }
  const last = findings[tested - 1]!;
  const known = rule.shared.get(last);
  if (known) {
    for (const entry of known) {
      if (entry.findings.length === tested && sameFindings(entry.findings, findings, tested)) {
        rule.last = entry;
        return entry.list;
      }
    }
  }
  const list = consideredList(rule, law, tested);
  deepFreeze(list);
  const entry = { findings: findings.slice(0, tested), list };
  if (known) known.push(entry);
  else rule.shared.set(last, [entry]);
  rule.last = entry;
  return list;
}

function sameFindings(a: readonly Finding[], b: readonly Finding[], count: number): boolean {
  for (let index = 0; index < count; index++) if (a[index] !== b[index]) return false;
  return true;
}

function consideredList(rule: PlannedRule, law: LawInForce, tested: number): Considered[] {
  const list = new Array<Considered>(tested);
  for (let index = 0; index < tested; index++) {
    const exception = rule.exceptions[index]!;
    list[index] = considerOf(law, exception.label, exception.then.refs, rule.findings[index]!);
  }
  return list;
}

/** The entry for an exception that did not hold, shared with another action failing on it. */
function considerOf(
  law: LawInForce,
  rule: string,
  thenRefs: readonly ClauseRef[],
  finding: Finding,
): Considered {
  for (const known of local) {
    if (known.finding === finding && known.refs === thenRefs && known.rule === rule) {
      return known.entry;
    }
  }
  const failed: FailedCondition[] = [];
  collectFailures(finding, failed);
  const entry: Considered = {
    rule,
    value: finding.value === false ? false : 'unknown',
    clauses: refsAlong(law, thenRefs, finding),
    failed,
  };
  local.push({ finding, refs: thenRefs, rule, entry });
  return entry;
}

/** An outcome's clauses, then those cited along the findings that made it; once per decision. */
function refsAlong(law: LawInForce, refs: readonly ClauseRef[], finding: Finding): ClauseRef[] {
  for (const known of localAlong) {
    if (known.finding === finding && known.refs === refs) return known.along;
  }
  const along = refs.slice();
  addFindingRefs(finding, law, along);
  localAlong.push({ finding, refs, along });
  return along;
}
