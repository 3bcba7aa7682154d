/**
 * Checks what the hold clock's day starts rely on (src/engine/time/hold-clock.ts,
 * `steadyMidnight`): wherever the per-day offset cache of dates.ts says a zone's offset is the same
 * all through the UTC day before a local midnight and the UTC day of it, midnight at that offset
 * is the instant luxon finds (by the clock's own luxon formula, `midnightFromLuxon`). Every zone
 * Node lists, with UTC and Etc/UTC, on every day from a week before 2000 to a week after 2100.
 *
 *   node --import tsx bench/engine/check-day-starts.ts [shard shards]   # about 10 minutes a core
 *
 * Run it again after a luxon or Node (time-zone data) upgrade. It prints the zone-days checked
 * and the first of any that differ, and exits 1 if any do.
 * @module
 */
import { DateTime, IANAZone } from 'luxon';
import { steadyOffsetMinutes } from '../../src/engine/dates.js';

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2000, 0, 1) / DAY_MS - 8;
const LAST_DAY = Date.UTC(2100, 11, 31) / DAY_MS + 8;

/** hold-clock.ts's `midnightFromLuxon`: luxon's midnight, the earlier of a repeated one. */
function midnightFromLuxon(zone: IANAZone, day: number): number {
  const wall = day * DAY_MS;
  const date = new Date(wall);
  const resolved = DateTime.fromObject(
    { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() },
    { zone },
  ).toMillis();
  const offsetBefore = zone.offset(resolved - 1);
  const earlier = wall - offsetBefore * 60_000;
  return earlier < resolved && zone.offset(earlier) === offsetBefore ? earlier : resolved;
}

const shard = Number(process.argv[2] ?? 0);
const shards = Number(process.argv[3] ?? 1);
const zones = [...new Set([...Intl.supportedValuesOf('timeZone'), 'UTC', 'Etc/UTC'])];
let checked = 0;
let steady = 0;
let differ = 0;
for (const [index, name] of zones.entries()) {
  if (index % shards !== shard) continue;
  const zone = IANAZone.create(name);
  for (let day = FIRST_DAY; day <= LAST_DAY; day++) {
    checked++;
    const offset = steadyOffsetMinutes(name, day - 1, day);
    if (offset === undefined) continue;
    steady++;
    const expected = midnightFromLuxon(zone, day);
    if (day * DAY_MS - offset * 60 * 1000 !== expected) {
      differ++;
      if (differ <= 20) {
        console.log(`differs: ${name} ${new Date(day * DAY_MS).toISOString().slice(0, 10)}`);
      }
    }
  }
}
console.log(
  `shard ${shard} of ${shards}: ${zones.length} zones, ${checked} zone-days, ${steady} steady, ${differ} differ`,
);
if (differ > 0) process.exitCode = 1;
