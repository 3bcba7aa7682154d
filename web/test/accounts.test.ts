import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserDeskForSuite, expectAccessible, screenshot } from './browser-desk.js';

describe('the accounts page', () => {
  const browser = browserDeskForSuite();

  it('an administrator creates an account (a bad username named beside its field) and disables it', async () => {
    const page = await browser.newPage();
    await browser.signIn(page, 'admin');
    // An administrator may not read case files: home is the first page the role may use.
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
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

  it('an administrator changes a role, resets a password, and issues and revokes an integration’s tokens', async () => {
    const page = await browser.pageAs('admin', '/accounts');
    await page.getByRole('button', { name: 'Manage reviewer2' }).click();
    const panel = page.getByRole('region', { name: 'Account reviewer2' });
    await panel.getByLabel('Role of reviewer2').selectOption('supervisor');
    await panel.getByRole('button', { name: 'Change the role' }).click();
    await panel.getByText('reviewer2 is now supervisor.').waitFor();
    await page
      .getByRole('row', { name: /^reviewer2/ })
      .getByRole('cell', { name: 'Supervisor' })
      .waitFor();
    await panel.getByLabel('New password for reviewer2').fill('short');
    await panel.getByRole('button', { name: 'Reset the password' }).click();
    await panel.getByRole('alert').getByText('The password was not reset').waitFor();
    assert.equal(
      await panel.getByLabel('New password for reviewer2').getAttribute('aria-invalid'),
      'true',
    );
    await panel.getByLabel('New password for reviewer2').fill('a synthetic reset passphrase 77');
    await panel.getByRole('button', { name: 'Reset the password' }).click();
    await panel
      .getByText('reviewer2 must choose a new one at their next sign-in.', { exact: false })
      .waitFor();
    // A person's account gets no API token: the API's words.
    await panel.getByLabel('What the token is for').fill('Synthetic feed');
    await panel.getByRole('button', { name: 'Issue a token' }).click();
    await panel
      .getByRole('alert')
      .getByText(/reviewer2 is a person's account: API tokens are only for system integrations/)
      .waitFor();
    await expectAccessible(page);

    // A system integration: created without a password, then a token shown once, then revoked.
    await page.getByLabel('Username').fill('synthetic-feed');
    await page.getByLabel('Name', { exact: true }).fill('Synthetic reporting feed');
    await page.getByRole('button', { name: 'Create the account' }).click();
    await page.getByText('Created synthetic-feed.').waitFor();
    await page.getByRole('button', { name: 'Manage synthetic-feed' }).click();
    const feed = page.getByRole('region', { name: 'Account synthetic-feed' });
    await feed.getByText('No API tokens.').waitFor();
    await feed.getByLabel('What the token is for').fill('Nightly export');
    await feed.getByLabel('Days until it expires').fill('30');
    await feed.getByRole('button', { name: 'Issue a token' }).click();
    await feed.getByRole('heading', { name: 'The token, shown this once' }).waitFor();
    const token = await feed.locator('code').innerText();
    assert.match(token, /^ddt/);
    const tokens = feed.getByRole('table', { name: 'API tokens of synthetic-feed' });
    await tokens
      .getByRole('row', { name: /Nightly export/ })
      .getByText('Issued')
      .waitFor();
    await expectAccessible(page);
    await screenshot(page, 'accounts-tokens');
    const health = await browser.desk.anonymous.request('GET', '/api/users', {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.notEqual(health.status, 401);
    await tokens.getByRole('button', { name: 'Revoke Nightly export' }).click();
    await tokens
      .getByRole('row', { name: /Nightly export/ })
      .getByText(/^Revoked/)
      .waitFor();
    const revoked = await browser.desk.anonymous.request('GET', '/api/users', {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(revoked.status, 401);
    assert.deepEqual(browser.pageErrors, []);
  });

  it('a clerk is refused the accounts page, in the API’s words', async () => {
    const page = await browser.pageAs('clerk', '/accounts');
    await page
      .getByRole('alert')
      .getByText(/the clerk role may not users\.manage/)
      .waitFor();
    assert.equal(await page.getByRole('table').count(), 0);
    await expectAccessible(page);
    assert.deepEqual(browser.pageErrors, []);
  });
});
