import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql, type Kysely } from 'kysely';
import { TEST_STORES } from '../testing/test-stores.js';
import { appendAudit } from './audit-writer.js';
import * as auditSubtrees from './migrations/0005-audit-subtrees.js';
import type { Store } from './open-store.js';

/**
 * Puts the store's audit tables back as they were before migration 0005: no stored subtrees.
 * The migration is then run itself (later migrations have run, so the migrator would not).
 */
async function beforeSubtrees(store: Store) {
  await sql`ALTER TABLE audit_entries DROP COLUMN subtree_hashes`.execute(store.db);
  await sql`ALTER TABLE audit_head DROP COLUMN compact_range`.execute(store.db);
}

const upgrade = (store: Store) => auditSubtrees.up(store.db as Kysely<unknown>, store.dialect);

const storedTree = async (store: Store) => ({
  entries: await store.db
    .selectFrom('auditEntries')
    .select(['seq', 'subtreeHashes'])
    .orderBy('seq')
    .execute(),
  head: await store.db.selectFrom('auditHead').selectAll().executeTakeFirstOrThrow(),
});

for (const kind of TEST_STORES) {
  describe(`migration 0005 upgrades an existing audit log (${kind.name})`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    before(async () => {
      ({ store, dispose } = await kind.open());
      const entry = (n: number) => ({
        at: '2026-03-02T14:00:00.000Z',
        actor: 'clerk',
        action: 'case.read',
        subject: `case/${String(n)}`,
        payload: { version: n },
      });
      // Appends of one, two and three entries, as transactions make them.
      for (let n = 0; n < 37;) {
        const count = (n % 3) + 1;
        const inputs = Array.from({ length: count }, (_, i) => entry(n + i));
        await store.transaction((trx) => appendAudit({ store }, trx, ...inputs));
        n += count;
      }
    });
    after(() => dispose());

    it('computes the subtree hashes and compact range the writer would have stored', async () => {
      const written = await storedTree(store);
      assert.equal(written.head.size, 37);
      await beforeSubtrees(store);
      await upgrade(store);
      assert.deepEqual(await storedTree(store), written);
      await assert.rejects(
        sql`UPDATE audit_entries SET subtree_hashes = '' WHERE seq = 1`.execute(store.db),
        /append-only/,
      );
    });

    it('refuses a log with an entry missing below its head, naming it', async () => {
      await beforeSubtrees(store);
      if (store.dialect === 'sqlite') {
        await sql.raw('DROP TRIGGER audit_entries_no_delete').execute(store.db);
      } else {
        await sql
          .raw('ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_append_only')
          .execute(store.db);
      }
      await sql`DELETE FROM audit_entries WHERE seq = 20`.execute(store.db);
      await assert.rejects(upgrade(store), /says 37 entries but entry 20 is missing/);
    });
  });
}
