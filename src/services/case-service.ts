/**
 * Cases from intake to reading: record a detainer request received (idempotently), read one case
 * (an audited read of a person's record), list cases, and correct or complete the record.
 * @module
 */
import { createHash } from 'node:crypto';
import { canonicalize } from 'json-canonicalize';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { requirePermission, type Actor } from '../auth/roles.js';
import { instantSchema } from '../engine/case.js';
import type { Decision } from '../engine/decision.js';
import {
  CASE_STATUSES,
  RELEASE_KINDS,
  stepsFrom,
  type CaseStatus,
  type CaseStep,
} from '../desk/case-lifecycle.js';
import {
  effectiveOutcomes,
  type EffectiveOutcome,
  type OverrideEntry,
} from '../desk/effective-outcomes.js';
import { dateWarnings, refuseFutureRequest } from '../desk/date-checks.js';
import { missingFactFields, type MissingFactField } from '../desk/engine-case.js';
import { DeskError, parseInput } from '../desk/errors.js';
import { intakeSchema, type Intake, type Person } from '../desk/intake.js';
import {
  applyRecordCorrection,
  applyRequestCorrection,
  changedFields,
  recordCorrectionSchema,
  requestCorrectionSchema,
} from '../desk/record-correction.js';
import { FORMS } from '../engine/case.js';
import type { FieldIssue } from '../engine/errors.js';
import { appendAudit } from '../store/audit-writer.js';
import { insertRow, prepareQuery } from '../store/compiled-query.js';
import type { CaseRow, Database, DecisionRow } from '../store/schema.js';
import { applyCaseChange, changeCase, type Trx } from './case-transaction.js';
import { storeReportFacts } from './report-facts.js';
import { freezeDecision } from './decision-step.js';
import type { DeskContext } from './desk-context.js';

export interface CaseSummary {
  id: string;
  version: number;
  status: CaseStatus;
  jurisdiction: string;
  form: string;
  receivedAt: string;
  expectedReleaseAt: string | null;
  holdUntil: string | null;
  closedAs: string | null;
}

export interface DecisionView {
  id: string;
  decidedAt: string;
  decidedBy: string;
  status: string;
  decision: Decision;
  override: OverrideEntry[] | null;
  overrideReason: string | null;
  overrideBy: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  effective: EffectiveOutcome[];
  /** Dates of the record that are possible but unlikely (a year typo?), each with its field. */
  warnings: FieldIssue[];
}

export interface CaseEventView {
  kind: string;
  at: string;
  recordedBy: string;
  recordedAt: string;
  details: Record<string, unknown>;
}

export interface CaseView extends CaseSummary {
  person: Person;
  custody: Intake['custody'];
  history: Intake['history'];
  request: Intake['request'];
  decision: DecisionView | null;
  /** The facts the current decision is missing, each with the field of the record that supplies it. */
  missingFacts: MissingFactField[];
  hold: { startedAt: string; until: string; overdue: boolean } | null;
  iceNotifiedAt: string | null;
  closedAt: string | null;
  events: CaseEventView[];
  nextSteps: CaseStep[];
}

/** The identity of a detainer request: the same request submitted twice is one case. */
function intakeKeyOf(intake: Intake): string {
  const identity = {
    jurisdiction: intake.jurisdiction,
    bookingNumber: intake.custody.bookingNumber,
    person: intake.person.name,
    form: intake.request.form,
    receivedAt: Date.parse(intake.request.receivedAt),
    subjectId: intake.request.subjectId ?? null,
    eventNumber: intake.request.eventNumber ?? null,
  };
  return createHash('sha256').update(canonicalize(identity)).digest('hex');
}

/**
 * The hash the audit log keeps of a record: SHA-256 of its JSON exactly as stored in
 * `cases.intake_json`, so anyone can check a stored record against its audit entries.
 */
const recordSha256 = (storedJson: string) =>
  createHash('sha256').update(storedJson, 'utf8').digest('hex');

export interface IntakeResult {
  id: string;
  created: boolean;
  version: number;
  status: CaseStatus;
}

/**
 * Records a detainer request received, idempotently: the same request again answers the case
 * already recorded. With `decide`, the engine decides a new case in the same transaction, so the
 * case is stored with its decision or not at all.
 */
