import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TEST_STORES } from '../testing/test-stores.js';
import { insertRow, insertRows, prepareQuery, updateById } from './compiled-query.js';
import type { Store } from './open-store.js';

const byName = prepareQuery((db, values: { name: string; nysid: string }) =>
  db
    .selectFrom('persons')
    .select(['id', 'dateOfBirth'])
    .where('name', '=', values.name)
    .where('nysid', '=', values.nysid)
    .where('fbiNumber', 'is', null)
    .orderBy('id'),
);

const rename = prepareQuery((db, values: { id: string; name: string }) =>
  db.updateTable('persons').set({ name: values.name }).where('id', '=', values.id),
);

for (const kind of TEST_STORES) {
  describe(`compiled queries (${kind.name})`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    before(async () => {
      ({ store, dispose } = await kind.open());
    });
    after(() => dispose());

    it('run again and again with new values, inside and outside transactions', async () => {
      const { db, dialect } = store;
      for (const [id, name, nysid] of [
        ['a', 'Test Alpha', '1234567A'],
        ['b', 'Test Beta', '1234567B'],
        ['c', 'Test Alpha', '1234567A'],
      ] as const) {
        await store.transaction((trx) =>
          insertRow(trx, dialect, 'persons', {
            id,
            name,
            dateOfBirth: id === 'a' ? '1990-01-01' : null,
            nysid,
            fbiNumber: null,
            aNumber: null,
            createdAt: '2026-01-01T00:00:00.000Z',
          }),
        );
      }
      assert.deepEqual(await byName.all(db, dialect, { name: 'Test Alpha', nysid: '1234567A' }), [
        { id: 'a', dateOfBirth: '1990-01-01' },
        { id: 'c', dateOfBirth: null },
      ]);
      assert.deepEqual(await byName.first(db, dialect, { name: 'Test Beta', nysid: '1234567B' }), {
        id: 'b',
        dateOfBirth: null,
      });
      assert.equal(await byName.first(db, dialect, { name: 'Test Beta', nysid: 'x' }), undefined);
      await store.transaction((trx) => rename.run(trx, dialect, { id: 'b', name: 'Test Gamma' }));
      assert.equal(
        (await byName.first(db, dialect, { name: 'Test Gamma', nysid: '1234567B' }))?.id,
        'b',
      );
    });

    it('updates one row by id, leaving undefined columns as they were', async () => {
      const { db, dialect } = store;
      for (const id of ['u1', 'u2']) {
        await store.transaction((trx) =>
          insertRow(trx, dialect, 'persons', {
            id,
            name: 'Test Upsilon',
            dateOfBirth: '1980-05-06',
            nysid: null,
            fbiNumber: null,
            aNumber: null,
            createdAt: '2026-01-01T00:00:00.000Z',
          }),
        );
      }
      for (const [name, aNumber] of [
        ['Test Phi', 'A012345678'],
        ['Test Chi', 'A087654321'],
      ] as const) {
        await store.transaction((trx) =>
          updateById(trx, dialect, 'persons', 'u1', { name, aNumber, dateOfBirth: undefined }),
        );
      }
      const rows = await db
        .selectFrom('persons')
        .select(['id', 'name', 'aNumber', 'dateOfBirth'])
        .where('id', 'in', ['u1', 'u2'])
        .orderBy('id')
        .execute();
      assert.deepEqual(rows, [
        { id: 'u1', name: 'Test Chi', aNumber: 'A087654321', dateOfBirth: '1980-05-06' },
        { id: 'u2', name: 'Test Upsilon', aNumber: null, dateOfBirth: '1980-05-06' },
      ]);
    });

    it('inserts several rows in one statement, each with its own values', async () => {
      const { db, dialect } = store;
      const person = (id: string, name: string) => ({
        id,
        name,
        dateOfBirth: null,
        nysid: null,
        fbiNumber: null,
        aNumber: `A0000000${id.slice(1)}`,
        createdAt: '2026-01-01T00:00:00.000Z',
      });
      await store.transaction((trx) =>
        insertRows(trx, dialect, 'persons', [person('m1', 'Test Mu'), person('m2', 'Test Nu')]),
      );
      await store.transaction((trx) =>
        insertRows(trx, dialect, 'persons', [
          person('m3', 'Test Xi'),
          person('m4', 'Test Omicron'),
          person('m5', 'Test Pi'),
        ]),
      );
      await store.transaction((trx) => insertRows(trx, dialect, 'persons', []));
      const rows = await db
        .selectFrom('persons')
        .select(['id', 'name', 'aNumber'])
        .where('id', 'like', 'm%')
        .orderBy('id')
        .execute();
      assert.deepEqual(rows, [
        { id: 'm1', name: 'Test Mu', aNumber: 'A00000001' },
        { id: 'm2', name: 'Test Nu', aNumber: 'A00000002' },
        { id: 'm3', name: 'Test Xi', aNumber: 'A00000003' },
        { id: 'm4', name: 'Test Omicron', aNumber: 'A00000004' },
        { id: 'm5', name: 'Test Pi', aNumber: 'A00000005' },
      ]);
    });

    it('refuses to run without a value rather than store a wrong one', async () => {
      await assert.rejects(
        byName.all(store.db, store.dialect, { name: 'Test Alpha' } as {
          name: string;
          nysid: string;
        }),
        /needs a value for nysid/,
      );
    });
  });
}
