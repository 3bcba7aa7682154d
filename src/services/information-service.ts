/**
 * ICE information requests: record what was asked, decide under the law which items may be
 * answered, and record what was answered. Disclosing an item the law does not allow is refused.
 * @module
 */
import { storedTextSha256 } from '../audit/record-hashes.js';
import { requirePermission, type Actor } from '../auth/roles.js';
import type { Decision } from '../engine/decision.js';
import { refuseFuture } from '../desk/date-checks.js';
import { engineInformationCaseFor, informationIssuesOf } from '../desk/engine-case.js';
import { DeskError, parseInput } from '../desk/errors.js';
import {
  informationAnswerSchema,
  informationRequestSchema,
  type InformationRequest,
  type InformationAnswer,
} from '../desk/information-request.js';
import type { Intake } from '../desk/intake.js';
import { appendAudit } from '../store/audit-writer.js';
import { auditedRead } from './case-service.js';
import { evaluateOrRefuse } from './decision-step.js';
import type { DeskContext } from './desk-context.js';
import { storeReportFacts } from './report-facts.js';

export interface InformationRequestView {
  id: string;
  caseId: string;
  receivedAt: string;
  request: InformationRequest;
  decision: Decision;
  status: 'open' | 'answered';
  answer: InformationAnswer | null;
  answeredAt: string | null;
  answeredBy: string | null;
}

export async function recordInformationRequest(
  ctx: DeskContext,
  actor: Actor,
  caseId: string,
  input: unknown,
): Promise<InformationRequestView> {
  requirePermission(actor, 'information.handle');
  const request = parseInput(informationRequestSchema, input);
  refuseFuture('receivedAt', request.receivedAt, ctx.now());
  return ctx.store.transaction(async (trx) => {
    const row = await trx
      .selectFrom('cases')
      .select('intakeJson')
      .where('id', '=', caseId)
      .executeTakeFirst();
    if (row === undefined) throw DeskError.notFound('case', caseId);
    const now = ctx.now();
    const intake = JSON.parse(row.intakeJson) as Intake;
    const decision = evaluateOrRefuse(
      ctx,
      engineInformationCaseFor(intake, request, caseId, now),
      informationIssuesOf,
      'the information request',
    );
    const id = ctx.newId();
    const requestJson = JSON.stringify(request);
    const decisionJson = JSON.stringify(decision);
    await trx
      .insertInto('informationRequests')
      .values({
        id,
        caseId,
        receivedAt: new Date(request.receivedAt).toISOString(),
        requestJson,
        decisionJson,
        status: 'open',
        answerJson: null,
        answeredAt: null,
        answeredBy: null,
        createdAt: now,
      })
      .execute();
    const outcomes = Object.fromEntries(
      decision.outcomes.map((o) => [o.item ?? o.action, o.status]),
    );
    const auditSeq = await appendAudit(ctx, trx, {
      at: now,
      actor: actor.username,
      action: 'information.request',
      subject: `case/${caseId}/information/${id}`,
      // Hashes of the JSON as stored, so audit verify finds a request or decision changed later.
      payload: {
        items: request.information,
        outcomes,
        requestJsonSha256: storedTextSha256(requestJson),
        decisionJsonSha256: storedTextSha256(decisionJson),
      },
    });
    await storeReportFacts(ctx, trx, caseId, auditSeq, { recordUnchanged: true });
    return viewOf({
      id,
      caseId,
      request,
      decision,
      status: 'open',
      answer: null,
      answeredAt: null,
      answeredBy: null,
    });
  });
}

