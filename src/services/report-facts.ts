/**
 * What the mandated reports read of each case (src/reports/report-case.ts), derived from the case's
 * record, timeline and information requests and kept in `report_facts` (migration 0008). Every
 * change to a case rewrites its row in the same transaction, so a report reads one indexed range
 * of rows instead of classifying every record again, and a period's rows can be told unchanged
 * by two numbers (`periodStamp`).
 *
 * A row is derived data: it records the revision of the code that derived it. When that code
 * changes what a row holds, REPORT_FACTS_REVISION changes (report-facts.test.ts fails until it
 * does), and `ensureReportFacts` derives every row again before the first report is read.
 * @module
 */
import type { OnConflictBuilder } from 'kysely';
import { parseCase } from '../engine/case.js';
import { localDateOf } from '../engine/dates.js';
import { engineCaseFor } from '../desk/engine-case.js';
import type { InformationAnswer, InformationRequest } from '../desk/information-request.js';
import type { Intake } from '../desk/intake.js';
import { REPORT_LAWS, reportLawFor } from '../law/report-laws.js';
import type { ReportCase } from '../reports/report-case.js';
import type { ReportLaw } from '../reports/report-law.js';
import { appendAudit } from '../store/audit-writer.js';
import { prepareQuery } from '../store/compiled-query.js';
import type { Store } from '../store/open-store.js';
import type { Database } from '../store/schema.js';
import type { Trx } from './case-transaction.js';
import type { DeskContext } from './desk-context.js';
import { readOnlySnapshot } from './read-snapshot.js';

/** Changes whenever what a row holds for the same records changes; see report-facts.test.ts. */
export const REPORT_FACTS_REVISION = '2026-12-08.1';

/** A span longer than this flags its row, so a period finds it without scanning every row. */
const YEAR_MS = 366 * 86_400_000;

interface CaseSource {
  id: string;
  personId: string;
  jurisdiction: string;
  receivedAt: string;
  intakeJson: string;
}

interface EventSource {
  caseId: string;
  kind: string;
  at: string;
}

interface RequestSource {
  id: string;
  caseId: string;
  receivedAt: string;
  requestJson: string;
  answerJson: string | null;
  answeredAt: string | null;
}

/** The case as its reports read it: the law's tests run on the record as it now stands. */
export function reportCaseOf(
  law: ReportLaw,
  source: CaseSource,
  events: readonly EventSource[],
  requests: readonly RequestSource[],
): ReportCase {
  const intake = JSON.parse(source.intakeJson) as Intake;
  const input = parseCase(engineCaseFor(intake, source.id, source.receivedAt));
  return {
    id: source.id,
    personId: source.personId,
    jurisdiction: source.jurisdiction,
    receivedAt: source.receivedAt,
    reasons: [
      ...intake.request.probableCause,
      ...intake.request.administrativeWarrants.map((warrant) => warrant.form),
    ],
    ...timelineOf(events, requests),
    subject: law.subjectFacts(input, localDateOf(Date.parse(source.receivedAt), law.timeZone)),
    ...(intake.custody.facility === undefined ? {} : { facility: intake.custody.facility }),
    ...(intake.person.citizenship === undefined ? {} : { citizenship: intake.person.citizenship }),
    custodyCharges: intake.custody.charges.map((charge) =>
      charge.level === undefined ? {} : { level: charge.level },
    ),
  };
}

/** What the case's timeline and information requests give its reports, in time order. */
function timelineOf(
  events: readonly EventSource[],
  requests: readonly RequestSource[],
): Pick<ReportCase, 'events' | 'informationRequests'> {
  return {
    events: [...events]
      .sort((a, b) => a.at.localeCompare(b.at))
      .map((event) => ({ kind: event.kind, at: event.at })),
    informationRequests: [...requests]
      .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt))
      .map(informationRequestOf),
  };
}

function informationRequestOf(request: RequestSource): ReportCase['informationRequests'][number] {
  const asked = JSON.parse(request.requestJson) as InformationRequest;
  const answer =
    request.answerJson === null ? undefined : (JSON.parse(request.answerJson) as InformationAnswer);
  return {
    id: request.id,
    receivedAt: request.receivedAt,
    requester: asked.requester,
    asked: asked.information,
    ...(answer === undefined || request.answeredAt === null
      ? {}
      : { disclosed: answer.disclosed, answeredAt: request.answeredAt }),
  };
}

/** The first and last instant anything a count reads happened to the case. */
function spanOf(reportCase: ReportCase): [string, string] {
  const instants = [
    reportCase.receivedAt,
    ...reportCase.events.map((event) => event.at),
    ...reportCase.informationRequests.flatMap((request) =>
      request.answeredAt === undefined
        ? [request.receivedAt]
        : [request.receivedAt, request.answeredAt],
    ),
  ].map((instant) => Date.parse(instant));
  return [
    new Date(Math.min(...instants)).toISOString(),
    new Date(Math.max(...instants)).toISOString(),
  ];
}

