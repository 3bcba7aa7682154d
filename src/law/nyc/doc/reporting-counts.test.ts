/**
 * DOC's annual report, § 9-131(f), in each version: every count of every paragraph, tested from
 * the statute's words through `buildReport` on synthetic cases (a case that belongs, cases that
 * do not, a record that cannot tell, one person with two detainers, and the period's bounds as New
 * York local midnights); the information figures LL228/2017 § 4 requires only for periods
 * beginning on or after 2018-01-30; the figures the desk does not record.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CaseInput } from '../../../engine/case.js';
import { UNKNOWN } from '../../../engine/tri.js';
import {
  answeredAt,
  askedAt,
  byReasonScenario,
  countedOf,
  eventsAt,
  facts,
  factsOf,
  HELD,
  HELD_NOT_TRANSFERRED,
  informationRows,
  NO_FACTS,
  NOT_HONORED,
  nyInstant,
  omittedOf,
  periodOf,
  RECEIVED,
  reportCase,
  reportFor,
  statutoryPeriod,
  testVersions,
  TRANSFERRED,
  transferredWith,
  UNKNOWN_FACTS,
  type CountRow,
  type Reason,
  type VersionUnderTest,
} from '../../../testing/report-cases.js';
import { detainerCase, nyConviction } from '../../testing/law-case.js';
import { DOC_REPORT_LAW } from './reporting-counts.js';

const law = DOC_REPORT_LAW;

// ---------------------------------------------------------------------------------------------
// Who belongs to each classified transfer count, by the person's facts.

const T = true;

const FELONY = transferredWith({
  yes: [
    facts({ crimeConviction: T, felonyConviction: T }),
    facts({ crimeConviction: T, felonyConviction: T, violentOrSeriousConviction: T }),
  ],
  no: [facts({ crimeConviction: T }), NO_FACTS],
  unknown: [facts({ crimeConviction: T, felonyConviction: UNKNOWN }), UNKNOWN_FACTS],
});

const MISDEMEANOR_ONLY = transferredWith({
  yes: [facts({ crimeConviction: T })],
  no: [facts({ crimeConviction: T, felonyConviction: T }), NO_FACTS],
  unknown: [facts({ crimeConviction: T, felonyConviction: UNKNOWN }), UNKNOWN_FACTS],
});

const NO_CONVICTION = transferredWith({
  yes: [NO_FACTS, facts({ pendingCriminalCase: T, terroristScreeningMatch: T })],
  no: [facts({ crimeConviction: T }), facts({ crimeConviction: T, felonyConviction: T })],
  unknown: [facts({ crimeConviction: UNKNOWN, felonyConviction: UNKNOWN }), UNKNOWN_FACTS],
});

const NO_CONVICTION_GANG = transferredWith({
  yes: [facts({ knownGangMember: T })],
  no: [NO_FACTS, facts({ crimeConviction: T, knownGangMember: T })],
  unknown: [
    facts({ knownGangMember: UNKNOWN }),
    facts({ crimeConviction: UNKNOWN, felonyConviction: UNKNOWN, knownGangMember: T }),
  ],
});

const NO_CONVICTION_TSDB = transferredWith({
  yes: [facts({ terroristScreeningMatch: T })],
  no: [NO_FACTS, facts({ crimeConviction: T, terroristScreeningMatch: T })],
  unknown: [
    facts({ terroristScreeningMatch: UNKNOWN }),
    facts({ crimeConviction: UNKNOWN, felonyConviction: UNKNOWN, terroristScreeningMatch: T }),
  ],
});

const NO_CONVICTION_GANG_AND_TSDB = transferredWith({
  yes: [facts({ knownGangMember: T, terroristScreeningMatch: T })],
  no: [
    facts({ knownGangMember: T }),
    facts({ terroristScreeningMatch: T }),
    facts({ crimeConviction: T, knownGangMember: T, terroristScreeningMatch: T }),
  ],
  unknown: [
    facts({ knownGangMember: T, terroristScreeningMatch: UNKNOWN }),
    facts({ knownGangMember: UNKNOWN, terroristScreeningMatch: T }),
  ],
});

const NO_CONVICTION_PENDING_CASE = transferredWith({
  yes: [facts({ pendingCriminalCase: T })],
  no: [NO_FACTS, facts({ crimeConviction: T, pendingCriminalCase: T })],
  unknown: [
    facts({ pendingCriminalCase: UNKNOWN }),
    facts({ crimeConviction: UNKNOWN, felonyConviction: UNKNOWN, pendingCriminalCase: T }),
  ],
});

const NO_CONVICTION_REMOVAL_ORDER = transferredWith({
  yes: [facts({ removalOrder: T })],
  no: [NO_FACTS, facts({ crimeConviction: T, removalOrder: T })],
  unknown: [
    facts({ removalOrder: UNKNOWN }),
    facts({ crimeConviction: UNKNOWN, felonyConviction: UNKNOWN, removalOrder: T }),
  ],
});

const covered = { pendingCriminalCase: T, pendingCoveredCase: T } as const;

const NO_CONVICTION_PENDING_FELONY = transferredWith({
  yes: [facts({ ...covered, pendingFelony: T })],
  no: [facts(covered), NO_FACTS, facts({ ...covered, pendingFelony: T, crimeConviction: T })],
  unknown: [
    facts({ ...covered, pendingFelony: UNKNOWN }),
    facts({ ...covered, pendingFelony: T, crimeConviction: UNKNOWN, felonyConviction: UNKNOWN }),
  ],
});

const NO_CONVICTION_PENDING_MISDEMEANORS = transferredWith({
  yes: [facts(covered)],
  no: [
    facts({ ...covered, pendingFelony: T }),
    // One pending petit larceny case: pending, but not a covered criminal case.
    facts({ pendingCriminalCase: T }),
    facts({ ...covered, crimeConviction: T }),
  ],
  unknown: [
    facts({ ...covered, pendingFelony: UNKNOWN }),
    facts({ pendingCriminalCase: T, pendingCoveredCase: UNKNOWN }),
  ],
});

const VIOLENT_OR_SERIOUS = transferredWith({
  yes: [facts({ crimeConviction: T, felonyConviction: T, violentOrSeriousConviction: T })],
  no: [facts({ crimeConviction: T, felonyConviction: T }), NO_FACTS],
  unknown: [
    facts({ crimeConviction: T, felonyConviction: T, violentOrSeriousConviction: UNKNOWN }),
    UNKNOWN_FACTS,
  ],
});

const TSDB_NOT_VIOLENT_OR_SERIOUS = transferredWith({
  yes: [
    facts({ terroristScreeningMatch: T }),
    facts({ crimeConviction: T, felonyConviction: T, terroristScreeningMatch: T }),
  ],
  no: [
    NO_FACTS,
    facts({
      crimeConviction: T,
      felonyConviction: T,
      violentOrSeriousConviction: T,
      terroristScreeningMatch: T,
    }),
  ],
  unknown: [
    facts({ terroristScreeningMatch: UNKNOWN }),
    facts({ violentOrSeriousConviction: UNKNOWN, terroristScreeningMatch: T }),
  ],
});

// ---------------------------------------------------------------------------------------------
// The rows of each version.

const persons = 'persons' as const;
const TRANSFERRED_WORDS = 'transferred to the custody of federal immigration authorities';

const reasonWords: Record<Reason, [string, string]> = {
  i: ['reason to believe the person is subject to removal', 'had reason to believe'],
  ii: [
    'removal proceedings initiated and a notice to appear served',
    'initiated removal proceedings',
  ],
  iii: ['a warrant of arrest for removal proceedings served', 'served a warrant of arrest'],
  iv: ['an order of deportation or removal obtained', 'obtained orders of deportation or removal'],
};

function reasonRows(p: '1' | '2', total: 'received' | 'held'): CountRow[] {
  return (['i', 'ii', 'iii', 'iv'] as const).map((sub) => ({
    paragraph: `${p}.${sub}`,
    id: `${total}-reason-${sub}`,
    words: `${total === 'received' ? 'detainers lodged' : 'persons held'} where ICE gave as its reason: ${reasonWords[sub][0]}`,
    quote: reasonWords[sub][1],
    test: {
      unit: total === 'received' ? 'detainers' : persons,
      scenario: byReasonScenario(total, sub),
    },
  }));
}

const heldRow = (p: string): CountRow => ({
  paragraph: p,
  id: 'held',
  words: 'persons held on a civil immigration detainer beyond the time they would be released',
  quote: 'held pursuant to civil immigration detainers beyond the time when such',
  test: { unit: persons, scenario: HELD },
});

const transferredRow = (p: string): CountRow => ({
  paragraph: p,
  id: 'transferred',
  words: 'persons transferred to federal immigration authorities',
  quote: `${TRANSFERRED_WORDS} pursuant to civil immigration detainers;`,
  test: { unit: persons, scenario: TRANSFERRED },
});

const scaapRow = (p: string): CountRow => ({
  paragraph: p,
  id: 'scaap-funding',
  words: 'state criminal alien assistance funding requested and received (not recorded)',
  quote: 'the amount of state criminal alien assistance funding requested and received',
  test: 'not-recorded',
});

const notHonoredRow = (p: string): CountRow => ({
  paragraph: p,
  id: 'not-honored',
  words: 'persons for whom civil immigration detainers were not honored',
  quote: 'civil immigration detainers were not honored pursuant to subdivision b',
  test: { unit: persons, scenario: NOT_HONORED },
});

const heldNotTransferredRow = (p: string): CountRow => ({
  paragraph: p,
  id: 'held-not-transferred',
  words: 'persons held but not transferred: the 48-hour hold expired or ICE disavowed custody',
  quote: 'expiration of the forty-eight-hour hold period',
  test: { unit: persons, scenario: HELD_NOT_TRANSFERRED },
});

const receivedRow: CountRow = {
  paragraph: '1',
  id: 'received',
  words: 'the total number of detainers lodged with the department',
  quote: 'detainers lodged with the department',
  test: { unit: 'detainers', scenario: RECEIVED },
};

/** LL62/2011 paragraphs 2–9, LL22/2013 paragraphs 3–6 and 9–12: the people transferred. */
const transfer = {
  felony: (p: string): CountRow => ({
    paragraph: p,
    id: 'transferred-felony',
    words: 'persons transferred who had at least one felony conviction',
    quote: 'who had at least one felony conviction;',
    test: { unit: persons, scenario: FELONY },
  }),
  misdemeanorOnly: (p: string): CountRow => ({
    paragraph: p,
    id: 'transferred-misdemeanor-only',
    words: 'persons transferred with a misdemeanour conviction but no felony conviction',
    quote: 'at least one misdemeanor conviction but no felony convictions',
    test: { unit: persons, scenario: MISDEMEANOR_ONLY },
  }),
  noConviction: (p: string): CountRow => ({
    paragraph: p,
    id: 'transferred-no-conviction',
    words: 'persons transferred with no misdemeanour or felony conviction',
    quote: 'who had no misdemeanor or felony convictions;',
    test: { unit: persons, scenario: NO_CONVICTION },
  }),
  gang: (p: string): CountRow => ({
    paragraph: p,
    id: 'transferred-no-conviction-gang',
    words: 'persons transferred with no conviction, identified as known gang members',
    quote: 'no misdemeanor or felony convictions and were identified as known gang members',
    test: { unit: persons, scenario: NO_CONVICTION_GANG },
  }),
  tsdb: (p: string): CountRow => ({
    paragraph: p,
    id: 'transferred-no-conviction-tsdb',
    words: 'persons transferred with no conviction, possible terrorist screening database matches',
    quote:
      'no misdemeanor or felony convictions and were identified as possible matches in the terrorist screening database;',
    test: { unit: persons, scenario: NO_CONVICTION_TSDB },
  }),
  gangAndTsdb: (p: string): CountRow => ({
    paragraph: p,
    id: 'transferred-no-conviction-gang-and-tsdb',
    words: 'persons transferred with no conviction, both database matches and known gang members',
    quote:
      'identified as both possible matches in the terrorist screening database and known gang members',
    test: { unit: persons, scenario: NO_CONVICTION_GANG_AND_TSDB },
  }),
  pending: (p: string): CountRow => ({
    paragraph: p,
    id: 'transferred-no-conviction-pending-case',
    words: 'persons transferred with no conviction who were defendants in a pending criminal case',
    quote: 'no misdemeanor or felony convictions and were defendants in a pending criminal case',
    test: { unit: persons, scenario: NO_CONVICTION_PENDING_CASE },
  }),
};

