/**
 * The steps this person may take on a case now: the lifecycle's steps from the case's status
 * (src/desk/case-lifecycle.ts), kept only where the person's role has the step's permission,
 * without approving or rejecting an override they proposed themselves, and without a custody step
 * the reviewed decision forbids at this moment (src/desk/effective-outcomes.ts). The web app shows
 * exactly these; each step's own service still checks everything again when taken.
 * @module
 */
import { can, requirePermission, type Actor, type Permission } from '../auth/roles.js';
import { stepsFrom, type CaseStatus, type CaseStep } from '../desk/case-lifecycle.js';
import { checkCustodyStep, type CustodyStepContext } from '../desk/effective-outcomes.js';
import { DeskError } from '../desk/errors.js';
import { currentDecision, decisionViewOf } from './case-service.js';
import type { DeskContext } from './desk-context.js';

/** The permission each step's service requires. */
export const STEP_PERMISSIONS: Record<CaseStep, Permission> = {
  'update-record': 'case.update',
  'correct-request': 'case.review',
  decide: 'case.decide',
  confirm: 'case.review',
  'propose-override': 'case.review',
  'approve-override': 'case.approve',
  'reject-override': 'case.approve',
  'start-hold': 'case.custody',
  'notify-ice': 'case.custody',
  released: 'case.custody',
  'released-despite-detainer': 'case.custody',
  'transferred-to-ice': 'case.custody',
  'ice-did-not-come': 'case.custody',
  cancel: 'case.custody',
};

export interface CaseSteps {
  id: string;
  version: number;
  status: CaseStatus;
  steps: CaseStep[];
}

/** Reads only the case's status and version (no personal details), so it is not an audited read. */
export async function stepsForActor(
  ctx: DeskContext,
  actor: Actor,
  id: string,
): Promise<CaseSteps> {
  requirePermission(actor, 'case.read');
  const row = await ctx.store.db
    .selectFrom('cases')
    .select(['id', 'version', 'status', 'holdUntil', 'iceNotifiedAt'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (row === undefined) throw DeskError.notFound('case', id);
  const status = row.status as CaseStatus;
  const decisionRow = await currentDecision(ctx, id);
  const decision = decisionRow === undefined ? undefined : decisionViewOf(decisionRow);
  const proposedBy = status === 'override-pending' ? decision?.overrideBy : undefined;
  // The custody checks as the step's service makes them now; a reason is asked for with the step.
  const context: CustodyStepContext = {
    at: ctx.now(),
    holdUntil: row.holdUntil,
    holding: status === 'holding',
    iceNotifiedAt: row.iceNotifiedAt,
    reason: 'given with the step',
  };
  const lawful = (step: CaseStep) => {
    if (STEP_PERMISSIONS[step] !== 'case.custody') return true;
    try {
      checkCustodyStep(step, decision?.effective ?? [], context);
      return true;
    } catch (error) {
      if (error instanceof DeskError && error.code === 'not-lawful') return false;
      throw error;
    }
  };
  const steps = stepsFrom(status).filter(
    (step) =>
      can(actor, STEP_PERMISSIONS[step]) &&
      !(
        (step === 'approve-override' || step === 'reject-override') &&
        proposedBy === actor.username
      ) &&
      lawful(step),
  );
  return { id: row.id, version: row.version, status, steps };
}
