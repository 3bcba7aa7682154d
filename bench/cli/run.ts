/**
 * How long a command takes from the shell: each command spawned N times (as `hyperfine` would),
 * median and 95th percentile of the wall time, and with GNU time the median CPU time (steadier
 * on a shared machine) and the peak RSS, beside `node -e 0` (Node's own start) and the
 * modules each command cannot avoid (the engine and the law; DuckDB). Run through `npm run
 * bench:cli`, which builds dist/ first: the bin runs the bundle (dist/cli/) only when it is
 * current, and this refuses to time an out-of-date build (it would time tsx). `evaluate` also
 * runs unbundled (tsc's dist/src, one file per module) and from source, for comparison.
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
    'dist/cli/ is older than src/: run `npm run build` first (npm run bench:cli does)\n',
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

interface Timing {
  median: number;
  p95: number;
  /** Median user + system CPU of the child: steadier than wall time on a shared machine. */
  cpu: number | undefined;
  rssMb: number | undefined;
}

/** GNU time reports a child's CPU and peak RSS; without it those columns are left blank. */
const GNU_TIME = '/usr/bin/time';
const hasGnuTime = spawnSync(GNU_TIME, ['-f', '%U', 'true']).status === 0;

/** `runs` spawns (after 2 unmeasured): wall milliseconds, CPU milliseconds, peak RSS. */
function time(row: Row): Timing {
  const once = () => {
    const [command, args] = hasGnuTime
      ? [GNU_TIME, ['-f', '%U %S %M', process.execPath, ...row.args]]
      : [process.execPath, row.args];
    const started = process.hrtime.bigint();
    const result = spawnSync(command, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    const wall = Number(process.hrtime.bigint() - started) / 1e6;
    if (result.status !== 0) throw new Error(`${row.name} failed: ${result.stderr.toString()}`);
    const [user, system, rssKb] = (result.stderr.toString().trim().split('\n').at(-1) ?? '')
      .split(' ')
      .map(Number);
    return hasGnuTime
      ? { wall, cpu: 1000 * (user! + system!), rss: rssKb! / 1024 }
      : { wall, cpu: undefined, rss: undefined };
  };
  once();
  once();
  const samples = Array.from({ length: runs }, once);
  const sorted = (values: number[]) => values.sort((a, b) => a - b);
  const walls = sorted(samples.map((sample) => sample.wall));
  const cpus = sorted(samples.flatMap((sample) => (sample.cpu === undefined ? [] : [sample.cpu])));
  const rss = samples.flatMap((sample) => (sample.rss === undefined ? [] : [sample.rss]));
  return {
    median: percentile(walls, 0.5),
    p95: percentile(walls, 0.95),
    cpu: cpus.length > 0 ? percentile(cpus, 0.5) : undefined,
    rssMb: rss.length > 0 ? Math.max(...rss) : undefined,
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
      name: 'import the engine and the law alone (dist/src, unbundled)',
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
      name: 'evaluate unbundled (dist/src, before the bundle)',
      args: ['dist/src/cli/main.js', 'evaluate', 'examples/nyc-doc-2016-hold.json'],
    },
    {
      name: 'evaluate from source through tsx',
      args: ['--import', 'tsx', 'src/cli/main.ts', 'evaluate', 'examples/nyc-doc-2016-hold.json'],
    },
  ];
  const before = loadavg()[0]!;
  const lines = [
    '| command | wall median ms | wall p95 ms | CPU median ms | peak RSS MB |',
    '| --- | --: | --: | --: | --: |',
  ];
  const shown = (n: number | undefined) => (n === undefined ? '' : n.toFixed(0));
  for (const row of table) {
    const { median, p95, cpu, rssMb } = time(row);
    lines.push(
      `| ${row.name} | ${shown(median)} | ${shown(p95)} | ${shown(cpu)} | ${shown(rssMb)} |`,
    );
  }
  const after = loadavg()[0]!;
  process.stdout.write(
    `${lines.join('\n')}\n\n${String(runs)} runs each (2 unmeasured first); load average ${before.toFixed(2)} at the start, ${after.toFixed(2)} at the end.\n`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
