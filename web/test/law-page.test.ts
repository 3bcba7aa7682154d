import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { browserDeskForSuite, expectAccessible } from './browser-desk.js';

const LAW_SCREENSHOT = fileURLToPath(new URL('../../docs/screenshots/law.png', import.meta.url));

describe('the law browser', () => {
  const browser = browserDeskForSuite();

  it('a visitor who has not signed in finds the law from the sign-in page and reads it on a day', async () => {
    const page = await browser.newPage();
    await page.goto('/');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    const header = page.getByRole('navigation', { name: 'Main' });
    await header.getByRole('link', { name: 'Law' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'read the law in force on any day' }).click();
    await page.getByRole('heading', { name: 'The law', exact: true }).waitFor();
    await page.getByLabel('Jurisdiction').selectOption('nyc-nypd');
    await page.getByLabel('Read the law in force on').fill('2015-03-01');
    await page
      .getByRole('heading', {
        name: /^New York City Police Department .*: the law in force on 2015-03-01$/,
      })
      .waitFor();
    await page.getByText('The same law since 2014-12-14.').waitFor();
    const decides = page.getByRole('table', { name: 'Which clause decides each action' });
    await decides.getByRole('row', { name: /Hold past release nyc\.14-154\.b\.1/ }).waitFor();
    // Read without a session: not sent to sign in, and offered it.
    assert.equal(new URL(page.url()).pathname, '/law');
    assert.deepEqual(await page.context().cookies(), []);
    await header.getByRole('link', { name: 'Sign in' }).waitFor();
    await expectAccessible(page);
    // The header's link leads there too.
    await header.getByRole('link', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await header.getByRole('link', { name: 'Law' }).click();
    await page.getByRole('heading', { name: 'The law', exact: true }).waitFor();
    assert.deepEqual(browser.pageErrors, []);
  });

  it('anyone, signed in or not, reads the law in force on a day beside the rules from it', async () => {
    const page = await browser.newPage();
    await page.goto('/law?jurisdiction=nyc-doc&date=2020-06-01');
    await page.getByRole('heading', { name: 'The law', exact: true }).waitFor();
    await page
      .getByRole('heading', {
        name: /^New York City Department of Correction .*: the law in force on 2020-06-01$/,
      })
      .waitFor();
    await page.getByText('The same law since 2018-11-14.').waitFor();
    // The period the day falls in is marked on the timeline.
    const current = page.locator('button[aria-current="true"]');
    assert.match(await current.innerText(), /^2018-11-14 to /);
    const decides = page.getByRole('table', { name: 'Which clause decides each action' });
    await decides.getByRole('row', { name: /Hold past release nyc\.9-131\.b/ }).waitFor();
    const clause = page.getByRole('article', { name: /^§ 9-131\(b\)/ });
    await clause.getByText('Clause nyc.9-131.b, version LL58/2014', { exact: false }).waitFor();
    await clause.getByText('Verbatim text').waitFor();
    await clause.getByRole('heading', { name: 'Statute text' }).waitFor();
    await clause.getByRole('heading', { name: 'Rule: Hold past release' }).waitFor();
    await expectAccessible(page);
    // The page runs to every clause in force: the docs show its top, not all of it.
    await page.setViewportSize({ width: 1280, height: 1600 });
    await page.screenshot({ path: LAW_SCREENSHOT });

    // A period on Texas's timeline: the law then, its texts from a secondary source, badged.
    await page.getByLabel('Jurisdiction').selectOption('texas');
    await page.getByRole('button', { name: '2017-09-01 to 2024-12-31' }).click();
    await page.getByRole('heading', { name: /: the law in force on 2017-09-01$/ }).waitFor();
    assert.ok((await page.getByText('Secondary source').count()) > 0);
    assert.match(page.url(), /jurisdiction=texas&date=2017-09-01/);
    await expectAccessible(page);

    // Illinois and Oregon are listed; the Way Forward Act's § 15(g) was not read, and says so.
    const options = await page.getByLabel('Jurisdiction').locator('option').allInnerTexts();
    assert.ok(
      options.some((text) => text.startsWith('Illinois')),
      options.join(' | '),
    );
    assert.ok(
      options.some((text) => text.startsWith('Oregon')),
      options.join(' | '),
    );
    await page.getByLabel('Jurisdiction').selectOption('illinois');
    await page.getByRole('button', { name: '2021-08-02 onward' }).click();
    await page.getByRole('heading', { name: /: the law in force on 2021-08-02$/ }).waitFor();
    assert.ok((await page.getByText('Unverified', { exact: true }).count()) > 0);
    await expectAccessible(page);

    // A day before the encoded law: the API's words.
    await page.getByLabel('Read the law in force on').fill('1999-06-01');
    await page
      .getByRole('alert')
      .getByText(/must be on or after 2000-01-01/)
      .waitFor();
    await expectAccessible(page);
    assert.deepEqual(browser.pageErrors, []);
  });

  it('opens on today’s law where the first jurisdiction is', async () => {
    const page = await browser.newPage();
    await page.goto('/law');
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(
      new Date(),
    );
    await page
      .getByRole('heading', { name: new RegExp(`: the law in force on ${today}$`) })
      .waitFor();
    assert.equal(await page.getByLabel('Read the law in force on').inputValue(), today);
    await expectAccessible(page);
    assert.deepEqual(browser.pageErrors, []);
  });
});
