/**
 * Appends to the audit log inside the caller's transaction, so a change and its audit entry are
 * stored together or not at all. The head row is locked (PostgreSQL) or the database is the one
 * writer (SQLite), so sequence numbers have no gaps and the chain has no forks.
 * @module
 */
import type { Transaction } from 'kysely';
import { chainHash, leafHashOf, type AuditEntry, type JsonValue } from '../audit/leaf.js';
import type { Database } from './schema.js';
import type { Dialect } from './dialect.js';

export interface AuditInput extends Omit<AuditEntry, 'seq' | 'payload'> {
  payload: Record<string, unknown>;
}

export async function appendAudit(
  ctx: { store: { dialect: Dialect } },
  trx: Transaction<Database>,
  input: AuditInput,
): Promise<number> {
  let headQuery = trx.selectFrom('auditHead').select(['size', 'lastHash']).where('id', '=', 1);
  if (ctx.store.dialect === 'postgres') headQuery = headQuery.forUpdate();
  const head = await headQuery.executeTakeFirstOrThrow();
  const seq = head.size;
  // The leaf covers the payload exactly as stored and read back: JSON, without undefined fields.
  const payloadJson = JSON.stringify(input.payload);
  const entry: AuditEntry = { seq, ...input, payload: JSON.parse(payloadJson) as JsonValue };
  const leafHash = leafHashOf(entry);
  const prevHash = Buffer.from(head.lastHash, 'hex');
  await trx
    .insertInto('auditEntries')
    .values({
      seq,
      at: entry.at,
      actor: entry.actor,
      action: entry.action,
      subject: entry.subject,
      payloadJson,
      leafHash: Buffer.from(leafHash).toString('hex'),
      prevHash: head.lastHash,
    })
    .execute();
  await trx
    .updateTable('auditHead')
    .set({ size: seq + 1, lastHash: Buffer.from(chainHash(prevHash, leafHash)).toString('hex') })
    .where('id', '=', 1)
    .execute();
  return seq;
}
