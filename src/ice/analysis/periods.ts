/**
 * The periods detainers are counted by: calendar year, federal fiscal year (October to September,
 * named for the year it ends: FY2017 = 2016-10-01..2017-09-30), New York City's fiscal year (July
 * to June, also named for the year it ends: FY2017 = 2016-07-01..2017-06-30) and month. Each is a
 * pure function of a date beside the DuckDB expression that computes the same value, so the two
 * cannot drift apart unnoticed (periods.test.ts runs both over the boundary days).
 * @module
 */
import { isLocalDate } from '../../engine/dates.js';
import { DeskError } from '../../desk/errors.js';

export const PERIODS = ['year', 'federal-fy', 'nyc-fy', 'month'] as const;
export type Period = (typeof PERIODS)[number];

/** Years are numbers (2017); months are `YYYY-MM` text. */
export type PeriodValue = number | string;

interface PeriodSpec {
  /** The period a `YYYY-MM-DD` date falls in. */
  of(year: number, month: number): PeriodValue;
  /** The same, as SQL over a DATE column or expression. */
  sql(date: string): string;
  /** The first and last day of a period, for a filter that drills into it. */
  range(value: PeriodValue): { from: string; to: string };
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOf = (year: number, month: number) =>
  `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;

/** A fiscal year starting on the first of `startMonth` and named for the year it ends. */
function fiscalYear(startMonth: number): PeriodSpec {
  return {
    of: (year, month) => (month >= startMonth ? year + 1 : year),
    sql: (date) => `(year(${date}) + CASE WHEN month(${date}) >= ${startMonth} THEN 1 ELSE 0 END)`,
    range: (value) => {
      const year = Number(value);
      return {
        from: `${year - 1}-${pad(startMonth)}-01`,
        to: lastDayOf(year, startMonth - 1),
      };
    },
  };
}

const SPECS: Record<Period, PeriodSpec> = {
  year: {
    of: (year) => year,
    sql: (date) => `year(${date})`,
    range: (value) => ({ from: `${String(value)}-01-01`, to: `${String(value)}-12-31` }),
  },
  'federal-fy': fiscalYear(10),
  'nyc-fy': fiscalYear(7),
  month: {
    of: (year, month) => `${year}-${pad(month)}`,
    sql: (date) => `strftime(${date}, '%Y-%m')`,
    range: (value) => {
      const [year, month] = String(value).split('-').map(Number);
      return { from: `${String(value)}-01`, to: lastDayOf(year!, month!) };
    },
  },
};

/** The period `date` (`YYYY-MM-DD`) falls in. */
export function periodOf(period: Period, date: string): PeriodValue {
  if (!isLocalDate(date)) {
    throw new DeskError('invalid-input', `not a date: ${date}`, [
      { path: 'date', message: 'must be a calendar date YYYY-MM-DD' },
    ]);
  }
  return SPECS[period].of(Number(date.slice(0, 4)), Number(date.slice(5, 7)));
}

/** The SQL expression computing `periodOf(period, …)` over a DATE column or expression. */
export function periodSql(period: Period, date: string): string {
  return SPECS[period].sql(date);
}

/** The first and last day (inclusive) of a period value as `periodOf` returns it. */
export function periodRange(period: Period, value: PeriodValue): { from: string; to: string } {
  return SPECS[period].range(value);
}

/** Every month from `first` to `last` (`YYYY-MM`), in order, for a series without gaps. */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  let [year, month] = first.split('-').map(Number) as [number, number];
  for (let value = first; value <= last; value = `${year}-${pad(month)}`) {
    months.push(value);
    month++;
    if (month === 13) {
      month = 1;
      year++;
    }
  }
  return months;
}
