/**
 * The mandated reports as the desk serves them: the statutory periods of each agency's duty, and
 * a report built from the store for any period, in one read-only snapshot with the audit log's
 * state it was built on. The public report gives figures and definitions; the authorised one adds
 * the cases behind each figure, and reading it is audited.
 * @module
 */
import { sql } from 'kysely';
import { requirePermission, type Actor } from '../auth/roles.js';
import { parseCase } from '../engine/case.js';
import { localDateOf } from '../engine/dates.js';
import { engineCaseFor } from '../desk/engine-case.js';
import { DeskError } from '../desk/errors.js';
import type { InformationAnswer, InformationRequest } from '../desk/information-request.js';
import type { Intake } from '../desk/intake.js';
import { REPORT_LAWS, reportLawFor } from '../law/report-laws.js';
import {
  buildReport,
  type AuditState,
  type CountedFigure,
  type Figure,
  type Report,
} from '../reports/build-report.js';
import { buildBreakdowns, type Breakdowns } from '../reports/breakdowns.js';
import type { ReportCase } from '../reports/report-case.js';
import type { PeriodReading, PublishedFigures, ReportLaw } from '../reports/report-law.js';
import {
  ReportPeriodError,
  periodBounds,
  reportPeriod,
  statutoryPeriods,
  type ReportPeriod,
} from '../reports/report-periods.js';
import { appendAudit } from '../store/audit-writer.js';
import { auditState } from './audit-service.js';
import type { Trx } from './case-transaction.js';
import type { DeskContext } from './desk-context.js';

export interface ReportDuty {
  readonly jurisdiction: string;
  readonly agency: string;
  readonly agencyShort: string;
  readonly periods: readonly {
    readonly from: string;
    readonly to: string;
    readonly due: string;
    readonly label: string;
    readonly version: string;
    readonly citation: string;
  }[];
}

function today(ctx: DeskContext, law: ReportLaw): string {
  return localDateOf(Date.parse(ctx.now()), law.timeZone);
}

/** Every agency's reporting duty and the statutory periods that have ended. Public. */
export function reportDuties(ctx: DeskContext): ReportDuty[] {
  return REPORT_LAWS.map((law) => ({
    jurisdiction: law.jurisdiction,
    agency: law.agency,
    agencyShort: law.agencyShort,
    periods: statutoryPeriods(law, today(ctx, law)).map((period) => ({
      from: period.from,
      to: period.to,
      due: period.due!,
      label: period.label,
      version: period.version.clause.version,
      citation: period.version.clause.citation,
    })),
  }));
}

export interface ReportRequest {
  readonly jurisdiction: string;
  readonly from: string;
  readonly to: string;
}

function lawAndPeriod(ctx: DeskContext, request: ReportRequest) {
  const law = reportLawFor(request.jurisdiction);
  if (law === undefined) {
    throw DeskError.invalid([
      {
        path: 'jurisdiction',
        message: `no reporting duty is encoded for "${request.jurisdiction}"; known: ${REPORT_LAWS.map((known) => known.jurisdiction).join(', ')}`,
      },
    ]);
  }
  try {
    return { law, period: reportPeriod(law, request.from, request.to, today(ctx, law)) };
  } catch (error) {
    if (error instanceof ReportPeriodError) {
      throw DeskError.invalid([
        { path: error.field, message: error.message.slice(error.field.length + 2) },
      ]);
    }
    throw error;
  }
}

/**
 * The report anyone may read: every figure and its definition, no case. A statutory period is
 * public as the law requires; any other period only for a role that may open a report's cases,
 * since exact counts for any two periods would give anyone the count of their difference (a
 * single day, a single person) that the public breakdowns suppress.
 */
export async function publicReport(
  ctx: DeskContext,
  actor: Actor | undefined,
  request: ReportRequest,
): Promise<Report> {
  const { law, period } = lawAndPeriod(ctx, request);
  if (period.kind === 'custom') mayBuildAnyPeriod(actor);
  return withoutCases(await readReport(ctx, law, period));
}