export async function intakeCase(
  ctx: DeskContext,
  actor: Actor,
  input: unknown,
  options: { decide?: boolean } = {},
): Promise<IntakeResult> {
  requirePermission(actor, 'case.intake');
  return recordIntake(ctx, actor, parseInput(intakeSchema, input), options);
}

/**
 * The checks `recordIntake` makes before it stores anything, for an intake already validated
 * against `intakeSchema`: a form can show a field's problem before it is submitted. It reads and
 * writes nothing, so it is not audited.
 */
export function checkIntake(ctx: DeskContext, actor: Actor, intake: Intake): void {
  requirePermission(actor, 'case.intake');
  refuseFutureRequest(intake, ctx.now());
}

/** `intakeCase` for an intake already validated against `intakeSchema` (by the API route). */
export async function recordIntake(
  ctx: DeskContext,
  actor: Actor,
  intake: Intake,
  { decide = false }: { decide?: boolean } = {},
): Promise<IntakeResult> {
  if (decide) requirePermission(actor, 'case.decide');
  checkIntake(ctx, actor, intake);
  const intakeKey = intakeKeyOf(intake);
  try {
    return await ctx.store.transaction(async (trx): Promise<IntakeResult> => {
      const existing = await findByIntakeKey(ctx, trx, intakeKey);
      if (existing !== undefined) return { ...existing, created: false };
      const now = ctx.now();
      const intakeJson = JSON.stringify(intake);
      const row: CaseRow = {
        id: ctx.newId(),
        intakeKey,
        personId: await personIdFor(ctx, trx, intake.person, now),
        jurisdiction: intake.jurisdiction,
        status: 'received',
        version: 1,
        form: intake.request.form,
        receivedAt: new Date(intake.request.receivedAt).toISOString(),
        expectedReleaseAt: isoOrNull(intake.custody.expectedReleaseAt),
        intakeJson,
        holdStartedAt: null,
        holdUntil: null,
        iceNotifiedAt: null,
        closedAt: null,
        closedAs: null,
        createdAt: now,
        updatedAt: now,
      };
      await insertRow(trx, ctx.store.dialect, 'cases', row);
      // The audit log holds a hash of the record, never the person's details.
      const intakeEntry = {
        at: now,
        actor: actor.username,
        action: 'case.intake',
        subject: `case/${row.id}`,
        payload: { intakeSha256: recordSha256(intakeJson), status: 'received', version: 1 },
      };
      if (!decide) {
        await storeReportFacts(ctx, trx, row.id, await appendAudit(ctx, trx, intakeEntry));
        return { id: row.id, created: true, version: 1, status: 'received' };
      }
      const { version, status } = await applyCaseChange(
        ctx,
        trx,
        actor,
        row,
        'decide',
        () => freezeDecision(ctx, actor, trx, row.id, intake),
        [intakeEntry],
      );
      return { id: row.id, created: true, version, status };
    });
  } catch (error) {
    // Two identical intakes raced (on PostgreSQL); the other one won and this one is that case.
    const winner = await findByIntakeKey(ctx, ctx.store.db, intakeKey);
    if (winner !== undefined) return { ...winner, created: false };
    throw error;
  }
}

const caseByIntakeKey = prepareQuery((db, values: { intakeKey: string }) =>
  db
    .selectFrom('cases')
    .select(['id', 'version', 'status'])
    .where('intakeKey', '=', values.intakeKey),
);

async function findByIntakeKey(ctx: DeskContext, db: Kysely<Database>, intakeKey: string) {
  const row = await caseByIntakeKey.first(db, ctx.store.dialect, { intakeKey });
  return row === undefined
    ? undefined
    : { id: row.id, version: row.version, status: row.status as CaseStatus };
}

const personByNysid = prepareQuery((db, values: { nysid: string }) =>
  db.selectFrom('persons').select('id').where('nysid', '=', values.nysid),
);
const personByANumber = prepareQuery((db, values: { aNumber: string }) =>
  db.selectFrom('persons').select('id').where('aNumber', '=', values.aNumber),
);

/**
 * The person a corrected case is about. With the same NYSID and A-number it is the same person,
 * whose details are corrected for every case of theirs. A changed identifier links the case to
 * the person on record with the new one; where that is the person already linked (found by the
 * other identifier), the identifier is corrected on their record; where nobody has it, the case
 * gets a new person.
 */