function factsRow(reportCase: ReportCase, auditSeq: number) {
  const [firstAt, lastAt] = spanOf(reportCase);
  return {
    caseId: reportCase.id,
    jurisdiction: reportCase.jurisdiction,
    firstAt,
    lastAt,
    longSpan: Date.parse(lastAt) - Date.parse(firstAt) > YEAR_MS ? 1 : 0,
    auditSeq,
    revision: REPORT_FACTS_REVISION,
    factsJson: JSON.stringify(reportCase),
  };
}

const readCase = prepareQuery((db, values: { id: string }) =>
  db
    .selectFrom('cases')
    .select(['id', 'personId', 'jurisdiction', 'receivedAt', 'intakeJson'])
    .where('id', '=', values.id),
);

const readEvents = prepareQuery((db, values: { caseId: string }) =>
  db.selectFrom('caseEvents').select(['caseId', 'kind', 'at']).where('caseId', '=', values.caseId),
);

const readRequests = prepareQuery((db, values: { caseId: string }) =>
  db
    .selectFrom('informationRequests')
    .select(['id', 'caseId', 'receivedAt', 'requestJson', 'answerJson', 'answeredAt'])
    .where('caseId', '=', values.caseId),
);

/** On a case that has a row already, the row becomes the new one. */
function replaceRow(conflict: OnConflictBuilder<Database, 'reportFacts'>) {
  return conflict.column('caseId').doUpdateSet((eb) => ({
    jurisdiction: eb.ref('excluded.jurisdiction'),
    firstAt: eb.ref('excluded.firstAt'),
    lastAt: eb.ref('excluded.lastAt'),
    longSpan: eb.ref('excluded.longSpan'),
    auditSeq: eb.ref('excluded.auditSeq'),
    revision: eb.ref('excluded.revision'),
    factsJson: eb.ref('excluded.factsJson'),
  }));
}

const readStoredFacts = prepareQuery((db, values: { caseId: string }) =>
  db
    .selectFrom('reportFacts')
    .select(['revision', 'factsJson'])
    .where('caseId', '=', values.caseId),
);

const upsertFacts = prepareQuery((db, row: ReturnType<typeof factsRow>) =>
  db
    .insertInto('reportFacts')
    .values({
      caseId: row.caseId,
      jurisdiction: row.jurisdiction,
      firstAt: row.firstAt,
      lastAt: row.lastAt,
      longSpan: row.longSpan,
      auditSeq: row.auditSeq,
      revision: row.revision,
      factsJson: row.factsJson,
    })
    .onConflict(replaceRow),
);

/**
 * Derives the case's row again, inside the transaction that changed the case, after its audit
 * entry `auditSeq`. Appending that entry took the log's one lock, so every change committed
 * before is visible here and no other row is derived until this one commits. `recordUnchanged`:
 * the change left the case's record, person, jurisdiction and received time as they were. A case
 * of a jurisdiction with no reporting duty has no row.
 */
export async function storeReportFacts(
  ctx: { store: Pick<Store, 'dialect'> },
  trx: Trx,
  caseId: string,
  auditSeq: number,
  { recordUnchanged = false }: { recordUnchanged?: boolean } = {},
): Promise<void> {
  const { dialect } = ctx.store;
  if (recordUnchanged) {
    // The change left the record, the person and the date as they were: what the law's tests
    // made of them stands, and only the timeline and the information requests are read again.
    const stored = await readStoredFacts.first(trx, dialect, { caseId });
    if (stored?.revision === REPORT_FACTS_REVISION) {
      const previous = JSON.parse(stored.factsJson) as ReportCase;
      const events = await readEvents.all(trx, dialect, { caseId });
      const requests = await readRequests.all(trx, dialect, { caseId });
      const reportCase = { ...previous, ...timelineOf(events, requests) };
      await upsertFacts.run(trx, dialect, factsRow(reportCase, auditSeq));
      return;
    }
  }
  const source = await readCase.first(trx, dialect, { id: caseId });
  const law = source === undefined ? undefined : reportLawFor(source.jurisdiction);
  if (source === undefined || law === undefined) return;
  const events = await readEvents.all(trx, dialect, { caseId });
  const requests = await readRequests.all(trx, dialect, { caseId });
  await upsertFacts.run(
    trx,
    dialect,
    factsRow(reportCaseOf(law, source, events, requests), auditSeq),
  );
}

/** Rows derived in one transaction when the revision changes. */
const DERIVE_PAGE = 500;

const ready = new WeakMap<object, Promise<void>>();

/**
 * Resolves once every case of a reporting jurisdiction has a row derived by this revision: at
 * once, after one read, when the store says so; otherwise after deriving the missing and stale
 * rows, a page at a time, each page audited. Called before any report reads rows.
 */
