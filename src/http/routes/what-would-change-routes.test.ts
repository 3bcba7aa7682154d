/**
 * GET /api/cases/{id}/what-would-change over HTTP, on every test store: the answer for a decided
 * case (§ 9-131(b)(1)(i) LL58/2014: without a judicial warrant the department may not honor the
 * detainer), audited; a case not yet decided, an unknown case, a caller not signed in and a role
 * that may not read case files are refused, and the refusals audited.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestDesk, type TestDesk } from '../../testing/desk-server.js';
import { docIntakeWithoutWarrant, docIntakeWithWarrant } from '../../testing/intake-fixtures.js';
import { TEST_STORES } from '../../testing/test-stores.js';

interface Answer {
  caseId: string;
  decidedAt: string;
  maxFacts: number;
  complete: boolean;
  outcomes: {
    action: string;
    status: string;
    changeSets: {
      changes: { path: string; from?: unknown; to: unknown; words: string }[];
      status: string;
      controlling: { id: string; citation: string }[];
    }[];
    nothing?: string;
  }[];
}

for (const kind of TEST_STORES) {
  describe(`what would change a case's outcome, over HTTP (${kind.name})`, () => {
    let desk: TestDesk;
    let decided: string;
    let undecided: string;

    before(async () => {
      desk = await startTestDesk(kind);
      const clerk = await desk.as('clerk');
      const record = async (path: string, body: unknown) =>
        ((await clerk.request('POST', path, { body })).body as { id: string }).id;
      decided = await record('/api/cases?decide=true', docIntakeWithoutWarrant('WWC-1'));
      undecided = await record('/api/cases', docIntakeWithWarrant('WWC-2'));
    });
    after(() => desk.close());

    const lastAudit = () =>
      desk.ctx.store.db
        .selectFrom('auditEntries')
        .selectAll()
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();

    it('answers, for a decided case, each action with the changes that would change it; audited', async () => {
      const clerk = await desk.as('clerk');
      const response = await clerk.request('GET', `/api/cases/${decided}/what-would-change`);
      assert.equal(response.status, 200, response.text);
      const answer = response.body as Answer;
      assert.equal(answer.caseId, decided);
      assert.equal(answer.maxFacts, 2);
      assert.equal(answer.complete, true);
      assert.deepEqual(
        answer.outcomes.map((outcome) => [outcome.action, outcome.status]),
        [
          ['hold', 'not-allowed'],
          ['notify', 'not-allowed'],
        ],
      );
      const first = answer.outcomes[0]!.changeSets[0]!;
      assert.equal(first.status, 'allowed');
      assert.deepEqual(
        first.changes.map((change) => [change.path, change.from]),
        [['request.judicialWarrant', { presented: false, issuer: 'unknown' }]],
      );
      assert.match(first.changes[0]!.words, /^a judicial warrant presented with the detainer/);
      assert.ok(first.controlling.some((ref) => ref.id === 'nyc.9-131.b'));
      const entry = await lastAudit();
      assert.deepEqual(
        [entry.actor, entry.action, entry.subject],
        ['clerk', 'case.what-would-change', `case/${decided}`],
      );
      // The same case, the same bytes.
      const again = await clerk.request('GET', `/api/cases/${decided}/what-would-change`);
      assert.equal(again.text, response.text);
    });

    it('refuses a case not yet decided (409) and an unknown one (404), as problems', async () => {
      const clerk = await desk.as('clerk');
      const early = await clerk.request('GET', `/api/cases/${undecided}/what-would-change`);
      assert.equal(early.status, 409);
      assert.match(early.headers.get('content-type') ?? '', /application\/problem\+json/);
      assert.match((early.body as { detail: string }).detail, /not been decided/);
      const unknown = await clerk.request(
        'GET',
        '/api/cases/00000000-0000-4000-8000-000000000000/what-would-change',
      );
      assert.equal(unknown.status, 404);
      const unlisted = await clerk.request(
        'GET',
        `/api/cases/${decided}/what-would-change?maxFacts=3`,
      );
      assert.equal(unlisted.status, 400);
      assert.deepEqual(
        (unlisted.body as { errors: { path: string }[] }).errors.map((error) => error.path),
        ['maxFacts'],
      );
      const junk = await clerk.request('GET', `/api/cases/${'x'.repeat(5000)}/what-would-change`);
      assert.equal(junk.status, 404);
      assert.equal((await lastAudit()).subject, 'case/(not a case id)');
    });

    it('refuses a caller not signed in (401) and a role that may not read case files (403), and audits both', async () => {
      const anonymous = await desk.anonymous.request(
        'GET',
        `/api/cases/${decided}/what-would-change`,
      );
      assert.equal(anonymous.status, 401);
      assert.deepEqual(
        [(await lastAudit()).actor, (await lastAudit()).action],
        ['(anonymous)', 'case.what-would-change-refused'],
      );
      const admin = await desk.as('admin');
      const forbidden = await admin.request('GET', `/api/cases/${decided}/what-would-change`);
      assert.equal(forbidden.status, 403);
      assert.deepEqual(
        [(await lastAudit()).actor, (await lastAudit()).action],
        ['admin', 'case.what-would-change-refused'],
      );
    });
  });
}
