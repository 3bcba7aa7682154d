import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Actor } from '../auth/roles.js';
import { generateSigningKey, verifierKeyOf, verifyInclusionBundle } from '../audit/checkpoint.js';
import { leafHashOf } from '../audit/leaf.js';
import { docIntakeWithWarrant } from '../testing/intake-fixtures.js';
import { TEST_STORES } from '../testing/test-stores.js';
import type { Store } from '../store/open-store.js';
import {
  createCheckpoint,
  entryReceipt,
  listAuditEntries,
  verifyAuditLog,
  type AuditSigner,
} from './audit-service.js';
import { intakeCase, readCase } from './case-service.js';
import { deskContext, type DeskContext } from './desk-context.js';

const clerk: Actor = { id: 'c', username: 'clerk', role: 'clerk' };
const auditor: Actor = { id: 'a', username: 'auditor', role: 'auditor' };
const key = generateSigningKey('test.example/audit');
const signer: AuditSigner = { origin: 'test.example/audit', key, verifier: verifierKeyOf(key) };

async function dropGuards(store: Store) {
  if (store.dialect === 'sqlite') {
    for (const name of ['audit_entries_no_update', 'audit_entries_no_delete']) {
      await sql.raw(`DROP TRIGGER ${name}`).execute(store.db);
    }
  } else {
    await sql.raw('DROP TRIGGER audit_entries_append_only ON audit_entries').execute(store.db);
  }
}

for (const kind of TEST_STORES) {
  describe(`the audit log in the store (${kind.name})`, () => {
    let store: Store;
    let ctx: DeskContext;
    let dispose: () => Promise<void>;
    let checkpoint: string;

    before(async () => {
      ({ store, dispose } = await kind.open());
      ctx = deskContext(store);
      for (let i = 0; i < 5; i += 1) {
        const { id } = await intakeCase(ctx, clerk, docIntakeWithWarrant(`AUD-${String(i)}`));
        await readCase(ctx, clerk, id);
      }
      checkpoint = await createCheckpoint(ctx, auditor, signer);
    });
    after(() => dispose());

    it('every stored entry re-derives to its leaf hash, and the signed checkpoint covers them all', async () => {
      const report = await verifyAuditLog(ctx, auditor, signer.verifier, checkpoint);
      assert.deepEqual([report.ok, report.entries, report.checkpoints], [true, 10, 1]);
      assert.match(checkpoint, /^test\.example\/audit\n10\n/);
      const [first] = await listAuditEntries(ctx, auditor, 0, 1);
      assert.equal(first?.action, 'case.intake');
    });

    it('an intake entry holds the SHA-256 of the record as stored, never the person', async () => {
      const [entry] = await listAuditEntries(ctx, auditor, 0, 1);
      const { intakeJson } = await store.db
        .selectFrom('cases')
        .select('intakeJson')
        .where('id', '=', entry?.subject.replace('case/', '') ?? '')
        .executeTakeFirstOrThrow();
      const stored = createHash('sha256').update(intakeJson, 'utf8').digest('hex');
      assert.deepEqual(entry?.payload, { intakeSha256: stored, status: 'received', version: 1 });
      assert.doesNotMatch(JSON.stringify(entry), /AUD-0|Test Person/);
    });

    it('an intake with its decision appends two entries in a row, and the log still verifies', async () => {
      const { id } = await intakeCase(ctx, clerk, docIntakeWithWarrant('AUD-DECIDE'), {
        decide: true,
      });
      const entries = await listAuditEntries(ctx, auditor, 10, 5);
      assert.deepEqual(
        entries.map((entry) => [entry.seq, entry.action, entry.subject]),
        [
          [10, 'case.intake', `case/${id}`],
          [11, 'case.decide', `case/${id}`],
        ],
      );
      assert.deepEqual(
        entries.map((entry) => (entry.payload as { version: number }).version),
        [1, 2],
      );
      const report = await verifyAuditLog(ctx, auditor, signer.verifier, checkpoint);
      assert.deepEqual([report.ok, report.entries], [true, 12]);
    });

    it('a receipt proves one entry offline against the checkpoint', async () => {
      const receipt = await entryReceipt(ctx, auditor, 3);
      const [entry] = await listAuditEntries(ctx, auditor, 3, 1);
      assert.ok(entry);
      const leafHash = leafHashOf({ ...entry, payload: entry.payload as never });
      verifyInclusionBundle(receipt, leafHash, signer.verifier);
      assert.equal(leafHash.toString('hex'), entry.leafHash);
    });

    it('the database refuses to update or delete audit entries', async () => {
      await assert.rejects(
        sql`UPDATE audit_entries SET actor = 'someone' WHERE seq = 1`.execute(store.db),
        /append-only/,
      );
      await assert.rejects(
        sql`DELETE FROM audit_entries WHERE seq = 1`.execute(store.db),
        /append-only/,
      );
    });

    it('with the guards removed, an edited entry and a deleted one are found and named', async () => {
      await dropGuards(store);
      await sql`UPDATE audit_entries SET actor = 'someone-else' WHERE seq = 2`.execute(store.db);
      let report = await verifyAuditLog(ctx, auditor, signer.verifier, checkpoint);
      assert.equal(report.ok, false);
      assert.equal(report.firstBadSeq, 2);
      await sql`DELETE FROM audit_entries WHERE seq = 9`.execute(store.db);
      report = await verifyAuditLog(ctx, auditor, signer.verifier, checkpoint);
      assert.ok(
        report.problems.some(
          (problem) => problem.code.startsWith('checkpoint') || problem.code.startsWith('trusted'),
        ),
        JSON.stringify(report.problems),
      );
    });
  });
}
