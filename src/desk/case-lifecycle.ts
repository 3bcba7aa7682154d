/**
 * The lawful life of a detainer case: which step may follow which. A case is received, decided by
 * the engine, reviewed (confirmed, or overridden with a second person's approval), perhaps held,
 * and closed by a release event or by ICE cancelling the detainer.
 * @module
 */
import { DeskError } from './errors.js';

export const CASE_STATUSES = [
  'received',
  'decided',
  'override-pending',
  'reviewed',
  'holding',
  'closed',
  'cancelled',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** How a case ends. */
export const RELEASE_KINDS = [
  'released',
  'released-despite-detainer',
  'transferred-to-ice',
  'ice-did-not-come',
] as const;
export type ReleaseKind = (typeof RELEASE_KINDS)[number];

export type CaseStep =
  | 'update-record'
  | 'correct-request'
  | 'decide'
  | 'confirm'
  | 'propose-override'
  | 'approve-override'
  | 'reject-override'
  | 'start-hold'
  | 'notify-ice'
  | ReleaseKind
  | 'cancel';

const OPEN: readonly CaseStatus[] = [
  'received',
  'decided',
  'override-pending',
  'reviewed',
  'holding',
];

/** For each step: the statuses it may start from, and the status it leads to (`same` keeps it). */
const STEPS: Record<CaseStep, { from: readonly CaseStatus[]; to: CaseStatus | 'same' }> = {
  'update-record': {
    from: ['received', 'decided', 'override-pending', 'reviewed'],
    to: 'received',
  },
  'correct-request': {
    from: ['received', 'decided', 'override-pending', 'reviewed'],
    to: 'received',
  },
  decide: { from: ['received'], to: 'decided' },
  confirm: { from: ['decided'], to: 'reviewed' },
  'propose-override': { from: ['decided'], to: 'override-pending' },
  'approve-override': { from: ['override-pending'], to: 'reviewed' },
  'reject-override': { from: ['override-pending'], to: 'decided' },
  'start-hold': { from: ['reviewed'], to: 'holding' },
  'notify-ice': { from: ['reviewed', 'holding'], to: 'same' },
  // Declining needs no decision: a court may release the person before review.
  'released-despite-detainer': { from: OPEN, to: 'closed' },
  released: { from: ['reviewed', 'holding'], to: 'closed' },
  'transferred-to-ice': { from: ['reviewed', 'holding'], to: 'closed' },
  'ice-did-not-come': { from: ['holding'], to: 'closed' },
  cancel: { from: OPEN, to: 'cancelled' },
};

/** The status a step leads to, or an error naming the step and the status it cannot follow. */
export function nextStatus(from: CaseStatus, step: CaseStep): CaseStatus {
  const rule = STEPS[step];
  if (!rule.from.includes(from)) {
    throw new DeskError(
      'invalid-transition',
      `a case that is ${from} cannot take the step "${step}"; it can from: ${rule.from.join(', ')}`,
    );
  }
  return rule.to === 'same' ? from : rule.to;
}

/** The steps a case in this status may take next (for the UI and the API's links). */
export function stepsFrom(status: CaseStatus): CaseStep[] {
  return (Object.keys(STEPS) as CaseStep[]).filter((step) => STEPS[step].from.includes(status));
}

export function isOpen(status: CaseStatus): boolean {
  return OPEN.includes(status);
}
