/**
 * Calendar dates and instants. Dates are ISO `YYYY-MM-DD` strings, which sort as they read;
 * instants are ISO 8601 strings with an explicit offset. Year arithmetic follows the calendar:
 * five years before 29 February is 28 February.
 * @module
 */
import { IANAZone } from 'luxon';

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT_PATTERN =
  /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const DAY_MS = 86_400_000;
// Offsets change only at quarter-hour UTC instants, so a cached offset is exact for its quarter hour.
const QUARTER_HOUR_MS = 900_000;

/** True when `value` is a real calendar date written `YYYY-MM-DD` (no 30 February). */
export function isLocalDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/** Epoch milliseconds of an instant written with an explicit offset, or NaN if it is not one. */
export function parseInstant(value: string): number {
  const match = INSTANT_PATTERN.exec(value);
  if (!match || !isLocalDate(match[1]!)) return Number.NaN;
  return Date.parse(value);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function toUtcMs(date: string): number {
  return Date.UTC(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)) - 1,
    Number(date.slice(8, 10)),
  );
}

function fromUtcMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

export function addDays(date: string, days: number): string {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/** The same calendar day `years` later (or earlier); 29 February becomes 28 February. */
export function addYears(date: string, years: number): string {
  const year = Number(date.slice(0, 4)) + years;
  const month = Number(date.slice(5, 7));
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${date.slice(5, 7)}-${String(day).padStart(2, '0')}`;
}

const offsetCache = new Map<string, Map<number, number>>();
/** About a year of quarter hours per zone; past that the cache starts over, bounding memory. */
const MAX_CACHED_OFFSETS = 40_000;

/**
 * The calendar date of an instant in an IANA time zone. Zone offsets are cached per quarter hour, so a
 * million decisions do not each pay for a time-zone lookup.
 */
export function localDateOf(instantMs: number, timeZone: string): string {
  let zoneCache = offsetCache.get(timeZone);
  if (!zoneCache || zoneCache.size > MAX_CACHED_OFFSETS) {
    zoneCache = new Map();
    offsetCache.set(timeZone, zoneCache);
  }
  const quarter = Math.floor(instantMs / QUARTER_HOUR_MS);
  let offsetMinutes = zoneCache.get(quarter);
  if (offsetMinutes === undefined) {
    offsetMinutes = IANAZone.create(timeZone).offset(instantMs);
    zoneCache.set(quarter, offsetMinutes);
  }
  return fromUtcMs(instantMs + offsetMinutes * 60_000);
}

export function isTimeZone(timeZone: string): boolean {
  return IANAZone.isValidZone(timeZone);
}
