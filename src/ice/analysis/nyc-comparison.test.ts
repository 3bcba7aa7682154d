import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { PublishedFigures } from '../../reports/report-law.js';
import { NYC_PUBLISHED_FIGURES } from '../../law/nyc/published-figures.js';
import { openIceDatabase, type IceDatabase } from '../ice-database.js';
import { SYNTHETIC_RELEASE_FILE_NAME } from '../synthetic-release.js';
import { iceStats } from './ice-stats.js';
import { iceNycComparison } from './nyc-comparison.js';
import { insertImport, type SyntheticDetainer } from './synthetic-detainers.js';

const DOC = 'NYC DEPT OF CORRECTION';
const NYPD = 'NYPD CENTRAL BOOKING';
const HOLD = 'I-247D';

const ROWS: SyntheticDetainer[] = [
  { date: '2016-06-30', facility: DOC, state: 'NY', liftReason: 'Detainer Declined by LEA' },
  {
    date: '2016-07-01',
    facility: 'Rikers Island',
    state: 'NY',
    liftReason: 'Booked into Detention',
  },
  { date: '2016-07-01', facility: 'Rikers Island', state: 'NY', duplicate: true },
  { date: '2016-09-30', facility: NYPD, state: 'NY', liftReason: null },
  { date: '2016-10-01', facility: NYPD, state: 'NY', liftReason: 'Detainer Declined by LEA' },
  { date: '2016-12-31', facility: NYPD, state: 'NY', liftReason: 'Booked into Detention' },
  { date: '2017-01-01', facility: 'ERIE COUNTY HOLDING CENTER', state: 'NY' },
  { date: '2017-03-15', facility: NYPD, state: 'NY', liftReason: 'Case Closed' },
  { date: '2017-03-15', facility: 'HARRIS CO JAIL', state: 'TX' },
].map((row) => ({ type: HOLD, ...row }));

/** A period that is not whole months, to be asked on its own. */
const MID_MONTH: PublishedFigures = {
  jurisdiction: 'nyc-nypd',
  published: 'mid-month test period',
  readings: [{ basis: 'as stated', from: '2016-09-15', to: '2017-03-14' }],
  periodNote: 'a test',
  received: 3,
  sources: [],
  verification: 'secondary',
};

describe('ICE’s records of New York City beside the published figures', () => {
  let db: IceDatabase;
  before(async () => {
    db = await openIceDatabase(':memory:');
    await insertImport(db, 1, 'release.csv', ROWS);
  });
  after(() => {
    db.close();
  });

  it('counts each reading of each published period as a direct question would', async () => {
    const answer = await iceNycComparison(db, [...NYC_PUBLISHED_FIGURES, MID_MONTH]);
    assert.equal(answer.figures.length, NYC_PUBLISHED_FIGURES.length + 1);
    for (const figure of answer.figures) {
      for (const reading of figure.readings) {
        const direct = await iceStats(db, { filter: reading.agency.drill });
        assert.equal(
          reading.agency.detainers,
          direct.totals.detainers,
          `${figure.published} ${reading.basis}`,
        );
        assert.equal(reading.agency.declined, direct.totals.declined);
        assert.equal(reading.agency.declineRate, direct.totals.declineRate);
        const state = await iceStats(db, { filter: reading.newYorkState.drill });
        assert.equal(reading.newYorkState.detainers, state.totals.detainers);
      }
    }
    const nypd2016 = answer.figures.find(
      (figure) => figure.jurisdiction === 'nyc-nypd' && figure.published === '2016',
    );
    assert.equal(nypd2016?.agencyShort, 'NYPD');
    assert.equal(nypd2016.received, 80);
    assert.deepEqual(
      nypd2016.readings.map((reading) => [reading.basis, reading.agency.detainers]),
      [
        ['calendar year', 3],
        ['statutory reporting year', 1],
      ],
    );
    const mid = answer.figures.at(-1)!.readings[0]!;
    assert.deepEqual([mid.agency.detainers, mid.agency.declined, mid.agency.blank], [3, 1, 1]);
    // Every NYPD detainer in it, and DOC's two (the duplicate left out), are New York's.
    assert.equal(mid.newYorkState.detainers, 4);
  });

  it('says how far the imported releases cover each period', async () => {
    const answer = await iceNycComparison(db, [
      ...NYC_PUBLISHED_FIGURES.filter((figure) => figure.published === '2016'),
      MID_MONTH,
      {
        ...MID_MONTH,
        published: 'inside',
        readings: [{ basis: 'b', from: '2016-07-01', to: '2016-12-31' }],
      },
    ]);
    assert.equal(answer.releasesFrom, '2016-06-30');
    assert.equal(answer.releasesTo, '2017-03-15');
    assert.deepEqual(
      answer.figures.flatMap((figure) => figure.readings.map((reading) => reading.releases)),
      ['part', 'part', 'whole', 'whole'],
    );
    const none = await iceNycComparison(
      db,
      NYC_PUBLISHED_FIGURES.filter((figure) => figure.published === 'FY2019'),
    );
    assert.equal(none.figures[0]?.readings[0]?.releases, 'none');
    assert.equal(none.figures[0].readings[0].agency.detainers, 0);
    assert.equal(none.figures[0].readings[0].agency.declineRate, null);
  });

  it('carries its caveats: the two need not match, the matching is inferred', async () => {
    const answer = await iceNycComparison(db);
    const ids = answer.caveats.map((caveat) => caveat.id);
    assert.ok(ids.includes('agency-figures-differ'));
    assert.ok(ids.includes('agency-match-inferred'));
    assert.ok(ids.includes('created-not-served'));
    assert.ok(!ids.includes('synthetic-release'));
    assert.deepEqual(answer.duplicates, { included: false, count: 1 });
    assert.equal(answer.coverage.imports[0]?.synthetic, false);
    // Only the agencies the matcher knows: every figure of the desk's report laws is NYC's.
    assert.deepEqual([...new Set(answer.figures.map((figure) => figure.jurisdiction))].sort(), [
      'nyc-doc',
      'nyc-nypd',
    ]);
  });

  it('labels the synthetic demo release wherever it is counted', async () => {
    const demo = await openIceDatabase(':memory:');
    try {
      await insertImport(demo, 1, SYNTHETIC_RELEASE_FILE_NAME, ROWS);
      const answer = await iceNycComparison(demo);
      assert.equal(answer.caveats[0]?.id, 'synthetic-release');
      assert.match(answer.caveats[0].text, /SYNTHETIC DEMO RELEASE — not ICE data/);
      assert.equal(answer.coverage.imports[0]?.synthetic, true);
    } finally {
      demo.close();
    }
  });

  it('answers with no release imported: zero counts, covered by none', async () => {
    const empty = await openIceDatabase(':memory:');
    try {
      const answer = await iceNycComparison(empty);
      assert.equal(answer.releasesFrom, null);
      assert.ok(
        answer.figures.every((figure) =>
          figure.readings.every(
            (reading) => reading.releases === 'none' && reading.agency.detainers === 0,
          ),
        ),
      );
    } finally {
      empty.close();
    }
  });
});
