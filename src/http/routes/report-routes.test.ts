import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestDesk, type TestDesk } from '../../testing/desk-server.js';
import { pdfContent } from '../../testing/pdf-text.js';
import { TEST_STORES } from '../../testing/test-stores.js';

const PERIOD = '/api/reports/nyc-nypd?from=2016-10-01&to=2017-09-30';

interface Problem {
  title: string;
  errors?: { path: string; message: string }[];
}

for (const kind of TEST_STORES) {
  describe(`the mandated reports over HTTP (${kind.name})`, () => {
    let desk: TestDesk;
    before(async () => {
      desk = await startTestDesk(kind);
    });
    after(() => desk.close());

    it('anyone reads the duties and a statutory report, with no case in it', async () => {
      const duties = await desk.anonymous.request('GET', '/api/reports');
      assert.equal(duties.status, 200, duties.text);
      const nypd = (duties.body as { jurisdiction: string; periods: { due: string }[] }[]).find(
        (duty) => duty.jurisdiction === 'nyc-nypd',
      );
      assert.ok(nypd?.periods.some((period) => period.due === '2017-10-15'));
      const report = await desk.anonymous.request('GET', PERIOD);
      assert.equal(report.status, 200, report.text);
      const body = report.body as { period: { kind: string; due: string }; figures: object[] };
      assert.deepEqual([body.period.kind, body.period.due], ['statutory', '2017-10-15']);
      assert.equal(body.figures.length, 4);
      assert.ok(!report.text.includes('caseIds'));
    });

    it('gives the same report as CSV, one row per figure, as a download', async () => {
      const response = await desk.fetch(`${PERIOD}&format=csv`);
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type') ?? '', /^text\/csv/);
      assert.match(
        response.headers.get('content-disposition') ?? '',
        /attachment; filename="nyc-nypd-2016-10-01-2017-09-30.csv"/,
      );
      const lines = (await response.text()).trim().split('\n');
      assert.equal(lines.length, 5);
      assert.match(lines[0]!, /^agency,period_from,period_to,/);
      assert.match(lines[1]!, /^NYPD,2016-10-01,2017-09-30,statutory,/);
    });

    it('gives the same report as a PDF download, built from the public report', async () => {
      const json = (await desk.anonymous.request('GET', PERIOD)).body as {
        headline: string;
        audit: { rootSha256: string };
      };
      const response = await desk.fetch(`${PERIOD}&format=pdf`);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'application/pdf');
      assert.match(
        response.headers.get('content-disposition') ?? '',
        /attachment; filename="nyc-nypd-2016-10-01-2017-09-30.pdf"/,
      );
      const pdf = new Uint8Array(await response.arrayBuffer());
      assert.equal(Buffer.from(pdf.subarray(0, 5)).toString('latin1'), '%PDF-');
      const text = (await pdfContent(pdf)).text.replace(/\s+/g, ' ');
      assert.ok(text.includes(json.headline), text);
      assert.ok(text.includes(`SHA-256 ${json.audit.rootSha256}`));
      assert.ok(text.includes('Civil immigration detainers received from federal immigration'));
    });

    it('refuses a malformed or unended period, naming the field, with a problem', async () => {
      for (const [query, field] of [
        ['from=2016-13-01&to=2017-09-30', 'from'],
        ['from=2016-10-01&to=2099-09-30', 'to'],
        ['from=2017-10-01&to=2016-09-30', 'to'],
        ['from=2016-10-01', 'to'],
      ] as const) {
        const response = await desk.anonymous.request('GET', `/api/reports/nyc-nypd?${query}`);
        assert.equal(response.status, 400, `${query}: ${response.text}`);
        assert.ok(
          (response.body as Problem).errors?.some((issue) => issue.path === field),
          `${query}: ${response.text}`,
        );
      }
      const unknown = await desk.anonymous.request(
        'GET',
        '/api/reports/nowhere?from=2016-10-01&to=2017-09-30',
      );
      assert.equal(unknown.status, 400);
    });

    it('a period that is not statutory is for a reviewer, supervisor or auditor, not a visitor or a clerk', async () => {
      const custom = '/api/reports/nyc-nypd?from=2017-01-01&to=2017-12-31';
      const visitor = await desk.anonymous.request('GET', custom);
      assert.equal(visitor.status, 401, visitor.text);
      assert.match(visitor.text, /only the statutory periods are public/);
      assert.equal((await (await desk.as('clerk')).request('GET', custom)).status, 403);
      const auditor = await (await desk.as('auditor')).request('GET', custom);
      assert.equal(auditor.status, 200, auditor.text);
      assert.equal((auditor.body as { period: { kind: string } }).period.kind, 'custom');
    });

    it('anyone reads a statutory period’s breakdowns, suppressed; an overlapped period is refused', async () => {
      const breakdowns = await desk.anonymous.request(
        'GET',
        '/api/reports/nyc-nypd/breakdowns?from=2015-10-01&to=2016-09-30',
      );
      assert.equal(breakdowns.status, 200, breakdowns.text);
      const body = breakdowns.body as { tables: { dimension: string }[] };
      assert.deepEqual(
        body.tables.map((table) => table.dimension),
        ['month', 'facility', 'charge', 'nationality'],
      );
      const overlapped = await desk.anonymous.request(
        'GET',
        '/api/reports/nyc-nypd/breakdowns?from=2016-10-01&to=2017-09-30',
      );
      assert.equal(overlapped.status, 400, overlapped.text);
    });

    it('the cases behind the figures are for an auditor, not a clerk or a visitor', async () => {
      const path = PERIOD.replace('?', '/cases?');
      assert.equal((await desk.anonymous.request('GET', path)).status, 401);
      assert.equal((await (await desk.as('clerk')).request('GET', path)).status, 403);
      const traced = await (await desk.as('auditor')).request('GET', path);
      assert.equal(traced.status, 200, traced.text);
      const figures = (traced.body as { figures: { caseIds?: string[] }[] }).figures;
      assert.ok(figures.every((figure) => Array.isArray(figure.caseIds)));
    });
  });
}
