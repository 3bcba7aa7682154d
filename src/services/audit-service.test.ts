import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Actor } from '../auth/roles.js';
import {
  generateSigningKey,
  parseCheckpoint,
  parseInclusionBundle,
  verifierKeyOf,
  verifyInclusionBundle,
} from '../audit/checkpoint.js';
import { leafHashOf } from '../audit/leaf.js';
import { inclusionProof, rootOf } from '../audit/merkle.js';
import { decisionSha256 } from '../audit/record-hashes.js';
import { DeskError } from '../desk/errors.js';
import { docIntakeWithWarrant, docIntakeWithoutWarrant } from '../testing/intake-fixtures.js';
import { TEST_STORES, type TestStoreKind } from '../testing/test-stores.js';
import type { Store } from '../store/open-store.js';
import {
  createCheckpoint,
  entryReceipt,
  listAuditEntries,
  listCheckpoints,
  verifyAuditLog,
  type AuditSigner,
} from './audit-service.js';
import { intakeCase, readCase, updateRecord } from './case-service.js';
import { startHold } from './custody-service.js';
import { deskContext, type DeskContext } from './desk-context.js';
import { answerInformationRequest, recordInformationRequest } from './information-service.js';
import { confirmDecision, proposeOverride } from './review-service.js';

const clerk: Actor = { id: 'c', username: 'clerk', role: 'clerk' };
const reviewer: Actor = { id: 'r', username: 'reviewer', role: 'reviewer' };
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

const headSize = async (store: Store) =>
  (await store.db.selectFrom('auditHead').select('size').executeTakeFirstOrThrow()).size;

