import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserDeskForSuite, expectAccessible, screenshot } from './browser-desk.js';

/** The quarter before last (ended whatever the day), and a New York local time in its month `m`. */
function endedQuarter() {
  const now = new Date();
  const back = now.getUTCMonth() - 6;
  const start = new Date(Date.UTC(now.getUTCFullYear(), back - (((back % 3) + 3) % 3), 1));
  const year = start.getUTCFullYear();
  const first = start.getUTCMonth();
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    id: `${String(year)}Q${String(first / 3 + 1)}`,
    local: (m: number, day: number, time: string) =>
      `${String(year)}-${pad(first + m + 1)}-${pad(day)}T${time}`,
  };
}

describe('the § 10-178(d) page: record, respond, the quarterly report', () => {
  const quarter = endedQuarter();
  const browser = browserDeskForSuite(async (desk) => {
    // One withheld request, recorded through the API: counted by its ground only.
    const supervisor = await desk.as('supervisor');
    const withheld = await supervisor.request('POST', '/api/enforcement-requests', {
      body: {
        receivingAgency: 'nyc-nypd',
        requestingAgency: 'fbi',
        receivedAt: new Date(quarter.local(1, 4, '10:00')).toISOString(),
        asked: 'Asked for officers for a joint operation.',
        withheld: {
          ground: 'investigation',
          reason: 'The joint investigation is open and disclosure would expose it.',
        },
      },
    });
    assert.equal(withheld.status, 201, withheld.text);
  });

  it('a clerk records a request, sees the API’s words beside the fields, then records the response', async () => {
    const page = await browser.pageAs('clerk');
    await page.getByRole('link', { name: 'Law enforcement requests' }).click();
    await page.getByRole('heading', { name: 'Requests from non-local law enforcement' }).waitFor();
    const form = page.getByRole('group', { name: 'The request', exact: true });
    await form.getByLabel('Received by').selectOption('nyc-doc');
    await form.getByLabel('Requested by').selectOption('other');
    await form.getByLabel('Received at').fill(quarter.local(0, 10, '09:30'));
    await form
      .getByLabel('The support or assistance asked for')
      .fill('Asked where A123456789 will be released, to make an arrest.');
    await form.getByRole('button', { name: 'Record the request' }).click();
    const refused = form.getByRole('alert');
    await refused.getByText('The request was not recorded').waitFor();
    // Each field the API named shows its words beside it.
    await form
      .locator('#f-asked-error')
      .getByText(/seems to hold an A-number: the record is anonymized/)
      .waitFor();
    await form
      .locator('#f-requestingAgencyName-error')
      .getByText(/is required/)
      .waitFor();
    assert.equal(
      await form.getByLabel('The support or assistance asked for').getAttribute('aria-invalid'),
      'true',
    );
    await expectAccessible(page);

    await form.getByLabel('Requested by').selectOption('ice');
    await form
      .getByLabel('The support or assistance asked for')
      .fill('Asked for officers to escort an ICE team through a facility to make arrests.');
    await form.getByRole('button', { name: 'Record the request' }).click();
    await form
      .getByRole('status')
      .getByText(
        /^Recorded: the request from U\.S\. Immigration and Customs Enforcement \(ICE\) to Department of Correction/,
      )
      .waitFor();

    const list = page.getByRole('region', { name: 'Requests recorded' });
    const card = list.getByRole('article', {
      name: /^From U\.S\. Immigration and Customs Enforcement \(ICE\) to Department of Correction/,
    });
    await card.getByText('None recorded yet').waitFor();
    await list.getByRole('navigation', { name: 'Request pages' }).getByText('1–2 of 2').waitFor();
    const respond = card.getByRole('group', { name: /^Record the response/ });
    await respond.getByLabel('Response', { exact: true }).selectOption('declined');
    await respond
      .getByLabel('The response and the actions taken')
      .fill('Declined in writing: city resources may not be used for immigration enforcement.');
    await respond.getByLabel('Responded at').fill(quarter.local(0, 10, '11:00'));
    await respond.getByRole('button', { name: 'Record the response' }).click();
    await card.getByText(/^Declined \(.*, recorded by clerk\): Declined in writing/).waitFor();
    assert.equal(await card.getByRole('group', { name: /^Record the response/ }).count(), 0);
    await expectAccessible(page);
    assert.deepEqual(browser.pageErrors, []);
  });

  it('the quarterly report on the same page: by agency, withheld counted by ground, CSV', async () => {
    const page = await browser.pageAs('clerk', `/enforcement-requests?quarter=${quarter.id}`);
    const section = page.getByRole('region', { name: 'The quarterly report (§ 10-178(d))' });
    const table = section.getByRole('table', {
      name: `Requests by requesting and receiving agency, ${quarter.id}`,
    });
    const row = table.getByRole('row', { name: /^U\.S\. Immigration and Customs Enforcement/ });
    await row.waitFor();
    assert.deepEqual(await row.getByRole('cell').allInnerTexts(), [
      'Department of Correction',
      '1',
      '0',
      '1',
      '0',
      '0',
    ]);
    const withheld = section.getByRole('table', {
      name: 'Requests left out of the report, by ground',
    });
    assert.deepEqual(
      await withheld
        .getByRole('row', { name: /^§ 10-178\(d\)\(i\):/ })
        .getByRole('cell')
        .allInnerTexts(),
      ['1'],
    );
    // Nothing about the withheld request but its count.
    assert.equal(await table.getByText('Federal Bureau of Investigation (FBI)').count(), 0);
    await section
      .getByText(/1 more request is withheld under § 10-178\(d\)\(i\) or \(ii\)\.$/)
      .waitFor();
    assert.equal(
      await section
        .getByRole('link', { name: `Download the ${quarter.id} report as CSV` })
        .getAttribute('href'),
      `/api/quarterly-reports/${quarter.id}?format=csv`,
    );
    await expectAccessible(page);
    await screenshot(page, 'enforcement-requests');

    // A quarter that has not ended: the API's words beside the field.
    await section.getByLabel('Quarter').fill('2099Q1');
    await section.getByRole('button', { name: 'Show the report' }).click();
    await section
      .locator('#f-quarter-error')
      .getByText(/has not ended/)
      .waitFor();
    await expectAccessible(page);
    assert.deepEqual(browser.pageErrors, []);
  });

  it('a reviewer has no link to the page, and is refused the list in the API’s words; an auditor reads without forms', async () => {
    const reviewer = await browser.pageAs('reviewer');
    await reviewer.getByRole('heading', { name: 'Queue' }).waitFor();
    assert.equal(await reviewer.getByRole('link', { name: 'Law enforcement requests' }).count(), 0);
    await reviewer.goto('/enforcement-requests');
    await reviewer
      .getByRole('region', { name: 'Requests recorded' })
      .getByRole('alert')
      .getByText('the reviewer role may not enforcement-request.read')
      .waitFor();
    assert.equal(await reviewer.getByRole('heading', { name: 'Record a request' }).count(), 0);
    await expectAccessible(reviewer);

    const auditor = await browser.pageAs('auditor', '/enforcement-requests');
    await auditor
      .getByRole('region', { name: 'Requests recorded' })
      .getByRole('navigation', { name: 'Request pages' })
      .getByText('1–2 of 2')
      .waitFor();
    assert.equal(await auditor.getByRole('button', { name: /^Record/ }).count(), 0);
    await expectAccessible(auditor);
    assert.deepEqual(browser.pageErrors, []);
  });
});
