import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { readCsv } from './read-csv.js';
import { IceFileError } from './read-rows.js';
import { collect, tempFolder, writeText } from './test-files.js';

let dir = '';
let remove = () => Promise.resolve();
before(async () => ({ dir, remove } = await tempFolder()));
after(() => remove());

const LEGACY = [
  'Prepare Date,Detainer Type,Detainer Detention Facility,State,City,Detainer Lift Reason',
  '10/01/07,I247 - Immigration Detainer - Notice of Action (prior to March 2013),HARRIS COUNTY JAIL,TX,HOUSTON,Booked into Detention',
  '5/7/15,I247D - Immigration Detainer - Request for Action,,,,',
  '',
  '"9/30/2015","I247N - Immigration Advisal - Request for Notification","YORK COUNTY PRISON, PA","PA","YORK","Detainer Declined by LEA"',
  '13/45/15,I247D - Immigration Detainer - Request for Action,RIKERS ISLAND,NY,EAST ELMHURST,Lifted',
  '6/1/15,I247D,"b(6), b(7)c",TX,AUSTIN',
  '6/2/15,I247D,(b)(6),NY,"b(6), b(7)C",Lifted',
].join('\r\n');

test('legacy six-column CSV (format D): m/d/y dates, blank fields kept, bad rows rejected', async () => {
  const file = join(dir, 'FY2015.csv');
  await writeText(file, `\uFEFF${LEGACY}\r\n`);
  const read = readCsv(file);
  const { records, rejects } = await collect(read);

  assert.equal(read.layout?.format.id, 'D');
  assert.deepEqual(
    records.map((record) => [
      record.preparedDate,
      record.facility,
      record.state,
      record.liftReason,
    ]),
    [
      ['2007-10-01', 'HARRIS COUNTY JAIL', 'TX', 'Booked into Detention'],
      ['2015-05-07', null, null, null],
      ['2015-09-30', 'YORK COUNTY PRISON, PA', 'PA', 'Detainer Declined by LEA'],
      ['2015-06-02', null, 'NY', 'Lifted'],
    ],
  );
  assert.equal(records[3]!.city, null, 'a redacted city is missing');
  assert.deepEqual(records[0]!.provenance, { file, sheet: null, row: 2 });
  assert.deepEqual(
    rejects.map(({ row, field, reason }) => ({ row, field, reason })),
    [
      {
        row: 6,
        field: 'Prepare Date',
        reason: 'the prepare date "13/45/15" is not a calendar date',
      },
      { row: 7, field: null, reason: 'expected 6 cells, found 5' },
    ],
  );
  assert.deepEqual(read.counts, { read: 6, records: 4, rejects: 2, skipped: 1 });
});

const NPR_ROWS = [
  '2012-01-05 00:00:00,Booked into Detention,YORK COUNTY PRISON,YORK,PA,I247 - Immigration Detainer - Notice of Action (prior to March 2013)',
  '2012-01-06 14:30:00,,LANCASTER COUNTY PRISON,LANCASTER,PA,I247 - Immigration Detainer - Notice of Action (prior to March 2013)',
  'NULL,,BERKS COUNTY PRISON,READING,PA,I247',
];

test("NPR's processed CSV (format E) with a header", async () => {
  const file = join(dir, 'pa_detainers.csv');
  await writeText(
    file,
    ['date,lift_reason,det_facility,city,state,detainer_type', ...NPR_ROWS].join('\n'),
  );
  const read = readCsv(file);
  const { records, rejects } = await collect(read);
  assert.equal(read.layout?.format.id, 'E');
  assert.equal(read.layout.hasHeader, true);
  assert.deepEqual(
    records.map((record) => [record.preparedDate, record.liftReason, record.city]),
    [
      ['2012-01-05', 'Booked into Detention', 'YORK'],
      ['2012-01-06T14:30:00', null, 'LANCASTER'],
    ],
  );
  assert.equal(rejects.length, 1);
  assert.equal(rejects[0]!.row, 4);
  assert.deepEqual(read.counts, { read: 3, records: 2, rejects: 1, skipped: 1 });
});

test("NPR's per-year processed CSV without a header: the first line is data", async () => {
  const file = join(dir, 'detainers-2012.csv');
  await writeText(file, `${NPR_ROWS.join('\n')}\n`);
  const read = readCsv(file);
  const { records } = await collect(read);
  assert.equal(read.layout?.format.id, 'E');
  assert.equal(read.layout.hasHeader, false);
  assert.equal(records[0]!.provenance.row, 1);
  assert.equal(records[0]!.facility, 'YORK COUNTY PRISON');
  assert.deepEqual(read.counts, { read: 3, records: 2, rejects: 1, skipped: 0 });
});

test('the format comes from the header, not the file name', async () => {
  const misnamed = join(dir, 'ERO Detainers_LESA-STU_FINAL Redacted.csv');
  await writeText(misnamed, LEGACY);
  const read = readCsv(misnamed);
  await collect(read);
  assert.equal(read.layout?.format.id, 'D');
});

test('an unknown header is an error naming the file and what it held, with no rows', async () => {
  const file = join(dir, 'bookings.csv');
  await writeText(file, 'booking_id,inmate_name,start_dt\n1,X,2020-01-01\n');
  const read = readCsv(file);
  const items: unknown[] = [];
  await assert.rejects(
    async () => {
      for await (const item of read) items.push(item);
    },
    (error: unknown) =>
      error instanceof IceFileError &&
      error.file === file &&
      /"booking_id", "inmate_name", "start_dt"/.test(error.reason),
  );
  assert.equal(items.length, 0);
});

test('an empty file and a broken quote are errors naming the file', async () => {
  const empty = join(dir, 'empty.csv');
  await writeText(empty, '');
  await assert.rejects(
    collect(readCsv(empty)),
    /empty\.csv: no known detainer header: it holds no rows/,
  );

  const broken = join(dir, 'broken.csv');
  await writeText(broken, `${NPR_ROWS[0]!}\n2012-01-07 00:00:00,"unclosed,YORK,PA,I247\n`);
  await assert.rejects(collect(readCsv(broken)), (error: unknown) => {
    return (
      error instanceof IceFileError &&
      error.file === broken &&
      /not readable as CSV/.test(error.reason)
    );
  });
});
