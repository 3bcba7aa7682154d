import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserDeskForSuite, expectAccessible, screenshot } from './browser-desk.js';
import { TEST_PASSWORD } from '../../src/testing/desk-server.js';

const SET_BY_ADMIN = 'synthetic temporary phrase 7301';
const CHOSEN = 'a quiet harbour under seven lanterns';

describe('the signed-in person: navigation by role and the password change', () => {
  const browser = browserDeskForSuite();

  it('shows a clerk no Accounts or Audit link, and an administrator no intake', async () => {
    const clerk = await browser.newPage();
    await browser.signIn(clerk, 'clerk');
    await clerk.getByRole('heading', { name: 'Queue' }).waitFor();
    const clerkNav = clerk.getByRole('navigation', { name: 'Main' });
    await clerkNav.getByRole('link', { name: 'Record a request' }).waitFor();
    assert.equal(await clerkNav.getByRole('link', { name: 'Accounts' }).count(), 0);
    assert.equal(await clerkNav.getByRole('link', { name: 'Audit log' }).count(), 0);

    const admin = await browser.newPage();
    await browser.signIn(admin, 'admin');
    const adminNav = admin.getByRole('navigation', { name: 'Main' });
    await adminNav.getByRole('link', { name: 'Accounts' }).waitFor();
    await adminNav.getByRole('link', { name: 'Audit log' }).waitFor();
    assert.equal(await adminNav.getByRole('link', { name: 'Record a request' }).count(), 0);
    assert.equal(await adminNav.getByRole('link', { name: 'Queue' }).count(), 0);
    assert.deepEqual(browser.pageErrors, []);
  });

  it('after an administrator’s reset, signing in leads to the password change, which the API judges', async () => {
    const admin = await browser.desk.as('admin');
    const reset = await admin.request('POST', '/api/users/reviewer/password', {
      body: { password: SET_BY_ADMIN },
    });
    assert.equal(reset.status, 200, reset.text);

    const page = await browser.newPage();
    await page.goto('/?status=holding');
    await page.getByLabel('Username').fill('reviewer');
    await page.getByLabel('Password').fill(SET_BY_ADMIN);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Change your password' }).waitFor();
    await page.getByText('An administrator set your password. Choose a new one').waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    assert.equal(await nav.getByRole('link', { name: 'Queue' }).count(), 0);

    await page.getByLabel('Current password').fill(SET_BY_ADMIN);
    await page.getByLabel('New password', { exact: true }).fill('password');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('alert').getByText('The password was not changed').waitFor();
    const field = page.getByLabel('New password', { exact: true });
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    const words = (await page.locator('#f-newPassword-error').textContent()) ?? '';
    assert.notEqual(words.trim(), '');
    await expectAccessible(page);
    await screenshot(page, 'password');

    await field.fill(CHOSEN);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('heading', { name: 'Queue' }).waitFor();
    assert.match(page.url(), /\/\?status=holding$/);
    await nav.getByRole('link', { name: 'Queue' }).waitFor();
    await expectAccessible(page);

    const again = await browser.newPage();
    await browser.signIn(again, 'reviewer', CHOSEN);
    await again.getByRole('heading', { name: 'Queue' }).waitFor();
    assert.deepEqual(browser.pageErrors, []);
  });

  it('lets a person change their own password from the navigation', async () => {
    const page = await browser.newPage();
    await browser.signIn(page, 'auditor');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Change password' }).click();
    await page.getByRole('heading', { name: 'Change your password' }).waitFor();
    await page.getByLabel('Current password').fill('not the password');
    await page.getByLabel('New password', { exact: true }).fill(CHOSEN);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page
      .locator('#f-currentPassword-error')
      .getByText('is not your current password')
      .waitFor();
    await page.getByLabel('Current password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Your password was changed. Your other sessions have ended.').waitFor();
    await expectAccessible(page);
    assert.deepEqual(browser.pageErrors, []);
  });
});
