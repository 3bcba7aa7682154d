import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { docIntakeWithoutWarrant } from '../../src/testing/intake-fixtures.js';
import { browserDeskForSuite, expectAccessible, screenshot } from './browser-desk.js';
import { decidedCase } from './seed-cases.js';

describe('requests for information', () => {
  const browser = browserDeskForSuite();

  /** Records a request for the release date and the criminal history, as a person would. */
  async function recordRequest(page: Page) {
    const section = page.getByRole('region', { name: 'Requests for information' });
    await section.getByText('None recorded.').waitFor();
    await section.getByLabel('Received at').fill('2026-01-05T10:00');
    await section
      .getByLabel('What the request is for')
      .selectOption('civil-immigration-enforcement');
    await section.getByLabel(/otherwise required by law/).selectOption('no');
    // USWDS draws its own boxes: the person clicks the label.
    const asked = section.getByRole('group', { name: 'What is asked for' });
    await asked.getByText('Release date and time', { exact: true }).click();
    await asked.getByText('Criminal history', { exact: true }).click();
    await section.getByRole('button', { name: 'Record the request' }).click();
    return section;
  }

  it('a clerk records a request, reads the law’s answer per item, and records what was given', async () => {
    const id = await decidedCase(browser.desk, 'INF-1');
    const page = await browser.pageAs('clerk', `/cases/${id}`);
    const section = await recordRequest(page);
    const request = section.getByRole('article', { name: /Request received .*: open/ });
    await request.getByText(/^Release date and time: Allowed\. /).waitFor();
    await request.getByText(/^Criminal history: Allowed\. /).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'information-request');
    const given = request.getByRole('group', { name: 'Record the answer: the items given' });
    await given.getByText('Release date and time', { exact: true }).click();
    await request.getByRole('button', { name: 'Record the answer' }).click();
    await section.getByRole('article', { name: /: answered by clerk$/ }).waitFor();
    assert.deepEqual(browser.pageErrors, []);
  });

  it('the desk refuses to record giving what the law forbids, in the API’s words', async () => {
    const clerk = await browser.desk.as('clerk');
    // No judicial warrant and no conviction: no exception of § 9-131(h) applies.
    const intake = docIntakeWithoutWarrant('INF-2');
    intake.history = { ...intake.history, convictions: [] };
    const created = await clerk.request('POST', '/api/cases?decide=true', { body: intake });
    const page = await browser.pageAs('clerk', `/cases/${(created.body as { id: string }).id}`);
    const section = await recordRequest(page);
    const request = section.getByRole('article', { name: /Request received .*: open/ });
    await request.getByText(/^Criminal history: Not allowed\. /).waitFor();
    const given = request.getByRole('group', { name: 'Record the answer: the items given' });
    await given.getByText('Criminal history', { exact: true }).click();
    await request.getByRole('button', { name: 'Record the answer' }).click();
    await request.getByRole('alert').getByText('The answer was not recorded').waitFor();
    await expectAccessible(page);
    assert.equal(await section.getByRole('article', { name: /: open$/ }).count(), 1);
    assert.deepEqual(browser.pageErrors, []);
  });
});
