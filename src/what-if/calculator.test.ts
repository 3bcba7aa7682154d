import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCase } from '../engine/case.js';
import { chargeLookup, clauseTextOf } from './calculator-law.js';
import {
  BLANK_CONVICTION,
  BLANK_FACTS,
  calculate,
  calculatorCase,
  calculatorEngine,
  MAX_LAWS,
  type CalculatorFacts,
  type LawChoice,
} from './calculator.js';
import { whatWouldChange } from './what-would-change.js';

/** A synthetic client: a 2014 New York conviction for assault in the first degree (PL 120.10). */
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
      charge: ' PL 120.10 ',
      level: 'felony',
      judgmentDate: '2014-03-01',
      source: 'e-justice-ny',
    },
  ],
  databaseFacts: { ...BLANK_FACTS.databaseFacts, terroristScreeningMatch: 'no' },
  databaseSource: 'e-justice-ny',
};

const DOC_2016: LawChoice = { jurisdiction: 'nyc-doc', date: '2016-06-03' };
const CALIFORNIA_2018: LawChoice = { jurisdiction: 'california', date: '2018-06-03' };

function decided(facts: CalculatorFacts, laws: LawChoice[]) {
  const calculation = calculate(calculatorEngine, facts, laws);
  if (!calculation.ok) throw new Error(JSON.stringify(calculation.issues));
  return calculation.decisions;
}

const statusOf = (decision: ReturnType<typeof decided>[number], action: string) =>
  decision.decision.outcomes.find((outcome) => outcome.action === action)?.status;

describe('the calculator’s case', () => {
  it('is decided at noon on the day in the jurisdiction’s zone, standing for the release time too', () => {
    const summer = calculatorCase(CLIENT, DOC_2016, 'America/New_York');
    assert.equal(summer.decisionAt, '2016-06-03T16:00:00.000Z');
    assert.equal(summer.otherwiseReleaseAt, summer.decisionAt);
    const winter = calculatorCase(CLIENT, { ...DOC_2016, date: '2016-01-04' }, 'America/New_York');
    assert.equal(winter.decisionAt, '2016-01-04T17:00:00.000Z');
    const pacific = calculatorCase(CLIENT, CALIFORNIA_2018, 'America/Los_Angeles');
    assert.equal(pacific.decisionAt, '2018-06-03T19:00:00.000Z');
  });

  it('carries the facts as entered, and a fact not known as not recorded, never as no', () => {
    const input = parseCase(
      calculatorCase(
        {
          ...CLIENT,
          pendingCases: [{ charge: 'PL 265.01', level: '', court: 'new-york', source: 'court' }],
        },
        DOC_2016,
        'America/New_York',
      ),
    );
    assert.equal(input.instantArrestDate, '2016-05-20');
    assert.deepEqual(input.request.judicialWarrant, {
      presented: true,
      withDetainer: true,
      issuer: 'federal-magistrate-judge',
      probableCause: true,
    });
    assert.equal(input.record.searchCompleted, true);
    assert.equal(input.record.convictions[0]!.charge, 'PL 120.10');
    assert.equal(input.record.convictions[0]!.level, 'felony');
    assert.deepEqual(input.record.pendingCases[0]!.charges, [{ charge: 'PL 265.01' }]);
    assert.deepEqual(input.record.terroristScreeningMatch, {
      value: false,
      source: 'e-justice-ny',
    });
    // Not known: left out, so the law asks for it.
    assert.equal(input.record.criminalWarrant, undefined);
    assert.equal(input.record.proofOfLawfulStatus, undefined);

    const blank = parseCase(calculatorCase(BLANK_FACTS, DOC_2016, 'America/New_York'));
    assert.equal(blank.instantArrestDate, undefined);
    assert.equal(blank.record.searchCompleted, 'unknown');
    assert.deepEqual(blank.request.judicialWarrant, {
      presented: 'unknown',
      withDetainer: 'unknown',
      issuer: 'unknown',
      probableCause: 'unknown',
    });
  });
});

