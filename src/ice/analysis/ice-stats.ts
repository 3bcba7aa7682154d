/**
 * The questions asked of ICE's detainer data, over an open `IceDatabase`: counts grouped by any
 * dimensions, top refusers, a time series, and the list of imports. The I/O edge of the analysis:
 * the SQL comes from stats-sql.ts, the meanings from the pure modules beside it. Every answer is a
 * plain object with its rows, totals, the imports and dates it covers and its caveats; none holds
 * a row-level record or a person id.
 * @module
 */
import type { JS } from '@duckdb/node-api';
import type { IceDatabase } from '../ice-database.js';
import { AGENCY_ALIASES } from './agency-aliases.js';
import { ensureAnalysisTables } from './analysis-table.js';
import { caveatsFor, generalCaveats, type Caveat } from './caveats.js';
import {
  addCounts,
  declineRates,
  NO_COUNTS,
  type DeclineRates,
  type OutcomeCounts,
} from './decline-rates.js';
import { liftReasonEntry } from './outcomes.js';
import { monthsBetween, PERIODS, periodRange, type Period, type PeriodValue } from './periods.js';
import {
  parseDimensions,
  parseStatsFilter,
  type Dimension,
  type StatsFilter,
  type StatsFilterInput,
} from './stats-request.js';
import {
  otherLiftReasonsSql,
  REFUSER_COLUMNS,
  refusersSql,
  statsSql,
  withImpliedDimensions,
} from './stats-sql.js';
import { DeskError } from '../../desk/errors.js';
import { isSyntheticRelease } from '../synthetic-release.js';

export type Counts = OutcomeCounts & DeclineRates;
export type KeyValue = string | number | null;

export interface StatsRow extends Counts {
  key: Partial<Record<Dimension, KeyValue>>;
  /** The row's agency was matched by an alias flagged inferred (agency-aliases.ts). */
  agencyInferred: boolean;
  /** The filter that selects exactly this row's detainers; `null` when no filter can express it. */
  drill: StatsFilterInput | null;
}

export interface Coverage {
  /** `synthetic`: the demo's made-up release, not ICE data (synthetic-release.ts). */
  imports: { importId: number; fileName: string; format: string; synthetic: boolean }[];
  /** The first and last prepared date among the detainers counted. */
  from: string | null;
  to: string | null;
}

export interface OtherLiftReason {
  /** Upper-cased, spaces collapsed. */
  value: string;
  /** True when the outcome table puts it in "other" on purpose; false when it is unknown. */
  known: boolean;
  detainers: number;
}

export interface StatsResult {
  by: Dimension[];
  filter: StatsFilter;
  rows: StatsRow[];
  totals: Counts;
  duplicates: { included: boolean; count: number };
  otherLiftReasons: OtherLiftReason[];
  coverage: Coverage;
  caveats: Caveat[];
}

export interface StatsRequest {
  /** `year,outcome` or a list of dimension names. */
  by?: string | readonly string[];
  filter?: unknown;
}

/** One question at a time per database: a DuckDB connection runs one statement at once. */
const queues = new WeakMap<IceDatabase, Promise<unknown>>();

function exclusive<T>(db: IceDatabase, run: () => Promise<T>): Promise<T> {
  const next = (queues.get(db) ?? Promise.resolve()).catch(() => undefined).then(run);
  queues.set(db, next);
  return next;
}

type Rows = Record<string, JS>[];

async function read(
  db: IceDatabase,
  sql: string,
  params: Record<string, string | number> = {},
): Promise<Rows> {
  return (await db.connection.runAndReadAll(sql, params)).getRowObjectsJS();
}

/** Runs `ask` alone on the database, after bringing the analysis tables up to date. */
function withAnalysis<T>(db: IceDatabase, ask: () => Promise<T>): Promise<T> {
  return exclusive(db, async () => {
    await ensureAnalysisTables(db.connection);
    return ask();
  });
}

const num = (value: JS | undefined): number => Number(value ?? 0);
/** Text from a column the SQL makes text or a number; anything else is a bug, shown as ''. */
const text = (value: JS | undefined): string =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint'
    ? String(value)
    : '';
const textOrNull = (value: JS | undefined): string | null =>
  value === null || value === undefined ? null : text(value);

