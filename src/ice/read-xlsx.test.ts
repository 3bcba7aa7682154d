import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Cell } from './cell.js';
import { IceFileError } from './ice-file-error.js';
import type { DataRow } from './read-rows.js';
import { checkWholeXlsx, readXlsx } from './read-xlsx.js';
import {
  HEADERS,
  PREAMBLE,
  rowOf,
  tempFolder,
  writeLegacyWorkbook,
  writeXlsx,
} from './test-files.js';

let dir = '';
let remove = () => Promise.resolve();
before(async () => ({ dir, remove } = await tempFolder()));
after(() => remove());

async function collect(read: AsyncIterable<DataRow>): Promise<DataRow[]> {
  const rows: DataRow[] = [];
  for await (const row of read) rows.push(row);
  return rows;
}

/** The cell of a field in a row, found through the row's own sheet layout. */
function cellOf(row: DataRow, field: 'preparedDate' | 'facility'): Cell | undefined {
  const position = row.layout.positions[field];
  return position === undefined ? undefined : (row.cells[position] ?? null);
}

test('sheets are stacked under the title rows, a later sheet with or without its header', async () => {
  const file = join(dir, 'ERO Detainers_LESA-STU_FINAL Redacted.xlsx');
  const a = (values: Record<string, Cell>) => rowOf(HEADERS.A, values);
  // The second sheet puts the columns in another order: each sheet is read by its own header.
  const reversed = [...HEADERS.A].reverse();
  await writeXlsx(file, [
    {
      name: 'Detainers 1',
      rows: [
        ...PREAMBLE,
        HEADERS.A,
        a({ 'Detainer Prepare Date': 45691, 'Detention Facility': 'RIKERS ISLAND' }),
        [],
        a({ 'Detainer Prepare Date': 'b(6), b(7)C', 'Detention Facility': 'ERIE COUNTY' }),
      ],
    },
    {
      name: 'Detainers 2',
      rows: [
        reversed,
        rowOf(reversed, { 'Detainer Prepare Date': 45700.5, 'Detention Facility': 'NASSAU' }),
      ],
    },
    // No header: the rows continue the previous sheet, in its column order.
    { name: 'Detainers 3', rows: [rowOf(reversed, { 'Detainer Prepare Date': 45800 })] },
  ]);
  const read = readXlsx(file);
  const rows = await collect(read);
  assert.equal(read.layout?.format.id, 'A');
  assert.deepEqual(
    rows.map((row) => [row.sheet, row.row, cellOf(row, 'preparedDate'), cellOf(row, 'facility')]),
    [
      ['Detainers 1', 8, 45691, 'RIKERS ISLAND'],
      ['Detainers 1', 10, 'b(6), b(7)C', 'ERIE COUNTY'],
      ['Detainers 2', 2, 45700.5, 'NASSAU'],
      ['Detainers 3', 1, 45800, null],
    ],
  );
  // Four title rows (the writer stores no blank rows), the two headers: no detainer in them.
  assert.deepEqual(read.counts, { rows: 4, skipped: 6 });
});

test('a headerless later sheet whose rows start with text dates is data of the same format', async () => {
  const file = join(dir, 'legacy-two-sheets.xlsx');
  const row = (date: Cell) => [date, 'I247D', 'HARRIS COUNTY JAIL', 'TX', 'HOUSTON', 'Lifted'];
  await writeXlsx(file, [
    { name: 'part 1', rows: [HEADERS.D, row(42131)] },
    { name: 'part 2', rows: [row('9/30/15'), row('10/1/15')] },
  ]);
  const read = readXlsx(file);
  const rows = await collect(read);
  assert.deepEqual(
    rows.map((data) => [data.sheet, data.row, cellOf(data, 'preparedDate')]),
    [
      ['part 1', 2, 42131],
      ['part 2', 1, '9/30/15'],
      ['part 2', 2, '10/1/15'],
    ],
  );
  assert.deepEqual(read.counts, { rows: 3, skipped: 1 });
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

const validWorkbook = (name: string) => writeLegacyWorkbook(join(dir, name));

const refusedWhole = (file: string, detail: RegExp) => (error: unknown) =>
  error instanceof IceFileError &&
  error.file === file &&
  error.message.startsWith(`${file}: not a whole xlsx file (truncated or corrupt): `) &&
  detail.test(error.reason);

test('a whole workbook passes the check, every part counted', async () => {
  const whole = await validWorkbook('whole.xlsx');
  let bytes = 0;
  await checkWholeXlsx(join(dir, 'whole.xlsx'), (chunk) => (bytes += chunk));
  assert.ok(bytes > 0 && bytes < whole.length, 'the compressed parts, not the directory');
});

test('a truncated xlsx is refused: its zip directory is missing', async () => {
  const whole = await validWorkbook('whole-1.xlsx');
  const file = join(dir, 'truncated.xlsx');
  await writeFile(file, whole.subarray(0, Math.floor(whole.length * 0.7)));
  await assert.rejects(checkWholeXlsx(file), refusedWhole(file, /zip directory cannot be read/));
});

test('a part whose bytes were overwritten is refused, naming the part', async () => {
  const whole = await validWorkbook('whole-2.xlsx');
  const damaged = Buffer.from(whole);
  const middle = Math.floor(damaged.length / 2);
  damaged.fill(0xff, middle, middle + 2000);
  const file = join(dir, 'damaged.xlsx');
  await writeFile(file, damaged);
  await assert.rejects(checkWholeXlsx(file), refusedWhole(file, /its part \S+ is damaged/));
});

test('a part with one flipped bit that still inflates fails its checksum', async () => {
  const file = join(dir, 'stored.xlsx');
  await validWorkbook('stored.xlsx');
  // Find the sheet's compressed bytes through the local header and flip one bit in the middle.
  const bytes = await readFile(file);
  const sheet = bytes.indexOf('xl/worksheets/sheet1.xml');
  const flipped = Buffer.from(bytes);
  const at = sheet + 4000;
  flipped[at] = flipped[at]! ^ 0x01;
  await writeFile(file, flipped);
  await assert.rejects(checkWholeXlsx(file), refusedWhole(file, /sheet1\.xml is damaged/));
});

test('a file that is not a zip at all is refused', async () => {
  const file = join(dir, 'really-a-csv.xlsx');
  await writeFile(file, 'date,lift_reason,det_facility,city,state,detainer_type\n');
  await assert.rejects(checkWholeXlsx(file), refusedWhole(file, /zip directory cannot be read/));
});
