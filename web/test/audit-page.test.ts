import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { browserDeskForSuite, expectAccessible, screenshot } from './browser-desk.js';
import { decidedCase } from './seed-cases.js';

describe('the audit page', () => {
  const browser = browserDeskForSuite((desk) => decidedCase(desk, 'A-1'));
  /** Who made each read of the audit log of this kind, with what, from entry `from` on. */
  const readsOf = async (action: string, from = 0) =>
    (
      await browser.desk.ctx.store.db
        .selectFrom('auditEntries')
        .select(['actor', 'payloadJson'])
        .where('action', '=', action)
        .where('seq', '>=', from)
        .orderBy('seq')
        .execute()
    ).map((read) => `${read.actor} ${read.payloadJson}`);

  it('an auditor verifies the log and reads its entries', async () => {
    const page = await browser.newPage();
    await browser.signIn(page, 'auditor');
    await page.getByRole('heading', { name: 'Queue' }).waitFor();
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('button', { name: 'Verify the audit log' }).click();
    await page.getByRole('heading', { name: 'The audit log verifies' }).waitFor();
    await page
      .getByText(/1 cases, 1 decisions, 0 information requests and 0 requests from non-local/)
      .waitFor();
    const entries = page.getByRole('table', { name: 'Audit entries in order' });
    await entries.getByRole('cell', { name: 'case.intake' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'audit');
    assert.deepEqual(
      (await readsOf('audit.verify')).map((read) => read.split(' ')[0]),
      ['auditor'],
    );
    assert.deepEqual(browser.pageErrors, []);
  });

  it('an auditor signs a checkpoint and gets, reads and downloads an entry’s receipt', async () => {
    const page = await browser.pageAs('auditor', '/audit');
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
    assert.deepEqual(
      (await readsOf('audit.receipt')).map((read) => read.split(' ')[0]),
      ['auditor', 'auditor'],
    );
    assert.deepEqual(browser.pageErrors, []);
  });

  it('an auditor pages through every checkpoint signed, the latest first; the reads are audited', async () => {
    const auditor = await browser.desk.as('auditor');
    for (let i = 0; i < 11; i += 1) {
      // Each read appends an entry, so each checkpoint covers a longer log.
      await auditor.request('GET', '/api/audit/entries?limit=1');
      assert.equal((await auditor.request('POST', '/api/audit/checkpoints')).status, 201);
    }
    const stored = await browser.desk.ctx.store.db
      .selectFrom('auditCheckpoints')
      .select(['size', 'note'])
      .orderBy('size', 'desc')
      .execute();
    const total = stored.length;
    assert.ok(total > 10 && total <= 20);
    const readsFrom = (
      await browser.desk.ctx.store.db
        .selectFrom('auditHead')
        .select('size')
        .executeTakeFirstOrThrow()
    ).size;
    const page = await browser.pageAs('auditor', '/audit');
    const list = page.getByRole('region', { name: 'Every signed checkpoint' });
    const pager = list.getByRole('navigation', { name: 'Checkpoint pages' });
    await pager.getByText(`1–10 of ${String(total)}`).waitFor();
    const table = list.getByRole('table', { name: 'Signed checkpoints, the latest first' });
    const rows = table.getByRole('row');
    assert.equal(await rows.count(), 11, 'a header and ten checkpoints');
    const latest = stored[0]!;
    await table.getByRole('rowheader', { name: String(latest.size), exact: true }).waitFor();
    await table.getByText(`The note over ${String(latest.size)} entries`).click();
    const shown = await rows.nth(1).locator('pre').innerText();
    assert.equal(shown.trim(), latest.note.trim());
    await expectAccessible(page);
    await screenshot(page, 'audit-checkpoints');

    await pager.getByRole('button', { name: 'Next' }).click();
    await pager.getByText(`11–${String(total)} of ${String(total)}`).waitFor();
    assert.match(page.url(), /checkpoints=10/);
    const oldest = stored[total - 1]!;
    await table.getByRole('rowheader', { name: String(oldest.size), exact: true }).waitFor();
    assert.equal(await rows.count(), total - 10 + 1);
    await expectAccessible(page);
    // The address keeps the page: a reload shows the same checkpoints.
    await page.reload();
    await pager.getByText(`11–${String(total)} of ${String(total)}`).waitFor();
    assert.deepEqual([...new Set(await readsOf('audit.checkpoints', readsFrom))].sort(), [
      `auditor {"offset":0,"count":10}`,
      `auditor {"offset":10,"count":${String(total - 10)}}`,
    ]);
    assert.deepEqual(browser.pageErrors, []);
  });

  it('a clerk is refused, in the API’s words', async () => {
    const page = await browser.pageAs('clerk', '/audit');
    for (const name of ['Every signed checkpoint', 'Entries']) {
      await page
        .getByRole('region', { name, exact: true })
        .getByRole('alert')
        .getByText('the clerk role may not audit.read')
        .waitFor();
    }
    await expectAccessible(page);
    assert.deepEqual(browser.pageErrors, []);
  });
});
