import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import type { Cell } from './cell.js';
import { openIceDatabase, type IceDatabase } from './ice-database.js';
import { IceFileError } from './ice-file-error.js';
import {
  importRelease,
  rejectsBeside,
  type ImportedRelease,
  type ImportOptions,
  type ImportProgress,
} from './import-release.js';
import {
  HEADERS,
  PREAMBLE,
  rowOf,
  tempFolder,
  writeLegacyWorkbook,
  writeParquet,
  writeText,
  writeXlsx,
} from './test-files.js';

let dir = '';
let remove = () => Promise.resolve();
before(async () => ({ dir, remove } = await tempFolder()));
after(() => remove());

let db: IceDatabase;
beforeEach(async () => {
  db = await openIceDatabase(':memory:');
});
afterEach(() => {
  db.close();
});

const NOW = new Date('2026-09-01T12:00:00Z');
const options = (extra: Partial<ImportOptions> = {}): ImportOptions => ({
  now: () => NOW,
  rejectsFile: rejectsBeside(join(dir, 'ice.duckdb')),
  ...extra,
});

async function imported(file: string, extra: Partial<ImportOptions> = {}) {
  const result = await importRelease(db, file, options(extra));
  assert.equal(result.status, 'imported');
  return result;
}

async function rows(sql: string): Promise<Record<string, unknown>[]> {
  return (await db.connection.runAndReadAll(sql)).getRowObjectsJson();
}

const detainers = (columns: string) =>
  rows(`SELECT ${columns} FROM ice_detainers ORDER BY import_id, source_sheet, source_row`);

async function rejectsOf(result: ImportedRelease): Promise<string[]> {
  assert.ok(result.rejectsFile !== null, 'a rejects file');
  return (await readFile(result.rejectsFile, 'utf8')).trimEnd().split('\n');
}

const utc = (y: number, m: number, d: number, h = 0, min = 0) =>
  new Date(Date.UTC(y, m - 1, d, h, min));