function mayBuildAnyPeriod(actor: Actor | undefined): void {
  if (actor === undefined) {
    throw new DeskError(
      'unauthenticated',
      'only the statutory periods are public; sign in as a reviewer, supervisor or auditor for any other period',
    );
  }
  requirePermission(actor, 'report.cases');
}

/**
 * The optional breakdowns of a statutory period (by month, facility, charge, nationality), with
 * small cells suppressed (src/reports/suppression.ts). Public, for statutory periods that overlap
 * no later one: two overlapping periods' tables share months whose cells one could subtract.
 */
export async function publicBreakdowns(
  ctx: DeskContext,
  request: ReportRequest,
): Promise<Breakdowns> {
  const { law, period } = lawAndPeriod(ctx, request);
  if (period.kind !== 'statutory') {
    throw DeskError.invalid([
      { path: 'from', message: 'breakdowns are published for statutory periods only' },
    ]);
  }
  const later = statutoryPeriods(law, today(ctx, law)).find(
    (other) => other.from > period.from && other.from <= period.to,
  );
  if (later !== undefined) {
    throw DeskError.invalid([
      {
        path: 'to',
        message: `this period overlaps the one from ${later.from} to ${later.to}, whose breakdowns are published; see that period`,
      },
    ]);
  }
  return ctx.store.transaction(async (trx) => {
    if (ctx.store.dialect === 'postgres') {
      await sql`set transaction isolation level repeatable read read only`.execute(trx);
    }
    const cases = await reportCases(trx, law, period, memoOf(ctx.store));
    return buildBreakdowns({ law, period, cases });
  });
}

/** The report with the cases behind each figure, for a role that may see them; audited. */
export async function tracedReport(
  ctx: DeskContext,
  actor: Actor,
  request: ReportRequest,
): Promise<Report> {
  requirePermission(actor, 'report.cases');
  const { law, period } = lawAndPeriod(ctx, request);
  const report = await readReport(ctx, law, period);
  await ctx.store.transaction((trx) =>
    appendAudit(ctx, trx, {
      at: ctx.now(),
      actor: actor.username,
      action: 'report.read-cases',
      subject: `report/${law.jurisdiction}/${period.from}/${period.to}`,
      payload: { auditSize: report.audit.size },
    }),
  );
  return report;
}

export function withoutCases(report: Report): Report {
  return {
    ...report,
    figures: report.figures.map((figure): Figure => {
      if (figure.status !== 'counted') return figure;
      const counted: { -readonly [K in keyof CountedFigure]: CountedFigure[K] } = { ...figure };
      delete counted.caseIds;
      delete counted.unknownCaseIds;
      return counted;
    }),
  };
}

async function readReport(ctx: DeskContext, law: ReportLaw, period: ReportPeriod) {
  const dataAsOf = ctx.now();
  return ctx.store.transaction(async (trx) => {
    // One snapshot for the log and the records: on PostgreSQL, the transaction's first statement.
    if (ctx.store.dialect === 'postgres') {
      await sql`set transaction isolation level repeatable read read only`.execute(trx);
    }
    const audit = await auditState(trx);
    const cases = await reportCases(trx, law, period, memoOf(ctx.store));
    return buildReport({ law, period, cases, dataAsOf, audit });
  });
}

/** The four figures every NYC text asks for; null where the period's text does not. */
export interface DashboardRow {
  readonly from: string;
  readonly to: string;
  readonly label: string;
  readonly kind: ReportPeriod['kind'];
  readonly due?: string;
  readonly citation: string;
  readonly figures: Readonly<Record<DashboardFigure, { value: number; unknown: number } | null>>;
}

export const DASHBOARD_FIGURES = ['received', 'held', 'transferred', 'not-honored'] as const;
export type DashboardFigure = (typeof DASHBOARD_FIGURES)[number];

export interface Dashboard {
  readonly dataAsOf: string;
  readonly audit: AuditState;
  readonly agencies: readonly {
    readonly jurisdiction: string;
    readonly agency: string;
    readonly agencyShort: string;
    readonly periods: readonly DashboardRow[];
  }[];
  /** What the agencies are reported to have published, each reading beside the desk's count. */
  readonly published: readonly (Omit<PublishedFigures, 'readings'> & {
    /** The desk's figures for a reading that is a statutory period; null for any other. */
    readonly readings: readonly (PeriodReading & { readonly computed: DashboardRow | null })[];
  })[];
}

