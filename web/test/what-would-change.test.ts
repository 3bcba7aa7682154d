import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { docIntakeWithoutWarrant } from '../../src/testing/intake-fixtures.js';
import { browserDeskForSuite, expectAccessible } from './browser-desk.js';
import { currentIntake } from './seed-cases.js';

describe('the case page: what would change the outcome', () => {
  const browser = browserDeskForSuite();

  it('says, for a detainer without a judicial warrant, that one would make the hold allowed, citing § 9-131(b)', async () => {
    // § 9-131(b)(1)(i) (LL58/2014): the department may honor a detainer only if federal
    // immigration authorities present a judicial warrant with it.
    const clerk = await browser.desk.as('clerk');
    const created = await clerk.request('POST', '/api/cases?decide=true', {
      body: docIntakeWithoutWarrant('WWC-WEB-1'),
    });
    assert.equal(created.status, 201, created.text);
    const page = await browser.pageAs('reviewer', `/cases/${(created.body as { id: string }).id}`);
    const section = page.getByRole('region', { name: 'What would change the outcome' });
    const hold = section.getByRole('article', {
      name: 'What would change: Hold past the release time',
    });
    await hold
      .getByRole('heading', { name: 'Hold past the release time: now not allowed' })
      .waitFor();
    const warrant = hold.getByRole('listitem').filter({
      hasText: /^A judicial warrant presented with the detainer .* would make the hold allowed/,
    });
    await warrant.waitFor();
    const cite = warrant.getByRole('link', { name: '§ 9-131(b), as amended by LL58/2014 § 2' });
    assert.match(
      (await cite.getAttribute('href')) ?? '',
      /^https:\/\/legistar\.council\.nyc\.gov\//,
    );
    await expectAccessible(page);
    assert.deepEqual(browser.pageErrors, []);
  });

  it('says so when nothing within the facts changes an outcome: a California hold', async () => {
    // Gov. Code § 7284.6(a)(1)(B) (SB 54): agencies shall not detain an individual "on the basis
    // of a hold request", whatever the facts.
    const clerk = await browser.desk.as('clerk');
    const intake = currentIntake('WWC-WEB-2');
    intake.jurisdiction = 'california';
    const created = await clerk.request('POST', '/api/cases?decide=true', { body: intake });
    assert.equal(created.status, 201, created.text);
    const page = await browser.pageAs('clerk', `/cases/${(created.body as { id: string }).id}`);
    const section = page.getByRole('region', { name: 'What would change the outcome' });
    const hold = section.getByRole('article', {
      name: 'What would change: Hold past the release time',
    });
    await hold
      .getByRole('heading', { name: 'Hold past the release time: now not allowed' })
      .waitFor();
    await hold.getByText('Nothing within these facts changes it.', { exact: true }).waitFor();
    await expectAccessible(page);
    assert.deepEqual(browser.pageErrors, []);
  });
});
