import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { loadDemoIceRelease } from '../../src/demo/load-demo-ice.js';
import {
  SYNTHETIC_RELEASE_FILE_NAME,
  SYNTHETIC_RELEASE_LABEL,
} from '../../src/ice/synthetic-release.js';
import { browserDeskForSuite, expectAccessible } from './browser-desk.js';

const screenshot = (name: string) =>
  fileURLToPath(new URL(`../../docs/screenshots/${name}.png`, import.meta.url));

const SECTIONS = [
  'The releases these figures come from',
  'Detainers by period',
  'By state',
  'By facility',
  'By outcome',
  'Most recorded declines',
  'Month by month',
  'New York City: ICE’s records beside the agencies’ figures',
];

interface Totals {
  totals: { detainers: number; declined: number };
}

/** Presses Tab (or Shift+Tab) until the element with this id has the focus. */
async function tabTo(page: Page, id: string, options: { max?: number; back?: boolean } = {}) {
  const max = options.max ?? 60;
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press(options.back === true ? 'Shift+Tab' : 'Tab');
    if (await page.evaluate((want) => document.activeElement?.id === want, id)) return;
  }
  throw new Error(`${id} was not reached in ${String(max)} presses`);
}

describe('ICE’s own records (public page)', () => {
  const browser = browserDeskForSuite();

  it('a visitor on a fresh install is told that no release is imported, and how to import one', async () => {
    const page = await browser.newPage();
    await page.goto('/');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'ICE’s records' })
      .click();
    await page.getByRole('heading', { name: 'ICE’s own records', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'No ICE release has been imported yet' }).waitFor();
    await page.getByRole('heading', { name: 'How to import a release' }).waitFor();
    await page.getByText('npx detainer-desk ice import <release file> …').waitFor();
    await page.getByRole('link', { name: 'deportationdata.org' }).waitFor();
    await page.getByText(SYNTHETIC_RELEASE_LABEL, { exact: true }).waitFor();
    // No table pretends to count anything, and the visitor was not sent to sign in.
    assert.equal(await page.getByRole('table').count(), 0);
    assert.equal(new URL(page.url()).pathname, '/ice');
    assert.deepEqual(await page.context().cookies(), []);
    await expectAccessible(page);
    assert.deepEqual(browser.pageErrors, []);
  });

  it('after the synthetic release is imported: every table with its caveats, labelled synthetic', async () => {
    const loaded = await loadDemoIceRelease(browser.desk.iceDatabase, {
      seed: 2017,
      now: '2026-01-02T00:00:00.000Z',
    });
    assert.equal(loaded.status, 'imported');
    assert.equal(loaded.rejected, 0);
    // The API's list of imports names it with its label.
    const imports = await browser.desk.anonymous.request('GET', '/api/ice/imports');
    const listed = (imports.body as { imports: { fileName: string; synthetic: boolean }[] })
      .imports;
    assert.deepEqual(
      listed.map((entry) => [entry.fileName, entry.synthetic]),
      [[SYNTHETIC_RELEASE_FILE_NAME, true]],
    );

    const page = await browser.newPage();
    await page.goto('/ice');
    await page.getByRole('heading', { name: 'Every figure on this page is made up' }).waitFor();
    const releases = page.getByRole('table', { name: 'Every release imported, oldest first' });
    await releases.getByRole('rowheader', { name: new RegExp(SYNTHETIC_RELEASE_LABEL) }).waitFor();
    for (const title of SECTIONS) {
      const section = page.getByRole('region', { name: title, exact: true });
      if (title === 'Month by month') {
        // A chart, named by its description (which says first that the figures are made up),
        // and its numbers as a table behind a disclosure.
        await section
          .getByRole('img', {
            name: /^These figures include the SYNTHETIC DEMO RELEASE — not ICE data: made up, not ICE data\. Line chart of the detainers ICE prepared in every state over 84 periods from 2012-10 to 2019-09/,
          })
          .waitFor();
        await section.locator('svg').first().waitFor();
        await section.getByText('The chart’s numbers as a table').click();
        const months = section.getByRole('table', { name: /by period/ });
        await months.getByRole('rowheader', { name: '2017-01', exact: true }).waitFor();
        assert.equal(await months.locator('tbody tr').count(), 84);
        await section.getByText('The chart’s numbers as a table').click();
      } else {
        await section.getByRole('table').first().waitFor();
      }
      // Beside each table, its caveats; the synthetic release's first among them.
      const caveats = section.getByRole('region', { name: `Caveats: ${title}` });
      await caveats.locator('li[data-caveat="synthetic-release"]').waitFor();
      assert.match(
        await caveats.locator('li').first().innerText(),
        /SYNTHETIC DEMO RELEASE — not ICE data/,
      );
      assert.ok((await caveats.locator('li[data-caveat="created-not-served"]').count()) === 1);
      if (title !== SECTIONS[0]) {
        // Where the figures come from, marked synthetic.
        await section.getByText(SYNTHETIC_RELEASE_LABEL, { exact: true }).first().waitFor();
      }
    }

    // The tables are the API's figures.
    const byYear = (await browser.desk.anonymous.request('GET', '/api/ice/stats?by=year'))
      .body as Totals;
    const periodTable = page.getByRole('table', { name: /by calendar year/ });
    const total = periodTable.getByRole('row', { name: /^Total/ });
    assert.match(
      await total.innerText(),
      new RegExp(`^Total\\s+${byYear.totals.detainers.toLocaleString('en-US')}\\s`),
    );
    await periodTable.getByRole('rowheader', { name: '2016', exact: true }).waitFor();
    const refusers = page.getByRole('table', { name: /with the most recorded declines/ });
    assert.equal(await refusers.locator('tbody tr').count(), 10);
    await page
      .getByRole('region', { name: 'By outcome', exact: true })
      .getByRole('rowheader', { name: 'Declined by the agency (as ICE recorded it)' })
      .waitFor();

    // New York City: each published figure beside ICE's count of the same period.
    const nyc = (await browser.desk.anonymous.request('GET', '/api/ice/nyc')).body as {
      figures: {
        agencyShort: string;
        published: string;
        readings: { basis: string; agency: { detainers: number } }[];
      }[];
    };
    const nypd2017 = nyc.figures.find(
      (figure) => figure.agencyShort === 'NYPD' && figure.published === '2017',
    );
    const calendar = nypd2017?.readings.find((reading) => reading.basis === 'calendar year');
    assert.ok(calendar !== undefined && calendar.agency.detainers > 0);
    const nycTable = page.getByRole('table', {
      name: 'The agencies’ published figures and ICE’s records of the same periods',
    });
    const row = nycTable.getByRole('row', { name: /NYPD, 2017 received 1,526.*calendar year/ });
    assert.match(
      await row.innerText(),
      new RegExp(calendar.agency.detainers.toLocaleString('en-US')),
    );
    await page
      .getByText('ICE’s records and the agencies’ own figures need not match', {
        exact: false,
      })
      .first()
      .waitFor();
    await nycTable.getByRole('row', { name: /DOC, FY2016.*city fiscal year/ }).waitFor();

    await expectAccessible(page);
    await page.setViewportSize({ width: 1280, height: 2600 });
    await page.evaluate(() => {
      window.scrollTo(0, 0);
    });
    await page.screenshot({ path: screenshot('ice-records') });
    await page
      .getByRole('region', { name: 'Month by month', exact: true })
      .screenshot({ path: screenshot('ice-records-series') });
    await page
      .getByRole('region', {
        name: 'New York City: ICE’s records beside the agencies’ figures',
        exact: true,
      })
      .screenshot({ path: screenshot('ice-records-nyc') });
    assert.deepEqual(browser.pageErrors, []);
  });

  it('works from the keyboard: skip link, the page’s links, the filters and the facility list', async () => {
    const page = await browser.newPage();
    await page.goto('/ice');
    await page.getByRole('heading', { name: 'Every figure on this page is made up' }).waitFor();
    await page.getByRole('table', { name: /by facility, most first: 15 of/ }).waitFor();

    await page.keyboard.press('Tab');
    assert.equal(
      await page.evaluate(() => document.activeElement?.textContent),
      'Skip to main content',
    );
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main-content');
    // The first link on the page leads to the releases.
    await page.keyboard.press('Tab');
    assert.equal(
      await page.evaluate(() => document.activeElement?.textContent),
      'The releases these figures come from',
    );
    await page.keyboard.press('Enter');
    assert.equal(new URL(page.url()).hash, '#releases');

    // On past the filters to the facilities: every one, by the button.
    await tabTo(page, 'ice-state');
    await tabTo(page, 'ice-facilities-all');
    await page.keyboard.press('Enter');
    await page
      .getByRole('table', { name: /by facility, most first: all \d+ facilities/ })
      .waitFor();

    // Back to the filters: a state and a period chosen from the keyboard, kept in the address.
    await tabTo(page, 'ice-period', { back: true });
    await page.keyboard.type('New York City');
    await page.waitForURL(/period=nyc-fy/);
    await page.keyboard.press('Shift+Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'ice-state');
    await page.keyboard.type('NEW YORK');
    await page.waitForURL(/state=NEW\+YORK/);
    const byPeriod = page.getByRole('table', { name: /in NEW YORK, by New York City fiscal year/ });
    await byPeriod.getByRole('rowheader', { name: 'FY2017', exact: true }).waitFor();
    const byState = page.getByRole('table', { name: /in NEW YORK, by the facility’s state/ });
    await byState.getByRole('rowheader', { name: 'NEW YORK', exact: true }).waitFor();
    assert.equal(await byState.locator('tbody tr').count(), 1);
    const ny = (await browser.desk.anonymous.request('GET', '/api/ice/stats?state=NEW%20YORK'))
      .body as Totals;
    assert.match(
      await byPeriod.getByRole('row', { name: /^Total/ }).innerText(),
      new RegExp(`^Total\\s+${ny.totals.detainers.toLocaleString('en-US')}\\s`),
    );
    // A reload keeps the choice.
    await page.reload();
    assert.equal(await page.getByLabel('State', { exact: true }).inputValue(), 'NEW YORK');
    assert.equal(await page.getByLabel('Count by').inputValue(), 'nyc-fy');
    await expectAccessible(page);
    assert.deepEqual(browser.pageErrors, []);
  });
});
