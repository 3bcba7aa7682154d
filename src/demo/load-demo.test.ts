import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { Decision } from '../engine/decision.js';
import { generateSigningKey, verifierKeyOf } from '../audit/checkpoint.js';
import { verifyAuditLog } from '../services/audit-service.js';
import { publicReport } from '../services/report-service.js';
import type { Actor } from '../auth/roles.js';

const AUDITOR: Actor = { id: 'u-auditor', username: 'auditor', role: 'auditor' };
import { deskContext } from '../services/desk-context.js';
import { CONSOLE_ACTOR, createUser } from '../services/user-service.js';
import { openStore, type Store } from '../store/open-store.js';
import { DOC_FY2017, NYPD_2016, NYPD_2017, type PeriodMargins } from './calibration.js';
import { DEMO_USERS, loadDemo, loadDemoUnlessLoaded, type LoadDemoReport } from './load-demo.js';

const OPTIONS = {
  seed: 42,
  now: '2026-03-04T15:00:00-05:00',
  users: { password: 'demo-password-for-tests-only' },
};

/** The stored form of the first instant of a New York day. */
const stored = (day: string) =>
  new Date(DateTime.fromISO(day, { zone: 'America/New_York' }).toMillis()).toISOString();

async function tally(store: Store, margins: PeriodMargins) {
  const rows = await store.db
    .selectFrom('cases')
    .select(['id', 'closedAs', 'holdStartedAt', 'iceNotifiedAt'])
    .where('jurisdiction', '=', margins.jurisdiction)
    .where('receivedAt', '>=', stored(margins.from))
    .where('receivedAt', '<', stored(margins.to))
    .execute();
  return {
    rows,
    received: rows.length,
    held: rows.filter((row) => row.holdStartedAt !== null).length,
    notified: rows.filter((row) => row.iceNotifiedAt !== null).length,
    transferred: rows.filter((row) => row.closedAs === 'transferred-to-ice').length,
  };
}

