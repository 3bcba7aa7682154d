import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addCounts, declineRates, NO_COUNTS } from './decline-rates.js';

describe('decline rates', () => {
  it('divides declines by all detainers, and by those with a recorded lift reason', () => {
    const counts = { detainers: 100, booked: 30, declined: 12, lifted: 10, blank: 40, other: 8 };
    assert.deepEqual(declineRates(counts), { declineRate: 0.12, declineRateOfRecorded: 0.2 });
  });

  it('is null, not zero, when there is nothing to divide by', () => {
    assert.deepEqual(declineRates(NO_COUNTS), { declineRate: null, declineRateOfRecorded: null });
    const allBlank = { ...NO_COUNTS, detainers: 5, blank: 5 };
    assert.deepEqual(declineRates(allBlank), { declineRate: 0, declineRateOfRecorded: null });
  });

  it('adds counts', () => {
    const one = { detainers: 1, booked: 1, declined: 0, lifted: 0, blank: 0, other: 0 };
    assert.deepEqual(addCounts(one, one), { ...one, detainers: 2, booked: 2 });
  });
});
