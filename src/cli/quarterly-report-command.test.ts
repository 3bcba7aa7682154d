import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deskContext } from '../services/desk-context.js';
import { recordEnforcementRequest } from '../services/enforcement-request-service.js';
import { openStore } from '../store/open-store.js';
import { runCli } from '../testing/cli-run.js';

describe('the § 10-178(d) quarterly report from the command line (real CLI, SQLite)', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const cli = (...args: string[]) => runCli(env, args);
  const QUARTER = ['reports', 'quarterly', '--quarter', '2024Q3'];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'desk-quarterly-'));
    const url = `sqlite:${join(dir, 'desk.db')}`;
    env = { ...process.env, DESK_DATA_DIR: dir, DESK_DATABASE: url };
    const store = await openStore(url);
    const ctx = deskContext(store);
    const clerk = { id: 'u-clerk', username: 'clerk', role: 'clerk' } as const;
    const asked = 'Asked for officers to hold a perimeter during an immigration arrest.';
    await recordEnforcementRequest(ctx, clerk, {
      receivingAgency: 'nyc-nypd',
      requestingAgency: 'ice',
      receivedAt: '2024-08-01T10:00:00-04:00',
      asked,
      response: { kind: 'declined', actions: 'Declined; no officer was sent.' },
    });
    await recordEnforcementRequest(ctx, clerk, {
      receivingAgency: 'nyc-nypd',
      requestingAgency: 'ice',
      receivedAt: '2024-09-30T23:30:00-04:00',
      asked,
    });
    await recordEnforcementRequest(ctx, clerk, {
      receivingAgency: 'nyc-doc',
      requestingAgency: 'fbi',
      receivedAt: '2024-07-02T09:00:00-04:00',
      asked,
      withheld: {
        ground: 'investigation',
        reason: 'An open federal investigation would be exposed.',
      },
    });
    await store.close();
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints the report as text, JSON and CSV from the same figures', async () => {
    const text = await cli(...QUARTER);
    assert.equal(text.code, 0, text.stderr);
    assert.match(
      text.stdout,
      /^From July to September 2024 the desk recorded 2 requests from non-local law enforcement agencies for support or assistance intended to further immigration enforcement: 0 agreed, 1 declined, 0 partly agreed and 1 without a recorded response\. 1 more request is withheld/,
    );
    assert.match(
      text.stdout,
      /\nLaw: § 10-178\(d\), as added by LL228\/2017 § 1 \(nyc\.10-178\.d, LL228\/2017, verbatim\)/,
    );
    assert.match(
      text.stdout,
      /\n {2}U\.S\. Immigration and Customs Enforcement \(ICE\) {2}Police Department +2 +0 +1 +0 +1\n/,
    );
    assert.match(
      text.stdout,
      /\n {2}§ 10-178\(d\)\(i\) such disclosure would interfere with law enforcement investigations: 1\n/,
    );
    assert.ok(!text.stdout.includes('perimeter'));

    const json = JSON.parse((await cli(...QUARTER, '--format', 'json')).stdout) as {
      total: { requests: number };
      withheld: { requests: number }[];
    };
    assert.equal(json.total.requests, 2);
    assert.deepEqual(
      json.withheld.map((ground) => ground.requests),
      [1, 0],
    );
    const csv = (await cli(...QUARTER, '--format', 'csv')).stdout.trim().split('\n');
    assert.match(csv[0]!, /^quarter,period_from,period_to,law,row,/);
    assert.equal(csv.length, 1 + 1 + 1 + 1 + 1 + 2);
  });

  it('a bad or unended quarter is one line naming the field, exit 2', async () => {
    for (const [quarter, message] of [
      ['2024-07', /^detainer-desk: invalid input: quarter: must be a year and a quarter/],
      ['2099Q1', /^detainer-desk: invalid input: quarter: has not ended/],
    ] as const) {
      const bad = await cli('reports', 'quarterly', '--quarter', quarter);
      assert.equal(bad.code, 2, bad.stderr);
      assert.match(bad.stderr, message);
      assert.equal(bad.stderr.trim().split('\n').length, 1, bad.stderr);
    }
    const missing = await cli('reports', 'quarterly');
    assert.equal(missing.code, 2);
    assert.match(
      missing.stderr,
      /^detainer-desk: required option '--quarter <quarter>' not specified/,
    );
    const format = await cli(...QUARTER, '--format', 'pdf');
    assert.equal(format.code, 2);
    assert.equal(format.stderr.trim().split('\n').length, 1);
  });
});
