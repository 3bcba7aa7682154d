/**
 * The dates the desk accepts. The law is encoded from 2000-01-01 (the first law) to 2100-12-31 (the
 * last year of the encoded federal holidays, which hold clocks count), so a date that selects the
 * law must fall between them. Nothing is dated in the future beyond a small clock skew: the desk
 * records what has happened. Dates that are possible but unlikely (a release before the request
 * was received) are warnings shown with the decision, so a year typo that moves a case under
 * another law is seen before anyone acts on it.
 * @module
 */
import { instantSchema } from '../engine/case.js';
import { COVERAGE_START } from '../engine/clause.js';
import { parseInstant } from '../engine/dates.js';
import type { FieldIssue } from '../engine/errors.js';
import { FEDERAL_HOLIDAY_YEARS } from '../engine/time/federal-holidays.js';
import { DeskError } from './errors.js';
import type { Intake } from './intake.js';

/** The first and last days whose law the engine can apply, hold clocks included. */
export const LAW_DATES = {
  first: COVERAGE_START,
  last: `${String(FEDERAL_HOLIDAY_YEARS.last)}-12-31`,
} as const;

/** How far ahead of the desk's clock a recorded instant may be: another machine's clock drift. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** Over this many years between receipt and release, the release date is probably a typo. */
const PLAUSIBLE_YEARS_TO_RELEASE = 5;
const YEAR_MS = 365.25 * 86_400_000;

/** An instant that selects the law in force: it must fall within the encoded law. */
export const lawDateSchema = instantSchema.refine((value) => {
  const ms = parseInstant(value);
  if (Number.isNaN(ms)) return true; // instantSchema names the bad format
  const date = new Date(ms).toISOString().slice(0, 10);
  return date >= LAW_DATES.first && date <= LAW_DATES.last;
}, `must fall between ${LAW_DATES.first} and ${LAW_DATES.last}, the dates whose law is encoded`);

/** Refuses an instant later than `now` plus the clock skew, naming the field. */
export function refuseFuture(path: string, at: string, now: string): void {
  if (Date.parse(at) > Date.parse(now) + CLOCK_SKEW_MS) {
    throw DeskError.invalid([{ path, message: `is in the future: it is now ${now}` }]);
  }
}

/** Refuses a request whose own times (received, served, warrant presented) are in the future. */
export function refuseFutureRequest(intake: Intake, now: string): void {
  const { request } = intake;
  const times = [
    ['request.receivedAt', request.receivedAt],
    ['request.servedOnPersonAt', request.servedOnPersonAt],
    ['request.judicialWarrant.presentedAt', request.judicialWarrant?.presentedAt],
  ] as const;
  for (const [path, at] of times) if (at !== undefined) refuseFuture(path, at, now);
}

/** The calendar date an instant was written in (its own offset's day). */
const writtenDate = (instant: string) => instant.slice(0, 10);

/** Dates the law can decide on but that are unlikely to be right; each names its field. */
export function dateWarnings(intake: Intake): FieldIssue[] {
  const { person, custody, request } = intake;
  const warnings: FieldIssue[] = [];
  const warn = (path: string, message: string) => warnings.push({ path, message });
  const received = Date.parse(request.receivedAt);
  if (custody.expectedReleaseAt !== undefined) {
    const release = Date.parse(custody.expectedReleaseAt);
    if (release < received) {
      warn(
        'custody.expectedReleaseAt',
        'is before the request was received: check the year, the law in force on it decides',
      );
    } else if (release - received > PLAUSIBLE_YEARS_TO_RELEASE * YEAR_MS) {
      warn(
        'custody.expectedReleaseAt',
        `is more than ${String(PLAUSIBLE_YEARS_TO_RELEASE)} years after the request was received: check the year, the law in force on it decides`,
      );
    }
    if (
      custody.instantArrestDate !== undefined &&
      custody.instantArrestDate > writtenDate(custody.expectedReleaseAt)
    ) {
      warn('custody.instantArrestDate', 'is after the expected release');
    }
  }
  if (person.dateOfBirth !== undefined) {
    if (custody.instantArrestDate !== undefined && person.dateOfBirth > custody.instantArrestDate) {
      warn('person.dateOfBirth', 'is after the arrest');
    } else if (person.dateOfBirth > writtenDate(request.receivedAt)) {
      warn('person.dateOfBirth', 'is after the request was received');
    }
  }
  return warnings;
}
