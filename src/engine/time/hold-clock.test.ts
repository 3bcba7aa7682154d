import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { federalHolidayOn } from './federal-holidays.js';
import {
  HoldClockError,
  holdUntilElapsedHours,
  holdUntilExcludingWeekendsAndHolidays,
} from './hold-clock.js';
import type { ExcludedDay } from './hold-clock.js';

const NEW_YORK = 'America/New_York';
const excluding = (startsAt: string, hours = 48, timeZone = NEW_YORK) =>
  holdUntilExcludingWeekendsAndHolidays(startsAt, hours, timeZone);

const saturday = (date: string): ExcludedDay => ({ date, reason: 'saturday' });
const sunday = (date: string): ExcludedDay => ({ date, reason: 'sunday' });
const holiday = (date: string, name: string): ExcludedDay => ({
  date,
  reason: 'holiday',
  holiday: name,
});

describe('holdUntilExcludingWeekendsAndHolidays', () => {
  test('Friday evening: 6 hours Friday, none at the weekend, Monday, then Tuesday past the DST change', () => {
    assert.deepEqual(excluding('2024-03-08T18:00:00-05:00'), {
      startsAt: '2024-03-08T18:00:00-05:00',
      until: '2024-03-12T18:00:00-04:00',
      hours: 48,
      excludedDays: [saturday('2024-03-09'), sunday('2024-03-10')],
    });
  });

  test('a start on Saturday counts from Monday midnight and ends at Wednesday midnight', () => {
    const clock = excluding('2024-03-09T10:00:00-05:00');
    assert.equal(clock.until, '2024-03-13T00:00:00-04:00');
    assert.deepEqual(clock.excludedDays, [saturday('2024-03-09'), sunday('2024-03-10')]);
  });

  test('Independence Day on Thursday: 12 hours Wednesday, 24 Friday, 12 the next Monday', () => {
    const clock = excluding('2024-07-03T12:00:00-04:00');
    assert.equal(clock.until, '2024-07-08T12:00:00-04:00');
    assert.deepEqual(clock.excludedDays, [
      holiday('2024-07-04', 'Independence Day'),
      saturday('2024-07-06'),
      sunday('2024-07-07'),
    ]);
  });

  test('a start on a holiday counts from the next counted day', () => {
    const clock = excluding('2024-07-04T09:00:00-04:00');
    assert.equal(clock.until, '2024-07-09T00:00:00-04:00');
    assert.deepEqual(clock.excludedDays, [
      holiday('2024-07-04', 'Independence Day'),
      saturday('2024-07-06'),
      sunday('2024-07-07'),
    ]);
  });

  test('across Thanksgiving', () => {
    const clock = excluding('2024-11-27T09:00:00-05:00');
    assert.equal(clock.until, '2024-12-02T09:00:00-05:00');
    assert.deepEqual(clock.excludedDays, [
      holiday('2024-11-28', 'Thanksgiving Day'),
      saturday('2024-11-30'),
      sunday('2024-12-01'),
    ]);
  });

  test('Christmas on Saturday is excluded on Friday 24 December', () => {
    const clock = excluding('2021-12-23T08:00:00-05:00');
    assert.equal(clock.until, '2021-12-28T08:00:00-05:00');
    assert.deepEqual(clock.excludedDays, [
      holiday('2021-12-24', 'Christmas Day'),
      saturday('2021-12-25'),
      sunday('2021-12-26'),
    ]);
  });

  test('Christmas on Sunday is excluded on Monday 26 December', () => {
    const clock = excluding('2022-12-23T12:00:00-05:00');
    assert.equal(clock.until, '2022-12-28T12:00:00-05:00');
    assert.deepEqual(clock.excludedDays, [
      saturday('2022-12-24'),
      sunday('2022-12-25'),
      holiday('2022-12-26', 'Christmas Day'),
    ]);
  });

  test('New Year’s Day 2022, a Saturday, is excluded on Friday 31 December 2021', () => {
    const clock = excluding('2021-12-30T12:00:00-05:00');
    assert.equal(clock.until, '2022-01-04T12:00:00-05:00');
    assert.deepEqual(clock.excludedDays, [
      holiday('2021-12-31', "New Year's Day"),
      saturday('2022-01-01'),
      sunday('2022-01-02'),
    ]);
  });

  test('Juneteenth: counted in 2020, excluded from 2021 (on Friday the 18th) and 2022 (Monday)', () => {
    assert.deepEqual(excluding('2020-06-18T12:00:00-04:00'), {
      startsAt: '2020-06-18T12:00:00-04:00',
      until: '2020-06-22T12:00:00-04:00',
      hours: 48,
      excludedDays: [saturday('2020-06-20'), sunday('2020-06-21')],
    });
    const name = 'Juneteenth National Independence Day';
    const in2021 = excluding('2021-06-17T12:00:00-04:00');
    assert.equal(in2021.until, '2021-06-22T12:00:00-04:00');
    assert.deepEqual(in2021.excludedDays, [
      holiday('2021-06-18', name),
      saturday('2021-06-19'),
      sunday('2021-06-20'),
    ]);
    const in2022 = excluding('2022-06-17T12:00:00-04:00');
    assert.equal(in2022.until, '2022-06-22T12:00:00-04:00');
    assert.deepEqual(in2022.excludedDays, [
      saturday('2022-06-18'),
      sunday('2022-06-19'),
      holiday('2022-06-20', name),
    ]);
  });

  test('Veterans Day on Saturday is excluded on Friday', () => {
    const clock = excluding('2023-11-09T12:00:00-05:00');
    assert.equal(clock.until, '2023-11-14T12:00:00-05:00');
    assert.deepEqual(clock.excludedDays[0], holiday('2023-11-10', 'Veterans Day'));
  });

  test('Martin Luther King Jr. Day in 2000, the first covered year', () => {
    const clock = excluding('2000-01-14T17:00:00-05:00');
    assert.equal(clock.until, '2000-01-19T17:00:00-05:00');
    assert.deepEqual(clock.excludedDays, [
      saturday('2000-01-15'),
      sunday('2000-01-16'),
      holiday('2000-01-17', 'Birthday of Martin Luther King, Jr.'),
    ]);
  });

  test('a hold ending exactly at midnight ends there, without skipping the weekend after it', () => {
    const clock = excluding('2024-03-06T00:00:00-05:00');
    assert.equal(clock.until, '2024-03-08T00:00:00-05:00');
    assert.deepEqual(clock.excludedDays, []);
  });

  test('any offset or Z is accepted and rewritten in the zone’s offset, milliseconds kept', () => {
    assert.equal(excluding('2024-03-08T23:00:00Z').startsAt, '2024-03-08T18:00:00-05:00');
    assert.equal(excluding('2024-03-09T08:00:00+09:00').until, '2024-03-12T18:00:00-04:00');
    const clock = excluding('2024-03-08T18:00:00.250-05:00', 1.5);
    assert.equal(clock.startsAt, '2024-03-08T18:00:00.250-05:00');
    assert.equal(clock.until, '2024-03-08T19:30:00.250-05:00');
  });

  test('the local day decides: 10 p.m. Friday in New York is already Saturday in UTC', () => {
    assert.equal(excluding('2024-03-09T03:00:00Z', 2).until, '2024-03-09T00:00:00-05:00');
    assert.equal(excluding('2024-03-09T03:00:00Z', 2, 'UTC').until, '2024-03-11T02:00:00+00:00');
  });

  test('a 23-hour weekday counts 23 hours (Israel moves clocks on Friday)', () => {
    // Thursday 24h + Friday 29 March 2024, 23h = 47h; the last hour is Monday's first.
    const clock = excluding('2024-03-28T00:00:00+02:00', 48, 'Asia/Jerusalem');
    assert.equal(clock.until, '2024-04-01T01:00:00+03:00');
    assert.deepEqual(clock.excludedDays, [saturday('2024-03-30'), sunday('2024-03-31')]);
  });

  test('a day whose midnight is skipped starts when its clock does (Tehran, Monday 22 March 2021)', () => {
    // Friday 12h; Monday runs 01:00 to midnight, 23h; Tuesday 13h.
    const clock = excluding('2021-03-19T12:00:00+03:30', 48, 'Asia/Tehran');
    assert.equal(clock.until, '2021-03-23T13:00:00+04:30');
  });

  test('a day whose midnight repeats starts at the first one (Jerusalem, Monday 7 October 2002)', () => {
    // Clocks went back from 01:00 to 00:00, so Monday ran 25 hours from 00:00+03:00.
    const zone = 'Asia/Jerusalem';
    const clock = excluding('2002-10-05T12:00:00+03:00', 1, zone);
    assert.equal(clock.until, '2002-10-07T00:00:00+02:00');
    assert.deepEqual(clock.excludedDays, [saturday('2002-10-05'), sunday('2002-10-06')]);
    assert.equal(
      excluding('2002-10-05T12:00:00+03:00', 25, zone).until,
      '2002-10-08T00:00:00+02:00',
    );
    assert.equal(
      excluding('2002-10-07T00:30:00+02:00', 1, zone).until,
      '2002-10-07T01:30:00+02:00',
    );
  });

  test('holidays are federal whatever the zone', () => {
    const clock = excluding('2024-07-03T12:00:00-07:00', 48, 'America/Los_Angeles');
    assert.equal(clock.until, '2024-07-08T12:00:00-07:00');
    assert.deepEqual(clock.excludedDays[0], holiday('2024-07-04', 'Independence Day'));
  });

  test('callers may change a result without changing the next one', () => {
    const first = excluding('2024-07-03T12:00:00-04:00');
    first.excludedDays[0]!.holiday = 'changed';
    first.excludedDays.pop();
    assert.deepEqual(excluding('2024-07-03T12:00:00-04:00').excludedDays, [
      holiday('2024-07-04', 'Independence Day'),
      saturday('2024-07-06'),
      sunday('2024-07-07'),
    ]);
  });

  test('a hold that would run past 2100 is refused', () => {
    // Friday 31 December 2100 is New Year's Day 2101 observed; 2101 is not encoded.
    assertRefused(() => excluding('2100-12-30T12:00:00-05:00'), 'hours');
    assert.equal(excluding('2100-12-29T00:00:00-05:00').until, '2100-12-31T00:00:00-05:00');
  });
});

