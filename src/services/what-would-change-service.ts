/**
 * What would change a recorded case's outcome: the case the engine decides, built from the record
 * as it stands and dated as its current decision, handed to `whatWouldChange`. It reads the
 * person's record, so the read is audited, and so is a refusal.
 * @module
 */
import { requirePermission, type Actor } from '../auth/roles.js';
import { engineCaseFor, intakeIssuesOf } from '../desk/engine-case.js';
import { DeskError } from '../desk/errors.js';
import type { Intake } from '../desk/intake.js';
import { parseCase, type Case } from '../engine/case.js';
import { CaseError } from '../engine/errors.js';
import { appendAudit } from '../store/audit-writer.js';
import { whatWouldChange, type WhatWouldChange } from '../what-if/what-would-change.js';
import { auditedRead, currentDecision } from './case-service.js';
import type { DeskContext } from './desk-context.js';

export interface CaseWhatWouldChange extends WhatWouldChange {
  /** When the current decision was made: the changed cases are decided as of that moment. */
  readonly decidedAt: string;
}

export async function whatWouldChangeForCase(
  ctx: DeskContext,
  actor: Actor | undefined,
  id: string,
): Promise<CaseWhatWouldChange> {
  return auditedRead(ctx, actor, id, 'case.what-would-change', async (reader) => {
    requirePermission(reader, 'case.read');
    const row = await ctx.store.db
      .selectFrom('cases')
      .select(['intakeJson', 'version'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (row === undefined) throw DeskError.notFound('case', id);
    const decision = await currentDecision(ctx, id);
    if (decision === undefined) {
      throw new DeskError('conflict', 'the case has not been decided yet: decide it first');
    }
    const intake = JSON.parse(row.intakeJson) as Intake;
    const input = caseOf(intake, id, decision.decidedAt);
    const result = whatWouldChange(ctx.engine, input);
    await ctx.store.transaction((trx) =>
      appendAudit(ctx, trx, {
        at: ctx.now(),
        actor: reader.username,
        action: 'case.what-would-change',
        subject: `case/${id}`,
        payload: { version: row.version },
      }),
    );
    return { ...result, decidedAt: decision.decidedAt };
  });
}

/** The engine's case for the record; a record the engine refuses is named by the desk's fields. */
function caseOf(intake: Intake, id: string, decidedAt: string): Case {
  try {
    return parseCase(engineCaseFor(intake, id, decidedAt));
  } catch (error) {
    if (!(error instanceof CaseError)) throw error;
    const issues = intakeIssuesOf(error.issues);
    const summary = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
    throw new DeskError('invalid-input', `the record cannot be decided: ${summary}`, issues);
  }
}
