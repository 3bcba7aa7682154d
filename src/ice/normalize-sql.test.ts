import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import fc from 'fast-check';
import { MACROS } from './normalize-sql.js';
import { sqlString } from './sql-text.js';

let instance: DuckDBInstance;
let connection: DuckDBConnection;
before(async () => {
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
  await connection.run(MACROS);
});
after(() => {
  connection.closeSync();
  instance.closeSync();
});

/** Each text through one macro, as text (NULL as null). */
async function apply(macro: string, inputs: readonly string[]): Promise<(string | null)[]> {
  const list = `[${inputs.map(sqlString).join(', ')}]`;
  const result = await connection.runAndReadAll(
    `SELECT CAST(${macro}(t) AS VARCHAR) AS v FROM unnest(${list}) WITH ORDINALITY AS u(t, i) ORDER BY i`,
  );
  return result.getRowObjectsJson().map((row) => row.v as string | null);
}

const one = async (macro: string, input: string) => (await apply(macro, [input]))[0];

test('FOIA exemption markers are redactions, in any case or spacing', async () => {
  const markers = [
    'b(6), b(7)c',
    'b(6), b(7)C',
    'B(6),B(7)C',
    '(b)(6)',
    '(b)(6), (b)(7)(C)',
    '(b)(6); (b)(7)(c)',
    ' b(6) ',
    'b6, b7c',
    'b(7)(C)',
  ];
  assert.deepEqual(
    await apply('ice_redacted', markers),
    markers.map(() => 'true'),
  );
  assert.deepEqual(
    await apply('ice_value', markers),
    markers.map(() => null),
  );
});

test('values that only look alike are data, trimmed', async () => {
  const values = ['b', '6', 'B6 JAIL', 'Building 6', 'b(8)', 'ab(6)', '(b)(6) county', ',,'];
  assert.deepEqual(
    await apply('ice_redacted', values),
    values.map(() => 'false'),
  );
  assert.deepEqual(await apply('ice_value', ['  RIKERS ISLAND ', 'B6 JAIL', '', '   ']), [
    'RIKERS ISLAND',
    'B6 JAIL',
    null,
    null,
  ]);
});

test('Excel serials across the 1900 leap-year bug', async () => {
  assert.deepEqual(
    await apply('ice_timestamp', ['1', '59', '60', '61', '42131', '42132', '45658']),
    [
      '1900-01-01 00:00:00',
      '1900-02-28 00:00:00',
      null, // serial 60 is the 29 February 1900 that never was
      '1900-03-01 00:00:00',
      '2015-05-07 00:00:00',
      '2015-05-08 00:00:00',
      '2025-01-01 00:00:00',
    ],
  );
});

test('Excel serial fractions are the time of day, to the second', async () => {
  const thirteenFiveNine = String(45658 + (13 * 3600 + 5 * 60 + 9) / 86400);
  assert.deepEqual(await apply('ice_timestamp', ['45658.5', thirteenFiveNine, '45658.9999999']), [
    '2025-01-01 12:00:00',
    '2025-01-01 13:05:09',
    '2025-01-02 00:00:00', // rounds up to the next midnight
  ]);
});

test('serials outside Excel dates are refused', async () => {
  assert.deepEqual(await apply('ice_timestamp', ['0', '-1', '2958466', '1e300']), [
    null,
    null,
    null,
    null,
  ]);
});

test('from serial 61 on, a serial counts days from 1899-12-30', async () => {
  const serials = fc.sample(fc.integer({ min: 61, max: 2958465 }), 500);
  const expected = serials.map(
    (serial) =>
      `${new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10)} 00:00:00`,
  );
  assert.deepEqual(await apply('ice_timestamp', serials.map(String)), expected);
});

test('text dates: ISO, ISO with time, m/d/y with two- or four-digit years', async () => {
  const texts = [
    '2015-05-07',
    '2012-01-05 00:00:00',
    '2012-01-05 14:30:01',
    '2012-01-05T14:30',
    '2012-01-05 14:30:01.250',
    '5/7/15',
    '12/31/08',
    '10/01/2007',
    '1/1/99',
    '12/31/68',
    '2/29/16',
  ];
  assert.deepEqual(await apply('ice_timestamp', texts), [
    '2015-05-07 00:00:00',
    '2012-01-05 00:00:00',
    '2012-01-05 14:30:01',
    '2012-01-05 14:30:00',
    '2012-01-05 14:30:01.25',
    '2015-05-07 00:00:00',
    '2008-12-31 00:00:00',
    '2007-10-01 00:00:00',
    '1999-01-01 00:00:00', // strptime's %y pivot, as NPR converted: 69–99 are 19xx
    '2068-12-31 00:00:00',
    '2016-02-29 00:00:00',
  ]);
});

test('a prepare date that cannot be read says why', async () => {
  const cases: [string, string][] = [
    ['', 'is blank'],
    ['b(6), b(7)C', 'is redacted (b(6), b(7)C)'],
    ['60', 'is Excel serial 60, 1900-02-29, a day that never was'],
    ['0', "is Excel serial 0, outside Excel's dates (1 to 2958465)"],
    ['15-09-30', '"15-09-30" is before 1900'],
    ['2015-02-30', '"2015-02-30" is not a calendar date and time'],
    ['13/01/15', '"13/01/15" is not a calendar date and time'],
    ['2015-05-07 25:00:00', '"2015-05-07 25:00:00" is not a calendar date and time'],
    ['N/A', '"N/A" is not a date this importer knows'],
    ['#VALUE!', '"#VALUE!" is not a date this importer knows'],
  ];
  for (const [input, reason] of cases) {
    assert.equal(await one('ice_date_problem', input), reason, input);
  }
});