const LL62_ROWS: CountRow[] = [
  heldRow('1'),
  transferredRow('2'),
  transfer.felony('3'),
  transfer.misdemeanorOnly('4'),
  transfer.noConviction('5'),
  transfer.gang('6'),
  transfer.tsdb('7'),
  transfer.gangAndTsdb('8'),
  transfer.pending('9'),
  scaapRow('10'),
  notHonoredRow('11'),
];

const LL22_ROWS: CountRow[] = [
  receivedRow,
  ...reasonRows('1', 'received'),
  heldRow('2'),
  ...reasonRows('2', 'held'),
  transferredRow('3'),
  transfer.felony('4'),
  transfer.misdemeanorOnly('5'),
  transfer.noConviction('6'),
  {
    paragraph: '7',
    id: 'transferred-after-dismissal',
    words: 'persons transferred after the dismissal of the criminal case (not recorded)',
    quote: 'subsequent to the dismissal of the criminal case',
    test: 'not-recorded',
  },
  {
    paragraph: '8',
    id: 'transferred-no-conviction-removal-order',
    words:
      'persons transferred with no conviction who had a warrant or prior final order of removal',
    quote: 'outstanding warrant of removal issued pursuant to 8 C.F.R. 241.2',
    test: { unit: persons, scenario: NO_CONVICTION_REMOVAL_ORDER },
  },
  transfer.gang('9'),
  transfer.tsdb('10'),
  transfer.gangAndTsdb('11'),
  transfer.pending('12'),
  {
    paragraph: '13',
    id: 'transferred-no-conviction-pending-felony',
    words:
      'persons transferred with no conviction, charged with a felony in a pending covered case',
    quote: 'charged with a felony or felonies in a pending covered criminal case',
    test: { unit: persons, scenario: NO_CONVICTION_PENDING_FELONY },
  },
  {
    paragraph: '14',
    id: 'transferred-no-conviction-pending-misdemeanors',
    words:
      'persons transferred with no conviction, charged solely with misdemeanours in a pending covered case',
    quote: 'charged solely with a misdemeanor or misdemeanors in a pending covered criminal case',
    test: { unit: persons, scenario: NO_CONVICTION_PENDING_MISDEMEANORS },
  },
  scaapRow('15'),
  notHonoredRow('16'),
  heldNotTransferredRow('17'),
];