describe('holdUntilElapsedHours', () => {
  test('48 plain hours across the end of DST end an hour earlier on the clock', () => {
    assert.deepEqual(holdUntilElapsedHours('2024-11-02T12:00:00-04:00', 48, NEW_YORK), {
      startsAt: '2024-11-02T12:00:00-04:00',
      until: '2024-11-04T11:00:00-05:00',
      hours: 48,
      excludedDays: [],
    });
  });

  test('and across the start of DST an hour later', () => {
    const clock = holdUntilElapsedHours('2024-03-09T12:00:00-05:00', 48, NEW_YORK);
    assert.equal(clock.until, '2024-03-11T13:00:00-04:00');
  });

  test('weekends and holidays count', () => {
    const clock = holdUntilElapsedHours('2024-07-03T12:00:00-04:00', 48, NEW_YORK);
    assert.equal(clock.until, '2024-07-05T12:00:00-04:00');
    assert.deepEqual(clock.excludedDays, []);
  });

  test('may end at, but not after, the first instant of 2101', () => {
    const until = holdUntilElapsedHours('2100-12-30T12:00:00-05:00', 36, NEW_YORK).until;
    assert.equal(until, '2101-01-01T00:00:00-05:00');
    assertRefused(() => holdUntilElapsedHours('2100-12-30T12:00:00-05:00', 37, NEW_YORK), 'hours');
  });
});

