/**
 * The parts of a decision that the interpreter (`evaluate.ts`) and the compiled path
 * (`compiled.ts`) build the same way: what a request asks for, its instants and law dates, the
 * notices a law attaches, the clause lists decisions hand out, and the lists gathered from the
 * outcomes. One copy, so the two paths cannot drift apart on them.
 * @module
 */
import type { Case, Form, InformationItem } from './case.js';
import type { ClauseRef } from './clause.js';
import { COVERAGE_START } from './clause.js';
import type { EvalContext, Finding, MissingFact } from './condition.js';
import { parseInstant } from './dates.js';
import type { Action, ActionOutcome, FailedCondition, LawDate, Notice } from './decision.js';
import { CaseError } from './errors.js';
import { deepFreeze } from './freeze.js';
import type { Jurisdiction, LawInForce, Obligation } from './jurisdiction.js';

export interface Asked {
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

export function requestedActions(input: Case): readonly Asked[] {
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
export function instant(value: string | undefined, path: string): number | undefined {
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

/** A switch, not `lawDateBasis[action]`: a keyed load by a varying key is slow (per decision). */
export function basisOf(jurisdiction: Jurisdiction, action: Action): LawDate['basis'] {
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

/** A switch, not a lookup table: a keyed load by a varying key is slow (per decision). */
export function actionBit(action: Action): number {
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
export function unconditionalNotices(
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
export function concerns(obligation: Obligation, actions: number): boolean {
  return (
    !obligation.actions || obligation.actions.some((action) => (actions & actionBit(action)) !== 0)
  );
}

export function applies(obligation: Obligation, actions: number, ctx: EvalContext): boolean {
  if (!concerns(obligation, actions)) return false;
  return obligation.when ? obligation.when.evaluate(ctx).value === true : true;
}

const noticeCache = new WeakMap<LawInForce, Map<Obligation, Notice>>();

/** The notice for an obligation under one law; built once and shared, like clause refs. */
export function notice(obligation: Obligation, law: LawInForce): Notice {
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

/** The frozen copy of each list of a law's clauses that decisions hand out, made once. */
const frozenCopies = new WeakMap<readonly ClauseRef[], readonly ClauseRef[]>();

/**
 * A law's clause list as decisions hand it out: the same for every decision, so frozen. The
 * engine keeps working on the list itself, since V8 iterates and copies frozen arrays slowly.
 */
export function frozen(refs: readonly ClauseRef[]): readonly ClauseRef[] {
  let copy = frozenCopies.get(refs);
  if (!copy) {
    copy = Object.freeze([...refs]);
    frozenCopies.set(refs, copy);
  }
  return copy;
}

/** Each clause not yet in `into`, in citing order. */
export function addRefs(refs: readonly ClauseRef[], into: ClauseRef[]): void {
  for (const ref of refs) if (!into.includes(ref)) into.push(ref);
}

/** The clauses cited along the findings that decided a value. */
export function addFindingRefs(finding: Finding, law: LawInForce, into: ClauseRef[]): void {
  addRefs(law.citedBy(finding.condition), into);
  if (finding.because) for (const child of finding.because) addFindingRefs(child, law, into);
}

/** The innermost findings that carry the failure: leaves, or derived conditions with a reason. */
export function collectFailures(finding: Finding, into: FailedCondition[]): void {
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
export function allMissing(outcomes: readonly ActionOutcome[]): MissingFact[] {
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

export function unverifiedClauses(outcomes: readonly ActionOutcome[]): ClauseRef[] {
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

/**
 * The law date of one basis: the decisive event's local date, or the decision's when the
 * otherwise-release time is not recorded (and the note says so). A date before the first
 * encoded day is a CaseError naming the field it came from.
 */
export function lawDateOn(
  basis: LawDate['basis'],
  releaseDate: string | undefined,
  decisionDate: string,
): LawDate {
  const onRelease = basis === 'otherwise-release-time';
  let lawDate: LawDate;
  if (onRelease && releaseDate === undefined) {
    lawDate = {
      date: decisionDate,
      basis,
      note: 'The otherwise-release time is not recorded; the law in force at the decision time was applied.',
    };
  } else {
    lawDate = {
      date: onRelease ? releaseDate! : decisionDate,
      basis,
    };
  }
  if (lawDate.date < COVERAGE_START) {
    const field = onRelease && releaseDate !== undefined ? 'otherwiseReleaseAt' : 'decisionAt';
    throw CaseError.at(
      'date-outside-law',
      field,
      `${lawDate.date} is before ${COVERAGE_START}, the first day whose law is encoded`,
    );
  }
  return lawDate;
}

/**
 * The cautions, with one more when the latest law date is past the day the encoded texts were
 * last checked. A spread, not `slice`: the shared list is frozen, and V8 slices frozen arrays
 * slowly.
 */
export function withVerificationCaution(
  cautions: readonly Notice[],
  jurisdiction: Jurisdiction,
  lastDate: string,
): readonly Notice[] {
  if (lastDate <= jurisdiction.lastVerifiedOn) return cautions;
  return [
    ...cautions,
    {
      id: 'law-past-last-verification',
      text: `The encoded law was last checked against its sources on ${jurisdiction.lastVerifiedOn}; a later amendment would not be reflected for ${lastDate}.`,
      clauses: [],
    },
  ];
}
