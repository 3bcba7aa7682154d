import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Actor } from '../auth/roles.js';
import { DeskError } from '../desk/errors.js';
import { DECISION_TIME, docIntakeWithWarrant } from '../testing/intake-fixtures.js';
import { TEST_STORES } from '../testing/test-stores.js';
import { intakeCase, loadCaseView, updateRecord } from './case-service.js';
import { searchCases } from './case-search.js';
import { deskContext, type DeskContext } from './desk-context.js';

const clerk: Actor = { id: 'u-clerk', username: 'clerk', role: 'clerk' };

for (const kind of TEST_STORES) {
  describe(`correcting the person on a case (${kind.name})`, () => {
    let ctx: DeskContext;
    let dispose: () => Promise<void>;

    before(async () => {
      const opened = await kind.open();
      dispose = opened.dispose;
      ctx = deskContext(opened.store, { now: () => DECISION_TIME });
    });
    after(() => dispose());

    const personIdOf = async (id: string) =>
      (
        await ctx.store.db
          .selectFrom('cases')
          .select('personId')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).personId;

    it('a misspelt name is corrected for the person, and search finds the new spelling', async () => {
      const { id } = await intakeCase(ctx, clerk, docIntakeWithWarrant('P-1'));
      const before = await personIdOf(id);
      await updateRecord(ctx, clerk, id, 1, { person: { name: 'Test Person Alphonse' } });
      const view = await loadCaseView(ctx, id);
      assert.equal(view.person.name, 'Test Person Alphonse');
      assert.equal(await personIdOf(id), before, 'the same NYSID is the same person');
      const hits = await searchCases(ctx, clerk, { q: 'Alphonse' });
      assert.deepEqual(
        hits.items.map((hit) => hit.id),
        [id],
      );
    });

    it('a corrected NYSID links the case to the person on record with it, or to a new one', async () => {
      const other = await intakeCase(ctx, clerk, {
        ...docIntakeWithWarrant('P-2'),
        person: { name: 'Test Person Gamma', nysid: '11111111A' },
      });
      const { id } = await intakeCase(ctx, clerk, {
        ...docIntakeWithWarrant('P-3'),
        person: { name: 'Test Person Gamma', nysid: '22222222B' },
      });
      await updateRecord(ctx, clerk, id, 1, { person: { nysid: '11111111A' } });
      assert.equal(await personIdOf(id), await personIdOf(other.id));
      await updateRecord(ctx, clerk, id, 2, { person: { nysid: '33333333C' } });
      assert.notEqual(await personIdOf(id), await personIdOf(other.id));
      const fresh = await ctx.store.db
        .selectFrom('persons')
        .select('nysid')
        .where('id', '=', await personIdOf(id))
        .executeTakeFirstOrThrow();
      assert.equal(fresh.nysid, '33333333C');
    });

    it('a NYSID corrected while the A-number stays is corrected on the same person', async () => {
      const { id } = await intakeCase(ctx, clerk, {
        ...docIntakeWithWarrant('P-5'),
        person: { name: 'Test Person Delta', nysid: '44444444D', aNumber: 'A044444444' },
      });
      const before = await personIdOf(id);
      await updateRecord(ctx, clerk, id, 1, { person: { nysid: '55555555E' } });
      assert.equal(await personIdOf(id), before);
      const hits = await searchCases(ctx, clerk, { q: '55555555E' });
      assert.deepEqual(
        hits.items.map((hit) => hit.id),
        [id],
      );
    });

    it('a malformed identifier is refused naming its field, and nothing changes', async () => {
      const { id } = await intakeCase(ctx, clerk, docIntakeWithWarrant('P-4'));
      await assert.rejects(
        updateRecord(ctx, clerk, id, 1, { person: { nysid: 'not-a-nysid', aNumber: null } }),
        (error: unknown) =>
          error instanceof DeskError && error.issues.some((issue) => issue.path === 'person.nysid'),
      );
      assert.equal((await loadCaseView(ctx, id)).version, 1);
      await assert.rejects(
        updateRecord(ctx, clerk, id, 1, { person: {} }),
        (error: unknown) => error instanceof DeskError && error.code === 'invalid-input',
      );
    });
  });
}