function assertRefused(run: () => unknown, field: HoldClockError['field']): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof HoldClockError);
    assert.ok(error instanceof Error);
    assert.equal(error.name, 'HoldClockError');
    assert.equal(error.field, field);
    assert.ok(error.message.startsWith(`${field}: `), error.message);
    return true;
  });
}

describe('HoldClockError', () => {
  const clocks = [holdUntilExcludingWeekendsAndHolidays, holdUntilElapsedHours];

  test('startsAt must be a real instant with an offset or Z', () => {
    for (const clock of clocks) {
      for (const startsAt of [
        '2024-03-08T18:00:00',
        '2024-03-08',
        '2024-02-30T10:00:00Z',
        '2024-03-08 18:00:00-05:00',
        'yesterday',
        '',
      ]) {
        assertRefused(() => clock(startsAt, 48, NEW_YORK), 'startsAt');
      }
    }
  });

  test('startsAt must fall in 2000–2100, local time (so 1985 and 1986 are refused)', () => {
    for (const clock of clocks) {
      for (const startsAt of [
        '1985-01-18T12:00:00-05:00',
        '1986-01-17T12:00:00-05:00',
        '1999-12-31T12:00:00-05:00',
        '2000-01-01T03:00:00Z',
        '2101-01-03T12:00:00-05:00',
        '3000-01-01T00:00:00Z',
      ]) {
        assertRefused(() => clock(startsAt, 48, NEW_YORK), 'startsAt');
      }
    }
    const first = holdUntilElapsedHours('2000-01-01T05:00:00Z', 1, NEW_YORK);
    assert.equal(first.until, '2000-01-01T01:00:00-05:00');
  });

  test('timeZone must be an IANA zone', () => {
    for (const clock of clocks) {
      for (const timeZone of ['Mars/Olympus_Mons', '', 'Eastern']) {
        assertRefused(() => clock('2024-03-08T18:00:00-05:00', 48, timeZone), 'timeZone');
      }
    }
  });

  test('hours must be a positive finite number', () => {
    for (const clock of clocks) {
      for (const hours of [0, -48, Number.NaN, Number.POSITIVE_INFINITY]) {
        assertRefused(() => clock('2024-03-08T18:00:00-05:00', hours, NEW_YORK), 'hours');
      }
    }
  });
});

