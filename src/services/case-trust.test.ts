/**
 * Issue 10, items 1–5 and 12: corrections change only what they name, custody steps are checked
 * at their own time and in order, Texas's required honouring cannot be walked around, dates stay
 * within the encoded law, free text is bounded, and every read of a case file (refused ones too)
 * is audited. On SQLite, and on PostgreSQL when a server is given.
 * @module
 */
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { generateSigningKey, verifierKeyOf } from '../audit/checkpoint.js';
import type { Actor } from '../auth/roles.js';
import { DeskError } from '../desk/errors.js';
import type { IntakeInput } from '../desk/intake.js';
import type { Store } from '../store/open-store.js';
import { docIntakeWithWarrant } from '../testing/intake-fixtures.js';
import { TEST_STORES } from '../testing/test-stores.js';
import {
  ANONYMOUS,
  correctRequest,
  intakeCase,
  loadCaseView,
  readCase,
  updateRecord,
} from './case-service.js';
import { verifyAuditLog } from './audit-service.js';
import { exportCases } from './case-export.js';
import { notifyIce, recordRelease, startHold } from './custody-service.js';
import { deskContext, type DeskContext } from './desk-context.js';
import {
  answerInformationRequest,
  listInformationRequests,
  recordInformationRequest,
} from './information-service.js';
import { confirmDecision, decideCase, proposeOverride } from './review-service.js';

const clerk: Actor = { id: 'u-clerk', username: 'clerk', role: 'clerk' };
const reviewer: Actor = { id: 'u-rev', username: 'reviewer', role: 'reviewer' };
const supervisor: Actor = { id: 'u-sup', username: 'supervisor', role: 'supervisor' };
const admin: Actor = { id: 'u-adm', username: 'admin', role: 'admin' };
const auditor: Actor = { id: 'u-aud', username: 'auditor', role: 'auditor' };

/** The fixture's morning of release (Friday 3 June 2016). */
const RELEASE_DAY = '2016-06-03T13:30:00.000Z';

/** Rejects with invalid-input naming exactly these fields. */
const invalidAt =
  (...paths: string[]) =>
  (error: unknown) => {
    assert.ok(error instanceof DeskError, String(error));
    assert.equal(error.code, 'invalid-input', error.message);
    assert.deepEqual(
      error.issues.map((issue) => issue.path),
      paths,
      error.message,
    );
    return true;
  };
const failsWith = (code: DeskError['code']) => (error: unknown) => {
  assert.ok(error instanceof DeskError, String(error));
  assert.equal(error.code, code, error.message);
  return true;
};

/** A Texas case under SB 4: the law requires honouring the detainer. */
function texasIntake(bookingNumber: string): IntakeInput {
  const intake = docIntakeWithWarrant(bookingNumber);
  return {
    ...intake,
    jurisdiction: 'texas',
    custody: {
      ...intake.custody,
      instantArrestDate: '2018-05-20',
      expectedReleaseAt: '2018-06-01T18:00:00-05:00',
    },
    history: { ...intake.history, proofOfLawfulStatus: false },
    request: {
      ...intake.request,
      receivedAt: '2018-05-23T11:15:00-05:00',
      judicialWarrant: { presented: false },
    },
  };
}

const withCustody = (
  intake: IntakeInput,
  custody: Partial<IntakeInput['custody']>,
): IntakeInput => ({ ...intake, custody: { ...intake.custody, ...custody } });

