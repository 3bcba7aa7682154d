/**
 * Counts by outcome and the two decline rates. Both are lower bounds, since declines are
 * under-recorded (caveats.ts):
 * - `declineRate`: declined ÷ all detainers counted;
 * - `declineRateOfRecorded`: declined ÷ detainers with a recorded (non-blank) lift reason.
 * @module
 */

export interface OutcomeCounts {
  detainers: number;
  booked: number;
  declined: number;
  lifted: number;
  blank: number;
  other: number;
}

export interface DeclineRates {
  /** Declined ÷ detainers; `null` when there are none. */
  declineRate: number | null;
  /** Declined ÷ detainers whose lift reason is recorded (not blank); `null` when there are none. */
  declineRateOfRecorded: number | null;
}

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

export function declineRates(counts: OutcomeCounts): DeclineRates {
  return {
    declineRate: ratio(counts.declined, counts.detainers),
    declineRateOfRecorded: ratio(counts.declined, counts.detainers - counts.blank),
  };
}

export const NO_COUNTS: OutcomeCounts = {
  detainers: 0,
  booked: 0,
  declined: 0,
  lifted: 0,
  blank: 0,
  other: 0,
};

export function addCounts(a: OutcomeCounts, b: OutcomeCounts): OutcomeCounts {
  return {
    detainers: a.detainers + b.detainers,
    booked: a.booked + b.booked,
    declined: a.declined + b.declined,
    lifted: a.lifted + b.lifted,
    blank: a.blank + b.blank,
    other: a.other + b.other,
  };
}
