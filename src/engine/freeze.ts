/**
 * Freezing what the engine and the law build once and hand to every caller (clause lists,
 * notices, shared answers, provisions, tables): a caller that changes one must get an error,
 * not change it for the next.
 * @module
 */

/**
 * Freezes `value` and everything reachable from it, once, where it is built; returns it. Goes
 * on through objects already frozen, whose parts may not be.
 */
export function deepFreeze<T>(value: T): T {
  freezeAll(value, new Set());
  return value;
}

function freezeAll(value: unknown, seen: Set<object>): void {
  if (typeof value !== 'object' || value === null || seen.has(value)) return;
  seen.add(value);
  Object.freeze(value);
  for (const child of Object.values(value)) freezeAll(child, seen);
}
