import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { DateTime, IANAZone } from 'luxon';
import { addYears, isLocalDate, localDateOf, parseInstant, steadyOffsetMinutes } from './dates.js';

describe('dates', () => {
  test('real calendar dates only', () => {
    assert.ok(isLocalDate('2024-02-29'));
    assert.ok(!isLocalDate('2023-02-29'));
    assert.ok(!isLocalDate('2021-02-30'));
    assert.ok(!isLocalDate('2021-13-01'));
    assert.ok(!isLocalDate('2021-1-01'));
    assert.ok(!isLocalDate('2021-01-01T00:00:00Z'));
  });

  test('instants need an explicit offset and real fields', () => {
    assert.equal(parseInstant('2024-03-08T18:00:00-05:00'), Date.parse('2024-03-08T23:00:00Z'));
    assert.equal(parseInstant('2024-03-08T18:00-05:30'), Date.parse('2024-03-08T23:30:00Z'));
    assert.equal(parseInstant('2024-03-08T18:00:00.25Z'), Date.parse('2024-03-08T18:00:00.250Z'));
    assert.equal(parseInstant('2024-03-08T18:00:00.291Z'), Date.parse('2024-03-08T18:00:00.291Z'));
    for (const bad of [
      '2024-03-08T18:00:00',
      '2021-02-30T10:00:00Z',
      '2024-03-08T24:00:00Z',
      '2024-03-08T18:60:00Z',
      '2024-03-08 18:00:00Z',
      '2024-03-08T18:00:00+25:00',
      '2024-03-08T18:00:00+05',
      '2024-03-08T18:00:00.Z',
      '2024-03-08T18:00:00Zjunk',
      '2024-03-08T18:0:00Z',
    ]) {
      assert.ok(Number.isNaN(parseInstant(bad)), bad);
    }
  });

  test('agrees with Date.parse on every valid instant', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2000-01-01T00:00:00Z'),
          max: new Date('2100-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: -14 * 4, max: 14 * 4 }),
        (date, quarters) => {
          const sign = quarters < 0 ? '-' : '+';
          const minutes = Math.abs(quarters) * 15;
          const offset = `${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
          const text = `${date.toISOString().slice(0, 23)}${offset}`;
          assert.equal(parseInstant(text), Date.parse(text));
        },
      ),
      { numRuns: 2000 },
    );
  });

  test('years before 100 are not read as 19xx', () => {
    assert.equal(parseInstant('0050-03-01T00:00:00Z'), Date.parse('0050-03-01T00:00:00Z'));
    assert.equal(
      parseInstant('0000-02-29T12:00:00+01:00'),
      Date.parse('0000-02-29T12:00:00+01:00'),
    );
  });

  test('the cached offsets give the zone’s date at every instant, transition days included', () => {
    const zones = ['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Tehran'];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2030, 0, 1) }),
        fc.constantFrom(...zones),
        (instant, zone) => {
          const expected = DateTime.fromMillis(instant, { zone }).toISODate();
          assert.equal(localDateOf(instant, zone), expected);
        },
      ),
      { numRuns: 3000 },
    );
    // Either side of every change, to the millisecond: Lord Howe moves by 30 minutes.
    for (const zone of ['America/New_York', 'Australia/Lord_Howe']) {
      for (let day = Date.UTC(2010, 0, 1); day < Date.UTC(2030, 0, 1); day += 86_400_000) {
        const offsetAt = (ms: number) => DateTime.fromMillis(ms, { zone }).offset;
        if (offsetAt(day) === offsetAt(day + 86_399_999)) continue;
        let low = day;
        let high = day + 86_399_999;
        while (high - low > 1) {
          const middle = Math.floor((low + high) / 2);
          if (offsetAt(middle) === offsetAt(day)) low = middle;
          else high = middle;
        }
        for (const instant of [low - 60_000, low, high, high + 60_000]) {
          const expected = DateTime.fromMillis(instant, { zone }).toISODate();
          assert.equal(localDateOf(instant, zone), expected, `${zone} ${instant}`);
        }
      }
    }
  });

  test('five years before 29 February is 28 February', () => {
    assert.equal(addYears('2024-02-29', -5), '2019-02-28');
    assert.equal(addYears('2016-05-20', -5), '2011-05-20');
  });

  test('a steady offset is one the zone keeps over every UTC day asked, and none across a change', () => {
    const day = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;
    assert.equal(
      steadyOffsetMinutes('America/New_York', day('2024-03-08'), day('2024-03-09')),
      -300,
    );
    assert.equal(
      steadyOffsetMinutes('America/New_York', day('2024-03-10'), day('2024-03-11')),
      undefined,
    );
    assert.equal(
      steadyOffsetMinutes('America/New_York', day('2024-03-11'), day('2024-03-12')),
      -240,
    );
    assert.equal(steadyOffsetMinutes('Asia/Kathmandu', day('2024-01-01'), day('2024-12-31')), 345);
  });

  test('where the offset is steady around a local midnight, midnight at it is what luxon finds', () => {
    // The hold clock's day starts (time/hold-clock.ts) rely on this. The same check over every
    // zone and every day of 2000-2100 was run once for the change that brought it in.
    const first = Date.UTC(2000, 0, 1) / 86_400_000;
    const last = Date.UTC(2030, 11, 31) / 86_400_000;
    for (const name of ['America/New_York', 'Asia/Tehran', 'Asia/Jerusalem', 'Pacific/Apia']) {
      const zone = IANAZone.create(name);
      let steady = 0;
      for (let day = first; day <= last; day++) {
        const offset = steadyOffsetMinutes(name, day - 1, day);
        if (offset === undefined) continue;
        steady++;
        const date = new Date(day * 86_400_000);
        const luxon = DateTime.fromObject(
          { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() },
          { zone },
        ).toMillis();
        assert.equal(day * 86_400_000 - offset * 60_000, luxon, `${name} ${date.toISOString()}`);
      }
      assert.ok(steady > (last - first) * 0.9, `${name}: most days are steady`);
    }
  });

  test('the local date follows the zone, including across a DST change', () => {
    assert.equal(localDateOf(Date.parse('2024-03-10T04:30:00Z'), 'America/New_York'), '2024-03-09');
    assert.equal(localDateOf(Date.parse('2024-03-10T07:30:00Z'), 'America/New_York'), '2024-03-10');
    assert.equal(localDateOf(Date.parse('2021-03-21T20:45:00Z'), 'Asia/Tehran'), '2021-03-22');
  });
});
