/**
 * The legal public holidays of 5 U.S.C. § 6103(a), on the days the federal government observes
 * them: a holiday that falls on a Saturday is observed the Friday before (§ 6103(b)), one that
 * falls on a Sunday the Monday after (Executive Order 11582). This is the calendar behind the
 * "excluding Saturdays, Sundays, and holidays" of 8 CFR 287.7(d); docs/holidays.md says why.
 *
 * Only the years 2000 through 2100 are encoded. Years after the current one are a forecast
 * under today's statute: Congress may add a holiday, as it did Juneteenth in 2021.
 * @module
 */
import { isLocalDate } from '../dates.js';

export interface Holiday {
  /** The day observed, YYYY-MM-DD. */
  date: string;
  /** The name § 6103(a) gives the holiday. */
  name: string;
  /** The day the holiday itself falls on; differs from `date` when it falls on a weekend. */
  actualDate: string;
}

export const FEDERAL_HOLIDAY_SOURCE: { readonly citation: string; readonly url: string } =
  Object.freeze({
    citation: '5 U.S.C. § 6103',
    url: 'https://www.law.cornell.edu/uscode/text/5/6103',
  });

/** The calendar years whose observed holidays are encoded. */
export const FEDERAL_HOLIDAY_YEARS: { readonly first: number; readonly last: number } =
  Object.freeze({ first: 2000, last: 2100 });

// Pub. L. 117-17, signed 2021-06-17; its first observance was Friday 2021-06-18.
const JUNETEENTH_FIRST_YEAR = 2021;

const SUNDAY = 0;
const MONDAY = 1;
const THURSDAY = 4;
const SATURDAY = 6;

interface LegalHoliday {
  name: string;
  month: number;
  day: number;
}

function weekdayOf(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

function fixed(name: string, month: number, day: number): LegalHoliday {
  return { name, month, day };
}

/** The `nth` given weekday of a month; `nth` = -1 is the last one. */
function nthWeekday(
  name: string,
  year: number,
  month: number,
  weekday: number,
  nth: number,
): LegalHoliday {
  if (nth === -1) {
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return { name, month, day: last - ((weekdayOf(year, month, last) - weekday + 7) % 7) };
  }
  return { name, month, day: 1 + ((weekday - weekdayOf(year, month, 1) + 7) % 7) + (nth - 1) * 7 };
}

function newYearsDay(): LegalHoliday {
  return fixed("New Year's Day", 1, 1);
}

/** The holidays of § 6103(a) on the days they fall, in calendar order. */
function legalPublicHolidays(year: number): LegalHoliday[] {
  const holidays = [
    newYearsDay(),
    nthWeekday('Birthday of Martin Luther King, Jr.', year, 1, MONDAY, 3),
    nthWeekday("Washington's Birthday", year, 2, MONDAY, 3),
    nthWeekday('Memorial Day', year, 5, MONDAY, -1),
  ];
  if (year >= JUNETEENTH_FIRST_YEAR) {
    holidays.push(fixed('Juneteenth National Independence Day', 6, 19));
  }
  holidays.push(
    fixed('Independence Day', 7, 4),
    nthWeekday('Labor Day', year, 9, MONDAY, 1),
    nthWeekday('Columbus Day', year, 10, MONDAY, 2),
    fixed('Veterans Day', 11, 11),
    nthWeekday('Thanksgiving Day', year, 11, THURSDAY, 4),
    fixed('Christmas Day', 12, 25),
  );
  return holidays;
}

function isoDate(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

function observe(year: number, holiday: LegalHoliday): Holiday {
  const weekday = weekdayOf(year, holiday.month, holiday.day);
  const shift = weekday === SATURDAY ? -1 : weekday === SUNDAY ? 1 : 0;
  return Object.freeze({
    // Date.UTC carries a day 0 back into the month, and year, before.
    date: isoDate(year, holiday.month, holiday.day + shift),
    name: holiday.name,
    actualDate: isoDate(year, holiday.month, holiday.day),
  });
}

const observedByYear = new Map<number, ReadonlyMap<string, Holiday>>();

/** Observed day → holiday for one calendar year, in date order; built once per year. */
function observedIn(year: number): ReadonlyMap<string, Holiday> {
  let byDate = observedByYear.get(year);
  if (!byDate) {
    const prefix = `${year}-`;
    // Next year's New Year's Day is observed on 31 December when 1 January is a Saturday. The
    // list stays in date order: observance moves a holiday one day, never past another.
    const holidays = [
      ...legalPublicHolidays(year).map((holiday) => observe(year, holiday)),
      observe(year + 1, newYearsDay()),
    ].filter((holiday) => holiday.date.startsWith(prefix));
    byDate = new Map(holidays.map((holiday) => [holiday.date, holiday]));
    observedByYear.set(year, byDate);
  }
  return byDate;
}

function assertCovered(year: number, what: string): void {
  if (
    !Number.isInteger(year) ||
    year < FEDERAL_HOLIDAY_YEARS.first ||
    year > FEDERAL_HOLIDAY_YEARS.last
  ) {
    throw new RangeError(
      `${what}: federal holidays are encoded for ${FEDERAL_HOLIDAY_YEARS.first}–${FEDERAL_HOLIDAY_YEARS.last} only`,
    );
  }
}

/** The observed federal holidays that fall in `year`, sorted by date. */
export function federalHolidaysObserved(year: number): Holiday[] {
  assertCovered(year, String(year));
  return [...observedIn(year).values()];
}

/** The federal holiday observed on `date` (YYYY-MM-DD), if any. */
export function federalHolidayOn(date: string): Holiday | undefined {
  if (!isLocalDate(date)) throw new RangeError(`${date}: not a calendar date written YYYY-MM-DD`);
  const year = Number(date.slice(0, 4));
  assertCovered(year, date);
  return observedIn(year).get(date);
}
