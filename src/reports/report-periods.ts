/**
 * The periods a report covers. Statutory periods come from each version of the reporting text:
 * a report is due on the version's deadline each year and covers the twelve months ending on the
 * version's period end before it; the version in force on the deadline sets the report's contents.
 * Any other period (a calendar year, a quarter) can be built too, and is labelled as such.
 * @module
 */
import { DateTime } from 'luxon';
import { addDays, isLocalDate } from '../engine/dates.js';
import type { ReportLaw, ReportVersion } from './report-law.js';

export interface ReportPeriod {
  readonly kind: 'statutory' | 'custom';
  /** First and last day, local dates in the agency's time zone, both included. */
  readonly from: string;
  readonly to: string;
  /** The statutory deadline; absent for a custom period. */
  readonly due?: string;
  readonly label: string;
  /** The reporting text whose counts the report gives. */
  readonly version: ReportVersion;
}

export class ReportPeriodError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'ReportPeriodError';
  }
}

const yearOf = (date: string) => Number(date.slice(0, 4));

/** Every statutory period that has ended by `today` (a local date), oldest first. */
export function statutoryPeriods(law: ReportLaw, today: string): ReportPeriod[] {
  const periods: ReportPeriod[] = [];
  for (const version of law.versions) {
    const { validFrom, validTo } = version.clause;
    const lastYear = yearOf(validTo ?? today) + 1;
    for (let year = yearOf(version.firstDue); year <= lastYear; year++) {
      const due = `${year}-${version.due}`;
      if (due < version.firstDue || due < validFrom) continue;
      if (validTo !== undefined && due >= validTo) continue;
      const to = lastPeriodEndBefore(version, due);
      if (to >= today) continue;
      periods.push(statutory(version, lastDayBack(to), to, due));
    }
  }
  return periods;
}

function statutory(version: ReportVersion, from: string, to: string, due: string): ReportPeriod {
  return {
    kind: 'statutory',
    from,
    to,
    due,
    label: `${spanLabel(from, to)}, the report due ${due}`,
    version,
  };
}

function lastPeriodEndBefore(version: ReportVersion, due: string): string {
  const sameYear = `${due.slice(0, 4)}-${version.periodEnds}`;
  return sameYear <= due ? sameYear : `${yearOf(due) - 1}-${version.periodEnds}`;
}

/** The first day of the twelve months that end on `to`. */
function lastDayBack(to: string): string {
  return DateTime.fromISO(to).minus({ years: 1 }).plus({ days: 1 }).toISODate()!;
}

/**
 * The period from `from` to `to`: the statutory one if it is one, else a custom period reported
 * under the text in force on its last day.
 */
export function reportPeriod(law: ReportLaw, from: string, to: string, today: string) {
  if (!isLocalDate(from)) throw new ReportPeriodError('from', 'must be a date written YYYY-MM-DD');
  if (!isLocalDate(to)) throw new ReportPeriodError('to', 'must be a date written YYYY-MM-DD');
  if (to < from) throw new ReportPeriodError('to', `is before from (${from})`);
  if (to >= today) {
    throw new ReportPeriodError('to', `must be a day that has ended (before ${today})`);
  }
  if (DateTime.fromISO(to).diff(DateTime.fromISO(from), 'years').years > 5) {
    throw new ReportPeriodError('to', 'a report covers at most five years');
  }
  const known = statutoryPeriods(law, today).find(
    (period) => period.from === from && period.to === to,
  );
  if (known) return known;
  const version = law.versions.find(
    (candidate) =>
      candidate.clause.validFrom <= to &&
      (candidate.clause.validTo === undefined || to < candidate.clause.validTo),
  );
  if (version === undefined) {
    const first = law.versions[0]?.clause.validFrom ?? 'never';
    throw new ReportPeriodError(
      'to',
      `no reporting duty of the ${law.agencyShort} was in force on ${to} (the first began ${first})`,
    );
  }
  const period: ReportPeriod = {
    kind: 'custom',
    from,
    to,
    label: `${spanLabel(from, to)} (not a statutory period)`,
    version,
  };
  return period;
}

/** "October 2016 to September 2017" for whole months, else the two dates. */
export function spanLabel(from: string, to: string): string {
  const start = DateTime.fromISO(from, { locale: 'en-US' });
  const end = DateTime.fromISO(to, { locale: 'en-US' });
  const wholeMonths = start.day === 1 && end.plus({ days: 1 }).day === 1;
  if (!wholeMonths) return `${from} to ${to}`;
  if (start.hasSame(end, 'month')) return start.toFormat('LLLL yyyy');
  if (start.month === 1 && end.month === 12 && start.year === end.year) {
    return `calendar year ${start.year}`;
  }
  return `${start.toFormat('LLLL yyyy')} to ${end.toFormat('LLLL yyyy')}`;
}

/** The period's bounds as instants: its first day's midnight, and the day after its last. */
export function periodBounds(
  period: { readonly from: string; readonly to: string },
  timeZone: string,
): [number, number] {
  const start = DateTime.fromISO(period.from, { zone: timeZone }).toMillis();
  const end = DateTime.fromISO(addDays(period.to, 1), { zone: timeZone }).toMillis();
  return [start, end];
}
