/**
 * Import benchmark: a seeded synthetic ICE release of N rows (default 1,000,000) in format A's
 * 65-column layout, as CSV and as xlsx (the same rows), imported with `importRelease` into a
 * fresh DuckDB file, beside DuckDB's own raw load of the same CSV
 * (`CREATE TABLE raw AS SELECT * FROM read_csv(…)`) in the same run. Each measurement runs in its
 * own child process, so its peak RSS is its own.
 *
 *   node --import tsx bench/ice/import.ts                 # 1,000,000 rows
 *   node --import tsx bench/ice/import.ts --rows 200000
 *
 * The files are cached under .bench/ice/ (gitignored) by row count and seed; the first run
 * writes them (the xlsx takes minutes: exceljs writes about 10,000 rows a second here).
 * @module
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import ExcelJS from 'exceljs';
import { openIceDatabase } from '../../src/ice/ice-database.js';
import { importRelease } from '../../src/ice/import-release.js';
import { sqlString } from '../../src/ice/sql-text.js';
import { HEADERS } from '../../src/ice/test-files.js';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    seed: { type: 'string', default: '2025' },
    measure: { type: 'string' },
    file: { type: 'string' },
    database: { type: 'string' },
  },
});

const CACHE = '.bench/ice';

/** mulberry32: a small seeded generator, so every run imports the same rows. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STATES = ['TEXAS', 'CALIFORNIA', 'NEW YORK', 'FLORIDA', 'ILLINOIS', 'GEORGIA', 'ARIZONA'];
const AORS = ['Houston Area of Responsibility', 'Los Angeles Area of Responsibility'];
const CRIMINALITY = [
  '1 Convicted Criminal',
  '2 Pending Criminal Charges',
  '3 Other Immigration Violator',
];
const LIFT = ['Booked into Detention', 'Detainer Declined by LEA', 'Case Closed', 'Early Release'];
const COUNTRIES = ['MEXICO', 'GUATEMALA', 'HONDURAS', 'EL SALVADOR', 'VENEZUELA'];
const REDACTED = 'b(6), b(7)c';
const column = (name: string) => HEADERS.A.indexOf(name);
const DAY_MS = 86_400_000;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * One synthetic row: format A's 65 cells, about as sparse as the DDP's codebook says (a fifth of
 * AORs, two fifths of lift reasons and an eighth of person ids blank), redacted where ICE redacts,
 * three in ten prepare dates with a time of day, one in a thousand unreadable. People repeat, so
 * some detainers are likely duplicates. `date` is the prepare date as the container writes it.
 */
function syntheticRows(count: number, seed: number) {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  return function* rows(): Generator<{ cells: (string | null)[]; epochMs: number | null }> {
    for (let index = 0; index < count; index += 1) {
      const day = Date.UTC(2022, 9, 1) + Math.floor(next() * 900) * DAY_MS;
      const epochMs = day + (next() < 0.3 ? Math.floor(next() * 86_400) * 1000 : 0);
      const cells: (string | null)[] = HEADERS.A.map(() => null);
      const set = (name: string, value: string | null) => (cells[column(name)] = value);
      set('Facility State', next() < 0.02 ? null : pick(STATES));
      set('Facility AOR', next() < 0.21 ? null : pick(AORS));
      set('Detainer Prepared Criminality', pick(CRIMINALITY));
      set('Detention Facility', `COUNTY ${Math.floor(next() * 3000)} JAIL, MAIN`);
      set('Detention Facility Code', `C${Math.floor(next() * 3000)}`);
      set('Facility City', `CITY ${Math.floor(next() * 2000)}`);
      set('Detainer Prep Threat Level', next() < 0.05 ? null : String(1 + Math.floor(next() * 3)));
      set('Gender', pick(['Male', 'Male', 'Male', 'Female', 'Unknown']));
      set('Citizenship Country', pick(COUNTRIES));
      set('Birth Country', pick(COUNTRIES));
      set('Birth Date', REDACTED);
      set('Birth Year', String(1960 + Math.floor(next() * 45)));
      set('Processing Disposition', 'Detainer');
      set('Final Program', 'ERO Criminal Alien Program');
      set('Detainer Lift Reason', next() < 0.4 ? null : pick(LIFT));
      set('Detainer Type', 'I247A - Immigration Detainer - Notice of Action');
      for (const name of ['Alien File Number', 'EID Case ID', 'EID Subject ID'])
        set(name, REDACTED);
      const person = Math.floor(next() * count * 0.7).toString(16);
      set('Unique Identifier', next() < 0.13 ? null : person.padStart(40, '0'));
      yield { cells, epochMs: next() < 0.001 ? null : epochMs };
    }
  };
}