for (const kind of TEST_STORES) {
  describe(`trust in the case record (${kind.name})`, () => {
    let store: Store;
    let ctx: DeskContext;
    let dispose: () => Promise<void>;
    let now = RELEASE_DAY;

    before(async () => {
      ({ store, dispose } = await kind.open());
      ctx = deskContext(store, { now: () => now });
    });
    after(() => dispose());

    const auditSize = async () =>
      (await store.db.selectFrom('auditHead').select('size').executeTakeFirstOrThrow()).size;
    const lastAudit = () =>
      store.db
        .selectFrom('auditEntries')
        .selectAll()
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
    const stored = async (id: string) => {
      const row = await store.db
        .selectFrom('cases')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      return { ...row, intake: JSON.parse(row.intakeJson) as Record<string, unknown> };
    };

    /** A case held from its release on Friday 6 p.m.; the lawful end is Tuesday 6 p.m. */
    async function holding(bookingNumber: string) {
      now = RELEASE_DAY;
      const { id } = await intakeCase(ctx, clerk, docIntakeWithWarrant(bookingNumber), {
        decide: true,
      });
      await confirmDecision(ctx, reviewer, id, 2, {});
      now = '2016-06-03T22:00:00.000Z';
      await startHold(ctx, clerk, id, 3, { at: '2016-06-03T18:00:00-04:00' });
      return id;
    }

    describe('item 1: a correction changes only the fields it names', () => {
      it('custody alone, or the judicial warrant alone, leaves the criminal history as stored', async () => {
        now = RELEASE_DAY;
        const { id } = await intakeCase(ctx, clerk, docIntakeWithWarrant('T1-ONLY'));
        const original = await stored(id);
        await updateRecord(ctx, clerk, id, 1, {
          custody: { facility: 'Synthetic Annex' },
        });
        let after = await stored(id);
        assert.deepEqual(after.intake.history, original.intake.history);
        assert.deepEqual(after.intake.custody, {
          ...(original.intake.custody as object),
          facility: 'Synthetic Annex',
        });
        await updateRecord(ctx, clerk, id, 2, {
          judicialWarrant: { presented: true, issuer: 'article-iii-judge', withDetainer: false },
        });
        after = await stored(id);
        assert.deepEqual(after.intake.history, original.intake.history);
        assert.deepEqual(after.intake.custody, {
          ...(original.intake.custody as object),
          facility: 'Synthetic Annex',
        });
        const view = await loadCaseView(ctx, id);
        assert.deepEqual(
          view.events.map((event) => event.details.fields),
          [['custody.facility'], ['request.judicialWarrant']],
        );
        const payload = JSON.parse((await lastAudit()).payloadJson) as { fields: string[] };
        assert.deepEqual(payload.fields, ['request.judicialWarrant']);
      });

      it('an empty correction, or one that changes nothing, is a 400 and changes nothing', async () => {
        now = RELEASE_DAY;
        const { id } = await intakeCase(ctx, clerk, docIntakeWithWarrant('T1-EMPTY'));
        const original = await stored(id);
        const size = await auditSize();
        for (const input of [{}, { history: {} }, { custody: {} }, undefined]) {
          await assert.rejects(updateRecord(ctx, clerk, id, 1, input), failsWith('invalid-input'));
        }
        await assert.rejects(
          updateRecord(ctx, clerk, id, 1, {
            custody: { facility: 'Synthetic Detention Center' },
          }),
          invalidAt('(body)'),
        );
        assert.deepEqual(await stored(id), original);
        assert.equal(await auditSize(), size);
      });

      it('list entries are replaced, removed and added by index or id; null removes a field', async () => {
        now = RELEASE_DAY;
        const intake = docIntakeWithWarrant('T1-LISTS');
        const conviction = intake.history?.convictions?.[0];
        assert.ok(conviction !== undefined);
        const { id } = await intakeCase(ctx, clerk, {
          ...intake,
          history: {
            ...intake.history,
            convictions: [
              { ...conviction, id: 'C-1' },
              { ...conviction, id: 'C-2', charge: 'PL 155.30' },
            ],
          },
        });
        await updateRecord(ctx, clerk, id, 1, {
          history: {
            convictions: {
              replace: [{ at: 0, with: { ...conviction, id: 'C-1', charge: 'PL 120.05 D' } }],
              remove: ['C-2'],
              add: [{ ...conviction, id: 'C-3', charge: 'PL 140.25' }],
            },
            terroristScreeningMatch: null,
          },
        });
        const history = (await stored(id)).intake.history as {
          convictions: { id: string; charge: string }[];
          terroristScreeningMatch?: unknown;
          searchCompleted: unknown;
        };
        assert.deepEqual(
          history.convictions.map((entry) => [entry.id, entry.charge]),
          [
            ['C-1', 'PL 120.05 D'],
            ['C-3', 'PL 140.25'],
          ],
        );
        assert.equal(history.terroristScreeningMatch, undefined);
        assert.equal(history.searchCompleted, true, 'a field left out keeps its value');
        const view = await loadCaseView(ctx, id);
        assert.deepEqual(view.events.at(-1)?.details.fields, [
          'history.convictions',
          'history.terroristScreeningMatch',
        ]);

        const before = await stored(id);
        await assert.rejects(
          updateRecord(ctx, clerk, id, 2, {
            history: {
              convictions: { remove: [5, 'C-9'], replace: [{ at: 'C-1', with: conviction }] },
            },
          }),
          invalidAt('history.convictions.remove[0]', 'history.convictions.remove[1]'),
        );
        await assert.rejects(
          updateRecord(ctx, clerk, id, 2, {
            history: { convictions: { remove: [0, 'C-1'] } },
          }),
          invalidAt('history.convictions.remove[1]'),
        );
        await assert.rejects(
          updateRecord(ctx, clerk, id, 2, {
            history: { convictions: { all: [], add: [conviction] } },
          }),
          failsWith('invalid-input'),
        );
        await assert.rejects(
          updateRecord(ctx, clerk, id, 2, { custody: { bookingNumber: null } }),
          invalidAt('custody.bookingNumber'),
        );
        assert.deepEqual(await stored(id), before);
        await updateRecord(ctx, clerk, id, 2, { history: { convictions: { all: [] } } });
        assert.deepEqual((await stored(id)).intake.history, {
          ...(before.intake.history as object),
          convictions: [],
        });
      });
    });

    describe('item 2: custody steps are checked at their own time, in order', () => {
      it('“ICE did not come” dated in the future is refused like the same step now', async () => {
        const id = await holding('T2-FUTURE');
        const size = await auditSize();
        await assert.rejects(
          recordRelease(ctx, clerk, id, 4, { kind: 'ice-did-not-come' }),
          failsWith('not-lawful'),
        );
        await assert.rejects(
          recordRelease(ctx, clerk, id, 4, {
            kind: 'ice-did-not-come',
            at: '2030-01-01T00:00:00Z',
          }),
          invalidAt('at'),
        );
        assert.equal((await loadCaseView(ctx, id)).status, 'holding');
        assert.equal(await auditSize(), size);
        // A few minutes of clock skew are tolerated; the lawful end still has not come.
        await assert.rejects(
          recordRelease(ctx, clerk, id, 4, {
            kind: 'ice-did-not-come',
            at: '2016-06-03T22:04:00Z',
          }),
          failsWith('not-lawful'),
        );
        now = '2016-06-07T22:00:00.000Z';
        await recordRelease(ctx, clerk, id, 4, { kind: 'ice-did-not-come' });
      });

      it('a hold in 2999, a transfer in 1990, or a step before the last one are refused', async () => {
        now = RELEASE_DAY;
        const { id } = await intakeCase(ctx, clerk, docIntakeWithWarrant('T2-ORDER'), {
          decide: true,
        });
        await confirmDecision(ctx, reviewer, id, 2, {});
        await assert.rejects(
          startHold(ctx, clerk, id, 3, { at: '2999-06-03T18:00:00-04:00' }),
          invalidAt('at'),
        );
        now = '2016-06-03T22:00:00.000Z';
        await assert.rejects(
          recordRelease(ctx, clerk, id, 3, {
            kind: 'transferred-to-ice',
            at: '1990-06-03T18:00:00-04:00',
          }),
          invalidAt('at'),
        );
        // Before the review that allowed it (13:30 UTC), though after the request was received.
        await assert.rejects(
          startHold(ctx, clerk, id, 3, { at: '2016-06-03T09:00:00-04:00' }),
          invalidAt('at'),
        );
        await startHold(ctx, clerk, id, 3, { at: '2016-06-03T18:00:00-04:00' });
        await assert.rejects(
          notifyIce(ctx, clerk, id, 4, { at: '2016-06-03T17:00:00-04:00' }),
          invalidAt('at'),
        );
        assert.equal((await loadCaseView(ctx, id)).version, 4);
      });

      it('a hold cannot start after its lawful end', async () => {
        now = RELEASE_DAY;
        const { id } = await intakeCase(ctx, clerk, docIntakeWithWarrant('T2-LATE'), {
          decide: true,
        });
        await confirmDecision(ctx, reviewer, id, 2, {});
        now = '2016-06-09T12:00:00.000Z';
        await assert.rejects(startHold(ctx, clerk, id, 3, {}), failsWith('not-lawful'));
        await assert.rejects(
          startHold(ctx, clerk, id, 3, { at: '2016-06-08T12:00:00Z' }),
          failsWith('not-lawful'),
        );
        await startHold(ctx, clerk, id, 3, { at: '2016-06-03T18:00:00-04:00' });
      });
    });

    describe('item 3: Texas requires honouring; a plain release cannot avoid the reason', () => {
      it('released with no reason is refused; released despite the detainer needs the reason', async () => {
        now = '2018-06-01T13:30:00.000Z';
        const { id } = await intakeCase(ctx, clerk, texasIntake('T3-TX'), { decide: true });
        const outcomes = (await loadCaseView(ctx, id)).decision?.effective;
        assert.deepEqual(
          outcomes?.map((outcome) => outcome.status),
          ['required', 'required'],
        );
        await confirmDecision(ctx, reviewer, id, 2, {});
        await assert.rejects(
          recordRelease(ctx, clerk, id, 3, { kind: 'released' }),
          failsWith('not-lawful'),
        );
        await assert.rejects(
          recordRelease(ctx, clerk, id, 3, { kind: 'released', reason: 'court order' }),
          failsWith('not-lawful'),
        );
        await assert.rejects(
          recordRelease(ctx, clerk, id, 3, { kind: 'released-despite-detainer' }),
          failsWith('not-lawful'),
        );
        await recordRelease(ctx, clerk, id, 3, {
          kind: 'released-despite-detainer',
          reason: 'Released on a state court’s order.',
        });
        assert.equal((await loadCaseView(ctx, id)).closedAs, 'released-despite-detainer');
      });

      it('once the required hold ran out and ICE was told, a plain release is the honoured end', async () => {
        now = '2018-06-01T13:30:00.000Z';
        const { id } = await intakeCase(ctx, clerk, texasIntake('T3-TX-DONE'), { decide: true });
        await confirmDecision(ctx, reviewer, id, 2, {});
        now = '2018-06-01T23:00:00.000Z';
        await startHold(ctx, clerk, id, 3, { at: '2018-06-01T18:00:00-05:00' });
        await notifyIce(ctx, clerk, id, 4, {});
        const until = (await loadCaseView(ctx, id)).hold?.until;
        assert.ok(until !== undefined);
        now = until;
        await recordRelease(ctx, clerk, id, 5, { kind: 'released' });
      });
    });

    describe('item 4: dates within the encoded law, named by their intake field', () => {
      it('a release on 2100-12-30 is a 400 naming custody.expectedReleaseAt, at intake and at every decide', async () => {
        now = RELEASE_DAY;
        const late = withCustody(docIntakeWithWarrant('T4-2100'), {
          expectedReleaseAt: '2100-12-30T18:00:00-05:00',
        });
        const size = await auditSize();
        await assert.rejects(
          intakeCase(ctx, clerk, late, { decide: true }),
          invalidAt('custody.expectedReleaseAt'),
        );
        assert.equal(await auditSize(), size, 'nothing stored');
        const { id } = await intakeCase(ctx, clerk, late);
        await assert.rejects(decideCase(ctx, clerk, id, 1), invalidAt('custody.expectedReleaseAt'));
        await assert.rejects(decideCase(ctx, clerk, id, 1), invalidAt('custody.expectedReleaseAt'));
        await updateRecord(ctx, clerk, id, 1, {
          custody: { expectedReleaseAt: '2016-06-03T18:00:00-04:00' },
        });
        await decideCase(ctx, clerk, id, 2);
      });

      it('dates outside 2000–2100 are refused at intake and in corrections, naming the field', async () => {
        now = RELEASE_DAY;
        const intake = docIntakeWithWarrant('T4-RANGE');
        await assert.rejects(
          intakeCase(
            ctx,
            clerk,
            withCustody(intake, { expectedReleaseAt: '2101-01-05T12:00:00Z' }),
          ),
          invalidAt('custody.expectedReleaseAt'),
        );
        await assert.rejects(
          intakeCase(ctx, clerk, {
            ...withCustody(intake, { expectedReleaseAt: '1999-06-03T18:00:00-04:00' }),
            request: { ...intake.request, receivedAt: '1999-05-23T11:15:00-04:00' },
          }),
          invalidAt('custody.expectedReleaseAt', 'request.receivedAt'),
        );
        await assert.rejects(
          intakeCase(ctx, clerk, {
            ...intake,
            request: { ...intake.request, receivedAt: '2016-06-04T11:15:00-04:00' },
          }),
          invalidAt('request.receivedAt'),
        );
        const { id } = await intakeCase(ctx, clerk, intake);
        await assert.rejects(
          updateRecord(ctx, clerk, id, 1, {
            custody: { expectedReleaseAt: '2106-06-03T18:00:00-04:00' },
          }),
          invalidAt('custody.expectedReleaseAt'),
        );
        await assert.rejects(
          updateRecord(ctx, clerk, id, 1, {
            judicialWarrant: { presented: true, presentedAt: '2016-06-05T09:00:00-04:00' },
          }),
          invalidAt('request.judicialWarrant.presentedAt'),
        );
      });

      it('a reviewer corrects the request, with a reason on the timeline; a clerk cannot', async () => {
        now = RELEASE_DAY;
        const { id } = await intakeCase(ctx, clerk, docIntakeWithWarrant('T4-REQUEST'), {
          decide: true,
        });
        const correction = {
          request: { receivedAt: '2016-05-24T09:00:00-04:00', form: 'I-247A' },
          reason: 'The fax header shows the 24th; the form is an I-247A, not an I-247D.',
        };
        await assert.rejects(correctRequest(ctx, clerk, id, 2, correction), failsWith('forbidden'));
        await assert.rejects(
          correctRequest(ctx, reviewer, id, 2, { ...correction, reason: 'typo' }),
          invalidAt('reason'),
        );
        await assert.rejects(
          correctRequest(ctx, reviewer, id, 2, {
            ...correction,
            request: { receivedAt: '2106-05-24T09:00:00-04:00' },
          }),
          invalidAt('request.receivedAt'),
        );
        await correctRequest(ctx, reviewer, id, 2, correction);
        const view = await loadCaseView(ctx, id);
        assert.equal(view.status, 'received');
        assert.equal(view.decision, null, 'the decision is superseded');
        assert.equal(view.receivedAt, '2016-05-24T13:00:00.000Z');
        assert.equal(view.form, 'I-247A');
        assert.deepEqual(view.request.probableCause, ['removal-proceedings-pending']);
        assert.deepEqual(view.events.at(-1), {
          ...view.events.at(-1),
          kind: 'request-corrected',
          details: { fields: ['request.form', 'request.receivedAt'], reason: correction.reason },
        });
        const entry = await lastAudit();
        assert.equal(entry.action, 'case.correct-request');
        assert.equal(entry.actor, 'reviewer');
        const payload = JSON.parse(entry.payloadJson) as { reasonSha256: string };
        assert.equal(
          payload.reasonSha256,
          createHash('sha256').update(correction.reason).digest('hex'),
        );
      });

      it('implausible dates are warnings in the decision, each naming its field', async () => {
        now = RELEASE_DAY;
        const intake = docIntakeWithWarrant('T4-WARN');
        const { id } = await intakeCase(
          ctx,
          clerk,
          {
            ...withCustody(intake, { expectedReleaseAt: '2015-06-03T18:00:00-04:00' }),
            person: { ...intake.person, dateOfBirth: '2016-05-21' },
          },
          { decide: true },
        );
        const view = await loadCaseView(ctx, id);
        assert.deepEqual(
          view.decision?.warnings.map((warning) => warning.path),
          ['custody.expectedReleaseAt', 'custody.instantArrestDate', 'person.dateOfBirth'],
        );
        assert.deepEqual(view.events.at(-1)?.details.warnings, view.decision.warnings);
        const plain = await intakeCase(ctx, clerk, docIntakeWithWarrant('T4-NOWARN'), {
          decide: true,
        });
        assert.deepEqual((await loadCaseView(ctx, plain.id)).decision?.warnings, []);
      });
    });

    describe('the same kinds of defect in the review', () => {
      it('an override names each action once', async () => {
        now = RELEASE_DAY;
        const { id } = await intakeCase(ctx, clerk, docIntakeWithWarrant('T-OVERRIDE'), {
          decide: true,
        });
        await assert.rejects(
          proposeOverride(ctx, reviewer, id, 2, {
            outcomes: [
              { action: 'hold', status: 'not-allowed' },
              { action: 'hold', status: 'allowed' },
            ],
            reason: 'The warrant was not signed by a judge after all.',
          }),
          invalidAt('outcomes'),
        );
      });
    });

    describe('item 5: free text in the record is bounded', () => {
      it('a 900 KB charge is refused at intake and in a correction, naming the field', async () => {
        now = RELEASE_DAY;
        const intake = docIntakeWithWarrant('T5-LONG');
        const conviction = intake.history?.convictions?.[0];
        assert.ok(conviction !== undefined);
        const huge = { ...conviction, charge: 'X'.repeat(900_000) };
        await assert.rejects(
          intakeCase(ctx, clerk, {
            ...intake,
            history: { ...intake.history, convictions: [huge] },
          }),
          invalidAt('history.convictions[0].charge'),
        );
        const { id } = await intakeCase(ctx, clerk, intake);
        await assert.rejects(
          updateRecord(ctx, clerk, id, 1, { history: { convictions: { add: [huge] } } }),
          invalidAt('history.convictions.add[0].charge'),
        );
        await assert.rejects(
          updateRecord(ctx, clerk, id, 1, {
            judicialWarrant: { presented: true, judge: 'J'.repeat(10_000) },
          }),
          invalidAt('judicialWarrant.judge'),
        );
        assert.equal((await stored(id)).version, 1);
      });
    });

    describe('item 12: reads of a case file are audited, refused ones too', () => {
      it('a refused read is audited with who, which case and why, and nothing they typed', async () => {
        now = RELEASE_DAY;
        const { id } = await intakeCase(ctx, clerk, docIntakeWithWarrant('T12-REFUSED'));
        const unknown = '0190a5b2-0000-7000-8000-000000000000';
        const typed = 'Test Person Alpha password123';
        for (const [actor, caseId, refused, who, subject] of [
          [admin, id, 'forbidden', 'admin', `case/${id}`],
          [undefined, id, 'unauthenticated', ANONYMOUS, `case/${id}`],
          [clerk, unknown, 'not-found', 'clerk', `case/${unknown}`],
          [clerk, typed, 'not-found', 'clerk', 'case/(not a case id)'],
        ] as const) {
          await assert.rejects(readCase(ctx, actor, caseId), failsWith(refused));
          const entry = await lastAudit();
          assert.deepEqual(
            [entry.actor, entry.action, entry.subject, JSON.parse(entry.payloadJson)],
            [who, 'case.read-refused', subject, { refused }],
          );
          assert.doesNotMatch(JSON.stringify(entry), /Test Person|password/);
        }
      });

      it('information requests are a read of the case file: audited, refusals too', async () => {
        now = RELEASE_DAY;
        const { id } = await intakeCase(ctx, clerk, docIntakeWithWarrant('T12-INFO'));
        const request = await recordInformationRequest(ctx, clerk, id, {
          receivedAt: '2016-06-02T10:00:00-04:00',
          information: ['release-date'],
          note: 'Telephone request about Test Person Alpha.',
        });
        const views = await listInformationRequests(ctx, reviewer, id);
        assert.equal(views[0]?.request.note, 'Telephone request about Test Person Alpha.');
        const entry = await lastAudit();
        assert.deepEqual(
          [entry.actor, entry.action, entry.subject, JSON.parse(entry.payloadJson)],
          ['reviewer', 'information.read', `case/${id}`, { requests: [request.id] }],
        );
        await assert.rejects(listInformationRequests(ctx, admin, id), failsWith('forbidden'));
        assert.equal((await lastAudit()).action, 'information.read-refused');
        await assert.rejects(
          listInformationRequests(ctx, clerk, '0190a5b2-0000-7000-8000-000000000000'),
          failsWith('not-found'),
        );
        assert.equal((await lastAudit()).action, 'information.read-refused');
      });

      it('information requests and answers are not dated in the future or before receipt', async () => {
        now = RELEASE_DAY;
        const { id } = await intakeCase(ctx, clerk, docIntakeWithWarrant('T12-INFO-DATES'));
        await assert.rejects(
          recordInformationRequest(ctx, clerk, id, {
            receivedAt: '2016-07-02T10:00:00-04:00',
            information: ['release-date'],
          }),
          invalidAt('receivedAt'),
        );
        const request = await recordInformationRequest(ctx, clerk, id, {
          receivedAt: '2016-06-02T10:00:00-04:00',
          information: ['release-date'],
        });
        for (const answeredAt of ['2016-06-01T10:00:00-04:00', '2030-01-01T00:00:00Z']) {
          await assert.rejects(
            answerInformationRequest(ctx, clerk, id, request.id, { answeredAt, disclosed: [] }),
            invalidAt('answeredAt'),
          );
        }
      });

      it('an export names every case it holds', async () => {
        now = RELEASE_DAY;
        const ids: string[] = [];
        for await (const view of exportCases(ctx, supervisor, { jurisdiction: 'nyc-doc' })) {
          ids.push(view.id);
        }
        assert.ok(ids.length > 0);
        const entry = await lastAudit();
        assert.equal(entry.action, 'case.export');
        const payload = JSON.parse(entry.payloadJson) as { count: number; caseIds: string[] };
        assert.equal(payload.count, ids.length);
        assert.deepEqual(payload.caseIds, ids);
      });
    });

    it('after every step above, the audit log verifies and matches every stored record', async () => {
      const verifier = verifierKeyOf(generateSigningKey('test.example/audit'));
      const report = await verifyAuditLog(ctx, auditor, verifier);
      assert.deepEqual(report.problems, []);
      assert.equal(report.ok, true);
    });
  });
}
