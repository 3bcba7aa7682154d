import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { TEST_STORES } from '../testing/test-stores.js';
import { migrateToLatest, type Store } from './open-store.js';

for (const kind of TEST_STORES) {
  describe(`migrations (${kind.name})`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    before(async () => {
      ({ store, dispose } = await kind.open());
    });
    after(() => dispose());

    it('are all applied when a store opens, and applying them again changes nothing', async () => {
      assert.deepEqual(await migrateToLatest(store), []);
    });

    it('intake writes only the indexes of cases that queries read', async () => {
      const indexes =
        store.dialect === 'sqlite'
          ? await sql<{ name: string }>`
              SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'cases'
                AND name NOT LIKE 'sqlite_autoindex_%'`.execute(store.db)
          : await sql<{ name: string }>`
              SELECT indexname AS name FROM pg_indexes WHERE tablename = 'cases'
                AND indexname NOT LIKE '%_pkey' AND indexname NOT LIKE '%_key'`.execute(store.db);
      assert.deepEqual(indexes.rows.map((row) => row.name).sort(), [
        'cases_received',
        'cases_status',
      ]);
    });

    it('intake finds a person by NYSID or A-number through an index, not a scan', async () => {
      if (store.dialect === 'sqlite') {
        for (const column of ['nysid', 'a_number']) {
          const plan = await sql<{
            detail: string;
          }>`EXPLAIN QUERY PLAN SELECT id FROM persons WHERE ${sql.ref(column)} = 'x'`.execute(
            store.db,
          );
          assert.match(plan.rows.map((row) => row.detail).join('\n'), /USING INDEX persons_/);
        }
      } else {
        const indexes = await sql<{ indexname: string }>`
          SELECT indexname FROM pg_indexes WHERE tablename = 'persons'`.execute(store.db);
        const names = indexes.rows.map((row) => row.indexname);
        assert.ok(
          names.includes('persons_nysid') && names.includes('persons_a_number'),
          names.join(),
        );
      }
    });
  });
}
