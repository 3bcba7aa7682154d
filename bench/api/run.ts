/**
 * API benchmark: intake plus decision (`POST /api/cases?decide=true`, a new detainer request each
 * time, authenticated with an API token) against the real desk server on SQLite and on
 * PostgreSQL, beside a bare Fastify route answering the same JSON, in the same run; and, as the
 * cost of the desk's HTTP layer alone, an authenticated `GET /api/health`. The load generator
 * (autocannon) runs in this process; each server runs in its own process, and the CPU time it
 * used per request is read from /proc (Linux).
 *
 *   npm run bench:api                              # SQLite, and PostgreSQL if DESK_TEST_POSTGRES_URL is set
 *   npm run bench:api -- --duration 20 --connections 32
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
  /** The server's CPU time (all its threads) per request, or undefined without /proc. */
  serverCpuMicros: number | undefined;
}

type Request = 'intake' | 'health';

/** User plus system CPU time of a process so far, in milliseconds, from /proc (Linux). */
function cpuMillisOf(child: ChildProcess): number | undefined {
  try {
    // Fields after the command name: utime and stime are the 12th and 13th, in clock ticks (100/s).
    const stat = readFileSync(`/proc/${String(child.pid)}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

function startProcess(args: string[]): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const untilListening = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening (\S+)/.exec(output);
      if (match?.[1] === undefined) return;
      // From here on the server's request log is read and dropped, as a log collector would.
      child.stdout.off('data', untilListening);
      child.stdout.resume();
      resolve({ child, url: match[1] });
    };
    child.stdout.on('data', untilListening);
    child.once('exit', (code) => {
      reject(new Error(`${args.join(' ')} exited with ${String(code)} before listening`));
    });
  });
}

async function load(
  target: string,
  server: { child: ChildProcess; url: string },
  token: string | undefined,
  request: Request = 'intake',
): Promise<Row> {
  let counter = 0;
  const authorization = token === undefined ? {} : { authorization: `Bearer ${token}` };
  const cpuBefore = cpuMillisOf(server.child);
  const result = await autocannon({
    url: server.url,
    connections,
    duration,
    requests: [
      request === 'health'
        ? { method: 'GET', path: '/api/health', headers: authorization }
        : {
            method: 'POST',
            path: '/api/cases?decide=true',
            headers: { 'content-type': 'application/json', ...authorization },
            setupRequest: (sent) => {
              counter += 1;
              return {
                ...sent,
                body: JSON.stringify(docIntakeWithWarrant(`BENCH-${String(counter)}`)),
              };
            },
          },
    ],
  });
  const cpuAfter = cpuMillisOf(server.child);
  return {
    target,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    serverCpuMicros:
      cpuBefore === undefined || cpuAfter === undefined
        ? undefined
        : ((cpuAfter - cpuBefore) * 1000) / result.requests.total,
  };
}

/** The intake rows of a desk server on `databaseUrl`; with `health`, its health route's row too. */
async function benchDesk(
  target: string,
  databaseUrl: string,
  dataDir: string,
  { health = false } = {},
): Promise<Row[]> {
  const store = await openStore(databaseUrl);
  const ctx = deskContext(store);
  await createUser(ctx, CONSOLE_ACTOR, {
    username: 'bench',
    displayName: 'Benchmark',
    role: 'clerk',
  });
  const { token } = await createApiToken(ctx, CONSOLE_ACTOR, 'bench', 'benchmark');
  await store.close();
  const server = await startProcess(['bench/api/desk-server.ts', databaseUrl, '0', dataDir]);
  try {
    await load(target, server, token); // warm-up: JIT, caches, first pages of the B-trees
    const rows = [await load(target, server, token)];
    if (health) {
      rows.push(await load(`${target}: GET /api/health with the token`, server, token, 'health'));
    }
    return rows;
  } finally {
    server.child.kill();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'desk-bench-api-'));
const rows: Row[] = [];
try {
  const bare = await startProcess(['bench/api/bare-fastify.ts', '0']);
  await load('bare Fastify route', bare, undefined);
  rows.push(await load('bare Fastify route', bare, undefined));
  bare.child.kill();

  rows.push(
    ...(await benchDesk('desk on SQLite', `sqlite:${join(dir, 'bench.db')}`, dir, {
      health: true,
    })),
  );

  const postgresUrl = process.env.DESK_TEST_POSTGRES_URL;
  if (postgresUrl !== undefined) {
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query('DROP DATABASE IF EXISTS desk_bench_api WITH (FORCE)');
    await admin.query('CREATE DATABASE desk_bench_api');
    await admin.end();
    const target = new URL(postgresUrl);
    target.pathname = '/desk_bench_api';
    rows.push(...(await benchDesk('desk on PostgreSQL', target.toString(), dir)));
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const bareRate = rows[0]?.requestsPerSecond ?? 0;
process.stdout.write(
  `\nPOST /api/cases?decide=true unless named, ${String(connections)} connections, ${String(duration)} s each, load average ${loadavg()
    .map((value) => value.toFixed(2))
    .join(' ')}\n\n`,
);
process.stdout.write(
  '| target | requests/s | p50 ms | p99 ms | × bare | server CPU µs/request | errors | non-2xx |\n|---|---:|---:|---:|---:|---:|---:|---:|\n',
);
for (const row of rows) {
  const cpu = row.serverCpuMicros === undefined ? '–' : row.serverCpuMicros.toFixed(0);
  process.stdout.write(
    `| ${row.target} | ${row.requestsPerSecond.toFixed(0)} | ${String(row.p50)} | ${String(row.p99)} | ${(row.requestsPerSecond / bareRate).toFixed(2)} | ${cpu} | ${String(row.errors)} | ${String(row.non2xx)} |\n`,
  );
}