describe('the calculator’s decisions', () => {
  it('under DOC § 9-131(b)(1) (LL58/2014) a judicial warrant and a violent or serious crime allow the hold; without the warrant they do not', () => {
    // § 9-131(b)(1) (LL58/2014): "The department may only honor a civil immigration detainer by
    // holding a person ... if: i. federal immigration authorities present the department with a
    // judicial warrant ... at the time such civil immigration detainer is presented; and ii. ...
    // A. has been convicted of a violent or serious crime". PL 120.10 is on the § 9-131(a)(7) list;
    // the 2014 judgment is within the five years before the 2016 arrest (§ 9-131(a)(2)(ii)).
    const [withWarrant] = decided(CLIENT, [DOC_2016]);
    assert.equal(statusOf(withWarrant!, 'hold'), 'allowed');
    const hold = withWarrant!.decision.outcomes.find((outcome) => outcome.action === 'hold')!;
    assert.deepEqual(
      hold.controlling.map((clause) => `${clause.id} ${clause.version}`).slice(0, 2),
      ['nyc.9-131.b LL58/2014', 'nyc.9-131.a.judicial-warrant LL58/2014'],
    );
    const [withoutWarrant] = decided({ ...CLIENT, judicialWarrant: 'no' }, [DOC_2016]);
    assert.equal(statusOf(withoutWarrant!, 'hold'), 'not-allowed');
  });

  it('side by side: the same facts under California’s Values Act forbid the hold whatever the record', () => {
    // Gov. Code § 7284.6(a)(1)(B) (SB 54): law enforcement shall not "Detain an individual on the
    // basis of a hold request".
    const [doc, california] = decided(CLIENT, [DOC_2016, CALIFORNIA_2018]);
    assert.equal(doc!.law, DOC_2016);
    assert.equal(statusOf(doc!, 'hold'), 'allowed');
    assert.equal(california!.law, CALIFORNIA_2018);
    assert.equal(statusOf(california!, 'hold'), 'not-allowed');
    const hold = california!.decision.outcomes.find((outcome) => outcome.action === 'hold')!;
    assert.deepEqual(
      hold.controlling.map((clause) => clause.id),
      ['ca.gov-7284.6.a.1.B'],
    );
  });

  it('under § 7284.6(a)(1)(C) and § 7282.5(a)(1) (SB 54) California’s findings settle whether a release date may be given', () => {
    // § 7284.6(a)(1)(C): agencies shall not "Respond to requests for notification by providing
    // release dates or other information unless that information is available to the public, or
    // is in response to a notification request from immigration authorities in accordance with
    // Section 7282.5"; § 7282.5(a)(1): "has been convicted of a serious or violent felony".
    const notify = (facts: CalculatorFacts) =>
      statusOf(decided(facts, [CALIFORNIA_2018])[0]!, 'notify');
    assert.equal(notify(BLANK_FACTS), 'needs-information');
    const findings = BLANK_FACTS.californiaFindings;
    assert.equal(
      notify({
        ...BLANK_FACTS,
        californiaFindings: { ...findings, seriousOrViolentFelonyConviction: 'yes' },
      }),
      'allowed',
    );
    const none = Object.fromEntries(
      Object.keys(findings).map((name) => [name, 'no']),
    ) as CalculatorFacts['californiaFindings'];
    assert.equal(
      notify({ ...BLANK_FACTS, informationPublic: 'no', californiaFindings: none }),
      'not-allowed',
    );
    const input = parseCase(
      calculatorCase(
        {
          ...BLANK_FACTS,
          informationPublic: 'yes',
          californiaFindings: { ...findings, federalFelonyWarrant: 'no' },
        },
        CALIFORNIA_2018,
        'America/Los_Angeles',
      ),
    );
    assert.equal(input.request.informationPubliclyAvailable, true);
    assert.deepEqual(input.findings.california, { federalFelonyWarrant: false });
  });

  it('gives each decision what would change it, as whatWouldChange finds it for the same case', () => {
    const [doc] = decided(CLIENT, [DOC_2016]);
    const input = parseCase(calculatorCase(CLIENT, DOC_2016, 'America/New_York'));
    assert.deepEqual(doc!.changes, whatWouldChange(calculatorEngine, input));
    const hold = doc!.changes.outcomes.find((outcome) => outcome.action === 'hold')!;
    // § 9-131(b)(1)(i): without a judicial warrant the hold is not allowed.
    assert.ok(
      hold.changeSets.some(
        (set) =>
          set.status === 'not-allowed' &&
          set.changes.some((change) => change.path.startsWith('request.judicialWarrant')),
      ),
    );
  });

  it('is the same decision, byte for byte, on the same facts', () => {
    const laws = [DOC_2016, CALIFORNIA_2018, { jurisdiction: 'texas', date: '2018-06-03' }];
    assert.equal(
      JSON.stringify(calculate(calculatorEngine, CLIENT, laws)),
      JSON.stringify(calculate(calculatorEngine, structuredClone(CLIENT), laws)),
    );
  });
});