async function sizes(store: Store) {
  const count = async (table: 'cases' | 'caseEvents' | 'decisions' | 'informationRequests') =>
    Number(
      (
        await store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string | number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const head = await store.db.selectFrom('auditHead').select('size').executeTakeFirstOrThrow();
  return {
    cases: await count('cases'),
    events: await count('caseEvents'),
    decisions: await count('decisions'),
    informationRequests: await count('informationRequests'),
    audit: head.size,
  };
}

describe('loading the demo into SQLite', () => {
  let store: Store;
  let first: LoadDemoReport;

  before(async () => {
    store = await openStore('sqlite::memory:');
    first = await loadDemo(store, OPTIONS);
  });
  after(() => store.close());

  it('creates one user per role, and the cases', async () => {
    assert.deepEqual(first.users, { created: DEMO_USERS.length, existing: 0 });
    const users = await store.db.selectFrom('users').select(['username', 'role']).execute();
    assert.deepEqual(
      users.map((user) => `${user.username}:${user.role}`).sort(),
      DEMO_USERS.map((user) => `${user.username}:${user.role}`).sort(),
    );
    assert.equal(first.cases.existing, 0);
    assert.ok(first.cases.created > 2000);
  });

  it('NYPD 2016: 80 cases, the 2 with judicial warrants held and transferred to ICE', async () => {
    const counts = await tally(store, NYPD_2016);
    assert.deepEqual(
      { received: counts.received, held: counts.held, transferred: counts.transferred },
      { received: 80, held: 2, transferred: 2 },
    );
  });

  it('NYPD 2017: 1,526 cases, none honored', async () => {
    const counts = await tally(store, NYPD_2017);
    assert.deepEqual(
      {
        received: counts.received,
        held: counts.held,
        notified: counts.notified,
        transferred: counts.transferred,
      },
      { received: 1526, held: 0, notified: 0, transferred: 0 },
    );
  });

  it('DOC FY2017: 536 cases, no hold, 20 transferred after ICE was told of the release', async () => {
    const counts = await tally(store, DOC_FY2017);
    assert.deepEqual(
      {
        received: counts.received,
        held: counts.held,
        notified: counts.notified,
        transferred: counts.transferred,
      },
      { received: 536, held: 0, notified: 20, transferred: 20 },
    );
  });

  it('the mandated reports, computed from the records, give the calibrated figures', async () => {
    const ctx = deskContext(store, { now: () => OPTIONS.now });
    // The last day of each period: calibration.ts gives the day after it.
    const lastDay = (margins: PeriodMargins) =>
      DateTime.fromISO(margins.to).minus({ days: 1 }).toISODate()!;
    for (const margins of [NYPD_2016, NYPD_2017, DOC_FY2017]) {
      const report = await publicReport(ctx, AUDITOR, {
        jurisdiction: margins.jurisdiction,
        from: margins.from,
        to: lastDay(margins),
      });
      const value = (id: string) => {
        const figure = report.figures.find((candidate) => candidate.id === id);
        return figure?.status === 'counted' ? [figure.value, figure.unknown] : figure?.status;
      };
      assert.deepEqual(
        {
          received: value('received'),
          held: value('held'),
          transferred: value('transferred'),
        },
        {
          received: [margins.received.value, 0],
          held: [margins.held.value, 0],
          transferred: [margins.transferredToIce.value, 0],
        },
        margins.label,
      );
    }
  });

  it('the frozen decisions allowed every hold, notice and transfer recorded', async () => {
    const honored = await store.db
      .selectFrom('cases')
      .innerJoin('decisions', 'decisions.caseId', 'cases.id')
      .select(['cases.id', 'cases.holdStartedAt', 'cases.iceNotifiedAt', 'decisions.decisionJson'])
      .where('decisions.status', '=', 'confirmed')
      .where((eb) =>
        eb.or([
          eb('cases.holdStartedAt', 'is not', null),
          eb('cases.iceNotifiedAt', 'is not', null),
          eb('cases.closedAs', '=', 'transferred-to-ice'),
        ]),
      )
      .execute();
    assert.ok(honored.length >= 22 + 5);
    for (const row of honored) {
      const decision = JSON.parse(row.decisionJson) as Decision;
      const status = (action: string) =>
        decision.outcomes.find((outcome) => outcome.action === action)?.status;
      assert.equal(status('hold'), 'allowed', row.id);
      if (row.iceNotifiedAt !== null) assert.equal(status('notify'), 'allowed', row.id);
      assert.ok(decision.outcomes.every((outcome) => outcome.lawHash.length === 64));
    }
  });

  it('leaves work on the desk in every open status, with no hold overdue', async () => {
    for (const status of ['received', 'decided', 'override-pending', 'reviewed', 'holding']) {
      assert.ok((first.statuses[status] ?? 0) > 0, status);
    }
    const holding = await store.db
      .selectFrom('cases')
      .select('holdUntil')
      .where('status', '=', 'holding')
      .execute();
    for (const row of holding) assert.ok(Date.parse(row.holdUntil!) > Date.parse(OPTIONS.now));
    const open = await store.db.selectFrom('informationRequests').select('status').execute();
    assert.ok(open.some((row) => row.status === 'open'));
    assert.ok(open.some((row) => row.status === 'answered'));
  });

  it('the audit log verifies against every case, decision and information request loaded', async () => {
    const verifier = verifierKeyOf(generateSigningKey('test.example/audit'));
    const auditor = { id: 'a', username: 'auditor', role: 'auditor' } as const;
    const report = await verifyAuditLog(deskContext(store), auditor, verifier);
    assert.deepEqual(report.problems, []);
    assert.equal(report.records.cases, first.cases.created);
  });

  it('loading again changes nothing', async () => {
    const before = await sizes(store);
    const again = await loadDemo(store, OPTIONS);
    assert.deepEqual(await sizes(store), before);
    assert.deepEqual(again.users, { created: 0, existing: DEMO_USERS.length });
    assert.deepEqual(again.cases, { created: 0, existing: first.cases.created });
    assert.equal(again.steps.applied, 0);
    assert.deepEqual(again.statuses, first.statuses);
  });
});

describe('a demo load that was stopped is finished by the next one', () => {
  let store: Store;
  let dir: string;
  let marker: string;

  before(async () => {
    store = await openStore('sqlite::memory:');
    dir = mkdtempSync(join(tmpdir(), 'demo-marker-'));
    marker = join(dir, 'demo-load.json');
  });
  after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('resumes the same caseload (seed and day from the marker), then leaves a loaded store alone', async () => {
    const stopped = loadDemoUnlessLoaded(store, marker, {
      ...OPTIONS,
      onProgress: (done) => {
        if (done === 50) throw new Error('interrupted');
      },
    });
    await assert.rejects(stopped, /interrupted/);
    assert.ok(existsSync(marker), 'the marker stays while the load is unfinished');
    const partial = await sizes(store);
    assert.ok(partial.cases >= 50);

    // The next start runs on another day: the marker's day and seed are the ones loaded.
    let resumed = false;
    const report = await loadDemoUnlessLoaded(store, marker, {
      ...OPTIONS,
      seed: 7,
      now: '2026-03-05T15:00:00-05:00',
      onStart: (isResumed) => {
        resumed = isResumed;
        return Promise.resolve();
      },
    });
    assert.ok(report !== undefined);
    assert.equal(resumed, true);
    assert.equal(report.cases.existing, partial.cases);
    assert.ok(report.cases.created > 2000);
    assert.equal(existsSync(marker), false, 'the marker is removed once the load is done');

    // Complete: loading the same caseload again changes nothing.
    const loaded = await sizes(store);
    const again = await loadDemo(store, OPTIONS);
    assert.equal(again.steps.applied, 0);
    assert.deepEqual(await sizes(store), loaded);
    assert.equal(await loadDemoUnlessLoaded(store, marker, OPTIONS), undefined);
  });

  it('never loads the demo into a store with an account of its own, marker or not', async () => {
    const real = await openStore('sqlite::memory:');
    try {
      await createUser(deskContext(real), CONSOLE_ACTOR, {
        username: 'jail-system',
        displayName: 'Jail management system',
        role: 'clerk',
        password: undefined,
      });
      writeFileSync(
        marker,
        JSON.stringify({ store: real.location, seed: OPTIONS.seed, now: OPTIONS.now }),
      );
      assert.equal(await loadDemoUnlessLoaded(real, marker, OPTIONS), undefined);
      assert.equal((await sizes(real)).cases, 0);
    } finally {
      rmSync(marker, { force: true });
      await real.close();
    }
  });
});