describe('ICE xlsx releases', () => {
  test('format A: title rows, three sheets, redactions, serial and text dates, a bad row', async () => {
    const file = join(dir, 'ERO Detainers_LESA-STU_FINAL Redacted.xlsx');
    const a = (values: Record<string, Cell>) => rowOf(HEADERS.A, values);
    await writeXlsx(file, [
      {
        name: 'Detainers 1',
        rows: [
          ...PREAMBLE,
          HEADERS.A,
          a({
            'Detainer Prepare Date': utc(2025, 2, 3),
            'Facility State': 'NEW YORK',
            'Detention Facility': 'RIKERS ISLAND',
            'Detainer Lift Reason': 'Detainer Declined by LEA',
            'Unique Identifier': 'b(6), b(7)c',
          }),
          a({
            'Detainer Prepare Date': utc(2025, 2, 3, 14, 5),
            'Facility State': null,
            'Detention Facility': null,
            'Facility City': '(b)(6)',
          }),
        ],
      },
      {
        name: 'Detainers 2',
        rows: [
          HEADERS.A,
          a({ 'Detainer Prepare Date': 'b(6), b(7)C', 'Detention Facility': 'ERIE COUNTY' }),
          a({ 'Detainer Prepare Date': '2025-03-01 00:00:00', 'Unique Identifier': 'f1bc79f7' }),
        ],
      },
      {
        name: 'Detainers 3',
        rows: [a({ 'Detainer Prepare Date': 45800, 'Detention Facility': 'NASSAU COUNTY' })],
      },
    ]);
    const result = await imported(file);

    assert.deepEqual(
      { ...result, rejectsFile: undefined },
      {
        status: 'imported',
        importId: 1,
        file,
        format: 'A',
        formatTitle: 'ICE LESA-STU detainers xlsx, 2025 releases (65 columns)',
        rowsRead: 5,
        rowsLoaded: 4,
        rowsRejected: 1,
        // Four title rows (the writer stores no blank rows) and two headers.
        rowsSkipped: 6,
        duplicatesLikely: 0,
        rejectsFile: undefined,
      },
    );
    assert.deepEqual(
      await detainers(
        `source_sheet, source_row, CAST(prepared_date AS VARCHAR) AS d, CAST(prepared_at AS VARCHAR) AS t, facility, state, city, person_id`,
      ),
      [
        {
          source_sheet: 'Detainers 1',
          source_row: 8,
          d: '2025-02-03',
          t: null,
          facility: 'RIKERS ISLAND',
          state: 'NEW YORK',
          city: null,
          person_id: null,
        },
        {
          source_sheet: 'Detainers 1',
          source_row: 9,
          d: '2025-02-03',
          t: '2025-02-03 14:05:00',
          facility: null,
          state: null,
          city: null,
          person_id: null,
        },
        {
          source_sheet: 'Detainers 2',
          source_row: 3,
          d: '2025-03-01',
          t: null,
          facility: null,
          state: null,
          city: null,
          person_id: 'f1bc79f7',
        },
        {
          source_sheet: 'Detainers 3',
          source_row: 1,
          d: '2025-05-23',
          t: null,
          facility: 'NASSAU COUNTY',
          state: null,
          city: null,
          person_id: null,
        },
      ],
    );
    assert.equal(result.rejectsFile, join(dir, 'ice-rejects-1.csv'));
    assert.deepEqual(await rejectsOf(result), [
      'file,sheet,row,field,reason',
      `${file},Detainers 2,2,Detainer Prepare Date,"the prepare date is redacted (b(6), b(7)C)"`,
    ]);
    assert.deepEqual(await rows('SELECT * FROM ice_imports'), [
      {
        import_id: 1,
        file_name: 'ERO Detainers_LESA-STU_FINAL Redacted.xlsx',
        file_sha256: (await rows('SELECT file_sha256 FROM ice_imports'))[0]!.file_sha256,
        format: 'A',
        imported_at: '2026-09-01 12:00:00+00',
        rows_read: '5',
        rows_loaded: '4',
        rows_rejected: '1',
      },
    ]);
    assert.match(
      String((await rows('SELECT file_sha256 FROM ice_imports'))[0]!.file_sha256),
      /^[0-9a-f]{64}$/,
    );
  });

  test('format B with 66 and 65 columns, and C (DPR), detected from the header, not the name', async () => {
    const cases: [string, readonly string[], Record<string, Cell>][] = [
      [
        'b-66.xlsx',
        HEADERS.B,
        {
          'Detainer Prepare Date': utc(2026, 1, 15),
          'Detainer Facility': 'COOK COUNTY JAIL',
          'Detainer Facility Code': 'ILCOOKC',
          'Detainer Lift Reason Code': 'B',
          'Anonymized Identifier': 'abc',
        },
      ],
      [
        'b-65.xlsx',
        HEADERS.B65,
        { 'Detainer Prepare Date': utc(2026, 1, 16), 'Detainer Facility': 'COOK COUNTY JAIL' },
      ],
      [
        'ERO Detainers_LESA-STU_FINAL.xlsx',
        HEADERS.C,
        {
          'Detainer Prepared Date': utc(2026, 8, 3),
          'Detention Facility': 'SANTA CLARA COUNTY MAIN JAIL',
          City: 'SAN JOSE',
          State: 'CALIFORNIA',
          AOR: 'San Francisco Area of Responsibility',
          'Anonymized Unique Identifier': 'ffee',
        },
      ],
    ];
    const formats: string[] = [];
    for (const [name, header, values] of cases) {
      const file = join(dir, name);
      await writeXlsx(file, [
        { name: 'Sheet1', rows: [...PREAMBLE, [...header], rowOf(header, values)] },
      ]);
      formats.push((await imported(file)).format);
    }
    assert.deepEqual(formats, ['B', 'B', 'C']);
    assert.deepEqual(
      await detainers(
        `import_id, CAST(prepared_date AS VARCHAR) AS d, facility, facility_code, lift_reason_code, city, state, aor, person_id`,
      ),
      [
        {
          import_id: 1,
          d: '2026-01-15',
          facility: 'COOK COUNTY JAIL',
          facility_code: 'ILCOOKC',
          lift_reason_code: 'B',
          city: null,
          state: null,
          aor: null,
          person_id: 'abc',
        },
        {
          import_id: 2,
          d: '2026-01-16',
          facility: 'COOK COUNTY JAIL',
          facility_code: null,
          lift_reason_code: null,
          city: null,
          state: null,
          aor: null,
          person_id: null,
        },
        {
          import_id: 3,
          d: '2026-08-03',
          facility: 'SANTA CLARA COUNTY MAIN JAIL',
          facility_code: null,
          lift_reason_code: null,
          city: 'SAN JOSE',
          state: 'CALIFORNIA',
          aor: 'San Francisco Area of Responsibility',
          person_id: 'ffee',
        },
      ],
    );
  });

  test('legacy format D xlsx: Excel serial dates across the 1900 leap-year bug', async () => {
    const file = join(dir, 'FOIA 15-87693 FY2015.xlsx');
    const legacy = (date: Cell, facility: Cell) => [date, 'I247D', facility, 'TX', 'HOUSTON', null];
    await writeXlsx(file, [
      {
        name: 'FY2015',
        rows: [
          HEADERS.D,
          legacy(42131, 'HARRIS COUNTY JAIL'),
          legacy(utc(2014, 10, 1), 'DALLAS COUNTY JAIL'),
          legacy(61, 'TEST: DAY AFTER THE PHANTOM LEAP DAY'),
          legacy(60, 'TEST: THE PHANTOM LEAP DAY'),
          legacy(59, 'TEST: THE DAY BEFORE'),
          legacy('#VALUE!', 'TEST: SPREADSHEET ERROR'),
          legacy('9/30/15', 'TEST: TEXT DATE'),
        ],
      },
    ]);
    const result = await imported(file);
    assert.equal(result.format, 'D');
    assert.deepEqual(
      (await detainers('CAST(prepared_date AS VARCHAR) AS d')).map((row) => row.d),
      ['2015-05-07', '2014-10-01', '1900-03-01', '1900-02-28', '2015-09-30'],
    );
    assert.deepEqual(await rejectsOf(result), [
      'file,sheet,row,field,reason',
      `${file},FY2015,5,Prepare Date,"the prepare date is Excel serial 60, 1900-02-29, a day that never was"`,
      `${file},FY2015,7,Prepare Date,"the prepare date ""#VALUE!"" is not a date this importer knows"`,
    ]);
    assert.equal(result.rowsRead, result.rowsLoaded + result.rowsRejected);
    assert.deepEqual([result.rowsRead, result.rowsLoaded, result.rowsRejected], [7, 5, 2]);
  });

  test('a truncated xlsx is a clear error, and nothing of it is loaded', async () => {
    const whole = join(dir, 'whole.xlsx');
    const bytes = await writeLegacyWorkbook(whole);
    const file = join(dir, 'truncated.xlsx');
    await writeFile(file, bytes.subarray(0, Math.floor(bytes.length * 0.7)));
    await assert.rejects(
      importRelease(db, file, options()),
      (error: unknown) =>
        error instanceof IceFileError &&
        error.message.startsWith(`${file}: not a whole xlsx file (truncated or corrupt)`),
    );
    assert.deepEqual(await rows('SELECT count(*) AS n FROM ice_detainers'), [{ n: '0' }]);
    assert.deepEqual(await rows('SELECT count(*) AS n FROM ice_imports'), [{ n: '0' }]);
    // The whole file imports afterwards: the failed attempt left nothing in the way.
    assert.equal((await imported(whole)).rowsLoaded, 2000);
  });
});