describe('what the calculator refuses', () => {
  const issuesOf = (facts: CalculatorFacts, laws: LawChoice[]) => {
    const calculation = calculate(calculatorEngine, facts, laws);
    if (calculation.ok) throw new assert.AssertionError({ message: 'decided bad facts' });
    return calculation.issues;
  };

  it('names the law compared whose jurisdiction or day is wrong, by its place in the list', () => {
    assert.deepEqual(
      issuesOf(CLIENT, [
        DOC_2016,
        { jurisdiction: 'atlantis', date: '2016-02-30' },
        { jurisdiction: 'texas', date: '' },
        { jurisdiction: 'texas', date: '99999-01-01' },
        { jurisdiction: 'nyc-doc', date: '1999-12-31' },
      ]),
      [
        {
          path: 'law[1].jurisdiction',
          message:
            'choose one of nyc-doc, nyc-nypd, nyc-probation, california, texas, illinois, oregon',
        },
        { path: 'law[1].date', message: 'must be a real calendar date written YYYY-MM-DD' },
        { path: 'law[2].date', message: 'must be a real calendar date written YYYY-MM-DD' },
        { path: 'law[3].date', message: 'must be a real calendar date written YYYY-MM-DD' },
        {
          path: 'law[4].date',
          message: '1999-12-31 is before 2000-01-01, the first day whose law is encoded',
        },
      ],
    );
  });

  it('names each bad fact once, by the field it was entered in, however many laws are compared', () => {
    const facts: CalculatorFacts = {
      ...CLIENT,
      arrestDate: '2016-13-01',
      convictions: [
        { ...BLANK_CONVICTION, charge: 'x'.repeat(201), judgmentDate: '2014-02-30' },
        { ...BLANK_CONVICTION, charge: '   ' },
      ],
      pendingCases: [{ charge: '', level: '', court: 'new-york', source: 'court' }],
    };
    const paths = issuesOf(facts, [DOC_2016, CALIFORNIA_2018]).map((issue) => issue.path);
    assert.deepEqual(paths, [
      'instantArrestDate',
      'record.convictions[0].charge',
      'record.convictions[0].judgmentDate',
      'record.convictions[1].charge',
      'record.pendingCases[0].charges[0].charge',
    ]);
  });

  it('decides under one law at least and MAX_LAWS at most', () => {
    const message = `choose from 1 to ${String(MAX_LAWS)} laws to decide under`;
    assert.deepEqual(issuesOf(CLIENT, []), [{ path: 'law', message }]);
    const many = Array.from({ length: MAX_LAWS + 1 }, () => DOC_2016);
    assert.deepEqual(issuesOf(CLIENT, many), [{ path: 'law', message }]);
    assert.equal(calculate(calculatorEngine, CLIENT, many.slice(1)).ok, true);
  });

  it('refuses a huge history with the record’s own limit, naming the list', () => {
    const facts = {
      ...CLIENT,
      convictions: Array.from({ length: 501 }, () => CLIENT.convictions[0]!),
    };
    assert.deepEqual(
      issuesOf(facts, [DOC_2016]).map((issue) => issue.path),
      ['record.convictions'],
    );
  });
});

describe('the law the calculator reads in the page', () => {
  it('reads a charge as GET /api/law/charges does: PL 120.10 is on the violent-or-serious crime list', () => {
    const lookup = chargeLookup('PL 120.10');
    assert.ok(lookup !== undefined);
    assert.equal(lookup.charge, 'PL 120.10');
    assert.ok(lookup.listed.some((hit) => hit.code === 'PL 120.10'));
    // A section begun: the listed sections that begin so, to complete the field.
    assert.ok(chargeLookup('120.1')?.listed.some((hit) => hit.code.startsWith('PL 120.1')));
    // Beyond the query's bounds there is nothing to say; the charge's own check says why.
    assert.equal(chargeLookup('x'.repeat(201)), undefined);
    assert.equal(chargeLookup('   '), undefined);
  });

  it('gives the text of the clause version a decision cites', () => {
    const [doc] = decided(CLIENT, [DOC_2016]);
    const honoring = doc!.decision.outcomes[0]!.controlling[0]!;
    const text = clauseTextOf(honoring);
    assert.ok(text !== undefined);
    assert.equal(text.id, 'nyc.9-131.b');
    assert.equal(text.version, 'LL58/2014');
    assert.match(text.text, /The department may only honor a civil immigration detainer/);
  });
});
