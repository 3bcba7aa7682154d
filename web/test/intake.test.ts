import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserDeskForSuite, expectAccessible, screenshot } from './browser-desk.js';

describe('the intake form', () => {
  const browser = browserDeskForSuite();

  it('checks each field as the clerk leaves it, in the API’s words, and records nothing', async () => {
    const countCases = async () =>
      Number(
        (
          await browser.desk.ctx.store.db
            .selectFrom('cases')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const casesBefore = await countCases();
    const page = await browser.pageAs('clerk', '/intake');
    const nysid = page.getByLabel('NYSID');
    await nysid.fill('123');
    await nysid.press('Tab');
    await page
      .locator('#f-person-nysid-error')
      .getByText(/must be a NYSID/)
      .waitFor();
    assert.equal(await nysid.getAttribute('aria-invalid'), 'true');
    // Fields not yet visited keep quiet, though the API would refuse them empty.
    assert.equal(await page.getByLabel('Full name').getAttribute('aria-invalid'), 'false');
    assert.equal(await page.getByText('The request was not recorded').count(), 0);
    await expectAccessible(page);
    await screenshot(page, 'intake-check');

    await nysid.fill('12345678K');
    await page.getByLabel('Full name').fill('Synthetic Eve Check');
    await page.getByLabel('Booking number').fill('I-200');
    const received = page.getByLabel('Received at');
    await received.fill('2099-05-23T11:15');
    // Tab moves between a date-time field's own parts; leaving it is what counts.
    await received.blur();
    // The service's own check, past the schema: the same words a submit would get.
    await page
      .locator('#f-request-receivedAt-error')
      .getByText(/is in the future/)
      .waitFor();
    await page.locator('#f-person-nysid-error').waitFor({ state: 'detached' });
    assert.equal(await nysid.getAttribute('aria-invalid'), 'false');

    await received.fill('2016-05-23T11:15');
    await received.blur();
    await page.locator('#f-request-receivedAt-error').waitFor({ state: 'detached' });
    assert.equal(await countCases(), casesBefore);
    assert.deepEqual(browser.pageErrors, []);
  });

  it('takes the error summary and the field errors away once the checks pass', async () => {
    const page = await browser.pageAs('clerk', '/intake');
    await page.getByLabel('Received at').fill('2016-05-23T11:15');
    await page.getByLabel('Full name').fill('Synthetic Una Fix');
    await page.getByLabel('Booking number').fill('I-300');
    const nysid = page.getByLabel('NYSID');
    await nysid.fill('123');
    await page.getByRole('button', { name: 'Record and decide' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'The request was not recorded' });
    await summary.getByText(/must be a NYSID/).waitFor();
    assert.equal(await nysid.getAttribute('aria-invalid'), 'true');

    // A booking number emptied meanwhile joins the summary; the NYSID fixed leaves it.
    await page.getByLabel('Booking number').fill('');
    await nysid.fill('12345678K');
    await nysid.press('Tab');
    await page.locator('#f-person-nysid-error').waitFor({ state: 'detached' });
    await summary.getByText(/custody\.bookingNumber/).waitFor();
    assert.equal(await summary.getByText(/must be a NYSID/).count(), 0);
    await expectAccessible(page);

    // Everything fixed: the checks pass, and nothing is left saying otherwise.
    await page.getByLabel('Booking number').fill('I-300');
    await page.getByLabel('Booking number').press('Tab');
    await summary.waitFor({ state: 'detached' });
    assert.equal(await page.locator('[aria-invalid="true"]').count(), 0);
    assert.equal(await page.locator('.usa-error-message').count(), 0);
    await expectAccessible(page);
    assert.deepEqual(browser.pageErrors, []);
  });

  it('tells a role that may not record a request so, instead of the form', async () => {
    const page = await browser.pageAs('reviewer', '/intake');
    await page.getByText('The legal reviewer role may not record a detainer request.').waitFor();
    assert.equal(await page.getByLabel('Full name').count(), 0);
    await expectAccessible(page);
    assert.deepEqual(browser.pageErrors, []);
  });

  it('shows the API’s field errors beside the fields, helps with charges, and records the request', async () => {
    const page = await browser.newPage();
    await browser.signIn(page, 'clerk');
    await page.getByRole('heading', { name: 'Queue' }).waitFor();
    await page.getByRole('link', { name: 'Record a request' }).click();
    await page.getByRole('heading', { name: 'Record a detainer request' }).waitFor();
    await page.getByLabel('Received at').fill('2016-05-23T11:15');
    await page.getByLabel('Full name').fill('Synthetic Ina Take');
    await page.getByLabel('NYSID').fill('123');
    await page.getByLabel('Booking number').fill('I-100');
    await page.getByLabel('Expected release').fill('2016-06-03T18:00');
    await page.getByRole('button', { name: 'Add a conviction' }).click();
    const charge = page.getByLabel('Charge of conviction');
    await charge.fill('120.1');
    await page
      .getByText(/Listed sections that begin so: PL 120\.10 Assault in the first degree/)
      .waitFor();
    await charge.fill('PL 120.10');
    await page
      .getByText(/Read as PL 120\.10: listed, PL 120\.10 Assault in the first degree/)
      .waitFor();
    await page.getByRole('button', { name: 'Record and decide' }).click();

    await page.getByRole('alert').getByText('The request was not recorded').waitFor();
    const nysid = page.getByLabel('NYSID');
    assert.equal(await nysid.getAttribute('aria-invalid'), 'true');
    const describedBy = (await nysid.getAttribute('aria-describedby')) ?? '';
    const message = page.locator(
      `[id="${describedBy.split(' ').find((id) => id.endsWith('-error')) ?? ''}"]`,
    );
    assert.match((await message.textContent()) ?? '', /must be a NYSID/);
    await expectAccessible(page);
    await screenshot(page, 'intake');

    await nysid.fill('12345678K');
    await page.getByRole('button', { name: 'Record and decide' }).click();
    await page.getByRole('heading', { name: /Synthetic Ina Take/ }).waitFor();
    await page.getByRole('article', { name: /^Hold past the release time/ }).waitFor();
    assert.match(page.url(), /\/cases\/[\w-]+$/);
    assert.deepEqual(browser.pageErrors, []);
  });

  it('records pending cases, the administrative warrants, the officer and the priorities', async () => {
    const page = await browser.pageAs('clerk', '/intake');
    await page.getByLabel('Agency').selectOption('nyc-doc');
    await page.getByLabel('DHS form').selectOption('I-247D');
    await page.getByLabel('Received at').fill('2016-05-23T11:15');
    await page.getByText('Convicted of a felony', { exact: true }).click();
    await page.getByLabel('The immigration officer who signed the form').fill('Synthetic Officer');
    await page.getByLabel('That officer’s title').fill('Deportation Officer');
    await page.getByRole('button', { name: 'Add an administrative warrant' }).click();
    await page.getByLabel('New administrative warrant: form').selectOption('I-200');
    await page.getByLabel('New administrative warrant: signed by').fill('Synthetic SDDO');
    await page.getByLabel('New administrative warrant: signed on').fill('2016-05-22');
    await page.getByLabel('Full name').fill('Synthetic Pia Pending');
    await page.getByLabel('Booking number').fill('I-400');
    await page.getByLabel('Expected release').fill('2016-06-03T18:00');

    await page.getByRole('button', { name: 'Add a pending case' }).click();
    const charge = page.getByLabel('New pending case, charge 1: charge');
    // Left empty, the charge has the API's words beside it, and only it.
    await charge.focus();
    await charge.press('Tab');
    const chargeError = page.locator('#f-history-pendingCases-0-charges-0-charge-error');
    await chargeError.waitFor();
    assert.notEqual((await chargeError.textContent())?.trim() ?? '', '');
    assert.equal(await charge.getAttribute('aria-invalid'), 'true');
    assert.match(
      (await charge.getAttribute('aria-describedby')) ?? '',
      /f-history-pendingCases-0-charges-0-charge-error/,
    );
    await expectAccessible(page);

    // The charge chosen from what the API completes it with.
    await charge.fill('120.1');
    await page
      .locator('#f-history-pendingCases-0-charges-0-charge-lookup')
      .getByText(/Listed sections that begin so: PL 120\.10 Assault in the first degree/)
      .waitFor();
    const codes = page.locator('#f-history-pendingCases-0-charges-0-charge-codes option');
    assert.equal(await codes.first().getAttribute('value'), 'PL 120.10');
    await charge.fill('PL 120.10');
    await charge.press('Tab');
    await chargeError.waitFor({ state: 'detached' });
    await page.getByLabel('New pending case, charge 1: level').selectOption({ label: 'Felony' });
    await page
      .getByLabel('New pending case: where this record came from')
      .selectOption({ label: 'A court' });
    await expectAccessible(page);
    await screenshot(page, 'intake-pending');

    await page.getByRole('button', { name: 'Record and decide' }).click();
    await page.getByRole('heading', { name: /Synthetic Pia Pending/ }).waitFor();
    const id = /\/cases\/([\w-]+)$/.exec(page.url())?.[1] ?? '';
    const stored = (await (await page.request.get(`/api/cases/${id}`)).json()) as {
      history: { pendingCases: unknown[] };
      request: Record<string, unknown>;
    };
    assert.deepEqual(stored.history.pendingCases, [
      {
        court: 'new-york',
        familyCourt: false,
        disposition: 'pending',
        source: 'court',
        charges: [{ charge: 'PL 120.10', level: 'felony' }],
      },
    ]);
    assert.deepEqual(stored.request.administrativeWarrants, [
      { form: 'I-200', signedBy: 'Synthetic SDDO', signedOn: '2016-05-22' },
    ]);
    assert.deepEqual(stored.request.issuingOfficer, {
      name: 'Synthetic Officer',
      title: 'Deportation Officer',
    });
    assert.deepEqual(stored.request.priorities, ['felony']);
    assert.equal(stored.request.form, 'I-247D');
    assert.deepEqual(browser.pageErrors, []);
  });
});
