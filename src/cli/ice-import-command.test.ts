import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { Command, CommanderError } from '@commander-js/extra-typings';
import { openIceDatabase } from '../ice/ice-database.js';
import { HEADERS, tempFolder, writeText, writeXlsx } from '../ice/test-files.js';
import { registerIceImportCommand } from './ice-import-command.js';

const run = promisify(execFile);
const BIN = new URL('../../bin/detainer-desk.js', import.meta.url).pathname;

let dir = '';
let remove = () => Promise.resolve();
before(async () => ({ dir, remove } = await tempFolder()));
after(() => remove());

/** `detainer-desk ice …` on a bare program, as main.ts will wire it: output and exit status. */
async function ice(...args: string[]) {
  const program = new Command('detainer-desk').exitOverride().configureOutput({
    writeErr: () => undefined,
  });
  let stdout = '';
  let failed = false;
  registerIceImportCommand(
    program.command('ice'),
    (text) => {
      stdout += text;
      return Promise.resolve();
    },
    () => {
      failed = true;
    },
  );
  const stderr: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = (chunk: string | Uint8Array) => {
    stderr.push(String(chunk));
    return true;
  };
  try {
    await program.parseAsync(['node', 'detainer-desk', 'ice', ...args]);
  } finally {
    process.stderr.write = write;
  }
  return { stdout, stderr: stderr.join(''), failed };
}

async function countRows(database: string): Promise<number> {
  const db = await openIceDatabase(database);
  try {
    const result = await db.connection.runAndReadAll('SELECT count(*) AS n FROM ice_detainers');
    return Number(result.getRowObjects()[0]?.n);
  } finally {
    db.close();
  }
}

test('imports several files, printing rows read = loaded + rejected and where rejects went', async () => {
  const database = join(dir, 'data', 'ice.duckdb');
  const xlsx = join(dir, 'FY2015.xlsx');
  await writeXlsx(xlsx, [
    { name: 'FY2015', rows: [HEADERS.D, [42131, 'I247D', 'HARRIS COUNTY JAIL', 'TX', 'HOUSTON']] },
  ]);
  const csv = join(dir, 'pa.csv');
  await writeText(
    csv,
    `${HEADERS.E.join(',')}\n2012-01-05,,YORK COUNTY PRISON,YORK,PA,I247\nsoon,,X,Y,PA,I247\n`,
  );
  const first = await ice('import', xlsx, csv, '--ice-database', database);
  assert.equal(
    first.stdout,
    [
      `${xlsx}: import 1, format D (Legacy ICE FOIA detainers FY2008–FY2015 (6 columns, xlsx or CSV))`,
      '  rows read 1 = 1 loaded + 0 rejected',
      '  skipped 1 title, header or blank rows',
      '  likely duplicates: 0 (same person id within 24 hours of an earlier detainer)',
      '  rejects: none',
      `${csv}: import 2, format E (NPR's processed detainer CSV (date, lift_reason, det_facility, city, state, detainer_type))`,
      '  rows read 2 = 1 loaded + 1 rejected',
      '  skipped 1 title, header or blank rows',
      '  likely duplicates: 0 (same person id within 24 hours of an earlier detainer)',
      `  rejects: ${join(dir, 'data', 'ice-rejects-2.csv')}`,
      'analysis tables brought up to date',
      '',
    ].join('\n'),
  );
  assert.equal(first.failed, true, 'a rejected row makes the exit code 1');
  assert.match(
    await readFile(join(dir, 'data', 'ice-rejects-2.csv'), 'utf8'),
    /pa\.csv,,3,date,"the prepare date ""soon"" is not a date this importer knows"/,
  );

  const again = await ice('import', xlsx, '--ice-database', database);
  assert.match(
    again.stdout,
    /FY2015\.xlsx: already imported \(import 1, as FY2015\.xlsx, at .*\); nothing changed\n$/,
  );
  assert.equal(again.failed, false);
  assert.equal(await countRows(database), 2);
});

test('a file that cannot be imported is reported and fails the run; the others still load', async () => {
  const database = join(dir, 'second.duckdb');
  const good = join(dir, 'good.csv');
  await writeText(good, `${HEADERS.E.join(',')}\n2012-01-05,,YORK COUNTY PRISON,YORK,PA,I247\n`);
  const truncated = join(dir, 'truncated.xlsx');
  const whole = join(dir, 'whole.xlsx');
  await writeXlsx(whole, [
    {
      name: 'FY2015',
      rows: [HEADERS.D, ...Array.from({ length: 500 }, () => [42131, 'I247D', 'X'])],
    },
  ]);
  const bytes = await readFile(whole);
  await writeFile(truncated, bytes.subarray(0, bytes.length - 100));
  const result = await ice('import', truncated, good, '--ice-database', database);
  assert.match(
    result.stderr,
    /truncated\.xlsx: not a whole xlsx file \(truncated or corrupt\): .*; nothing from it was loaded/,
  );
  assert.match(result.stdout, /good\.csv: import 1, format E/);
  assert.equal(result.failed, true);
  assert.equal(await countRows(database), 1);
});

test('the database defaults to $DESK_ICE_DATABASE, else ice.duckdb in the data folder', async () => {
  const file = join(dir, 'one.csv');
  await writeText(file, `${HEADERS.E.join(',')}\n2012-02-05,,YORK COUNTY PRISON,YORK,PA,I247\n`);
  const saved = { ...process.env };
  try {
    process.env.DESK_DATA_DIR = join(dir, 'data-dir');
    delete process.env.DESK_ICE_DATABASE;
    await ice('import', file);
    assert.equal(existsSync(join(dir, 'data-dir', 'ice.duckdb')), true);
    process.env.DESK_ICE_DATABASE = join(dir, 'named.duckdb');
    await ice('import', file);
    assert.equal(await countRows(join(dir, 'named.duckdb')), 1);
  } finally {
    process.env = saved;
  }
});

test('--rejects with several files is a usage error', async () => {
  await assert.rejects(
    ice('import', 'a.csv', 'b.csv', '--rejects', join(dir, 'r.csv')),
    (error: unknown) => error instanceof CommanderError && error.exitCode === 2,
  );
});

test('end to end: the real CLI, exit 1 with rejects, 0 when the same bytes come again', async () => {
  const database = join(dir, 'cli.duckdb');
  const file = join(dir, 'cli.csv');
  await writeText(
    file,
    `${HEADERS.E.join(',')}\n2012-03-05,,YORK COUNTY PRISON,YORK,PA,I247\nsoon,,X,Y,PA,I247\n`,
  );
  const cli = async (...args: string[]) => {
    try {
      const { stdout } = await run(process.execPath, [BIN, ...args], {
        env: { ...process.env, DESK_ICE_DATABASE: database },
      });
      return { code: 0, stdout };
    } catch (error) {
      const failed = error as { code: number; stdout: string };
      return { code: failed.code, stdout: failed.stdout };
    }
  };
  const first = await cli('ice', 'import', file);
  assert.equal(first.code, 1);
  assert.match(first.stdout, /rows read 2 = 1 loaded \+ 1 rejected/);
  assert.match(first.stdout, /rejects: .*cli-rejects-1\.csv/);
  const again = await cli('ice', 'import', file);
  assert.equal(again.code, 0);
  assert.match(again.stdout, /already imported \(import 1, as cli\.csv/);
  assert.equal((await cli('ice', 'import', file, file, '--rejects', 'r.csv')).code, 2);
});
