/**
 * The desk's record of requests from non-local law enforcement agencies for support or assistance
 * intended to further immigration enforcement (§ 10-178(d)): record one, record the response and
 * actions taken, list them, and build the quarterly report to the Speaker from them.
 *
 * Every write is one transaction with its audit entry, which holds the agencies, the dates, the
 * ground of a withholding and the SHA-256 of the stored row (RFC 8785 JSON of every column), never
 * the row's words. The records name no person, so reading them is not audited.
 * @module
 */
import { enforcementRequestSha256 } from '../audit/record-hashes.js';
import { requirePermission, type Actor } from '../auth/roles.js';
import { localDateOf } from '../engine/dates.js';
import { refuseFuture } from '../desk/date-checks.js';
import {
  enforcementRequestSchema,
  receivingAgencyRef,
  requestingAgencyRef,
  respondSchema,
  WITHHOLDING_GROUNDS,
  type ReceivingAgency,
  type RequestingAgency,
  type ResponseKind,
  type WithholdingGround,
} from '../desk/enforcement-request.js';
import { DeskError, parseInput } from '../desk/errors.js';
import {
  buildQuarterlyReport,
  parseQuarter,
  QUARTERLY_TIME_ZONE,
  quarterBounds,
  QuarterError,
  type QuarterlyRequestsReport,
} from '../reports/quarterly-requests.js';
import { appendAudit } from '../store/audit-writer.js';
import type { EnforcementRequestRow } from '../store/schema.js';
import { auditState } from './audit-service.js';
import type { DeskContext } from './desk-context.js';
import { readOnlySnapshot } from './read-snapshot.js';

export interface EnforcementRequestView {
  id: string;
  receivingAgency: ReceivingAgency;
  receivingAgencyName: string | null;
  /** The receiving agency in words: its name, or the one given for another city agency. */
  receivingAgencyLabel: string;
  requestingAgency: RequestingAgency;
  requestingAgencyName: string | null;
  requestingAgencyLabel: string;
  receivedAt: string;
  asked: string;
  response: {
    kind: ResponseKind;
    actions: string;
    respondedAt: string;
    respondedBy: string;
  } | null;
  withheld: { ground: WithholdingGround; clause: string; reason: string } | null;
  recordedBy: string;
  recordedAt: string;
}

function viewOf(row: EnforcementRequestRow): EnforcementRequestView {
  const ground = row.withheldGround as WithholdingGround | null;
  return {
    id: row.id,
    receivingAgency: row.receivingAgency as ReceivingAgency,
    receivingAgencyName: row.receivingAgencyName,
    receivingAgencyLabel: receivingAgencyRef(row.receivingAgency, row.receivingAgencyName).label,
    requestingAgency: row.requestingAgency as RequestingAgency,
    requestingAgencyName: row.requestingAgencyName,
    requestingAgencyLabel: requestingAgencyRef(row.requestingAgency, row.requestingAgencyName)
      .label,
    receivedAt: row.receivedAt,
    asked: row.asked,
    response:
      row.responseKind === null
        ? null
        : {
            kind: row.responseKind as ResponseKind,
            actions: row.responseActions ?? '',
            respondedAt: row.respondedAt ?? '',
            respondedBy: row.respondedBy ?? '',
          },
    withheld:
      ground === null
        ? null
        : {
            ground,
            clause: WITHHOLDING_GROUNDS[ground].clause,
            reason: row.withheldReason ?? '',
          },
    recordedBy: row.recordedBy,
    recordedAt: row.recordedAt,
  };
}

/** What the audit entry of a write holds: codes, dates and the row's hash, never its words. */
function auditPayload(row: EnforcementRequestRow): Record<string, unknown> {
  return {
    receivingAgency: row.receivingAgency,
    requestingAgency: row.requestingAgency,
    receivedAt: row.receivedAt,
    responseKind: row.responseKind,
    respondedAt: row.respondedAt,
    withheldGround: row.withheldGround,
    recordSha256: enforcementRequestSha256(row),
  };
}

const iso = (instant: string) => new Date(instant).toISOString();

/** Refuses a response time in the future or before the request was received, naming `path`. */
function checkRespondedAt(path: string, respondedAt: string, receivedAt: string, now: string) {
  refuseFuture(path, respondedAt, now);
  if (Date.parse(respondedAt) < Date.parse(receivedAt)) {
    throw DeskError.invalid([
      { path, message: `is before the request was received (${receivedAt})` },
    ]);
  }
}

export async function recordEnforcementRequest(
  ctx: DeskContext,
  actor: Actor,
  input: unknown,
): Promise<EnforcementRequestView> {
  requirePermission(actor, 'enforcement-request.record');
  const request = parseInput(enforcementRequestSchema, input);
  const now = ctx.now();
  refuseFuture('receivedAt', request.receivedAt, now);
  const receivedAt = iso(request.receivedAt);
  const respondedAt =
    request.response === undefined ? null : iso(request.response.respondedAt ?? now);
  if (respondedAt !== null) checkRespondedAt('response.respondedAt', respondedAt, receivedAt, now);
  const row: EnforcementRequestRow = {
    id: ctx.newId(),
    receivingAgency: request.receivingAgency,
    receivingAgencyName: request.receivingAgencyName ?? null,
    requestingAgency: request.requestingAgency,
    requestingAgencyName: request.requestingAgencyName ?? null,
    receivedAt,
    asked: request.asked,
    responseKind: request.response?.kind ?? null,
    responseActions: request.response?.actions ?? null,
    respondedAt,
    respondedBy: request.response === undefined ? null : actor.username,
    withheldGround: request.withheld?.ground ?? null,
    withheldReason: request.withheld?.reason ?? null,
    recordedBy: actor.username,
    recordedAt: now,
  };
  await ctx.store.transaction(async (trx) => {
    await trx.insertInto('enforcementRequests').values(row).execute();
    await appendAudit(ctx, trx, {
      at: now,
      actor: actor.username,
      action: 'enforcement-request.record',
      subject: `enforcement-request/${row.id}`,
      payload: auditPayload(row),
    });
  });
  return viewOf(row);
}