/** How long a dashboard is served before the records are checked for changes. */
export const DASHBOARD_FRESH_MS = 30_000;

interface BuiltDashboard {
  stamp: string;
  dashboard: Dashboard;
  /** When the records were last checked against `stamp`, in ms. */
  checkedAt: number;
  refreshing?: Promise<Dashboard>;
  failed?: unknown;
}

/** The last dashboard built for each store. */
const dashboards = new WeakMap<object, BuiltDashboard>();

/**
 * Every agency's statutory periods with their four headline figures, and the published figures
 * beside the desk's own for the same periods. Public. Served from the last build; once it is
 * older than DASHBOARD_FRESH_MS the next request starts a check in the background (and a rebuild
 * if a case or an information request changed), so a visitor never waits for a build but the
 * first. A failed check is retried, in the open, by the next request.
 */
export async function dashboard(ctx: DeskContext): Promise<Dashboard> {
  const known = dashboards.get(ctx.store);
  if (known === undefined || known.failed !== undefined) return refreshDashboard(ctx);
  if (Date.parse(ctx.now()) - known.checkedAt >= DASHBOARD_FRESH_MS && !known.refreshing) {
    known.refreshing = refreshDashboard(ctx)
      .catch((error: unknown) => {
        known.failed = error;
        return known.dashboard;
      })
      .finally(() => {
        known.refreshing = undefined;
      });
  }
  return known.dashboard;
}

/** Checks the records and rebuilds the dashboard if they changed since the last build. */
export async function refreshDashboard(ctx: DeskContext): Promise<Dashboard> {
  const checkedAt = Date.parse(ctx.now());
  return ctx.store.transaction(async (trx) => {
    if (ctx.store.dialect === 'postgres') {
      await sql`set transaction isolation level repeatable read read only`.execute(trx);
    }
    const stamp = await recordsStamp(trx);
    const known = dashboards.get(ctx.store);
    if (known?.stamp === stamp && known.failed === undefined) {
      known.checkedAt = checkedAt;
      return known.dashboard;
    }
    const audit = await auditState(trx);
    const agencies = [];
    const published = [];
    for (const law of REPORT_LAWS) {
      const today = localDateOf(Date.parse(ctx.now()), law.timeZone);
      const periods = statutoryPeriods(law, today);
      const figures = law.published;
      const spans = [
        ...periods,
        ...figures.flatMap((row) => row.readings).filter((reading) => reading.to < today),
      ];
      if (spans.length === 0) continue;
      const whole = {
        from: spans.map((span) => span.from).sort()[0]!,
        to: spans
          .map((span) => span.to)
          .sort()
          .at(-1)!,
      };
      const cases = await reportCases(trx, law, whole, memoOf(ctx.store));
      const caseSpans = cases.map(spanOf);
      // Each period's report reads only the cases something happened to in it.
      const row = (period: ReportPeriod) => {
        const [start, end] = periodBounds(period, law.timeZone);
        const within = cases.filter((_, i) => caseSpans[i]![0] < end && caseSpans[i]![1] >= start);
        return dashboardRow(
          buildReport({ law, period, cases: within, dataAsOf: ctx.now(), audit }),
        );
      };
      agencies.push({
        jurisdiction: law.jurisdiction,
        agency: law.agency,
        agencyShort: law.agencyShort,
        periods: periods.map(row),
      });
      for (const figure of figures) {
        // A period that has not ended has no figure to set beside the published one.
        const ended = figure.readings.filter((reading) => reading.to < today);
        if (ended.length === 0) continue;
        published.push({
          ...figure,
          readings: ended.map((reading) => {
            const period = reportPeriod(law, reading.from, reading.to, today);
            // Only statutory periods are public: see publicReport.
            return { ...reading, computed: period.kind === 'statutory' ? row(period) : null };
          }),
        });
      }
    }
    const built: Dashboard = { dataAsOf: ctx.now(), audit, agencies, published };
    dashboards.set(ctx.store, { stamp, dashboard: built, checkedAt });
    return built;
  });
}

