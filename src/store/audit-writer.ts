/**
 * Appends to the audit log inside the caller's transaction, so a change and its audit entry are
 * stored together or not at all. The head row is locked (PostgreSQL) or the database is the one
 * writer (SQLite), so sequence numbers have no gaps and the chain has no forks.
 * @module
 */
import type { Transaction } from 'kysely';
import { chainHash, leafHashOf, type AuditEntry, type JsonValue } from '../audit/leaf.js';
import { insertRows, prepareQuery } from './compiled-query.js';
import type { Database } from './schema.js';
import type { Dialect } from './dialect.js';

export interface AuditInput extends Omit<AuditEntry, 'seq' | 'payload'> {
  payload: Record<string, unknown>;
}

const lockHead = prepareQuery((db, _: Record<string, never>, dialect) => {
  const query = db.selectFrom('auditHead').select(['size', 'lastHash']).where('id', '=', 1);
  return dialect === 'postgres' ? query.forUpdate() : query;
});

const moveHead = prepareQuery((db, head: { size: number; lastHash: string }) =>
  db.updateTable('auditHead').set({ size: head.size, lastHash: head.lastHash }).where('id', '=', 1),
);

/**
 * Appends `inputs` in order, in one insert. The head is locked and moved once for all of them, so
 * a caller appending at the end of its transaction holds the log's one lock only until its commit.
 */
export async function appendAudit(
  ctx: { store: { dialect: Dialect } },
  trx: Transaction<Database>,
  ...inputs: AuditInput[]
): Promise<void> {
  const { dialect } = ctx.store;
  const head = await lockHead.first(trx, dialect, {});
  if (head === undefined) throw new Error('the audit log has no head row');
  let seq = head.size;
  let lastHash: Buffer = Buffer.from(head.lastHash, 'hex');
  const rows = inputs.map((input) => {
    // The leaf covers the payload exactly as stored and read back: JSON, without undefined fields.
    const payloadJson = JSON.stringify(input.payload);
    const entry: AuditEntry = { seq, ...input, payload: JSON.parse(payloadJson) as JsonValue };
    const leafHash = leafHashOf(entry);
    const row = {
      seq,
      at: entry.at,
      actor: entry.actor,
      action: entry.action,
      subject: entry.subject,
      payloadJson,
      leafHash: leafHash.toString('hex'),
      prevHash: lastHash.toString('hex'),
    };
    lastHash = chainHash(lastHash, leafHash);
    seq += 1;
    return row;
  });
  await insertRows(trx, dialect, 'auditEntries', rows);
  await moveHead.run(trx, dialect, { size: seq, lastHash: lastHash.toString('hex') });
}