const csvCell = (value: string | null) =>
  value === null ? '' : /[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;

async function writeCsv(file: string, count: number, seed: number): Promise<void> {
  const out = createWriteStream(`${file}.partial`);
  let block: string[] = [HEADERS.A.join(',')];
  const flush = async () => {
    if (!out.write(`${block.join('\n')}\n`))
      await new Promise<void>((done) =>
        out.once('drain', () => {
          done();
        }),
      );
    block = [];
  };
  for (const { cells, epochMs } of syntheticRows(count, seed)()) {
    const iso = epochMs === null ? 'N/A' : new Date(epochMs).toISOString();
    cells[0] = iso.endsWith('T00:00:00.000Z')
      ? iso.slice(0, 10)
      : iso.slice(0, 19).replace('T', ' ');
    block.push(cells.map(csvCell).join(','));
    if (block.length === 10_000) await flush();
  }
  await flush();
  await new Promise<void>((done) =>
    out.end(() => {
      done();
    }),
  );
  await rename(`${file}.partial`, file);
}

/** The same rows as ICE's xlsx: six title rows, the header, sheets of 500,000 rows. */
async function writeXlsxRelease(file: string, count: number, seed: number): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: `${file}.partial`,
    useSharedStrings: true,
  });
  let sheet: ExcelJS.Worksheet | undefined;
  let index = 0;
  for (const { cells, epochMs } of syntheticRows(count, seed)()) {
    if (index % 500_000 === 0) {
      sheet?.commit();
      sheet = workbook.addWorksheet(`Detainers ${String(index / 500_000 + 1)}`);
      for (const title of ['U.S. Immigration and Customs Enforcement', 'ERO Detainers (synthetic)'])
        sheet.addRow([title]).commit();
      for (let blank = 0; blank < 4; blank += 1) sheet.addRow([]).commit();
      sheet.addRow(HEADERS.A).commit();
    }
    const row: (string | number | null)[] = cells;
    row[0] = epochMs === null ? 'N/A' : (epochMs - EXCEL_EPOCH) / DAY_MS;
    sheet!.addRow(row).commit();
    index += 1;
  }
  sheet?.commit();
  await workbook.commit();
  await rename(`${file}.partial`, file);
}

interface Measured {
  rows: number;
  seconds: number;
  maxRssBytes: number;
  detail: string;
}

/** One measurement, in this (child) process. */
async function measure(kind: string, file: string, database: string): Promise<Measured> {
  rmSync(database, { force: true });
  rmSync(`${database}.wal`, { force: true });
  const started = performance.now();
  let rows: number;
  let detail: string;
  if (kind === 'raw') {
    const instance = await DuckDBInstance.create(database);
    const connection = await instance.connect();
    await connection.run(`CREATE TABLE raw AS SELECT * FROM read_csv(${sqlString(file)})`);
    const counted = await connection.runAndReadAll('SELECT count(*) AS n FROM raw');
    rows = Number(counted.getRowObjects()[0]?.n);
    detail = 'all 65 columns, types detected';
    connection.closeSync();
    instance.closeSync();
  } else {
    const db = await openIceDatabase(database);
    const result = await importRelease(db, file, {
      now: () => new Date(),
      rejectsFile: () => `${database}.rejects.csv`,
    });
    db.close();
    if (result.status !== 'imported') throw new Error('the benchmark database was not fresh');
    rows = result.rowsRead;
    detail = `${result.rowsLoaded} loaded, ${result.rowsRejected} rejected, ${result.duplicatesLikely} likely duplicates`;
  }
  const seconds = (performance.now() - started) / 1000;
  return { rows, seconds, maxRssBytes: process.resourceUsage().maxRSS * 1024, detail };
}

function runChild(kind: string, file: string): Measured {
  const database = join(CACHE, `bench-${kind}.duckdb`);
  const child = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      fileURLToPath(import.meta.url),
      '--measure',
      kind,
      '--file',
      file,
      '--database',
      database,
    ],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  rmSync(database, { force: true });
  rmSync(`${database}.rejects.csv`, { force: true });
  if (child.status !== 0)
    throw new Error(`the ${kind} measurement failed (exit ${String(child.status)})`);
  return JSON.parse(child.stdout) as Measured;
}

const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;

async function main() {
  const count = Number(values.rows);
  const seed = Number(values.seed);
  mkdirSync(CACHE, { recursive: true });
  const csv = join(CACHE, `format-a-${count}-${seed}.csv`);
  const xlsx = join(CACHE, `format-a-${count}-${seed}.xlsx`);
  if (!existsSync(csv)) {
    process.stderr.write(`writing ${csv}…\n`);
    await writeCsv(csv, count, seed);
  }
  if (!existsSync(xlsx)) {
    process.stderr.write(`writing ${xlsx} (minutes)…\n`);
    await writeXlsxRelease(xlsx, count, seed);
  }
  process.stdout.write(
    `ICE import benchmark: ${count.toLocaleString('en-US')} rows of format A (seed ${seed}); node ${process.version}\n` +
      `CSV ${mb(statSync(csv).size)}, xlsx ${mb(statSync(xlsx).size)}; load average before: ${load()}\n\n`,
  );
  const table: [string, Measured][] = [];
  for (const [label, kind, file] of [
    ['DuckDB raw load of the CSV', 'raw', csv],
    ['importRelease, CSV', 'ours', csv],
    ['importRelease, xlsx', 'ours', xlsx],
  ] as const) {
    const result = runChild(kind, file);
    table.push([label, result]);
    process.stdout.write(
      `${label.padEnd(28)} ${result.seconds.toFixed(2).padStart(7)} s  ${Math.round(
        result.rows / result.seconds,
      )
        .toLocaleString('en-US')
        .padStart(
          10,
        )} rows/s  peak RSS ${mb(result.maxRssBytes).padStart(7)}  (${result.detail}; load average ${load()})\n`,
    );
  }
  const raw = table[0]![1];
  const csvImport = table[1]![1];
  const xlsxImport = table[2]![1];
  const rate = (m: Measured) => m.rows / m.seconds;
  process.stdout.write(
    `\nCSV import at ${((100 * rate(csvImport)) / rate(raw)).toFixed(0)}% of DuckDB's raw load (target ≥ 50%)\n` +
      `xlsx import peak RSS ${mb(xlsxImport.maxRssBytes)} for a ${mb(statSync(xlsx).size)} xlsx (target ≤ 1 GB for 100 MB)\n`,
  );
}

if (values.measure !== undefined) {
  const result = await measure(values.measure, values.file!, values.database!);
  process.stdout.write(JSON.stringify(result));
} else {
  await main();
}