const LL58_ROWS: CountRow[] = [
  { ...receivedRow, quote: 'the total number of civil immigration detainers lodged' },
  ...reasonRows('1', 'received'),
  heldRow('2'),
  ...reasonRows('2', 'held'),
  transferredRow('3'),
  {
    paragraph: '4',
    id: 'transferred-violent-or-serious',
    words: 'persons transferred with a violent or serious conviction',
    quote: 'who had at least one conviction for a violent or serious crime',
    test: { unit: persons, scenario: VIOLENT_OR_SERIOUS },
  },
  {
    paragraph: '5',
    id: 'transferred-tsdb-not-violent-or-serious',
    words:
      'persons transferred with no violent or serious conviction, possible terrorist screening database matches',
    quote:
      'no convictions for a violent or serious crime and were identified as possible matches in the terrorist screening database',
    test: { unit: persons, scenario: TSDB_NOT_VIOLENT_OR_SERIOUS },
  },
  scaapRow('6'),
  notHonoredRow('7'),
  heldNotTransferredRow('8'),
];

const LL228_ROWS: CountRow[] = [...LL58_ROWS, ...informationRows('9')];

const VERSIONS: readonly VersionUnderTest[] = [
  {
    version: 'LL62/2011',
    enacted: 'as added by LL62/2011',
    rows: LL62_ROWS,
    period: () => ({ from: '2011-10-01', to: '2012-09-30', due: '2012-09-30' }),
  },
  {
    version: 'LL22/2013',
    enacted: 'as amended by LL22/2013',
    rows: LL22_ROWS,
    period: () => ({ from: '2012-10-01', to: '2013-09-30', due: '2013-09-30' }),
  },
  {
    version: 'LL58/2014',
    enacted: 'as amended by LL58/2014',
    rows: LL58_ROWS,
    period: () => ({ from: '2014-10-01', to: '2015-09-30', due: '2015-10-15' }),
  },
  {
    version: 'LL228/2017',
    enacted: 'as amended by LL228/2017',
    rows: LL228_ROWS,
    // Paragraph 9 is required only for periods beginning on or after 2018-01-30 (LL228 § 4).
    period: (row) =>
      row.paragraph.startsWith('9')
        ? { from: '2018-07-01', to: '2019-06-30', due: '2019-09-01' }
        : { from: '2017-07-01', to: '2018-06-30', due: '2018-09-01' },
  },
];

