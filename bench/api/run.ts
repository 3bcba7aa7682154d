/**
 * API benchmark: intake plus decision (`POST /api/cases?decide=true`, a new detainer request each
 * time, authenticated with an API token) against the real desk server on SQLite and on
 * PostgreSQL, beside a bare Fastify route answering the same JSON, in the same run. The load
 * generator (autocannon) runs in this process; each server runs in its own process.
 *
 *   npm run bench:api                              # SQLite, and PostgreSQL if DESK_TEST_POSTGRES_URL is set
 *   npm run bench:api -- --duration 20 --connections 32
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { deskContext } from '../../src/services/desk-context.js';
import { CONSOLE_ACTOR, createApiToken, createUser } from '../../src/services/user-service.js';
import { openStore } from '../../src/store/open-store.js';
import { docIntakeWithWarrant } from '../../src/testing/intake-fixtures.js';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '15' },
    connections: { type: 'string', default: '16' },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);

interface Row {
  target: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

function startProcess(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening (\S+)/.exec(output);
      if (match?.[1] !== undefined) resolve({ child, url: match[1] });
    });
    child.once('exit', (code) => {
      reject(new Error(`${args.join(' ')} exited with ${String(code)} before listening`));
    });
  });
}

async function load(target: string, url: string, token: string | undefined): Promise<Row> {
  let counter = 0;
  const result = await autocannon({
    url,
    connections,
    duration,
    requests: [
      {
        method: 'POST',
        path: '/api/cases?decide=true',
        headers: {
          'content-type': 'application/json',
          ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
        },
        setupRequest: (request) => {
          counter += 1;
          return {
            ...request,
            body: JSON.stringify(docIntakeWithWarrant(`BENCH-${String(counter)}`)),
          };
        },
      },
    ],
  });
  return {
    target,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

async function benchDesk(target: string, databaseUrl: string, dataDir: string): Promise<Row> {
  const store = await openStore(databaseUrl);
  const ctx = deskContext(store);
  await createUser(ctx, CONSOLE_ACTOR, {
    username: 'bench',
    displayName: 'Benchmark',
    role: 'clerk',
  });
  const { token } = await createApiToken(ctx, CONSOLE_ACTOR, 'bench', 'benchmark');
  await store.close();
  const { child, url } = await startProcess([
    'bench/api/desk-server.ts',
    databaseUrl,
    '0',
    dataDir,
  ]);
  try {
    await load(target, url, token); // warm-up: JIT, caches, first pages of the B-trees
    return await load(target, url, token);
  } finally {
    child.kill();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'desk-bench-api-'));
const rows: Row[] = [];
try {
  const bare = await startProcess(['bench/api/bare-fastify.ts', '0']);
  await load('bare Fastify route', bare.url, undefined);
  rows.push(await load('bare Fastify route', bare.url, undefined));
  bare.child.kill();

  rows.push(await benchDesk('desk on SQLite', `sqlite:${join(dir, 'bench.db')}`, dir));

  const postgresUrl = process.env.DESK_TEST_POSTGRES_URL;
  if (postgresUrl !== undefined) {
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query('DROP DATABASE IF EXISTS desk_bench_api WITH (FORCE)');
    await admin.query('CREATE DATABASE desk_bench_api');
    await admin.end();
    const target = new URL(postgresUrl);
    target.pathname = '/desk_bench_api';
    rows.push(await benchDesk('desk on PostgreSQL', target.toString(), dir));
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const bareRate = rows[0]?.requestsPerSecond ?? 0;
process.stdout.write(
  `\nPOST /api/cases?decide=true, ${String(connections)} connections, ${String(duration)} s each, load average ${loadavg()
    .map((value) => value.toFixed(2))
    .join(' ')}\n\n`,
);
process.stdout.write(
  '| target | requests/s | p50 ms | p99 ms | × bare | errors | non-2xx |\n|---|---:|---:|---:|---:|---:|---:|\n',
);
for (const row of rows) {
  process.stdout.write(
    `| ${row.target} | ${row.requestsPerSecond.toFixed(0)} | ${String(row.p50)} | ${String(row.p99)} | ${(row.requestsPerSecond / bareRate).toFixed(2)} | ${String(row.errors)} | ${String(row.non2xx)} |\n`,
  );
}
