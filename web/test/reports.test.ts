import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { browserDeskForSuite, expectAccessible, screenshot } from './browser-desk.js';
import { refreshDashboard } from '../../src/services/report-service.js';
import { decidedCase } from './seed-cases.js';

const DASHBOARD_SCREENSHOT = fileURLToPath(
  new URL('../../docs/screenshots/reports-dashboard.png', import.meta.url),
);

/** DOC's statutory period in which the seeded requests were received (May 2016). */
const PERIOD = { from: '2015-10-01', to: '2016-09-30' };
const PERIOD_LABEL = 'October 2015 to September 2016, the report due 2016-10-15';
const REPORT = `/reports/nyc-doc?from=${PERIOD.from}&to=${PERIOD.to}`;

/** The requests a page sent for the cases behind a report's figures. */
function casesRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    if (/\/api\/reports\/[^/?]+\/cases/.test(request.url())) seen.push(request.url());
  });
  return seen;
}

/** The requests a page sent for a period's breakdowns. */
function breakdownsRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    if (/\/api\/reports\/[^/?]+\/breakdowns/.test(request.url())) seen.push(request.url());
  });
  return seen;
}

describe('the reports, public, and the cases behind a figure', () => {
  const ids: string[] = [];
  const browser = browserDeskForSuite(async (desk) => {
    for (const booking of ['R-101', 'R-102', 'R-103']) ids.push(await decidedCase(desk, booking));
    // The server built the dashboard on start, before these cases; a visitor would see them
    // within DASHBOARD_FRESH_MS. The test asks for the rebuild now.
    await refreshDashboard(desk.ctx);
  });

  it('a visitor finds the dashboard from the header: each period’s figures, the chart with its table, the published figures and a CSV', async () => {
    const page = await browser.newPage();
    const traced = casesRequests(page);
    await page.goto('/');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Reports' })
      .click();
    await page.getByRole('heading', { name: 'Reports', exact: true }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/reports');

    const doc = page.getByRole('region', { name: 'New York City Department of Correction' });
    const table = doc.getByRole('table', { name: /The DOC’s statutory reporting periods/ });
    const row = table.getByRole('row', { name: new RegExp(`^${PERIOD_LABEL}`) });
    const cells = await row.getByRole('cell').allInnerTexts();
    // The law, then received, held, transferred, not honoured: the three requests received.
    assert.equal(cells[1], '3');
    // A period whose text does not ask for a figure says so (DOC's first text has no "received").
    const first = table.getByRole('row', { name: /^October 2011 to September 2012/ });
    await first.getByText('not asked for by the period’s text').waitFor({ state: 'attached' });

    // The trend chart: drawn (SVG), named by its description, its numbers as a table.
    const chart = doc.getByRole('img', { name: /^Bar chart of the DOC's figures over 15 periods/ });
    await chart.locator('svg').waitFor();
    // The page runs to every agency and every published figure: the docs show the first agency.
    const bottom = await doc.evaluate(
      (section) => section.getBoundingClientRect().bottom + scrollY,
    );
    await page.screenshot({
      path: DASHBOARD_SCREENSHOT,
      fullPage: true,
      clip: { x: 0, y: 0, width: 1280, height: Math.ceil(bottom) + 16 },
    });
    const trend = doc.getByRole('figure', { name: 'The DOC’s figures by statutory period' });
    await trend.getByText('The chart’s numbers as a table').click();
    const numbers = trend.getByRole('table', { name: "The DOC's figures by period" });
    await numbers.getByRole('row', { name: /^Oct 2015–Sep 2016 3 / }).waitFor();
    // The reasons given, for the periods whose text counts them (all but the first): the three
    // requests ticked "removal proceedings initiated", (ii).
    const reasons = doc.getByRole('figure', {
      name: 'Reasons given for the detainers the DOC received',
    });
    await reasons
      .getByRole('img', { name: /^Bar chart of the reasons .* the DOC received, over 14 periods/ })
      .locator('svg')
      .waitFor();
    await reasons.getByText('The chart’s numbers as a table').click();
    await reasons
      .getByRole('table', { name: /^Reasons given for the detainers the DOC received, by period/ })
      .getByRole('row', { name: 'Oct 2015–Sep 2016 0 3 0 0', exact: true })
      .waitFor();

    // The published figures beside the desk's, every reading of their period, sources linked.
    const nypd2017 = page.getByRole('article', { name: 'NYPD, 2017' });
    await nypd2017
      .getByText(
        'Whether the NYPD’s published figures for 2017 are for the calendar year or the statutory reporting year is not settled.',
      )
      .waitFor();
    const compared = nypd2017.getByRole('table');
    // The calendar year is not a statutory period: its figures are not public, and not linked.
    await compared
      .getByRole('columnheader', { name: 'The desk, calendar year: 2017-01-01 to 2017-12-31' })
      .waitFor();
    await compared
      .getByRole('columnheader', { name: /^The desk, statutory reporting year: October 2016/ })
      .getByRole('link')
      .waitFor();
    await compared
      .getByRole('row', {
        name: 'Detainers received 1,526 not public: not a period the law sets 0',
        exact: true,
      })
      .waitFor();
    await nypd2017.getByText(/reviewers, supervisors and auditors may open its report/).waitFor();
    assert.equal(
      await nypd2017.getByRole('link', { name: /NYPD Legislative Affairs Director/ }).count(),
      1,
    );
    await page.getByRole('heading', { name: 'How the figures are made' }).waitFor();
    assert.deepEqual(await page.context().cookies(), []);
    await expectAccessible(page);

    // The period's report as CSV, downloaded from its row.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row.getByRole('link', { name: /^CSV/ }).click(),
    ]);
    assert.equal(download.suggestedFilename(), `nyc-doc-${PERIOD.from}-${PERIOD.to}.csv`);
    const csv = readFileSync(await download.path(), 'utf8')
      .trim()
      .split('\n');
    assert.match(csv[0]!, /^agency,period_from,period_to,/);
    assert.ok(csv.some((line) => line.startsWith(`DOC,${PERIOD.from},${PERIOD.to},statutory,`)));
    assert.match(
      (await row.getByRole('link', { name: /^JSON/ }).getAttribute('href')) ?? '',
      /^\/api\/reports\/nyc-doc\?from=2015-10-01&to=2016-09-30$/,
    );

    // The row leads to its report.
    await row.getByRole('link', { name: PERIOD_LABEL, exact: true }).click();
    await page
      .getByRole('heading', { level: 1, name: /the DOC received 3 civil immigration detainers/ })
      .waitFor();
    assert.deepEqual(traced, []);
    assert.deepEqual(browser.pageErrors, []);
  });

  it('a visitor reads a report: headline, period, law, figures with their words, method, audit state; keyboard, print and another period', async () => {
    const page = await browser.newPage();
    const traced = casesRequests(page);
    await page.goto(REPORT);
    const headline = page.getByRole('heading', { level: 1 });
    await headline.getByText(/^From October 2015 to September 2016 the DOC received 3 /).waitFor();
    await page
      .getByText(
        'A statutory period: one the law sets for this report; the report was due 2016-10-15.',
      )
      .waitFor();
    const law = page.getByRole('link', { name: /^§ 9-131\(f\), as amended by LL58\/2014/ });
    assert.match((await law.getAttribute('href')) ?? '', /^https?:\/\//);
    await page.getByText('LL58/2014, in force from 2014-12-14').waitFor();
    await page.getByText(/^its first \d+ entries, Merkle root/).waitFor();

    const figures = page.getByRole('table', { name: /^Each figure § 9-131\(f\)/ });
    const received = figures.locator('#figure-received');
    assert.deepEqual((await received.getByRole('cell').allInnerTexts()).slice(0, 3), [
      '¶ 1',
      '3',
      '0',
    ]);
    const about = received.getByText('The law’s words and the method');
    await about.click();
    const opened = received.locator('details.desk-figure-details');
    await opened.locator('blockquote').getByText(/^1\. /).waitFor();
    await opened.getByText(/^How the desk counts it:/).waitFor();
    // A figure the desk reads is marked as its reading.
    assert.ok((await figures.getByText('The desk’s reading', { exact: true }).count()) > 0);
    await page.getByRole('heading', { name: 'Method' }).waitFor();
    // Public: no cases behind the figures, and none asked for.
    assert.equal(await page.getByText('Cases behind this figure').count(), 0);
    const pdf = page.getByRole('link', { name: /^PDF/ });
    assert.match((await pdf.getAttribute('href')) ?? '', /format=pdf$/);
    await expectAccessible(page);
    await screenshot(page, 'report');

    // From the keyboard alone: every disclosure, download and the period chooser are reached.
    await page.reload();
    await headline.getByText(/^From October 2015 to September 2016 /).waitFor();
    const reached = new Set<string>();
    for (let presses = 0; presses < 150 && !reached.has('button Open the report'); presses += 1) {
      await page.keyboard.press('Tab');
      reached.add(
        await page.evaluate(() => {
          const element = document.activeElement;
          const label =
            element instanceof HTMLSelectElement ? (element.labels[0]?.textContent ?? '') : '';
          return `${element?.tagName.toLowerCase() ?? ''} ${label || (element?.textContent ?? '').trim()}`;
        }),
      );
    }
    for (const control of [
      'a Reports',
      'a CSV of the DOC’s report for October 2015 to September 2016, the report due 2016-10-15',
      'summary The law’s words and the method for “Civil immigration detainers lodged with the department”',
      'select Statutory period',
      'button Open the report',
    ]) {
      assert.ok(
        reached.has(control),
        `${control} is not reached by Tab: ${[...reached].join(' | ')}`,
      );
    }

    // Printed, it is the report: the words of every figure, no form or downloads.
    await page.emulateMedia({ media: 'print' });
    assert.ok(
      !(await page.getByRole('heading', { name: 'The report for another period' }).isVisible()),
    );
    assert.ok(!(await page.getByRole('heading', { name: 'Download this report' }).isVisible()));
    assert.ok(await figures.locator('#figure-held .desk-print-only').isVisible());
    await page.emulateMedia({ media: 'screen' });

    // Another statutory period, chosen from the list.
    await page
      .getByLabel('Statutory period')
      .selectOption({ label: 'October 2016 to September 2017, the report due 2017-10-15' });
    await page.getByRole('button', { name: 'Open the report' }).click();
    await headline.getByText(/^From October 2016 to September 2017 the DOC received no /).waitFor();
    assert.match(page.url(), /from=2016-10-01&to=2017-09-30/);
    // Any other period is not public: no form offers one, and one asked for by its address is
    // refused in the API's words, with the way to sign in.
    assert.equal(await page.getByLabel('First day').count(), 0);
    await page.getByText(/^Only the periods the law sets are public/).waitFor();
    await page.goto('/reports/nyc-doc?from=2016-01-01&to=2016-12-31');
    await page
      .getByRole('alert')
      .getByText(/only the statutory periods are public; sign in as a reviewer/)
      .waitFor();
    await page.getByRole('main').getByRole('link', { name: 'Sign in' }).waitFor();
    await expectAccessible(page);
    assert.deepEqual(traced, []);
    assert.deepEqual(browser.pageErrors, []);
  });

  it('a visitor reads a statutory period’s breakdowns: suppressed cells said so, the totals; an overlapped period’s reason', async () => {
    const page = await browser.newPage();
    const asked = breakdownsRequests(page);
    await page.goto(REPORT);
    await page.getByRole('heading', { level: 1, name: /the DOC received 3/ }).waitFor();
    const section = page.getByRole('region', {
      name: 'By month, facility, charge and nationality',
    });
    await section
      .getByText(/cells of 1 to 10, and others needed to protect them, are not shown/)
      .waitFor();
    const months = section.getByRole('table', {
      name: /^By month: the DOC’s figures for October 2015/,
    });
    await months
      .getByRole('columnheader', { name: 'Civil immigration detainers lodged with the department' })
      .waitFor();
    // May 2016's three requests are a small cell: suppressed, by the API's decision.
    const may = months.getByRole('row', { name: /^May 2016 / });
    assert.deepEqual(await may.getByRole('cell').allInnerTexts(), ['suppressed', '0', '0', '0']);
    const june = months.getByRole('row', { name: /^June 2016 / });
    assert.deepEqual(await june.getByRole('cell').allInnerTexts(), ['0', '0', '0', '0']);
    // The column totals are the statutory figures, published exactly.
    const total = months.getByRole('row', { name: /^Total / });
    assert.deepEqual(await total.getByRole('cell').allInnerTexts(), ['3', '0', '0', '0']);
    // The explanation is given once, and each table is described by it.
    assert.equal(
      await page.getByText(/cells of 1 to 10, and others needed to protect them/).count(),
      1,
    );
    assert.equal(await months.getAttribute('aria-describedby'), 'breakdowns-suppressed-note');
    for (const name of [/^By facility/, /^By most serious custody charge/, /^By nationality/]) {
      await section.getByRole('table', { name }).waitFor();
    }
    await expectAccessible(page);
    assert.equal(asked.length, 1);

    // A period a later statutory one overlaps: the API's reason, in words, not an alert.
    await page.goto('/reports/nyc-doc?from=2016-10-01&to=2017-09-30');
    await page.getByRole('heading', { level: 1, name: /the DOC received no/ }).waitFor();
    await section
      .getByText(
        /^The figures are not broken down for this period: this period overlaps the one from 2017-07-01 to 2018-06-30/,
      )
      .waitFor();
    assert.equal(await section.getByRole('table').count(), 0);
    assert.equal(await page.getByRole('alert').count(), 0);
    await expectAccessible(page);
    assert.equal(asked.length, 2);
    assert.deepEqual(browser.pageErrors, []);
  });

  it('a custom period has no breakdowns, and the page does not ask for them', async () => {
    const page = await browser.pageAs('auditor');
    const asked = breakdownsRequests(page);
    await page.goto('/reports/nyc-doc?from=2016-01-01&to=2016-12-31');
    await page.getByRole('heading', { level: 1, name: /^In calendar year 2016 the DOC/ }).waitFor();
    assert.equal(
      await page
        .getByRole('heading', { name: 'By month, facility, charge and nationality' })
        .count(),
      0,
    );
    assert.deepEqual(asked, []);
    assert.deepEqual(browser.pageErrors, []);
  });

  it('an auditor builds a report for any period: a bad one refused beside its field, a calendar year labelled custom', async () => {
    const page = await browser.pageAs('auditor', REPORT);
    const headline = page.getByRole('heading', { level: 1 });
    await headline.getByText(/^From October 2015 to September 2016 /).waitFor();
    await page.getByLabel('First day').fill('2017-10-01');
    await page.getByLabel('Last day').fill('2016-09-30');
    await page.getByLabel('Last day').press('Enter');
    await page.locator('#f-to-error').getByText('is before from (2017-10-01)').waitFor();
    assert.equal(await page.getByLabel('Last day').getAttribute('aria-invalid'), 'true');
    await page.getByRole('alert').getByText('No report for that period').waitFor();
    await expectAccessible(page);

    await page.getByLabel('First day').fill('2016-01-01');
    await page.getByLabel('Last day').fill('2016-12-31');
    await page.getByRole('button', { name: 'Build the report' }).click();
    await headline.getByText(/^In calendar year 2016 the DOC received 3 /).waitFor();
    await page.getByText(/^A custom period: not one the law sets/).waitFor();
    assert.match(page.url(), /from=2016-01-01&to=2016-12-31/);
    assert.equal(await page.locator('#f-to-error').count(), 0);
    await expectAccessible(page);
    assert.deepEqual(browser.pageErrors, []);
  });

  it('an auditor opens the cases behind a figure, each linked to its case', async () => {
    const page = await browser.pageAs('auditor', REPORT);
    const traced = casesRequests(page);
    const received = page.locator('#figure-received');
    await received.getByText('Cases behind this figure').waitFor();
    // Nothing is asked for until a figure's cases are opened.
    assert.deepEqual(traced, []);
    await received.getByText('Cases behind this figure').click();
    await received.getByText('Counted: 3 cases').waitFor();
    const links = received.getByRole('link');
    assert.deepEqual((await links.allInnerTexts()).sort(), [...ids].sort());
    assert.equal(traced.length, 1);
    await expectAccessible(page);
    await links.first().click();
    await page.waitForURL(/\/cases\//);
    await page
      .getByRole('heading', { name: /Test Person Alpha/ })
      .first()
      .waitFor();
    // The read is audited.
    const auditor = await browser.desk.as('auditor');
    const entries = await auditor.request('GET', '/api/audit/entries?limit=1000');
    assert.match(entries.text, /"report\.read-cases"/);
    assert.match(entries.text, /report\/nyc-doc\/2015-10-01\/2016-09-30/);
    assert.deepEqual(browser.pageErrors, []);
  });

  it('a clerk reads the report without the cases behind it, and never asks for them', async () => {
    const page = await browser.pageAs('clerk');
    const traced = casesRequests(page);
    await page.goto(REPORT);
    await page.getByRole('heading', { level: 1, name: /the DOC received 3/ }).waitFor();
    await page.locator('#figure-received').getByText('The law’s words and the method').click();
    assert.equal(await page.getByText('Cases behind this figure').count(), 0);
    assert.equal(await page.getByLabel('First day').count(), 0);
    // A period the law does not set: the API's refusal, and the clerk stays signed in.
    await page.goto('/reports/nyc-doc?from=2016-01-01&to=2016-12-31');
    await page.getByRole('alert').getByText('No report for that period').waitFor();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    assert.deepEqual(traced, []);
    assert.deepEqual(browser.pageErrors, []);
  });
});