describe('against an independent count, quarter-hour by quarter-hour with Luxon', () => {
  // Zones with transitions on weekdays, at skipped or repeated midnights, by half an hour, or
  // at a :45 offset; every transition is on a quarter hour, so quarter-hour steps are exact.
  const ZONES = [
    NEW_YORK,
    'America/Los_Angeles',
    'Europe/London',
    'Asia/Jerusalem',
    'Asia/Tehran',
    'America/Havana',
    'America/Sao_Paulo',
    'Australia/Lord_Howe',
    'Pacific/Chatham',
    'Asia/Kathmandu',
  ];
  const STEP_MS = 15 * 60_000;
  const counted = (instant: number, zone: string): boolean => {
    const date = DateTime.fromMillis(instant, { zone }).toISODate()!;
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6 && !federalHolidayOn(date);
  };
  const iso = (instant: number, zone: string) =>
    DateTime.fromMillis(instant, { zone }).toISO({ suppressMilliseconds: true })!;

  const DAY_MS = 86_400_000;
  const QUARTERS_A_DAY = DAY_MS / STEP_MS;
  // Days on which each zone changes offset in a few sample years, to aim some cases at them.
  const transitions = ZONES.flatMap((zone) =>
    [2002, 2018, 2021, 2024].flatMap((year) => {
      const days = [];
      for (
        let day = Date.UTC(year, 0, 1) / DAY_MS;
        day < Date.UTC(year + 1, 0, 1) / DAY_MS;
        day++
      ) {
        const offset = (instant: number) => DateTime.fromMillis(instant, { zone }).offset;
        if (offset(day * DAY_MS) !== offset((day + 1) * DAY_MS)) days.push({ zone, day });
      }
      return days;
    }),
  );
  const hours = fc.integer({ min: 1, max: 72 });
  const cases = fc.oneof(
    fc.record({
      zone: fc.constantFrom(...ZONES),
      // Quarter hours from 2 January 2000 to the end of 2099 (UTC).
      quarter: fc.integer({
        min: Date.UTC(2000, 0, 2) / STEP_MS,
        max: Date.UTC(2100, 0, 1) / STEP_MS,
      }),
      hours,
    }),
    fc.constantFrom(...transitions).chain(({ zone, day }) =>
      fc.record({
        zone: fc.constant(zone),
        quarter: fc.integer({ min: (day - 4) * QUARTERS_A_DAY, max: (day + 2) * QUARTERS_A_DAY }),
        hours,
      }),
    ),
  );

  test('the excluding clock ends where the quarter-hours counted reach `hours`', () => {
    fc.assert(
      fc.property(cases, ({ zone, quarter, hours }) => {
        const start = quarter * STEP_MS;
        const startLocal = iso(start, zone);
        let instant = start;
        for (let quarters = 0; quarters < hours * 4; instant += STEP_MS) {
          if (counted(instant, zone)) quarters++;
        }
        const clock = holdUntilExcludingWeekendsAndHolidays(startLocal, hours, zone);
        assert.equal(clock.startsAt, startLocal);
        assert.equal(clock.until, iso(instant, zone));
      }),
      { numRuns: 100 },
    );
  });

  test('the elapsed clock writes the same instants Luxon does', () => {
    fc.assert(
      fc.property(cases, fc.integer({ min: 0, max: 59_999 }), ({ zone, quarter, hours }, ms) => {
        const start = quarter * STEP_MS + ms;
        const startLocal = iso(start, zone);
        const clock = holdUntilElapsedHours(new Date(start).toISOString(), hours, zone);
        assert.equal(clock.startsAt, startLocal);
        assert.equal(clock.until, iso(start + hours * 3_600_000, zone));
      }),
      { numRuns: 300 },
    );
  });
});
