import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../auth/roles.js';
import { DeskError } from '../desk/errors.js';
import type { IntakeInput } from '../desk/intake.js';
import {
  DECISION_TIME,
  docIntakeWithWarrant,
  docIntakeWithoutWarrant,
} from '../testing/intake-fixtures.js';
import { TEST_STORES } from '../testing/test-stores.js';
import type { Store } from '../store/open-store.js';
import { intakeCase, listCases, loadCaseView, readCase, updateRecord } from './case-service.js';
import { cancelDetainer, notifyIce, recordRelease, startHold } from './custody-service.js';
import { deskContext, type DeskContext } from './desk-context.js';
import { answerInformationRequest, recordInformationRequest } from './information-service.js';
import { confirmDecision, decideCase, proposeOverride, settleOverride } from './review-service.js';

const clerk: Actor = { id: 'u-clerk', username: 'clerk', role: 'clerk' };
const reviewer: Actor = { id: 'u-rev', username: 'reviewer', role: 'reviewer' };
const reviewer2: Actor = { id: 'u-rev2', username: 'reviewer2', role: 'reviewer' };
const auditor: Actor = { id: 'u-aud', username: 'auditor', role: 'auditor' };
const admin: Actor = { id: 'u-adm', username: 'admin', role: 'admin' };

const failsWith = (code: DeskError['code']) => (error: unknown) =>
  error instanceof DeskError && error.code === code;