testVersions(law, '§ 9-131(f)', VERSIONS);

// ---------------------------------------------------------------------------------------------

describe('§ 9-131(f) as amended by LL228/2017, read with LL228/2017 § 4', () => {
  const first = () => statutoryPeriod(law, 'LL228/2017', VERSIONS[3]!.period(LL58_ROWS[0]!));
  const second = () =>
    statutoryPeriod(law, 'LL228/2017', { from: '2018-07-01', to: '2019-06-30', due: '2019-09-01' });
  const information = LL228_ROWS.filter((row) => row.paragraph.startsWith('9'));
  const asked = (at: string) =>
    reportCase(answeredAt(at, { events: ['hold-started', 'transferred-to-ice'] }));

  test('the report due 2018-09-01 (from 2017-07-01) has paragraph 9 as not required', () => {
    const report = reportFor(law, first(), [asked(nyInstant('2018-03-01', '12:00'))]);
    for (const row of information) {
      const figure = omittedOf(report, row.id);
      assert.equal(figure.status, 'not-required', row.id);
      assert.equal(
        figure.reason,
        'LL228/2017 § 4 requires this figure only for periods beginning on or after 2018-01-30; this period began 2017-07-01.',
      );
    }
    // Paragraphs 1 to 8 were required before: they are counted.
    assert.equal(countedOf(report, 'transferred').value, 1);
    assert.equal(omittedOf(report, 'scaap-funding').status, 'not-recorded');
  });

  test('the report due 2019-09-01 (from 2018-07-01) counts paragraph 9', () => {
    const report = reportFor(law, second(), [asked(nyInstant('2019-03-01', '12:00'))]);
    for (const row of information) {
      if (row.test === 'not-recorded') continue;
      assert.equal(countedOf(report, row.id).status, 'counted', row.id);
    }
    assert.equal(countedOf(report, 'information-requests').value, 1);
    assert.equal(countedOf(report, 'information-i-transfer-facilitated').value, 1);
  });

  test('a custom period beginning 2018-01-30 counts paragraph 9; one beginning 2018-01-29 does not', () => {
    const cases = [asked(nyInstant('2018-03-01', '12:00'))];
    const onTheDay = reportFor(law, periodOf(law, '2018-01-30', '2018-06-29'), cases);
    assert.equal(countedOf(onTheDay, 'information-responses').value, 1);
    const dayBefore = reportFor(law, periodOf(law, '2018-01-29', '2018-06-29'), cases);
    assert.equal(omittedOf(dayBefore, 'information-responses').status, 'not-required');
  });
});

