/**
 * Reports benchmark: a store holding many synthetic cases (1,000,000 by default) spread over
 * 2012 to mid-2026 across DOC, NYPD and Probation, each with its timeline; then the reports' rows
 * derived for every case (src/services/report-facts.ts), every statutory report of each agency
 * built cold (read from its rows and counted) and warm (its rows unchanged), the public dashboard
 * built and served from its last build, and the dashboard's HTTP answer under load (autocannon,
 * p50/p99), with the process's memory.
 *
 *   npm run bench:reports                        # SQLite, 1,000,000 cases
 *   npm run bench:reports -- --cases 100000      # a smaller store
 *   npm run bench:reports -- --database postgres://…   # PostgreSQL (an empty database)
 *   npm run bench:reports -- --keep /tmp/reports.db    # SQLite kept for the next run, which
 *                                                      # then skips loading and deriving
 *
 * The cases are written straight into the tables (the desk's intake would take hours), with a
 * handful of record shapes; the reports read them as they read any case.
 * @module
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import type { Insertable } from 'kysely';
import { DateTime } from 'luxon';
import { intakeSchema } from '../../src/desk/intake.js';
import { createLogger } from '../../src/server/logger.js';
import { deskConfig } from '../../src/server/desk-config.js';
import { startServer } from '../../src/server/start-server.js';
import { deskContext } from '../../src/services/desk-context.js';
import { reportLawFor } from '../../src/law/report-laws.js';
import { buildReport } from '../../src/reports/build-report.js';
import { periodBounds, reportPeriod } from '../../src/reports/report-periods.js';
import {
  ensureReportFacts,
  parseReportRows,
  readReportRows,
} from '../../src/services/report-facts.js';
import { dashboard, publicReport, reportDuties } from '../../src/services/report-service.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import type { CaseEventTable, CaseTable, PersonTable } from '../../src/store/schema.js';
import {
  docIntakeWithWarrant,
  docIntakeWithoutWarrant,
} from '../../src/testing/intake-fixtures.js';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '1000000' },
    database: { type: 'string' },
    keep: { type: 'string' },
    duration: { type: 'string', default: '10' },
  },
});
const total = Number(values.cases);
const NOW = '2026-12-01T12:00:00.000Z';
const ZONE = 'America/New_York';
const FIRST = DateTime.fromISO('2012-04-01', { zone: ZONE }).toMillis();
const LAST = DateTime.fromISO('2026-06-30', { zone: ZONE }).toMillis();
const PROBATION_FROM = DateTime.fromISO('2017-12-01', { zone: ZONE }).toMillis();

/** A small deterministic generator (mulberry32), so two runs load the same store. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const iso = (ms: number) => new Date(ms).toISOString();
const HOUR = 3_600_000;

/** The record shapes the cases take turns at: with and without a warrant and a conviction. */
const SHAPES = [docIntakeWithWarrant('B'), docIntakeWithoutWarrant('B')].map((intake) =>
  // Stored as the desk stores an intake: parsed, with its defaults.
  JSON.stringify(intakeSchema.parse(intake)),
);