/** The first and last instant anything a count reads happened to a case, in ms. */
function spanOf(reportCase: ReportCase): [number, number] {
  const instants = [
    reportCase.receivedAt,
    ...reportCase.events.map((event) => event.at),
    ...reportCase.informationRequests.flatMap((request) =>
      request.answeredAt === undefined
        ? [request.receivedAt]
        : [request.receivedAt, request.answeredAt],
    ),
  ].map((instant) => Date.parse(instant));
  return [Math.min(...instants), Math.max(...instants)];
}

function dashboardRow(report: Report): DashboardRow {
  const value = (id: DashboardFigure) => {
    const figure = report.figures.find((candidate) => candidate.id === id);
    return figure?.status === 'counted' ? { value: figure.value, unknown: figure.unknown } : null;
  };
  return {
    from: report.period.from,
    to: report.period.to,
    label: report.period.label,
    kind: report.period.kind,
    ...(report.period.due === undefined ? {} : { due: report.period.due }),
    citation: report.law.citation,
    figures: {
      received: value('received'),
      held: value('held'),
      transferred: value('transferred'),
      'not-honored': value('not-honored'),
    },
  };
}

/** What changes whenever a case or an information request does. */
async function recordsStamp(trx: Trx): Promise<string> {
  const cases = await trx
    .selectFrom('cases')
    .select((eb) => [eb.fn.countAll<string | number>().as('n'), eb.fn.max('updatedAt').as('last')])
    .executeTakeFirstOrThrow();
  const requests = await trx
    .selectFrom('informationRequests')
    .select((eb) => [
      eb.fn.countAll<string | number>().as('n'),
      eb.fn.max('answeredAt').as('answered'),
    ])
    .executeTakeFirstOrThrow();
  return JSON.stringify([cases.n, cases.last, requests.n, requests.answered]);
}

/** Cases read a page of ids at a time, within the parameter limits of both databases. */
const PAGE = 500;

/**
 * Every case of the agency that anything a count reads happened to in the period: received in
 * it, an event on its timeline in it, or an information request received or answered in it.
 * Each count places a case by one of those instants, so no other case can count.
 */
async function reportCases(
  trx: Trx,
  law: ReportLaw,
  period: { readonly from: string; readonly to: string },
  memo: Map<string, CaseRecordFacts>,
): Promise<ReportCase[]> {
  const [start, end] = periodBounds(period, law.timeZone).map((ms) => new Date(ms).toISOString());
  const received = await trx
    .selectFrom('cases')
    .select('id')
    .where('jurisdiction', '=', law.jurisdiction)
    .where('receivedAt', '>=', start!)
    .where('receivedAt', '<', end!)
    .execute();
  const happened = await trx
    .selectFrom('caseEvents')
    .innerJoin('cases', 'cases.id', 'caseEvents.caseId')
    .select('cases.id')
    .where('caseEvents.at', '>=', start!)
    .where('caseEvents.at', '<', end!)
    .where('cases.jurisdiction', '=', law.jurisdiction)
    .execute();
  const asked = await trx
    .selectFrom('informationRequests')
    .innerJoin('cases', 'cases.id', 'informationRequests.caseId')
    .select('cases.id')
    .where('cases.jurisdiction', '=', law.jurisdiction)
    .where((eb) =>
      eb.or([
        eb.and([
          eb('informationRequests.receivedAt', '>=', start!),
          eb('informationRequests.receivedAt', '<', end!),
        ]),
        eb.and([
          eb('informationRequests.answeredAt', '>=', start!),
          eb('informationRequests.answeredAt', '<', end!),
        ]),
      ]),
    )
    .execute();
  const ids = [...new Set([...received, ...happened, ...asked].map((row) => row.id))].sort();
  const cases: ReportCase[] = [];
  for (let index = 0; index < ids.length; index += PAGE) {
    cases.push(...(await casePage(trx, law, ids.slice(index, index + PAGE), memo)));
  }
  return cases;
}

