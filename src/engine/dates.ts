/**
 * Calendar dates and instants. Dates are ISO `YYYY-MM-DD` strings, which sort as they read;
 * instants are ISO 8601 strings with an explicit offset. Year arithmetic follows the calendar:
 * five years before 29 February is 28 February.
 * @module
 */
import { IANAZone } from 'luxon';

const DAY_MS = 86_400_000;

/** True when `value` is a real calendar date written `YYYY-MM-DD` (no 30 February). */
export function isLocalDate(value: string): boolean {
  return value.length === 10 && !Number.isNaN(leadingDate(value));
}

/**
 * Epoch milliseconds of an instant written `YYYY-MM-DDTHH:MM[:SS[.fff]]` with `Z` or `±HH:MM`,
 * or NaN if it is not one. Read by position rather than with Date.parse, which is lenient (it
 * rolls 30 February over into March) and slow on offsets; this runs for every instant of every
 * decision.
 */
export function parseInstant(value: string): number {
  if (value.charCodeAt(10) !== 84 || value.charCodeAt(13) !== 58) return Number.NaN;
  const days = leadingDate(value);
  if (Number.isNaN(days)) return Number.NaN;
  const hour = twoDigits(value, 11);
  const minute = twoDigits(value, 14);
  let position = 16;
  let second = 0;
  let millisecond = 0;
  if (value.charCodeAt(position) === 58) {
    second = twoDigits(value, 17);
    position = 19;
    if (value.charCodeAt(position) === 46) {
      let end = position + 1;
      while (isDigit(value.charCodeAt(end))) end++;
      if (end === position + 1 || end - position > 10) return Number.NaN;
      // Milliseconds are the first three digits of the fraction, padded with zeros.
      for (let index = position + 1; index < position + 4; index++) {
        millisecond = millisecond * 10 + (index < end ? value.charCodeAt(index) - 48 : 0);
      }
      position = end;
    }
  }
  let offsetMinutes = 0;
  const zone = value.charCodeAt(position);
  if (zone === 90) {
    if (value.length !== position + 1) return Number.NaN;
  } else if ((zone === 43 || zone === 45) && value.length === position + 6) {
    if (value.charCodeAt(position + 3) !== 58) return Number.NaN;
    const offsetHours = twoDigits(value, position + 1);
    const offsetRest = twoDigits(value, position + 4);
    if (offsetHours < 0 || offsetHours > 23 || offsetRest < 0 || offsetRest > 59) return Number.NaN;
    offsetMinutes = (zone === 45 ? -1 : 1) * (offsetHours * 60 + offsetRest);
  } else {
    return Number.NaN;
  }
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
    return Number.NaN;
  }
  const utc = days * DAY_MS + hour * 3_600_000 + minute * 60_000 + second * 1000 + millisecond;
  return utc - offsetMinutes * 60_000;
}

/**
 * Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil). Plain
 * arithmetic: Date.UTC costs more than the rest of parseInstant, and reads years 0-99 as 19xx.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * The day number of the `YYYY-MM-DD` that `value` starts with, or NaN if it is not a real date.
 * Read digit by digit: this runs for every instant of every decision, and a regex match allocates.
 */
function leadingDate(value: string): number {
  if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return Number.NaN;
  const century = twoDigits(value, 0);
  const yearOfCentury = twoDigits(value, 2);
  const month = twoDigits(value, 5);
  const day = twoDigits(value, 8);
  if (century < 0 || yearOfCentury < 0 || month < 1 || month > 12 || day < 1) return Number.NaN;
  const year = century * 100 + yearOfCentury;
  return day <= daysInMonth(year, month) ? daysFromCivil(year, month, day) : Number.NaN;
}

/** The number written by the two digits at `from`, or -1 if they are not both digits. */
function twoDigits(value: string, from: number): number {
  const tens = value.charCodeAt(from) - 48;
  const units = value.charCodeAt(from + 1) - 48;
  return tens >= 0 && tens <= 9 && units >= 0 && units <= 9 ? tens * 10 + units : -1;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : MONTH_DAYS[month - 1]!;
}

function toUtcMs(date: string): number {
  return Date.UTC(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)) - 1,
    Number(date.slice(8, 10)),
  );
}

