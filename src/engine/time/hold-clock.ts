/**
 * Hold clocks: the latest instant a detainer hold may last to.
 *
 * 8 CFR 287.7(d) and NYC Admin. Code § 14-154(b)(2) allow 48 hours "excluding Saturdays, Sundays,
 * and holidays": time counts only while the local calendar day is a weekday that is not an
 * observed federal holiday. The I-247A/I-247D forms ask for 48 plain elapsed hours. Both clocks
 * count real elapsed time, so a 23- or 25-hour day counts as long as it really is.
 *
 * Clocks start between 2000-01-01 and 2100-12-31 (local) and end by 2101-01-01T00:00 local,
 * the span of the encoded holiday calendar.
 * @module
 */
import { DateTime, IANAZone } from 'luxon';
import { offsetMinutesAt, parseInstant, steadyOffsetMinutes } from '../dates.js';
import { FEDERAL_HOLIDAY_YEARS, federalHolidayOn } from './federal-holidays.js';

export interface ExcludedDay {
  /** The local calendar day, YYYY-MM-DD. */
  date: string;
  reason: 'saturday' | 'sunday' | 'holiday';
  /** The holiday's name, when `reason` is `holiday`. */
  holiday?: string;
}

export interface HoldClock {
  /** The start, ISO 8601 with the zone's offset, e.g. 2024-03-08T18:00:00-05:00. */
  startsAt: string;
  /** The latest lawful end of the hold, in the same format. */
  until: string;
  /** The hours counted. */
  hours: number;
  /** Local days skipped, in order. */
  excludedDays: ExcludedDay[];
}

/** A clock was asked for with an input it cannot use; `field` names the argument. */
export class HoldClockError extends Error {
  readonly field: 'startsAt' | 'hours' | 'timeZone';

  constructor(field: HoldClockError['field'], message: string) {
    super(`${field}: ${message}`);
    this.name = 'HoldClockError';
    this.field = field;
  }
}

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** Days are numbered from 1970-01-01, whatever the zone: day n is the local date n days on. */
const FIRST_DAY = Date.UTC(FEDERAL_HOLIDAY_YEARS.first, 0, 1) / DAY_MS;
const LAST_DAY = Date.UTC(FEDERAL_HOLIDAY_YEARS.last, 11, 31) / DAY_MS;
const COVERAGE = `${FEDERAL_HOLIDAY_YEARS.first}-01-01 to ${FEDERAL_HOLIDAY_YEARS.last}-12-31`;

/**
 * Per-day caches are arrays indexed from a few days before FIRST_DAY to a few after LAST_DAY
 * (every day a clock can touch): an array slot costs less than a Map lookup.
 */
const FIRST_SLOT_DAY = FIRST_DAY - 8;
const SLOTS = LAST_DAY + 8 - FIRST_SLOT_DAY + 1;

function slotOf(day: number): number {
  const slot = day - FIRST_SLOT_DAY;
  return slot >= 0 && slot < SLOTS ? slot : -1;
}

interface Zone {
  name: string;
  iana: IANAZone;
  /** By day slot: the instant that local day begins (NaN until first asked). */
  starts: Float64Array;
}

const zones = new Map<string, Zone>();

function zoneNamed(timeZone: string): Zone {
  let zone = zones.get(timeZone);
  if (!zone) {
    if (!IANAZone.isValidZone(timeZone)) {
      throw new HoldClockError('timeZone', `${timeZone} is not an IANA time zone`);
    }
    zone = {
      name: timeZone,
      iana: IANAZone.create(timeZone),
      starts: new Float64Array(SLOTS).fill(Number.NaN),
    };
    zones.set(timeZone, zone);
  }
  return zone;
}

/** The first instant of local day `day`. */
function startOfDay(zone: Zone, day: number): number {
  const slot = slotOf(day);
  let start = slot === -1 ? Number.NaN : zone.starts[slot]!;
  if (Number.isNaN(start)) {
    start = steadyMidnight(zone, day) ?? midnightFromLuxon(zone, day);
    if (slot !== -1) zone.starts[slot] = start;
  }
  return start;
}

