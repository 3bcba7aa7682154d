import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openIceDatabase, type IceDatabase } from '../ice-database.js';
import { iceImports, iceRefusers, iceSeries, iceStats, type StatsRow } from './ice-stats.js';
import { insertImport, type SyntheticDetainer } from './synthetic-detainers.js';

const HOLD = 'I247A - Immigration Detainer - Notice of Action';
const NOTIFY = 'I247N - Immigration Advisal - Request for Notification';

/** Synthetic detainers: NYC's jail (two spellings), a Texas county jail, a California one. */
const ROWS: SyntheticDetainer[] = [
  {
    date: '2016-06-30',
    type: HOLD,
    facility: 'NYC DEPT OF CORRECTIONS',
    state: 'NEW YORK',
    liftReason: 'Detainer Declined by LEA',
  },
  {
    date: '2016-07-01',
    type: HOLD,
    facility: 'NYC Dept. of Correction',
    state: 'NY',
    liftReason: 'detainer declined  by LEA',
  },
  {
    date: '2016-09-30',
    type: NOTIFY,
    facility: 'RIKERS ISLAND',
    state: 'NEW YORK',
    liftReason: null,
  },
  {
    date: '2016-10-01',
    type: HOLD,
    facility: 'RIKERS ISLAND',
    state: 'NEW YORK',
    liftReason: 'Booked into Detention',
  },
  {
    date: '2016-10-01',
    type: HOLD,
    facility: 'RIKERS ISLAND',
    state: 'NEW YORK',
    liftReason: 'Booked into Detention',
    duplicate: true,
  },
  {
    date: '2016-12-15',
    type: HOLD,
    facility: 'Harris Co. Jail',
    state: 'TEXAS',
    liftReason: 'Booked into Detention',
  },
  {
    date: '2017-01-20',
    type: HOLD,
    facility: 'HARRIS COUNTY JAIL',
    state: 'TX',
    liftReason: 'Prosecutorial Discretion',
  },
  {
    date: '2017-03-02',
    type: null,
    facility: 'Harris County Jail',
    state: 'TEXAS',
    liftReason: 'Superseded by New Detainer',
  },
  {
    date: '2017-03-03',
    type: HOLD,
    facility: 'LOS ANGELES COUNTY JAIL',
    state: 'CALIFORNIA',
    liftReason: 'Detainer Declined by LEA',
  },
  {
    date: '2017-03-04',
    type: HOLD,
    facility: 'LOS ANGELES COUNTY JAIL',
    state: 'CALIFORNIA',
    liftReason: 'Early Release',
  },
];

const byKey = (rows: readonly StatsRow[], key: (row: StatsRow) => string) =>
  Object.fromEntries(rows.map((row) => [key(row), row]));

