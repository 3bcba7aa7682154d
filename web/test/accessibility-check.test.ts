import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserDeskForSuite, expectAccessible } from './browser-desk.js';

describe('the accessibility check', () => {
  const browser = browserDeskForSuite();

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

  it('the sign-in and the queue work from the keyboard alone, with a visible focus ring', async () => {
    const page = await browser.newPage();
    await page.goto('/');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    const focusRing = () =>
      page.evaluate(() => {
        const style = getComputedStyle(document.activeElement!);
        return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
      });
    // The skip link comes first, the header's links (the desk's name, the public reports, law
    // and calculator), then the fields in order.
    await page.keyboard.press('Tab');
    assert.equal(
      await page.evaluate(() => document.activeElement?.textContent),
      'Skip to main content',
    );
    assert.ok(await focusRing(), 'the skip link shows where the focus is');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Reports');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'ICE’s records');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Law');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Calculator');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'username');
    assert.ok(await focusRing(), 'the username field shows where the focus is');
    await page.keyboard.type('clerk');
    await page.keyboard.press('Tab');
    await page.keyboard.type('correct horse battery staple');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Queue' }).waitFor();
    const search = page.getByRole('searchbox');
    await search.focus();
    assert.ok(await focusRing(), 'the search field shows where the focus is');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.match(
      (await page.evaluate(() => document.activeElement?.textContent)) ?? '',
      /Waiting for a decision/,
    );
    assert.ok(await focusRing(), 'a status button shows where the focus is');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Waiting for a decision' }).waitFor();
    assert.deepEqual(browser.pageErrors, []);
  });
});
