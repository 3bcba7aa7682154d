/**
 * What happens to the person: the hold clock, the notice to ICE, and how custody ends (released,
 * released despite the detainer, transferred to ICE, ICE did not come within the hold) or ICE's
 * cancellation. Each step is checked against the reviewed decision before it is recorded.
 * @module
 */
import type { CaseStatus } from '../desk/case-lifecycle.js';
import { z } from 'zod';
import { requirePermission, type Actor } from '../auth/roles.js';
import { instantSchema } from '../engine/case.js';
import { RELEASE_KINDS, type CaseStep } from '../desk/case-lifecycle.js';
import { refuseFuture } from '../desk/date-checks.js';
import { checkCustodyStep } from '../desk/effective-outcomes.js';
import { DeskError, parseInput } from '../desk/errors.js';
import { changeCase, type Trx } from './case-transaction.js';
import { currentDecision, decisionViewOf } from './case-service.js';
import type { DeskContext } from './desk-context.js';

export const custodyStepSchema = z.strictObject({
  at: instantSchema
    .optional()
    .describe(
      'When it happened; now when absent. Not before the case’s last step or the request’s ' +
        'receipt, not in the future; the law is checked at this time.',
    ),
  reason: z.string().trim().min(1).max(4000).optional().describe('Why, in words.'),
});

export const releaseSchema = custodyStepSchema.extend({
  kind: z.enum(RELEASE_KINDS).describe('How custody ended.'),
});

type Outcome = { version: number; status: CaseStatus };

async function custodyStep(
  ctx: DeskContext,
  actor: Actor,
  id: string,
  ifMatch: number | undefined,
  step: CaseStep,
  input: z.output<typeof custodyStepSchema>,
): Promise<Outcome> {
  requirePermission(actor, 'case.custody');
  const at = new Date(input.at ?? ctx.now()).toISOString();
  refuseFuture('at', at, ctx.now());
  return changeCase(ctx, actor, id, ifMatch, step, async (trx, row) => {
    await refuseOutOfOrder(trx, id, at, row.receivedAt);
    const decisionRow = await currentDecision(ctx, id, trx);
    const effective = decisionRow === undefined ? [] : decisionViewOf(decisionRow).effective;
    checkCustodyStep(step, effective, {
      at,
      holdUntil: row.holdUntil,
      holding: row.status === 'holding',
      iceNotifiedAt: row.iceNotifiedAt,
      reason: input.reason,
    });
    const details = { reason: input.reason ?? null };
    switch (step) {
      case 'start-hold': {
        const until = effective.find((outcome) => outcome.action === 'hold')?.holdUntil;
        if (until === undefined)
          throw new DeskError('not-lawful', 'the lawful end of the hold is unknown');
        return {
          // Stored in UTC like every instant, so holds can be compared and listed by deadline.
          patch: { holdStartedAt: at, holdUntil: new Date(until).toISOString() },
          event: { kind: 'hold-started', at, details: { ...details, until } },
          // What the step stores, so audit verify can check the columns and the timeline.
          audit: { at, until },
          result: undefined,
        };
      }
      case 'notify-ice':
        return {
          patch: { iceNotifiedAt: at },
          event: { kind: 'ice-notified', at, details },
          audit: { at },
          result: undefined,
        };
      case 'cancel':
        return {
          patch: { closedAt: at, closedAs: 'cancelled-by-ice' },
          event: { kind: 'cancelled-by-ice', at, details },
          audit: { at, closedAs: 'cancelled-by-ice' },
          result: undefined,
        };
      default:
        return {
          patch: { closedAt: at, closedAs: step },
          event: { kind: step, at, details },
          audit: { at, closedAs: step },
          result: undefined,
        };
    }
  });
}

/**
 * Steps are recorded in the order they happened: none before the request was received or before
 * the last event on the case's timeline (the decision and review that allowed it included).
 */
async function refuseOutOfOrder(trx: Trx, caseId: string, at: string, receivedAt: string) {
  const events = await trx
    .selectFrom('caseEvents')
    .select(['kind', 'at'])
    .where('caseId', '=', caseId)
    .execute();
  const before = (when: string) => Date.parse(at) < Date.parse(when);
  if (before(receivedAt)) {
    throw DeskError.invalid([
      { path: 'at', message: `is before the request was received (${receivedAt})` },
    ]);
  }
  const later = events.find((event) => before(event.at));
  if (later !== undefined) {
    throw DeskError.invalid([
      {
        path: 'at',
        message: `is before the case’s ${later.kind} step at ${later.at}: record steps in the order they happened`,
      },
    ]);
  }
}

export async function startHold(
  ctx: DeskContext,
  actor: Actor,
  id: string,
  ifMatch: number | undefined,
  input: unknown,
) {
  return custodyStep(
    ctx,
    actor,
    id,
    ifMatch,
    'start-hold',
    parseInput(custodyStepSchema, input ?? {}),
  );
}

export async function notifyIce(
  ctx: DeskContext,
  actor: Actor,
  id: string,
  ifMatch: number | undefined,
  input: unknown,
) {
  return custodyStep(
    ctx,
    actor,
    id,
    ifMatch,
    'notify-ice',
    parseInput(custodyStepSchema, input ?? {}),
  );
}

export async function recordRelease(
  ctx: DeskContext,
  actor: Actor,
  id: string,
  ifMatch: number | undefined,
  input: unknown,
) {
  const { kind, ...rest } = parseInput(releaseSchema, input);
  return custodyStep(ctx, actor, id, ifMatch, kind, rest);
}

export async function cancelDetainer(
  ctx: DeskContext,
  actor: Actor,
  id: string,
  ifMatch: number | undefined,
  input: unknown,
) {
  return custodyStep(ctx, actor, id, ifMatch, 'cancel', parseInput(custodyStepSchema, input ?? {}));
}
