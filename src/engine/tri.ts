/**
 * Three-valued facts. The law, not the engine, says what an unknown fact means: a rule that
 * needs a fact it does not have reports the fact as missing instead of treating it as false.
 * @module
 */

/** A fact that is known to hold, known not to hold, or not recorded. */
export type Tri = true | false | 'unknown';

export const UNKNOWN = 'unknown' as const;

/** Reads an optional recorded value as a three-valued fact: absent means not recorded. */
export function tri(value: boolean | 'unknown' | undefined): Tri {
  return value === undefined ? UNKNOWN : value;
}
