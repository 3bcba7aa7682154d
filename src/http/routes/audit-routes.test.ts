import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestDesk, type TestDesk } from '../../testing/desk-server.js';
import { TEST_STORES } from '../../testing/test-stores.js';

interface CheckpointPage {
  items: { size: number; at: string; note: string }[];
  total: number;
  limit: number;
  offset: number;
}

for (const kind of TEST_STORES) {
  describe(`the list of signed checkpoints over HTTP (${kind.name})`, () => {
    let desk: TestDesk;
    before(async () => {
      desk = await startTestDesk(kind);
    });
    after(() => desk.close());

    it('an auditor pages through every checkpoint, largest first, each read audited', async () => {
      const auditor = await desk.as('auditor');
      const notes: string[] = [];
      for (let i = 0; i < 3; i += 1) {
        // Each read appends an entry, so each checkpoint covers a longer log.
        await auditor.request('GET', '/api/audit/entries?limit=1');
        const signed = await auditor.request('POST', '/api/audit/checkpoints');
        assert.equal(signed.status, 201, signed.text);
        notes.push(signed.text);
      }
      const first = await auditor.request('GET', '/api/audit/checkpoints?limit=2');
      assert.equal(first.status, 200, first.text);
      const page = first.body as CheckpointPage;
      assert.deepEqual([page.total, page.offset, page.limit], [3, 0, 2]);
      assert.deepEqual(
        page.items.map((item) => item.note),
        [notes[2], notes[1]],
      );
      const latest = await desk.anonymous.request('GET', '/api/audit/checkpoint');
      assert.equal(page.items[0]?.note, latest.text);
      const second = (await auditor.request('GET', '/api/audit/checkpoints?offset=2&limit=2'))
        .body as CheckpointPage;
      assert.deepEqual(
        second.items.map((item) => item.note),
        [notes[0]],
      );
      const reads = await desk.ctx.store.db
        .selectFrom('auditEntries')
        .select(['actor', 'payloadJson'])
        .where('action', '=', 'audit.checkpoints')
        .orderBy('seq')
        .execute();
      assert.deepEqual(
        reads.map((read) => [read.actor, JSON.parse(read.payloadJson) as unknown]),
        [
          ['auditor', { offset: 0, count: 2 }],
          ['auditor', { offset: 2, count: 1 }],
        ],
      );
    });

    it('is for auditors and administrators only; a bad page is named', async () => {
      assert.equal((await desk.anonymous.request('GET', '/api/audit/checkpoints')).status, 401);
      const clerk = await desk.as('clerk');
      assert.equal((await clerk.request('GET', '/api/audit/checkpoints')).status, 403);
      const admin = await desk.as('admin');
      assert.equal((await admin.request('GET', '/api/audit/checkpoints')).status, 200);
      const bad = await admin.request('GET', '/api/audit/checkpoints?limit=501');
      assert.equal(bad.status, 400);
      assert.equal((bad.body as { errors: { path: string }[] }).errors[0]?.path, 'limit');
    });
  });
}
