import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { fromExcelSerial, fromJsDate, fromText } from './ice-date.js';

const date = (result: ReturnType<typeof fromText>) => (result.ok ? result.date : result.reason);

test('Excel serials across the 1900 leap-year bug', () => {
  assert.equal(date(fromExcelSerial(1)), '1900-01-01');
  assert.equal(date(fromExcelSerial(59)), '1900-02-28');
  assert.equal(fromExcelSerial(60).ok, false, 'serial 60 is the 29 February 1900 that never was');
  assert.match(date(fromExcelSerial(60)), /1900-02-29/);
  assert.equal(date(fromExcelSerial(61)), '1900-03-01');
  assert.equal(date(fromExcelSerial(42131)), '2015-05-07');
  assert.equal(date(fromExcelSerial(42132)), '2015-05-08');
  assert.equal(date(fromExcelSerial(45658)), '2025-01-01');
});

test('Excel serial fractions are the time of day; midnight is a plain date', () => {
  assert.equal(date(fromExcelSerial(45658.5)), '2025-01-01T12:00:00');
  assert.equal(
    date(fromExcelSerial(45658 + (13 * 3600 + 5 * 60 + 9) / 86400)),
    '2025-01-01T13:05:09',
  );
  assert.equal(date(fromExcelSerial(45658.9999999)), '2025-01-02', 'rounds up to the next day');
});

test('serials outside Excel dates are refused', () => {
  for (const serial of [0, -1, 2958466, Number.NaN, Number.POSITIVE_INFINITY]) {
    assert.equal(fromExcelSerial(serial).ok, false, String(serial));
  }
});

test('from serial 61 on, a serial counts days from 1899-12-30', () => {
  fc.assert(
    fc.property(fc.integer({ min: 61, max: 2958465 }), (serial) => {
      const expected = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000)
        .toISOString()
        .slice(0, 10);
      assert.equal(date(fromExcelSerial(serial)), expected);
    }),
  );
});

test('text dates: ISO, ISO with time, m/d/y with two- or four-digit years', () => {
  assert.equal(date(fromText('2015-05-07')), '2015-05-07');
  assert.equal(date(fromText('2012-01-05 00:00:00')), '2012-01-05');
  assert.equal(date(fromText('2012-01-05 14:30:01')), '2012-01-05T14:30:01');
  assert.equal(date(fromText('2012-01-05T14:30')), '2012-01-05T14:30:00');
  assert.equal(date(fromText('5/7/15')), '2015-05-07');
  assert.equal(date(fromText('12/31/08')), '2008-12-31');
  assert.equal(date(fromText('10/01/2007')), '2007-10-01');
  assert.equal(date(fromText('1/1/99')), '1999-01-01');
});

test('text that is not a calendar date is refused with a reason', () => {
  for (const text of ['2015-02-30', '13/01/15', '2/29/15', '2015-05-07 25:00:00', 'N/A', '42132']) {
    const result = fromText(text);
    assert.equal(result.ok, false, text);
    assert.match(date(result), new RegExp(text.replace(/[/]/g, '\\/')));
  }
  assert.equal(date(fromText('2/29/16')), '2016-02-29');
});

test('a JavaScript Date is read in UTC', () => {
  assert.equal(date(fromJsDate(new Date(Date.UTC(2015, 4, 7)))), '2015-05-07');
  assert.equal(date(fromJsDate(new Date(Date.UTC(2015, 4, 7, 8, 9, 10)))), '2015-05-07T08:09:10');
  assert.equal(fromJsDate(new Date(Number.NaN)).ok, false);
});