/**
 * Local midnight of `day` when the zone's offset is the same all through the UTC day before it and
 * the UTC day of it (`day` read as UTC): midnight then happens once, at that offset. Every instant
 * luxon would look at lies in those two days (offsets are within -12 and +14 hours), so this is
 * the answer `midnightFromLuxon` gives, read from the per-day offset cache of dates.ts instead of
 * from several luxon calls, which cost tens of microseconds for each new day.
 */
function steadyMidnight(zone: Zone, day: number): number | undefined {
  const offset = steadyOffsetMinutes(zone.name, day - 1, day);
  // Written as luxon computes it (minutes × 60 × 1000), so the two agree to the millisecond.
  return offset === undefined ? undefined : day * DAY_MS - offset * 60 * 1000;
}

/** The first instant of local day `day`, asked of luxon: for days near a change of offset. */
function midnightFromLuxon(zone: Zone, day: number): number {
  const wall = day * DAY_MS;
  const date = new Date(wall);
  const resolved = DateTime.fromObject(
    { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() },
    { zone: zone.iana },
  ).toMillis();
  // Luxon moves a skipped midnight forward, which is right, but picks the later of a repeated
  // midnight; the day begins at the earlier one.
  const offsetBefore = zone.iana.offset(resolved - 1);
  const earlier = wall - offsetBefore * MINUTE_MS;
  return earlier < resolved && zone.iana.offset(earlier) === offsetBefore ? earlier : resolved;
}

/** The local day an instant falls in. Offsets lie within -12h..+14h, so this looks at most 3 days. */
function localDay(zone: Zone, instant: number): number {
  let day = Math.floor(instant / DAY_MS) + 1;
  while (startOfDay(zone, day) > instant) day--;
  return day;
}

/** The zone's offset in minutes at an instant. */
function offsetAt(zone: Zone, instant: number): number {
  const day = localDay(zone, instant);
  const start = startOfDay(zone, day);
  // A day exactly 24 hours long has one offset throughout, which its start gives for free;
  // on the few days with a transition, the offset cache of dates.ts spares a luxon lookup.
  return startOfDay(zone, day + 1) - start === DAY_MS
    ? (day * DAY_MS - start) / MINUTE_MS
    : offsetMinutesAt(instant, zone.name);
}

/** '00' to '59': hours, minutes and seconds of a written instant. */
const TWO_DIGITS = Array.from({ length: 60 }, (_, value) => String(value).padStart(2, '0'));

const dates = new Array<string | undefined>(SLOTS).fill(undefined);

/** Day number → YYYY-MM-DD. */
function dateOf(day: number): string {
  const slot = slotOf(day);
  let date = slot === -1 ? undefined : dates[slot];
  if (date === undefined) {
    date = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (slot !== -1) dates[slot] = date;
  }
  return date;
}

/**
 * ISO 8601 with the zone's offset, milliseconds only when there are some. Written from cached
 * parts because `Date#toISOString` would double the cost of a clock.
 */
function format(zone: Zone, instant: number): string {
  const offset = offsetAt(zone, instant);
  const local = instant + offset * MINUTE_MS;
  const day = Math.floor(local / DAY_MS);
  const time = local - day * DAY_MS;
  const hour = Math.floor(time / HOUR_MS);
  const minute = Math.floor((time % HOUR_MS) / MINUTE_MS);
  const second = Math.floor((time % MINUTE_MS) / 1000);
  const millis = time % 1000;
  const magnitude = Math.abs(offset);
  return (
    `${dateOf(day)}T${TWO_DIGITS[hour]!}:${TWO_DIGITS[minute]!}:${TWO_DIGITS[second]!}` +
    (millis === 0 ? '' : `.${String(millis).padStart(3, '0')}`) +
    `${offset < 0 ? '-' : '+'}${TWO_DIGITS[Math.floor(magnitude / 60)]!}:${TWO_DIGITS[magnitude % 60]!}`
  );
}

interface CalendarDay {
  date: string;
  exclusion: Omit<ExcludedDay, 'date'> | undefined;
}

