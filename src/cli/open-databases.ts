/**
 * The desk's store and ICE's database, opened for a command. One that cannot be opened (no
 * server there, wrong password, not a database file, held by another process) is the user's
 * to fix, so it is one line naming it, not an internal error.
 * @module
 */
import type { IceDatabase } from '../ice/ice-database.js';
import type { Store } from '../store/open-store.js';
import { UsageError } from './cli-errors.js';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A database URL fit to print: its password, if any, hidden. */
function shown(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

export async function openNamedStore(url: string): Promise<Store> {
  const { openStore } = await import('../store/open-store.js');
  try {
    return await openStore(url);
  } catch (error) {
    // Errors from the system, PostgreSQL and SQLite carry a code; a bug in our code does not.
    if (typeof (error as { code?: unknown }).code !== 'string') throw error;
    throw new UsageError(`cannot open the store ${shown(url)}: ${messageOf(error)}`);
  }
}

export async function openNamedIceDatabase(path: string): Promise<IceDatabase> {
  const { openIceDatabase } = await import('../ice/ice-database.js');
  try {
    return await openIceDatabase(path);
  } catch (error) {
    throw new UsageError(`cannot open the ICE database ${path}: ${messageOf(error)}`);
  }
}
