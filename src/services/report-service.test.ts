import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Actor } from '../auth/roles.js';
import { DeskError } from '../desk/errors.js';
import {
  DECISION_TIME,
  docIntakeWithWarrant,
  docIntakeWithoutWarrant,
} from '../testing/intake-fixtures.js';
import { TEST_STORES } from '../testing/test-stores.js';
import type { CountedFigure, Report } from '../reports/build-report.js';
import { intakeCase } from './case-service.js';
import { notifyIce, recordRelease, startHold } from './custody-service.js';
import { deskContext, type DeskContext } from './desk-context.js';
import {
  DASHBOARD_FRESH_MS,
  dashboard,
  publicBreakdowns,
  publicReport,
  refreshDashboard,
  reportDuties,
  tracedReport,
} from './report-service.js';
import { confirmDecision, decideCase } from './review-service.js';

const clerk: Actor = { id: 'u-clerk', username: 'clerk', role: 'clerk' };
const reviewer: Actor = { id: 'u-rev', username: 'reviewer', role: 'reviewer' };
const auditor: Actor = { id: 'u-aud', username: 'auditor', role: 'auditor' };

const YEAR_2016 = { jurisdiction: 'nyc-doc', from: '2016-01-01', to: '2016-12-31' };

function figure(report: Report, id: string): CountedFigure {
  const found = report.figures.find((candidate) => candidate.id === id);
  assert.ok(found?.status === 'counted', `${id} is counted`);
  return found;
}

