import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserDeskForSuite, expectAccessible, screenshot } from './browser-desk.js';
import { decidedCase } from './seed-cases.js';

describe('the printed decision memo', () => {
  const browser = browserDeskForSuite();

  it('carries the statute text of each controlling clause, once, though none was opened', async () => {
    const id = await decidedCase(browser.desk, 'C-MEMO', { name: 'Synthetic Morgan Memo' });
    const page = await browser.pageAs('reviewer', `/cases/${id}`);
    const hold = page.getByRole('article', { name: /^Hold past the release time/ });
    await hold.getByText('Allowed', { exact: true }).waitFor();
    const clauses = hold.locator('details.desk-clause');
    const cited = await clauses.count();
    assert.ok(cited > 0);
    // On screen the text waits behind each clause's disclosure.
    await page.locator('.desk-print-only').first().waitFor({ state: 'attached' });
    assert.equal(await hold.locator('blockquote:visible').count(), 0);
    await expectAccessible(page);

    await page.emulateMedia({ media: 'print' });
    const printed = hold.locator('blockquote:visible');
    await printed.first().waitFor();
    assert.equal(await printed.count(), cited, 'one text per clause cited');
    for (const text of await printed.allTextContents()) assert.ok(text.length > 40, text);
    await screenshot(page, 'memo');
    // Opened on screen, a clause still prints its text once.
    await page.emulateMedia({ media: 'screen' });
    await clauses.first().locator('summary').click();
    await clauses.first().locator('blockquote').waitFor();
    await page.emulateMedia({ media: 'print' });
    assert.equal(await hold.locator('blockquote:visible').count(), cited);
    assert.deepEqual(browser.pageErrors, []);
  });
});