describe('§ 9-131(f) figures the desk does not record', () => {
  const cases = [
    reportCase(eventsAt(nyInstant('2013-03-01', '12:00'), ['hold-started', 'transferred-to-ice'])),
  ];

  test('§ 9-131(f)(10) as added by LL62/2011, (15) as amended by LL22/2013, (6) as amended by LL58/2014 and LL228/2017: SCAAP funding is not recorded', () => {
    const periods = [
      periodOf(law, '2011-10-01', '2012-09-30'),
      periodOf(law, '2012-10-01', '2013-09-30'),
      periodOf(law, '2014-10-01', '2015-09-30'),
      periodOf(law, '2017-07-01', '2018-06-30'),
    ];
    assert.deepEqual(
      periods.map((period) => {
        const figure = omittedOf(reportFor(law, period, cases), 'scaap-funding');
        return [figure.paragraph, figure.status];
      }),
      [
        ['10', 'not-recorded'],
        ['15', 'not-recorded'],
        ['6', 'not-recorded'],
        ['6', 'not-recorded'],
      ],
    );
    const figure = omittedOf(reportFor(law, periods[0]!, cases), 'scaap-funding');
    assert.match(figure.reason, /budget office/);
  });

  test('§ 9-131(f)(7) as amended by LL22/2013: transfers after the dismissal of the criminal case are not recorded', () => {
    const figure = omittedOf(
      reportFor(law, periodOf(law, '2012-10-01', '2013-09-30'), cases),
      'transferred-after-dismissal',
    );
    assert.equal(figure.status, 'not-recorded');
    assert.match(figure.reason, /how the criminal case .* ended/);
  });
});

