import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserDeskForSuite, expectAccessible, screenshot } from './browser-desk.js';
import { decidedCase } from './seed-cases.js';

describe('signing in and out', () => {
  const browser = browserDeskForSuite((desk) => decidedCase(desk, 'S-1'));

  it('sends a signed-out person to sign in, then to the page they asked for', async () => {
    const page = await browser.newPage();
    await page.goto('/?status=decided');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    assert.match(page.url(), /\/sign-in\?next=%2F%3Fstatus%3Ddecided$/);
    await expectAccessible(page);
    await screenshot(page, 'sign-in');
    await page.getByLabel('Username').fill('reviewer');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').getByText('wrong username or password').waitFor();
    await expectAccessible(page);
    await page.getByLabel('Password').fill('correct horse battery staple');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Waiting for review' }).waitFor();
    assert.match(page.url(), /\/\?status=decided$/);
    await page.getByText('Test reviewer (legal reviewer)').waitFor();
    assert.deepEqual(browser.pageErrors, []);
  });

  it('signs out with the CSRF token, also after a reload', async () => {
    const page = await browser.newPage();
    await browser.signIn(page, 'clerk');
    await page.getByRole('heading', { name: 'Queue' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Queue' }).waitFor();
    const signOut = page.waitForRequest(
      (request) => request.method() === 'DELETE' && request.url().endsWith('/api/session'),
    );
    await page.getByRole('button', { name: 'Sign out' }).click();
    assert.notEqual((await signOut).headers()['x-csrf-token'] ?? '', '');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    const after = await page.request.get('/api/cases');
    assert.equal(after.status(), 401, 'the session is over on the server too');
    assert.deepEqual(browser.pageErrors, []);
  });

  it('shows the lockout the API imposes after five wrong passwords', async () => {
    const page = await browser.newPage();
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await browser.signIn(page, 'auditor', 'wrong password!');
      await page.getByRole('alert').waitFor();
    }
    await browser.signIn(page, 'auditor');
    const alert = page.getByRole('alert');
    await alert.getByText(/try again after/).waitFor();
    assert.match(page.url(), /\/sign-in$/);
    await expectAccessible(page);
  });

  it('says when the session ended, and returns to the same view after signing in again', async () => {
    const page = await browser.newPage();
    await browser.signIn(page, 'clerk');
    await page.getByRole('heading', { name: 'Queue' }).waitFor();
    await page.getByRole('button', { name: /Holding/ }).click();
    await page.getByRole('heading', { name: 'Holding' }).waitFor();
    await browser.desk.ctx.store.db.deleteFrom('sessions').execute();
    await page.getByRole('button', { name: /Waiting for review/ }).click();
    await page.getByText('Your session has ended').waitFor();
    assert.match(page.url(), /\/sign-in\?next=%2F%3Fstatus%3Ddecided$/);
    await expectAccessible(page);
    await page.getByLabel('Username').fill('clerk');
    await page.getByLabel('Password').fill('correct horse battery staple');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Waiting for review' }).waitFor();
    assert.match(page.url(), /\/\?status=decided$/);
    assert.deepEqual(browser.pageErrors, []);
  });
});
