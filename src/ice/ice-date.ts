/**
 * Dates as ICE's releases write them: Excel serial numbers in the xlsx files (1900 date system),
 * `m/d/y` text in NPR's CSV conversions of the legacy files, `YYYY-MM-DD` and
 * `YYYY-MM-DD HH:MM:SS` in NPR's processed CSV (ice-formats.md §8, formats A–E). A datetime at
 * midnight becomes a plain date, as the Deportation Data Project's cleaning does (§1.4 step 6).
 * @module
 */

/** `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM:SS` when the source carried a time of day. */
export type IceDate = string;

export type DateResult = { ok: true; date: IceDate } | { ok: false; reason: string };

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function format(
  year: number,
  month: number,
  day: number,
  seconds: number,
  source: string,
): DateResult {
  if (year < 1900 || year > 9999 || !isCalendarDate(year, month, day)) {
    return { ok: false, reason: `${source} is not a calendar date` };
  }
  if (seconds < 0 || seconds >= 86_400) return { ok: false, reason: `${source} has no valid time` };
  const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  if (seconds === 0) return { ok: true, date };
  const time = `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
  return { ok: true, date: `${date}T${time}` };
}

// Serial 1 is 1900-01-01. Excel counts a 29 February 1900 that never was (serial 60, kept from
// Lotus 1-2-3), so from serial 61 (1900-03-01) on, day 0 is 1899-12-30 rather than 1899-12-31.
const LAST_SERIAL = 2_958_465; // 9999-12-31
const DAY_MS = 86_400_000;

/** The date of an Excel serial number in the 1900 date system; the fraction is the time of day. */
export function fromExcelSerial(serial: number): DateResult {
  const source = `Excel serial ${serial}`;
  if (!Number.isFinite(serial) || serial < 1 || serial >= LAST_SERIAL + 1) {
    return { ok: false, reason: `${source} is outside Excel's dates` };
  }
  const days = Math.floor(serial);
  if (days === 60) return { ok: false, reason: `${source} is 1900-02-29, a day that never was` };
  let seconds = Math.round((serial - days) * 86_400);
  let dayShift = 0;
  if (seconds === 86_400) {
    seconds = 0;
    dayShift = 1;
  }
  const epoch = days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const day = new Date(epoch + (days + dayShift) * DAY_MS);
  return format(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), seconds, source);
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;
const US = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/;
const number = (part: string | undefined) => (part === undefined ? 0 : Number(part));

/** A text date: `YYYY-MM-DD`, `YYYY-MM-DD HH:MM[:SS]` or `m/d/y` with a two- or four-digit year. */
export function fromText(text: string): DateResult {
  const source = `"${text}"`;
  const iso = ISO.exec(text);
  if (iso) {
    const [hours, minutes, secs] = [number(iso[4]), number(iso[5]), number(iso[6])];
    if (hours > 23 || minutes > 59 || secs > 59) {
      return { ok: false, reason: `${source} has no valid time` };
    }
    const [year, month, day] = [number(iso[1]), number(iso[2]), number(iso[3])];
    return format(year, month, day, hours * 3600 + minutes * 60 + secs, source);
  }
  const us = US.exec(text);
  if (us) {
    const [month, day, y] = [number(us[1]), number(us[2]), number(us[3])];
    // Two-digit years pivot as strptime's %y does (NPR converted with %m/%d/%y): 69–99 are 19xx.
    const year = us[3]!.length === 4 ? y : y < 69 ? 2000 + y : 1900 + y;
    return format(year, month, day, 0, source);
  }
  return { ok: false, reason: `${source} is not a date this importer knows` };
}

/** A JavaScript Date as a calendar date in UTC, where spreadsheet libraries put Excel dates. */
export function fromJsDate(date: Date): DateResult {
  if (Number.isNaN(date.getTime())) return { ok: false, reason: 'an invalid date' };
  const seconds = date.getUTCHours() * 3600 + date.getUTCMinutes() * 60 + date.getUTCSeconds();
  return format(
    date.getUTCFullYear(),
    date.getUTCMonth() + 1,
    date.getUTCDate(),
    seconds,
    date.toISOString(),
  );
}