async function correctedPerson(
  ctx: DeskContext,
  trx: Trx,
  personId: string,
  stored: Person,
  next: Person,
): Promise<string> {
  const identified = stored.nysid !== next.nysid || stored.aNumber !== next.aNumber;
  const target = identified ? await personOnRecord(ctx, trx, next) : personId;
  if (target === undefined) return personIdFor(ctx, trx, next, ctx.now());
  if (target !== personId) return target;
  await trx
    .updateTable('persons')
    .set({
      name: next.name,
      dateOfBirth: next.dateOfBirth ?? null,
      nysid: next.nysid ?? null,
      fbiNumber: next.fbiNumber ?? null,
      aNumber: next.aNumber ?? null,
    })
    .where('id', '=', personId)
    .execute();
  return personId;
}

/** The person on record with this NYSID, else with this A-number. */
async function personOnRecord(ctx: DeskContext, trx: Trx, person: Person) {
  const { dialect } = ctx.store;
  const found =
    (person.nysid === undefined
      ? undefined
      : await personByNysid.first(trx, dialect, { nysid: person.nysid })) ??
    (person.aNumber === undefined
      ? undefined
      : await personByANumber.first(trx, dialect, { aNumber: person.aNumber }));
  return found?.id;
}

/** The person already on record with the same NYSID or A-number, or a new one. */
async function personIdFor(ctx: DeskContext, trx: Trx, person: Person, now: string) {
  const { dialect } = ctx.store;
  const found = await personOnRecord(ctx, trx, person);
  if (found !== undefined) return found;
  const id = ctx.newId();
  await insertRow(trx, dialect, 'persons', {
    id,
    name: person.name,
    dateOfBirth: person.dateOfBirth ?? null,
    nysid: person.nysid ?? null,
    fbiNumber: person.fbiNumber ?? null,
    aNumber: person.aNumber ?? null,
    createdAt: now,
  });
  return id;
}

const isoOrNull = (instant: string | undefined) =>
  instant === undefined ? null : new Date(instant).toISOString();

/** The actor the audit log names for a caller who is not signed in (no username can be this). */
export const ANONYMOUS = '(anonymous)';

const REFUSALS: ReadonlySet<DeskError['code']> = new Set([
  'unauthenticated',
  'forbidden',
  'not-found',
]);

/** Case ids are UUIDs; anything else typed into a URL is not written to the log. */
const CASE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Runs a read of a person's records for `actor` (undefined: not signed in), auditing a refusal
 * too: who was refused which case and why. The log gets the case id only when it is one, and
 * never anything else the caller sent.
 */
export async function auditedRead<T>(
  ctx: DeskContext,
  actor: Actor | undefined,
  caseId: string,
  action: string,
  read: (actor: Actor) => Promise<T>,
): Promise<T> {
  try {
    if (actor === undefined)
      throw new DeskError('unauthenticated', 'sign in, or send an API token');
    return await read(actor);
  } catch (error) {
    if (error instanceof DeskError && REFUSALS.has(error.code)) {
      await ctx.store.transaction((trx) =>
        appendAudit(ctx, trx, {
          at: ctx.now(),
          actor: actor?.username ?? ANONYMOUS,
          action: `${action}-refused`,
          subject: CASE_ID.test(caseId) ? `case/${caseId}` : 'case/(not a case id)',
          payload: { refused: error.code },
        }),
      );
    }
    throw error;
  }
}

/**
 * Reads one case with its person, decision, hold clock and timeline, for `actor` (undefined: not
 * signed in). The read is audited, and so is a refusal.
 */
export async function readCase(
  ctx: DeskContext,
  actor: Actor | undefined,
  id: string,
): Promise<CaseView> {
  return auditedRead(ctx, actor, id, 'case.read', async (reader) => {
    requirePermission(reader, 'case.read');
    const view = await loadCaseView(ctx, id);
    await ctx.store.transaction((trx) =>
      appendAudit(ctx, trx, {
        at: ctx.now(),
        actor: reader.username,
        action: 'case.read',
        subject: `case/${id}`,
        payload: { version: view.version },
      }),
    );
    return view;
  });
}

