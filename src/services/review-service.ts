/**
 * Deciding and reviewing: the engine decides the case under the law in force, and the decision is
 * frozen with the hash of that law. A reviewer confirms it, or proposes an override with a written
 * reason that a second person must approve. Each step's audit entry holds the hash of the
 * decision row it leaves (src/audit/record-hashes.ts), so a row changed without the desk is found.
 * @module
 */
import type { CaseStatus } from '../desk/case-lifecycle.js';
import { z } from 'zod';
import { requirePermission, type Actor } from '../auth/roles.js';
import { decisionAudit } from '../audit/record-hashes.js';
import { DeskError, parseInput } from '../desk/errors.js';
import type { Intake } from '../desk/intake.js';
import { changeCase } from './case-transaction.js';
import { currentDecision } from './case-service.js';
import { freezeDecision } from './decision-step.js';
import type { DeskContext } from './desk-context.js';

type Outcome = { version: number; status: CaseStatus };

/** Runs the law engine on the record as it stands now and freezes the result. */
export async function decideCase(
  ctx: DeskContext,
  actor: Actor,
  id: string,
  ifMatch: number | undefined,
): Promise<Outcome> {
  requirePermission(actor, 'case.decide');
  const { version, status } = await changeCase(ctx, actor, id, ifMatch, 'decide', (trx, row) =>
    freezeDecision(ctx, actor, trx, id, JSON.parse(row.intakeJson) as Intake),
  );
  return { version, status };
}

export async function confirmDecision(
  ctx: DeskContext,
  actor: Actor,
  id: string,
  ifMatch: number | undefined,
  input: unknown,
): Promise<Outcome> {
  requirePermission(actor, 'case.review');
  const { note } = parseInput(
    z.strictObject({ note: z.string().max(2000).optional() }),
    input ?? {},
  );
  return changeCase(ctx, actor, id, ifMatch, 'confirm', async (trx) => {
    const decision = await currentDecision(ctx, id, trx);
    if (decision === undefined)
      throw new DeskError('invalid-transition', 'there is no decision to confirm');
    const parsed = JSON.parse(decision.decisionJson) as { missing: unknown[] };
    if (parsed.missing.length > 0) {
      throw new DeskError(
        'not-lawful',
        'the decision needs information: complete the record and decide again, or override it with a reason',
      );
    }
    const at = ctx.now();
    const changes = { status: 'confirmed', reviewedBy: actor.username, reviewedAt: at };
    await trx.updateTable('decisions').set(changes).where('id', '=', decision.id).execute();
    return {
      event: { kind: 'confirmed', at, details: { decisionId: decision.id, note: note ?? null } },
      audit: { decisionId: decision.id, ...decisionAudit({ ...decision, ...changes }) },
      result: undefined,
    };
  });
}

export const overrideSchema = z.strictObject({
  outcomes: z
    .array(
      z.strictObject({
        action: z.enum(['hold', 'notify', 'transfer']),
        status: z.enum(['required', 'allowed', 'not-allowed']),
      }),
    )
    .min(1)
    .max(3)
    .refine(
      (outcomes) => new Set(outcomes.map((outcome) => outcome.action)).size === outcomes.length,
      'give each action once',
    )
    .describe('The outcomes the reviewer sets in place of the engine’s, each action once.'),
  reason: z
    .string()
    .trim()
    .min(20, 'must explain the override in at least 20 characters')
    .max(4000)
    .describe('Why the engine’s outcome is wrong for this case; kept with the decision.'),
});

export async function proposeOverride(
  ctx: DeskContext,
  actor: Actor,
  id: string,
  ifMatch: number | undefined,
  input: unknown,
): Promise<Outcome> {
  requirePermission(actor, 'case.review');
  const override = parseInput(overrideSchema, input);
  return changeCase(ctx, actor, id, ifMatch, 'propose-override', async (trx) => {
    const decision = await currentDecision(ctx, id, trx);
    if (decision === undefined)
      throw new DeskError('invalid-transition', 'there is no decision to override');
    const changes = {
      status: 'override-pending',
      overrideJson: JSON.stringify(override.outcomes),
      overrideReason: override.reason,
      overrideBy: actor.username,
    };
    await trx.updateTable('decisions').set(changes).where('id', '=', decision.id).execute();
    return {
      event: {
        kind: 'override-proposed',
        at: ctx.now(),
        details: { decisionId: decision.id, ...override },
      },
      audit: {
        decisionId: decision.id,
        outcomes: override.outcomes,
        ...decisionAudit({ ...decision, ...changes }),
      },
      result: undefined,
    };
  });
}

/** A second person approves or rejects an override; the proposer cannot approve their own. */
export async function settleOverride(
  ctx: DeskContext,
  actor: Actor,
  id: string,
  ifMatch: number | undefined,
  approve: boolean,
): Promise<Outcome> {
  requirePermission(actor, 'case.approve');
  return changeCase(
    ctx,
    actor,
    id,
    ifMatch,
    approve ? 'approve-override' : 'reject-override',
    async (trx) => {
      const decision = await currentDecision(ctx, id, trx);
      if (decision?.status !== 'override-pending') {
        throw new DeskError('invalid-transition', 'there is no override waiting for approval');
      }
      if (decision.overrideBy === actor.username) {
        throw new DeskError(
          'forbidden',
          'an override needs a second person: you proposed this one',
        );
      }
      const at = ctx.now();
      const changes = approve
        ? { status: 'overridden', reviewedBy: actor.username, reviewedAt: at }
        : { status: 'proposed', overrideJson: null, overrideReason: null, overrideBy: null };
      await trx.updateTable('decisions').set(changes).where('id', '=', decision.id).execute();
      return {
        event: {
          kind: approve ? 'override-approved' : 'override-rejected',
          at,
          details: { decisionId: decision.id, proposedBy: decision.overrideBy },
        },
        audit: { decisionId: decision.id, ...decisionAudit({ ...decision, ...changes }) },
        result: undefined,
      };
    },
  );
}
