/**
 * `detainer-desk ice stats | refusers | series`: the questions asked of ICE's public detainer
 * releases (src/ice/analysis/ice-stats.ts), printed as an aligned table with the caveats below it,
 * as CSV with the caveats as trailing `#` comment lines (csv-parse reads them with `comment: '#'`),
 * or as the JSON the API answers. Three commands rather than flags on one, because each asks for
 * different options (`--by`; `--top`/`--min-detainers`; `--interval`).
 *
 * The questions and the values they take are validated where the API validates them
 * (stats-request.ts); a bad value comes back naming its flag. The actions import what they use,
 * so `--help` loads neither DuckDB nor the schemas: the choices listed here come from modules of
 * plain constants.
 * @module
 */
import { InvalidArgumentError, Option, type Command } from '@commander-js/extra-typings';
import type { IceDatabase } from '../ice/ice-database.js';
import type { Caveat } from '../ice/analysis/caveats.js';
import type { Counts, Coverage, KeyValue, SeriesInterval } from '../ice/analysis/ice-stats.js';
import { TYPE_GROUPS } from '../ice/analysis/detainer-types.js';
import { OUTCOMES } from '../ice/analysis/outcomes.js';
import type { Dimension, StatsFilterInput } from '../ice/analysis/stats-request.js';
import { UsageError } from './cli-errors.js';

type Write = (text: string) => Promise<void>;

const FORMATS = ['table', 'csv', 'json'] as const;
type Format = (typeof FORMATS)[number];

const SERIES_INTERVALS = ['month', 'year'] as const satisfies readonly SeriesInterval[];

/** A Commander argument parser: a bad value names the flag and what is allowed. */
const positive = (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number ≥ 1');
  return n;
};

interface CommonOptions {
  state?: string;
  facility?: string;
  agency?: string;
  from?: string;
  to?: string;
  type?: string;
  outcome?: string;
  form?: string;
  liftReason?: string;
  import?: number;
  includeDuplicates?: true;
  format: Format;
  iceDatabase?: string;
}

function addCommonOptions(command: Command) {
  return command
    .option('--state <state>', 'state name or code, e.g. "NEW YORK" or NY')
    .option('--facility <text>', 'part of the facility name (compared after normalising)')
    .option(
      '--agency <id>',
      'the desk jurisdiction matched to the facility (e.g. nyc-doc), or unmatched',
    )
    .option('--from <YYYY-MM-DD>', 'prepared on or after')
    .option('--to <YYYY-MM-DD>', 'prepared on or before')
    .addOption(new Option('--type <group>', 'detainer type group').choices(TYPE_GROUPS))
    .addOption(new Option('--outcome <outcome>', 'outcome group').choices(OUTCOMES))
    .option('--form <form>', 'detainer form, e.g. I-247A')
    .option('--lift-reason <text>', 'lift reason as ICE writes it (case and spacing ignored)')
    .option('--import <id>', 'only rows from this import', positive)
    .option('--include-duplicates', 'count rows flagged as likely duplicates (left out by default)')
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('table'))
    .option(
      '--ice-database <path>',
      'the DuckDB file (default: $DESK_ICE_DATABASE or <data dir>/ice.duckdb)',
    );
}

function filterOf(options: CommonOptions): StatsFilterInput {
  const filter: Record<string, unknown> = {
    state: options.state,
    facility: options.facility,
    agency: options.agency,
    from: options.from,
    to: options.to,
    type: options.type,
    outcome: options.outcome,
    form: options.form,
    liftReason: options.liftReason,
    import: options.import,
    includeDuplicates: options.includeDuplicates === true,
  };
  return Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined));
}

