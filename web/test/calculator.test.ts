import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page, Request } from 'playwright-core';
import {
  BLANK_CONVICTION,
  BLANK_FACTS,
  calculate,
  calculatorEngine,
  type CalculatorFacts,
} from '../../src/what-if/calculator.js';
import { changeSetSentence, citationsOf } from '../../src/what-if/what-would-change-text.js';
import { browserDeskForSuite, expectAccessible, screenshot } from './browser-desk.js';

/**
 * A synthetic client: a 2014 New York conviction for assault in the first degree, arrested on
 * 2016-05-20, a judicial warrant presented with the detainer. Each value is one that appears
 * nowhere in the page's own requests, so finding it in one would mean the facts left the page.
 */
const CLIENT: CalculatorFacts = {
  ...BLANK_FACTS,
  arrestDate: '2016-05-20',
  judicialWarrant: 'yes',
  warrantIssuer: 'federal-magistrate-judge',
  warrantProbableCause: 'yes',
  historyComplete: 'yes',
  convictions: [
    {
      ...BLANK_CONVICTION,
      charge: 'PL 120.10',
      level: 'felony',
      judgmentDate: '2014-03-01',
      source: 'e-justice-ny',
    },
  ],
  databaseFacts: { ...BLANK_FACTS.databaseFacts, terroristScreeningMatch: 'no' },
  databaseSource: 'e-justice-ny',
  californiaFindings: {
    ...BLANK_FACTS.californiaFindings,
    seriousOrViolentFelonyConviction: 'yes',
  },
};
const LAWS = [
  { jurisdiction: 'nyc-doc', date: '2016-06-03' },
  { jurisdiction: 'nyc-doc', date: '2013-06-03' },
  { jurisdiction: 'california', date: '2018-06-03' },
];
/** The facts as they could show in a request: each as typed, and URL-encoded. */
const FACT_TEXTS = ['120.10', '2014-03-01', '2016-05-20', '2016-06-03', '2013-06-03', '2018-06-03'];
const carriesFacts = (text: string) =>
  FACT_TEXTS.some((fact) => text.includes(fact) || text.includes(encodeURIComponent(fact)));

/** Enters the client's facts and the laws to compare, as a lawyer would. */
async function enterClient(page: Page): Promise<void> {
  const offered = await page
    .getByLabel('Jurisdiction', { exact: true })
    .locator('option')
    .allInnerTexts();
  for (const name of ['Illinois', 'Oregon']) {
    assert.ok(offered.includes(name), `${name} among ${offered.join(', ')}`);
  }
  await page.getByLabel('Jurisdiction', { exact: true }).selectOption('nyc-doc');
  await page.getByLabel('The day', { exact: true }).fill('2016-06-03');
  const californiaFindings = page.getByRole('group', { name: /^California’s findings/ });
  assert.equal(await californiaFindings.count(), 0, 'asked only when California’s law is');
  for (const [index, law] of LAWS.slice(1).entries()) {
    await page.getByRole('button', { name: 'Compare under another day or jurisdiction' }).click();
    await page
      .getByLabel(`Compare ${String(index + 1)}: jurisdiction`)
      .selectOption(law.jurisdiction);
    await page.getByLabel(`Compare ${String(index + 1)}: the day`).fill(law.date);
  }
  await page.getByLabel('A judicial warrant was presented with the detainer').selectOption('yes');
  await page.getByLabel('Who signed the judicial warrant').selectOption('federal-magistrate-judge');
  await page.getByLabel('The judicial warrant is based on probable cause').selectOption('yes');
  await page
    .getByLabel('Date of the arrest that brought the client into custody')
    .fill('2016-05-20');
  await page.getByLabel(/These are all the client’s convictions/).selectOption('yes');
  await page.getByRole('button', { name: 'Add a conviction' }).click();
  const charge = page.getByLabel('Conviction 1: charge');
  await charge.fill('120.1');
  // The crime list completes the charge from the bundle the page carries, as the intake form's does.
  assert.ok(
    (await page.locator(`#${(await charge.getAttribute('id')) ?? ''}-codes option`).count()) > 0,
  );
  await charge.fill('PL 120.10');
  await page.getByText(/Read as PL 120\.10.*listed/).waitFor();
  await page.getByLabel('Conviction 1: level').selectOption('felony');
  await page.getByLabel('Conviction 1: date of judgment').fill('2014-03-01');
  await page.getByLabel('Conviction 1: where the record comes from').selectOption('e-justice-ny');
  await page
    .getByLabel('Identified as a possible match in the terrorist screening database')
    .selectOption('no');
  await page.getByLabel('Where these answers come from').selectOption('e-justice-ny');
  await californiaFindings
    .getByLabel(/^Convicted of a serious or violent felony/)
    .selectOption('yes');
}