async function counts(store: Store) {
  const [cases, audit, decisions] = await Promise.all([
    store.db
      .selectFrom('cases')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow(),
    store.db.selectFrom('auditHead').select('size').executeTakeFirstOrThrow(),
    store.db
      .selectFrom('decisions')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { cases: Number(cases.n), audit: audit.size, decisions: Number(decisions.n) };
}

for (const kind of TEST_STORES) {
  describe(`a detainer case from intake to release (${kind.name})`, () => {
    let store: Store;
    let ctx: DeskContext;
    let dispose: () => Promise<void>;
    let now = DECISION_TIME;

    before(async () => {
      ({ store, dispose } = await kind.open());
      ctx = deskContext(store, { now: () => now });
    });
    after(() => dispose());

    async function decided(intake: IntakeInput) {
      const { id } = await intakeCase(ctx, clerk, intake);
      await decideCase(ctx, clerk, id, 1);
      return id;
    }

    it('records a request once however often it is submitted', async () => {
      const first = await intakeCase(ctx, clerk, docIntakeWithWarrant('B-IDEMP'));
      const second = await intakeCase(ctx, clerk, docIntakeWithWarrant('B-IDEMP'));
      assert.equal(first.created, true);
      assert.equal(second.created, false);
      assert.equal(second.id, first.id);
    });

    it('rejects bad input naming each field, and stores nothing', async () => {
      const before = await counts(store);
      const bad = docIntakeWithWarrant('B-BAD') as Record<string, unknown>;
      const request = bad.request as Record<string, unknown>;
      await assert.rejects(
        intakeCase(ctx, clerk, {
          ...bad,
          person: { name: '', nysid: 'not-a-nysid' },
          request: { ...request, receivedAt: '2016-02-30T10:00:00Z' },
        }),
        (error: unknown) => {
          assert.ok(error instanceof DeskError && error.code === 'invalid-input');
          const paths = error.issues.map((issue) => issue.path);
          assert.ok(paths.includes('person.name'), paths.join());
          assert.ok(paths.includes('person.nysid'), paths.join());
          assert.ok(paths.includes('request.receivedAt'), paths.join());
          return true;
        },
      );
      assert.deepEqual(await counts(store), before);
    });

    it('freezes the engine’s decision with the law’s hash; a reviewer confirms; the hold runs to the lawful end; ICE takes custody', async () => {
      const id = await decided(docIntakeWithWarrant('B-HOLD'));
      const view = await loadCaseView(ctx, id);
      assert.equal(view.status, 'decided');
      const hold = view.decision?.decision.outcomes.find((outcome) => outcome.action === 'hold');
      assert.equal(hold?.status, 'allowed');
      assert.match(hold.lawHash, /^[0-9a-f]{64}$/);
      assert.ok(hold.controlling.some((clause) => clause.id === 'nyc.9-131.b'));

      await confirmDecision(ctx, reviewer, id, 2, {});
      now = '2016-06-03T22:00:00.000Z';
      await startHold(ctx, clerk, id, 3, { at: '2016-06-03T18:00:00-04:00' });
      const holding = await loadCaseView(ctx, id);
      assert.equal(holding.status, 'holding');
      // 48 hours excluding Saturday and Sunday from Friday 6 p.m.: Tuesday 6 p.m. (EDT).
      assert.equal(holding.hold?.until, '2016-06-07T22:00:00.000Z');
      assert.equal(holding.hold.overdue, false);
      now = '2016-06-08T00:00:00.000Z';
      assert.equal((await loadCaseView(ctx, id)).hold?.overdue, true);
      const overdue = await listCases(ctx, clerk, { holdOverdue: 'true' });
      assert.deepEqual(
        overdue.items.map((item) => item.id),
        [id],
      );
      now = '2016-06-03T22:00:00.000Z';

      await notifyIce(ctx, clerk, id, 4, {});
      now = '2016-06-06T14:05:00.000Z';
      await recordRelease(ctx, clerk, id, 5, {
        kind: 'transferred-to-ice',
        at: '2016-06-06T10:00:00-04:00',
      });
      const closed = await loadCaseView(ctx, id);
      assert.equal(closed.status, 'closed');
      assert.equal(closed.closedAs, 'transferred-to-ice');
      assert.deepEqual(
        closed.events.map((event) => event.kind),
        ['decided', 'confirmed', 'hold-started', 'ice-notified', 'transferred-to-ice'],
      );
      now = DECISION_TIME;
    });

    it('refuses a custody step the reviewed decision does not allow, and changes nothing', async () => {
      const id = await decided(docIntakeWithoutWarrant('B-NOWARRANT'));
      await confirmDecision(ctx, reviewer, id, 2, {});
      const before = await counts(store);
      await assert.rejects(notifyIce(ctx, clerk, id, 3, {}), failsWith('not-lawful'));
      await assert.rejects(startHold(ctx, clerk, id, 3, {}), failsWith('not-lawful'));
      await assert.rejects(
        recordRelease(ctx, clerk, id, 3, { kind: 'transferred-to-ice' }),
        failsWith('not-lawful'),
      );
      assert.deepEqual(await counts(store), before);
      assert.equal((await loadCaseView(ctx, id)).version, 3);
      await recordRelease(ctx, clerk, id, 3, { kind: 'released-despite-detainer' });
      assert.equal((await loadCaseView(ctx, id)).closedAs, 'released-despite-detainer');
    });

    it('an override needs a written reason and a second person’s approval', async () => {
      const id = await decided(docIntakeWithoutWarrant('B-OVERRIDE'));
      await assert.rejects(
        proposeOverride(ctx, reviewer, id, 2, {
          outcomes: [{ action: 'notify', status: 'allowed' }],
          reason: 'short',
        }),
        (error: unknown) =>
          error instanceof DeskError && error.issues.some((issue) => issue.path === 'reason'),
      );
      await proposeOverride(ctx, reviewer, id, 2, {
        outcomes: [{ action: 'notify', status: 'allowed' }],
        reason: 'A judicial warrant was presented by telephone; the paper copy follows.',
      });
      await assert.rejects(settleOverride(ctx, reviewer, id, 3, true), failsWith('forbidden'));
      await assert.rejects(settleOverride(ctx, clerk, id, 3, true), failsWith('forbidden'));
      await settleOverride(ctx, reviewer2, id, 3, true);
      const view = await loadCaseView(ctx, id);
      assert.equal(view.status, 'reviewed');
      assert.deepEqual(
        view.decision?.effective.find((outcome) => outcome.action === 'notify'),
        { action: 'notify', status: 'allowed', overridden: true, holdUntil: undefined },
      );
      await notifyIce(ctx, clerk, id, 4, {});
    });

    it('a decision that needs information cannot be confirmed; completing the record and deciding again can', async () => {
      const intake = docIntakeWithWarrant('B-MISSING');
      const { id } = await intakeCase(ctx, clerk, {
        ...intake,
        history: { searchCompleted: 'unknown' },
      });
      await decideCase(ctx, clerk, id, 1);
      const view = await loadCaseView(ctx, id);
      assert.ok((view.decision?.decision.missing.length ?? 0) > 0);
      // Each missing fact comes with the record's field that supplies it, for a face to link to.
      assert.deepEqual(
        view.missingFacts.map((missing) => missing.fact).sort(),
        view.decision?.decision.missing.map((missing) => missing.path).sort(),
      );
      assert.deepEqual(
        view.missingFacts.find((missing) => missing.fact === 'record.searchCompleted'),
        {
          fact: 'record.searchCompleted',
          field: 'history.searchCompleted',
          step: 'update-record',
          suppliedBy: 'clerk',
        },
      );
      await assert.rejects(confirmDecision(ctx, reviewer, id, 2, {}), failsWith('not-lawful'));
      await updateRecord(ctx, clerk, id, 2, {
        history: {
          searchCompleted: true,
          convictions: { add: intake.history?.convictions },
          terroristScreeningMatch: intake.history?.terroristScreeningMatch,
        },
      });
      const corrected = await loadCaseView(ctx, id);
      assert.equal(corrected.status, 'received');
      // The decision that missed them is set aside, and so are its missing facts.
      assert.deepEqual(corrected.missingFacts, []);
      await decideCase(ctx, clerk, id, 3);
      await confirmDecision(ctx, reviewer, id, 4, {});
    });

    it('optimistic concurrency: no If-Match is refused, a stale version is refused, nothing is lost', async () => {
      const { id } = await intakeCase(ctx, clerk, docIntakeWithWarrant('B-CONCURRENT'));
      await assert.rejects(
        decideCase(ctx, clerk, id, undefined),
        failsWith('precondition-required'),
      );
      const results = await Promise.allSettled([
        decideCase(ctx, clerk, id, 1),
        decideCase(ctx, reviewer, id, 1),
      ]);
      assert.deepEqual(results.map((result) => result.status).sort(), ['fulfilled', 'rejected']);
      const rejected = results.find((result) => result.status === 'rejected');
      assert.ok(
        failsWith('precondition-failed')(rejected?.reason) ||
          failsWith('invalid-transition')(rejected?.reason),
      );
      const decisions = await store.db
        .selectFrom('decisions')
        .select('id')
        .where('caseId', '=', id)
        .execute();
      assert.equal(decisions.length, 1);
    });

    it('ICE may cancel an open case', async () => {
      const id = await decided(docIntakeWithWarrant('B-CANCEL'));
      await cancelDetainer(ctx, clerk, id, 2, {
        reason: 'ICE lodged a cancellation on form I-247A',
      });
      const view = await loadCaseView(ctx, id);
      assert.equal(view.status, 'cancelled');
      assert.deepEqual(view.nextSteps, []);
    });

    it('information requests: the law decides each item, and a forbidden disclosure is refused', async () => {
      // No conviction at all: § 9-131 lets DOC share nothing with ICE for civil enforcement.
      const intake = docIntakeWithoutWarrant('B-INFO');
      const { id } = await intakeCase(ctx, clerk, {
        ...intake,
        history: { ...intake.history, convictions: [] },
      });
      const request = await recordInformationRequest(ctx, clerk, id, {
        receivedAt: '2016-06-02T10:00:00-04:00',
        information: ['release-date', 'citizenship-or-immigration-status'],
        purpose: 'civil-immigration-enforcement',
        requiredByLaw: false,
      });
      const releaseDate = request.decision.outcomes.find((o) => o.item === 'release-date');
      assert.equal(releaseDate?.status, 'not-allowed');
      await assert.rejects(
        answerInformationRequest(ctx, clerk, id, request.id, { disclosed: ['release-date'] }),
        failsWith('not-lawful'),
      );
      const answered = await answerInformationRequest(ctx, clerk, id, request.id, {
        disclosed: [],
      });
      assert.equal(answered.status, 'answered');
      await assert.rejects(
        answerInformationRequest(ctx, clerk, id, request.id, { disclosed: [] }),
        failsWith('conflict'),
      );
    });

    it('reads of a person’s record are audited; lists carry no personal details', async () => {
      const { id } = await intakeCase(ctx, clerk, docIntakeWithWarrant('B-READ'));
      const before = await counts(store);
      const view = await readCase(ctx, auditor, id);
      assert.equal(view.person.name, 'Test Person Alpha');
      assert.equal((await counts(store)).audit, before.audit + 1);
      const last = await store.db
        .selectFrom('auditEntries')
        .selectAll()
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      assert.deepEqual(
        [last.actor, last.action, last.subject],
        ['auditor', 'case.read', `case/${id}`],
      );
      assert.doesNotMatch(last.payloadJson, /Test Person/);
      const page = await listCases(ctx, clerk, { limit: 2 });
      assert.equal(page.items.length, 2);
      assert.ok(page.total >= 2);
      assert.doesNotMatch(JSON.stringify(page), /Test Person/);
    });

    it('roles: an administrator cannot read case files; a clerk cannot confirm a decision', async () => {
      const id = await decided(docIntakeWithWarrant('B-ROLES'));
      await assert.rejects(readCase(ctx, admin, id), failsWith('forbidden'));
      await assert.rejects(confirmDecision(ctx, clerk, id, 2, {}), failsWith('forbidden'));
      await assert.rejects(
        intakeCase(ctx, auditor, docIntakeWithWarrant('B-ROLES-2')),
        failsWith('forbidden'),
      );
    });
  });
}
