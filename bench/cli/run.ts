/**
 * How long a command takes from the shell: each command spawned N times (as `hyperfine` would),
 * median and 95th percentile of the wall time, beside `node -e 0` (Node's own start) and the
 * modules each command cannot avoid (the engine and the law; DuckDB). Run through `npm run
 * bench:cli`, which builds dist/ first: the bin runs dist/ only when it is current, and this
 * refuses to time an out-of-date build (it would time tsx).
 *
 *   npm run bench:cli                                   # 20 runs each, 200,000 ICE rows
 *   node --import tsx bench/cli/run.ts --runs 40 --rows 1000000
 *
 * The ICE question runs on a synthetic release (no people) built here in a temporary folder.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildIsCurrent } from '../../bin/build-is-current.js';
import { openIceDatabase } from '../../src/ice/ice-database.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '20' },
    rows: { type: 'string', default: '200000' },
  },
});
const runs = Number(values.runs);
const rows = Number(values.rows);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/detainer-desk.js');

if (!buildIsCurrent()) {
  process.stderr.write(
    'dist/ is older than src/: run `npm run build` first (npm run bench:cli does)\n',
  );
  process.exit(2);
}

/** A synthetic release: dates over FY2013–FY2025, 500 facilities, outcomes by lift reason. */
async function buildIceDatabase(path: string): Promise<void> {
  const db = await openIceDatabase(path);
  try {
    await db.connection.run(
      `INSERT INTO ice_imports VALUES (1, 'synthetic.csv', 'synthetic', 'synthetic', now(), ${String(rows)}, ${String(rows)}, 0)`,
    );
    await db.connection.run(`
      INSERT INTO ice_detainers (import_id, source_row, prepared_date, detainer_type, facility, state, lift_reason, duplicate_likely)
      SELECT 1, i::INTEGER, DATE '2012-10-01' + (i * 4745 // ${String(rows)})::INTEGER,
        'I247A - Immigration Detainer - Notice of Action',
        'FACILITY ' || (hash(i) % 500) || ' COUNTY JAIL',
        ['TEXAS', 'CALIFORNIA', 'NEW YORK', 'FLORIDA'][(1 + hash(i * 3) % 4)::BIGINT],
        ['Booked into Detention', 'Detainer Declined by LEA', NULL, 'Detainer Lifted'][(1 + hash(i * 7) % 4)::BIGINT],
        false
      FROM range(${String(rows)}) t(i)`);
  } finally {
    db.close();
  }
}

interface Row {
  name: string;
  args: string[];
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

/** Wall milliseconds of `runs` spawns (after 2 unmeasured), and the peak RSS of one run. */
function time(row: Row): { median: number; p95: number; rssMb: number | undefined } {
  const once = () => {
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, row.args, {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (result.status !== 0) throw new Error(`${row.name} failed: ${result.stderr.toString()}`);
    return ms;
  };
  once();
  once();
  const times = Array.from({ length: runs }, once).sort((a, b) => a - b);
  // GNU time gives the peak RSS of a child; without it the column is left blank.
  const rss = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...row.args], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const kb = rss.status === 0 ? Number(rss.stderr.toString().trim().split('\n').at(-1)) : NaN;
  return {
    median: percentile(times, 0.5),
    p95: percentile(times, 0.95),
    rssMb: Number.isFinite(kb) ? kb / 1024 : undefined,
  };
}

const dir = mkdtempSync(join(tmpdir(), 'bench-cli-'));
try {
  const ice = join(dir, 'ice.duckdb');
  await buildIceDatabase(ice);
  const stats = ['ice', 'stats', '--by', 'year,outcome', '--ice-database', ice];
  // The first question builds the analysis tables; every later one reads them.
  spawnSync(process.execPath, [BIN, ...stats], { cwd: ROOT, stdio: 'ignore' });
  const table: Row[] = [
    { name: 'node -e 0 (Node’s own start)', args: ['-e', '0'] },
    { name: 'detainer-desk --help', args: [BIN, '--help'] },
    {
      name: 'import the engine and the law alone',
      args: ['-e', 'await import("./dist/src/index.js")', '--input-type=module'],
    },
    {
      name: 'detainer-desk evaluate (one case)',
      args: [BIN, 'evaluate', 'examples/nyc-doc-2016-hold.json'],
    },
    {
      name: 'import DuckDB alone',
      args: ['-e', 'await import("@duckdb/node-api")', '--input-type=module'],
    },
    {
      name: `detainer-desk ice stats --by year,outcome (${rows.toLocaleString('en-US')} rows)`,
      args: [BIN, ...stats],
    },
    {
      name: 'evaluate from source through tsx (before)',
      args: ['--import', 'tsx', 'src/cli/main.ts', 'evaluate', 'examples/nyc-doc-2016-hold.json'],
    },
  ];
  const before = loadavg()[0]!;
  const lines = ['| command | median ms | p95 ms | peak RSS MB |', '| --- | --: | --: | --: |'];
  for (const row of table) {
    const { median, p95, rssMb } = time(row);
    lines.push(
      `| ${row.name} | ${median.toFixed(0)} | ${p95.toFixed(0)} | ${rssMb === undefined ? '' : rssMb.toFixed(0)} |`,
    );
  }
  const after = loadavg()[0]!;
  process.stdout.write(
    `${lines.join('\n')}\n\n${String(runs)} runs each (2 unmeasured first); load average ${before.toFixed(2)} at the start, ${after.toFixed(2)} at the end.\n`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
