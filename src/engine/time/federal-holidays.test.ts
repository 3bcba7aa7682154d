import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  FEDERAL_HOLIDAY_SOURCE,
  FEDERAL_HOLIDAY_YEARS,
  federalHolidayOn,
  federalHolidaysObserved,
} from './federal-holidays.js';

const datesIn = (year: number) => federalHolidaysObserved(year).map((holiday) => holiday.date);

function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

describe('federalHolidaysObserved', () => {
  test('2024: all eleven holidays on weekdays, nothing moved', () => {
    assert.deepEqual(
      federalHolidaysObserved(2024).map(({ date, name, actualDate }) => [date, name, actualDate]),
      [
        ['2024-01-01', "New Year's Day", '2024-01-01'],
        ['2024-01-15', 'Birthday of Martin Luther King, Jr.', '2024-01-15'],
        ['2024-02-19', "Washington's Birthday", '2024-02-19'],
        ['2024-05-27', 'Memorial Day', '2024-05-27'],
        ['2024-06-19', 'Juneteenth National Independence Day', '2024-06-19'],
        ['2024-07-04', 'Independence Day', '2024-07-04'],
        ['2024-09-02', 'Labor Day', '2024-09-02'],
        ['2024-10-14', 'Columbus Day', '2024-10-14'],
        ['2024-11-11', 'Veterans Day', '2024-11-11'],
        ['2024-11-28', 'Thanksgiving Day', '2024-11-28'],
        ['2024-12-25', 'Christmas Day', '2024-12-25'],
      ],
    );
  });

  test('2023 matches OPM: Sunday New Year on Monday, Saturday Veterans Day on Friday', () => {
    assert.deepEqual(datesIn(2023), [
      '2023-01-02',
      '2023-01-16',
      '2023-02-20',
      '2023-05-29',
      '2023-06-19',
      '2023-07-04',
      '2023-09-04',
      '2023-10-09',
      '2023-11-10',
      '2023-11-23',
      '2023-12-25',
    ]);
  });

  test('2021 holds twelve: first Juneteenth on Friday 18 June, and 2022’s New Year on 31 December', () => {
    const holidays = federalHolidaysObserved(2021);
    assert.equal(holidays.length, 12);
    assert.deepEqual(holidays[4], {
      date: '2021-06-18',
      name: 'Juneteenth National Independence Day',
      actualDate: '2021-06-19',
    });
    assert.deepEqual(holidays[5]?.date, '2021-07-05');
    assert.deepEqual(holidays[10], {
      date: '2021-12-24',
      name: 'Christmas Day',
      actualDate: '2021-12-25',
    });
    assert.deepEqual(holidays[11], {
      date: '2021-12-31',
      name: "New Year's Day",
      actualDate: '2022-01-01',
    });
  });

  test('2022 has no New Year’s Day of its own; Sunday Juneteenth and Christmas move to Monday', () => {
    assert.deepEqual(datesIn(2022), [
      '2022-01-17',
      '2022-02-21',
      '2022-05-30',
      '2022-06-20',
      '2022-07-04',
      '2022-09-05',
      '2022-10-10',
      '2022-11-11',
      '2022-11-24',
      '2022-12-26',
    ]);
  });

  test('2020 has no Juneteenth; Saturday Independence Day is observed Friday 3 July', () => {
    assert.deepEqual(datesIn(2020), [
      '2020-01-01',
      '2020-01-20',
      '2020-02-17',
      '2020-05-25',
      '2020-07-03',
      '2020-09-07',
      '2020-10-12',
      '2020-11-11',
      '2020-11-26',
      '2020-12-25',
    ]);
  });

  test('the edges: 1 January 2000 was observed in 1999; 1 January 2101 is observed in 2100', () => {
    assert.equal(federalHolidaysObserved(2000)[0]?.date, '2000-01-17');
    assert.deepEqual(federalHolidaysObserved(2100).at(-1), {
      date: '2100-12-31',
      name: "New Year's Day",
      actualDate: '2101-01-01',
    });
  });

  test('every covered year: sorted weekdays in the year, each within a day of its holiday', () => {
    const seen = new Set<string>();
    let total = 0;
    for (let year = FEDERAL_HOLIDAY_YEARS.first; year <= FEDERAL_HOLIDAY_YEARS.last; year++) {
      const holidays = federalHolidaysObserved(year);
      total += holidays.length;
      for (const [index, holiday] of holidays.entries()) {
        assert.ok(holiday.date.startsWith(`${year}-`), holiday.date);
        assert.ok(weekday(holiday.date) >= 1 && weekday(holiday.date) <= 5, holiday.date);
        const shift = (Date.parse(holiday.date) - Date.parse(holiday.actualDate)) / 86_400_000;
        const actualWeekday = weekday(holiday.actualDate);
        assert.equal(shift, actualWeekday === 6 ? -1 : actualWeekday === 0 ? 1 : 0);
        assert.ok(index === 0 || holidays[index - 1]!.date < holiday.date, holiday.date);
        seen.add(`${holiday.actualDate} ${holiday.name}`);
      }
    }
    // Every holiday once: 2000's nine after New Year's Day (observed in 1999), ten a year for
    // 2001–2100 plus Juneteenth from 2021, and 1 January 2101 (observed 31 December 2100).
    assert.equal(seen.size, total);
    assert.equal(total, 9 + 100 * 10 + 80 + 1);
  });

  test('the Monday and Thursday holidays land in the weeks the statute names', () => {
    const weeks: Record<string, [month: string, firstDay: number, weekday: number]> = {
      'Birthday of Martin Luther King, Jr.': ['01', 15, 1],
      "Washington's Birthday": ['02', 15, 1],
      'Memorial Day': ['05', 25, 1],
      'Labor Day': ['09', 1, 1],
      'Columbus Day': ['10', 8, 1],
      'Thanksgiving Day': ['11', 22, 4],
    };
    for (let year = FEDERAL_HOLIDAY_YEARS.first; year <= FEDERAL_HOLIDAY_YEARS.last; year++) {
      for (const holiday of federalHolidaysObserved(year)) {
        const week = weeks[holiday.name];
        if (!week) continue;
        const [month, firstDay, day] = week;
        assert.equal(holiday.date, holiday.actualDate);
        assert.equal(holiday.date.slice(5, 7), month);
        const dayOfMonth = Number(holiday.date.slice(8));
        assert.ok(dayOfMonth >= firstDay && dayOfMonth < firstDay + 7, holiday.date);
        assert.equal(weekday(holiday.date), day, holiday.date);
      }
    }
  });

  test('callers get copies of the list and cannot change the holidays', () => {
    const first = federalHolidaysObserved(2024);
    first.pop();
    assert.equal(federalHolidaysObserved(2024).length, 11);
    assert.throws(() => {
      first[0]!.name = 'Festivus';
    }, TypeError);
  });

  test('years outside 2000–2100, and non-integers, are refused', () => {
    for (const year of [1985, 1986, 1999, 2101, 2024.5, Number.NaN]) {
      assert.throws(() => federalHolidaysObserved(year), RangeError, String(year));
    }
  });
});