/** The case as stored, without auditing: for services that already audit their own step. */
export async function loadCaseView(ctx: DeskContext, id: string): Promise<CaseView> {
  const db = ctx.store.db;
  const row = await db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw DeskError.notFound('case', id);
  const intake = JSON.parse(row.intakeJson) as Intake;
  const decisionRow = await currentDecision(ctx, id);
  const events = await db
    .selectFrom('caseEvents')
    .selectAll()
    .where('caseId', '=', id)
    .orderBy('recordedAt')
    .orderBy('at')
    .execute();
  const status = row.status as CaseStatus;
  const decision = decisionRow === undefined ? null : decisionViewOf(decisionRow);
  return {
    ...summaryOf(row),
    person: intake.person,
    custody: intake.custody,
    history: intake.history,
    request: intake.request,
    decision: decision === null ? null : { ...decision, warnings: dateWarnings(intake) },
    missingFacts: decision === null ? [] : missingFactFields(decision.decision),
    hold:
      row.holdStartedAt === null || row.holdUntil === null
        ? null
        : {
            startedAt: row.holdStartedAt,
            until: row.holdUntil,
            overdue: status === 'holding' && Date.parse(ctx.now()) > Date.parse(row.holdUntil),
          },
    iceNotifiedAt: row.iceNotifiedAt,
    closedAt: row.closedAt,
    events: events.map((event) => ({
      kind: event.kind,
      at: event.at,
      recordedBy: event.recordedBy,
      recordedAt: event.recordedAt,
      details: JSON.parse(event.detailsJson) as Record<string, unknown>,
    })),
    nextSteps: stepsFrom(status),
  };
}

export async function currentDecision(
  ctx: DeskContext,
  caseId: string,
  trx?: Trx,
): Promise<DecisionRow | undefined> {
  return (trx ?? ctx.store.db)
    .selectFrom('decisions')
    .selectAll()
    .where('caseId', '=', caseId)
    .where('status', '!=', 'superseded')
    .orderBy('decidedAt', 'desc')
    .executeTakeFirst();
}

export function decisionViewOf(row: DecisionRow): Omit<DecisionView, 'warnings'> {
  const decision = JSON.parse(row.decisionJson) as Decision;
  const override =
    row.overrideJson === null ? null : (JSON.parse(row.overrideJson) as OverrideEntry[]);
  const approved = row.status === 'overridden';
  return {
    id: row.id,
    decidedAt: row.decidedAt,
    decidedBy: row.decidedBy,
    status: row.status,
    decision,
    override,
    overrideReason: row.overrideReason,
    overrideBy: row.overrideBy,
    reviewedBy: row.reviewedBy,
    reviewedAt: row.reviewedAt,
    effective: effectiveOutcomes(decision, approved && override !== null ? override : []),
  };
}

function summaryOf(row: CaseRow): CaseSummary {
  return {
    id: row.id,
    version: row.version,
    status: row.status as CaseStatus,
    jurisdiction: row.jurisdiction,
    form: row.form,
    receivedAt: row.receivedAt,
    expectedReleaseAt: row.expectedReleaseAt,
    holdUntil: row.holdUntil,
    closedAs: row.closedAs,
  };
}

