import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import type { Decision } from '../engine/decision.js';
import { openStore, type Store } from '../store/open-store.js';
import { DOC_FY2017, NYPD_2016, NYPD_2017, type PeriodMargins } from './calibration.js';
import { DEMO_USERS, loadDemo, type LoadDemoReport } from './load-demo.js';

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