// ---------------------------------------------------------------------------------------------
// From the person's record, as the desk classifies it.

describe('§ 9-131(f) counts from the record as nycSubjectFacts reads it', () => {
  const arrest = '2018-03-01';
  const at = nyInstant('2018-03-05', '12:00');
  const transferredCase = (id: string, record: NonNullable<CaseInput['record']>) =>
    reportCase(
      {
        ...eventsAt(at, ['hold-started', 'transferred-to-ice']),
        subject: factsOf(
          detainerCase('nyc-doc', {
            decisionAt: '2018-03-04T09:00:00-05:00',
            otherwiseReleaseAt: '2018-03-04T10:00:00-05:00',
            instantArrestDate: arrest,
            record,
          }),
          at,
        ),
      },
      { id },
    );

  test('§ 9-131(f)(4) as amended by LL228/2017, with § 9-131(a)(2) as amended by LL58/2014: a violent or serious conviction within five years of the instant arrest counts; one outside does not; one whose incarceration is unrecorded is unknown', () => {
    const cases = [
      transferredCase('within', {
        searchCompleted: true,
        convictions: [nyConviction('PL 160.15 BF', '2014-06-01')],
      }),
      transferredCase('outside', {
        searchCompleted: true,
        convictions: [nyConviction('PL 160.15 BF', '2012-01-10')],
      }),
      transferredCase('outside-incarceration-unrecorded', {
        searchCompleted: true,
        convictions: [nyConviction('PL 160.15 BF', '2012-01-10', { incarceration: undefined })],
      }),
      transferredCase('search-not-completed', { searchCompleted: false, convictions: [] }),
    ];
    const figure = countedOf(
      reportFor(law, periodOf(law, '2017-07-01', '2018-06-30'), cases),
      'transferred-violent-or-serious',
    );
    assert.deepEqual(
      [figure.value, figure.caseIds, figure.unknown, figure.unknownCaseIds],
      [1, ['within'], 2, ['outside-incarceration-unrecorded', 'search-not-completed']],
    );
  });

  test('§ 9-131(f)(3)–(5) as added by LL62/2011: a felony, a misdemeanour, a youthful-offender adjudication (no conviction)', () => {
    const at2012 = nyInstant('2012-05-01', '12:00');
    const make = (id: string, record: NonNullable<CaseInput['record']>) =>
      reportCase(
        {
          ...eventsAt(at2012, ['hold-started', 'transferred-to-ice']),
          subject: factsOf(
            detainerCase('nyc-doc', {
              decisionAt: '2012-04-30T09:00:00-04:00',
              otherwiseReleaseAt: '2012-04-30T10:00:00-04:00',
              instantArrestDate: '2012-04-20',
              record,
            }),
            at2012,
          ),
        },
        { id },
      );
    const cases = [
      make('felony', {
        searchCompleted: true,
        convictions: [nyConviction('PL 155.35 DF', '2010-01-05')],
      }),
      make('misdemeanour', {
        searchCompleted: true,
        convictions: [nyConviction('PL 155.25 AM', '2010-01-05')],
      }),
      make('youthful-offender', {
        searchCompleted: true,
        convictions: [
          nyConviction('PL 160.15 BF', '2010-01-05', { disposition: 'youthful-offender' }),
        ],
      }),
      make('search-not-completed', { searchCompleted: false, convictions: [] }),
    ];
    const report = reportFor(law, periodOf(law, '2011-10-01', '2012-09-30'), cases);
    const summary = (id: string) => {
      const figure = countedOf(report, id);
      return [figure.caseIds, figure.unknownCaseIds];
    };
    assert.deepEqual(summary('transferred-felony'), [['felony'], ['search-not-completed']]);
    assert.deepEqual(summary('transferred-misdemeanor-only'), [
      ['misdemeanour'],
      ['search-not-completed'],
    ]);
    assert.deepEqual(summary('transferred-no-conviction'), [
      ['youthful-offender'],
      ['search-not-completed'],
    ]);
  });

  const pendingCase = (charge: string, extra: object = {}) => ({
    court: 'new-york' as const,
    charges: [{ charge }],
    releasedUnderCpl17070: false,
    mustBeYouthfulOffender: false as const,
    source: 'e-justice-ny' as const,
    ...extra,
  });

  const ll22Case = (id: string, pendingCases: ReturnType<typeof pendingCase>[]) => {
    const at2013 = nyInstant('2013-08-01', '12:00');
    return reportCase(
      {
        ...eventsAt(at2013, ['hold-started', 'transferred-to-ice']),
        subject: factsOf(
          detainerCase('nyc-doc', {
            decisionAt: '2013-07-31T09:00:00-04:00',
            otherwiseReleaseAt: '2013-07-31T10:00:00-04:00',
            instantArrestDate: '2013-07-20',
            record: { searchCompleted: true, convictions: [], pendingCases },
          }),
          at2013,
        ),
      },
      { id },
    );
  };

  test('§ 9-131(f)(13) and (14) as amended by LL22/2013: a pending felony; a pending covered misdemeanour only; an uncovered misdemeanour in neither', () => {
    const cases = [
      ll22Case('felony', [pendingCase('PL 155.35 DF')]),
      ll22Case('assault-3', [pendingCase('PL 120.00(1) AM')]),
      ll22Case('two-petit-larcenies', [pendingCase('PL 155.25 AM'), pendingCase('PL 155.25 AM')]),
      ll22Case('one-petit-larceny', [pendingCase('PL 155.25 AM')]),
    ];
    const report = reportFor(law, periodOf(law, '2012-10-01', '2013-09-30'), cases);
    assert.deepEqual(countedOf(report, 'transferred-no-conviction-pending-felony').caseIds, [
      'felony',
    ]);
    assert.deepEqual(countedOf(report, 'transferred-no-conviction-pending-misdemeanors').caseIds, [
      'assault-3',
      'two-petit-larcenies',
    ]);
    assert.deepEqual(countedOf(report, 'transferred-no-conviction-pending-case').caseIds, [
      'assault-3',
      'felony',
      'one-petit-larceny',
      'two-petit-larcenies',
    ]);
  });

  test('§ 9-131(f)(13) with § 9-131(a)(7)(v) as amended by LL22/2013: a felony case in which the court must find the person a youthful offender is not a pending covered criminal case', () => {
    const cases = [
      ll22Case('must-be-yo', [pendingCase('PL 155.35 DF', { mustBeYouthfulOffender: true })]),
      ll22Case('yo-not-recorded', [
        pendingCase('PL 155.35 DF', { mustBeYouthfulOffender: 'unknown' }),
      ]),
    ];
    const figure = countedOf(
      reportFor(law, periodOf(law, '2012-10-01', '2013-09-30'), cases),
      'transferred-no-conviction-pending-felony',
    );
    assert.deepEqual([figure.caseIds, figure.unknownCaseIds], [[], ['yo-not-recorded']]);
  });
});

describe('§ 9-131(f)(9) as amended by LL228/2017, read with § 9-131(a)(4)', () => {
  const request = (at: string) =>
    reportCase(askedAt(at, { requester: 'other-federal-immigration-duties' }));

  test('before LL63/2026: a federal officer enforcing criminal re-entry laws is not a "federal immigration authority"', () => {
    const report = reportFor(law, periodOf(law, '2024-07-01', '2025-06-30'), [
      request(nyInstant('2025-03-02', '12:00')),
    ]);
    assert.equal(countedOf(report, 'information-requests').value, 0);
  });

  test('§ 9-131(a)(4) as amended by LL63/2026: from 2026-01-29 a request from a federal officer enforcing re-entry laws is a request from federal immigration authorities', () => {
    const report = reportFor(law, periodOf(law, '2025-07-01', '2026-06-30'), [
      request(nyInstant('2025-12-01', '12:00')),
      request(nyInstant('2026-03-02', '12:00')),
    ]);
    assert.equal(countedOf(report, 'information-requests').value, 1);
  });
});