/** What a case's record says for the reports, kept while the case's version stays the same. */
interface CaseRecordFacts {
  readonly version: number;
  readonly reasons: readonly string[];
  readonly subject: ReportCase['subject'];
  readonly facility?: string;
  readonly citizenship?: string;
  readonly custodyCharges: NonNullable<ReportCase['custodyCharges']>;
}

/** Per store; emptied when it grows past this many cases, so memory stays bounded. */
const MEMO_LIMIT = 200_000;
const memos = new WeakMap<object, Map<string, CaseRecordFacts>>();

function memoOf(store: object): Map<string, CaseRecordFacts> {
  let memo = memos.get(store);
  if (memo === undefined || memo.size > MEMO_LIMIT) {
    memo = new Map();
    memos.set(store, memo);
  }
  return memo;
}

async function casePage(
  trx: Trx,
  law: ReportLaw,
  ids: string[],
  memo: Map<string, CaseRecordFacts>,
): Promise<ReportCase[]> {
  const rows = await trx
    .selectFrom('cases')
    .select(['id', 'version', 'personId', 'jurisdiction', 'receivedAt'])
    .where('id', 'in', ids)
    .orderBy('id')
    .execute();
  // The record is read and classified only for cases changed since they were last classified.
  const changed = rows
    .filter((row) => memo.get(row.id)?.version !== row.version)
    .map((row) => row.id);
  if (changed.length > 0) {
    const records = await trx
      .selectFrom('cases')
      .select(['id', 'version', 'receivedAt', 'intakeJson'])
      .where('id', 'in', changed)
      .execute();
    for (const record of records) memo.set(record.id, recordFacts(law, record));
  }
  const events = await trx
    .selectFrom('caseEvents')
    .select(['caseId', 'kind', 'at'])
    .where('caseId', 'in', ids)
    .orderBy('at')
    .execute();
  const requests = await trx
    .selectFrom('informationRequests')
    .select(['id', 'caseId', 'receivedAt', 'requestJson', 'answerJson', 'answeredAt'])
    .where('caseId', 'in', ids)
    .orderBy('receivedAt')
    .execute();
  const eventsOf = groupBy(events, (event) => event.caseId);
  const requestsOf = groupBy(requests, (request) => request.caseId);
  return rows.map((row) => {
    const { reasons, subject, facility, citizenship, custodyCharges } = memo.get(row.id)!;
    return {
      ...(facility === undefined ? {} : { facility }),
      ...(citizenship === undefined ? {} : { citizenship }),
      custodyCharges,
      id: row.id,
      personId: row.personId,
      jurisdiction: row.jurisdiction,
      receivedAt: row.receivedAt,
      reasons,
      events: (eventsOf.get(row.id) ?? []).map((event) => ({ kind: event.kind, at: event.at })),
      informationRequests: (requestsOf.get(row.id) ?? []).map(informationRequestOf),
      subject,
    };
  });
}

function recordFacts(
  law: ReportLaw,
  row: { version: number; receivedAt: string; intakeJson: string; id: string },
): CaseRecordFacts {
  const intake = JSON.parse(row.intakeJson) as Intake;
  const input = parseCase(engineCaseFor(intake, row.id, row.receivedAt));
  return {
    version: row.version,
    reasons: [
      ...intake.request.probableCause,
      ...intake.request.administrativeWarrants.map((warrant) => warrant.form),
    ],
    subject: law.subjectFacts(input, localDateOf(Date.parse(row.receivedAt), law.timeZone)),
    ...(intake.custody.facility === undefined ? {} : { facility: intake.custody.facility }),
    ...(intake.person.citizenship === undefined ? {} : { citizenship: intake.person.citizenship }),
    custodyCharges: intake.custody.charges,
  };
}

function informationRequestOf(request: {
  id: string;
  receivedAt: string;
  requestJson: string;
  answerJson: string | null;
  answeredAt: string | null;
}): ReportCase['informationRequests'][number] {
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