describe('federalHolidayOn', () => {
  test('finds the holiday observed on a day, by its observed date', () => {
    assert.deepEqual(federalHolidayOn('2021-12-31'), {
      date: '2021-12-31',
      name: "New Year's Day",
      actualDate: '2022-01-01',
    });
    assert.equal(federalHolidayOn('2022-12-26')?.name, 'Christmas Day');
    assert.equal(federalHolidayOn('2021-06-18')?.name, 'Juneteenth National Independence Day');
    assert.equal(federalHolidayOn('2000-01-17')?.name, 'Birthday of Martin Luther King, Jr.');
  });

  test('a weekend holiday is not “on” its weekend day, and ordinary days have none', () => {
    for (const date of ['2022-01-01', '2022-12-25', '2021-06-19', '2000-01-01', '2024-03-08']) {
      assert.equal(federalHolidayOn(date), undefined, date);
    }
  });

  test('Juneteenth is a holiday from 2021 only', () => {
    assert.equal(federalHolidayOn('2020-06-19'), undefined);
    assert.equal(federalHolidayOn('2023-06-19')?.name, 'Juneteenth National Independence Day');
  });

  test('Christmas Eve and other one-off closures are not legal public holidays', () => {
    assert.equal(federalHolidayOn('2018-12-24'), undefined);
    assert.equal(federalHolidayOn('2024-12-24'), undefined);
  });

  test('refuses malformed dates and days outside the encoded years', () => {
    for (const date of ['2024-02-30', '2024-3-8', '20240308', '1999-12-31', '2101-01-03']) {
      assert.throws(() => federalHolidayOn(date), RangeError, date);
    }
  });
});

test('FEDERAL_HOLIDAY_SOURCE cites 5 U.S.C. § 6103', () => {
  assert.deepEqual(FEDERAL_HOLIDAY_SOURCE, {
    citation: '5 U.S.C. § 6103',
    url: 'https://www.law.cornell.edu/uscode/text/5/6103',
  });
});