const key = (value: JS): KeyValue =>
  value === null
    ? null
    : typeof value === 'bigint' || typeof value === 'number'
      ? Number(value)
      : text(value);
function countsOf(row: Record<string, JS>): OutcomeCounts {
  return {
    detainers: num(row.detainers),
    booked: num(row.booked),
    declined: num(row.declined),
    lifted: num(row.lifted),
    blank: num(row.blank),
    other: num(row.other),
  };
}

const withRates = (counts: OutcomeCounts): Counts => ({ ...counts, ...declineRates(counts) });

/** Counts of detainers grouped by `by`, filtered; with totals, coverage and caveats. */
export async function iceStats(db: IceDatabase, request: StatsRequest): Promise<StatsResult> {
  const by = withImpliedDimensions(parseDimensions(request.by ?? []));
  const filter = parseStatsFilter(request.filter ?? {});
  const { sql, params, columns } = statsSql(by, filter);
  return withAnalysis(db, async () => {
    const raw = await read(db, sql, params);
    const rows = raw
      .filter((row) => num(row.detainers) > 0)
      .map((row) => statsRowOf(row, columns, filter));
    return answer(db, by, filter, rows, summaryOf(raw));
  });
}

/** What an answer adds up over everything it counts. */
interface Summary {
  totals: OutcomeCounts;
  duplicates: number;
  from: string | null;
  to: string | null;
  importIds: Set<number>;
}

/** Adds up rows of counts with their coverage columns (stats-sql.ts `coverageSql`). */
function summaryOf(raw: Rows): Summary {
  const summary: Summary = {
    totals: NO_COUNTS,
    duplicates: 0,
    from: null,
    to: null,
    importIds: new Set(),
  };
  for (const row of raw) {
    summary.totals = addCounts(summary.totals, countsOf(row));
    summary.duplicates += num(row.duplicates);
    const first = textOrNull(row.first_date);
    const last = textOrNull(row.last_date);
    if (first !== null && (summary.from === null || first < summary.from)) summary.from = first;
    if (last !== null && (summary.to === null || last > summary.to)) summary.to = last;
    for (const id of text(row.imports).split(',')) if (id !== '') summary.importIds.add(Number(id));
  }
  return summary;
}

function statsRowOf(
  row: Record<string, JS>,
  columns: readonly { dimension: Dimension; alias: string }[],
  filter: StatsFilter,
): StatsRow {
  const rowKey = Object.fromEntries(
    columns.map(({ dimension, alias }) => [dimension, key(row[alias] ?? null)]),
  );
  return {
    key: rowKey,
    ...withRates(countsOf(row)),
    agencyInferred: row.agency_inferred === true,
    drill: drillFilter(filter, rowKey),
  };
}

/** The answer around its rows: totals, the "other" lift reasons, coverage and caveats. */
async function answer(
  db: IceDatabase,
  by: Dimension[],
  filter: StatsFilter,
  rows: StatsRow[],
  summary: Summary,
): Promise<StatsResult> {
  const others = otherLiftReasonsSql(filter);
  const otherLiftReasons = (await read(db, others.sql, others.params)).map((row) => ({
    value: text(row.value),
    known: liftReasonEntry(text(row.value)) !== undefined,
    detainers: num(row.n),
  }));
  const inferredAgencies = new Set<string>();
  for (const row of rows) {
    const agency = row.key.agency;
    if (row.agencyInferred && typeof agency === 'string') inferredAgencies.add(agency);
  }
  if (filter.agency !== undefined && isInferredAgency(filter.agency)) {
    inferredAgencies.add(filter.agency);
  }
  const duplicates = { included: filter.includeDuplicates, count: summary.duplicates };
  const imports = await importsNamed(db, [...summary.importIds]);
  return {
    by,
    filter,
    rows,
    totals: withRates(summary.totals),
    duplicates,
    otherLiftReasons,
    coverage: {
      imports,
      from: summary.from,
      to: summary.to,
    },
    caveats: caveatsFor({
      detainers: summary.totals.detainers,
      blank: summary.totals.blank,
      duplicates,
      usesFacilities:
        by.includes('facility') ||
        by.includes('agency') ||
        filter.facility !== undefined ||
        filter.facilityName !== undefined ||
        filter.agency !== undefined,
      inferredAgencies: [...inferredAgencies].sort(),
      usesDetainerType:
        by.includes('detainer-type') ||
        by.includes('type-group') ||
        filter.type !== undefined ||
        filter.form !== undefined,
      otherValues: otherLiftReasons,
      syntheticReleases: syntheticNames(imports),
    }),
  };
}