describe('the defender’s calculator', () => {
  const browser = browserDeskForSuite();

  it('a visitor decides a client’s facts under three laws side by side, and nothing leaves the page', async () => {
    const page = await browser.newPage();
    const requests: Request[] = [];
    page.on('request', (request) => requests.push(request));
    await page.goto('/');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Calculator' })
      .click();
    await page.getByRole('heading', { name: 'The defender’s calculator' }).waitFor();
    await expectAccessible(page);
    const logLinesBefore = browser.desk.logs.length;

    await enterClient(page);
    await page.getByRole('button', { name: 'Decide' }).click();
    const heading = page.getByRole('heading', { name: 'The outcome' });
    await heading.waitFor();
    // The answer takes the focus, for a keyboard or a screen reader.
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'The outcome');

    // The page's statuses are the engine's, decided in Node on the same facts.
    const expected = calculate(calculatorEngine, CLIENT, LAWS);
    assert.ok(expected.ok);
    const table = page.getByRole('table', { name: 'Each action under each law' });
    const hold = await table.getByRole('row', { name: /^Hold past the release time/ }).innerText();
    assert.deepEqual(
      hold.split('\t').map((cell) => cell.trim()),
      ['Hold past the release time', 'Allowed', 'Allowed', 'Not allowed'],
    );
    for (const [index, { decision }] of expected.decisions.entries()) {
      const section = page.getByRole('region', { name: new RegExp(`${LAWS[index]!.date}$`) });
      for (const outcome of decision.outcomes) {
        await section.getByText(outcome.explanation, { exact: true }).first().waitFor();
      }
    }

    // Under § 9-131(b) (LL58/2014): the controlling clause's text, read from the page's own law.
    const inForce = page.getByRole('region', { name: /^The law in force: .*2016-06-03$/ });
    const holdOutcome = inForce.getByRole('article', { name: /^Hold past the release time/ });
    await holdOutcome
      .locator('summary', { hasText: '§ 9-131(b), as amended by LL58/2014 § 2' })
      .click();
    await holdOutcome
      .getByText(/The department may only honor a civil immigration detainer/)
      .first()
      .waitFor();
    // What would change it: each set checked by deciding again (src/what-if/what-would-change.ts).
    const changes = expected.decisions[0]!.changes.outcomes.find(
      (entry) => entry.action === 'hold',
    )!;
    assert.ok(changes.changeSets.length > 0);
    await holdOutcome.getByRole('heading', { name: 'What would change it' }).waitFor();
    for (const set of changes.changeSets) {
      await holdOutcome
        .getByText(`${changeSetSentence(changes, set)} (${citationsOf(set.controlling)}).`)
        .waitFor();
    }
    const california = page.getByRole('region', { name: /^Compared: .*2018-06-03$/ });
    await california
      .getByRole('article', { name: /^Hold past the release time/ })
      .getByText('Nothing within these facts changes it.')
      .waitFor();
    await expectAccessible(page);
    await screenshot(page, 'calculator');

    // Stored nothing, sent nothing: no request but the app's own GETs, none naming a fact.
    for (const request of requests) {
      assert.equal(request.method(), 'GET', `${request.method()} ${request.url()}`);
      assert.ok(!carriesFacts(request.url()), request.url());
      assert.equal(request.postData(), null);
    }
    assert.ok(
      requests.every((request) => !new URL(request.url()).pathname.startsWith('/api/law')),
      'the law is read from the page, not asked for',
    );
    assert.deepEqual(await page.context().cookies(), []);
    assert.deepEqual(
      await page.evaluate(() => [localStorage.length, sessionStorage.length]),
      [0, 0],
    );
    // The server never heard of them: nothing it logged while the facts were entered names one.
    assert.ok(browser.desk.logs.slice(logLinesBefore).every((line) => !carriesFacts(line)));
    assert.ok(browser.desk.logs.every((line) => !carriesFacts(line)));

    // Printed: the facts decided and the outcome with the clauses' text, no form or buttons.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('form').isVisible(), false);
    assert.equal(await page.getByRole('button', { name: 'Print' }).isVisible(), false);
    await page.getByRole('heading', { name: 'The facts decided' }).waitFor();
    await page.getByText(/Conviction 1: PL 120\.10 \(felony\)/).waitFor();
    assert.ok((await page.locator('.desk-print-only:visible').count()) > 0);
    await page.emulateMedia({ media: 'screen' });

    // Reloading forgets the facts.
    await page.reload();
    await page.getByRole('heading', { name: 'The defender’s calculator' }).waitFor();
    assert.equal(await page.getByLabel('Conviction 1: charge').count(), 0);
    assert.deepEqual(browser.pageErrors, []);
  });

  it('bad or careless facts are named beside their fields, and nothing is decided until they are put right', async () => {
    const page = await browser.newPage();
    await page.goto('/calculator');
    await page.getByRole('heading', { name: 'The defender’s calculator' }).waitFor();
    await page.getByLabel('The day', { exact: true }).fill('');
    await page.getByRole('button', { name: 'Compare under another day or jurisdiction' }).click();
    await page.getByLabel('Compare 1: the day').fill('1999-12-31');
    await page.getByRole('button', { name: 'Add a conviction' }).click();
    await page.getByLabel('Conviction 1: charge').fill('x'.repeat(5000));
    await page.getByRole('button', { name: 'Add a pending case' }).click();
    await page.getByRole('button', { name: 'Decide' }).click();

    const summary = page.getByRole('alert');
    await summary.getByText('The facts cannot be decided as entered').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('role')), 'alert');
    const day = page.getByLabel('The day', { exact: true });
    assert.equal(await day.getAttribute('aria-invalid'), 'true');
    await page
      .locator('#f-law-0-date-error', {
        hasText: 'must be a real calendar date written YYYY-MM-DD',
      })
      .waitFor();
    assert.equal(
      await page.getByLabel('Conviction 1: charge').getAttribute('aria-invalid'),
      'true',
    );
    assert.equal(
      await page.getByLabel('Pending case 1: the most serious charge').getAttribute('aria-invalid'),
      'true',
    );
    assert.equal(await page.getByRole('heading', { name: 'The outcome' }).count(), 0);
    await expectAccessible(page);
    // The summary's link takes the lawyer to the field.
    await summary.getByRole('link', { name: 'law[0].date' }).click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-law-0-date');

    // The facts put right, the law compared is one the engine does not reach back to.
    await day.fill('2020-01-15');
    await page.getByRole('button', { name: 'Remove conviction 1' }).click();
    await page.getByRole('button', { name: 'Remove pending case 1' }).click();
    await page.getByRole('button', { name: 'Decide' }).click();
    await page
      .locator('#f-law-1-date-error', {
        hasText: '1999-12-31 is before 2000-01-01, the first day whose law is encoded',
      })
      .waitFor();
    assert.equal(await day.getAttribute('aria-invalid'), 'false');
    await page.getByLabel('Compare 1: the day').fill('2012-01-15');
    await page.getByRole('button', { name: 'Decide' }).click();
    await page.getByRole('heading', { name: 'The outcome' }).waitFor();
    assert.equal(await page.getByRole('alert').count(), 0);
    // Nothing is known of this client: the law's questions, never a guess.
    await page.getByRole('heading', { name: 'Not known, and needed to decide' }).first().waitFor();
    // A fact changed after deciding is not silently applied to the answer shown.
    await page.getByLabel('A judicial warrant was presented with the detainer').selectOption('no');
    await page.getByText('The facts have changed since this was decided').waitFor();
    // Six laws at most: the law in force and five beside it.
    const compare = page.getByRole('button', { name: 'Compare under another day or jurisdiction' });
    for (let added = 0; added < 4; added += 1) await compare.click();
    await page.getByText('5 laws are compared at most: remove one to compare another.').waitFor();
    assert.equal(await compare.count(), 0);
    await page.getByRole('button', { name: 'Decide' }).click();
    const table = page.getByRole('table', { name: 'Each action under each law' });
    await table
      .getByRole('columnheader', { name: /2020-01-15$/ })
      .nth(3)
      .waitFor();
    assert.equal(await table.getByRole('columnheader').count(), 1 + 6);
    await expectAccessible(page);
    assert.deepEqual(await page.context().cookies(), []);
    assert.deepEqual(browser.pageErrors, []);
  });
});