export const caseFilterSchema = z.strictObject({
  status: z.enum(CASE_STATUSES).optional(),
  jurisdiction: z.string().optional(),
  form: z.enum(FORMS).optional(),
  closedAs: z.enum(RELEASE_KINDS).optional(),
  receivedFrom: instantSchema.optional().describe('Received at or after this instant.'),
  receivedBefore: instantSchema.optional().describe('Received before this instant.'),
  holdOverdue: z
    .enum(['true', 'false'])
    .optional()
    .describe('true: only cases still holding after the lawful end of their hold.'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type CaseFilter = z.input<typeof caseFilterSchema>;

/** The cases a filter selects (without paging), for lists and exports alike. */
export function filteredCases(
  ctx: DeskContext,
  filter: Omit<z.output<typeof caseFilterSchema>, 'limit' | 'offset'>,
) {
  let query = ctx.store.db.selectFrom('cases');
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.jurisdiction) query = query.where('jurisdiction', '=', filter.jurisdiction);
  if (filter.form) query = query.where('form', '=', filter.form);
  if (filter.closedAs) query = query.where('closedAs', '=', filter.closedAs);
  if (filter.receivedFrom) {
    query = query.where('receivedAt', '>=', new Date(filter.receivedFrom).toISOString());
  }
  if (filter.receivedBefore) {
    query = query.where('receivedAt', '<', new Date(filter.receivedBefore).toISOString());
  }
  if (filter.holdOverdue === 'true') {
    query = query.where('status', '=', 'holding').where('holdUntil', '<', ctx.now());
  }
  return query;
}

/** Lists cases, newest first, without personal details. */
export async function listCases(
  ctx: DeskContext,
  actor: Actor,
  filterInput: unknown,
): Promise<{ items: CaseSummary[]; total: number; limit: number; offset: number }> {
  requirePermission(actor, 'case.read');
  const filter = parseInput(caseFilterSchema, filterInput);
  const query = filteredCases(ctx, filter);
  const [rows, count] = await Promise.all([
    query
      .selectAll()
      .orderBy('receivedAt', 'desc')
      .orderBy('id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    query.select((eb) => eb.fn.countAll<string | number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map(summaryOf),
    total: Number(count.total),
    limit: filter.limit,
    offset: filter.offset,
  };
}

/**
 * Corrects or completes the record, field by field (src/desk/record-correction.ts): only the fields
 * named change. Any decision not yet acted on is superseded.
 */
export async function updateRecord(
  ctx: DeskContext,
  actor: Actor,
  id: string,
  ifMatch: number | undefined,
  input: unknown,
): Promise<{ version: number; status: CaseStatus }> {
  requirePermission(actor, 'case.update');
  const correction = parseInput(recordCorrectionSchema, input);
  return correctCase(ctx, actor, id, ifMatch, 'update-record', (intake) =>
    applyRecordCorrection(intake, correction),
  );
}

/**
 * A reviewer corrects the detainer request as recorded (when it was received, the form, the boxes
 * ticked), with a written reason kept on the case's timeline. The case must be decided again.
 */
export async function correctRequest(
  ctx: DeskContext,
  actor: Actor,
  id: string,
  ifMatch: number | undefined,
  input: unknown,
): Promise<{ version: number; status: CaseStatus }> {
  requirePermission(actor, 'case.review');
  const correction = parseInput(requestCorrectionSchema, input);
  return correctCase(
    ctx,
    actor,
    id,
    ifMatch,
    'correct-request',
    (intake) => applyRequestCorrection(intake, correction),
    correction.reason,
  );
}

/**
 * Stores a corrected record: validated again as a whole (so a correction meets every rule an
 * intake does), refused when it changes nothing, and the event and audit entry name exactly the
 * fields whose value changed.
 */
async function correctCase(
  ctx: DeskContext,
  actor: Actor,
  id: string,
  ifMatch: number | undefined,
  step: 'update-record' | 'correct-request',
  correct: (intake: Intake) => Intake,
  reason?: string,
): Promise<{ version: number; status: CaseStatus }> {
  const { version, status } = await changeCase(ctx, actor, id, ifMatch, step, async (trx, row) => {
    const intake = JSON.parse(row.intakeJson) as Intake;
    const next = parseInput(intakeSchema, correct(intake));
    refuseFutureRequest(next, ctx.now());
    const fields = changedFields(intake, next);
    if (fields.length === 0) {
      throw DeskError.invalid([
        { path: '(body)', message: 'changes nothing: every field named already has that value' },
      ]);
    }
    const intakeJson = JSON.stringify(next);
    const personId = await correctedPerson(ctx, trx, row.personId, intake.person, next.person);
    await trx
      .updateTable('decisions')
      .set({ status: 'superseded' })
      .where('caseId', '=', id)
      .where('status', '!=', 'superseded')
      .execute();
    return {
      patch: {
        intakeJson,
        personId,
        form: next.request.form,
        receivedAt: new Date(next.request.receivedAt).toISOString(),
        expectedReleaseAt: isoOrNull(next.custody.expectedReleaseAt),
      },
      event: {
        kind: step === 'update-record' ? 'record-updated' : 'request-corrected',
        at: ctx.now(),
        details: reason === undefined ? { fields } : { fields, reason },
      },
      // The reason is kept on the timeline; the log holds its hash, which ties the two.
      audit: {
        intakeSha256: recordSha256(intakeJson),
        fields,
        ...(reason === undefined ? {} : { reasonSha256: recordSha256(reason) }),
      },
      result: undefined,
    };
  });
  return { version, status };
}
