/**
 * Stable ids of the Illinois TRUST Act clauses (5 ILCS 805). Each keeps its id when the Illinois
 * Way Forward Act (P.A. 102-0234) rewrote it; each version's citation names the Public Act.
 * @module
 */
export const CLAUSE = Object.freeze({
  /** § 5: legislative purpose; status information under 8 U.S.C. 1373 and 1644 may be exchanged. */
  purpose: 'il.5-ilcs-805.5',
  /** § 10: "immigration detainer" and the kinds of immigration warrant. */
  definitions: 'il.5-ilcs-805.10',
  /** § 15(a): no detention on, and no other compliance with, an immigration detainer. */
  detainers: 'il.5-ilcs-805.15.a',
  /** § 15(c): the federal-warrant exception of 2017 (blank from 2021). */
  federalWarrant: 'il.5-ilcs-805.15.c',
  /** § 15(g): the actions barred from 2021 unless a federal criminal warrant is presented. */
  civilEnforcementSupport: 'il.5-ilcs-805.15.g',
  /** § 25: the annual report to the Attorney General (from 2021). */
  reporting: 'il.5-ilcs-805.25',
} as const);