async function load(store: Store) {
  const next = random(2017);
  const started = Date.now();
  const BATCH = 500;
  for (let offset = 0; offset < total; offset += BATCH) {
    const persons: Insertable<PersonTable>[] = [];
    const cases: Insertable<CaseTable>[] = [];
    const events: Insertable<CaseEventTable>[] = [];
    for (let index = offset; index < Math.min(total, offset + BATCH); index++) {
      const id = `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;
      const draw = next();
      const jurisdiction = draw < 0.45 ? 'nyc-nypd' : draw < 0.9 ? 'nyc-doc' : 'nyc-probation';
      const from = jurisdiction === 'nyc-probation' ? PROBATION_FROM : FIRST;
      // Cases are written as they arrive, so the store's order follows the time received.
      const received = from + Math.floor(((index + next()) / total) * (LAST - from));
      const shape = SHAPES[index % SHAPES.length]!.replace(
        '2016-05-23T11:15:00-04:00',
        iso(received),
      ).replace('"nyc-doc"', `"${jurisdiction}"`);
      const outcome = next();
      const timeline: [string, number][] = [
        ['decided', received + HOUR],
        ['confirmed', received + 2 * HOUR],
      ];
      if (outcome < 0.04)
        timeline.push(
          ['hold-started', received + 72 * HOUR],
          ['transferred-to-ice', received + 80 * HOUR],
        );
      else if (outcome < 0.06)
        timeline.push(
          ['hold-started', received + 72 * HOUR],
          ['ice-did-not-come', received + 120 * HOUR],
        );
      else if (outcome < 0.1) timeline.push(['cancelled-by-ice', received + 30 * HOUR]);
      else timeline.push(['released-despite-detainer', received + 72 * HOUR]);
      const [closedAs, closedAt] = timeline.at(-1)!;
      persons.push({ id, name: `Synthetic Person ${String(index)}`, createdAt: NOW });
      cases.push({
        id,
        intakeKey: id,
        personId: id,
        jurisdiction,
        status: closedAs === 'cancelled-by-ice' ? 'cancelled' : 'closed',
        version: 3,
        form: 'I-247A',
        receivedAt: iso(received),
        expectedReleaseAt: null,
        intakeJson: shape,
        holdStartedAt: null,
        holdUntil: null,
        iceNotifiedAt: null,
        closedAt: iso(closedAt),
        closedAs,
        createdAt: NOW,
        updatedAt: NOW,
      });
      timeline.forEach(([kind, at], step) => {
        events.push({
          id: `${id}-${String(step)}`,
          caseId: id,
          kind,
          at: iso(at),
          recordedBy: 'bench',
          recordedAt: NOW,
          detailsJson: '{}',
        });
      });
    }
    await store.db.transaction().execute(async (trx) => {
      await trx.insertInto('persons').values(persons).execute();
      await trx.insertInto('cases').values(cases).execute();
      await trx.insertInto('caseEvents').values(events).execute();
    });
    if (offset % 100_000 === 0 && offset > 0) {
      process.stderr.write(
        `  ${String(offset)} cases loaded (${String(Date.now() - started)} ms)\n`,
      );
    }
  }
  return Date.now() - started;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

/**
 * What a cold build of one period spends per case at each stage: reading its rows, parsing them,
 * and counting (the public build, without case lists), each timed alone.
 */
async function stageCosts(
  store: Store,
  request: { jurisdiction: string; from: string; to: string },
) {
  const law = reportLawFor(request.jurisdiction)!;
  const period = reportPeriod(law, request.from, request.to, NOW.slice(0, 10));
  const [start, end] = periodBounds(period, law.timeZone).map((ms) => new Date(ms).toISOString());
  const span = { start: start!, end: end! };
  const [rows, reading] = await timed(() =>
    store.transaction((trx) => readReportRows(trx, law.jurisdiction, span)),
  );
  const [cases, parsing] = await timed(() => Promise.resolve(parseReportRows(rows)));
  const audit = { size: 0, rootSha256: '' };
  const [, counting] = await timed(() =>
    Promise.resolve(buildReport({ law, period, cases, dataAsOf: NOW, audit, traced: false })),
  );
  const micros = (ms: number) => ((ms * 1000) / rows.length).toFixed(1);
  console.log(
    `its stages, ${String(rows.length)} rows: reading ${micros(reading)} µs, ` +
      `parsing ${micros(parsing)} µs, counting ${micros(counting)} µs a row`,
  );
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'desk-bench-reports-'));
  const url =
    values.database ??
    (values.keep === undefined ? `sqlite:${join(dir, 'desk.db')}` : `sqlite:${values.keep}`);
  console.log(
    `bench:reports, ${total.toLocaleString('en-US')} cases, ${url.split(':')[0]!}; load ${loadavg()[0]!.toFixed(2)}`,
  );
  try {
    const loading = await openStore(url);
    const held = await loading.db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    if (Number(held.n) === 0) console.log(`store loaded in ${String(await load(loading))} ms`);
    else console.log(`store kept from an earlier run: ${String(held.n)} cases`);
    await loading.close();

    // A fresh store object: no report built yet (cold). The cases were written straight into
    // the tables, so their report rows are derived here, as after an upgrade that changes them.
    const store = await openStore(url);
    const ctx = deskContext(store, { now: () => NOW });
    const [, derived] = await timed(() => ensureReportFacts(ctx));
    console.log(
      `report rows derived: ${derived.toFixed(0)} ms, ${((derived * 1000) / total).toFixed(0)} µs a case`,
    );
    console.log('\nstatutory report            cases    cold ms   warm ms');
    let slowestWarm = 0;
    let slowestCold = 0;
    let slowest = { jurisdiction: '', from: '', to: '' };
    for (const duty of reportDuties(ctx)) {
      for (const period of duty.periods) {
        const request = { jurisdiction: duty.jurisdiction, from: period.from, to: period.to };
        const [report, cold] = await timed(() => publicReport(ctx, undefined, request));
        const [, warm] = await timed(() => publicReport(ctx, undefined, request));
        if (cold > slowestCold) slowest = request;
        slowestCold = Math.max(slowestCold, cold);
        slowestWarm = Math.max(slowestWarm, warm);
        const received = report.figures.find((figure) => figure.id === 'received');
        const count = received?.status === 'counted' ? received.value : 0;
        console.log(
          `${duty.jurisdiction.padEnd(14)} ${period.from.slice(0, 7)}..${period.to.slice(0, 7)} ${String(count).padStart(8)} ${cold.toFixed(0).padStart(10)} ${warm.toFixed(0).padStart(9)}`,
        );
      }
    }
    console.log(
      `slowest report: cold ${slowestCold.toFixed(0)} ms, warm ${slowestWarm.toFixed(0)} ms`,
    );
    await stageCosts(store, slowest);
    const [, dashboardCold] = await timed(() => dashboard(ctx));
    const [, dashboardWarm] = await timed(() => dashboard(ctx));
    console.log(
      `dashboard: after the reports ${dashboardCold.toFixed(0)} ms, unchanged records ${dashboardWarm.toFixed(1)} ms`,
    );

    const config = deskConfig(
      { dataDir: dir, port: '0', database: url },
      { DESK_INSECURE_COOKIES: '1' },
    );
    const server = await startServer(ctx, config, createLogger('silent'));
    const result = await autocannon({
      url: `${server.url}/api/dashboard`,
      connections: 8,
      duration: Number(values.duration),
    });
    await server.close();
    console.log(
      `GET /api/dashboard: ${result.requests.average.toFixed(0)} req/s, p50 ${String(result.latency.p50)} ms, p99 ${String(result.latency.p99)} ms, non-2xx ${String(result.non2xx)}`,
    );
    const memory = process.memoryUsage();
    console.log(`memory: rss ${mb(memory.rss)}, heap used ${mb(memory.heapUsed)}`);
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