describe('CSV releases', () => {
  const LEGACY = [
    'Prepare Date,Detainer Type,Detainer Detention Facility,State,City,Detainer Lift Reason',
    '10/01/07,I247 - Immigration Detainer - Notice of Action (prior to March 2013),HARRIS COUNTY JAIL,TX,HOUSTON,Booked into Detention',
    '5/7/15,I247D - Immigration Detainer - Request for Action,,,,',
    '',
    '"9/30/2015","I247N - Immigration Advisal - Request for Notification","YORK COUNTY PRISON, PA","PA","YORK","Detainer Declined by LEA"',
    '13/45/15,I247D - Immigration Detainer - Request for Action,RIKERS ISLAND,NY,EAST ELMHURST,Lifted',
    '6/1/15,I247D,"b(6), b(7)c",TX,AUSTIN',
    '6/2/15,I247D,"A JAIL WITH',
    'A LINE BREAK",NY,"b(6), b(7)C",Lifted',
    ',,,,,',
    '6/3/15,I247D,TRAVIS COUNTY JAIL,TX,AUSTIN,Lifted,EXTRA',
    '6/4/15,I247D,TRAVIS COUNTY JAIL,TX,AUSTIN,Lifted',
  ].join('\r\n');

  test('legacy six-column CSV (format D): m/d/y dates, blank fields kept, bad rows rejected by line', async () => {
    const file = join(dir, 'FY2015.csv');
    await writeText(file, `\uFEFF${LEGACY}\r\n`);
    const result = await imported(file);
    assert.equal(result.format, 'D');
    assert.deepEqual(
      await detainers(
        `source_sheet, source_row, CAST(prepared_date AS VARCHAR) AS d, facility, state, city, lift_reason`,
      ),
      [
        {
          source_sheet: null,
          source_row: 2,
          d: '2007-10-01',
          facility: 'HARRIS COUNTY JAIL',
          state: 'TX',
          city: 'HOUSTON',
          lift_reason: 'Booked into Detention',
        },
        {
          source_sheet: null,
          source_row: 3,
          d: '2015-05-07',
          facility: null,
          state: null,
          city: null,
          lift_reason: null,
        },
        // Line 4 is empty; lines 5 and 8 are records whatever their quoting.
        {
          source_sheet: null,
          source_row: 5,
          d: '2015-09-30',
          facility: 'YORK COUNTY PRISON, PA',
          state: 'PA',
          city: 'YORK',
          lift_reason: 'Detainer Declined by LEA',
        },
        {
          source_sheet: null,
          source_row: 8,
          d: '2015-06-02',
          facility: 'A JAIL WITH\r\nA LINE BREAK',
          state: 'NY',
          city: null,
          lift_reason: 'Lifted',
        },
        {
          source_sheet: null,
          source_row: 11,
          d: '2015-06-04',
          facility: 'TRAVIS COUNTY JAIL',
          state: 'TX',
          city: 'AUSTIN',
          lift_reason: 'Lifted',
        },
      ],
    );
    assert.deepEqual(await rejectsOf(result), [
      'file,sheet,row,field,reason',
      `${file},,6,Prepare Date,"the prepare date ""13/45/15"" is not a calendar date and time"`,
      `${file},,7,,"expected 6 cells, found 5"`,
      `${file},,10,,"expected 6 cells, found 7"`,
    ]);
    // The header, the empty line and the line of empty cells hold no detainer.
    assert.deepEqual(
      [result.rowsRead, result.rowsLoaded, result.rowsRejected, result.rowsSkipped],
      [8, 5, 3, 3],
    );
  });

  test('a line in another encoding is rejected with its line', async () => {
    const file = join(dir, 'latin1.csv');
    const text = (line: string) => Buffer.from(line, 'utf8');
    await writeFile(
      file,
      Buffer.concat([
        text(`${HEADERS.E.join(',')}\n2012-01-05,,YORK COUNTY PRISON,YORK,PA,I247\n2012-01-06,,CA`),
        Buffer.from([0xd1]), // Ñ in Latin-1
        text('ON CITY JAIL,CANON CITY,CO,I247\n2012-01-07,,ADAMS COUNTY JAIL,BRIGHTON,CO,I247\n'),
      ]),
    );
    const result = await imported(file);
    assert.deepEqual(await rejectsOf(result), [
      'file,sheet,row,field,reason',
      `${file},,3,,invalid encoding: Invalid unicode (byte sequence mismatch) detected. This file is not utf-8 encoded.`,
    ]);
    assert.deepEqual([result.rowsRead, result.rowsLoaded, result.rowsRejected], [3, 2, 1]);
  });

  test('a quote that never closes refuses the file: the rest of it would be one value', async () => {
    const file = join(dir, 'unclosed.csv');
    const lines = Array.from(
      { length: 20 },
      (_, i) => `2012-01-${String(i + 1).padStart(2, '0')},,F${i},X,PA,I247`,
    );
    lines[3] = '2012-01-04,,"NO END,X,PA,I247';
    await writeText(file, `${HEADERS.E.join(',')}\n${lines.join('\n')}\n`);
    await assert.rejects(
      importRelease(db, file, options()),
      (error: unknown) =>
        error instanceof IceFileError &&
        error.message ===
          `${file}: line 5 opens a quoted value that is never closed, so the rest of the file would be one value`,
    );
    assert.deepEqual(await rows('SELECT count(*) AS n FROM ice_detainers'), [{ n: '0' }]);
  });

  test("NPR's processed CSV (format E), with a header and without one", async () => {
    const rowsE = [
      '2012-01-05 00:00:00,Detainer Declined by LEA,YORK COUNTY PRISON,YORK,PA,I247',
      '2012-01-06 13:45:00,,LANCASTER COUNTY PRISON,LANCASTER,PA,I247',
    ];
    const withHeader = join(dir, 'pa_detainers.csv');
    await writeText(withHeader, [HEADERS.E.join(','), ...rowsE].join('\n'));
    const headerless = join(dir, 'npr-2012.csv');
    await writeText(headerless, `${rowsE.join('\n')}\n`);
    const first = await imported(withHeader);
    const second = await imported(headerless);
    assert.deepEqual([first.format, second.format], ['E', 'E']);
    assert.deepEqual([first.rowsSkipped, second.rowsSkipped], [1, 0]);
    assert.deepEqual(
      await detainers(
        `import_id, source_row, CAST(prepared_date AS VARCHAR) AS d, CAST(prepared_at AS VARCHAR) AS t, lift_reason, city`,
      ),
      [
        {
          import_id: 1,
          source_row: 2,
          d: '2012-01-05',
          t: null,
          lift_reason: 'Detainer Declined by LEA',
          city: 'YORK',
        },
        {
          import_id: 1,
          source_row: 3,
          d: '2012-01-06',
          t: '2012-01-06 13:45:00',
          lift_reason: null,
          city: 'LANCASTER',
        },
        {
          import_id: 2,
          source_row: 1,
          d: '2012-01-05',
          t: null,
          lift_reason: 'Detainer Declined by LEA',
          city: 'YORK',
        },
        {
          import_id: 2,
          source_row: 2,
          d: '2012-01-06',
          t: '2012-01-06 13:45:00',
          lift_reason: null,
          city: 'LANCASTER',
        },
      ],
    );
  });

  test('the container comes from the bytes, not the name: a CSV called .xlsx is read as CSV', async () => {
    const file = join(dir, 'misnamed.xlsx');
    await writeText(file, `${HEADERS.E.join(',')}\n2012-01-05,,YORK COUNTY PRISON,YORK,PA,I247\n`);
    assert.equal((await imported(file)).rowsLoaded, 1);
  });

  test('a file that is no known format is an error naming what its first line held', async () => {
    const file = join(dir, 'bookings.csv');
    await writeText(file, 'booking_id,inmate_name,start_dt\n1,TEST PERSON,2024-01-01\n');
    await assert.rejects(
      importRelease(db, file, options()),
      (error: unknown) =>
        error instanceof IceFileError &&
        /bookings\.csv: line 1 is not the header of a known ICE detainer format \(A–F\); the row held 3 cells: "booking_id"/.test(
          error.message,
        ),
    );
  });
});

