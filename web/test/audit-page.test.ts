import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
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

  it('an auditor signs a checkpoint and gets, reads and downloads an entry’s receipt', async () => {
    const page = await browser.newPage();
    await browser.signIn(page, 'auditor');
    await page.getByRole('heading', { name: 'Queue' }).waitFor();
    await page.goto('/audit');
    const checkpoint = page.getByRole('region', { name: 'The latest signed checkpoint' });
    await checkpoint.getByText(/^Verifier key: /).waitFor();
    await checkpoint.getByRole('button', { name: 'Sign a checkpoint now' }).click();
    await checkpoint
      .getByText('Signed: the checkpoint above covers the log as it stands.')
      .waitFor();
    const note = await checkpoint.locator('pre').innerText();
    assert.match(note, /^\S+\n\d+\n\S+=\n\n— /);

    const receipt = page.getByRole('region', { name: 'A receipt for an entry' });
    await receipt.getByLabel('Entry number').fill('99999');
    await receipt.getByRole('button', { name: 'Get the receipt' }).click();
    await receipt
      .getByRole('alert')
      .getByText('no signed checkpoint covers entry 99999 yet')
      .waitFor();
    await expectAccessible(page);
    await receipt.getByLabel('Entry number').fill('0');
    await receipt.getByRole('button', { name: 'Get the receipt' }).click();
    await receipt.getByText('Receipt for entry 0', { exact: true }).waitFor();
    const shown = await receipt.locator('pre').innerText();
    assert.match(shown, /^c2sp\.org\/tlog-proof@v1\nindex 0\n/);
    assert.ok(shown.includes(note.trim()));
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      receipt.getByRole('link', { name: 'Download the receipt for entry 0' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'audit-receipt-0.txt');
    const path = await download.path();
    assert.equal(readFileSync(path, 'utf8'), shown.endsWith('\n') ? shown : `${shown}\n`);
    // Or from the entry's row in the list.
    await page
      .getByRole('table', { name: 'Audit entries in order' })
      .getByRole('button', { name: 'Receipt for entry 1', exact: true })
      .click();
    await receipt.getByText('Receipt for entry 1', { exact: true }).waitFor();
    assert.match(await receipt.locator('pre').innerText(), /^c2sp\.org\/tlog-proof@v1\nindex 1\n/);
    assert.equal(await receipt.getByLabel('Entry number').inputValue(), '1');
    await expectAccessible(page);
    await screenshot(page, 'audit-receipt');
    const read = await browser.desk.ctx.store.db
      .selectFrom('auditEntries')
      .select('actor')
      .where('action', '=', 'audit.receipt')
      .execute();
    assert.deepEqual(read, [{ actor: 'auditor' }, { actor: 'auditor' }]);
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