export function ensureReportFacts(ctx: DeskContext): Promise<void> {
  let done = ready.get(ctx.store);
  if (done === undefined) {
    done = deriveStaleFacts(ctx);
    ready.set(ctx.store, done);
    // A failure is reported to this caller and retried by the next.
    done.catch(() => ready.delete(ctx.store));
  }
  return done;
}

async function deriveStaleFacts(ctx: DeskContext): Promise<void> {
  const state = await ctx.store.transaction((trx) =>
    trx.selectFrom('reportFactsState').select('revision').where('id', '=', 1).executeTakeFirst(),
  );
  if (state?.revision === REPORT_FACTS_REVISION) return;
  const jurisdictions = REPORT_LAWS.map((law) => law.jurisdiction);
  // A page of cases at a time by id, each with the revision of its row: both by index, so the
  // walk costs the same on every page whatever the size of the store.
  for (let after = ''; ;) {
    const last = await ctx.store.transaction(async (trx) => {
      const page = await trx
        .selectFrom('cases')
        .select('id')
        .where('jurisdiction', 'in', jurisdictions)
        .where('id', '>', after)
        .orderBy('id')
        .limit(DERIVE_PAGE)
        .execute();
      if (page.length === 0) return undefined;
      const ids = page.map((row) => row.id);
      const current = new Set(
        (
          await trx
            .selectFrom('reportFacts')
            .select('caseId')
            .where('caseId', 'in', ids)
            .where('revision', '=', REPORT_FACTS_REVISION)
            .execute()
        ).map((row) => row.caseId),
      );
      const stale = ids.filter((id) => !current.has(id));
      if (stale.length > 0) {
        const seq = await appendAudit(ctx, trx, {
          at: ctx.now(),
          actor: 'desk',
          action: 'report.facts-derived',
          subject: 'report-facts',
          payload: {
            revision: REPORT_FACTS_REVISION,
            cases: stale.length,
            from: stale[0],
            to: stale.at(-1),
          },
        });
        await deriveRows(trx, stale, seq);
      }
      return ids.at(-1);
    });
    if (last === undefined) break;
    after = last;
  }
  await ctx.store.transaction(async (trx) => {
    await trx
      .insertInto('reportFactsState')
      .values({ id: 1, revision: REPORT_FACTS_REVISION })
      .onConflict((conflict) =>
        conflict.column('id').doUpdateSet({ revision: REPORT_FACTS_REVISION }),
      )
      .execute();
  });
}

/** Derives the rows of `ids` and stores them in one statement: one round trip a page. */
async function deriveRows(trx: Trx, ids: string[], auditSeq: number) {
  const rows = await derivedRows(trx, ids, auditSeq);
  if (rows.length === 0) return;
  await trx.insertInto('reportFacts').values(rows).onConflict(replaceRow).execute();
}

/** The rows the cases `ids` (of reporting jurisdictions) should have, as of `auditSeq`. */
async function derivedRows(trx: Trx, ids: string[], auditSeq: number) {
  const cases = await trx
    .selectFrom('cases')
    .select(['id', 'personId', 'jurisdiction', 'receivedAt', 'intakeJson'])
    .where('id', 'in', ids)
    .execute();
  const eventsOf = groupBy(
    await trx
      .selectFrom('caseEvents')
      .select(['caseId', 'kind', 'at'])
      .where('caseId', 'in', ids)
      .execute(),
    (event) => event.caseId,
  );
  const requestsOf = groupBy(
    await trx
      .selectFrom('informationRequests')
      .select(['id', 'caseId', 'receivedAt', 'requestJson', 'answerJson', 'answeredAt'])
      .where('caseId', 'in', ids)
      .execute(),
    (request) => request.caseId,
  );
  return cases.flatMap((source) => {
    const law = reportLawFor(source.jurisdiction);
    if (law === undefined) return [];
    const events = eventsOf.get(source.id) ?? [];
    const requests = requestsOf.get(source.id) ?? [];
    return [factsRow(reportCaseOf(law, source, events, requests), auditSeq)];
  });
}

/** A row of `report_facts` that is not what the case's record, timeline and requests give. */
export interface FactsProblem {
  readonly caseId: string;
  readonly message: string;
}

/**
 * Derives every case's row again and compares it with the stored one, a page at a time, each page
 * in one snapshot (a row is written with its case, so they agree within one); then looks for rows
 * with no case. Reports are counted from these rows: `audit verify` runs this so that a row edited
 * behind the desk's back is found like an edited record.
 */