/**
 * Per-day caches are dense arrays over 1900-2199 (day numbers from 1970-01-01): decisions read
 * them twice each, and an array slot costs less than a Map lookup. Days outside are computed.
 */
const FIRST_CACHED_DAY = -25_567;
const CACHED_DAYS = 109_572;

function cacheSlot(day: number): number {
  const slot = day - FIRST_CACHED_DAY;
  return slot >= 0 && slot < CACHED_DAYS ? slot : -1;
}

const dateStrings = new Array<string | undefined>(CACHED_DAYS).fill(undefined);

/** The UTC calendar date of an instant; formatted once per day, since decisions repeat days. */
function fromUtcMs(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  const slot = cacheSlot(day);
  let date = slot === -1 ? undefined : dateStrings[slot];
  if (date === undefined) {
    date = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (slot !== -1) dateStrings[slot] = date;
  }
  return date;
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

/** A UTC day on which a zone's offset changes: `before` until the instant `at`, then `after`. */
interface Transition {
  at: number;
  before: number;
  after: number;
}

type DayOffset = number | Transition | undefined;

/**
 * Per zone, the offset in minutes (or the change) of each UTC day, in chunks of 1,024 days
 * allocated as they are first used: a case may name any zone, so a zone costs only what it uses.
 */
const dayOffsetCache = new Map<string, DayOffset[][]>();
const CHUNK_BITS = 10;

/**
 * The calendar date of an instant in an IANA time zone. A zone's offset changes at most once
 * a day, so the offset (or the instant it changes) is looked up once per zone and UTC day: a
 * million decisions do not each pay for a time-zone lookup, which costs microseconds.
 */
export function localDateOf(instantMs: number, timeZone: string): string {
  return fromUtcMs(instantMs + offsetMinutesAt(instantMs, timeZone) * 60_000);
}

/** The zone's offset from UTC in minutes at an instant, from the same per-day cache. */
export function offsetMinutesAt(instantMs: number, timeZone: string): number {
  const offset = dayOffsetOf(timeZone, Math.floor(instantMs / DAY_MS));
  return typeof offset === 'number' ? offset : instantMs < offset.at ? offset.before : offset.after;
}

/**
 * The zone's offset in minutes over UTC days `firstDay` to `lastDay` (day numbers from
 * 1970-01-01), when it is the same throughout; undefined when it changes on one of them. From the
 * per-day cache: the hold clock finds most local midnights with it, without a luxon call.
 */
export function steadyOffsetMinutes(
  timeZone: string,
  firstDay: number,
  lastDay: number,
): number | undefined {
  const offset = dayOffsetOf(timeZone, firstDay);
  if (typeof offset !== 'number') return undefined;
  for (let day = firstDay + 1; day <= lastDay; day++) {
    if (dayOffsetOf(timeZone, day) !== offset) return undefined;
  }
  return offset;
}

/** The zone's offset over one UTC day, or where it changes: looked up once, then cached. */
function dayOffsetOf(timeZone: string, day: number): number | Transition {
  let zoneCache = dayOffsetCache.get(timeZone);
  if (!zoneCache) {
    zoneCache = [];
    dayOffsetCache.set(timeZone, zoneCache);
  }
  const slot = cacheSlot(day);
  let chunk: DayOffset[] | undefined;
  if (slot !== -1) {
    const index = slot >> CHUNK_BITS;
    while (zoneCache.length <= index) zoneCache.push([]);
    chunk = zoneCache[index]!;
    if (chunk.length === 0) chunk.length = 1 << CHUNK_BITS;
  }
  const position = slot & ((1 << CHUNK_BITS) - 1);
  let offset = chunk?.[position];
  if (offset === undefined) {
    offset = dayOffset(IANAZone.create(timeZone), day);
    if (chunk) chunk[position] = offset;
  }
  return offset;
}

/** The zone's offset over one UTC day, or where it changes (found by bisection, to the ms). */
function dayOffset(zone: IANAZone, day: number): number | Transition {
  let low = day * DAY_MS;
  let high = low + DAY_MS - 1;
  const before = zone.offset(low);
  const after = zone.offset(high);
  if (before === after) return before;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (zone.offset(middle) === before) low = middle;
    else high = middle;
  }
  return { at: high, before, after };
}

export function isTimeZone(timeZone: string): boolean {
  return IANAZone.isValidZone(timeZone);
}
