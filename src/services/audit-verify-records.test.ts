/**
 * `audit verify` against custody-step times, the timeline's custody events and information
 * requests (issue 10, item 11): each changed in the store without the desk is named, with its
 * entry; an untouched desk, the demo caseload and a log written before the desk logged these
 * verify clean.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import type { Actor } from '../auth/roles.js';
import { generateSigningKey, verifierKeyOf } from '../audit/checkpoint.js';
import { storedTextSha256 } from '../audit/record-hashes.js';
import { loadDemo } from '../demo/load-demo.js';
import { appendAudit } from '../store/audit-writer.js';
import type { Store } from '../store/open-store.js';
import { docIntakeWithWarrant, docIntakeWithoutWarrant } from '../testing/intake-fixtures.js';
import { TEST_STORES, type TestStoreKind } from '../testing/test-stores.js';
import { verifyAuditLog } from './audit-service.js';
import { intakeCase } from './case-service.js';
import { applyCaseChange, loadCaseForUpdate } from './case-transaction.js';
import { cancelDetainer, notifyIce, recordRelease, startHold } from './custody-service.js';
import { deskContext, type DeskContext } from './desk-context.js';
import {
  recordEnforcementRequest,
  respondToEnforcementRequest,
} from './enforcement-request-service.js';
import { answerInformationRequest, recordInformationRequest } from './information-service.js';
import { storeReportFacts } from './report-facts.js';
import { confirmDecision } from './review-service.js';

const clerk: Actor = { id: 'c', username: 'clerk', role: 'clerk' };
const reviewer: Actor = { id: 'r', username: 'reviewer', role: 'reviewer' };
const auditor: Actor = { id: 'a', username: 'auditor', role: 'auditor' };
const verifier = verifierKeyOf(generateSigningKey('test.example/audit'));

const RELEASE_DAY = '2016-06-03T13:30:00.000Z';
const INFORMATION_REQUEST = {
  receivedAt: '2016-06-02T10:00:00-04:00',
  information: ['release-date'],
  purpose: 'civil-immigration-enforcement',
  requiredByLaw: false,
};

const DEMO = {
  seed: 42,
  now: '2026-03-04T15:00:00-05:00',
  users: { password: 'demo-password-for-tests-only' },
};

type Report = Awaited<ReturnType<typeof verifyAuditLog>>;

/** Each problem as `code subject @seq`, sorted. */
const named = (report: Report) =>
  report.problems
    .map(({ code, subject, seq }) => `${code} ${subject ?? ''} @${String(seq)}`)
    .sort();

const entryOf = async (store: Store, action: string, subject: string) =>
  (
    await store.db
      .selectFrom('auditEntries')
      .select(['seq', 'payloadJson'])
      .where('action', '=', action)
      .where('subject', '=', subject)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow()
  ).seq;

const eventOf = async (store: Store, caseId: string, kind: string) =>
  (
    await store.db
      .selectFrom('caseEvents')
      .select('id')
      .where('caseId', '=', caseId)
      .where('kind', '=', kind)
      .executeTakeFirstOrThrow()
  ).id;

/** A fresh desk: a case held and ICE told, one transferred, one cancelled, two information requests. */
async function desk(kind: TestStoreKind) {
  const { store, dispose } = await kind.open();
  let now = RELEASE_DAY;
  const ctx = deskContext(store, { now: () => now });
  const reviewed = async (booking: string) => {
    now = RELEASE_DAY;
    const { id } = await intakeCase(ctx, clerk, docIntakeWithWarrant(booking), { decide: true });
    await confirmDecision(ctx, reviewer, id, 2, {});
    return id;
  };
  const held = await reviewed('V-HOLD');
  const transferred = await reviewed('V-TRANSFER');
  now = '2016-06-04T12:00:00.000Z';
  await startHold(ctx, clerk, held, 3, { at: '2016-06-03T18:00:00-04:00' });
  await notifyIce(ctx, clerk, held, 4, { at: '2016-06-03T23:00:00Z' });
  await startHold(ctx, clerk, transferred, 3, { at: '2016-06-03T22:00:00Z' });
  await recordRelease(ctx, clerk, transferred, 4, {
    kind: 'transferred-to-ice',
    at: '2016-06-04T10:00:00Z',
  });
  const cancelled = (
    await intakeCase(ctx, clerk, docIntakeWithWarrant('V-CANCEL'), { decide: true })
  ).id;
  await cancelDetainer(ctx, clerk, cancelled, 2, { at: '2016-06-04T12:00:00Z' });
  const informed = (await intakeCase(ctx, clerk, docIntakeWithoutWarrant('V-INFO'))).id;
  const answered = await recordInformationRequest(ctx, clerk, informed, INFORMATION_REQUEST);
  await answerInformationRequest(ctx, clerk, informed, answered.id, {
    disclosed: [],
    answeredAt: '2016-06-03T09:00:00-04:00',
  });
  const open = await recordInformationRequest(ctx, clerk, informed, INFORMATION_REQUEST);
  const information = (id: string) => `case/${informed}/information/${id}`;
  return {
    store,
    ctx,
    dispose,
    verify: () => verifyAuditLog(ctx, auditor, verifier),
    ids: { held, transferred, cancelled, informed, answered: answered.id, open: open.id },
    information,
  };
}