for (const kind of TEST_STORES) {
  describe(`mandated reports from the desk's records (${kind.name})`, () => {
    let ctx: DeskContext;
    let dispose: () => Promise<void>;
    let now = DECISION_TIME;
    const ids: { transferred: string; declined: string } = { transferred: '', declined: '' };

    before(async () => {
      const opened = await kind.open();
      dispose = opened.dispose;
      ctx = deskContext(opened.store, { now: () => now });
      // Honored: held from Friday 6 p.m., ICE told, transferred on Monday (§ 9-131(b), LL58/2014).
      const held = await intakeCase(ctx, clerk, docIntakeWithWarrant('B-R1'));
      await decideCase(ctx, clerk, held.id, 1);
      await confirmDecision(ctx, reviewer, held.id, 2, {});
      now = '2016-06-03T22:00:00.000Z';
      await startHold(ctx, clerk, held.id, 3, { at: '2016-06-03T18:00:00-04:00' });
      await notifyIce(ctx, clerk, held.id, 4, {});
      now = '2016-06-06T14:05:00.000Z';
      await recordRelease(ctx, clerk, held.id, 5, {
        kind: 'transferred-to-ice',
        at: '2016-06-06T10:00:00-04:00',
      });
      ids.transferred = held.id;
      // Not honored: no judicial warrant, released by the court before any decision.
      now = '2016-06-03T23:00:00.000Z';
      const declined = await intakeCase(ctx, clerk, docIntakeWithoutWarrant('B-R2'));
      await recordRelease(ctx, clerk, declined.id, 1, {
        kind: 'released-despite-detainer',
        at: '2016-06-03T18:30:00-04:00',
        reason: 'Released by the court.',
      });
      ids.declined = declined.id;
      now = '2017-01-02T12:00:00.000Z';
    });
    after(() => dispose());

    it('counts each figure of § 9-131(f) as amended by LL58/2014 from the events, with no case in the public report', async () => {
      const report = await publicReport(ctx, auditor, YEAR_2016);
      assert.equal(report.law.citation, '§ 9-131(f), as amended by LL58/2014 § 3');
      assert.equal(report.period.kind, 'custom');
      assert.equal(figure(report, 'received').value, 2);
      assert.equal(figure(report, 'received-reason-ii').value, 2);
      assert.equal(figure(report, 'held').value, 1);
      assert.equal(figure(report, 'transferred').value, 1);
      assert.equal(figure(report, 'transferred-violent-or-serious').value, 1);
      assert.equal(figure(report, 'not-honored').value, 1);
      assert.equal(figure(report, 'held-not-transferred').value, 0);
      assert.ok(report.figures.every((each) => !('caseIds' in each)));
      assert.equal(
        report.headline,
        'In calendar year 2016 the DOC received 2 civil immigration detainers, held one person past release on them and transferred one person to ICE.',
      );
    });

    it('states the audit log it was built on', async () => {
      const report = await publicReport(ctx, auditor, YEAR_2016);
      const head = await ctx.store.db
        .selectFrom('auditHead')
        .select('size')
        .executeTakeFirstOrThrow();
      assert.equal(report.audit.size, head.size);
      assert.match(report.audit.rootSha256, /^[0-9a-f]{64}$/);
      assert.equal(report.dataAsOf, now);
    });

    it('an auditor opens the cases behind each figure, and the read is in the audit log', async () => {
      const report = await tracedReport(ctx, auditor, YEAR_2016);
      assert.deepEqual(figure(report, 'transferred').caseIds, [ids.transferred]);
      assert.deepEqual(figure(report, 'not-honored').caseIds, [ids.declined]);
      assert.deepEqual(figure(report, 'received').caseIds, [ids.transferred, ids.declined].sort());
      const entry = await ctx.store.db
        .selectFrom('auditEntries')
        .select(['actor', 'subject'])
        .where('action', '=', 'report.read-cases')
        .executeTakeFirstOrThrow();
      assert.deepEqual(entry, {
        actor: 'auditor',
        subject: 'report/nyc-doc/2016-01-01/2016-12-31',
      });
    });

    it('refuses the cases to a clerk', async () => {
      await assert.rejects(
        tracedReport(ctx, clerk, YEAR_2016),
        (error: unknown) => error instanceof DeskError && error.code === 'forbidden',
      );
    });

    it('a period outside the records counts nothing, and one before any duty is refused naming the field', async () => {
      const report = await publicReport(ctx, auditor, {
        ...YEAR_2016,
        from: '2015-01-01',
        to: '2015-12-31',
      });
      assert.equal(figure(report, 'received').value, 0);
      await assert.rejects(
        publicReport(ctx, auditor, { ...YEAR_2016, from: '2010-01-01', to: '2010-12-31' }),
        (error: unknown) =>
          error instanceof DeskError && error.issues.some((issue) => issue.path === 'to'),
      );
      await assert.rejects(
        publicReport(ctx, auditor, { ...YEAR_2016, jurisdiction: 'texas' }),
        (error: unknown) =>
          error instanceof DeskError && error.issues.some((issue) => issue.path === 'jurisdiction'),
      );
    });

    it('a statutory period is public; any other period only for a role that may open the cases', async () => {
      const statutory = { jurisdiction: 'nyc-doc', from: '2015-10-01', to: '2016-09-30' };
      const report = await publicReport(ctx, undefined, statutory);
      assert.equal(report.period.kind, 'statutory');
      await assert.rejects(
        publicReport(ctx, undefined, YEAR_2016),
        (error: unknown) => error instanceof DeskError && error.code === 'unauthenticated',
      );
      await assert.rejects(
        publicReport(ctx, clerk, YEAR_2016),
        (error: unknown) => error instanceof DeskError && error.code === 'forbidden',
      );
    });

    it('breakdowns: public for a statutory period, suppressed; refused for any other or an overlapped one', async () => {
      const breakdowns = await publicBreakdowns(ctx, {
        jurisdiction: 'nyc-doc',
        from: '2015-10-01',
        to: '2016-09-30',
      });
      assert.deepEqual(
        breakdowns.columns.map((column) => [column.id, column.total]),
        [
          ['received', 2],
          ['held', 1],
          ['transferred', 1],
          ['not-honored', 1],
        ],
      );
      const byMonth = breakdowns.tables.find((table) => table.dimension === 'month');
      // Two detainers in one month: no count of 1 to 10 is published, in a cell or a total.
      const published = [
        ...(byMonth?.cells.flat() ?? []),
        ...(byMonth?.rowTotals ?? []).map((total) => total.value),
      ];
      assert.ok(published.some((value) => value === null));
      assert.ok(published.every((value) => value === null || value === 0 || value > 10));
      assert.ok(!JSON.stringify(breakdowns).includes(ids.transferred));
      await assert.rejects(
        publicBreakdowns(ctx, YEAR_2016),
        (error: unknown) =>
          error instanceof DeskError && error.issues.some((issue) => issue.path === 'from'),
      );
    });

    it('lists the statutory periods that have ended', () => {
      const doc = reportDuties(ctx).find((duty) => duty.jurisdiction === 'nyc-doc');
      assert.deepEqual(
        doc?.periods.map((period) => `${period.from}..${period.to} ${period.due}`),
        [
          '2011-10-01..2012-09-30 2012-09-30',
          '2012-10-01..2013-09-30 2013-09-30',
          '2013-10-01..2014-09-30 2014-09-30',
          '2014-10-01..2015-09-30 2015-10-15',
          '2015-10-01..2016-09-30 2016-10-15',
        ],
      );
    });

    it('the dashboard gives each statutory period’s figures and each published figure beside the desk’s, rebuilt when a case changes', async () => {
      const first = await dashboard(ctx);
      const doc = first.agencies.find((agency) => agency.jurisdiction === 'nyc-doc');
      const fy2016 = doc?.periods.find((period) => period.due === '2016-10-15');
      assert.deepEqual(fy2016?.figures, {
        received: { value: 2, unknown: 0 },
        held: { value: 1, unknown: 0 },
        transferred: { value: 1, unknown: 0 },
        'not-honored': { value: 1, unknown: 0 },
      });
      // § 9-131(f)(1)(i)–(iv) as amended by LL58/2014: each box ticked on the form.
      assert.deepEqual(
        fy2016.reasons.map((reason) => [reason.sub, reason.value, reason.unknown]),
        [
          ['i', 0, 0],
          ['ii', 2, 0],
          ['iii', 0, 0],
          ['iv', 0, 0],
        ],
      );
      const published = first.published.find(
        (row) => row.jurisdiction === 'nyc-doc' && row.published === 'FY2016',
      );
      assert.equal(published?.received, 51);
      assert.deepEqual(
        published.readings.map((reading) => [reading.basis, reading.computed?.figures.received]),
        [
          // Not a statutory period: not public (publicReport).
          ['city fiscal year', undefined],
          ['statutory reporting year', { value: 2, unknown: 0 }],
        ],
      );
      assert.equal(await dashboard(ctx), first, 'the same records give the same dashboard');
      assert.equal(await refreshDashboard(ctx), first, 'unchanged records are not rebuilt');
      now = '2017-01-03T12:00:00.000Z';
      await intakeCase(ctx, clerk, docIntakeWithoutWarrant('B-R3'));
      // Served as built until it is DASHBOARD_FRESH_MS old; then checked in the background.
      assert.equal(await dashboard(ctx), first);
      now = new Date(Date.parse(now) + DASHBOARD_FRESH_MS).toISOString();
      assert.equal(await dashboard(ctx), first, 'a visitor does not wait for the rebuild');
      const second = await refreshDashboard(ctx);
      assert.notEqual(second, first);
      assert.equal(await dashboard(ctx), second);
      const received = second.agencies
        .find((agency) => agency.jurisdiction === 'nyc-doc')
        ?.periods.find((period) => period.due === '2016-10-15')?.figures.received;
      assert.deepEqual(received, { value: 3, unknown: 0 });
      await intakeCase(ctx, clerk, docIntakeWithoutWarrant('B-R4'));
      const [third, fourth] = await Promise.all([refreshDashboard(ctx), refreshDashboard(ctx)]);
      assert.notEqual(third, second);
      assert.equal(fourth, third, 'two checks at once build one dashboard');
    });
  });
}
