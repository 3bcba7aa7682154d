import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detainerCase } from '../../src/law/testing/law-case.js';
import {
  docIntakeWithoutWarrant,
  docIntakeWithWarrant,
} from '../../src/testing/intake-fixtures.js';
import { browserDeskForSuite, expectAccessible, screenshot } from './browser-desk.js';

describe('what if: replay under another law', () => {
  let withoutWarrant = '';
  const browser = browserDeskForSuite(async (desk) => {
    const clerk = await desk.as('clerk');
    for (const intake of [docIntakeWithWarrant('B-R1'), docIntakeWithoutWarrant('B-R2')]) {
      const response = await clerk.request('POST', '/api/cases', { body: intake });
      assert.equal(response.status, 201, response.text);
      if (intake.custody.bookingNumber === 'B-R2') {
        withoutWarrant = (response.body as { id: string }).id;
      }
    }
  });

  it("a reviewer replays the desk's cases under LL22/2013 and sees what changed and why", async () => {
    const page = await browser.pageAs('reviewer');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'What if' })
      .click();
    await page.getByRole('heading', { name: 'What if: replay cases under another law' }).waitFor();
    await expectAccessible(page);
    await page.getByLabel('Law to replay under').fill('nyc-doc@LL22/2013');
    await page.getByLabel('Agency', { exact: true }).selectOption('nyc-doc');
    await page.getByLabel('Received from').fill('2016-05-01');
    await page.getByLabel('Received to (inclusive)').fill('2016-05-31');
    await page.getByRole('button', { name: 'Replay' }).click();
    await page.getByText('Done: 2 cases replayed.').waitFor();
    await page.getByText(/1 of 2 cases would be answered differently/).waitFor();
    // § 9-131(b)(1) (LL58/2014) refuses a detainer without a judicial warrant; § 9-131(b)(2)(i)
    // (LL22/2013) honoured one for a person convicted of a covered crime, as PL 120.10 is.
    const changed = page.getByRole('table', { name: /^Answers that changed/ });
    const hold = changed.getByRole('row', { name: new RegExp(`^${withoutWarrant} hold`) });
    assert.match(
      await hold.innerText(),
      /not-allowed\s+allowed\s+§ 9-131\(b\), as amended by LL22\/2013/,
    );
    await page
      .getByRole('figure', { name: 'Answers under the law in force and under the law chosen' })
      .waitFor();
    await page.getByText('The chart’s numbers as a table').click();
    const numbers = page.getByRole('table', {
      name: /^Answers under the law in force and under nyc-doc@2013-07-16/,
    });
    await numbers.getByRole('row', { name: 'hold: allowed 1 2 +1' }).waitFor();
    const csv = page.getByRole('link', { name: 'Download the changes (CSV)' });
    assert.match(
      (await csv.getAttribute('href')) ?? '',
      /^\/api\/what-if\/replays\/[0-9a-f-]+\?format=csv$/,
    );
    await expectAccessible(page);
    await screenshot(page, 'what-if');
    assert.deepEqual(browser.pageErrors, []);
  });

  it('a reviewer amends LL58/2014 (no judicial warrant): the answer it changes cites it, and a bad crime is named beside its field', async () => {
    const page = await browser.pageAs('reviewer', '/what-if');
    await page.getByRole('heading', { name: 'What if: replay cases under another law' }).waitFor();
    await page.getByLabel('Law to replay under').fill('nyc-doc@2016-06-01');
    await page.getByLabel('Name of the amendment').fill('No warrant');
    // A look-back that is not a number is named beside its field, and nothing is sent.
    const years = page.getByRole('textbox', {
      name: 'Look-back, in years before the instant arrest',
    });
    await years.fill('ten');
    await page.getByRole('button', { name: 'Replay' }).click();
    await page.getByText('Write a whole number, e.g. 10.').waitFor();
    assert.equal(await years.getAttribute('aria-invalid'), 'true');
    assert.equal(await page.getByText(/^Replay of /).count(), 0);
    await years.fill('');
    await page.getByLabel('Crimes to add to the list').fill('PL 155.30, grand larceny');
    await page.getByLabel('Received from').fill('2016-05-01');
    await page.getByLabel('Received to (inclusive)').fill('2016-05-31');
    await page.getByRole('button', { name: 'Replay' }).click();
    const crimes = page.getByRole('textbox', { name: 'Crimes to add to the list' });
    await page.getByText('Cannot read charge code "grand larceny"').first().waitFor();
    assert.equal(await crimes.getAttribute('aria-invalid'), 'true');
    await expectAccessible(page);
    await crimes.fill('');
    // § 9-131(b)(1)(i) (LL58/2014), the judicial warrant, dropped: the case without one is held
    // on its listed felony (§ 9-131(b)(1)(ii); PL 120.10 is listed in § 9-131(a)(7)(i)).
    await page.getByText('Drop the judicial-warrant condition').click();
    await page.getByRole('button', { name: 'Replay' }).click();
    await page.getByText('Done: 2 cases replayed.').waitFor();
    const amendment = page.getByRole('region', { name: /^The amendment/ });
    await amendment
      .getByText('The judicial-warrant condition is dropped', { exact: false })
      .waitFor();
    const changed = page.getByRole('table', { name: /^Answers that changed/ });
    const hold = changed.getByRole('row', { name: new RegExp(`^${withoutWarrant} hold`) });
    assert.match(
      await hold.innerText(),
      /not-allowed\s+allowed\s+Amendment [0-9a-f]{12} \("No warrant"\)/,
    );
    await expectAccessible(page);
    await screenshot(page, 'what-if-amendment');
    assert.deepEqual(browser.pageErrors, []);
  });

  it('a file with a bad case is refused, naming its line and field, and nothing runs', async () => {
    const page = await browser.pageAs('auditor', '/what-if');
    await page.getByRole('heading', { name: 'What if: replay cases under another law' }).waitFor();
    await page.getByText('A file of cases (JSON, NDJSON or the intake CSV)').click();
    const good = JSON.stringify(detainerCase('nyc-doc', { caseId: 'one' }));
    await page.getByLabel('Cases file (up to 1 MiB)').setInputFiles({
      name: 'cases.ndjson',
      mimeType: 'application/x-ndjson',
      buffer: Buffer.from(`${good}\n{"jurisdiction":"nyc-doc"}\n`),
    });
    await page.getByRole('button', { name: 'Replay' }).click();
    const alert = page.getByRole('alert');
    await alert.getByRole('heading', { name: 'The replay did not start' }).waitFor();
    await alert.getByText('source.text line 2: decisionAt', { exact: false }).first().waitFor();
    await expectAccessible(page);
    // A law that names no encoded version is refused the same way.
    await page.getByLabel('Law to replay under').fill('nyc-doc@LL99/2030');
    await page.getByLabel('Cases file (up to 1 MiB)').setInputFiles({
      name: 'cases.ndjson',
      mimeType: 'application/x-ndjson',
      buffer: Buffer.from(good),
    });
    await page.getByRole('button', { name: 'Replay' }).click();
    await alert
      .getByText(/has no version "LL99\/2030"/)
      .first()
      .waitFor();
    assert.deepEqual(browser.pageErrors, []);
  });

  it('on a desk with no ICE release imported, choosing one says so and how to import one', async () => {
    const page = await browser.pageAs('supervisor', '/what-if');
    await page.getByText('The detainers of an imported ICE release').click();
    await page
      .getByRole('status')
      .getByText('No ICE release is imported: an administrator imports one with')
      .waitFor();
    assert.equal(await page.getByLabel('Release', { exact: true }).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Replay' }).isDisabled(), true);
    await expectAccessible(page);
    assert.deepEqual(browser.pageErrors, []);
  });

  it('a clerk is not offered the page', async () => {
    const page = await browser.pageAs('clerk');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Queue' }).waitFor();
    assert.equal(await nav.getByRole('link', { name: 'What if' }).count(), 0);
  });
});