export async function answerInformationRequest(
  ctx: DeskContext,
  actor: Actor,
  caseId: string,
  id: string,
  input: unknown,
): Promise<InformationRequestView> {
  requirePermission(actor, 'information.handle');
  const answer = parseInput(informationAnswerSchema, input);
  return ctx.store.transaction(async (trx) => {
    let query = trx
      .selectFrom('informationRequests')
      .selectAll()
      .where('id', '=', id)
      .where('caseId', '=', caseId);
    if (ctx.store.dialect === 'postgres') query = query.forUpdate();
    const row = await query.executeTakeFirst();
    if (row === undefined) throw DeskError.notFound('information request', id);
    if (row.status !== 'open')
      throw new DeskError('conflict', 'this information request was already answered');
    const decision = JSON.parse(row.decisionJson) as Decision;
    const forbidden = answer.disclosed.filter((item) => {
      const outcome = decision.outcomes.find((o) => o.item === item);
      return outcome?.status !== 'allowed' && outcome?.status !== 'required';
    });
    if (forbidden.length > 0) {
      throw new DeskError(
        'not-lawful',
        `the law does not allow disclosing: ${forbidden.join(', ')}`,
        [{ path: 'disclosed', message: `not allowed: ${forbidden.join(', ')}` }],
      );
    }
    const answeredAt = new Date(answer.answeredAt ?? ctx.now()).toISOString();
    refuseFuture('answeredAt', answeredAt, ctx.now());
    if (Date.parse(answeredAt) < Date.parse(row.receivedAt)) {
      throw DeskError.invalid([
        { path: 'answeredAt', message: `is before the request was received (${row.receivedAt})` },
      ]);
    }
    const answerJson = JSON.stringify(answer);
    await trx
      .updateTable('informationRequests')
      .set({
        status: 'answered',
        answerJson,
        answeredAt,
        answeredBy: actor.username,
      })
      .where('id', '=', id)
      .execute();
    const auditSeq = await appendAudit(ctx, trx, {
      at: ctx.now(),
      actor: actor.username,
      action: 'information.answer',
      subject: `case/${caseId}/information/${id}`,
      payload: {
        disclosed: answer.disclosed,
        answeredAt,
        answerJsonSha256: storedTextSha256(answerJson),
      },
    });
    await storeReportFacts(ctx, trx, caseId, auditSeq, { recordUnchanged: true });
    return viewOf({
      id,
      caseId,
      request: JSON.parse(row.requestJson) as InformationRequest,
      decision,
      status: 'answered',
      answer,
      answeredAt,
      answeredBy: actor.username,
    });
  });
}

/**
 * The information requests about a case, for `actor` (undefined: not signed in). They hold what
 * ICE asked and what was said about the person, so the read is audited, and so is a refusal.
 */
export async function listInformationRequests(
  ctx: DeskContext,
  actor: Actor | undefined,
  caseId: string,
): Promise<InformationRequestView[]> {
  return auditedRead(ctx, actor, caseId, 'information.read', async (reader) => {
    requirePermission(reader, 'case.read');
    const views = await loadInformationRequests(ctx, caseId);
    await ctx.store.transaction((trx) =>
      appendAudit(ctx, trx, {
        at: ctx.now(),
        actor: reader.username,
        action: 'information.read',
        subject: `case/${caseId}`,
        payload: { requests: views.map((view) => view.id) },
      }),
    );
    return views;
  });
}

/** The information requests about a case, without auditing: for loaders that audit their own. */
export async function loadInformationRequests(
  ctx: DeskContext,
  caseId: string,
): Promise<InformationRequestView[]> {
  const found = await ctx.store.db
    .selectFrom('cases')
    .select('id')
    .where('id', '=', caseId)
    .executeTakeFirst();
  if (found === undefined) throw DeskError.notFound('case', caseId);
  const rows = await ctx.store.db
    .selectFrom('informationRequests')
    .selectAll()
    .where('caseId', '=', caseId)
    .orderBy('receivedAt')
    .execute();
  return rows.map((row) =>
    viewOf({
      id: row.id,
      caseId,
      request: JSON.parse(row.requestJson) as InformationRequest,
      decision: JSON.parse(row.decisionJson) as Decision,
      status: row.status as 'open' | 'answered',
      answer: row.answerJson === null ? null : (JSON.parse(row.answerJson) as InformationAnswer),
      answeredAt: row.answeredAt,
      answeredBy: row.answeredBy,
    }),
  );
}

function viewOf(view: Omit<InformationRequestView, 'receivedAt'>): InformationRequestView {
  return { ...view, receivedAt: new Date(view.request.receivedAt).toISOString() };
}
