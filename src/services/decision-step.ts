/**
 * The decide step inside a case transaction: the law engine decides the record as it stands, and
 * the decision is stored frozen with the hashes of the law it applied. Shared by deciding a case
 * already recorded and by intake with `decide`, which records and decides in one transaction.
 * @module
 */
import type { Actor } from '../auth/roles.js';
import { engineCaseFor } from '../desk/engine-case.js';
import { DeskError } from '../desk/errors.js';
import type { Intake } from '../desk/intake.js';
import { parseCase } from '../engine/case.js';
import { insertRow } from '../store/compiled-query.js';
import { CaseError } from '../engine/errors.js';
import type { CaseChange, Trx } from './case-transaction.js';
import type { DeskContext } from './desk-context.js';

export async function freezeDecision(
  ctx: DeskContext,
  actor: Actor,
  trx: Trx,
  caseId: string,
  intake: Intake,
): Promise<CaseChange<undefined>> {
  const decidedAt = ctx.now();
  let decision;
  try {
    decision = ctx.engine.evaluate(parseCase(engineCaseFor(intake, caseId, decidedAt)));
  } catch (error) {
    if (error instanceof CaseError) {
      throw new DeskError(
        'invalid-input',
        `the record cannot be decided: ${error.message}`,
        error.issues,
      );
    }
    throw error;
  }
  const lawHashes = [...new Set(decision.outcomes.map((outcome) => outcome.lawHash))];
  const decisionId = ctx.newId();
  await insertRow(trx, ctx.store.dialect, 'decisions', {
    id: decisionId,
    caseId,
    decidedAt,
    decidedBy: actor.username,
    decisionJson: JSON.stringify(decision),
    lawHashes: JSON.stringify(lawHashes),
    status: 'proposed',
    overrideJson: null,
    overrideReason: null,
    overrideBy: null,
    reviewedBy: null,
    reviewedAt: null,
  });
  const outcomes = Object.fromEntries(decision.outcomes.map((o) => [o.item ?? o.action, o.status]));
  return {
    event: { kind: 'decided', at: decidedAt, details: { decisionId, outcomes, lawHashes } },
    audit: { decisionId, lawHashes, outcomes },
    result: undefined,
  };
}