describe('parquet (format F)', () => {
  const DDP = `SELECT * FROM (VALUES
    (DATE '2025-02-03', 'TEXAS', 'HARRIS COUNTY JAIL', 'Booked into Detention',
     'I247A - Immigration Detainer', 'aa11', 'detainers.xlsx', 'Sheet1', 8, false),
    (NULL, 'TEXAS', 'HARRIS COUNTY JAIL', NULL, 'I247A', 'bb22', 'detainers.xlsx', 'Sheet1', 9, false),
    (DATE '2025-02-04', NULL, NULL, NULL, 'I247A', 'aa11', 'detainers.xlsx', 'Sheet2', 8, true)
  ) AS t(detainer_prepare_date, facility_state, detention_facility, detainer_lift_reason,
         detainer_type, unique_identifier, file_original, sheet_original, row_original,
         duplicate_likely)`;

  test("the DDP's processed parquet is read by its snake_case columns, rows numbered in the file, with the DDP's pointer to ICE's file", async () => {
    const file = join(dir, 'detainers-latest.parquet');
    await writeParquet(file, DDP);
    const result = await imported(file);
    assert.equal(result.format, 'F');
    assert.deepEqual(
      await detainers(
        `source_sheet, source_row, CAST(prepared_date AS VARCHAR) AS d, state, facility, person_id,
         original_file, original_sheet, original_row`,
      ),
      [
        {
          source_sheet: null,
          source_row: 1,
          d: '2025-02-03',
          state: 'TEXAS',
          facility: 'HARRIS COUNTY JAIL',
          person_id: 'aa11',
          original_file: 'detainers.xlsx',
          original_sheet: 'Sheet1',
          original_row: '8',
        },
        {
          source_sheet: null,
          source_row: 3,
          d: '2025-02-04',
          state: null,
          facility: null,
          person_id: 'aa11',
          original_file: 'detainers.xlsx',
          original_sheet: 'Sheet2',
          original_row: '8',
        },
      ],
    );
    assert.deepEqual(await rejectsOf(result), [
      'file,sheet,row,field,reason',
      `${file},,2,detainer_prepare_date,the prepare date is blank`,
    ]);
  });

  test('zoned timestamps are read in UTC; a truncated parquet is refused and loads nothing', async () => {
    const file = join(dir, 'zoned.parquet');
    await writeParquet(
      file,
      `SELECT TIMESTAMPTZ '2025-02-03 23:30:00+00' AS detainer_prepare_date, 'X' AS detention_facility,
        NULL AS detainer_lift_reason, 'I247A' AS detainer_type, 'f' AS file_original,
        's' AS sheet_original, 8 AS row_original, false AS duplicate_likely`,
    );
    await imported(file);
    assert.deepEqual(await detainers('CAST(prepared_at AS VARCHAR) AS t'), [
      { t: '2025-02-03 23:30:00' },
    ]);

    const whole = join(dir, 'whole.parquet');
    await writeParquet(whole, DDP);
    const bytes = await readFile(whole);
    const truncated = join(dir, 'truncated.parquet');
    await writeFile(truncated, bytes.subarray(0, bytes.length - 20));
    await assert.rejects(
      importRelease(db, truncated, options()),
      (error: unknown) =>
        error instanceof IceFileError &&
        error.message.startsWith(`${truncated}: not a whole parquet file (truncated or corrupt)`),
    );
    assert.deepEqual(await rows('SELECT count(*) AS n FROM ice_imports'), [{ n: '1' }]);
  });
});

