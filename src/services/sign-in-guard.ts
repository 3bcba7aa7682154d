/**
 * The store's side of throttling password guesses (the rules are `src/auth/sign-in-throttle.ts`).
 * An attempt is counted as a failure before its password is checked, in a transaction that locks
 * the counts it reads, so attempts sent at once wait for each other and no more of them are checked
 * than the rules allow; a success then takes its count back.
 * @module
 */
import type { Transaction } from 'kysely';
import {
  ACCOUNT_RULE,
  addressRule,
  lockedUntil,
  withFailure,
  withoutFailure,
  type FailureCount,
  type ThrottleRule,
} from '../auth/sign-in-throttle.js';
import { tokenHash } from '../auth/secret-token.js';
import { DeskError } from '../desk/errors.js';
import type { Dialect } from '../store/dialect.js';
import type { Database } from '../store/schema.js';

export interface GuardKey {
  readonly key: string;
  readonly kind: 'account' | 'address';
  readonly rule: ThrottleRule;
}

/** Rows past their window that one attempt clears away, so the table stays small. */
const PURGE_BATCH = 100;

/**
 * The keys an attempt counts against: the username typed (whether or not it names an account, so
 * both lock alike), as a hash, and the client's address. Sorted: every transaction locks them in
 * the same order.
 */
export function signInKeys(username: string, address: string, addressLimit: number): GuardKey[] {
  return [
    { key: `account:${tokenHash(username)}`, kind: 'account' as const, rule: ACCOUNT_RULE },
    { key: `address:${address}`, kind: 'address' as const, rule: addressRule(addressLimit) },
  ].sort((a, b) => (a.key < b.key ? -1 : 1));
}

/** The counts of `keys`, locked until the transaction ends (PostgreSQL; SQLite has one writer). */
async function lockCounts(
  trx: Transaction<Database>,
  dialect: Dialect,
  keys: readonly GuardKey[],
  now: string,
): Promise<Map<string, FailureCount>> {
  // A row for every key, even one never counted, so concurrent attempts have a row to wait on.
  await trx
    .insertInto('signInFailures')
    .values(keys.map(({ key }) => ({ key, failures: 0, windowEndsAt: now, lockedUntil: null })))
    .onConflict((conflict) => conflict.column('key').doNothing())
    .execute();
  const query = trx
    .selectFrom('signInFailures')
    .selectAll()
    .where(
      'key',
      'in',
      keys.map(({ key }) => key),
    )
    .orderBy('key');
  const rows = await (dialect === 'postgres' ? query.forUpdate() : query).execute();
  return new Map(rows.map((row) => [row.key, row]));
}

async function store(
  trx: Transaction<Database>,
  key: string,
  count: FailureCount | undefined,
): Promise<void> {
  if (count === undefined) {
    await trx.deleteFrom('signInFailures').where('key', '=', key).execute();
    return;
  }
  await trx
    .updateTable('signInFailures')
    .set({
      failures: count.failures,
      windowEndsAt: count.windowEndsAt,
      lockedUntil: count.lockedUntil,
    })
    .where('key', '=', key)
    .execute();
}

/**
 * Clears a few counts whose window has passed. Rows other attempts hold are skipped, never waited
 * for: this runs after the attempt's own rows are locked, out of their order.
 */
async function purge(trx: Transaction<Database>, dialect: Dialect, now: string): Promise<void> {
  const stale = trx
    .selectFrom('signInFailures')
    .select('key')
    .where('windowEndsAt', '<=', now)
    .limit(PURGE_BATCH);
  await trx
    .deleteFrom('signInFailures')
    .where('key', 'in', dialect === 'postgres' ? stale.forUpdate().skipLocked() : stale)
    .execute();
}

export interface Lock {
  readonly kind: GuardKey['kind'];
  readonly until: string;
}

/** A refusal because of too many failures; `retryAt` is when the lock ends. */
export class SignInLocked extends DeskError {
  readonly retryAt: string;

  constructor(lock: Lock) {
    super(
      'too-many-requests',
      lock.kind === 'address'
        ? `too many failed sign-ins from this address: try again after ${lock.until}`
        : `too many failed sign-ins with this username: try again after ${lock.until}`,
    );
    this.retryAt = lock.until;
  }
}

/**
 * Counts one attempt against every key, in advance. When a key is locked nothing is counted and
 * the lock that ends last is returned: the attempt is refused without checking its password.
 */
export async function reserveAttempt(
  trx: Transaction<Database>,
  dialect: Dialect,
  keys: readonly GuardKey[],
  now: string,
): Promise<Lock | undefined> {
  const at = Date.parse(now);
  const counts = await lockCounts(trx, dialect, keys, now);
  let lock: Lock | undefined;
  for (const { key, kind } of keys) {
    const until = lockedUntil(counts.get(key), at);
    if (until !== undefined && (lock === undefined || until > lock.until)) lock = { kind, until };
  }
  if (lock === undefined) {
    for (const { key, rule } of keys) await store(trx, key, withFailure(rule, counts.get(key), at));
  }
  await purge(trx, dialect, now);
  return lock;
}

/**
 * After the password matched: the account's failures in a row are cleared; the address's count
 * loses this attempt only, so it counts failed attempts, never successful ones.
 */
export async function settleSuccess(
  trx: Transaction<Database>,
  dialect: Dialect,
  keys: readonly GuardKey[],
  now: string,
): Promise<void> {
  const counts = await lockCounts(trx, dialect, keys, now);
  for (const { key, kind, rule } of keys) {
    const count =
      kind === 'account' ? undefined : withoutFailure(rule, counts.get(key), Date.parse(now));
    await store(trx, key, count);
  }
}
