import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Actor } from '../auth/roles.js';
import { DeskError } from '../desk/errors.js';
import { docIntakeWithWarrant } from '../testing/intake-fixtures.js';
import { TEST_STORES } from '../testing/test-stores.js';
import { intakeCase } from './case-service.js';
import { searchCases } from './case-search.js';
import { deskContext, type DeskContext } from './desk-context.js';

const clerk: Actor = { id: 'u-clerk', username: 'clerk', role: 'clerk' };
const auditor: Actor = { id: 'u-aud', username: 'auditor', role: 'auditor' };
const admin: Actor = { id: 'u-adm', username: 'admin', role: 'admin' };

const failsWith = (code: DeskError['code']) => (error: unknown) =>
  error instanceof DeskError && error.code === code;

for (const kind of TEST_STORES) {
  describe(`case search by booking number, NYSID, A-number and name (${kind.name})`, () => {
    let ctx: DeskContext;
    let dispose: () => Promise<void>;
    const ids: Record<string, string> = {};

    before(async () => {
      const opened = await kind.open();
      dispose = opened.dispose;
      ctx = deskContext(opened.store);
      const people = [
        { booking: 'BK-100', name: 'Test Person Alpha', nysid: '12345678K', aNumber: 'A012345678' },
        {
          booking: 'BK-200',
          name: 'Synthetic O_Brien 100%',
          nysid: '7654321Z',
          aNumber: '87654321',
        },
        { booking: 'bk-300', name: 'Another Alphason', nysid: undefined, aNumber: undefined },
      ];
      for (const person of people) {
        const intake = docIntakeWithWarrant(person.booking);
        intake.person = { name: person.name, nysid: person.nysid, aNumber: person.aNumber };
        ids[person.booking] = (await intakeCase(ctx, clerk, intake)).id;
      }
    });
    after(() => dispose());

    const found = async (q: string, actor: Actor = clerk) =>
      (await searchCases(ctx, actor, { q })).items.map((item) => item.bookingNumber).sort();

    it('finds a booking number, NYSID or A-number whole, whatever the letter case', async () => {
      assert.deepEqual(await found('BK-300'), ['bk-300']);
      assert.deepEqual(await found('bk-100'), ['BK-100']);
      assert.deepEqual(await found('12345678k'), ['BK-100']);
      assert.deepEqual(await found('BK-1'), [], 'a booking number is not matched in part');
    });

    it('finds an A-number with or without its A and leading zero', async () => {
      for (const q of ['A012345678', '012345678', '12345678', 'a12345678'])
        assert.deepEqual(await found(q), ['BK-100'], q);
      assert.deepEqual(await found('A087654321'), ['BK-200']);
    });

    it('finds part of a name, with % and _ read as letters', async () => {
      assert.deepEqual(await found('alpha'), ['BK-100', 'bk-300']);
      assert.deepEqual(await found('o_b'), ['BK-200']);
      assert.deepEqual(await found('100%'), ['BK-200']);
      assert.deepEqual(await found('a%a'), []);
    });

    it('answers the names and identifiers, pages, and counts every match', async () => {
      const page = await searchCases(ctx, clerk, { q: 'alpha', limit: 1, offset: 1 });
      assert.equal(page.total, 2);
      assert.equal(page.items.length, 1);
      const hit = (await searchCases(ctx, clerk, { q: 'BK-100' })).items[0]!;
      assert.equal(hit.id, ids['BK-100']);
      assert.equal(hit.name, 'Test Person Alpha');
      assert.equal(hit.nysid, '12345678K');
      assert.equal(hit.aNumber, 'A012345678');
      assert.equal(hit.status, 'received');
    });

    it('is audited: who searched and which cases were shown, never the words searched for', async () => {
      await searchCases(ctx, auditor, { q: 'Alphason' });
      const entry = await ctx.store.db
        .selectFrom('auditEntries')
        .selectAll()
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      assert.equal(entry.action, 'case.search');
      assert.equal(entry.actor, 'auditor');
      assert.deepEqual(JSON.parse(entry.payloadJson), {
        total: 1,
        offset: 0,
        shown: [ids['bk-300']],
      });
      assert.doesNotMatch(entry.payloadJson, /Alphason/i);
    });

    it('refuses a role that may not read cases, and a query too short, changing nothing', async () => {
      const size = async () =>
        (await ctx.store.db.selectFrom('auditHead').select('size').executeTakeFirstOrThrow()).size;
      const before = await size();
      await assert.rejects(searchCases(ctx, admin, { q: 'alpha' }), failsWith('forbidden'));
      await assert.rejects(searchCases(ctx, clerk, { q: ' a ' }), (error: unknown) => {
        assert.ok(failsWith('invalid-input')(error));
        assert.deepEqual(
          (error as DeskError).issues.map((issue) => issue.path),
          ['q'],
        );
        return true;
      });
      assert.equal(await size(), before);
    });
  });
}
