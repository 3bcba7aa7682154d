import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, CommanderError } from '@commander-js/extra-typings';
import { parse } from 'csv-parse/sync';
import { openIceDatabase } from '../ice/ice-database.js';
import { insertImport } from '../ice/analysis/synthetic-detainers.js';
import { UsageError } from './cli-errors.js';
import { registerIceStatsCommand } from './ice-stats-command.js';

const HOLD = 'I247A - Immigration Detainer - Notice of Action';

describe('detainer-desk ice stats | refusers | series', () => {
  let dir: string;
  let database: string;

  /** `detainer-desk ice …` on a bare program, as main.ts wires it: output, or the error. */
  const ice = async (...args: string[]) => {
    const program = new Command('detainer-desk').exitOverride().configureOutput({
      writeErr: () => undefined,
    });
    let stdout = '';
    registerIceStatsCommand(program.command('ice'), (text) => {
      stdout += text;
      return Promise.resolve();
    });
    await program.parseAsync(['node', 'detainer-desk', 'ice', ...args, '--ice-database', database]);
    return stdout;
  };
  const refused = async (...args: string[]) => {
    try {
      await ice(...args);
    } catch (error) {
      assert.ok(error instanceof CommanderError || error instanceof UsageError);
      return error.message;
    }
    assert.fail('expected the command to be refused');
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ice-stats-'));
    database = join(dir, 'ice.duckdb');
    const db = await openIceDatabase(database);
    await insertImport(db, 1, 'synthetic.csv', [
      {
        date: '2016-12-01',
        type: HOLD,
        facility: 'NYC DEPT OF CORR',
        state: 'NEW YORK',
        liftReason: 'Detainer Declined by LEA',
      },
      {
        date: '2017-02-01',
        type: HOLD,
        facility: 'Rikers Island',
        state: 'NY',
        liftReason: 'Booked into Detention',
      },
      {
        date: '2017-02-02',
        type: HOLD,
        facility: 'Rikers Island',
        state: 'NY',
        liftReason: 'Booked into Detention',
        duplicate: true,
      },
      {
        date: '2017-03-01',
        type: HOLD,
        facility: 'Harris Co Jail',
        state: 'TEXAS',
        liftReason: null,
      },
    ]);
    db.close();
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints an aligned table with totals, coverage and the caveats below', async () => {
    const out = await ice('stats', '--by', 'year,outcome', '--state', 'NEW YORK');
    const lines = out.split('\n');
    assert.match(
      lines[0]!,
      /^year\s+outcome\s+detainers\s+booked\s+declined\s+lifted\s+blank\s+other\s+declined\/all\s+declined\/recorded$/,
    );
    assert.ok(
      lines.some((line) =>
        /^2016\s+declined\s+1\s+0\s+1\s+0\s+0\s+0\s+100\.0%\s+100\.0%$/.test(line),
      ),
    );
    assert.ok(lines.some((line) => /^2017\s+booked\s+1\s+1\s+0/.test(line)));
    assert.ok(lines.some((line) => /^TOTAL\s+2\s+1\s+1\s+0\s+0\s+0\s+50\.0%\s+50\.0%$/.test(line)));
    assert.match(out, /Likely duplicates: 1 left out/);
    assert.match(out, /Covers: prepared 2016-12-01 to 2017-02-01; imports 1 \(synthetic\.csv\)\./);
    assert.match(out, /Caveats:\n {2}- ICE records that a detainer was created/);
    assert.match(out, /do not generally advise ICE/);
  });

  it('prints the total once when no dimension is asked', async () => {
    const out = await ice('stats');
    assert.equal(
      out.split('\n').filter((line) => /^\s+3\s+1\s+1\s+0\s+1\s+0/.test(line)).length,
      1,
    );
  });

  it('writes CSV with the caveats as trailing # comments, and JSON with rows and caveats', async () => {
    const csv = await ice('stats', '--by', 'facility', '--format', 'csv');
    const records = parse<Record<string, unknown>>(csv, {
      columns: true,
      comment: '#',
      cast: true,
    });
    assert.deepEqual(
      records.map((r) => [r.facility, r.state, r.detainers]),
      [
        ['HARRIS COUNTY JAIL', 'TEXAS', 1],
        ['NEW YORK CITY DEPARTMENT OF CORRECTION', 'NEW YORK', 1],
        ['RIKERS ISLAND', 'NEW YORK', 1],
      ],
    );
    assert.match(csv, /^# caveat: .*mis-attributed counties/m);
    const json = JSON.parse(
      await ice('stats', '--by', 'agency', '--format', 'json', '--include-duplicates'),
    ) as {
      rows: { key: { agency: string }; detainers: number; agencyInferred: boolean }[];
      caveats: { id: string }[];
    };
    assert.deepEqual(
      json.rows.map((row) => [row.key.agency, row.detainers, row.agencyInferred]),
      [
        ['nyc-doc', 3, true],
        ['texas', 1, false],
      ],
    );
    assert.ok(json.caveats.some((caveat) => caveat.id === 'duplicates-included'));
  });

  it('lists refusers above a threshold, marking inferred agency matches', async () => {
    const out = await ice('refusers', '--min-detainers', '1', '--top', '1');
    assert.match(
      out,
      /^NEW YORK CITY DEPARTMENT OF CORRECTION\s+NEW YORK\s+nyc-doc \(inferred\)\s+1\s+0\s+1/m,
    );
    assert.match(out, /Top 1 of 3 facilities with at least 1 detainers/);
  });

  it('prints a series without gaps', async () => {
    const out = await ice('series', '--interval', 'month', '--format', 'csv');
    const records = parse<{ month: string; detainers: string }>(out, {
      columns: true,
      comment: '#',
    });
    assert.deepEqual(
      records.map((r) => [r.month, r.detainers]),
      [
        ['2016-12', '1'],
        ['2017-01', '0'],
        ['2017-02', '1'],
        ['2017-03', '1'],
      ],
    );
  });

  it('refuses bad flags, naming the flag and what is allowed', async () => {
    assert.match(
      await refused('stats', '--by', 'year,person'),
      /^--by: unknown dimension "person"; allowed: year, federal-fy/,
    );
    assert.match(
      await refused('stats', '--format', 'xml'),
      /'--format <format>' argument 'xml' is invalid\. Allowed choices are table, csv, json/,
    );
    assert.match(
      await refused('stats', '--type', 'hold-ish'),
      /Allowed choices are hold, notification, other/,
    );
    assert.match(
      await refused('stats', '--from', '2017-13-01'),
      /^--from: must be a real calendar date/,
    );
    assert.match(await refused('stats', '--agency', 'atlantis'), /^--agency: .*"nyc-doc"/);
    assert.match(
      await refused('stats', '--from', '2017-02-01', '--to', '2017-01-01'),
      /^--to: must not be before from/,
    );
    assert.match(await refused('series', '--interval', 'week'), /Allowed choices are month, year/);
    assert.match(await refused('refusers', '--top', '0'), /'--top <n>' argument '0' is invalid/);
  });

  it('does not create a database where none exists', async () => {
    database = join(dir, 'missing.duckdb');
    await assert.rejects(ice('stats'), /no ICE database at .*missing\.duckdb/);
    database = join(dir, 'ice.duckdb');
  });
});