const syntheticNames = (imports: readonly { fileName: string; synthetic: boolean }[]) =>
  imports.filter((entry) => entry.synthetic).map((entry) => entry.fileName);

const isInferredAgency = (agency: string) =>
  AGENCY_ALIASES.some((alias) => alias.agency === agency && alias.inferred);

async function importsNamed(db: IceDatabase, ids: number[]): Promise<Coverage['imports']> {
  if (ids.length === 0) return [];
  const rows = await read(
    db,
    `SELECT import_id, file_name, format FROM ice_imports WHERE list_contains($ids::INTEGER[], import_id) ORDER BY import_id`,
    { ids: `[${ids.join(',')}]` },
  );
  return rows.map((row) => ({
    importId: num(row.import_id),
    fileName: text(row.file_name),
    format: text(row.format),
    synthetic: isSyntheticRelease(text(row.file_name)),
  }));
}

/** The filter selecting one row's detainers: the query's filter narrowed by the row's key. */
export function drillFilter(
  filter: StatsFilter,
  rowKey: Partial<Record<Dimension, KeyValue>>,
): StatsFilterInput | null {
  const drill: StatsFilterInput = { ...filter };
  if (!filter.includeDuplicates) delete drill.includeDuplicates;
  for (const [dimension, value] of Object.entries(rowKey) as [Dimension, KeyValue][]) {
    if ((PERIODS as readonly string[]).includes(dimension)) {
      if (value === null) return null;
      const range = periodRange(dimension as Period, value);
      if (drill.from === undefined || range.from > drill.from) drill.from = range.from;
      if (drill.to === undefined || range.to < drill.to) drill.to = range.to;
      continue;
    }
    if (dimension === 'agency') {
      drill.agency = (value ?? 'unmatched') as StatsFilterInput['agency'];
    } else if (dimension === 'lift-reason') {
      if (value === null) drill.outcome = 'blank';
      else drill.liftReason = String(value);
    } else if (value === null) {
      return null;
    } else if (dimension === 'state') {
      drill.state = String(value);
    } else if (dimension === 'facility') {
      drill.facilityName = String(value);
    } else if (dimension === 'detainer-type') {
      drill.form = String(value);
    } else if (dimension === 'type-group') {
      drill.type = value as StatsFilterInput['type'];
    } else {
      drill.outcome = value as StatsFilterInput['outcome'];
    }
  }
  return drill;
}

export interface RefusersRequest {
  filter?: unknown;
  /** How many facilities to list (default 20). */
  top?: number;
  /** Facilities with fewer detainers are left out, so a rate is not read off a handful (default 50). */
  minDetainers?: number;
}

export interface RefusersResult extends StatsResult {
  top: number;
  minDetainers: number;
  /** Facilities with at least one detainer counted, and how many met `minDetainers`. */
  facilities: number;
  facilitiesAtThreshold: number;
}

/**
 * Facilities by recorded declines, most first (then by decline rate, then by name and state),
 * among those with at least `minDetainers`. Totals and coverage are of everything the filter
 * selects, not only the rows shown.
 */
export async function iceRefusers(
  db: IceDatabase,
  request: RefusersRequest,
): Promise<RefusersResult> {
  const top = positiveInteger(request.top ?? 20, 'top');
  const minDetainers = positiveInteger(request.minDetainers ?? 50, 'minDetainers');
  const filter = parseStatsFilter(request.filter ?? {});
  const by = REFUSER_COLUMNS.map((column) => column.dimension);
  const { sql, params } = refusersSql(filter, top, minDetainers);
  return withAnalysis(db, async () => {
    const [result] = await read(db, sql, params);
    if (result === undefined) throw new Error('the refusers query answered no row');
    const shown = Array.isArray(result.top_rows) ? result.top_rows : [];
    const rows = shown.map((row) => statsRowOf(row as Record<string, JS>, REFUSER_COLUMNS, filter));
    return {
      ...(await answer(db, by, filter, rows, summaryOf([result]))),
      top,
      minDetainers,
      facilities: num(result.facilities),
      facilitiesAtThreshold: num(result.at_threshold),
    };
  });
}

