/**
 * What the reports read of each case (report_facts): kept by every change to a case, found for a
 * period however long the case lasts, derived again when the code that derives it changes, and
 * checked by `audit verify` against the records.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { intakeSchema } from '../desk/intake.js';
import type { Actor } from '../auth/roles.js';
import { generateSigningKey, verifierKeyOf } from '../audit/checkpoint.js';
import { generateDemoCaseload } from '../demo/demo-caseload.js';
import { reportLawFor } from '../law/report-laws.js';
import type { CountedFigure, Report } from '../reports/build-report.js';
import { openStore } from '../store/open-store.js';
import {
  DECISION_TIME,
  docIntakeWithWarrant,
  docIntakeWithoutWarrant,
} from '../testing/intake-fixtures.js';
import { TEST_STORES } from '../testing/test-stores.js';
import { verifyAuditLog } from './audit-service.js';
import { correctRequest, intakeCase } from './case-service.js';
import { recordRelease } from './custody-service.js';
import { deskContext, type DeskContext } from './desk-context.js';
import { answerInformationRequest, recordInformationRequest } from './information-service.js';
import { REPORT_FACTS_REVISION, checkReportFacts, reportCaseOf } from './report-facts.js';
import { publicReport, tracedReport } from './report-service.js';

const clerk: Actor = { id: 'c', username: 'clerk', role: 'clerk' };
const reviewer: Actor = { id: 'r', username: 'reviewer', role: 'reviewer' };
const auditor: Actor = { id: 'a', username: 'auditor', role: 'auditor' };
const verifier = verifierKeyOf(generateSigningKey('test.example/audit'));

/** DOC's statutory period under LL58/2014, which holds DECISION_TIME (2016-06-03). */
const FY2016 = { jurisdiction: 'nyc-doc', from: '2015-10-01', to: '2016-09-30' };
/** The next one, under LL58/2014 too. */
const FY2017 = { jurisdiction: 'nyc-doc', from: '2016-10-01', to: '2017-09-30' };

function counted(report: Report, id: string): CountedFigure {
  const figure = report.figures.find((candidate) => candidate.id === id);
  assert.ok(figure?.status === 'counted', `${id} is counted`);
  return figure;
}

/**
 * The fingerprint of what the rows hold for a fixed sample (the demo's first 300 cases), by
 * revision. A change to what a row holds changes the fingerprint: give REPORT_FACTS_REVISION a new
 * value, so stores derive their rows again, and record the new fingerprint under it.
 */
const FINGERPRINTS: Readonly<Record<string, string>> = {
  '2026-12-08.1': '00291d87f3dcc42063c49c1ed71eb2befb9b19f13091cccb7a328d8a21a864b9',
};

describe('report facts: the revision', () => {
  it('changes whenever what a row holds for the same records changes', () => {
    const sample = generateDemoCaseload({ seed: 7, now: '2026-03-04T15:00:00-05:00' }).slice(
      0,
      300,
    );
    const hash = createHash('sha256');
    for (const [index, demo] of sample.entries()) {
      const intake = intakeSchema.parse(demo.intake);
      const law = reportLawFor(intake.jurisdiction)!;
      const id = `case-${String(index)}`;
      const receivedAt = new Date(intake.request.receivedAt).toISOString();
      const events = demo.timeline.map((step) => ({
        caseId: id,
        kind: step.kind,
        at: new Date(step.at).toISOString(),
      }));
      hash.update(
        JSON.stringify(
          reportCaseOf(
            law,
            {
              id,
              personId: `person-${String(index)}`,
              jurisdiction: law.jurisdiction,
              receivedAt,
              intakeJson: JSON.stringify(intake),
            },
            events,
            [],
          ),
        ),
      );
    }
    assert.equal(
      FINGERPRINTS[REPORT_FACTS_REVISION],
      hash.digest('hex'),
      'what a report row holds changed: give REPORT_FACTS_REVISION a new value and record this fingerprint under it',
    );
  });
});

