/**
 * NYPD's annual report, § 14-154(f), in each version: the four counts LL21/2013 listed (kept by
 * LL59/2014 and LL228/2017) and the information figures LL228/2017 added, each tested from the
 * statute's words through `buildReport` on synthetic cases; LL228/2017 § 4's start date for the
 * new figures; and the definition of "federal immigration authorities" they read.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  answeredAt,
  askedAt,
  countedOf,
  HELD,
  informationRows,
  NOT_HONORED,
  nyInstant,
  omittedOf,
  periodOf,
  RECEIVED,
  reportCase,
  reportFor,
  TRANSFERRED,
  testVersions,
  type CountRow,
} from '../../../testing/report-cases.js';
import { NYPD_REPORT_LAW } from './reporting-counts.js';

const law = NYPD_REPORT_LAW;

const FOUR_ROWS: CountRow[] = [
  {
    paragraph: '1',
    id: 'received',
    words: 'civil immigration detainers received from federal immigration authorities',
    quote:
      'the number of civil immigration detainers received from federal immigration authorities',
    test: { unit: 'detainers', scenario: RECEIVED },
  },
  {
    paragraph: '2',
    id: 'held',
    words: 'persons held on a civil immigration detainer beyond the time they would be released',
    quote:
      'held pursuant to civil immigration detainers beyond the time when such person would otherwise be released',
    test: { unit: 'persons', scenario: HELD },
  },
  {
    paragraph: '3',
    id: 'transferred',
    words: 'persons transferred to federal immigration authorities',
    quote:
      'transferred to the custody of federal immigration authorities pursuant to civil immigration detainers',
    test: { unit: 'persons', scenario: TRANSFERRED },
  },
  {
    paragraph: '4',
    id: 'not-honored',
    words: 'persons for whom civil immigration detainers were not honored',
    quote: 'civil immigration detainers were not honored pursuant to subdivision b',
    test: { unit: 'persons', scenario: NOT_HONORED },
  },
];

const VERSIONS = [
  {
    version: 'LL21/2013',
    enacted: 'as added by LL21/2013',
    rows: FOUR_ROWS,
    period: () => ({ from: '2012-10-01', to: '2013-09-30', due: '2013-09-30' }),
  },
  {
    version: 'LL59/2014',
    enacted: 'as amended by LL59/2014',
    rows: FOUR_ROWS,
    period: () => ({ from: '2014-10-01', to: '2015-09-30', due: '2015-10-15' }),
  },
  {
    version: 'LL228/2017',
    enacted: 'as amended by LL228/2017',
    rows: [...FOUR_ROWS, ...informationRows('5')],
    // Paragraph 5 is required only for periods beginning on or after 2018-01-30 (LL228 § 4).
    period: (row: CountRow) =>
      row.paragraph.startsWith('5')
        ? { from: '2018-07-01', to: '2019-06-30', due: '2019-09-01' }
        : { from: '2017-07-01', to: '2018-06-30', due: '2018-09-01' },
  },
] as const;

testVersions(law, '§ 14-154(f)', VERSIONS);

describe('§ 14-154(f)(5) as amended by LL228/2017, read with LL228/2017 § 4', () => {
  const information = informationRows('5');
  const answered = (at: string) => reportCase(answeredAt(at), { jurisdiction: law.jurisdiction });

  test('the report due 2018-09-01 (from 2017-07-01) has paragraph 5 as not required; paragraphs 1–4 are counted', () => {
    const report = reportFor(law, periodOf(law, '2017-07-01', '2018-06-30'), [
      answered(nyInstant('2018-03-01', '12:00')),
    ]);
    for (const row of information) {
      const figure = omittedOf(report, row.id);
      assert.equal(figure.status, 'not-required', row.id);
      assert.match(
        figure.reason,
        /^LL228\/2017 § 4 requires this figure only for periods beginning on or after 2018-01-30/,
      );
    }
    for (const id of ['received', 'held', 'transferred', 'not-honored']) {
      assert.equal(countedOf(report, id).status, 'counted', id);
    }
  });

  test('the report due 2019-09-01 (from 2018-07-01) counts paragraph 5', () => {
    const report = reportFor(law, periodOf(law, '2018-07-01', '2019-06-30'), [
      answered(nyInstant('2019-03-01', '12:00')),
    ]);
    for (const row of information) assert.equal(countedOf(report, row.id).status, 'counted');
    assert.equal(countedOf(report, 'information-responses').value, 1);
    assert.equal(countedOf(report, 'information-i-release-dates').value, 1);
  });

  test('a request received before the period and answered in it is a response of the period, not a request', () => {
    const received = nyInstant('2018-06-30', '23:30');
    const parts = askedAt(received, { disclosed: ['release-date'] });
    const report = reportFor(law, periodOf(law, '2018-07-01', '2019-06-30'), [
      reportCase(parts, { jurisdiction: law.jurisdiction }),
    ]);
    assert.equal(countedOf(report, 'information-requests').value, 0);
    assert.equal(countedOf(report, 'information-responses').value, 1);
  });
});

describe('§ 14-154(f)(5) as amended by LL228/2017, read with § 14-154(a)(3)', () => {
  const request = (at: string) =>
    reportCase(askedAt(at, { requester: 'other-federal-immigration-duties' }), {
      jurisdiction: law.jurisdiction,
    });

  test('before LL63/2026: a federal officer enforcing criminal re-entry laws is not a "federal immigration authority"', () => {
    const report = reportFor(law, periodOf(law, '2024-07-01', '2025-06-30'), [
      request(nyInstant('2025-03-02', '12:00')),
    ]);
    assert.equal(countedOf(report, 'information-requests').value, 0);
  });

  test('§ 14-154(a)(3) as amended by LL63/2026: from 2026-01-29 a request from a federal officer enforcing re-entry laws is a request from federal immigration authorities', () => {
    const report = reportFor(law, periodOf(law, '2025-07-01', '2026-06-30'), [
      request(nyInstant('2025-12-01', '12:00')),
      request(nyInstant('2026-03-02', '12:00')),
    ]);
    assert.equal(countedOf(report, 'information-requests').value, 1);
  });
});