const calendar = new Array<CalendarDay | undefined>(SLOTS).fill(undefined);

/** Whether the clock stops on a local day; the same in every zone, so cached once. */
function calendarDay(day: number): CalendarDay {
  const slot = slotOf(day);
  let entry = slot === -1 ? undefined : calendar[slot];
  if (!entry) {
    const date = dateOf(day);
    entry = { date, exclusion: exclusionOn(date, new Date(day * DAY_MS).getUTCDay()) };
    if (slot !== -1) calendar[slot] = entry;
  }
  return entry;
}

function exclusionOn(date: string, weekday: number): CalendarDay['exclusion'] {
  if (weekday === 6) return { reason: 'saturday' };
  if (weekday === 0) return { reason: 'sunday' };
  const holiday = federalHolidayOn(date);
  return holiday && { reason: 'holiday', holiday: holiday.name };
}

interface Start {
  zone: Zone;
  instant: number;
  /** The local day of `instant`. */
  day: number;
  hours: number;
  /** `hours` in milliseconds. */
  span: number;
}

function begin(startsAt: string, hours: number, timeZone: string): Start {
  const instant = parseInstant(startsAt);
  if (Number.isNaN(instant)) {
    throw new HoldClockError(
      'startsAt',
      `${startsAt} is not an ISO 8601 date-time with an offset, e.g. 2024-03-08T18:00:00-05:00`,
    );
  }
  const zone = zoneNamed(timeZone);
  if (!Number.isFinite(hours) || hours <= 0) {
    throw new HoldClockError('hours', `must be a positive number of hours, got ${hours}`);
  }
  const utcDay = Math.floor(instant / DAY_MS);
  // The first test spares a far-off instant from filling the caches.
  if (utcDay < FIRST_DAY - 1 || utcDay > LAST_DAY + 1) throw outsideCalendar(startsAt);
  const day = localDay(zone, instant);
  if (day < FIRST_DAY || day > LAST_DAY) throw outsideCalendar(startsAt);
  return { zone, instant, day, hours, span: Math.round(hours * HOUR_MS) };
}

function outsideCalendar(startsAt: string): HoldClockError {
  return new HoldClockError('startsAt', `${startsAt} is outside ${COVERAGE} (local)`);
}

function runsPastCalendar(): HoldClockError {
  return new HoldClockError('hours', `the hold would run past the end of ${COVERAGE}`);
}

function clock(start: Start, until: number, excludedDays: ExcludedDay[]): HoldClock {
  return {
    startsAt: format(start.zone, start.instant),
    until: format(start.zone, until),
    hours: start.hours,
    excludedDays,
  };
}

/**
 * The end of a hold of `hours` counted hours, where time stops on local Saturdays, Sundays and
 * observed federal holidays. A start on such a day counts from the next counted day's start.
 */
export function holdUntilExcludingWeekendsAndHolidays(
  startsAt: string,
  hours: number,
  timeZone: string,
): HoldClock {
  const start = begin(startsAt, hours, timeZone);
  const excludedDays: ExcludedDay[] = [];
  let remaining = start.span;
  let from = start.instant;
  for (let day = start.day; day <= LAST_DAY; day++) {
    const next = startOfDay(start.zone, day + 1);
    const { date, exclusion } = calendarDay(day);
    if (exclusion) {
      excludedDays.push(
        exclusion.holiday === undefined
          ? { date, reason: exclusion.reason }
          : { date, reason: exclusion.reason, holiday: exclusion.holiday },
      );
    } else if (remaining <= next - from) {
      return clock(start, from + remaining, excludedDays);
    } else {
      remaining -= next - from;
    }
    from = next;
  }
  throw runsPastCalendar();
}

/** The end of a hold of `hours` plain elapsed hours; nothing is excluded. */
export function holdUntilElapsedHours(
  startsAt: string,
  hours: number,
  timeZone: string,
): HoldClock {
  const start = begin(startsAt, hours, timeZone);
  const until = start.instant + start.span;
  if (until > startOfDay(start.zone, LAST_DAY + 1)) throw runsPastCalendar();
  return clock(start, until, []);
}