const allLeafHashes = async (store: Store) =>
  (await store.db.selectFrom('auditEntries').select('leafHash').orderBy('seq').execute()).map(
    (row) => Buffer.from(row.leafHash, 'hex'),
  );

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
      assert.deepEqual(report.records, {
        cases: 5,
        decisions: 0,
        informationRequests: 0,
        enforcementRequests: 0,
        reportFacts: 5,
      });
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

    it('each read of the audit log appends one entry naming the reader', async () => {
      const size = await headSize(store);
      await listAuditEntries(ctx, auditor, 2, 3);
      await entryReceipt(ctx, auditor, 3);
      const report = await verifyAuditLog(ctx, auditor, signer.verifier);
      assert.equal(report.ok, true);
      assert.equal(report.entries, size + 2, 'the verification does not count its own entry');
      const reads = await listAuditEntries(ctx, auditor, size, 10);
      assert.deepEqual(
        reads.map(({ seq, actor, action, subject, payload }) => ({
          seq,
          actor,
          action,
          subject,
          payload,
        })),
        [
          {
            seq: size,
            actor: 'auditor',
            action: 'audit.list',
            subject: 'audit-log',
            payload: { from: 2, count: 3 },
          },
          {
            seq: size + 1,
            actor: 'auditor',
            action: 'audit.receipt',
            subject: 'audit-log',
            payload: { seq: 3, size: 10 },
          },
          {
            seq: size + 2,
            actor: 'auditor',
            action: 'audit.verify',
            subject: 'audit-log',
            payload: { entries: size + 2, ok: true, problems: 0 },
          },
          // The list just made: it does not see itself.
        ],
      );
      assert.equal(await headSize(store), size + 4);
    });

    it('an intake with its decision appends two entries in a row; the decision entry hashes the stored decision', async () => {
      const size = await headSize(store);
      const { id } = await intakeCase(ctx, clerk, docIntakeWithWarrant('AUD-DECIDE'), {
        decide: true,
      });
      const entries = await listAuditEntries(ctx, auditor, size, 2);
      assert.deepEqual(
        entries.map((entry) => [entry.seq, entry.action, entry.subject]),
        [
          [size, 'case.intake', `case/${id}`],
          [size + 1, 'case.decide', `case/${id}`],
        ],
      );
      const decision = await store.db
        .selectFrom('decisions')
        .selectAll()
        .where('caseId', '=', id)
        .executeTakeFirstOrThrow();
      assert.deepEqual(entries[1]?.payload, {
        ...(entries[1]?.payload as object),
        version: 2,
        decisionId: decision.id,
        decisionSha256: decisionSha256(decision),
        decisionStatus: 'proposed',
      });
      const report = await verifyAuditLog(ctx, auditor, signer.verifier, checkpoint);
      assert.deepEqual([report.ok, report.records.decisions], [true, 1]);
    });

    it('checkpoints and receipts from the stored subtrees equal a rebuild from every leaf', async () => {
      const note = await createCheckpoint(ctx, auditor, signer);
      const { size, root } = parseCheckpoint(note);
      const leaves = await allLeafHashes(store);
      assert.equal(root.toString('hex'), rootOf(leaves.slice(0, size)).toString('hex'));
      assert.equal(
        await createCheckpoint(ctx, auditor, signer),
        note,
        'the same size, signed once',
      );
      for (let seq = 0; seq < size; seq += 1) {
        const receipt = await entryReceipt(ctx, auditor, seq);
        assert.deepEqual(
          parseInclusionBundle(receipt).proof.map((hash) => Buffer.from(hash).toString('hex')),
          inclusionProof(leaves, seq, size).map((hash) => hash.toString('hex')),
          `receipt of ${String(seq)}`,
        );
        verifyInclusionBundle(receipt, leaves[seq]!, signer.verifier);
      }
    });

    it('lists every signed checkpoint, largest first, a page at a time; each read is audited', async () => {
      const before = await listCheckpoints(ctx, auditor, 0, 500);
      const notes: string[] = [];
      for (let i = 0; i < 3; i += 1) {
        // The read appends an entry, so each checkpoint covers a longer log than the last.
        await listCheckpoints(ctx, auditor, 0, 1);
        notes.push(await createCheckpoint(ctx, auditor, signer));
      }
      const first = await listCheckpoints(ctx, auditor, 0, 2);
      assert.deepEqual([first.total, first.offset, first.limit], [before.total + 3, 0, 2]);
      assert.deepEqual(
        first.items.map((item) => item.note),
        [notes[2], notes[1]],
      );
      const second = await listCheckpoints(ctx, auditor, 2, 2);
      assert.deepEqual(
        second.items.map((item) => item.note),
        [notes[0], before.items[0]?.note],
      );
      for (const item of [...first.items, ...second.items]) {
        assert.equal(parseCheckpoint(item.note).size, item.size);
        assert.ok(!Number.isNaN(Date.parse(item.at)));
      }
      const size = await headSize(store);
      const [read] = await listAuditEntries(ctx, auditor, size - 1, 1);
      assert.deepEqual(
        [read?.actor, read?.action, read?.subject, read?.payload],
        ['auditor', 'audit.checkpoints', 'audit-log', { offset: 2, count: 2 }],
      );
      await assert.rejects(
        listCheckpoints(ctx, clerk, 0, 1),
        (error) => error instanceof DeskError && error.code === 'forbidden',
      );
      assert.equal(await headSize(store), size + 1, 'a refused read appends nothing');
    });

    it('a receipt proves one entry offline against the checkpoint', async () => {
      const receipt = await entryReceipt(ctx, auditor, 3);
      const [entry] = await listAuditEntries(ctx, auditor, 3, 1);
      assert.ok(entry);
      const leafHash = leafHashOf({ ...entry, payload: entry.payload as never });
      verifyInclusionBundle(receipt, leafHash, signer.verifier);
      assert.equal(leafHash.toString('hex'), entry.leafHash);
    });

    it('verifies while entries are being appended', async () => {
      const { id } = await store.db.selectFrom('cases').select('id').executeTakeFirstOrThrow();
      const [report] = await Promise.all([
        verifyAuditLog(ctx, auditor, signer.verifier),
        ...Array.from({ length: 20 }, (_, i) =>
          i % 2 === 0
            ? readCase(ctx, clerk, id)
            : intakeCase(ctx, clerk, docIntakeWithWarrant(`AUD-BUSY-${String(i)}`), {
                decide: true,
              }),
        ),
      ]);
      assert.deepEqual(report.problems, []);
      assert.equal((await verifyAuditLog(ctx, auditor, signer.verifier)).ok, true);
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
  });

  describe(`audit verify finds what was changed without the desk (${kind.name})`, () => {
    let now = '2016-06-03T22:00:00.000Z';

    /** A fresh store with cases in several states and a checkpoint over them. */
    async function desk(kind: TestStoreKind) {
      const { store, dispose } = await kind.open();
      const ctx = deskContext(store, { now: () => now });
      now = '2016-06-03T22:00:00.000Z';
      const intake = (booking: string) =>
        intakeCase(ctx, clerk, docIntakeWithWarrant(booking), { decide: true });
      const held = (await intake('T-HOLD')).id;
      await confirmDecision(ctx, reviewer, held, 2, {});
      await startHold(ctx, clerk, held, 3, { at: '2016-06-03T18:00:00-04:00' });
      const pending = (await intake('T-OVERRIDE')).id;
      await proposeOverride(ctx, reviewer, pending, 2, {
        outcomes: [{ action: 'hold', status: 'not-allowed' }],
        reason: 'The warrant names another person entirely.',
      });
      const corrected = (await intake('T-CORRECTED')).id;
      await updateRecord(ctx, clerk, corrected, 2, {
        custody: { expectedReleaseAt: '2016-06-04T18:00:00-04:00' },
      });
      const informed = (await intakeCase(ctx, clerk, docIntakeWithoutWarrant('T-INFO'))).id;
      const request = await recordInformationRequest(ctx, clerk, informed, {
        receivedAt: '2016-06-02T10:00:00-04:00',
        information: ['release-date'],
        purpose: 'civil-immigration-enforcement',
        requiredByLaw: false,
      });
      await answerInformationRequest(ctx, clerk, informed, request.id, { disclosed: [] });
      const trusted = await createCheckpoint(ctx, auditor, signer);
      const decisionOf = async (caseId: string) =>
        (
          await store.db
            .selectFrom('decisions')
            .select('id')
            .where('caseId', '=', caseId)
            .executeTakeFirstOrThrow()
        ).id;
      const verify = () => verifyAuditLog(ctx, auditor, signer.verifier, trusted);
      return {
        store,
        ctx,
        dispose,
        verify,
        ids: { held, pending, corrected, informed, request: request.id },
        decisionOf,
      };
    }

    const named = (report: { problems: { code: string; subject?: string; seq?: number }[] }) =>
      report.problems.map(({ code, subject }) => `${code} ${subject ?? ''}`);

    it('an untouched desk verifies, every record checked', async () => {
      const { verify, dispose } = await desk(kind);
      try {
        const report = await verify();
        assert.deepEqual(report.problems, []);
        assert.deepEqual(report.records, {
          cases: 4,
          decisions: 3,
          informationRequests: 1,
          enforcementRequests: 0,
          reportFacts: 4,
        });
      } finally {
        await dispose();
      }
    });

    it('entries removed from the tail past the last checkpoint are found by the head', async () => {
      const { store, ctx, dispose } = await desk(kind);
      try {
        await createCheckpoint(ctx, auditor, signer);
        const size = await headSize(store);
        await readCase(
          ctx,
          clerk,
          (await listAuditEntries(ctx, auditor, 0, 1))[0]!.subject.slice(5),
        );
        await dropGuards(store);
        const end = await headSize(store);
        await sql`DELETE FROM audit_entries WHERE seq >= ${size}`.execute(store.db);
        const report = await verifyAuditLog(ctx, auditor, signer.verifier);
        assert.equal(report.ok, false);
        assert.deepEqual(
          report.problems.map(({ code, seq }) => ({ code, seq })),
          [{ code: 'head-mismatch', seq: size }],
        );
        assert.match(
          report.problems[0]!.message,
          new RegExp(`seq ${String(size)}\\.\\.${String(end - 1)} were removed`),
        );
      } finally {
        await dispose();
      }
    });

    it('each case row edited without an entry is named: its record, its status, its hold', async () => {
      const { store, verify, dispose, ids } = await desk(kind);
      try {
        const { intakeJson } = await store.db
          .selectFrom('cases')
          .select('intakeJson')
          .where('id', '=', ids.pending)
          .executeTakeFirstOrThrow();
        const edited = intakeJson.replace('PL 120.10 B', 'PL 120.00 A');
        await sql`UPDATE cases SET intake_json = ${edited} WHERE id = ${ids.pending}`.execute(
          store.db,
        );
        await sql`UPDATE cases SET status = 'closed' WHERE id = ${ids.corrected}`.execute(store.db);
        await sql`UPDATE cases SET hold_until = '2016-06-30T22:00:00.000Z' WHERE id = ${ids.held}`.execute(
          store.db,
        );
        const report = await verify();
        assert.equal(report.ok, false);
        assert.deepEqual(
          named(report).sort(),
          [ids.corrected, ids.held, ids.pending].map((id) => `record-mismatch case/${id}`).sort(),
        );
        const messages = report.problems.map((problem) => problem.message).join('\n');
        assert.match(messages, /stored record does not hash to the intakeSha256/);
        assert.match(
          messages,
          /stored status is closed, but the last step logged left it received/,
        );
        assert.match(messages, /stored hold end is not the lawful end/);
        assert.ok(report.problems.every((problem) => problem.seq !== undefined));
      } finally {
        await dispose();
      }
    });

    it('each decision edited without an entry is named: its decision, its status, its override', async () => {
      const { store, verify, dispose, ids, decisionOf } = await desk(kind);
      try {
        const held = await decisionOf(ids.held);
        const pending = await decisionOf(ids.pending);
        const corrected = await decisionOf(ids.corrected);
        await sql`UPDATE decisions SET decision_json = replace(decision_json, 'allowed', 'required') WHERE id = ${held}`.execute(
          store.db,
        );
        await sql`UPDATE decisions SET override_reason = 'Another reason entirely, written later.' WHERE id = ${pending}`.execute(
          store.db,
        );
        await sql`UPDATE decisions SET status = 'confirmed' WHERE id = ${corrected}`.execute(
          store.db,
        );
        const report = await verify();
        assert.deepEqual(named(report).sort(), [
          ...[held, pending, corrected].map((id) => `record-mismatch decision/${id}`).sort(),
        ]);
        assert.match(
          report.problems.find((problem) => problem.subject === `decision/${corrected}`)!.message,
          /is confirmed, but the log leaves it superseded/,
        );
      } finally {
        await dispose();
      }
    });

    it('rows added or removed without an entry are named', async () => {
      const { store, verify, dispose, ids } = await desk(kind);
      try {
        const forged = '01900000-0000-7000-8000-000000000001';
        await sql`INSERT INTO cases (id, intake_key, person_id, jurisdiction, status, version, form,
            received_at, intake_json, created_at, updated_at)
          SELECT ${forged}, 'forged-key', person_id, jurisdiction, 'received', 1, form,
            received_at, intake_json, created_at, updated_at
          FROM cases WHERE id = ${ids.held}`.execute(store.db);
        await sql`DELETE FROM information_requests WHERE id = ${ids.request}`.execute(store.db);
        const report = await verify();
        assert.deepEqual(named(report).sort(), [
          `record-missing case/${ids.informed}/information/${ids.request}`,
          `record-unaudited case/${forged}`,
        ]);
      } finally {
        await dispose();
      }
    });

    it('an entry whose payload is not JSON is named, not a crash, and can still be listed', async () => {
      const { store, ctx, dispose } = await desk(kind);
      try {
        const seq = await headSize(store);
        await listAuditEntries(ctx, auditor, 0, 1);
        await dropGuards(store);
        await sql`UPDATE audit_entries SET payload_json = '{"from":' WHERE seq = ${seq}`.execute(
          store.db,
        );
        const report = await verifyAuditLog(ctx, auditor, signer.verifier);
        assert.equal(report.firstBadSeq, seq);
        assert.deepEqual(report.problems, [
          {
            seq,
            code: 'bad-entry',
            message: `bad-entry: entry ${String(seq)}: the stored payload is not JSON`,
          },
        ]);
        const [entry] = await listAuditEntries(ctx, auditor, seq, 1);
        assert.deepEqual([entry?.payload, entry?.payloadJson], [null, '{"from":']);
      } finally {
        await dispose();
      }
    });

    it('a stored subtree hash changed is named (and the one stored above it, built on it)', async () => {
      const { store, verify, dispose } = await desk(kind);
      try {
        await dropGuards(store);
        await sql`UPDATE audit_entries SET subtree_hashes = ${'ab'.repeat(32)} WHERE seq = 5`.execute(
          store.db,
        );
        const report = await verify();
        assert.deepEqual(
          report.problems.map(({ code, seq }) => ({ code, seq })),
          [
            { code: 'subtree-mismatch', seq: 5 },
            { code: 'subtree-mismatch', seq: 7 },
          ],
        );
      } finally {
        await dispose();
      }
    });
  });
}
