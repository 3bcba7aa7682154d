import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadDemoIceRelease } from '../../src/demo/load-demo-ice.js';
import { browserDeskForSuite, expectAccessible, screenshot } from './browser-desk.js';

describe('what if: replay an imported ICE release’s detainers', () => {
  const browser = browserDeskForSuite(async (desk) => {
    const demo = await loadDemoIceRelease(desk.iceDatabase, {
      seed: 2017,
      now: '2026-09-01T12:00:00Z',
    });
    assert.equal(demo.status, 'imported');
  });

  it('a reviewer replays Texas’s detainers of the demo release under SB 4 and sees what the rows gave', async () => {
    const page = await browser.pageAs('reviewer', '/what-if');
    await page.getByRole('heading', { name: 'What if: replay cases under another law' }).waitFor();
    await page.getByText('The detainers of an imported ICE release').click();
    const release = page.getByLabel('Release', { exact: true });
    await release.waitFor();
    assert.match(
      await release.locator('option').first().innerText(),
      /^1: SYNTHETIC DEMO RELEASE — not ICE data\.csv \(22,\d{3} detainers, 2012-10-\d\d to 2019-09-\d\d\)$/,
    );
    await expectAccessible(page);
    await page.getByLabel('Law to replay under').fill('texas@SB 4');
    await page.getByLabel('State (optional)').fill('TX');
    await page.getByLabel('Prepared from (optional)').fill('2017-08-01');
    await page.getByLabel('Prepared to, inclusive (optional)').fill('2017-09-30');
    await page.getByRole('button', { name: 'Replay' }).click();
    await page.getByText(/^Done: \d+ cases replayed\.$/).waitFor();
    await page.getByRole('heading', { name: 'The release’s rows' }).waitFor();
    await page.getByText('SYNTHETIC DEMO RELEASE — not ICE data', { exact: true }).waitFor();
    await page
      .getByText(
        /^ICE release 1 \(SYNTHETIC DEMO RELEASE — not ICE data\.csv, format F\): [\d,]+ rows read, [\d,]+ replayed as cases, [\d,]+ skipped\.$/,
      )
      .waitFor();
    const agencies = page.getByRole('table', {
      name: 'Cases by the agency their facility falls under',
    });
    assert.match(
      await agencies.getByRole('row', { name: /^Texas / }).innerText(),
      /^Texas\s+[\d,]+\s+0$/,
    );
    const unknown = page.getByRole('table', {
      name: 'Facts the release cannot tell, left unknown (never guessed)',
    });
    await unknown.getByRole('row', { name: /^record\.searchCompleted / }).waitFor();
    await page
      .getByRole('table', { name: 'Rows skipped, by reason' })
      .getByRole('row', { name: /^a likely duplicate/ })
      .waitFor();
    // Tex. Code Crim. Proc. art. 2.251 (SB 4) took effect on 2017-09-01; under it the duty to honour
    // a detainer is lifted by "proof that the person is a citizen of the United States or has lawful
    // immigration status" (art. 2.251(b)), a fact no release records: August's holds, allowed
    // under the federal regulation alone, need it.
    const changed = page.getByRole('table', { name: /^Answers that changed/ });
    const first = changed.getByRole('row', { name: /^row \d+ (hold|notify)/ }).first();
    assert.match(
      await first.innerText(),
      /allowed\s+needs-information\s+Tex\. Code Crim\. Proc\. art\. 2\.251/,
    );
    await expectAccessible(page);
    await screenshot(page, 'what-if-release');
    assert.deepEqual(browser.pageErrors, []);
  });

  it('a release with no rows in scope is refused, naming why, and nothing runs', async () => {
    const page = await browser.pageAs('auditor', '/what-if');
    await page.getByText('The detainers of an imported ICE release').click();
    await page.getByLabel('Release', { exact: true }).waitFor();
    await page.getByLabel('Law to replay under').fill('texas');
    await page.getByLabel('State (optional)').fill('WY');
    await page.getByRole('button', { name: 'Replay' }).click();
    const alert = page.getByRole('alert');
    await alert.getByRole('heading', { name: 'The replay did not start' }).waitFor();
    await alert.getByText('release 1 has no rows in WYOMING', { exact: false }).first().waitFor();
    await expectAccessible(page);
    assert.deepEqual(browser.pageErrors, []);
  });
});