/** The flag a field of the request came from: `liftReason` → `--lift-reason`. */
const flagOf = (path: string) => `--${path.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** Opens the database, runs the question, and turns a refused value into a line naming its flag. */
async function withIceDatabase<T>(
  options: CommonOptions,
  run: (db: IceDatabase, ice: typeof import('../ice/analysis/ice-stats.js')) => Promise<T>,
): Promise<T> {
  const { existsSync } = await import('node:fs');
  const { deskConfig } = await import('../server/desk-config.js');
  const { DeskError } = await import('../desk/errors.js');
  const path = options.iceDatabase ?? deskConfig().iceDatabase;
  // Reading must not create an empty database where the user mistyped a path.
  if (!existsSync(path)) {
    throw new DeskError(
      'not-found',
      `no ICE database at ${path}: run \`detainer-desk ice import FILE…\` first`,
    );
  }
  const { openNamedIceDatabase } = await import('./open-databases.js');
  const ice = await import('../ice/analysis/ice-stats.js');
  const db = await openNamedIceDatabase(path);
  try {
    return await run(db, ice);
  } catch (error) {
    if (!(error instanceof DeskError) || error.code !== 'invalid-input') throw error;
    throw new UsageError(
      error.issues.map((issue) => `${flagOf(issue.path)}: ${issue.message}`).join('; '),
    );
  } finally {
    db.close();
  }
}

/** `--by year,outcome`, checked as the API checks `by`. */
async function dimensionsOf(by: string): Promise<Dimension[]> {
  const { parseDimensions } = await import('../ice/analysis/stats-request.js');
  return parseDimensions(by);
}

const COUNT_COLUMNS = ['detainers', 'booked', 'declined', 'lifted', 'blank', 'other'] as const;
const RATE_COLUMNS = [
  ['declineRate', 'declined/all'],
  ['declineRateOfRecorded', 'declined/recorded'],
] as const;

interface Table {
  keys: readonly string[];
  rows: readonly { key: readonly KeyValue[]; counts: Counts }[];
  totals: Counts;
}

const percent = (rate: number | null) => (rate === null ? '–' : `${(100 * rate).toFixed(1)}%`);

function renderTable(table: Table, coverage: Coverage, notes: readonly string[]): string {
  const header = [...table.keys, ...COUNT_COLUMNS, ...RATE_COLUMNS.map(([, label]) => label)];
  const line = (key: readonly KeyValue[], counts: Counts) => [
    ...key.map((value) => (value === null ? '(blank)' : String(value))),
    ...COUNT_COLUMNS.map((column) => counts[column].toLocaleString('en-US')),
    ...RATE_COLUMNS.map(([column]) => percent(counts[column])),
  ];
  const totalKey = table.keys.map((_, index) => (index === 0 ? 'TOTAL' : ''));
  const body = [
    header,
    ...table.rows.map((row) => line(row.key, row.counts)),
    line(totalKey.length > 0 ? totalKey : [], table.totals),
  ];
  const widths = header.map((_, column) => Math.max(...body.map((row) => row[column]!.length)));
  const keyCount = table.keys.length;
  const format = (row: readonly string[]) =>
    row
      .map((cell, column) =>
        column < keyCount ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!),
      )
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  const lines = [format(body[0]!), rule];
  // Without dimensions the one group is the total: print it once.
  if (keyCount > 0) lines.push(...body.slice(1, -1).map(format), rule);
  lines.push(format(body.at(-1)!), '');
  lines.push(...notes, coverageLine(coverage), '');
  return `${lines.join('\n')}\n`;
}

function coverageLine(coverage: Coverage): string {
  const imports = coverage.imports.map((i) => `${i.importId} (${i.fileName})`).join(', ');
  return `Covers: prepared ${coverage.from ?? '–'} to ${coverage.to ?? '–'}; imports ${imports || 'none'}.`;
}

function renderCaveats(caveats: readonly Caveat[], prefix: string): string {
  return caveats.map((caveat) => `${prefix}${caveat.text}\n`).join('');
}

function renderCsv(
  stringify: (rows: unknown[][]) => string,
  table: Table,
  coverage: Coverage,
  notes: readonly string[],
  caveats: readonly Caveat[],
): string {
  const header = [...table.keys, ...COUNT_COLUMNS, ...RATE_COLUMNS.map(([column]) => column)];
  const row = (key: readonly KeyValue[], counts: Counts) => [
    ...key,
    ...COUNT_COLUMNS.map((column) => counts[column]),
    ...RATE_COLUMNS.map(([column]) => counts[column]),
  ];
  const comments = [...notes, coverageLine(coverage)].map((note) => `# ${note}\n`).join('');
  return (
    stringify([header, ...table.rows.map((r) => row(r.key, r.counts))]) +
    comments +
    renderCaveats(caveats, '# caveat: ')
  );
}

