/**
 * The mandated reports as the desk serves them: the statutory periods of each agency's duty, and
 * a report built from the store for any period, in one read-only snapshot with the audit log's
 * state it was built on. The public report gives figures and definitions; the authorised one adds
 * the cases behind each figure, and reading it is audited.
 * @module
 */
import { requirePermission, type Actor } from '../auth/roles.js';
import { localDateOf } from '../engine/dates.js';
import { DeskError } from '../desk/errors.js';
import { REPORT_LAWS, reportLawFor } from '../law/report-laws.js';
import { buildReport, type AuditState, type Report } from '../reports/build-report.js';
import { buildBreakdowns, type Breakdowns } from '../reports/breakdowns.js';
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
import { ensureReportFacts, periodStamp, readReportCases, type Span } from './report-facts.js';
import { readOnlySnapshot } from './read-snapshot.js';

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
  await ensureReportFacts(ctx);
  return readOnlySnapshot(ctx, async (trx) =>
    builtPublicReport(ctx, trx, law, period, ctx.now(), await auditState(trx)),
  );
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
  await ensureReportFacts(ctx);
  return readOnlySnapshot(ctx, async (trx) => {
    const cases = await readReportCases(trx, law.jurisdiction, spanOf(law, period));
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

async function readReport(ctx: DeskContext, law: ReportLaw, period: ReportPeriod) {
  await ensureReportFacts(ctx);
  return readOnlySnapshot(ctx, async (trx) => {
    const audit = await auditState(trx);
    const cases = await readReportCases(trx, law.jurisdiction, spanOf(law, period));
    return buildReport({ law, period, cases, dataAsOf: ctx.now(), audit });
  });
}

function spanOf(law: ReportLaw, period: ReportPeriod): Span {
  const [start, end] = periodBounds(period, law.timeZone).map((ms) => new Date(ms).toISOString());
  return { start: start!, end: end! };
}

/** Public reports last built, per store, by law and period, with the stamp of their rows. */
const builtReports = new WeakMap<object, Map<string, { stamp: string; report: Report }>>();
/** Enough for every statutory period of every agency and as many other periods besides. */
const BUILT_REPORTS_LIMIT = 500;

/**
 * The public report of the period: the one last built if none of its rows changed since (the
 * figures are the same; the log's state and the time are now's), or built again.
 */
async function builtPublicReport(
  ctx: DeskContext,
  trx: Trx,
  law: ReportLaw,
  period: ReportPeriod,
  dataAsOf: string,
  audit: AuditState,
): Promise<Report> {
  let built = builtReports.get(ctx.store);
  if (built === undefined) {
    built = new Map();
    builtReports.set(ctx.store, built);
  }
  const span = spanOf(law, period);
  // The period's text follows from its days; its kind and label from today.
  const key = [law.jurisdiction, period.from, period.to, period.kind, period.label].join(' ');
  const stamp = await periodStamp(trx, law.jurisdiction, span);
  const known = built.get(key);
  if (known?.stamp === stamp) return { ...known.report, dataAsOf, audit };
  const cases = await readReportCases(trx, law.jurisdiction, span);
  const report = buildReport({ law, period, cases, dataAsOf, audit, traced: false });
  built.delete(key);
  if (built.size >= BUILT_REPORTS_LIMIT) built.delete(built.keys().next().value!);
  built.set(key, { stamp, report });
  return report;
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
  /** The reasons given for the detainers received (¶ 1 (i)–(iv)), where the period's text asks. */
  readonly reasons: readonly DashboardReason[];
}

export interface DashboardReason {
  readonly sub: 'i' | 'ii' | 'iii' | 'iv';
  readonly label: string;
  readonly value: number;
  readonly unknown: number;
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

/**
 * Checks the records and rebuilds the dashboard if they changed since the last build. Every change
 * to a record appends to the audit log, so an unchanged log (and day) needs no more reading; a
 * changed one has each period's report rebuilt only if its own rows changed (builtPublicReport).
 */
export function refreshDashboard(ctx: DeskContext): Promise<Dashboard> {
  // One check at a time per store: a check started while another runs waits for it, then finds
  // its build (same stamp) instead of building a second dashboard that would replace the first.
  const previous = dashboardChecks.get(ctx.store) ?? Promise.resolve();
  const check = previous.catch(() => undefined).then(() => checkDashboard(ctx));
  dashboardChecks.set(ctx.store, check);
  return check;
}

/** The last dashboard check started for each store, so the next one runs after it. */
const dashboardChecks = new WeakMap<object, Promise<Dashboard>>();

async function checkDashboard(ctx: DeskContext): Promise<Dashboard> {
  const checkedAt = Date.parse(ctx.now());
  await ensureReportFacts(ctx);
  return readOnlySnapshot(ctx, async (trx) => {
    const audit = await auditState(trx);
    const days = REPORT_LAWS.map((law) => localDateOf(checkedAt, law.timeZone));
    const stamp = JSON.stringify([audit.size, days]);
    const known = dashboards.get(ctx.store);
    if (known?.stamp === stamp && known.failed === undefined) {
      known.checkedAt = checkedAt;
      return known.dashboard;
    }
    const dataAsOf = ctx.now();
    const agencies = [];
    const published = [];
    for (const [index, law] of REPORT_LAWS.entries()) {
      const today = days[index]!;
      const row = async (period: ReportPeriod) =>
        dashboardRow(await builtPublicReport(ctx, trx, law, period, dataAsOf, audit));
      const periods = [];
      for (const period of statutoryPeriods(law, today)) periods.push(await row(period));
      if (periods.length === 0) continue;
      agencies.push({
        jurisdiction: law.jurisdiction,
        agency: law.agency,
        agencyShort: law.agencyShort,
        periods,
      });
      for (const figure of law.published) {
        // A period that has not ended has no figure to set beside the published one.
        const readings = [];
        for (const reading of figure.readings.filter((candidate) => candidate.to < today)) {
          const period = reportPeriod(law, reading.from, reading.to, today);
          // Only statutory periods are public: see publicReport.
          readings.push({
            ...reading,
            computed: period.kind === 'statutory' ? await row(period) : null,
          });
        }
        if (readings.length > 0) published.push({ ...figure, readings });
      }
    }
    const built: Dashboard = { dataAsOf, audit, agencies, published };
    dashboards.set(ctx.store, { stamp, dashboard: built, checkedAt });
    return built;
  });
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
    reasons: report.figures.flatMap((figure): DashboardReason[] => {
      const sub = /^received-reason-(i|ii|iii|iv)$/.exec(figure.id)?.[1];
      if (sub === undefined || figure.status !== 'counted') return [];
      return [
        {
          sub: sub as DashboardReason['sub'],
          label: figure.label,
          value: figure.value,
          unknown: figure.unknown,
        },
      ];
    }),
  };
}