export async function checkReportFacts(ctx: DeskContext): Promise<{
  checked: number;
  problems: FactsProblem[];
}> {
  await ensureReportFacts(ctx);
  const jurisdictions = REPORT_LAWS.map((law) => law.jurisdiction);
  const problems: FactsProblem[] = [];
  let checked = 0;
  for (let after = ''; ;) {
    const page = await readOnlySnapshot(ctx, async (trx) => {
      const ids = (
        await trx
          .selectFrom('cases')
          .select('id')
          .where('jurisdiction', 'in', jurisdictions)
          .where('id', '>', after)
          .orderBy('id')
          .limit(DERIVE_PAGE)
          .execute()
      ).map((row) => row.id);
      if (ids.length === 0) return [];
      const stored = new Map(
        (
          await trx
            .selectFrom('reportFacts')
            .select(['caseId', 'jurisdiction', 'firstAt', 'lastAt', 'longSpan', 'factsJson'])
            .where('caseId', 'in', ids)
            .execute()
        ).map((row) => [row.caseId, row]),
      );
      for (const derived of await derivedRows(trx, ids, 0)) {
        const row = stored.get(derived.caseId);
        const same =
          row !== undefined &&
          row.jurisdiction === derived.jurisdiction &&
          row.firstAt === derived.firstAt &&
          row.lastAt === derived.lastAt &&
          row.longSpan === derived.longSpan &&
          row.factsJson === derived.factsJson;
        if (!same) {
          problems.push({
            caseId: derived.caseId,
            message:
              row === undefined
                ? 'the case has no row of what the reports read of it'
                : 'what the reports read of the case is not what its record, timeline and information requests give',
          });
        }
      }
      return ids;
    });
    checked += page.length;
    if (page.length < DERIVE_PAGE) break;
    after = page.at(-1)!;
  }
  const orphans = await readOnlySnapshot(ctx, (trx) =>
    trx
      .selectFrom('reportFacts')
      .leftJoin('cases', 'cases.id', 'reportFacts.caseId')
      .select('reportFacts.caseId')
      .where((eb) =>
        eb.or([eb('cases.id', 'is', null), eb('cases.jurisdiction', 'not in', jurisdictions)]),
      )
      .execute(),
  );
  for (const orphan of orphans) {
    problems.push({
      caseId: orphan.caseId,
      message: 'the reports read a row for a case the desk does not hold',
    });
  }
  return { checked, problems };
}

/** The instants, in ISO 8601, that bound the rows a period reads: [start, end). */
export interface Span {
  readonly start: string;
  readonly end: string;
}

/**
 * The rows whose span overlaps [start, end): those that begin in the year before it or within
 * it, and the few that last over a year and begin earlier still.
 */
function overlapping(trx: Trx, jurisdiction: string, { start, end }: Span, longOnes: boolean) {
  const yearBefore = new Date(Date.parse(start) - YEAR_MS).toISOString();
  const query = trx
    .selectFrom('reportFacts')
    .where('jurisdiction', '=', jurisdiction)
    .where('lastAt', '>=', start);
  return longOnes
    ? query.where('longSpan', '=', 1).where('firstAt', '<', yearBefore)
    : query.where('firstAt', '>=', yearBefore).where('firstAt', '<', end);
}

/** The stored rows, as JSON, of every case anything a count reads happened to in [start, end). */
export async function readReportRows(
  trx: Trx,
  jurisdiction: string,
  span: Span,
): Promise<string[]> {
  const rows = [
    ...(await overlapping(trx, jurisdiction, span, false).select('factsJson').execute()),
    ...(await overlapping(trx, jurisdiction, span, true).select('factsJson').execute()),
  ];
  return rows.map((row) => row.factsJson);
}

/** Every case of the jurisdiction that anything a count reads happened to in [start, end). */
export async function readReportCases(
  trx: Trx,
  jurisdiction: string,
  span: Span,
): Promise<ReportCase[]> {
  return parseReportRows(await readReportRows(trx, jurisdiction, span));
}

/** Rows derived by this revision from validated records (ensureReportFacts), read as they are. */
export function parseReportRows(rows: readonly string[]): ReportCase[] {
  const cases = rows.map((row) => JSON.parse(row) as ReportCase);
  return cases.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Two numbers that change whenever a row of the period changes, joins it or leaves it: a row
 * written by a change carries that change's audit entry, always the log's newest, so a changed or
 * joining row raises the greatest; a row leaving lowers the count.
 */
export async function periodStamp(trx: Trx, jurisdiction: string, span: Span): Promise<string> {
  const parts = [];
  for (const longOnes of [false, true]) {
    const part = await overlapping(trx, jurisdiction, span, longOnes)
      .select((eb) => [
        eb.fn.countAll<string | number>().as('rows'),
        eb.fn.max<number | null>('auditSeq').as('last'),
      ])
      .executeTakeFirstOrThrow();
    parts.push(`${String(part.rows)}:${String(part.last ?? '')}`);
  }
  return parts.join(' ');
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [item]);
    else group.push(item);
  }
  return groups;
}
