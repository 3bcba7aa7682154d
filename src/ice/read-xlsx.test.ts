import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Cell } from './cell.js';
import { IceFileError } from './read-rows.js';
import { readXlsx } from './read-xlsx.js';
import { HEADERS, PREAMBLE, collect, rowOf, tempFolder, writeXlsx } from './test-files.js';

let dir = '';
let remove = () => Promise.resolve();
before(async () => ({ dir, remove } = await tempFolder()));
after(() => remove());

const utc = (y: number, m: number, d: number, h = 0, min = 0) =>
  new Date(Date.UTC(y, m - 1, d, h, min));

const a = (values: Record<string, Cell>) => rowOf(HEADERS.A, values);

test('format A: six title rows, three sheets (header repeated, header absent), stacked', async () => {
  const file = join(dir, 'ERO Detainers_LESA-STU_FINAL Redacted.xlsx');
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
  const read = readXlsx(file);
  const { records, rejects } = await collect(read);

  assert.equal(read.layout?.format.id, 'A');
  assert.deepEqual(
    records.map((record) => [
      record.provenance.sheet,
      record.provenance.row,
      record.preparedDate,
      record.facility,
      record.state,
      record.personId,
    ]),
    [
      ['Detainers 1', 8, '2025-02-03', 'RIKERS ISLAND', 'NEW YORK', null],
      ['Detainers 1', 9, '2025-02-03T14:05:00', null, null, null],
      ['Detainers 2', 3, '2025-03-01', null, null, 'f1bc79f7'],
      ['Detainers 3', 1, '2025-05-23', 'NASSAU COUNTY', null, null],
    ],
  );
  assert.equal(records[1]!.city, null);
  assert.equal(records[0]!.provenance.file, file);
  assert.deepEqual(rejects, [
    {
      file,
      sheet: 'Detainers 2',
      row: 2,
      field: 'Detainer Prepare Date',
      reason: 'the prepare date is redacted (b(6), b(7)C)',
    },
  ]);
  // Four title rows (the writer stores no blank rows) and two headers hold no detainer.
  assert.deepEqual(read.counts, { read: 5, records: 4, rejects: 1, skipped: 6 });
});

test('format B, 66 and 65 columns, behind the title rows', async () => {
  for (const header of [HEADERS.B, HEADERS.B65]) {
    const file = join(dir, `b-${header.length}.xlsx`);
    const row = rowOf(header, {
      'Detainer Prepare Date': utc(2026, 1, 15),
      'Detainer Facility': 'COOK COUNTY JAIL',
      'Detainer Facility Code': 'ILCOOKC',
      'Detainer Lift Reason Code': 'B',
      'Detainer Lift Reason': 'Booked into Detention',
      'Anonymized Identifier': 'abc',
    });
    await writeXlsx(file, [{ name: 'Sheet1', rows: [...PREAMBLE, header, row] }]);
    const read = readXlsx(file);
    const { records } = await collect(read);
    assert.equal(read.layout?.format.id, 'B');
    assert.equal(read.layout.width, header.length);
    assert.equal(records.length, 1);
    assert.equal(records[0]!.facilityCode, 'ILCOOKC');
    assert.equal(records[0]!.liftReasonCode, 'B');
    assert.equal(records[0]!.preparedDate, '2026-01-15');
  }
});

test('format C (DPR, 44 columns) is detected from its header even under a format A name', async () => {
  const file = join(dir, 'ERO Detainers_LESA-STU_FINAL.xlsx');
  const row = rowOf(HEADERS.C, {
    'Detainer Prepared Date': utc(2026, 8, 3),
    'Detention Facility': 'SANTA CLARA COUNTY MAIN JAIL',
    City: 'SAN JOSE',
    State: 'CALIFORNIA',
    AOR: 'San Francisco Area of Responsibility',
    'Anonymized Unique Identifier': 'ffee',
  });
  await writeXlsx(file, [{ name: 'DPR', rows: [...PREAMBLE, HEADERS.C, row] }]);
  const read = readXlsx(file);
  const { records } = await collect(read);
  assert.equal(read.layout?.format.id, 'C');
  assert.deepEqual(
    [records[0]!.city, records[0]!.state, records[0]!.aor, records[0]!.personId],
    ['SAN JOSE', 'CALIFORNIA', 'San Francisco Area of Responsibility', 'ffee'],
  );
});