describe('likely duplicates, idempotence, atomicity, progress', () => {
  test('a row within 24 hours after another of the same person is flagged, within one import', async () => {
    const file = join(dir, 'duplicates.csv');
    const header = HEADERS.A.join(',');
    const line = (date: string, person: string) =>
      rowOf(HEADERS.A, {
        'Detainer Prepare Date': date,
        'Detention Facility': 'COUNTY JAIL',
        'Unique Identifier': `"${person}"`,
      }).join(',');
    await writeText(
      file,
      [
        header,
        line('2025-03-01 08:00:00', 'p1'),
        line('2025-03-02 07:59:59', 'p1'), // 23:59:59 later: flagged
        line('2025-03-03 07:59:59', 'p1'), // 24 hours after the previous: not flagged
        line('2025-03-01', 'p2'),
        line('2025-03-01', 'p2'), // date-only, same date: flagged (the later in the file)
        line('2025-03-02', 'p2'), // date-only, next date (24 hours on from midnight): not flagged
        line('2025-03-01', 'b(6), b(7)c'), // a redacted id links nothing
        line('2025-03-01', 'b(6), b(7)c'),
        line('2025-03-01', ''),
        line('2025-03-01', ''),
      ].join('\n'),
    );
    const result = await imported(file);
    assert.equal(result.format, 'A');
    assert.equal(result.duplicatesLikely, 2);
    assert.deepEqual(
      (await detainers('source_row, duplicate_likely')).map((row) => [
        row.source_row,
        row.duplicate_likely,
      ]),
      [
        [2, false],
        [3, true],
        [4, false],
        [5, false],
        [6, true],
        [7, false],
        [8, false],
        [9, false],
        [10, false],
        [11, false],
      ],
    );
    // Person ids link rows only within one release: the same rows imported again (other bytes)
    // are not flagged against the first import.
    await writeText(join(dir, 'duplicates-2.csv'), `${await readFile(file, 'utf8')}\n`);
    assert.equal((await imported(join(dir, 'duplicates-2.csv'))).duplicatesLikely, 2);
  });

  test('the same bytes imported again change nothing and name the earlier import', async () => {
    const file = join(dir, 'once.csv');
    await writeText(file, `${HEADERS.E.join(',')}\n2012-01-05,,YORK COUNTY PRISON,YORK,PA,I247\n`);
    await imported(file);
    const copy = join(dir, 'once-renamed.csv');
    await writeFile(copy, await readFile(file));
    const again = await importRelease(db, copy, options({ now: () => new Date() }));
    assert.deepEqual(again, {
      status: 'already-imported',
      file: copy,
      importId: 1,
      importedAs: 'once.csv',
      importedAt: '2026-09-01 12:00:00+00',
    });
    assert.deepEqual(await rows('SELECT count(*) AS n FROM ice_detainers'), [{ n: '1' }]);
    assert.deepEqual(await rows('SELECT count(*) AS n FROM ice_imports'), [{ n: '1' }]);
  });

  test('a failure inside the transaction leaves nothing: no rows, no import, no rejects file', async () => {
    const file = join(dir, 'with-a-reject.csv');
    await writeText(
      file,
      `${HEADERS.E.join(',')}\n2012-01-05,,YORK COUNTY PRISON,YORK,PA,I247\nsoon,,X,Y,PA,I247\n`,
    );
    const nowhere = join(dir, 'no-such-folder', 'rejects.csv');
    await assert.rejects(importRelease(db, file, options({ rejectsFile: () => nowhere })));
    assert.deepEqual(await rows('SELECT count(*) AS n FROM ice_detainers'), [{ n: '0' }]);
    assert.deepEqual(await rows('SELECT count(*) AS n FROM ice_imports'), [{ n: '0' }]);
    assert.equal(existsSync(nowhere), false);
    const rejects = join(dir, 'given-rejects.csv');
    const result = await imported(file, { rejectsFile: () => rejects });
    assert.equal(result.rejectsFile, rejects);
    assert.equal((await readdir(dir)).filter((name) => name.endsWith('.partial')).length, 0);
  });

  test('progress is reported by bytes, phase by phase, up to the whole file', async () => {
    const file = join(dir, 'progress.xlsx');
    const legacy = Array.from({ length: 500 }, (_, index) => [
      42131 + index,
      'I247D',
      'X',
      'TX',
      'Y',
      null,
    ]);
    await writeXlsx(file, [{ name: 'FY2015', rows: [HEADERS.D, ...legacy] }]);
    const seen: ImportProgress[] = [];
    await imported(file, { onProgress: (progress) => seen.push(progress) });
    const size = (await readFile(file)).length;
    const last = (phase: ImportProgress['phase']) => seen.filter((p) => p.phase === phase).at(-1);
    assert.equal(last('hashing')?.bytesDone, size);
    assert.equal(last('reading')?.bytesDone, size);
    assert.ok((last('checking')?.bytesDone ?? 0) > 0);
    assert.ok(seen.every((p) => p.bytesTotal === size && p.bytesDone <= size));

    // DuckDB reads a CSV itself: its progress is DuckDB's, ending at the whole file.
    const csv = join(dir, 'progress.csv');
    await writeText(csv, `${HEADERS.E.join(',')}\n2012-01-05,,YORK COUNTY PRISON,YORK,PA,I247\n`);
    const csvSeen: ImportProgress[] = [];
    await imported(csv, { onProgress: (progress) => csvSeen.push(progress) });
    assert.deepEqual(csvSeen.at(-1), {
      phase: 'reading',
      bytesDone: (await readFile(csv)).length,
      bytesTotal: (await readFile(csv)).length,
    });
  });
});