for (const kind of TEST_STORES) {
  describe(`report facts (${kind.name})`, () => {
    let ctx: DeskContext;
    let url: string;
    let dispose: () => Promise<void>;
    let now = DECISION_TIME;
    const ids = { long: '', moved: '', informed: '' };

    before(async () => {
      const opened = await kind.open();
      ({ url, dispose } = opened);
      ctx = deskContext(opened.store, { now: () => now });
      // Received in June 2014 and released in June 2016: two years, so found by its flag.
      now = '2014-06-03T13:30:00.000Z';
      const long = await intakeCase(ctx, clerk, {
        ...docIntakeWithoutWarrant('F-LONG'),
        request: {
          ...docIntakeWithoutWarrant('F-LONG').request,
          receivedAt: '2014-06-02T10:00:00-04:00',
        },
      });
      now = '2016-06-03T13:30:00.000Z';
      await recordRelease(ctx, clerk, long.id, 1, {
        kind: 'released-despite-detainer',
        at: '2016-06-03T09:00:00-04:00',
      });
      ids.long = long.id;
      ids.moved = (await intakeCase(ctx, clerk, docIntakeWithWarrant('F-MOVED'))).id;
      // Received in FY2016; an information request answered in FY2017.
      ids.informed = (await intakeCase(ctx, clerk, docIntakeWithoutWarrant('F-INFO'))).id;
      const request = await recordInformationRequest(ctx, clerk, ids.informed, {
        receivedAt: '2016-06-02T10:00:00-04:00',
        information: ['release-date'],
        purpose: 'civil-immigration-enforcement',
        requiredByLaw: false,
      });
      now = '2016-11-02T13:30:00.000Z';
      await answerInformationRequest(ctx, clerk, ids.informed, request.id, { disclosed: [] });
      now = '2017-12-01T12:00:00.000Z';
    });
    after(() => dispose());

    it('a period finds every case something happened to in it, however long ago it began', async () => {
      const report = await tracedReport(ctx, auditor, FY2016);
      assert.deepEqual(counted(report, 'received').caseIds, [ids.moved, ids.informed].sort());
      // Released in the period, received two years before it.
      assert.deepEqual(counted(report, 'not-honored').caseIds, [ids.long]);
      const next = await tracedReport(ctx, auditor, FY2017);
      assert.equal(counted(next, 'received').value, 0);
      assert.equal(counted(next, 'not-honored').value, 0);
    });

    it('a report built again after a change counts the change; one whose rows did not change is the same', async () => {
      const first = await publicReport(ctx, undefined, FY2016);
      const again = await publicReport(ctx, undefined, FY2016);
      assert.deepEqual(again.figures, first.figures);
      // Corrected to a day in FY2017: it leaves one period and joins the other.
      await correctRequest(ctx, reviewer, ids.moved, 1, {
        request: { receivedAt: '2016-11-01T10:00:00-04:00' },
        reason: 'The date was mistyped at intake; the form says November.',
      });
      assert.equal(counted(await publicReport(ctx, undefined, FY2016), 'received').value, 1);
      assert.equal(counted(await publicReport(ctx, undefined, FY2017), 'received').value, 1);
    });

    it('every change to a case keeps its row as its records give it, and audit verify says so', async () => {
      const checked = await checkReportFacts(ctx);
      assert.deepEqual(checked, { checked: 3, problems: [] });
      const verification = await verifyAuditLog(ctx, auditor, verifier);
      assert.deepEqual(verification.problems, []);
      assert.equal(verification.records.reportFacts, 3);
    });

    it('audit verify names a row edited, removed or added behind the desk', async () => {
      const db = ctx.store.db;
      const row = await db
        .selectFrom('reportFacts')
        .selectAll()
        .where('caseId', '=', ids.long)
        .executeTakeFirstOrThrow();
      await db
        .updateTable('reportFacts')
        .set({
          factsJson: row.factsJson.replace('released-despite-detainer', 'transferred-to-ice'),
        })
        .where('caseId', '=', ids.long)
        .execute();
      await db.deleteFrom('reportFacts').where('caseId', '=', ids.moved).execute();
      await db
        .insertInto('reportFacts')
        .values({ ...row, caseId: 'no-such-case' })
        .execute();
      const verification = await verifyAuditLog(ctx, auditor, verifier);
      assert.deepEqual(
        verification.problems.map((problem) => `${problem.code} ${problem.subject ?? ''}`).sort(),
        [
          'record-mismatch report-facts/no-such-case',
          `record-mismatch report-facts/${ids.long}`,
          `record-mismatch report-facts/${ids.moved}`,
        ].sort(),
      );
      assert.equal(verification.ok, false);
      // Put back as the desk would derive them, for the next test.
      await db.deleteFrom('reportFacts').execute();
      await db.deleteFrom('reportFactsState').execute();
    });

    it('rows of another revision, or none, are derived again before a report reads them, and it is audited', async () => {
      await ctx.store.db
        .insertInto('reportFactsState')
        .values({ id: 1, revision: 'an older revision' })
        .execute();
      // A server started on the new code: a store it has not read reports from yet.
      const reopened = await openStore(url);
      try {
        const fresh = deskContext(reopened, { now: () => now });
        const report = await tracedReport(fresh, auditor, FY2016);
        assert.deepEqual(counted(report, 'received').caseIds, [ids.informed]);
        assert.deepEqual(counted(report, 'not-honored').caseIds, [ids.long]);
        const state = await reopened.db
          .selectFrom('reportFactsState')
          .select('revision')
          .executeTakeFirstOrThrow();
        assert.equal(state.revision, REPORT_FACTS_REVISION);
        const derived = await reopened.db
          .selectFrom('auditEntries')
          .select('payloadJson')
          .where('action', '=', 'report.facts-derived')
          .execute();
        assert.equal(derived.length, 1);
        assert.equal(
          (JSON.parse(derived[0]!.payloadJson) as { cases: number }).cases,
          3,
          'every case of a reporting jurisdiction',
        );
        assert.deepEqual((await checkReportFacts(fresh)).problems, []);
      } finally {
        await reopened.close();
      }
    });
  });
}
