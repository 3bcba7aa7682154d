import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { TEST_STORES } from '../testing/test-stores.js';
import type { Store } from './open-store.js';
import { groupCommitter } from './group-commit.js';

interface Notes {
  notes: { id: number; text: string };
}

function notesDb(): Kysely<Notes> {
  const database = new Database(':memory:');
  database.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
  return new Kysely<Notes>({ dialect: new SqliteDialect({ database }) });
}

/** A flush of the log that the test completes or fails by hand. */
function manualSync() {
  const waiting: { resolve: () => void; reject: (error: Error) => void }[] = [];
  return {
    sync: () =>
      new Promise<void>((resolve, reject) => {
        waiting.push({ resolve, reject });
      }),
    get pending() {
      return waiting.length;
    },
    complete: () => {
      waiting.shift()?.resolve();
    },
    fail: (error: Error) => {
      waiting.shift()?.reject(error);
    },
  };
}

const settledYet = async (promise: Promise<unknown>) => {
  let settled = false;
  promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  await new Promise((resolve) => setImmediate(resolve));
  return settled;
};

describe('group commit', () => {
  it('commits concurrent transactions together; a failing one undoes only its own changes', async () => {
    const db = notesDb();
    let syncs = 0;
    const committer = groupCommitter(db, {
      sync: () => {
        syncs += 1;
        return Promise.resolve();
      },
    });
    const insert = (id: number, fail: boolean) =>
      committer.run(async (trx) => {
        await trx
          .insertInto('notes')
          .values({ id, text: `note ${String(id)}` })
          .execute();
        await trx
          .insertInto('notes')
          .values({ id: id + 100, text: 'second row' })
          .execute();
        if (fail) throw new Error(`transaction ${String(id)} refused`);
        return id;
      });
    const results = await Promise.allSettled([1, 2, 3, 4, 5].map((id) => insert(id, id === 3)));
    assert.deepEqual(
      results.map((result) => result.status),
      ['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled'],
    );
    const rows = await db.selectFrom('notes').select('id').orderBy('id').execute();
    assert.deepEqual(
      rows.map((row) => row.id),
      [1, 2, 4, 5, 101, 102, 104, 105],
    );
    assert.equal(syncs, 1, 'one flush for the whole batch');
    // A batch in which every transaction failed does not stop the next one.
    await assert.rejects(insert(6, true), /refused/);
    assert.equal(await insert(7, false), 7);
    await committer.idle();
    await db.destroy();
  });

  it('each transaction sees the ones before it in the batch', async () => {
    const db = notesDb();
    const committer = groupCommitter(db, { sync: () => Promise.resolve() });
    const counts = await Promise.all(
      [1, 2, 3].map((id) =>
        committer.run(async (trx) => {
          await trx.insertInto('notes').values({ id, text: 'x' }).execute();
          return (await trx.selectFrom('notes').select('id').execute()).length;
        }),
      ),
    );
    assert.deepEqual(counts, [1, 2, 3]);
    await db.destroy();
  });

  it('answers only after the flush; after a failed flush nothing is acknowledged again', async () => {
    const db = notesDb();
    const disk = manualSync();
    const committer = groupCommitter(db, { sync: disk.sync });
    const first = committer.run(async (trx) => {
      await trx.insertInto('notes').values({ id: 1, text: 'first' }).execute();
      return 'first';
    });
    while (disk.pending === 0) await new Promise((resolve) => setImmediate(resolve));
    assert.equal(await settledYet(first), false, 'committed but not yet on disk: no answer');
    disk.complete();
    assert.equal(await first, 'first');

    const second = committer.run(async (trx) => {
      await trx.insertInto('notes').values({ id: 2, text: 'second' }).execute();
    });
    while (disk.pending === 0) await new Promise((resolve) => setImmediate(resolve));
    disk.fail(new Error('EIO'));
    await assert.rejects(second, /EIO/);
    const third = committer.run(async (trx) => {
      await trx.insertInto('notes').values({ id: 3, text: 'third' }).execute();
    });
    await assert.rejects(third, /EIO/);
    assert.equal(disk.pending, 0, 'no flush is even tried after a failed one');
    await committer.idle();
    await db.destroy();
  });
});

for (const kind of TEST_STORES) {
  describe(`store transactions (${kind.name})`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    before(async () => {
      ({ store, dispose } = await kind.open());
    });
    after(() => dispose());

    it('concurrent transactions are atomic and isolated: a failure stores nothing of its own', async () => {
      const person = (id: string) => ({
        id,
        name: 'Test Person',
        dateOfBirth: null,
        nysid: null,
        fbiNumber: null,
        aNumber: null,
        createdAt: '2026-01-01T00:00:00.000Z',
      });
      const results = await Promise.allSettled(
        Array.from({ length: 12 }, (_, i) =>
          store.transaction(async (trx) => {
            await trx
              .insertInto('persons')
              .values(person(`p-${String(i)}`))
              .execute();
            if (i % 4 === 1) {
              // The same id twice: the database refuses the second row.
              await trx
                .insertInto('persons')
                .values(person(`p-${String(i)}`))
                .execute();
            }
            return i;
          }),
        ),
      );
      const stored = await store.db.selectFrom('persons').select('id').execute();
      const expected = results.flatMap((result, i) =>
        result.status === 'fulfilled' ? [`p-${String(i)}`] : [],
      );
      assert.equal(expected.length, 9);
      assert.deepEqual(stored.map((row) => row.id).sort(), expected.sort());
    });
  });
}
