import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeRow } from './detainer-record.js';
import { detectFormat } from './formats.js';
import { HEADERS, rowOf } from './test-files.js';

const provenance = { file: 'release.xlsx', sheet: 'Sheet1', row: 8 };

function layoutOf(header: readonly string[]) {
  const result = detectFormat(header);
  if (!result.ok) throw new Error(result.reason);
  return result.layout;
}

test('a format A row becomes a record; redactions are missing values', () => {
  const cells = rowOf(HEADERS.A, {
    'Detainer Prepare Date': 45658.25,
    'Facility State': 'NEW YORK',
    'Facility AOR': 'New York Area of Responsibility',
    'Detainer Prepared Criminality': '2 Pending Criminal Charges',
    'Detention Facility': '  RIKERS ISLAND  ',
    'Detention Facility Code': 'NYCRIKR',
    'Facility City': 'b(6), b(7)c',
    'Detainer Prep Threat Level': 2,
    Gender: 'Male',
    'Citizenship Country': 'b(6), b(7)C',
    'Detainer Lift Reason': 'Detainer Declined by LEA',
    'Detainer Type': 'I247A - Immigration Detainer - Immigration Detainer - Notice of Action',
    'Unique Identifier': 'f1bc79f7aa',
  });
  const item = normalizeRow(layoutOf(HEADERS.A), cells, provenance);
  assert.ok('record' in item);
  assert.deepEqual(item.record, {
    format: 'A',
    preparedDate: '2025-01-01T06:00:00',
    detainerType: 'I247A - Immigration Detainer - Immigration Detainer - Notice of Action',
    facility: 'RIKERS ISLAND',
    facilityCode: 'NYCRIKR',
    city: null,
    state: 'NEW YORK',
    aor: 'New York Area of Responsibility',
    liftReason: 'Detainer Declined by LEA',
    liftReasonCode: null,
    criminality: '2 Pending Criminal Charges',
    threatLevel: '2',
    gender: 'Male',
    citizenshipCountry: null,
    personId: 'f1bc79f7aa',
    provenance,
  });
});

test('format B reads its renamed columns and the lift reason code', () => {
  const cells = rowOf(HEADERS.B, {
    'Detainer Prepare Date': '2026-01-15',
    'Detainer Facility': 'COOK COUNTY JAIL',
    'Detainer Criminality': '1 Convicted Criminal',
    'Detainer Lift Reason Code': 'B',
    'Anonymized Identifier': 'abc123',
  });
  const item = normalizeRow(layoutOf(HEADERS.B), cells, provenance);
  assert.ok('record' in item);
  assert.equal(item.record.facility, 'COOK COUNTY JAIL');
  assert.equal(item.record.criminality, '1 Convicted Criminal');
  assert.equal(item.record.liftReasonCode, 'B');
  assert.equal(item.record.personId, 'abc123');
});

test('blank state, facility and lift reason are kept as missing, not rejected', () => {
  const item = normalizeRow(
    layoutOf(HEADERS.D),
    ['5/7/15', 'I247D', '', null, '  ', null],
    provenance,
  );
  assert.ok('record' in item);
  assert.equal(item.record.preparedDate, '2015-05-07');
  assert.equal(item.record.facility, null);
  assert.equal(item.record.state, null);
  assert.equal(item.record.liftReason, null);
});

test('a row without a usable prepare date is a reject with its place, column and reason', () => {
  const layout = layoutOf(HEADERS.D);
  const cases: [unknown[], RegExp][] = [
    [['not a date', 'I247'], /"not a date" is not a date/],
    [[null, 'I247'], /blank/],
    [['(b)(6)', 'I247'], /redacted/],
    [[60, 'I247'], /1900-02-29/],
    [['2015-02-30', 'I247'], /not a calendar date/],
  ];
  for (const [cells, reason] of cases) {
    const item = normalizeRow(layout, cells as never, provenance);
    assert.ok('reject' in item, String(cells[0]));
    assert.equal(item.reject.file, 'release.xlsx');
    assert.equal(item.reject.sheet, 'Sheet1');
    assert.equal(item.reject.row, 8);
    assert.equal(item.reject.field, 'Prepare Date');
    assert.match(item.reject.reason, reason);
  }
});