async function print(
  write: Write,
  format: Format,
  result: { caveats: readonly Caveat[]; coverage: Coverage },
  table: Table,
  notes: readonly string[],
): Promise<void> {
  if (format === 'json') {
    await write(`${JSON.stringify(result, null, 2)}\n`);
  } else if (format === 'csv') {
    const { stringify } = await import('csv-stringify/sync');
    await write(renderCsv(stringify, table, result.coverage, notes, result.caveats));
  } else {
    await write(
      renderTable(table, result.coverage, notes) +
        'Caveats:\n' +
        renderCaveats(result.caveats, '  - '),
    );
  }
}

const count = (n: number) => n.toLocaleString('en-US');

function duplicatesNote(duplicates: { included: boolean; count: number }): string {
  return `Likely duplicates: ${count(duplicates.count)} ${duplicates.included ? 'included' : 'left out (--include-duplicates counts them)'}.`;
}

export function registerIceStatsCommand(ice: Command, write: Write): void {
  addCommonOptions(
    ice
      .command('stats')
      .description('count detainers grouped by dimensions, with outcomes and decline rates'),
  )
    .option(
      '--by <dimensions>',
      'comma-separated: year, federal-fy, nyc-fy, month, state, facility, agency, detainer-type, type-group, lift-reason, outcome',
      '',
    )
    .action(async (options) => {
      await withIceDatabase(options, async (db, ice) => {
        const by = await dimensionsOf(options.by);
        const result = await ice.iceStats(db, { by, filter: filterOf(options) });
        const table = {
          keys: result.by,
          rows: result.rows.map((row) => ({
            key: result.by.map((dimension) => row.key[dimension] ?? null),
            counts: row,
          })),
          totals: result.totals,
        };
        await print(write, options.format, result, table, [duplicatesNote(result.duplicates)]);
      });
    });

  addCommonOptions(
    ice
      .command('refusers')
      .description('facilities by recorded declines, with decline rates, above a minimum count'),
  )
    .option('--top <n>', 'how many facilities', positive, 20)
    .option('--min-detainers <n>', 'leave out facilities with fewer detainers', positive, 50)
    .action(async (options) => {
      await withIceDatabase(options, async (db, ice) => {
        const result = await ice.iceRefusers(db, {
          filter: filterOf(options),
          top: options.top,
          minDetainers: options.minDetainers,
        });
        const keys = ['facility', 'state', 'agency'] as const;
        const table = {
          keys,
          rows: result.rows.map((row) => ({
            key: keys.map((dimension) =>
              dimension === 'agency' && row.agencyInferred && row.key.agency
                ? `${row.key.agency} (inferred)`
                : (row.key[dimension] ?? null),
            ),
            counts: row,
          })),
          totals: result.totals,
        };
        await print(write, options.format, result, table, [
          `Top ${result.top} of ${count(result.facilitiesAtThreshold)} facilities with at least ${count(result.minDetainers)} detainers (${count(result.facilities)} in all); TOTAL is every facility.`,
          duplicatesNote(result.duplicates),
        ]);
      });
    });

  addCommonOptions(
    ice.command('series').description('counts per month or year, without gaps, for a chart'),
  )
    .addOption(
      new Option('--interval <interval>', 'month or year')
        .choices(SERIES_INTERVALS)
        .default('month' as const),
    )
    .action(async (options) => {
      await withIceDatabase(options, async (db, ice) => {
        const result = await ice.iceSeries(db, {
          interval: options.interval,
          filter: filterOf(options),
        });
        const table = {
          keys: [result.interval],
          rows: result.points.map((point) => ({ key: [point.period], counts: point })),
          totals: result.totals,
        };
        await print(write, options.format, result, table, [duplicatesNote(result.duplicates)]);
      });
    });
}
