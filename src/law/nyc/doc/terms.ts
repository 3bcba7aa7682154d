/**
 * Defined terms of § 9-131 that changed on their own dates, resolved by name to the definition
 * in force on the law date.
 * @module
 */
import { term } from '../../../engine/condition.js';

export const TERM = Object.freeze({
  federalImmigrationAuthority: 'nyc.9-131.federal-immigration-authority',
} as const);

export const federalImmigrationAuthority = term(
  TERM.federalImmigrationAuthority,
  'The requester is a "federal immigration authority"',
);
