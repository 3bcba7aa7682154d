/**
 * Appends to the audit log inside the caller's transaction, so a change and its audit entry are
 * stored together or not at all. The head row is locked (PostgreSQL) or the database is the one
 * writer (SQLite), so sequence numbers have no gaps and the chain has no forks.
 *
 * Each append also keeps the Merkle tree: the entry stores the roots of the perfect subtrees it
 * completes, and the head the tree's compact range, so a checkpoint reads one row and a proof a few
 * entries (src/audit/tree-nodes.ts) instead of rebuilding the tree from every leaf.
 * @module
 */
import type { Transaction } from 'kysely';
import { chainHash, leafHashOf, type AuditEntry, type JsonValue } from '../audit/leaf.js';
import { TreeBuilder } from '../audit/merkle.js';
import { hashesFromHex, hashesToHex } from '../audit/tree-nodes.js';
import { insertRows, prepareQuery } from './compiled-query.js';
import type { Database } from './schema.js';
import type { Dialect } from './dialect.js';

export interface AuditInput extends Omit<AuditEntry, 'seq' | 'payload'> {
  payload: Record<string, unknown>;
}

const lockHead = prepareQuery((db, _: Record<string, never>, dialect) => {
  const query = db
    .selectFrom('auditHead')
    .select(['size', 'lastHash', 'compactRange'])
    .where('id', '=', 1);
  return dialect === 'postgres' ? query.forUpdate() : query;
});

const moveHead = prepareQuery(
  (db, head: { size: number; lastHash: string; compactRange: string }) =>
    db
      .updateTable('auditHead')
      .set({ size: head.size, lastHash: head.lastHash, compactRange: head.compactRange })
      .where('id', '=', 1),
);

/**
 * Appends `inputs` in order, in one insert, and returns the last one's sequence number. The head is
 * locked and moved once for all of them, so a caller appending at the end of its transaction holds
 * the log's one lock only until its commit.
 */
export async function appendAudit(
  ctx: { store: { dialect: Dialect } },
  trx: Transaction<Database>,
  ...inputs: AuditInput[]
): Promise<number> {
  const { dialect } = ctx.store;
  const head = await lockHead.first(trx, dialect, {});
  if (head === undefined) throw new Error('the audit log has no head row');
  // A head whose range does not fit its size was edited: refuse to build on it.
  const tree = new TreeBuilder(head.size, hashesFromHex(head.compactRange));
  let lastHash: Buffer = Buffer.from(head.lastHash, 'hex');
  const rows = inputs.map((input) => {
    const seq = tree.size;
    // The leaf covers the payload exactly as stored and read back: JSON, without undefined fields.
    const payloadJson = JSON.stringify(input.payload);
    const entry: AuditEntry = { seq, ...input, payload: JSON.parse(payloadJson) as JsonValue };
    const leafHash = leafHashOf(entry);
    const subtrees: Buffer[] = [];
    tree.append(leafHash, (_level, _index, hash) => subtrees.push(hash));
    const row = {
      seq,
      at: entry.at,
      actor: entry.actor,
      action: entry.action,
      subject: entry.subject,
      payloadJson,
      leafHash: leafHash.toString('hex'),
      prevHash: lastHash.toString('hex'),
      subtreeHashes: hashesToHex(subtrees),
    };
    lastHash = chainHash(lastHash, leafHash);
    return row;
  });
  await insertRows(trx, dialect, 'auditEntries', rows);
  await moveHead.run(trx, dialect, {
    size: tree.size,
    lastHash: lastHash.toString('hex'),
    compactRange: hashesToHex(tree.subtrees),
  });
  return tree.size - 1;
}
