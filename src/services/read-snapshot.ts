/**
 * A read that must see the log and the records as of one instant (a report and the audit state it
 * stands on): one transaction, which on PostgreSQL is a read-only repeatable-read snapshot from
 * its first statement; SQLite's transaction is one already.
 * @module
 */
import { sql } from 'kysely';
import type { Trx } from './case-transaction.js';
import type { DeskContext } from './desk-context.js';

export function readOnlySnapshot<T>(ctx: DeskContext, work: (trx: Trx) => Promise<T>): Promise<T> {
  return ctx.store.transaction(async (trx) => {
    if (ctx.store.dialect === 'postgres') {
      await sql`set transaction isolation level repeatable read read only`.execute(trx);
    }
    return work(trx);
  });
}
