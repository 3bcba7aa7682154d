import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserDeskForSuite, expectAccessible, screenshot } from './browser-desk.js';
import { decidedCase, holdingCase } from './seed-cases.js';

describe('the queue', () => {
  const ids: Record<string, string> = {};
  const browser = browserDeskForSuite(async (desk) => {
    ids.overdue = await holdingCase(desk, 'Q-OVERDUE');
    ids.soon = await holdingCase(desk, 'Q-SOON');
    // The queue shows what the store says: one hold's lawful end has passed, one is 90 minutes away.
    const holdEnds = (id: string, ms: number) =>
      desk.ctx.store.db
        .updateTable('cases')
        .set({ holdUntil: new Date(Date.now() + ms).toISOString() })
        .where('id', '=', id)
        .execute();
    await holdEnds(ids.overdue, -30 * 60_000);
    await holdEnds(ids.soon, 90 * 60_000);
    for (let n = 1; n <= 28; n += 1) await decidedCase(desk, `Q-${String(n).padStart(3, '0')}`);
    ids.named = await decidedCase(desk, 'Q-NAMED', { name: 'Synthetic Quinn Example' });
  });

  it('shows open cases by status, the holds counting down, and pages through the API', async () => {
    const page = await browser.newPage();
    await browser.signIn(page, 'clerk');
    await page.getByRole('heading', { name: 'Queue' }).waitFor();
    const counts = page.getByRole('list').filter({ hasText: 'Waiting for review' });
    await counts.getByRole('button', { name: '29 Waiting for review' }).waitFor();
    await counts.getByRole('button', { name: '2 Holding' }).waitFor();
    await page.getByText('1 person is held past the lawful end of their hold').waitFor();
    await page
      .getByRole('navigation', { name: 'Case list pages' })
      .getByText('1–25 of 31')
      .waitFor();
    await expectAccessible(page);
    await screenshot(page, 'queue');

    await counts.getByRole('button', { name: '2 Holding' }).click();
    await page.getByRole('heading', { name: 'Holding' }).waitFor();
    const rows = page.getByRole('row');
    await rows.filter({ hasText: 'Overdue by' }).waitFor();
    const soon = rows.filter({ hasText: 'Ends within 2 hours' });
    await soon.waitFor();
    assert.match((await soon.textContent()) ?? '', /1 h (29|30) min left/);
    assert.match(page.url(), /status=holding/);
    await expectAccessible(page);

    await page.getByLabel('Status').selectOption('decided');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    const pager = page.getByRole('navigation', { name: 'Case list pages' });
    await pager.getByText('1–25 of 29').waitFor();
    await pager.getByRole('button', { name: 'Next' }).click();
    await pager.getByText('26–29 of 29').waitFor();
    assert.equal(await page.getByRole('row').count(), 5, 'a header and the last 4 cases');
    assert.deepEqual(browser.pageErrors, []);
  });

  it('filters by agency, form and the day received', async () => {
    const page = await browser.newPage();
    await browser.signIn(page, 'reviewer');
    await page.getByRole('heading', { name: 'Queue' }).waitFor();
    const pager = page.getByRole('navigation', { name: 'Case list pages' });
    await page.getByLabel('Agency').selectOption('texas');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await pager.getByText('1–2 of 2').waitFor();
    await page.getByLabel('Agency').selectOption('nyc-doc');
    await page.getByLabel('Form').selectOption('I-247D');
    await page.getByLabel('Received from').fill('2016-05-23');
    await page.getByLabel('Received to').fill('2016-05-23');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await pager.getByText('1–25 of 29').waitFor();
    await page.getByLabel('Received from').fill('2016-05-24');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await pager.getByText('None').waitFor();
    assert.deepEqual(browser.pageErrors, []);
  });

  it('finds a case by booking number, NYSID, A-number or name, and the search is audited', async () => {
    const page = await browser.newPage();
    await browser.signIn(page, 'clerk');
    const search = page.getByRole('searchbox', {
      name: 'Find a case by booking number, name, NYSID or A-number',
    });
    await search.fill('q-named');
    await search.press('Enter');
    const results = page.getByRole('table');
    await results.getByRole('link', { name: 'Synthetic Quinn Example' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'search');
    await search.fill('quinn');
    await page.getByRole('button', { name: 'Search' }).click();
    await results.getByRole('cell', { name: 'Q-NAMED' }).waitFor();
    await search.fill('12345678K');
    await search.press('Enter');
    await page.getByText('1–25 of 30').waitFor();
    const audit = await browser.desk.ctx.store.db
      .selectFrom('auditEntries')
      .select(['actor', 'payloadJson'])
      .where('action', '=', 'case.search')
      .execute();
    assert.equal(audit.length, 3);
    assert.ok(audit.every((entry) => entry.actor === 'clerk'));
    await page.getByRole('link', { name: 'Synthetic Quinn Example' }).count();
    await search.fill('quinn');
    await search.press('Enter');
    await page.getByRole('link', { name: 'Synthetic Quinn Example' }).click();
    await page.waitForURL(`**/cases/${ids.named!}`);
    assert.deepEqual(browser.pageErrors, []);
  });
});
