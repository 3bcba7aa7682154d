import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserDeskForSuite, expectAccessible, screenshot } from './browser-desk.js';
import { docIntakeWithWarrant } from '../../src/testing/intake-fixtures.js';
import { currentIntake, decidedCase } from './seed-cases.js';

describe('correcting a case on its page', () => {
  const browser = browserDeskForSuite();

  it('completes a needs-information decision from its to-do list', async () => {
    const clerk = await browser.desk.as('clerk');
    const intake = currentIntake('C-TODO');
    delete intake.history!.proofOfLawfulStatus;
    const created = await clerk.request('POST', '/api/cases?decide=true', { body: intake });
    assert.equal(created.status, 201, created.text);
    const page = await browser.pageAs('clerk', `/cases/${(created.body as { id: string }).id}`);
    const hold = page.getByRole('article', { name: /^Hold past the release time/ });
    await hold.getByText('Needs information', { exact: true }).waitFor();

    // The to-do item's link opens the form and focuses the field that supplies the fact.
    // From the keyboard: the link takes Enter like any link.
    await hold.getByRole('link', { name: 'history.proofOfLawfulStatus' }).press('Enter');
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
    const decided = page.getByRole('article', { name: /^Hold past the release time/ });
    // Texas's SB 4 requires honouring the detainer once the facts are in.
    await decided.getByText('Required', { exact: true }).waitFor();
    assert.equal(await decided.getByText('Needs information', { exact: true }).count(), 0);
    await page.getByRole('region', { name: 'Timeline' }).getByText('Record corrected').waitFor();
    await expectAccessible(page);
    assert.deepEqual(browser.pageErrors, []);
  });

  it('names who supplies each missing fact and links only the fields the person may correct', async () => {
    const clerk = await browser.desk.as('clerk');
    const intake = currentIntake('C-WHO');
    delete intake.history!.proofOfLawfulStatus;
    intake.request = { ...intake.request, requester: 'unknown' };
    const created = await clerk.request('POST', '/api/cases?decide=true', { body: intake });
    assert.equal(created.status, 201, created.text);
    const id = (created.body as { id: string }).id;

    // A clerk corrects the record, not the request: the request's field is named, not linked.
    const clerkPage = await browser.pageAs('clerk', `/cases/${id}`);
    const todo = clerkPage.getByRole('article', { name: /^Hold past the release time/ });
    await todo.getByText('To be supplied by a legal reviewer (field request.requester)').waitFor();
    await todo.getByText('To be supplied by a clerk (field history.proofOfLawfulStatus)').waitFor();
    assert.equal(await todo.getByRole('link', { name: 'request.requester' }).count(), 0);
    assert.equal(await todo.getByRole('link', { name: 'history.proofOfLawfulStatus' }).count(), 1);
    await expectAccessible(clerkPage);

    // A reviewer follows the link to the request's field and supplies it.
    const page = await browser.pageAs('reviewer', `/cases/${id}`);
    const hold = page.getByRole('article', { name: /^Hold past the release time/ });
    await hold.getByRole('link', { name: 'request.requester' }).click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-request-requester');
    const form = page.getByRole('region', { name: 'Correct the request as recorded' });
    await form.getByLabel('Who asks').selectOption('ice');
    await form
      .getByLabel(/Why the request as recorded was wrong/)
      .fill('The detainer names ICE as the issuing agency on its first line.');
    await form.getByRole('button', { name: 'Correct the request' }).click();
    await form.getByText('Corrected. The case must now be decided again').waitFor();
    const stored = (await clerk.request('GET', `/api/cases/${id}`)).body as {
      request: { requester: string };
    };
    assert.equal(stored.request.requester, 'ice');
    assert.deepEqual(browser.pageErrors, []);
  });

  it('completes a database fact from its to-do list: the link lands on its field', async () => {
    const clerk = await browser.desk.as('clerk');
    const intake = docIntakeWithWarrant('C-FACT');
    // No conviction: NYC's law then asks the terrorist screening database.
    intake.history = { ...intake.history, convictions: [] };
    delete intake.history.terroristScreeningMatch;
    const created = await clerk.request('POST', '/api/cases?decide=true', { body: intake });
    assert.equal(created.status, 201, created.text);
    const id = (created.body as { id: string }).id;
    const page = await browser.pageAs('clerk', `/cases/${id}`);
    const hold = page.getByRole('article', { name: /^Hold past the release time/ });
    await hold.getByText('Needs information', { exact: true }).waitFor();

    await hold.getByRole('link', { name: 'history.terroristScreeningMatch.value' }).press('Enter');
    const answer = page.getByLabel('Terrorist screening match: answer');
    assert.ok(await answer.isVisible());
    assert.equal(
      await page.evaluate(() => document.activeElement?.id),
      'f-history-terroristScreeningMatch-value',
    );
    await expectAccessible(page);
    await screenshot(page, 'case-correction-facts');
    await answer.selectOption('no');
    await page
      .getByLabel('Terrorist screening match: where it came from')
      .selectOption('e-justice-ny');
    await page.getByRole('button', { name: 'Save the database checks' }).click();
    await page.getByText('Corrected. The case must now be decided again').waitFor();
    type Stored = {
      history: Record<string, unknown>;
      events: { kind: string; details: { fields?: string[] } }[];
    };
    const stored = (await clerk.request('GET', `/api/cases/${id}`)).body as Stored;
    assert.deepEqual(stored.history.terroristScreeningMatch, {
      value: false,
      source: 'e-justice-ny',
    });
    // Only the fact changed is sent: no other database fact is recorded.
    assert.equal(stored.history.criminalWarrant, undefined);
    assert.deepEqual(stored.events.at(-1)?.details.fields, ['history.terroristScreeningMatch']);

    await page.getByRole('button', { name: 'Decide under the law' }).click();
    await page.getByText('Done: Decide under the law.').waitFor();
    const decided = page.getByRole('article', { name: /^Hold past the release time/ });
    await decided.getByText('Not allowed', { exact: true }).waitFor();
    assert.equal(await decided.getByText('Needs information', { exact: true }).count(), 0);
    assert.equal(
      await page.getByRole('link', { name: 'history.terroristScreeningMatch.value' }).count(),
      0,
    );
    await expectAccessible(page);
    assert.deepEqual(browser.pageErrors, []);
  });

  it('lets a reviewer record the equivalence finding for another state’s conviction; a bad date refused beside its field', async () => {
    const clerk = await browser.desk.as('clerk');
    const intake = docIntakeWithWarrant('C-EQUIVALENCE');
    intake.history = {
      ...intake.history,
      convictions: [
        {
          charge: 'NJ 2C:12-1b(1)',
          level: 'felony',
          court: 'other-state',
          courtState: 'New Jersey',
          disposition: 'conviction',
          judgmentDate: '2014-03-01',
          incarceration: [],
          source: 'e-justice-ny',
        },
      ],
    };
    const created = await clerk.request('POST', '/api/cases?decide=true', { body: intake });
    assert.equal(created.status, 201, created.text);
    const id = (created.body as { id: string }).id;

    const page = await browser.pageAs('reviewer', `/cases/${id}`);
    const hold = page.getByRole('article', { name: /^Hold past the release time/ });
    await hold
      .getByText('To be supplied by a legal reviewer (field history.convictions[0].equivalence)')
      .waitFor();
    await hold.getByRole('link', { name: 'history.convictions[0].equivalence' }).click();
    assert.equal(
      await page.evaluate(() => document.activeElement?.id),
      'f-history-convictions-0-equivalence',
    );
    const section = page.getByRole('region', { name: 'Correct the record' });
    const finding = section.getByRole('group', {
      name: 'Conviction 1: legal reviewer’s equivalence finding',
    });
    assert.ok(await finding.isVisible());
    const save = () =>
      section.getByRole('button', { name: 'Save the criminal history corrections' }).click();

    // A finding without who made it and when, and a date of the offence with a five-digit year:
    // the API's words beside each field.
    await finding
      .getByLabel('Conviction 1: equivalence: the New York felony it is equivalent to')
      .fill('PL 120.05(2)');
    const offence = section.getByLabel('Conviction 1: date of the offence');
    await offence.fill('20131-09-14');
    await save();
    await section.locator('#f-history-convictions-0-offenseDate-error').waitFor();
    assert.match(
      await section.locator('#f-history-convictions-0-offenseDate-error').innerText(),
      /must be a real calendar date written YYYY-MM-DD/,
    );
    assert.equal(await offence.getAttribute('aria-invalid'), 'true');
    const decidedBy = finding.getByLabel(
      'Conviction 1: equivalence: the legal reviewer who made the finding',
    );
    await section.locator('#f-history-convictions-0-equivalence-decidedBy-error').waitFor();
    assert.equal(await decidedBy.getAttribute('aria-invalid'), 'true');
    await expectAccessible(page);

    await offence.fill('2013-09-14');
    await finding
      .getByLabel(
        'Conviction 1: equivalence: a predicate felony conviction under PL 70.06(1)(b)(i)',
      )
      .selectOption('yes');
    await decidedBy.fill('Synthetic Reviewer Okafor');
    await finding
      .getByLabel('Conviction 1: equivalence: when the finding was made')
      .fill('2016-06-01');
    await section.getByLabel('Conviction 1: a hate crime (PL 485.05)').selectOption('yes');
    await save();
    await section.getByText('Corrected. The case must now be decided again').waitFor();
    type Stored = {
      history: { convictions: Record<string, unknown>[] };
      events: { kind: string; details: { fields?: string[] } }[];
    };
    const stored = (await clerk.request('GET', `/api/cases/${id}`)).body as Stored;
    assert.deepEqual(stored.history.convictions[0], {
      charge: 'NJ 2C:12-1b(1)',
      level: 'felony',
      court: 'other-state',
      courtState: 'New Jersey',
      disposition: 'conviction',
      offenseDate: '2013-09-14',
      judgmentDate: '2014-03-01',
      hateCrime: true,
      incarceration: [],
      equivalence: {
        newYorkCharge: 'PL 120.05(2)',
        predicateFelony: true,
        decidedBy: 'Synthetic Reviewer Okafor',
        decidedOn: '2016-06-01',
      },
      source: 'e-justice-ny',
    });
    assert.deepEqual(stored.events.at(-1)?.details.fields, ['history.convictions']);

    await page.getByRole('button', { name: 'Decide under the law' }).click();
    await page.getByText('Done: Decide under the law.').waitFor();
    const decided = page.getByRole('article', { name: /^Hold past the release time/ });
    await decided.getByText('Allowed', { exact: true }).waitFor();
    assert.equal(await decided.getByText('Needs information', { exact: true }).count(), 0);

    // Every correction form open at once, the finding as recorded.
    await section.getByText('Custody: facility, booking number, arrest').click();
    await section.getByText('Database checks: criminal warrant').click();
    await section.getByText('The judicial warrant', { exact: true }).click();
    assert.equal(
      await finding
        .getByLabel('Conviction 1: equivalence: the legal reviewer who made the finding')
        .inputValue(),
      'Synthetic Reviewer Okafor',
    );
    await expectAccessible(page);
    await screenshot(page, 'case-correction-equivalence');
    assert.deepEqual(browser.pageErrors, []);
  });

  it('corrects a conviction’s level, court, disposition and sentence in place, and pending cases with their charges', async () => {
    const id = await decidedCase(browser.desk, 'C-ENTRIES');
    const clerk = await browser.desk.as('clerk');
    const page = await browser.pageAs('clerk', `/cases/${id}`);
    const section = page.getByRole('region', { name: 'Correct the record' });
    const open = () => section.getByText('Criminal history: the search').click();
    const save = () =>
      section.getByRole('button', { name: 'Save the criminal history corrections' }).click();
    await open();

    // The API's limit on a charge, refused beside the entry's own field.
    const charge = section.getByLabel('Conviction 1: charge');
    await charge.fill('PL 120.10 '.repeat(25));
    await save();
    await section.locator('#f-history-convictions-0-charge-error').waitFor();
    assert.equal(await charge.getAttribute('aria-invalid'), 'true');
    await expectAccessible(page);

    await page.reload();
    await open();
    await section.getByLabel('Conviction 1: level').selectOption('misdemeanor');
    await section.getByLabel('Conviction 1: court', { exact: true }).selectOption('other-state');
    await section.getByLabel('Conviction 1: state, for another state’s court').fill('New Jersey');
    await section.getByLabel('Conviction 1: disposition').selectOption('youthful-offender');
    await section.getByRole('button', { name: 'Add a period to conviction 1' }).click();
    await section.getByLabel('Conviction 1, new period: first day').fill('2014-03-01');
    await section.getByLabel('Conviction 1, new period: last day').fill('2014-09-01');
    await section.getByRole('button', { name: 'Add a pending case' }).click();
    await section.getByLabel('New pending case, charge 1: charge').fill('PL 265.01');
    await section
      .getByLabel('New pending case, charge 1: relates to a firearm or ammunition')
      .selectOption('yes');
    await section
      .getByLabel('New pending case: if convicted, the court must find a youthful offender')
      .selectOption('no');
    await section.getByRole('button', { name: 'Add a charge to new pending case' }).click();
    await section.getByLabel('New pending case, new charge: charge').fill('PL 155.25');
    await save();
    await section.getByText('Corrected. The case must now be decided again').waitFor();

    type Stored = {
      history: { convictions: Record<string, unknown>[]; pendingCases: Record<string, unknown>[] };
      events: { kind: string; details: { fields?: string[] } }[];
    };
    let stored = (await clerk.request('GET', `/api/cases/${id}`)).body as Stored;
    // The fields changed, in place; the rest of the entry as recorded.
    assert.deepEqual(stored.history.convictions, [
      {
        charge: 'PL 120.10 B',
        level: 'misdemeanor',
        court: 'other-state',
        disposition: 'youthful-offender',
        offenseDate: '2013-09-14',
        judgmentDate: '2014-03-01',
        incarceration: [{ from: '2014-03-01', to: '2014-09-01' }],
        source: 'e-justice-ny',
        courtState: 'New Jersey',
      },
    ]);
    assert.deepEqual(stored.history.pendingCases, [
      {
        court: 'new-york',
        familyCourt: false,
        disposition: 'pending',
        mustBeYouthfulOffender: false,
        source: 'e-justice-ny',
        charges: [{ charge: 'PL 265.01', firearmOrAmmunition: true }, { charge: 'PL 155.25' }],
      },
    ]);
    assert.deepEqual(stored.events.at(-1)?.details.fields, [
      'history.convictions',
      'history.pendingCases',
    ]);
    assert.equal(
      await section.getByLabel('Conviction 1, period 1: first day').inputValue(),
      '2014-03-01',
    );
    await expectAccessible(page);
    await screenshot(page, 'case-correction-entries');

    // A pending case's charge corrected in place and another removed; nothing else is sent.
    await section.getByLabel('Pending case 1, charge 2: charge').fill('PL 155.30');
    await section.getByText('Remove pending case 1, charge 1').click();
    await save();
    await section
      .getByLabel('Pending case 1, charge 1: charge')
      .and(page.locator('[value="PL 155.30"]'))
      .waitFor();
    stored = (await clerk.request('GET', `/api/cases/${id}`)).body as Stored;
    assert.deepEqual(stored.history.pendingCases[0]?.charges, [{ charge: 'PL 155.30' }]);
    assert.deepEqual(stored.events.at(-1)?.details.fields, ['history.pendingCases']);
    assert.deepEqual(browser.pageErrors, []);
  });

  it('corrects the person’s name and NYSID; a malformed NYSID refused beside its field', async () => {
    const id = await decidedCase(browser.desk, 'C-PERSON');
    const page = await browser.pageAs('clerk', `/cases/${id}`);
    const section = page.getByRole('region', { name: 'Correct the record' });
    await section.getByText('Person: name, date of birth, identifiers').click();
    await section.getByLabel('NYSID').fill('1234');
    await section.getByRole('button', { name: 'Save the person’s corrections' }).click();
    await section.locator('#f-person-nysid-error').waitFor();
    assert.equal(await section.getByLabel('NYSID').getAttribute('aria-invalid'), 'true');
    await expectAccessible(page);

    await section.getByLabel('NYSID').fill('24681357K');
    await section.getByLabel('Full name').fill('Test Person Alphonsine');
    await section.getByRole('button', { name: 'Save the person’s corrections' }).click();
    await section.getByText('Corrected. The case must now be decided again').waitFor();
    const clerk = await browser.desk.as('clerk');
    const stored = (await clerk.request('GET', `/api/cases/${id}`)).body as {
      person: { name: string; nysid: string };
    };
    assert.deepEqual(
      [stored.person.name, stored.person.nysid],
      ['Test Person Alphonsine', '24681357K'],
    );
    const found = (await clerk.request('GET', '/api/search/cases?q=24681357K')).body as {
      items: { id: string }[];
    };
    // The suite's cases share one A-number: one person, whose NYSID is now corrected.
    assert.ok(found.items.some((item) => item.id === id));
    assert.deepEqual(browser.pageErrors, []);
  });

  it('corrects custody and the history field by field; a bad field and a 412 in the API’s words', async () => {
    const id = await decidedCase(browser.desk, 'C-CORRECT');
    const page = await browser.pageAs('clerk', `/cases/${id}`);
    const section = page.getByRole('region', { name: 'Correct the record' });
    await section.getByText('Custody: facility, booking number, arrest').click();

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
    await section.getByText('Custody: facility, booking number, arrest').click();
    await section.getByLabel('Facility').fill('Synthetic Central Booking');
    await section.getByRole('button', { name: 'Add a custody charge' }).click();
    await section.getByLabel('New custody charge: charge').fill('PL 155.25');
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
    await section.getByRole('button', { name: 'Add a conviction' }).click();
    await section.getByLabel('New conviction: charge').fill('PL 120.05');
    await section.getByLabel('New conviction: date of judgment').fill('2015-04-02');
    await section.getByRole('button', { name: 'Save the criminal history corrections' }).click();
    await section.getByLabel('Conviction 2: charge').waitFor();
    assert.equal(await section.getByLabel('Conviction 2: charge').inputValue(), 'PL 120.05');
    await expectAccessible(page);
    await screenshot(page, 'case-correction');

    // The judicial warrant: saved unchanged, the API says nothing was named; then the judge named.
    await section.getByText('The judicial warrant', { exact: true }).click();
    await section.getByRole('button', { name: 'Save the judicial warrant' }).click();
    await section
      .getByText(/give at least one of person, history, custody or judicialWarrant/)
      .waitFor();
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
    const clerkPage = await browser.pageAs('clerk', `/cases/${id}`);
    await clerkPage.getByRole('region', { name: 'Correct the record' }).waitFor();
    assert.equal(
      await clerkPage.getByRole('region', { name: 'Correct the request as recorded' }).count(),
      0,
    );

    const page = await browser.pageAs('reviewer', `/cases/${id}`);
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

  it('lets a reviewer correct the request’s identifiers and the I-200/I-205 attached', async () => {
    const id = await decidedCase(browser.desk, 'C-IDENTIFIERS');
    const clerk = await browser.desk.as('clerk');
    const page = await browser.pageAs('reviewer', `/cases/${id}`);
    const form = page.getByRole('region', { name: 'Correct the request as recorded' });
    const reason = form.getByLabel(/Why the request as recorded was wrong/);
    const correct = () => form.getByRole('button', { name: 'Correct the request' }).click();

    // The API's limit on an identifier, beside its field.
    await form.getByLabel('Subject ID').fill('S'.repeat(60));
    await reason.fill('The identifiers were left off when the form was first recorded.');
    await correct();
    await form.locator('#f-request-subjectId-error').waitFor();
    assert.equal(await form.getByLabel('Subject ID').getAttribute('aria-invalid'), 'true');
    await expectAccessible(page);

    await form.getByLabel('Subject ID').fill('SUBJ-0001');
    await form.getByLabel('Event number').fill('EV-2016-77');
    await form.getByLabel('The immigration officer who signed it').fill('Synthetic Officer Lane');
    await form.getByLabel('That officer’s title').fill('Supervisory Detention Officer');
    await form.getByLabel('When the form was served on the person').fill('2016-05-23T12:30');
    await form.getByText('Tell ICE of the release', { exact: true }).click();
    await form.getByRole('button', { name: 'Add an administrative warrant' }).click();
    await form.getByLabel('New administrative warrant: form').selectOption('I-205');
    await form.getByLabel('New administrative warrant: signed by').fill('Synthetic Officer Marsh');
    await correct();
    await form.getByText('Corrected. The case must now be decided again').waitFor();
    type Stored = {
      request: Record<string, unknown>;
      events: { kind: string; details: { fields?: string[] } }[];
    };
    let stored = (await clerk.request('GET', `/api/cases/${id}`)).body as Stored;
    assert.equal(stored.request.subjectId, 'SUBJ-0001');
    assert.equal(stored.request.eventNumber, 'EV-2016-77');
    assert.equal(stored.request.form, 'I-247D');
    assert.deepEqual(stored.request.administrativeWarrants, [
      { form: 'I-205', signedBy: 'Synthetic Officer Marsh' },
    ]);
    assert.deepEqual(stored.request.issuingOfficer, {
      name: 'Synthetic Officer Lane',
      title: 'Supervisory Detention Officer',
    });
    // The pages are in New York's time zone: 12:30 EDT.
    assert.equal(stored.request.servedOnPersonAt, '2016-05-23T16:30:00.000Z');
    assert.deepEqual(stored.request.actions, ['notify']);
    assert.deepEqual(stored.events.at(-1)?.details.fields?.sort(), [
      'request.actions',
      'request.administrativeWarrants',
      'request.eventNumber',
      'request.issuingOfficer',
      'request.servedOnPersonAt',
      'request.subjectId',
    ]);
    assert.equal(
      await form.getByLabel('Administrative warrant 1: signed by').inputValue(),
      'Synthetic Officer Marsh',
    );
    await expectAccessible(page);

    // Removed again: the list is sent whole, without it.
    await form.getByText('Remove administrative warrant 1').click();
    await form
      .getByLabel(/Why the request as recorded was wrong/)
      .fill('The I-205 belonged to another detainer in the same envelope.');
    await correct();
    await form.getByText('None recorded.').waitFor();
    stored = (await clerk.request('GET', `/api/cases/${id}`)).body as Stored;
    assert.deepEqual(stored.request.administrativeWarrants, []);
    assert.deepEqual(browser.pageErrors, []);
  });
});
