/**
 * The desk's record ids: UUIDv7 (RFC 9562), which begin with the time of creation, so each insert
 * appends to the end of the primary-key and case-id indexes instead of dirtying a random page of
 * each (bench/api). Ids made in the same millisecond are in random order among themselves.
 * @module
 */
import { randomFillSync } from 'node:crypto';
import { v7 } from 'uuid';

// uuid asks the system for 16 random bytes per id, which costs more than the rest of the id; one
// call here fills the random part of 256 ids.
const pool = new Uint8Array(16 * 256);
let used = pool.length;

export function timeOrderedId(): string {
  if (used === pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  used += 16;
  return v7({ random: pool.subarray(used - 16, used) });
}
