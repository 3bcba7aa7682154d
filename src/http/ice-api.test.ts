import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { tempFolder, writeText } from '../ice/test-files.js';
import { startTestDesk, type TestDesk } from '../testing/desk-server.js';
import { TEST_STORES } from '../testing/test-stores.js';

const run = promisify(execFile);
const BIN = new URL('../../bin/detainer-desk.js', import.meta.url).pathname;

// NPR's processed layout (format E): two 2016 detainers, one declined by the jail, and one 2017.
const RELEASE = `date,lift_reason,det_facility,city,state,detainer_type
2016-03-01 00:00:00,Detainer Declined by LEA,SYNTHETIC COUNTY JAIL,SPRINGFIELD,NEW YORK,I247D - Immigration Detainer - Request for Action
2016-04-02 00:00:00,Booked into Detention,SYNTHETIC COUNTY JAIL,SPRINGFIELD,NEW YORK,I247D - Immigration Detainer - Request for Action
2017-01-05 00:00:00,,OTHER COUNTY JAIL,SHELBYVILLE,NEW YORK,I247N - Immigration Advisal - Request for Notification
`;

interface Stats {
  rows: { key: Record<string, unknown>; detainers: number; declined: number }[];
  totals: { detainers: number };
  caveats: { id: string; text: string }[];
}

describe('ICE analytics end to end: the CLI imports, the running server answers the public', () => {
  let desk: TestDesk;
  let dir = '';
  let remove = () => Promise.resolve();
  let database = '';

  before(async () => {
    ({ dir, remove } = await tempFolder());
    database = join(dir, 'ice.duckdb');
    desk = await startTestDesk(TEST_STORES[0]!, { DESK_ICE_DATABASE: database });
  });
  after(async () => {
    await desk.close();
    await remove();
  });

  it('counts by year and outcome what `ice import` loaded while the server runs, without sign-in', async () => {
    const release = join(dir, 'release.csv');
    await writeText(release, RELEASE);
    // The server does not hold the database between requests, so an import may run beside it.
    await desk.anonymous.request('GET', '/api/ice/imports');
    const imported = await run(
      process.execPath,
      [BIN, 'ice', 'import', release, '--ice-database', database],
      { env: { ...process.env, NO_COLOR: '1' } },
    );
    assert.match(imported.stdout, /rows read 3 = 3 loaded \+ 0 rejected/);

    const answer = await desk.anonymous.request('GET', '/api/ice/stats?by=year,outcome');
    assert.equal(answer.status, 200);
    const stats = answer.body as Stats;
    assert.equal(stats.totals.detainers, 3);
    const declined2016 = stats.rows.find(
      (row) => row.key.year === 2016 && row.key.outcome === 'declined',
    );
    assert.equal(declined2016?.detainers, 1);
    assert.ok(stats.caveats.length > 0, 'every answer carries the caveats');
    assert.doesNotMatch(JSON.stringify(stats), /"person\w*":/i, 'no person-level field');
  });

  it('names the field when a question is malformed', async () => {
    const answer = await desk.anonymous.request('GET', '/api/ice/stats?by=shoe-size');
    assert.equal(answer.status, 400);
    assert.match(answer.text, /by/);
  });
});
