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

/** Both hold: false if either is false, unknown if either is not recorded. */
export function triAnd(...values: readonly Tri[]): Tri {
  if (values.includes(false)) return false;
  return values.includes(UNKNOWN) ? UNKNOWN : true;
}

/** Either holds: true if either is true, unknown if the rest are not recorded. */
export function triOr(...values: readonly Tri[]): Tri {
  if (values.includes(true)) return true;
  return values.includes(UNKNOWN) ? UNKNOWN : false;
}

export function triNot(value: Tri): Tri {
  return value === UNKNOWN ? UNKNOWN : !value;
}
