/**
 * Stable ids of the California clauses. § 7282.5 keeps its ids across the TRUST Act and Values
 * Act versions (paragraph numbers moved: the federal-warrant criterion was (a)(6), then (a)(5));
 * each version's citation gives the numbering it had.
 * @module
 */
export const CLAUSE = Object.freeze({
  /** § 7282.5(a): the conviction, registry and federal-warrant criteria. */
  cooperationCriteria: 'ca.gov-7282.5.a',
  /** § 7282.5(b): a magistrate's probable-cause finding on a pending felony charge. */
  magistrateProbableCause: 'ca.gov-7282.5.b',
  /** § 7283.1(b): the TRUTH Act notices to the individual. */
  truthActNotice: 'ca.gov-7283.1.b',
  /** § 7284.4(h)-(i): "judicial probable cause determination" and "judicial warrant". */
  judicialWarrant: 'ca.gov-7284.4.h-i',
  hold: 'ca.gov-7284.6.a.1.B',
  notification: 'ca.gov-7284.6.a.1.C',
  personalInformation: 'ca.gov-7284.6.a.1.D',
  transfer: 'ca.gov-7284.6.a.4',
  criminalHistory: 'ca.gov-7284.6.b.2',
  immigrationStatus: 'ca.gov-7284.6.e',
} as const);