function positiveInteger(value: number, path: string): number {
  if (!Number.isInteger(value) || value < 1) {
    throw DeskError.invalid([{ path, message: 'must be a whole number of 1 or more' }]);
  }
  return value;
}

export const SERIES_INTERVALS = ['month', 'year'] as const;
export type SeriesInterval = (typeof SERIES_INTERVALS)[number];

export interface SeriesPoint extends Counts {
  period: PeriodValue;
  drill: StatsFilterInput;
}

export interface SeriesResult extends Omit<StatsResult, 'rows'> {
  interval: SeriesInterval;
  /** Every period from the first to the last counted, with zeros where none were prepared. */
  points: SeriesPoint[];
}

/** Counts per month or year, without gaps, for a chart. */
export async function iceSeries(
  db: IceDatabase,
  request: { interval?: string; filter?: unknown },
): Promise<SeriesResult> {
  const interval = request.interval ?? 'month';
  if (!(SERIES_INTERVALS as readonly string[]).includes(interval)) {
    throw DeskError.invalid([
      { path: 'interval', message: `must be one of ${SERIES_INTERVALS.join(', ')}` },
    ]);
  }
  const period = interval as SeriesInterval;
  const { rows, ...stats } = await iceStats(db, { by: [period], filter: request.filter });
  const found = new Map(rows.map((row) => [row.key[period], row]));
  const first = rows[0]?.key[period];
  const last = rows.at(-1)?.key[period];
  const periods: PeriodValue[] =
    first === undefined || first === null || last === undefined || last === null
      ? []
      : period === 'month'
        ? monthsBetween(String(first), String(last))
        : Array.from({ length: Number(last) - Number(first) + 1 }, (_, i) => Number(first) + i);
  const points = periods.map((value) => {
    const row = found.get(value);
    return {
      period: value,
      ...(row === undefined ? withRates(NO_COUNTS) : pickCounts(row)),
      drill: drillFilter(stats.filter, { [period]: value })!,
    };
  });
  return { ...stats, interval: period, points };
}

const pickCounts = (row: StatsRow): Counts => ({
  detainers: row.detainers,
  booked: row.booked,
  declined: row.declined,
  lifted: row.lifted,
  blank: row.blank,
  other: row.other,
  declineRate: row.declineRate,
  declineRateOfRecorded: row.declineRateOfRecorded,
});

export interface ImportSummary {
  importId: number;
  fileName: string;
  format: string;
  /** The demo's made-up release, not ICE data (synthetic-release.ts). */
  synthetic: boolean;
  importedAt: string;
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
  likelyDuplicates: number;
  firstDate: string | null;
  lastDate: string | null;
}

/** Every import: its file, format, counts and dates (no file hash, no rows). */
export async function iceImports(
  db: IceDatabase,
): Promise<{ imports: ImportSummary[]; caveats: Caveat[] }> {
  const rows = await exclusive(db, () =>
    read(
      db,
      `SELECT i.import_id, i.file_name, i.format, strftime(i.imported_at, '%Y-%m-%dT%H:%M:%SZ') AS imported_at,
       i.rows_read, i.rows_loaded, i.rows_rejected,
       coalesce(d.duplicates, 0) AS duplicates,
       strftime(d.first_date, '%Y-%m-%d') AS first_date, strftime(d.last_date, '%Y-%m-%d') AS last_date
     FROM ice_imports i LEFT JOIN (
       SELECT import_id, count(*) FILTER (WHERE duplicate_likely) AS duplicates,
         min(prepared_date) AS first_date, max(prepared_date) AS last_date
       FROM ice_detainers GROUP BY import_id
     ) d USING (import_id)
     ORDER BY i.import_id`,
    ),
  );
  const imports = rows.map((row) => ({
    importId: num(row.import_id),
    fileName: text(row.file_name),
    format: text(row.format),
    synthetic: isSyntheticRelease(text(row.file_name)),
    importedAt: text(row.imported_at),
    rowsRead: num(row.rows_read),
    rowsLoaded: num(row.rows_loaded),
    rowsRejected: num(row.rows_rejected),
    likelyDuplicates: num(row.duplicates),
    firstDate: textOrNull(row.first_date),
    lastDate: textOrNull(row.last_date),
  }));
  return { imports, caveats: generalCaveats(syntheticNames(imports)) };
}
