/**
 * Every change to a case goes through here: one transaction that locks the case, checks the
 * version the client last saw (If-Match), checks the step is lawful from the case's status,
 * applies the change, records the event, bumps the version, appends the audit entry and derives
 * what the reports read of the case again. Either all of it is stored or none of it.
 * @module
 */
import type { Transaction } from 'kysely';
import type { Actor } from '../auth/roles.js';
import { nextStatus, type CaseStatus, type CaseStep } from '../desk/case-lifecycle.js';
import { DeskError } from '../desk/errors.js';
import { appendAudit, type AuditInput } from '../store/audit-writer.js';
import { insertRow, prepareQuery, updateById } from '../store/compiled-query.js';
import type { CaseRow, Database } from '../store/schema.js';
import type { DeskContext } from './desk-context.js';
import { storeReportFacts } from './report-facts.js';

export type Trx = Transaction<Database>;

/** The columns a report's classification of a case reads (src/services/report-facts.ts). */
const RECORD_COLUMNS = ['intakeJson', 'receivedAt', 'personId', 'jurisdiction'] as const;

export interface CaseChange<T> {
  /** Columns to change besides status, version and updatedAt. */
  patch?: Partial<Omit<CaseRow, 'id' | 'status' | 'version'>>;
  /** The event to record on the case's timeline. */
  event?: { kind: string; at: string; details: Record<string, unknown> };
  /** What the audit entry says beyond the step, the case and the new status. */
  audit?: Record<string, unknown>;
  result: T;
}

const lockCase = prepareQuery((db, values: { id: string }, dialect) => {
  const query = db.selectFrom('cases').selectAll().where('id', '=', values.id);
  return dialect === 'postgres' ? query.forUpdate() : query;
});

export async function loadCaseForUpdate(
  ctx: DeskContext,
  trx: Trx,
  caseId: string,
): Promise<CaseRow> {
  const row = await lockCase.first(trx, ctx.store.dialect, { id: caseId });
  if (row === undefined) throw DeskError.notFound('case', caseId);
  return row;
}

export async function changeCase<T>(
  ctx: DeskContext,
  actor: Actor,
  caseId: string,
  ifMatch: number | undefined,
  step: CaseStep,
  change: (trx: Trx, row: CaseRow) => Promise<CaseChange<T>>,
): Promise<{ result: T; version: number; status: CaseStatus }> {
  if (ifMatch === undefined) {
    throw new DeskError(
      'precondition-required',
      'send If-Match with the case version you last read, so no one else’s change is overwritten',
    );
  }
  return ctx.store.transaction(async (trx) => {
    const row = await loadCaseForUpdate(ctx, trx, caseId);
    if (row.version !== ifMatch) {
      throw new DeskError(
        'precondition-failed',
        `the case changed since version ${String(ifMatch)}: it is now version ${String(row.version)}; read it again`,
      );
    }
    return applyCaseChange(ctx, trx, actor, row, step, change);
  });
}

/**
 * Applies a step to a case `trx` has already loaded and locked (or has just created). The audit
 * entry is appended last, after `auditBefore` (entries of the same transaction not yet appended),
 * so the audit log's lock is held only from there to the commit.
 */
export async function applyCaseChange<T>(
  ctx: DeskContext,
  trx: Trx,
  actor: Actor,
  row: CaseRow,
  step: CaseStep,
  change: (trx: Trx, row: CaseRow) => Promise<CaseChange<T>>,
  auditBefore: readonly AuditInput[] = [],
): Promise<{ result: T; version: number; status: CaseStatus }> {
  const caseId = row.id;
  const status = nextStatus(row.status as CaseStatus, step);
  const { patch = {}, event, audit = {}, result } = await change(trx, row);
  const now = ctx.now();
  const version = row.version + 1;
  await updateById(trx, ctx.store.dialect, 'cases', caseId, {
    ...patch,
    status,
    version,
    updatedAt: now,
  });
  if (event !== undefined) {
    await insertRow(trx, ctx.store.dialect, 'caseEvents', {
      id: ctx.newId(),
      caseId,
      kind: event.kind,
      at: event.at,
      recordedBy: actor.username,
      recordedAt: now,
      detailsJson: JSON.stringify(event.details),
    });
  }
  const auditSeq = await appendAudit(ctx, trx, ...auditBefore, {
    at: now,
    actor: actor.username,
    action: `case.${step}`,
    subject: `case/${caseId}`,
    payload: { ...audit, status, version },
  });
  await storeReportFacts(ctx, trx, caseId, auditSeq, {
    recordUnchanged: !RECORD_COLUMNS.some((column) => column in patch),
  });
  return { result, version, status };
}
