/**
 * Keeps the audit log's Merkle tree in the store, so a checkpoint or a proof no longer rebuilds it
 * from every leaf: each entry gets the roots of the perfect subtrees it completes, and the head the
 * tree's compact range (src/store/audit-writer.ts). The entries already logged get theirs here,
 * computed from their stored leaf hashes in seq order.
 *
 * The entries are append-only (triggers): the guard is lifted for this one derived column and put
 * back in the same transaction. An upgrade needs the log intact up to its head, because nodes over
 * a missing entry cannot be computed; a damaged log stops the upgrade with the seq that is missing.
 * @module
 */
import { sql, type Kysely } from 'kysely';
import { TreeBuilder } from '../../audit/merkle.js';
import { hashesToHex } from '../../audit/tree-nodes.js';
import type { Dialect } from '../dialect.js';

const PAGE = 5000;

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .alterTable('audit_entries')
    .addColumn('subtree_hashes', 'text', (column) => column.notNull().defaultTo(''))
    .execute();
  await db.schema
    .alterTable('audit_head')
    .addColumn('compact_range', 'text', (column) => column.notNull().defaultTo(''))
    .execute();

  const { rows: heads } = await sql<{
    size: number;
  }>`SELECT size FROM audit_head WHERE id = 1`.execute(db);
  const size = heads[0]?.size ?? 0;
  await guard(db, dialect, 'lift');
  const tree = new TreeBuilder();
  while (tree.size < size) {
    const { rows } = await sql<{ seq: number; leafHash: string }>`
      SELECT seq, leaf_hash FROM audit_entries WHERE seq >= ${tree.size} AND seq < ${size}
      ORDER BY seq LIMIT ${PAGE}`.execute(db);
    const updates: [number, string][] = [];
    for (const row of rows) {
      if (row.seq !== tree.size) break;
      const subtrees: Buffer[] = [];
      tree.append(Buffer.from(row.leafHash, 'hex'), (_level, _index, hash) => subtrees.push(hash));
      if (subtrees.length > 0) updates.push([row.seq, hashesToHex(subtrees)]);
    }
    if (updates.length > 0) {
      const values = sql.join(
        updates.map(([seq, hashes]) => sql`(CAST(${seq} AS integer), CAST(${hashes} AS text))`),
      );
      await sql`
        WITH v(seq, hashes) AS (VALUES ${values})
        UPDATE audit_entries SET subtree_hashes = v.hashes FROM v WHERE audit_entries.seq = v.seq`.execute(
        db,
      );
    }
    if (rows.length === 0 || rows[rows.length - 1]!.seq !== tree.size - 1) {
      throw new Error(
        `the audit log's head says ${String(size)} entries but entry ${String(tree.size)} is missing: ` +
          'the log was damaged; restore the database from a backup before upgrading',
      );
    }
  }
  await guard(db, dialect, 'restore');
  await sql`UPDATE audit_head SET compact_range = ${hashesToHex(tree.subtrees)} WHERE id = 1`.execute(
    db,
  );
}

/** Lifts or restores the append-only guard on updates of audit entries (see 0001-initial). */
async function guard(db: Kysely<unknown>, dialect: Dialect, action: 'lift' | 'restore') {
  if (dialect === 'postgres') {
    const verb = action === 'lift' ? 'DISABLE' : 'ENABLE';
    await sql
      .raw(`ALTER TABLE audit_entries ${verb} TRIGGER audit_entries_append_only`)
      .execute(db);
  } else if (action === 'lift') {
    await sql.raw('DROP TRIGGER audit_entries_no_update').execute(db);
  } else {
    await sql
      .raw(
        'CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries ' +
          "BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END",
      )
      .execute(db);
  }
}
