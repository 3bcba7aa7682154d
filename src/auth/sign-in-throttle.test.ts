import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  ACCOUNT_RULE,
  addressRule,
  lockedUntil,
  withFailure,
  withoutFailure,
  type FailureCount,
} from './sign-in-throttle.js';

const T0 = Date.parse('2026-03-01T12:00:00.000Z');
const MINUTE = 60_000;

function failures(rule: typeof ACCOUNT_RULE, times: number, at = T0): FailureCount | undefined {
  let count: FailureCount | undefined;
  for (let i = 0; i < times; i += 1) count = withFailure(rule, count, at);
  return count;
}

describe('sign-in throttling rules', () => {
  it('an account locks at the fifth failure in a row, for 1, 2, 4 … up to 60 minutes', () => {
    assert.equal(lockedUntil(failures(ACCOUNT_RULE, 4), T0), undefined);
    const minutes = [5, 6, 7, 8, 12].map((n) => {
      const until = lockedUntil(failures(ACCOUNT_RULE, n), T0);
      return until === undefined ? undefined : (Date.parse(until) - T0) / MINUTE;
    });
    assert.deepEqual(minutes, [1, 2, 4, 8, 60]);
  });

  it('a lock ends on time, and a day without failures forgets them', () => {
    const five = failures(ACCOUNT_RULE, 5);
    assert.equal(lockedUntil(five, T0 + MINUTE), undefined);
    const later = withFailure(ACCOUNT_RULE, five, T0 + 25 * 60 * MINUTE);
    assert.equal(later.failures, 1);
  });

  it('an address locks after its limit until 15 minutes after its first failure', () => {
    const rule = addressRule(3);
    let count = withFailure(rule, undefined, T0);
    count = withFailure(rule, count, T0 + 5 * MINUTE);
    assert.equal(lockedUntil(count, T0 + 5 * MINUTE), undefined);
    count = withFailure(rule, count, T0 + 10 * MINUTE);
    assert.equal(lockedUntil(count, T0 + 10 * MINUTE), new Date(T0 + 15 * MINUTE).toISOString());
    assert.equal(withFailure(rule, count, T0 + 16 * MINUTE).failures, 1);
  });

  it('taking back an attempt that succeeded lifts the lock it set', () => {
    const rule = addressRule(3);
    const locked = failures(rule, 3);
    assert.notEqual(lockedUntil(locked, T0), undefined);
    const back = withoutFailure(rule, locked, T0);
    assert.equal(back?.failures, 2);
    assert.equal(lockedUntil(back, T0), undefined);
    assert.equal(withoutFailure(rule, failures(rule, 1), T0), undefined);
  });
});
