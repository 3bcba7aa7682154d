/**
 * What every application service is given: the store, the law engine and a clock. No globals,
 * so tests run the services against a real SQLite file or PostgreSQL with a fixed clock.
 * @module
 */
import type { Engine } from '../engine/evaluate.js';
import { engine as defaultEngine } from '../index.js';
import type { Store } from '../store/open-store.js';
import { timeOrderedId } from './time-ordered-id.js';

export interface DeskContext {
  readonly store: Store;
  readonly engine: Engine;
  /** Now, as an ISO instant in UTC. */
  readonly now: () => string;
  /** A new record id, ordered by time of creation. */
  readonly newId: () => string;
}

export function deskContext(
  store: Store,
  options: { now?: () => string; engine?: Engine } = {},
): DeskContext {
  return {
    store,
    engine: options.engine ?? defaultEngine,
    now: options.now ?? (() => new Date().toISOString()),
    newId: timeOrderedId,
  };
}
