/**
 * Stable ids of the Texas clauses. The detainer article keeps its id through the 2025
 * recodification of the Code of Criminal Procedure, which moved it from art. 2.251 into
 * chapter 2A; each version's citation gives its number.
 * @module
 */
export const CLAUSE = Object.freeze({
  /** CCP art. 2.251, from 2025 in chapter 2A: comply with ICE detainer requests. */
  detainerRequests: 'tx.ccp.immigration-detainer-requests',
  /** Gov't Code § 752.053(b): local entities may not limit status inquiries, sharing or cooperation. */
  cooperationNotLimited: 'tx.gov-752.053.b',
  /** Penal Code § 39.07: failure to comply with an immigration detainer request. */
  failureToComply: 'tx.penal-39.07',
  /** Gov't Code § 752.056: civil penalties on local entities. */
  civilPenalty: 'tx.gov-752.056',
} as const);
