import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectAccessible, startBrowserDesk, type BrowserDesk } from './browser-desk.js';

describe('the accessibility check', () => {
  let browser: BrowserDesk;
  before(async () => {
    browser = await startBrowserDesk();
  });
  after(() => browser.close());

  it('fails on a page with an unlabelled field and an image without text', async () => {
    const page = await browser.newPage();
    await page.setContent(
      '<!doctype html><html lang="en"><head><title>bad</title></head><body><main>' +
        '<img src="/nothing.png"><input type="text"></main></body></html>',
    );
    await assert.rejects(expectAccessible(page), (error: Error) => {
      assert.match(error.message, /critical image-alt/);
      assert.match(error.message, /critical label/);
      return true;
    });
  });

  it('passes the sign-in page of the real app', async () => {
    const page = await browser.newPage();
    await page.goto('/');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await expectAccessible(page);
    assert.deepEqual(browser.pageErrors, []);
  });
});
