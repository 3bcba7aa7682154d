/**
 * Release replay benchmark (issue 13): the demo's synthetic ICE release (src/ice/synthetic-release.ts,
 * format F) made with several seeds into one file of about 22,700 rows a seed, imported into a
 * fresh ICE database, then replayed whole through the replay service as the API runs it
 * (ReplayJobs on a fresh SQLite store): one job alone, then two people's jobs at once.
 *
 *   node --import tsx bench/what-if/release.ts                   # 9 seeds: about 204,000 rows
 *   node --import tsx bench/what-if/release.ts --seeds 3 --under nyc-doc@LL22/2013
 *
 * The import runs in a child process (the CLI's `ice import`), so the peak RSS is the replay's.
 * It prints the import's time apart; for each job the time its start took (reading the rows from
 * DuckDB and auditing the read, in the request) and the job's wall time to its finished result
 * (mapping each row, deciding it twice, sorting), the rows read, mapped and skipped, the cases
 * changed, the result's SHA-256 as JSON, the process's peak RSS and heap, and the load average.
 * @module
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Actor } from '../../src/auth/roles.js';
import { iceDatabaseAt } from '../../src/ice/ice-database.js';
import { syntheticRelease, SYNTHETIC_RELEASE_FILE_NAME } from '../../src/ice/synthetic-release.js';
import { deskContext } from '../../src/services/desk-context.js';
import type { ReleaseReplayResult } from '../../src/services/replay-release.js';
import { ReplayJobs, type ReplayJobView } from '../../src/services/replay-service.js';
import { openStore } from '../../src/store/open-store.js';
import { replayJson } from '../../src/what-if/replay-output.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(`--${name}`);
  return at === -1 ? fallback : (args[at + 1] ?? fallback);
};
const seeds = Number(option('seeds', '9'));
const under = option('under', 'texas@SB 4');

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024).toLocaleString('en-US')} MB`;
/** Measured before the result is hashed: the hash's JSON text is the benchmark's, not the job's. */
const peakRss = () => mb(process.resourceUsage().maxRSS * 1024);

/** The releases of `seeds` seeds as one CSV: one header, every seed's rows after it. */
function bigRelease(): { csv: string; rows: number } {
  const parts: string[] = [];
  let rows = 0;
  for (let seed = 2017; seed < 2017 + seeds; seed++) {
    const release = syntheticRelease(seed);
    const [header, ...lines] = release.csv.trimEnd().split('\n');
    if (parts.length === 0) parts.push(header!);
    parts.push(...lines);
    rows += release.rows;
  }
  return { csv: `${parts.join('\n')}\n`, rows };
}

async function settled(jobs: ReplayJobs, actor: Actor, id: string): Promise<ReplayJobView> {
  for (;;) {
    const job = jobs.get(actor, id);
    if (job.state !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function describe(job: ReplayJobView, startMs: number, runMs: number): string {
  const result = job.result as ReleaseReplayResult;
  const sha = createHash('sha256').update(replayJson(result)).digest('hex');
  const { read, mapped, skipped } = result.release.rows;
  return [
    `  start ${seconds(startMs)} (rows read from DuckDB, read audited), job ${seconds(runMs)} to the result`,
    `  rows read ${read.toLocaleString('en-US')} = ${mapped.toLocaleString('en-US')} cases + ${skipped.toLocaleString('en-US')} skipped; ${result.changedCases.toLocaleString('en-US')} cases changed`,
    `  result SHA-256 ${sha}`,
  ].join('\n');
}

const dir = await mkdtemp(join(os.tmpdir(), 'bench-release-'));
try {
  const made = bigRelease();
  const file = join(dir, SYNTHETIC_RELEASE_FILE_NAME);
  await writeFile(file, made.csv);
  const iceFile = join(dir, 'ice.duckdb');
  const importing = performance.now();
  execFileSync(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', 'ice', 'import', file, '--ice-database', iceFile],
    { stdio: 'ignore', env: { ...process.env, DESK_DATA_DIR: dir } },
  );
  const importId = 1;
  process.stdout.write(
    `${made.rows.toLocaleString('en-US')} synthetic rows (${String(seeds)} seeds) imported in ${seconds(performance.now() - importing)}; replaying under ${under}\n`,
  );
  const store = await openStore(`sqlite:${join(dir, 'desk.db')}`);
  try {
    const jobs = new ReplayJobs(deskContext(store), undefined, iceDatabaseAt(iceFile));
    const reviewer: Actor = { id: 'u-reviewer', username: 'reviewer', role: 'reviewer' };
    const auditor: Actor = { id: 'u-auditor', username: 'auditor', role: 'auditor' };
    const request = { under, source: { kind: 'release' as const, release: importId } };

    let began = performance.now();
    const alone = await jobs.start(reviewer, request);
    let started = performance.now();
    const done = await settled(jobs, reviewer, alone.id);
    let memory = `peak RSS ${peakRss()}, heap ${mb(process.memoryUsage().heapUsed)}`;
    process.stdout.write(
      `one job:\n${describe(done, started - began, performance.now() - started)}\n  ${memory}\n`,
    );

    began = performance.now();
    const [first, second] = await Promise.all([
      jobs.start(reviewer, request),
      jobs.start(auditor, request),
    ]);
    started = performance.now();
    const both = await Promise.all([
      settled(jobs, reviewer, first.id),
      settled(jobs, auditor, second.id),
    ]);
    const wall = performance.now() - started;
    memory = `peak RSS ${peakRss()}, heap ${mb(process.memoryUsage().heapUsed)}`;
    process.stdout.write(
      `two jobs at once (both starts ${seconds(started - began)}), ${seconds(wall)} until both finished:\n${describe(both[0], started - began, wall)}\n${describe(both[1], started - began, wall)}\n  ${memory} (the first job's result still held)\n`,
    );
    process.stdout.write(
      `load average ${os
        .loadavg()
        .map((load) => load.toFixed(1))
        .join(' ')}\n`,
    );
  } finally {
    await store.close();
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
