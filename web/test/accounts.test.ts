import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  expectAccessible,
  screenshot,
  startBrowserDesk,
  type BrowserDesk,
} from './browser-desk.js';

describe('the accounts page', () => {
  let browser: BrowserDesk;
  before(async () => {
    browser = await startBrowserDesk();
  });
  after(() => browser.close());

  it('an administrator creates an account (a bad username named beside its field) and disables it', async () => {
    const page = await browser.newPage();
    await browser.signIn(page, 'admin');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Accounts' })
      .click();
    await page.getByRole('heading', { name: 'Accounts' }).waitFor();
    await page.getByRole('row', { name: /reviewer2/ }).waitFor();
    await page.getByLabel('Username').fill('X');
    await page.getByLabel('Name', { exact: true }).fill('Synthetic New Clerk');
    await page.getByLabel('First password').fill('a long enough synthetic passphrase 42');
    await page.getByRole('button', { name: 'Create the account' }).click();
    await page.getByRole('alert').getByText('The account was not created').waitFor();
    assert.equal(await page.getByLabel('Username').getAttribute('aria-invalid'), 'true');
    await expectAccessible(page);
    await page.getByLabel('Username').fill('new-clerk');
    await page.getByRole('button', { name: 'Create the account' }).click();
    await page.getByText('Created new-clerk.').waitFor();
    await page.getByRole('button', { name: 'Disable new-clerk' }).click();
    await page
      .getByRole('row', { name: /new-clerk/ })
      .getByRole('cell', { name: 'Disabled' })
      .waitFor();
    await screenshot(page, 'accounts');
    assert.deepEqual(browser.pageErrors, []);
  });

  it('a clerk is refused the accounts page, in the API’s words', async () => {
    const page = await browser.newPage();
    await browser.signIn(page, 'clerk');
    await page.getByRole('heading', { name: 'Queue' }).waitFor();
    await page.goto('/accounts');
    await page
      .getByRole('alert')
      .getByText(/the clerk role may not users\.manage/)
      .waitFor();
    assert.equal(await page.getByRole('table').count(), 0);
    await expectAccessible(page);
    assert.deepEqual(browser.pageErrors, []);
  });
});
