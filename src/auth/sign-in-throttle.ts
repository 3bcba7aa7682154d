/**
 * Throttling password guesses: the failures counted against a name typed at sign-in, or against a
 * client address, and when they lock it. Pure rules; the store keeps the counts
 * (`src/services/sign-in-guard.ts`), so a restart forgets nothing.
 * @module
 */

/** The failures counted against one key (a username typed, or an address). */
export interface FailureCount {
  readonly failures: number;
  /** When the count is forgotten. */
  readonly windowEndsAt: string;
  /** Until when attempts are refused without checking the password. */
  readonly lockedUntil: string | null;
}

export interface ThrottleRule {
  readonly windowMs: number;
  /** A sliding window restarts at each failure; a fixed one runs from the first. */
  readonly sliding: boolean;
  /** The end of the lock after `failures` failures, or undefined for none. */
  lockEnd(failures: number, now: number, windowEnd: number): number | undefined;
}

const MINUTE = 60_000;
/** Failures in a row an account may have before each further one locks it for longer. */
export const FREE_FAILURES = 5;
const MAX_LOCK_MINUTES = 60;

/**
 * A username: five failures in a row lock it for 1 minute, then 2, 4 … up to 60 minutes per
 * further failure; a success, or a day without failures, clears the count.
 */
export const ACCOUNT_RULE: ThrottleRule = {
  windowMs: 24 * 60 * MINUTE,
  sliding: true,
  lockEnd: (failures, now) =>
    failures < FREE_FAILURES
      ? undefined
      : now + Math.min(2 ** (failures - FREE_FAILURES), MAX_LOCK_MINUTES) * MINUTE,
};

/** An address: `limit` failed attempts in 15 minutes lock it until the 15 minutes are over. */
export function addressRule(limit: number): ThrottleRule {
  return {
    windowMs: 15 * MINUTE,
    sliding: false,
    lockEnd: (failures, _now, windowEnd) => (failures < limit ? undefined : windowEnd),
  };
}

const live = (count: FailureCount | undefined, now: number) =>
  count !== undefined && Date.parse(count.windowEndsAt) > now ? count : undefined;

/** The end of the lock on a key, if it is locked at `now`. */
export function lockedUntil(count: FailureCount | undefined, now: number): string | undefined {
  const until = live(count, now)?.lockedUntil ?? null;
  return until !== null && Date.parse(until) > now ? until : undefined;
}

/** The count after one more failure at `now`. */
export function withFailure(
  rule: ThrottleRule,
  count: FailureCount | undefined,
  now: number,
): FailureCount {
  const current = live(count, now);
  const failures = (current?.failures ?? 0) + 1;
  const windowEnd =
    current === undefined || rule.sliding ? now + rule.windowMs : Date.parse(current.windowEndsAt);
  const lockEnd = rule.lockEnd(failures, now, windowEnd);
  return {
    failures,
    windowEndsAt: new Date(windowEnd).toISOString(),
    lockedUntil: lockEnd === undefined ? null : new Date(lockEnd).toISOString(),
  };
}

/** The count with one failure taken back (an attempt counted in advance that succeeded). */
export function withoutFailure(
  rule: ThrottleRule,
  count: FailureCount | undefined,
  now: number,
): FailureCount | undefined {
  const current = live(count, now);
  if (current === undefined || current.failures <= 1) return undefined;
  const failures = current.failures - 1;
  const windowEnd = Date.parse(current.windowEndsAt);
  const lockEnd = rule.lockEnd(failures, now, windowEnd);
  return {
    failures,
    windowEndsAt: current.windowEndsAt,
    lockedUntil: lockEnd === undefined ? null : new Date(lockEnd).toISOString(),
  };
}
