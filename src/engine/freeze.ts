/**
 * Freezing what the engine builds once and hands to every decision (clause lists, notices,
 * shared answers): a caller that changes one decision must get an error, not change the next.
 * @module
 */

/** Freezes `value` and everything reachable from it, once, where it is built; returns it. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
