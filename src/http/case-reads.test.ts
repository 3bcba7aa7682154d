/**
 * Issue 10, items 1 and 12 over HTTP: a correction's bad fields are a 400 naming them; refused
 * reads of a case file are audited (a caller not signed in as "(anonymous)"), and bounded, so no
 * one can flood the audit log with them.
 * @module
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { docIntakeWithWarrant } from '../testing/intake-fixtures.js';
import { startTestDesk, type TestDesk } from '../testing/desk-server.js';
import { TEST_STORES } from '../testing/test-stores.js';
import { REFUSED_READS } from './routes/case-routes.js';

interface Problem {
  status: number;
  errors?: { path: string; message: string }[];
}

for (const kind of TEST_STORES) {
  describe(`case reads and corrections over HTTP (${kind.name})`, () => {
    let desk: TestDesk;
    let caseId: string;

    before(async () => {
      desk = await startTestDesk(kind);
      const clerk = await desk.as('clerk');
      caseId = (
        (await clerk.request('POST', '/api/cases', { body: docIntakeWithWarrant('H-READS') }))
          .body as { id: string }
      ).id;
    });
    after(() => desk.close());

    const auditSize = async () =>
      (await desk.ctx.store.db.selectFrom('auditHead').select('size').executeTakeFirstOrThrow())
        .size;
    const lastAudit = () =>
      desk.ctx.store.db
        .selectFrom('auditEntries')
        .selectAll()
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();

    it('a correction changes only what it names; an empty one is a 400 and changes nothing', async () => {
      const clerk = await desk.as('clerk');
      const read = async () =>
        (await clerk.request('GET', `/api/cases/${caseId}`)).body as {
          version: number;
          history: unknown;
        };
      const original = await read();
      const empty = await clerk.request('POST', `/api/cases/${caseId}/record`, {
        body: {},
        headers: { 'if-match': `"${String(original.version)}"` },
      });
      assert.equal(empty.status, 400);
      const bad = await clerk.request('POST', `/api/cases/${caseId}/record`, {
        body: { history: { convictions: { remove: [7] } }, custody: { bookingNumber: null } },
        headers: { 'if-match': `"${String(original.version)}"` },
      });
      assert.equal(bad.status, 400);
      assert.deepEqual(
        (bad.body as Problem).errors?.map((error) => error.path),
        ['custody.bookingNumber'],
      );
      const fine = await clerk.request('POST', `/api/cases/${caseId}/record`, {
        body: { custody: { facility: 'Synthetic Annex' } },
        headers: { 'if-match': `"${String(original.version)}"` },
      });
      assert.equal(fine.status, 200, fine.text);
      const corrected = await read();
      assert.equal(corrected.version, original.version + 1);
      assert.deepEqual(corrected.history, original.history);
    });

    it('a read refused to someone not signed in is audited as (anonymous), then bounded by 429', async () => {
      const before = await auditSize();
      const refused = await desk.anonymous.request('GET', `/api/cases/${caseId}`);
      assert.equal(refused.status, 401);
      const entry = await lastAudit();
      assert.deepEqual(
        [entry.actor, entry.action, entry.subject],
        ['(anonymous)', 'case.read-refused', `case/${caseId}`],
      );
      const info = await desk.anonymous.request('GET', `/api/cases/${caseId}/information-requests`);
      assert.equal(info.status, 401);
      assert.equal((await lastAudit()).action, 'information.read-refused');
      // A revoked or made-up API token is refused at the read, and audited, like no sign-in.
      const forged = await desk.anonymous.request('GET', `/api/cases/${caseId}`, {
        headers: { authorization: 'Bearer dd_made-up-token' },
      });
      assert.equal(forged.status, 401);
      assert.deepEqual(
        [(await lastAudit()).actor, (await lastAudit()).action],
        ['(anonymous)', 'case.read-refused'],
      );
      for (let attempt = 3; attempt < REFUSED_READS.limit; attempt += 1) {
        const response = await desk.anonymous.request('GET', `/api/cases/${caseId}`);
        assert.equal(response.status, 401);
      }
      assert.equal(await auditSize(), before + REFUSED_READS.limit);
      const limited = await desk.anonymous.request('GET', `/api/cases/${caseId}`);
      assert.equal(limited.status, 429);
      assert.equal((limited.body as Problem).status, 429);
      assert.equal(await auditSize(), before + REFUSED_READS.limit, 'the flood is not logged');
      // A signed-in reader has a count of their own, and reads granted do not count.
      const auditor = await desk.as('auditor');
      assert.equal((await auditor.request('GET', `/api/cases/${caseId}`)).status, 200);
      assert.equal((await auditor.request('GET', '/api/cases/nope')).status, 404);
      assert.equal((await lastAudit()).subject, 'case/(not a case id)');
    });
  });
}
