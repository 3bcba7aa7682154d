import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openIceDatabase, type IceDatabase } from '../../ice/ice-database.js';
import { insertImport } from '../../ice/analysis/synthetic-detainers.js';
import { problemApp } from '../app.js';
import { registerIceRoutes } from './ice-routes.js';

const HOLD = 'I247A - Immigration Detainer - Notice of Action';

function testApp(ice: IceDatabase) {
  const app = problemApp();
  registerIceRoutes(app, { use: (work) => work(ice) });
  return app;
}

describe('the ICE data API (public)', () => {
  let db: IceDatabase;
  let app: ReturnType<typeof testApp>;
  const get = async (path: string) => {
    const response = await app.request(path);
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      body: (await response.json()) as Record<string, unknown>,
    };
  };

  before(async () => {
    db = await openIceDatabase(':memory:');
    await insertImport(db, 1, 'synthetic.csv', [
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
        facility: 'Rikers Island',
        state: 'NY',
        liftReason: 'Booked into Detention',
      },
      {
        date: '2016-07-01',
        type: HOLD,
        facility: 'Rikers Island',
        state: 'NY',
        liftReason: 'Booked into Detention',
        duplicate: true,
      },
      { date: '2016-09-12', type: null, facility: 'Harris Co Jail', state: 'TX', liftReason: null },
    ]);
    app = testApp(db);
  });
  after(() => {
    db.close();
  });

  it('GET /api/ice/stats groups, filters and drills down, with caveats', async () => {
    const { status, body } = await get('/api/ice/stats?by=nyc-fy,outcome&state=NY');
    assert.equal(status, 200);
    const rows = body.rows as {
      key: Record<string, unknown>;
      detainers: number;
      drill: Record<string, unknown>;
    }[];
    assert.deepEqual(
      rows.map((row) => [row.key['nyc-fy'], row.key.outcome, row.detainers]),
      [
        [2016, 'declined', 1],
        [2017, 'booked', 1],
      ],
    );
    assert.deepEqual(rows[1]!.drill, {
      state: 'NY',
      from: '2016-07-01',
      to: '2017-06-30',
      outcome: 'booked',
    });
    const drill = new URLSearchParams(rows[1]!.drill);
    const drilled = await get(`/api/ice/stats?${drill.toString()}`);
    assert.equal((drilled.body.totals as { detainers: number }).detainers, 1);
    assert.deepEqual(body.duplicates, { included: false, count: 1 });
    const caveats = (body.caveats as { id: string }[]).map((caveat) => caveat.id);
    assert.ok(caveats.includes('created-not-served'));
    assert.ok(caveats.includes('declines-undercounted'));
    const withDuplicates = await get('/api/ice/stats?includeDuplicates=true');
    assert.equal((withDuplicates.body.totals as { detainers: number }).detainers, 4);
  });

  it('answers bad parameters with problem+json naming the field', async () => {
    const badDimension = await get('/api/ice/stats?by=year,person_id');
    assert.equal(badDimension.status, 400);
    assert.equal(badDimension.type, 'application/problem+json');
    assert.deepEqual(badDimension.body.errors, [
      {
        path: 'by',
        message:
          'unknown dimension "person_id"; allowed: year, federal-fy, nyc-fy, month, state, facility, agency, detainer-type, type-group, lift-reason, outcome',
      },
    ]);
    const badFilter = await get('/api/ice/stats?outcome=honored&from=2017-02-30');
    assert.equal(badFilter.status, 400);
    assert.deepEqual(
      (badFilter.body.errors as { path: string }[]).map((error) => error.path).sort(),
      ['from', 'outcome'],
    );
    const reversed = await get('/api/ice/stats?from=2018-01-01&to=2017-01-01');
    assert.equal(reversed.status, 400);
    assert.equal((reversed.body.errors as { path: string }[])[0]?.path, 'to');
    assert.equal((await get('/api/ice/refusers?top=0')).status, 400);
    assert.equal((await get('/api/ice/series?interval=week')).status, 400);
  });

  it('GET /api/ice/refusers ranks facilities with the agency matched', async () => {
    const { status, body } = await get('/api/ice/refusers?minDetainers=1&top=1');
    assert.equal(status, 200);
    assert.deepEqual(body.rows, [
      {
        key: {
          facility: 'NEW YORK CITY DEPARTMENT OF CORRECTION',
          state: 'NEW YORK',
          agency: 'nyc-doc',
        },
        detainers: 1,
        booked: 0,
        declined: 1,
        lifted: 0,
        blank: 0,
        other: 0,
        declineRate: 1,
        declineRateOfRecorded: 1,
        agencyInferred: true,
        drill: {
          facilityName: 'NEW YORK CITY DEPARTMENT OF CORRECTION',
          state: 'NEW YORK',
          agency: 'nyc-doc',
        },
      },
    ]);
    assert.equal(body.facilities, 3);
  });

  it('GET /api/ice/series gives every month with its drill filter', async () => {
    const { body } = await get('/api/ice/series?interval=month');
    const points = body.points as { period: string; detainers: number; drill: object }[];
    assert.deepEqual(
      points.map((point) => [point.period, point.detainers]),
      [
        ['2016-06', 1],
        ['2016-07', 1],
        ['2016-08', 0],
        ['2016-09', 1],
      ],
    );
    assert.deepEqual(points[2]!.drill, { from: '2016-08-01', to: '2016-08-31' });
  });

  it('GET /api/ice/imports lists files, counts and dates only', async () => {
    const { body } = await get('/api/ice/imports');
    assert.deepEqual(body.imports, [
      {
        importId: 1,
        fileName: 'synthetic.csv',
        format: 'synthetic',
        synthetic: false,
        importedAt: '2026-01-02T03:04:05Z',
        rowsRead: 4,
        rowsLoaded: 4,
        rowsRejected: 0,
        likelyDuplicates: 1,
        firstDate: '2016-06-30',
        lastDate: '2016-09-12',
      },
    ]);
  });

  it('GET /api/ice/nyc sets ICE’s NYC counts beside each published figure', async () => {
    const { status, body } = await get('/api/ice/nyc');
    assert.equal(status, 200);
    const figures = body.figures as {
      jurisdiction: string;
      published: string;
      received?: number;
      readings: {
        basis: string;
        releases: string;
        agency: { detainers: number; declined: number; drill: Record<string, string> };
        newYorkState: { detainers: number };
      }[];
    }[];
    const fy2016 = figures.find((f) => f.jurisdiction === 'nyc-doc' && f.published === 'FY2016');
    assert.ok(fy2016);
    assert.equal(fy2016.received, 51);
    // The declined detainer at the city's jail is prepared on 2016-06-30: in the city's FY2016.
    const cityYear = fy2016.readings.find((reading) => reading.basis === 'city fiscal year');
    assert.ok(cityYear);
    assert.equal(cityYear.agency.detainers, 1);
    assert.equal(cityYear.agency.declined, 1);
    assert.equal(cityYear.newYorkState.detainers, 1);
    assert.equal(cityYear.releases, 'part');
    assert.deepEqual(cityYear.agency.drill, {
      agency: 'nyc-doc',
      from: '2015-07-01',
      to: '2016-06-30',
    });
    const drilled = await get(
      `/api/ice/stats?${new URLSearchParams(cityYear.agency.drill).toString()}`,
    );
    assert.equal((drilled.body.totals as { detainers: number }).detainers, 1);
    const early = figures.find((f) => f.published === 'October 2012 to September 2013');
    assert.equal(early?.readings[0]?.releases, 'none');
    const caveats = (body.caveats as { id: string }[]).map((caveat) => caveat.id);
    assert.ok(caveats.includes('agency-figures-differ'));
    assert.ok(caveats.includes('created-not-served'));
    assert.ok(!caveats.includes('synthetic-release'));
  });

  it('appears in the OpenAPI document', () => {
    const document = app.getOpenAPI31Document({
      openapi: '3.1.0',
      info: { title: 'test', version: '0' },
    });
    for (const path of [
      '/api/ice/stats',
      '/api/ice/refusers',
      '/api/ice/series',
      '/api/ice/imports',
      '/api/ice/nyc',
    ]) {
      assert.ok(document.paths?.[path]?.get, path);
    }
    const parameters = (document.paths?.['/api/ice/stats']?.get?.parameters ?? []) as {
      name: string;
    }[];
    assert.ok(parameters.some((parameter) => parameter.name === 'by'));
    assert.ok(parameters.some((parameter) => parameter.name === 'includeDuplicates'));
  });
});
