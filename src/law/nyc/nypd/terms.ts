/**
 * Defined terms of § 14-154 that changed on their own dates, resolved by name to the definition
 * in force on the law date.
 * @module
 */
import { term } from '../../../engine/condition.js';

export const NYPD_TERM = Object.freeze({
  federalImmigrationAuthority: 'nyc.14-154.federal-immigration-authority',
} as const);

export const nypdFederalImmigrationAuthority = term(
  NYPD_TERM.federalImmigrationAuthority,
  'The requester is a "federal immigration authority" (§ 14-154)',
);