/** Records the response to a request recorded without one; a second response is a 409. */
export async function respondToEnforcementRequest(
  ctx: DeskContext,
  actor: Actor,
  id: string,
  input: unknown,
): Promise<EnforcementRequestView> {
  requirePermission(actor, 'enforcement-request.record');
  const response = parseInput(respondSchema, input);
  return ctx.store.transaction(async (trx) => {
    let query = trx.selectFrom('enforcementRequests').selectAll().where('id', '=', id);
    if (ctx.store.dialect === 'postgres') query = query.forUpdate();
    const row = await query.executeTakeFirst();
    if (row === undefined) throw DeskError.notFound('enforcement request', id);
    if (row.responseKind !== null) {
      throw new DeskError(
        'conflict',
        `the response to this request was recorded at ${row.respondedAt ?? '?'} by ${row.respondedBy ?? '?'}`,
      );
    }
    const now = ctx.now();
    const respondedAt = iso(response.respondedAt ?? now);
    checkRespondedAt('respondedAt', respondedAt, row.receivedAt, now);
    const changed: EnforcementRequestRow = {
      ...row,
      responseKind: response.kind,
      responseActions: response.actions,
      respondedAt,
      respondedBy: actor.username,
      ...(response.withheld === undefined
        ? {}
        : { withheldGround: response.withheld.ground, withheldReason: response.withheld.reason }),
    };
    await trx
      .updateTable('enforcementRequests')
      .set({
        responseKind: changed.responseKind,
        responseActions: changed.responseActions,
        respondedAt: changed.respondedAt,
        respondedBy: changed.respondedBy,
        withheldGround: changed.withheldGround,
        withheldReason: changed.withheldReason,
      })
      .where('id', '=', id)
      .execute();
    await appendAudit(ctx, trx, {
      at: now,
      actor: actor.username,
      action: 'enforcement-request.respond',
      subject: `enforcement-request/${id}`,
      payload: auditPayload(changed),
    });
    return viewOf(changed);
  });
}

export interface EnforcementRequestPage {
  items: EnforcementRequestView[];
  total: number;
  limit: number;
  offset: number;
}

export type EnforcementRequestStatus = 'open' | 'responded';

/** The requests recorded, the latest received first, a page at a time. */
export async function listEnforcementRequests(
  ctx: DeskContext,
  actor: Actor,
  options: { offset: number; limit: number; status?: EnforcementRequestStatus | undefined },
): Promise<EnforcementRequestPage> {
  requirePermission(actor, 'enforcement-request.read');
  const { offset, limit, status } = options;
  let base = ctx.store.db.selectFrom('enforcementRequests');
  if (status === 'open') base = base.where('responseKind', 'is', null);
  if (status === 'responded') base = base.where('responseKind', 'is not', null);
  const [rows, count] = await Promise.all([
    base
      .selectAll()
      .orderBy('receivedAt', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<string | number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(viewOf), total: Number(count.total), limit, offset };
}

/**
 * The § 10-178(d) report for a calendar quarter that has ended (`2026Q1`). Public: agencies,
 * response kinds and counts only. Built in one read-only snapshot with the audit log's state.
 */
export async function quarterlyRequestsReport(
  ctx: DeskContext,
  quarterText: string,
): Promise<QuarterlyRequestsReport> {
  const dataAsOf = ctx.now();
  let quarter;
  try {
    quarter = parseQuarter(quarterText, localDateOf(Date.parse(dataAsOf), QUARTERLY_TIME_ZONE));
  } catch (error) {
    if (error instanceof QuarterError) {
      throw DeskError.invalid([{ path: error.field, message: error.message }]);
    }
    throw error;
  }
  const [start, end] = quarterBounds(quarter).map(iso) as [string, string];
  return readOnlySnapshot(ctx, async (trx) => {
    const audit = await auditState(trx);
    const rows = await trx
      .selectFrom('enforcementRequests')
      .select([
        'receivedAt',
        'receivingAgency',
        'receivingAgencyName',
        'requestingAgency',
        'requestingAgencyName',
        'responseKind',
        'withheldGround',
      ])
      .where('receivedAt', '>=', start)
      .where('receivedAt', '<', end)
      .execute();
    return buildQuarterlyReport({
      quarter,
      requests: rows.map((row) => ({
        receivedAt: row.receivedAt,
        receivingAgency: receivingAgencyRef(row.receivingAgency, row.receivingAgencyName),
        requestingAgency: requestingAgencyRef(row.requestingAgency, row.requestingAgencyName),
        response: row.responseKind as ResponseKind | null,
        withheld: row.withheldGround as WithholdingGround | null,
      })),
      dataAsOf,
      audit,
    });
  });
}