test('legacy format D xlsx: Excel serial dates, the 1900 leap-year bug, a corrupt row', async () => {
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
        legacy('#VALUE!', 'TEST: SPREADSHEET ERROR'),
        legacy('9/30/15', 'TEST: TEXT DATE'),
      ],
    },
  ]);
  const read = readXlsx(file);
  const { records, rejects } = await collect(read);
  assert.equal(read.layout?.format.id, 'D');
  assert.deepEqual(
    records.map((record) => record.preparedDate),
    ['2015-05-07', '2014-10-01', '1900-03-01', '2015-09-30'],
  );
  assert.deepEqual(
    rejects.map(({ sheet, row, reason }) => ({ sheet, row, reason })),
    [
      {
        sheet: 'FY2015',
        row: 5,
        reason: 'the prepare date Excel serial 60 is 1900-02-29, a day that never was',
      },
      {
        sheet: 'FY2015',
        row: 6,
        reason: 'the prepare date "#VALUE!" is not a date this importer knows',
      },
    ],
  );
  assert.equal(read.counts.read, read.counts.records + read.counts.rejects);
  assert.deepEqual(read.counts, { read: 6, records: 4, rejects: 2, skipped: 1 });
});

test('a headerless later sheet whose rows start with text dates is data of the same format', async () => {
  const file = join(dir, 'legacy-two-sheets.xlsx');
  const row = (date: Cell) => [date, 'I247D', 'HARRIS COUNTY JAIL', 'TX', 'HOUSTON', 'Lifted'];
  await writeXlsx(file, [
    { name: 'part 1', rows: [HEADERS.D, row(42131)] },
    { name: 'part 2', rows: [row('9/30/15'), row('10/1/15')] },
  ]);
  const read = readXlsx(file);
  const { records } = await collect(read);
  assert.deepEqual(
    records.map((record) => [record.provenance.sheet, record.provenance.row, record.preparedDate]),
    [
      ['part 1', 2, '2015-05-07'],
      ['part 2', 1, '2015-09-30'],
      ['part 2', 2, '2015-10-01'],
    ],
  );
  assert.deepEqual(read.counts, { read: 3, records: 3, rejects: 0, skipped: 1 });
});

test("a sheet with another format's header is an error, not a mixed table", async () => {
  const file = join(dir, 'mixed.xlsx');
  await writeXlsx(file, [
    { name: 'one', rows: [HEADERS.D, [42131, 'I247D', 'X', 'TX', 'Y', null]] },
    { name: 'two', rows: [HEADERS.E, ['2012-01-05', null, 'X', 'Y', 'PA', 'I247']] },
  ]);
  await assert.rejects(
    collect(readXlsx(file)),
    /mixed\.xlsx: sheet two row 1 has a format E header, but the file began as format D/,
  );
});

test('no header near the top is an error naming the file and what it saw', async () => {
  const file = join(dir, 'not-detainers.xlsx');
  const rows: Cell[][] = Array.from({ length: 12 }, (_, index) => [`note ${index}`, index]);
  await writeXlsx(file, [{ name: 'Sheet1', rows }]);
  await assert.rejects(collect(readXlsx(file)), (error: unknown) => {
    return (
      error instanceof IceFileError &&
      error.file === file &&
      /no known detainer header in the first 11 rows; row 1: .*"note 0", "0"/.test(error.reason)
    );
  });
});

async function validWorkbook(name: string): Promise<Buffer> {
  const file = join(dir, name);
  const rows = Array.from({ length: 2000 }, (_, index) => [
    42131 + (index % 300),
    'I247D',
    `FACILITY ${index}`,
    'TX',
    'HOUSTON',
    null,
  ]);
  await writeXlsx(file, [{ name: 'FY2015', rows: [HEADERS.D, ...rows] }]);
  return readFile(file);
}

test('a truncated xlsx is a clear error naming the file, before any row is read', async () => {
  const whole = await validWorkbook('whole.xlsx');
  const file = join(dir, 'truncated.xlsx');
  await writeFile(file, whole.subarray(0, Math.floor(whole.length * 0.7)));
  const items: unknown[] = [];
  await assert.rejects(
    async () => {
      for await (const item of readXlsx(file)) items.push(item);
    },
    (error: unknown) =>
      error instanceof IceFileError &&
      error.file === file &&
      /truncated or corrupt/.test(error.reason) &&
      error.message.startsWith(file),
  );
  assert.equal(items.length, 0);
});

test('a file that is not a zip, and one with corrupt contents, are errors naming the file', async () => {
  const csv = join(dir, 'really-a-csv.xlsx');
  await writeFile(csv, 'date,lift_reason,det_facility,city,state,detainer_type\n');
  await assert.rejects(
    collect(readXlsx(csv)),
    /really-a-csv\.xlsx: not a whole xlsx file \(truncated or corrupt\): it is not a zip archive/,
  );

  const whole = await validWorkbook('whole-2.xlsx');
  const damaged = Buffer.from(whole);
  const middle = Math.floor(damaged.length / 2);
  damaged.fill(0xff, middle, middle + 2000);
  const file = join(dir, 'damaged.xlsx');
  await writeFile(file, damaged);
  await assert.rejects(
    collect(readXlsx(file)),
    (error: unknown) => error instanceof IceFileError && error.file === file,
  );
});
