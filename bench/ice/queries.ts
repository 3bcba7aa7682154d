/**
 * Group-by benchmark for the ICE analytics: builds a seeded synthetic table of detainers (3M rows
 * by default) in a DuckDB file, then times the main questions through the same functions the CLI
 * and API call, warm, median of several runs: by year and outcome, by state, top refusers (by
 * facility), the monthly series, and by agency within one state. Prints the load average and the
 * peak RSS beside the figures: the machine is shared, so CPU time (this process, DuckDB's threads
 * included) is printed too, as the steadier measure.
 *
 *   node --import tsx bench/ice/queries.ts                   # 3,000,000 rows, 7 runs each
 *   node --import tsx bench/ice/queries.ts --rows 500000 --runs 5
 *
 * Synthetic rows only (no people): dates in order over FY2013–FY2025; 5,000 facilities with a
 * skewed share each and spelling variants ("CO." / "CNTY" / "COUNTY"), a few named like New York
 * City's; lift reasons about 40% blank, in mixed case, with one value the outcome table does not
 * know; about 1% flagged as likely duplicates.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openIceDatabase, type IceDatabase } from '../../src/ice/ice-database.js';
import { iceRefusers, iceSeries, iceStats } from '../../src/ice/analysis/ice-stats.js';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '3000000' },
    runs: { type: 'string', default: '7' },
    seed: { type: 'string', default: '2017' },
  },
});
const rows = Number(values.rows);
const runs = Number(values.runs);
const seed = Number(values.seed);

const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');

/** A uniform number in [0, 1) from the row number, the seed and a salt: reproducible, no state. */
const uniform = (salt: number) =>
  `((hash(i * 7919 + ${seed} * 104729 + ${salt}) % 1000000) / 1000000.0)`;

async function build(db: IceDatabase): Promise<void> {
  const days = 365 * 13;
  await db.connection.run(
    `INSERT INTO ice_imports VALUES (1, 'synthetic.csv', 'synthetic-${seed}', 'synthetic', now(), ${rows}, ${rows}, 0)`,
  );
  await db.connection.run(`
    INSERT INTO ice_detainers (import_id, source_row, prepared_date, detainer_type, facility, state, lift_reason, duplicate_likely)
    SELECT 1, i::INTEGER, DATE '2012-10-01' + (i * ${days} // ${rows})::INTEGER,
      CASE WHEN t < 0.70 THEN 'I247A - Immigration Detainer - Notice of Action'
           WHEN t < 0.85 THEN 'I247D - Immigration Detainer - Request for Action'
           WHEN t < 0.95 THEN 'I247N - Immigration Advisal - Request for Notification'
           WHEN t < 0.98 THEN 'I247 - Immigration Detainer - Notice of Action (as of March 2013)'
           ELSE NULL END,
      CASE WHEN f = 0 THEN 'NYC DEPT OF CORRECTIONS' WHEN f = 1 THEN 'RIKERS ISLAND'
           WHEN f = 2 THEN 'NYPD CENTRAL BOOKING'
           ELSE 'FACILITY ' || f || ['', ' CO. JAIL', ' CNTY JAIL', ' COUNTY JAIL'][(1 + hash(i) % 4)::BIGINT] END,
      CASE WHEN f < 3 THEN 'NEW YORK' ELSE ['TEXAS', 'CALIFORNIA', 'FLORIDA', 'ARIZONA', 'GEORGIA', 'NEW YORK',
        'NEW JERSEY', 'ILLINOIS', 'NORTH CAROLINA', 'WASHINGTON'][(1 + f % 10)::BIGINT] END,
      CASE WHEN r < 0.40 THEN NULL
           WHEN r < 0.60 THEN 'Booked into Detention'
           WHEN r < 0.75 THEN 'BOOKED INTO DETENTION'
           WHEN r < 0.80 THEN 'Detainer Declined by LEA'
           WHEN r < 0.86 THEN 'Prosecutorial Discretion'
           WHEN r < 0.91 THEN 'Case Closed'
           WHEN r < 0.95 THEN 'No longer in State, Local, or Federal Custody'
           WHEN r < 0.98 THEN 'Early Release'
           WHEN r < 0.995 THEN 'Noncitizen Not Amenable to Removal'
           ELSE 'Superseded by New Detainer' END,
      d < 0.01
    FROM (SELECT i, ${uniform(1)} AS t, ${uniform(2)} AS r, ${uniform(3)} AS d,
            floor(5000 * pow(${uniform(4)}, 3))::INTEGER AS f FROM range(${rows}) AS s(i))`);
  await db.connection.run('CHECKPOINT');
}

/** Wall-clock and CPU time (this process, DuckDB's threads included) of one run, in ms. */
async function measure(run: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  await run();
  const used = process.cpuUsage(cpu);
  return { wall: performance.now() - start, cpu: (used.user + used.system) / 1000 };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => value.toFixed(0).padStart(9);

async function time(name: string, run: () => Promise<unknown>): Promise<void> {
  await run(); // warm
  const runsTaken: { wall: number; cpu: number }[] = [];
  for (let n = 0; n < runs; n++) runsTaken.push(await measure(run));
  const walls = runsTaken.map((r) => r.wall);
  console.log(
    `| ${name.padEnd(34)} | ${ms(median(walls))} | ${ms(Math.min(...walls))} | ${ms(median(runsTaken.map((r) => r.cpu)))} | ${load().padEnd(14)} |`,
  );
}

const dir = mkdtempSync(join(tmpdir(), 'ice-bench-'));
const db = await openIceDatabase(join(dir, 'ice.duckdb'));
try {
  console.log(`load average at the start: ${load()}`);
  const started = performance.now();
  await build(db);
  console.log(
    `built ${rows.toLocaleString('en-US')} synthetic rows (seed ${seed}) in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
  const first = await measure(() => iceStats(db, { by: 'year' }));
  console.log(
    `first query, building the analysis tables: ${(first.wall / 1000).toFixed(1)} s (load average ${load()})\n`,
  );
  console.log(
    `| query, median of ${runs} warm runs       |   wall ms |    min ms |    CPU ms | load average   |`,
  );
  console.log(
    '| ---------------------------------- | --------: | --------: | --------: | -------------- |',
  );
  await time('by year, outcome', () => iceStats(db, { by: 'year,outcome' }));
  await time('by state', () => iceStats(db, { by: 'state' }));
  await time('top refusers (by facility)', () => iceRefusers(db, { top: 20, minDetainers: 50 }));
  await time('monthly series', () => iceSeries(db, { interval: 'month' }));
  await time('by agency, NEW YORK, FY2017–FY2020', () =>
    iceStats(db, {
      by: 'agency,federal-fy',
      filter: { state: 'NY', from: '2016-10-01', to: '2020-09-30' },
    }),
  );
  const check = await iceStats(db, { by: [], filter: { includeDuplicates: true } });
  console.log(`\nall rows counted: ${check.totals.detainers.toLocaleString('en-US')}`);
  console.log(`load average at the end: ${load()}`);
  console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
} finally {
  db.close();
  rmSync(dir, { recursive: true, force: true });
}