describe('ICE statistics over a DuckDB database', () => {
  let db: IceDatabase;
  before(async () => {
    db = await openIceDatabase(':memory:');
    await insertImport(db, 1, 'synthetic-2017.csv', ROWS);
  });
  after(() => {
    db.close();
  });

  it('counts by outcome, leaving likely duplicates out and saying how many', async () => {
    const result = await iceStats(db, { by: 'outcome' });
    const rows = byKey(result.rows, (row) => String(row.key.outcome));
    assert.equal(rows.booked?.detainers, 2);
    assert.equal(rows.declined?.detainers, 3);
    assert.equal(rows.lifted?.detainers, 1);
    assert.equal(rows.blank?.detainers, 1);
    assert.equal(rows.other?.detainers, 2);
    assert.equal(result.totals.detainers, 9);
    assert.equal(result.totals.declineRate, 3 / 9);
    assert.equal(result.totals.declineRateOfRecorded, 3 / 8);
    assert.deepEqual(result.duplicates, { included: false, count: 1 });
    assert.deepEqual(result.coverage, {
      imports: [
        { importId: 1, fileName: 'synthetic-2017.csv', format: 'synthetic', synthetic: false },
      ],
      from: '2016-06-30',
      to: '2017-03-04',
    });
    const included = await iceStats(db, { by: 'outcome', filter: { includeDuplicates: true } });
    assert.equal(included.totals.detainers, 10);
    assert.ok(included.caveats.some((caveat) => caveat.id === 'duplicates-included'));
  });

  it('lists the raw values put in "other", known and unknown', async () => {
    const result = await iceStats(db, { by: [] });
    assert.deepEqual(result.otherLiftReasons, [
      { value: 'EARLY RELEASE', known: true, detainers: 1 },
      { value: 'SUPERSEDED BY NEW DETAINER', known: false, detainers: 1 },
    ]);
    const caveat = result.caveats.find((c) => c.id === 'other-lift-reasons');
    assert.match(
      caveat!.text,
      /ICE: "EARLY RELEASE" \(1\); values our table does not know: "SUPERSEDED BY NEW DETAINER" \(1\)\./,
    );
    assert.match(result.caveats.find((c) => c.id === 'blank-lift-reason')!.text, /11\.1%/);
  });

  it('counts by federal and NYC fiscal year on their boundaries', async () => {
    const federal = await iceStats(db, { by: 'federal-fy' });
    assert.deepEqual(
      federal.rows.map((row) => [row.key['federal-fy'], row.detainers]),
      [
        [2016, 3],
        [2017, 6],
      ],
    );
    const nyc = await iceStats(db, { by: 'nyc-fy' });
    assert.deepEqual(
      nyc.rows.map((row) => [row.key['nyc-fy'], row.detainers]),
      [
        [2016, 1],
        [2017, 8],
      ],
    );
  });

  it('merges facility spellings, adds the state, and matches agencies with the inferred flag', async () => {
    const result = await iceStats(db, { by: 'facility,agency' });
    assert.deepEqual(result.by, ['facility', 'state', 'agency']);
    const rows = byKey(result.rows, (row) => String(row.key.facility));
    const doc = rows['NEW YORK CITY DEPARTMENT OF CORRECTION']!;
    assert.equal(doc.detainers, 2);
    assert.equal(doc.declined, 2);
    assert.deepEqual(doc.key, {
      facility: 'NEW YORK CITY DEPARTMENT OF CORRECTION',
      state: 'NEW YORK',
      agency: 'nyc-doc',
    });
    assert.equal(doc.agencyInferred, true);
    const harris = rows['HARRIS COUNTY JAIL']!;
    assert.equal(harris.detainers, 3);
    assert.equal(harris.key.agency, 'texas');
    assert.equal(harris.agencyInferred, false);
    const caveats = result.caveats.map((caveat) => caveat.id);
    assert.ok(caveats.includes('facility-names'));
    assert.ok(caveats.includes('agency-match-inferred'));
  });

  it('filters by state (code or name), facility part, agency, type group, outcome and dates', async () => {
    const count = async (filter: object) => (await iceStats(db, { filter })).totals.detainers;
    assert.equal(await count({ state: 'ny' }), 4);
    assert.equal(await count({ state: 'New York' }), 4);
    assert.equal(await count({ facility: 'harris co' }), 3);
    assert.equal(await count({ agency: 'nyc-doc' }), 4);
    assert.equal(await count({ agency: 'unmatched' }), 0);
    assert.equal(await count({ type: 'notification' }), 1);
    assert.equal(await count({ type: 'other' }), 1);
    assert.equal(await count({ form: 'i-247a' }), 7);
    assert.equal(await count({ outcome: 'declined', state: 'NY' }), 2);
    assert.equal(await count({ liftReason: 'early release' }), 1);
    assert.equal(await count({ from: '2016-07-01', to: '2016-10-01' }), 3);
    assert.equal(await count({ import: 2 }), 0);
    assert.equal(await count({ state: "NY' OR 1=1 --" }), 0);
  });

  it('each row’s drill filter selects exactly its detainers', async () => {
    const result = await iceStats(db, { by: 'nyc-fy,state,type-group,lift-reason' });
    for (const row of result.rows) {
      assert.ok(row.drill !== null, JSON.stringify(row.key));
      const drilled = await iceStats(db, { filter: row.drill });
      assert.equal(drilled.totals.detainers, row.detainers, JSON.stringify(row.drill));
    }
  });

  it('ranks refusers by declines among facilities at the threshold', async () => {
    const result = await iceRefusers(db, { top: 2, minDetainers: 2 });
    assert.deepEqual(
      result.rows.map((row) => [row.key.facility, row.declined, row.declineRate]),
      [
        ['NEW YORK CITY DEPARTMENT OF CORRECTION', 2, 1],
        ['LOS ANGELES COUNTY JAIL', 1, 0.5],
      ],
    );
    assert.equal(result.facilities, 4);
    assert.equal(result.facilitiesAtThreshold, 4);
    assert.equal(result.totals.detainers, 9);
    assert.equal((await iceRefusers(db, { minDetainers: 3 })).rows.length, 1);
    const all = await iceStats(db, {});
    const first = await iceRefusers(db, { top: 1, minDetainers: 1 });
    assert.equal(first.rows.length, 1);
    assert.deepEqual(first.totals, all.totals, 'totals are of every facility, not the rows shown');
    assert.deepEqual(first.coverage, all.coverage);
    assert.deepEqual(first.duplicates, all.duplicates);
    await assert.rejects(iceRefusers(db, { top: 0 }), /top: must be a whole number/);
  });

  it('gives a monthly series without gaps, each point with its drill filter', async () => {
    const result = await iceSeries(db, { interval: 'month' });
    assert.equal(result.points.length, 10);
    assert.deepEqual(result.points[0], {
      period: '2016-06',
      detainers: 1,
      booked: 0,
      declined: 1,
      lifted: 0,
      blank: 0,
      other: 0,
      declineRate: 1,
      declineRateOfRecorded: 1,
      drill: { from: '2016-06-01', to: '2016-06-30' },
    });
    assert.equal(result.points.find((point) => point.period === '2016-08')?.detainers, 0);
    const years = await iceSeries(db, { interval: 'year', filter: { state: 'TX' } });
    assert.deepEqual(
      years.points.map((point) => [point.period, point.detainers]),
      [
        [2016, 1],
        [2017, 2],
      ],
    );
    await assert.rejects(
      iceSeries(db, { interval: 'week' }),
      /interval: must be one of month, year/,
    );
  });

  it('never shows a person id or a row', async () => {
    await db.connection.run("UPDATE ice_detainers SET person_id = 'f1bc79f7synthetic'");
    const text = JSON.stringify([
      await iceStats(db, { by: 'facility,month,lift-reason,detainer-type' }),
      await iceRefusers(db, {}),
      await iceImports(db),
    ]);
    assert.ok(!text.includes('f1bc79f7synthetic'));
    assert.ok(!/"(person_?id|personId|source_?row|sourceRow)"/i.test(text));
  });

  it('lists imports with counts and dates, and sees a new import at once', async () => {
    const second = await openIceDatabase(':memory:');
    try {
      await insertImport(second, 1, 'first.csv', ROWS.slice(0, 2));
      assert.equal((await iceStats(second, {})).totals.detainers, 2);
      await insertImport(second, 2, 'second.csv', ROWS.slice(2, 5));
      assert.equal((await iceStats(second, {})).totals.detainers, 4);
      const { imports, caveats } = await iceImports(second);
      assert.deepEqual(imports[1], {
        importId: 2,
        fileName: 'second.csv',
        format: 'synthetic',
        synthetic: false,
        importedAt: '2026-01-02T03:04:05Z',
        rowsRead: 3,
        rowsLoaded: 3,
        rowsRejected: 0,
        likelyDuplicates: 1,
        firstDate: '2016-09-30',
        lastDate: '2016-10-01',
      });
      assert.ok(caveats.length >= 3);
    } finally {
      second.close();
    }
  });
});
