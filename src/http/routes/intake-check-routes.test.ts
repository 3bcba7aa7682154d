import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestDesk, type TestDesk } from '../../testing/desk-server.js';
import { docIntakeWithWarrant } from '../../testing/intake-fixtures.js';
import { TEST_STORES } from '../../testing/test-stores.js';

interface Problem {
  status: number;
  errors?: { path: string; message: string }[];
}

for (const kind of TEST_STORES) {
  describe(`checking an intake without recording it (${kind.name})`, () => {
    let desk: TestDesk;
    before(async () => {
      desk = await startTestDesk(kind);
    });
    after(() => desk.close());

    /** Rows in the tables an intake writes, and the audit log. */
    const counts = async () => {
      const db = desk.ctx.store.db;
      const count = async (table: 'cases' | 'persons' | 'decisions' | 'auditEntries') =>
        Number(
          (
            await db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      return {
        cases: await count('cases'),
        persons: await count('persons'),
        decisions: await count('decisions'),
        audit: await count('auditEntries'),
      };
    };

    it('answers 204 for a good intake, the intake’s own 400 problem for a bad one, and stores nothing', async () => {
      const clerk = await desk.as('clerk');
      const before = await counts();
      const good = await clerk.request('POST', '/api/cases/check', {
        body: docIntakeWithWarrant('CHECK-1'),
      });
      assert.equal(good.status, 204, good.text);

      const intake = docIntakeWithWarrant('CHECK-2');
      const bad = {
        ...intake,
        person: { ...intake.person, nysid: '123' },
        request: { ...intake.request, receivedAt: '2999-01-01T00:00:00Z' },
      };
      const checked = await clerk.request('POST', '/api/cases/check', { body: bad });
      const recorded = await clerk.request('POST', '/api/cases', { body: { ...bad } });
      assert.equal(checked.status, 400);
      // The same words, field by field, as the intake itself answers (the schema's, then the service's).
      assert.deepEqual((checked.body as Problem).errors, (recorded.body as Problem).errors);
      assert.ok((checked.body as Problem).errors?.some((e) => e.path === 'person.nysid'));

      const future = await clerk.request('POST', '/api/cases/check', {
        body: { ...intake, request: { ...intake.request, receivedAt: '2999-01-01T00:00:00Z' } },
      });
      assert.equal(future.status, 400);
      assert.deepEqual(
        (future.body as Problem).errors?.map((e) => e.path),
        ['request.receivedAt'],
      );
      assert.deepEqual(await counts(), before);
    });

    it('is refused to a role that may not record an intake', async () => {
      const reviewer = await desk.as('reviewer');
      const refused = await reviewer.request('POST', '/api/cases/check', {
        body: docIntakeWithWarrant('CHECK-3'),
      });
      assert.equal(refused.status, 403);
    });
  });
}