for (const kind of TEST_STORES) {
  describe(`audit verify: custody times, the timeline and information requests (${kind.name})`, () => {
    it('an untouched desk verifies; each custody entry holds what its step stored', async () => {
      const { store, verify, dispose, ids, information } = await desk(kind);
      try {
        const report = await verify();
        assert.deepEqual(report.problems, []);
        assert.deepEqual(report.records, {
          cases: 4,
          decisions: 3,
          informationRequests: 2,
          enforcementRequests: 0,
          reportFacts: 4,
        });
        const payload = async (action: string, subject: string) =>
          JSON.parse(
            (
              await store.db
                .selectFrom('auditEntries')
                .select('payloadJson')
                .where('seq', '=', await entryOf(store, action, subject))
                .executeTakeFirstOrThrow()
            ).payloadJson,
          ) as Record<string, unknown>;
        assert.deepEqual(
          {
            ...(await payload('case.start-hold', `case/${ids.held}`)),
            until: '(the lawful end)',
          },
          {
            at: '2016-06-03T22:00:00.000Z',
            until: '(the lawful end)',
            status: 'holding',
            version: 4,
          },
        );
        assert.deepEqual(await payload('case.notify-ice', `case/${ids.held}`), {
          at: '2016-06-03T23:00:00.000Z',
          status: 'holding',
          version: 5,
        });
        assert.deepEqual(await payload('case.cancel', `case/${ids.cancelled}`), {
          at: '2016-06-04T12:00:00.000Z',
          closedAs: 'cancelled-by-ice',
          status: 'cancelled',
          version: 3,
        });
        const row = await store.db
          .selectFrom('informationRequests')
          .selectAll()
          .where('id', '=', ids.answered)
          .executeTakeFirstOrThrow();
        const recorded = await payload('information.request', information(ids.answered));
        assert.equal(recorded.requestJsonSha256, storedTextSha256(row.requestJson));
        assert.equal(recorded.decisionJsonSha256, storedTextSha256(row.decisionJson));
        assert.deepEqual(await payload('information.answer', information(ids.answered)), {
          disclosed: [],
          answeredAt: '2016-06-03T13:00:00.000Z',
          answerJsonSha256: storedTextSha256(row.answerJson!),
        });
      } finally {
        await dispose();
      }
    });

    it('each custody column edited without an entry is named, with the step entry it contradicts', async () => {
      const { store, verify, dispose, ids } = await desk(kind);
      try {
        const set = (column: string, value: string, id: string) =>
          sql`UPDATE cases SET ${sql.ref(column)} = ${value} WHERE id = ${id}`.execute(store.db);
        await set('hold_started_at', '2016-06-03T20:00:00.000Z', ids.held);
        await set('ice_notified_at', '2016-06-03T23:30:00.000Z', ids.held);
        await set('closed_at', '2016-06-04T10:30:00.000Z', ids.transferred);
        await set('closed_as', 'released', ids.cancelled);
        const report = await verify();
        assert.equal(report.ok, false);
        assert.deepEqual(
          named(report),
          [
            `record-mismatch case/${ids.cancelled} @${String(await entryOf(store, 'case.cancel', `case/${ids.cancelled}`))}`,
            `record-mismatch case/${ids.held} @${String(await entryOf(store, 'case.notify-ice', `case/${ids.held}`))}`,
            `record-mismatch case/${ids.held} @${String(await entryOf(store, 'case.start-hold', `case/${ids.held}`))}`,
            `record-mismatch case/${ids.transferred} @${String(await entryOf(store, 'case.transferred-to-ice', `case/${ids.transferred}`))}`,
          ].sort(),
        );
        const messages = report.problems.map((problem) => problem.message).join('\n');
        assert.match(
          messages,
          /stored hold start is 2016-06-03T20:00:00.000Z, but its step was logged at 2016-06-03T22:00:00.000Z/,
        );
        assert.match(messages, /stored notice to ICE is 2016-06-03T23:30:00.000Z, but its step/);
        assert.match(messages, /stored closing time is 2016-06-04T10:30:00.000Z, but its step/);
        assert.match(
          messages,
          /stored closing is released, but the step logged closed it as cancelled-by-ice/,
        );
      } finally {
        await dispose();
      }
    });

    it('each custody event on the timeline moved, removed or added without an entry is named', async () => {
      const { store, verify, dispose, ids } = await desk(kind);
      try {
        const hold = await eventOf(store, ids.held, 'hold-started');
        const notice = await eventOf(store, ids.held, 'ice-notified');
        await sql`UPDATE case_events SET at = '2016-06-03T21:00:00.000Z' WHERE id = ${hold}`.execute(
          store.db,
        );
        await sql`DELETE FROM case_events WHERE id = ${notice}`.execute(store.db);
        const forged = '01900000-0000-7000-8000-0000000000e1';
        await sql`INSERT INTO case_events (id, case_id, kind, at, recorded_by, recorded_at, details_json)
          VALUES (${forged}, ${ids.transferred}, 'ice-notified', '2016-06-04T09:00:00.000Z',
            'clerk', '2016-06-04T12:00:00.000Z', '{"reason":null}')`.execute(store.db);
        const transfer = await eventOf(store, ids.transferred, 'hold-started');
        await sql`UPDATE case_events SET details_json = '{"reason":null,"until":"2016-06-30T18:00:00-04:00"}' WHERE id = ${transfer}`.execute(
          store.db,
        );
        const report = await verify();
        const holdSeq = await entryOf(store, 'case.start-hold', `case/${ids.held}`);
        const noticeSeq = await entryOf(store, 'case.notify-ice', `case/${ids.held}`);
        const transferHold = await entryOf(store, 'case.start-hold', `case/${ids.transferred}`);
        assert.deepEqual(
          named(report),
          [
            `record-mismatch case/${ids.held}/event/${hold} @${String(holdSeq)}`,
            `record-missing case/${ids.held} @${String(noticeSeq)}`,
            `record-unaudited case/${ids.transferred}/event/${forged} @undefined`,
            `record-mismatch case/${ids.transferred}/event/${transfer} @${String(transferHold)}`,
          ].sort(),
        );
        const messages = report.problems.map((problem) => problem.message).join('\n');
        assert.match(
          messages,
          new RegExp(
            `hold-started event ${hold} on the timeline is at 2016-06-03T21:00:00.000Z, but entry ${String(holdSeq)} logged 2016-06-03T22:00:00.000Z`,
          ),
        );
        assert.match(
          messages,
          new RegExp(
            `the ice-notified event at 2016-06-03T23:00:00.000Z that entry ${String(noticeSeq)} logged is not on the timeline`,
          ),
        );
        assert.match(messages, /holds until 2016-06-30T18:00:00-04:00, not the lawful end logged/);
      } finally {
        await dispose();
      }
    });

    it('each information request edited without an entry is named: its request, decision, answer, who and when', async () => {
      const { store, verify, dispose, ids, information } = await desk(kind);
      try {
        const edit = (assignment: ReturnType<typeof sql>, id: string) =>
          sql`UPDATE information_requests SET ${assignment} WHERE id = ${id}`.execute(store.db);
        await edit(
          sql`request_json = replace(request_json, 'release-date', 'home-address')`,
          ids.open,
        );
        await edit(sql`decision_json = decision_json || ' '`, ids.answered);
        await edit(sql`answer_json = '{"disclosed":["release-date"]}'`, ids.answered);
        await edit(sql`answered_by = 'supervisor'`, ids.answered);
        await edit(sql`answered_at = '2016-06-03T14:00:00.000Z'`, ids.answered);
        const report = await verify();
        const recordedOpen = await entryOf(store, 'information.request', information(ids.open));
        const recorded = await entryOf(store, 'information.request', information(ids.answered));
        const answered = await entryOf(store, 'information.answer', information(ids.answered));
        assert.deepEqual(
          named(report),
          [
            `record-mismatch ${information(ids.open)} @${String(recordedOpen)}`,
            `record-mismatch ${information(ids.answered)} @${String(recorded)}`,
            ...Array.from(
              { length: 3 },
              () => `record-mismatch ${information(ids.answered)} @${String(answered)}`,
            ),
          ].sort(),
        );
        const messages = report.problems.map((problem) => problem.message).join('\n');
        assert.match(messages, /stored request_json does not hash to the requestJsonSha256/);
        assert.match(messages, /stored decision_json does not hash to the decisionJsonSha256/);
        assert.match(messages, /stored answer_json does not hash to the answerJsonSha256/);
        assert.match(messages, /answered by supervisor, but entry \d+ logged clerk/);
        assert.match(
          messages,
          /answered at 2016-06-03T14:00:00.000Z, but entry \d+ logged 2016-06-03T13:00:00.000Z/,
        );
      } finally {
        await dispose();
      }
    });

    it('each § 10-178(d) request edited, removed or added without an entry is named', async () => {
      const { store, ctx, verify, dispose } = await desk(kind);
      try {
        const supervisor: Actor = { id: 's', username: 'supervisor', role: 'supervisor' };
        const request = async (asked: string) =>
          (
            await recordEnforcementRequest(ctx, supervisor, {
              receivingAgency: 'nyc-doc',
              requestingAgency: 'ice',
              receivedAt: '2016-06-02T09:30:00-04:00',
              asked,
            })
          ).id;
        const edited = await request('Asked for officers to escort an ICE team in a facility.');
        const responded = await request('Asked for a list of people released this week.');
        const removed = await request('Asked for office space in a precinct for a day.');
        await respondToEnforcementRequest(ctx, supervisor, responded, {
          kind: 'declined',
          actions: 'Declined: city resources may not be used for immigration enforcement.',
        });
        const clean = await verify();
        assert.deepEqual(clean.problems, []);
        assert.equal(clean.records.enforcementRequests, 3);

        await sql`UPDATE enforcement_requests SET asked = 'Asked for nothing.' WHERE id = ${edited}`.execute(
          store.db,
        );
        await sql`UPDATE enforcement_requests SET response_kind = 'agreed' WHERE id = ${responded}`.execute(
          store.db,
        );
        await sql`DELETE FROM enforcement_requests WHERE id = ${removed}`.execute(store.db);
        const row = await store.db
          .selectFrom('enforcementRequests')
          .selectAll()
          .where('id', '=', edited)
          .executeTakeFirstOrThrow();
        await store.db
          .insertInto('enforcementRequests')
          .values({ ...row, id: '01900000-0000-7000-8000-0000000000e1' })
          .execute();
        const report = await verify();
        assert.deepEqual(
          named(report).map((problem) => problem.replace(/ @\w+$/, '')),
          [
            `record-mismatch enforcement-request/${edited}`,
            `record-mismatch enforcement-request/${responded}`,
            `record-missing enforcement-request/${removed}`,
            'record-unaudited enforcement-request/01900000-0000-7000-8000-0000000000e1',
          ].sort(),
        );
      } finally {
        await dispose();
      }
    });

    it('a log written before the desk logged custody times and information hashes still verifies, and is checked for what it holds', async () => {
      const { store, ctx, verify, dispose, ids, information } = await desk(kind);
      try {
        const old = await oldDesk(ctx, ids, store);
        assert.deepEqual((await verify()).problems, []);

        // What old entries do not hold cannot be checked...
        await sql`UPDATE cases SET hold_started_at = '2016-06-03T20:00:00.000Z',
            ice_notified_at = '2016-06-03T20:30:00.000Z' WHERE id = ${old.caseId}`.execute(
          store.db,
        );
        await sql`UPDATE case_events SET at = '2016-06-03T20:00:00.000Z' WHERE case_id = ${old.caseId} AND kind = 'hold-started'`.execute(
          store.db,
        );
        await sql`UPDATE information_requests SET request_json = replace(request_json, 'release-date', 'home-address'),
            answer_json = '{"disclosed":["release-date"]}' WHERE id = ${old.requestId}`.execute(
          store.db,
        );
        // ...by the entries; the case's report row, written with the event and the request, no
        // longer matches them, so the change is found there.
        assert.deepEqual(
          named(await verify()).map((problem) => problem.replace(/ @\w+$/, '')),
          [
            `record-mismatch report-facts/${old.caseId}`,
            `record-mismatch report-facts/${ids.informed}`,
          ].sort(),
        );

        // ...but what they do is: that each step, its event and the answer were logged.
        await sql`UPDATE cases SET closed_at = '2016-06-04T10:00:00.000Z', closed_as = 'released' WHERE id = ${old.caseId}`.execute(
          store.db,
        );
        await sql`DELETE FROM case_events WHERE case_id = ${old.caseId} AND kind = 'ice-notified'`.execute(
          store.db,
        );
        await sql`UPDATE information_requests SET status = 'open' WHERE id = ${old.requestId}`.execute(
          store.db,
        );
        const report = await verify();
        assert.deepEqual(
          named(report).map((problem) => problem.replace(/ @\d+$/, '')),
          [
            `record-mismatch case/${old.caseId}`,
            `record-mismatch case/${old.caseId}`,
            `record-missing case/${old.caseId}`,
            `record-mismatch ${information(old.requestId)}`,
          ].sort(),
        );
      } finally {
        await dispose();
      }
    });
  });

  // On SQLite, src/demo/load-demo.test.ts verifies the demo it has loaded already.
  if (kind.name === 'postgres') {
    describe('audit verify on the demo caseload (postgres)', () => {
      let store: Store;
      let dispose: () => Promise<void>;
      before(async () => {
        ({ store, dispose } = await kind.open());
        await loadDemo(store, DEMO);
      });
      after(() => dispose());

      it('verifies clean, every case, decision and information request checked', async () => {
        const report = await verifyAuditLog(deskContext(store), auditor, verifier);
        assert.deepEqual(report.problems, []);
        assert.ok(report.records.cases > 2000);
        assert.ok(report.records.informationRequests > 0);
      });
    });
  }
}

