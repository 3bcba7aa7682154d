import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  expectAccessible,
  screenshot,
  startBrowserDesk,
  type BrowserDesk,
} from './browser-desk.js';
import { decidedCase } from './seed-cases.js';

describe('the audit page', () => {
  let browser: BrowserDesk;
  before(async () => {
    browser = await startBrowserDesk();
    await decidedCase(browser.desk, 'A-1');
  });
  after(() => browser.close());

  it('an auditor verifies the log and reads its entries', async () => {
    const page = await browser.newPage();
    await browser.signIn(page, 'auditor');
    await page.getByRole('heading', { name: 'Queue' }).waitFor();
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('button', { name: 'Verify the audit log' }).click();
    await page.getByRole('heading', { name: 'The audit log verifies' }).waitFor();
    await page.getByText(/1 cases, 1 decisions and 0 information requests match/).waitFor();
    const entries = page.getByRole('table', { name: 'Audit entries in order' });
    await entries.getByRole('cell', { name: 'case.intake' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'audit');
    const verified = await browser.desk.ctx.store.db
      .selectFrom('auditEntries')
      .select('actor')
      .where('action', '=', 'audit.verify')
      .execute();
    assert.deepEqual(verified, [{ actor: 'auditor' }]);
    assert.deepEqual(browser.pageErrors, []);
  });

  it('a clerk is refused, in the API’s words', async () => {
    const page = await browser.newPage();
    await browser.signIn(page, 'clerk');
    await page.getByRole('heading', { name: 'Queue' }).waitFor();
    await page.goto('/audit');
    const refusal = page.getByRole('alert');
    await refusal.getByText('the clerk role may not audit.read').waitFor();
    await expectAccessible(page);
    assert.deepEqual(browser.pageErrors, []);
  });
});
