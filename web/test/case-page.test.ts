import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserDeskForSuite, expectAccessible, screenshot } from './browser-desk.js';
import { currentIntake, decidedCase } from './seed-cases.js';

describe('the case page', () => {
  const browser = browserDeskForSuite();

  it('shows the decision in plain words, each controlling clause with its text and badge', async () => {
    const id = await decidedCase(browser.desk, 'C-READ', { name: 'Synthetic Casey Reader' });
    const page = await browser.pageAs('reviewer', `/cases/${id}`);
    await page.getByRole('heading', { name: /Synthetic Casey Reader/ }).waitFor();
    const hold = page.getByRole('article', { name: /Hold past the release time/ });
    await hold.getByText('Allowed', { exact: true }).waitFor();
    const clause = hold.locator('details').first();
    await clause.locator('.desk-badge').waitFor();
    assert.match(
      (await clause.locator('.desk-badge').textContent()) ?? '',
      /Verbatim|Reconstructed|Secondary|Inferred|Unverified/,
    );
    await clause.locator('summary').press('Enter');
    await clause.locator('blockquote').waitFor();
    assert.ok(((await clause.locator('blockquote').textContent()) ?? '').length > 40);
    await expectAccessible(page);
    await screenshot(page, 'case');
    const steps = page.getByRole('region', { name: 'What you can do now' });
    await steps.getByRole('button', { name: 'Confirm the decision' }).waitFor();
    assert.equal(await steps.getByRole('button', { name: 'Start the hold clock' }).count(), 0);
    // Printed, the page is the decision memo: facts, decision and law, no controls.
    await page.emulateMedia({ media: 'print' });
    assert.ok(await page.getByRole('heading', { name: 'Decision' }).isVisible());
    assert.ok(await page.getByRole('term').filter({ hasText: 'Booking number' }).isVisible());
    assert.ok(!(await steps.isVisible()), 'no steps on paper');
    assert.ok(!(await page.getByRole('button', { name: 'Print the decision memo' }).isVisible()));
    assert.ok(!(await page.getByRole('navigation', { name: 'Main' }).isVisible()));
    await page.emulateMedia({ media: 'screen' });
    const reads = await browser.desk.ctx.store.db
      .selectFrom('auditEntries')
      .select('actor')
      .where('action', '=', 'case.read')
      .where('subject', '=', `case/${id}`)
      .execute();
    assert.deepEqual(
      reads.map((entry) => entry.actor),
      ['reviewer'],
      'the page read the case once, audited',
    );
    assert.deepEqual(browser.pageErrors, []);
  });

  it('lists missing facts as a to-do naming who supplies each', async () => {
    const clerk = await browser.desk.as('clerk');
    const intake = currentIntake('C-MISSING');
    delete intake.history!.proofOfLawfulStatus;
    const created = await clerk.request('POST', '/api/cases?decide=true', { body: intake });
    const page = await browser.pageAs('clerk', `/cases/${(created.body as { id: string }).id}`);
    const hold = page.getByRole('article', { name: /Hold past the release time/ });
    await hold.getByText('Needs information', { exact: true }).waitFor();
    await hold.getByRole('heading', { name: 'To do before this can be decided' }).waitFor();
    const todo = hold.getByRole('listitem').filter({ hasText: /proof of U\.S\. citizenship/ });
    await todo.getByText('To be supplied by a clerk (field history.proofOfLawfulStatus)').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'case-needs-information');
    assert.deepEqual(browser.pageErrors, []);
  });

  it('offers only the steps the role may take: confirm, then hold and release', async () => {
    const id = await decidedCase(browser.desk, 'C-HOLD', { current: true });
    const clerkPage = await browser.pageAs('clerk', `/cases/${id}`);
    const clerkSteps = clerkPage.getByRole('region', { name: 'What you can do now' });
    await clerkSteps.getByRole('button', { name: 'Released despite the detainer' }).waitFor();
    assert.equal(await clerkSteps.getByRole('button', { name: 'Confirm the decision' }).count(), 0);

    const reviewerPage = await browser.pageAs('reviewer', `/cases/${id}`);
    await reviewerPage.getByRole('button', { name: 'Confirm the decision' }).click();
    await reviewerPage.getByText('Done: Confirm the decision.').waitFor();
    await reviewerPage.getByRole('heading', { name: /Reviewed/ }).waitFor();

    await clerkPage.reload();
    await clerkPage.getByRole('button', { name: 'Start the hold clock' }).click();
    await clerkPage.getByText('Done: Start the hold clock.').waitFor();
    const clock = clerkPage.getByRole('region', { name: 'Hold clock' });
    await clock.getByText(/left/).waitFor();
    await expectAccessible(clerkPage);
    await screenshot(clerkPage, 'case-holding');
    // Texas requires honouring the detainer: no plain release is offered, and declining needs a reason.
    assert.equal(
      await clerkSteps.getByRole('button', { name: 'Released', exact: true }).count(),
      0,
    );
    await clerkSteps.getByRole('button', { name: 'Released despite the detainer' }).click();
    await clerkSteps
      .getByRole('alert')
      .getByText('the law requires honouring this detainer: give the reason it was not honoured')
      .waitFor();
    await clerkSteps.getByRole('button', { name: 'Transferred to ICE' }).click();
    await clerkPage.getByRole('heading', { name: /Closed/ }).waitFor();
    await clerkPage
      .getByRole('region', { name: 'Timeline' })
      .getByText('Transferred to ICE')
      .waitFor();
    assert.deepEqual(browser.pageErrors, []);
  });

  it('an override is proposed by one reviewer and approved by another, never the proposer', async () => {
    const id = await decidedCase(browser.desk, 'C-OVERRIDE');
    const page = await browser.pageAs('reviewer', `/cases/${id}`);
    await page.getByLabel(/Hold past the release time \(decided/).selectOption('not-allowed');
    await page.getByLabel('Reason (required)').fill('too short');
    await page.getByRole('button', { name: 'Propose the override' }).click();
    await page
      .getByRole('alert')
      .getByText(/reason/)
      .waitFor();
    await page
      .getByLabel('Reason (required)')
      .fill('The warrant presented is not signed by a judge.');
    await page.getByRole('button', { name: 'Propose the override' }).click();
    await page.getByRole('heading', { name: /Waiting for second approval/ }).waitFor();
    const steps = page.getByRole('region', { name: 'What you can do now' });
    await steps.getByText(/Also open to you/).waitFor();
    assert.equal(await steps.getByRole('button', { name: 'Approve the override' }).count(), 0);

    const second = await browser.pageAs('reviewer2', `/cases/${id}`);
    await second.getByRole('button', { name: 'Approve the override' }).click();
    await second.getByRole('heading', { name: /Reviewed/ }).waitFor();
    await second.getByText('Overridden: Not allowed').waitFor();
    assert.deepEqual(browser.pageErrors, []);
  });

  it('a step on a case someone else just changed is refused (412), reloaded and explained', async () => {
    const id = await decidedCase(browser.desk, 'C-CONFLICT');
    const page = await browser.pageAs('reviewer', `/cases/${id}`);
    await page.getByRole('button', { name: 'Confirm the decision' }).waitFor();
    const other = await browser.desk.as('reviewer2');
    const confirmed = await other.request('POST', `/api/cases/${id}/decision/confirm`, {
      body: {},
      headers: { 'if-match': '"2"' },
    });
    assert.equal(confirmed.status, 200, confirmed.text);
    await page.getByRole('button', { name: 'Confirm the decision' }).click();
    const alert = page.getByRole('alert');
    await alert.getByText('Someone changed this case while you had it open').waitFor();
    await alert.getByText(/it is now reviewed \(version 3\)/).waitFor();
    await page.getByRole('heading', { name: /Reviewed/ }).waitFor();
    await expectAccessible(page);
    assert.deepEqual(browser.pageErrors, []);
  });
});