/**
 * Steps as the desk logged them before issue 10 item 11: a hold started and ICE told with no `at`
 * in their entries, and an information request recorded and answered with no hashes. Written
 * through the same transaction as the desk's steps, with the old payloads.
 */
async function oldDesk(
  ctx: DeskContext,
  ids: { held: string; informed: string; answered: string },
  store: Store,
) {
  const { id: caseId } = await intakeCase(ctx, clerk, docIntakeWithWarrant('V-OLD'), {
    decide: true,
  });
  await confirmDecision(ctx, reviewer, caseId, 2, {});
  const step = (
    name: 'start-hold' | 'notify-ice',
    patch: Record<string, string>,
    event: { kind: string; at: string; details: Record<string, unknown> },
    audit: Record<string, unknown>,
  ) =>
    store.transaction(async (trx) => {
      const row = await loadCaseForUpdate(ctx, trx, caseId);
      await applyCaseChange(ctx, trx, clerk, row, name, () =>
        Promise.resolve({ patch, event, audit, result: undefined }),
      );
    });
  // The same record as the held case: the same lawful end.
  const { holdUntil } = await store.db
    .selectFrom('cases')
    .select('holdUntil')
    .where('id', '=', ids.held)
    .executeTakeFirstOrThrow();
  const until = holdUntil!;
  await step(
    'start-hold',
    { holdStartedAt: '2016-06-03T22:00:00.000Z', holdUntil: until },
    { kind: 'hold-started', at: '2016-06-03T22:00:00.000Z', details: { reason: null, until } },
    { until },
  );
  await step(
    'notify-ice',
    { iceNotifiedAt: '2016-06-03T23:00:00.000Z' },
    { kind: 'ice-notified', at: '2016-06-03T23:00:00.000Z', details: { reason: null } },
    {},
  );
  const requestId = '01900000-0000-7000-8000-0000000000a1';
  await store.transaction(async (trx) => {
    const row = await trx
      .selectFrom('informationRequests')
      .selectAll()
      .where('id', '=', ids.answered)
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('informationRequests')
      .values({ ...row, id: requestId, status: 'answered' })
      .execute();
    const subject = `case/${ids.informed}/information/${requestId}`;
    const at = ctx.now();
    const seq = await appendAudit(
      ctx,
      trx,
      {
        at,
        actor: 'clerk',
        action: 'information.request',
        subject,
        payload: { items: ['release-date'], outcomes: {} },
      },
      { at, actor: 'clerk', action: 'information.answer', subject, payload: { disclosed: [] } },
    );
    // As the upgrade that added the reports' rows derived them from the records as they stood.
    await storeReportFacts(ctx, trx, ids.informed, seq);
  });
  return { caseId, requestId };
}
