import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  expectAccessible,
  screenshot,
  startBrowserDesk,
  type BrowserDesk,
} from './browser-desk.js';
import { currentIntake, decidedCase } from './seed-cases.js';

describe('correcting a case on its page', () => {
  let browser: BrowserDesk;
  before(async () => {
    browser = await startBrowserDesk();
  });
  after(() => browser.close());

  it('completes a needs-information decision from its to-do list', async () => {
    const clerk = await browser.desk.as('clerk');
    const intake = currentIntake('C-TODO');
    delete intake.history!.proofOfLawfulStatus;
    const created = await clerk.request('POST', '/api/cases?decide=true', { body: intake });
    assert.equal(created.status, 201, created.text);
    const page = await browser.newPage();
    await browser.signIn(page, 'clerk');
    await page.getByRole('heading', { name: 'Queue' }).waitFor();
    await page.goto(`/cases/${(created.body as { id: string }).id}`);
    const hold = page.getByRole('article', { name: /Hold past the release time/ });
    await hold.getByText('Needs information', { exact: true }).waitFor();

    // The to-do item's link opens the form and focuses the field that supplies the fact.
    // From the keyboard: the link takes Enter like any link.
    await hold.getByRole('link', { name: 'record.proofOfLawfulStatus' }).press('Enter');
    const proof = page.getByLabel('Proof of U.S. citizenship or lawful status was found');
    assert.ok(await proof.isVisible());
    assert.equal(
      await page.evaluate(() => document.activeElement?.id),
      'f-history-proofOfLawfulStatus',
    );
    await expectAccessible(page);
    await screenshot(page, 'case-correction-todo');
    await proof.selectOption('no');
    await page.getByRole('button', { name: 'Save the criminal history corrections' }).click();
    await page.getByText('Corrected. The case must now be decided again').waitFor();

    await page.getByRole('button', { name: 'Decide under the law' }).click();
    await page.getByText('Done: Decide under the law.').waitFor();
    const decided = page.getByRole('article', { name: /Hold past the release time/ });
    // Texas's SB 4 requires honouring the detainer once the facts are in.
    await decided.getByText('Required', { exact: true }).waitFor();
    assert.equal(await decided.getByText('Needs information', { exact: true }).count(), 0);
    await page.getByRole('region', { name: 'Timeline' }).getByText('Record corrected').waitFor();
    await expectAccessible(page);
    assert.deepEqual(browser.pageErrors, []);
  });

  it('corrects custody and the history field by field; a bad field and a 412 in the API’s words', async () => {
    const id = await decidedCase(browser.desk, 'C-CORRECT');
    const page = await browser.newPage();
    await browser.signIn(page, 'clerk');
    await page.getByRole('heading', { name: 'Queue' }).waitFor();
    await page.goto(`/cases/${id}`);
    const section = page.getByRole('region', { name: 'Correct the record' });
    await section.getByText('Custody: facility, arrest, expected release, charges').click();

    // A release date outside the law's span is refused beside its field.
    await section.getByLabel('Expected release').fill('1999-01-01T10:00');
    await section.getByRole('button', { name: 'Save the custody corrections' }).click();
    const release = section.getByLabel('Expected release');
    await section.locator('#f-custody-expectedReleaseAt-error').waitFor();
    assert.equal(await release.getAttribute('aria-invalid'), 'true');
    await expectAccessible(page);

    // Only the fields changed are sent: a facility and an added charge.
    await release.fill('');
    await page.reload();
    await section.getByText('Custody: facility, arrest, expected release, charges').click();
    await section.getByLabel('Facility').fill('Synthetic Central Booking');
    await section.getByLabel('Add a charge').fill('PL 155.25');
    await section.getByRole('button', { name: 'Save the custody corrections' }).click();
    await section.getByText('Corrected. The case must now be decided again').waitFor();
    const reviewer = await browser.desk.as('clerk');
    const read = await reviewer.request('GET', `/api/cases/${id}`);
    const stored = read.body as {
      version: number;
      custody: { facility: string; charges: { charge: string }[] };
    };
    assert.equal(stored.custody.facility, 'Synthetic Central Booking');
    assert.deepEqual(
      stored.custody.charges.map((charge) => charge.charge),
      ['PL 155.25'],
    );

    // A conviction added to the history.
    await section.getByText('Criminal history: the search').click();
    await section.getByLabel('Add a conviction: charge').fill('PL 120.05');
    await section.getByLabel('Added conviction: date of judgment').fill('2015-04-02');
    await section.getByRole('button', { name: 'Save the criminal history corrections' }).click();
    await section.getByLabel('Conviction 2: charge').waitFor();
    assert.equal(await section.getByLabel('Conviction 2: charge').inputValue(), 'PL 120.05');
    await expectAccessible(page);
    await screenshot(page, 'case-correction');

    // The judicial warrant: saved unchanged, the API says nothing was named; then the judge named.
    await section.getByText('The judicial warrant', { exact: true }).click();
    await section.getByRole('button', { name: 'Save the judicial warrant' }).click();
    await section.getByText(/give at least one of history, custody or judicialWarrant/).waitFor();
    await section.getByLabel('The judge’s name').fill('Synthetic Judge Ruiz');
    await section.getByRole('button', { name: 'Save the judicial warrant' }).click();
    await section
      .getByLabel('The judge’s name')
      .and(page.locator('[value="Synthetic Judge Ruiz"]'))
      .waitFor();

    // Someone else corrects the facility meanwhile: nothing is recorded, and the page says what changed.
    const now = (await reviewer.request('GET', `/api/cases/${id}`)).body as { version: number };
    const other = await reviewer.request('POST', `/api/cases/${id}/record`, {
      body: { custody: { facility: 'Synthetic Annex' } },
      headers: { 'if-match': `"${String(now.version)}"` },
    });
    assert.equal(other.status, 200, other.text);
    await section.getByLabel('Facility').fill('Synthetic Third Facility');
    await section.getByRole('button', { name: 'Save the custody corrections' }).click();
    const conflict = section.getByRole('alert');
    await conflict.getByText('Someone changed this case while you had it open').waitFor();
    await conflict.getByText(/Changed: custody\.facility/).waitFor();
    assert.equal(await section.getByLabel('Facility').inputValue(), 'Synthetic Annex');
    await expectAccessible(page);
    assert.deepEqual(browser.pageErrors, []);
  });

  it('lets a reviewer correct the request with a reason, and only a reviewer', async () => {
    const id = await decidedCase(browser.desk, 'C-REQUEST');
    const clerkPage = await browser.newPage();
    await browser.signIn(clerkPage, 'clerk');
    await clerkPage.getByRole('heading', { name: 'Queue' }).waitFor();
    await clerkPage.goto(`/cases/${id}`);
    await clerkPage.getByRole('region', { name: 'Correct the record' }).waitFor();
    assert.equal(
      await clerkPage.getByRole('region', { name: 'Correct the request as recorded' }).count(),
      0,
    );

    const page = await browser.newPage();
    await browser.signIn(page, 'reviewer');
    await page.getByRole('heading', { name: 'Queue' }).waitFor();
    await page.goto(`/cases/${id}`);
    const form = page.getByRole('region', { name: 'Correct the request as recorded' });
    // USWDS draws its own box; the label is what a person clicks.
    await form.getByText('Biometric confirmation and database records').click();
    await form.getByLabel(/Why the request as recorded was wrong/).fill('Box 1 missed');
    await form.getByRole('button', { name: 'Correct the request' }).click();
    await form.locator('#f-reason-error').waitFor();
    await expectAccessible(page);
    await form
      .getByLabel(/Why the request as recorded was wrong/)
      .fill('The clerk missed the ticked box for pending removal proceedings.');
    await form.getByLabel('The immigration officer who signed it').fill('Synthetic Officer Lane');
    await form.getByText('Convicted of a felony', { exact: true }).click();
    await form.getByRole('button', { name: 'Correct the request' }).click();
    await form.getByText('Corrected. The case must now be decided again').waitFor();
    await page.getByRole('region', { name: 'Timeline' }).getByText('Request corrected').waitFor();
    assert.equal(
      await form.getByLabel('The immigration officer who signed it').inputValue(),
      'Synthetic Officer Lane',
    );
    assert.ok(await form.getByLabel('Convicted of a felony', { exact: true }).isChecked());
    assert.ok(await form.getByLabel('Biometric confirmation and database records').isChecked());
    await expectAccessible(page);
    assert.deepEqual(browser.pageErrors, []);
  });
});
