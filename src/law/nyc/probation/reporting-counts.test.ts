/**
 * Probation's annual report, § 9-205(f) as LL226/2017 added it: every count tested from the
 * statute's words through `buildReport` on synthetic cases, in the first period LL226/2017 § 2
 * requires them for (beginning on or after 2018-01-30); the first report (due 2018-09-01, for a
 * period from 2017-07-01) requires none; the scheduled appointments the desk does not separate.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  answeredAt,
  askedAt,
  checkCountRow,
  countedOf,
  eventsAt,
  HELD,
  informationRows,
  NOT_HONORED,
  nyInstant,
  omittedOf,
  paragraphCite,
  periodOf,
  RECEIVED,
  reportCase,
  reportFor,
  TRANSFERRED,
  type CountRow,
} from '../../../testing/report-cases.js';
import { PROBATION_REPORT_LAW } from './reporting-counts.js';

const law = PROBATION_REPORT_LAW;

const ROWS: CountRow[] = [
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
    words: 'persons held pursuant to civil immigration detainers',
    quote: 'the number of persons held pursuant to civil immigration detainers;',
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
    quote: 'for whom civil immigration detainers were not honored; and',
    test: { unit: 'persons', scenario: NOT_HONORED },
  },
  ...informationRows('5', true),
];

/** The first period LL226/2017 § 2 requires the figures for. */
function period2019() {
  const period = periodOf(law, '2018-07-01', '2019-06-30');
  assert.equal(period.kind, 'statutory');
  assert.equal(period.due, '2019-09-01');
  assert.equal(period.version.clause.version, 'LL226/2017');
  return period;
}

describe('§ 9-205(f) as added by LL226/2017', () => {
  test('§ 9-205(f) as added by LL226/2017: its paragraphs, in order, are these counts', () => {
    assert.deepEqual(
      period2019().version.counts.map((count) => `${count.paragraph} ${count.id}`),
      ROWS.map((row) => `${row.paragraph} ${row.id}`),
    );
  });
  for (const row of ROWS) {
    test(`§ 9-205(f)${paragraphCite(row.paragraph)} as added by LL226/2017: ${row.words}`, () => {
      checkCountRow(law, period2019(), row);
    });
  }
});

describe('§ 9-205(f) read with LL226/2017 § 2: figures only for periods beginning on or after 2018-01-30', () => {
  const cases = () => [
    reportCase(eventsAt(nyInstant('2018-03-01', '12:00'), ['hold-started', 'transferred-to-ice']), {
      jurisdiction: law.jurisdiction,
    }),
    reportCase(answeredAt(nyInstant('2018-04-01', '12:00')), { jurisdiction: law.jurisdiction }),
  ];

  test('the report due 2018-09-01 (July 2017 to June 2018) has every figure as not required', () => {
    const period = periodOf(law, '2017-07-01', '2018-06-30');
    assert.equal(period.due, '2018-09-01');
    const report = reportFor(law, period, cases());
    for (const row of ROWS) {
      const figure = omittedOf(report, row.id);
      assert.equal(figure.status, 'not-required', row.id);
      assert.equal(
        figure.reason,
        'LL226/2017 § 2 requires this figure only for periods beginning on or after 2018-01-30; this period began 2017-07-01.',
      );
    }
  });

  test('the report due 2019-09-01 counts them; scheduled appointments are not recorded', () => {
    const report = reportFor(law, period2019(), [
      reportCase(
        eventsAt(nyInstant('2019-03-01', '12:00'), ['hold-started', 'transferred-to-ice']),
        {
          jurisdiction: law.jurisdiction,
        },
      ),
    ]);
    for (const row of ROWS) {
      const figure = report.figures.find((candidate) => candidate.id === row.id)!;
      assert.equal(figure.status, row.test === 'not-recorded' ? 'not-recorded' : 'counted', row.id);
    }
    assert.equal(countedOf(report, 'held').value, 1);
    assert.equal(countedOf(report, 'transferred').value, 1);
  });

  test('a custom period beginning 2018-01-30 counts them; one beginning 2018-01-29 does not', () => {
    const onTheDay = reportFor(law, periodOf(law, '2018-01-30', '2018-06-30'), cases());
    assert.equal(countedOf(onTheDay, 'transferred').value, 1);
    assert.equal(countedOf(onTheDay, 'information-responses').value, 1);
    const dayBefore = reportFor(law, periodOf(law, '2018-01-29', '2018-06-30'), cases());
    assert.equal(omittedOf(dayBefore, 'transferred').status, 'not-required');
  });
});

describe('§ 9-205(f)(5) read with § 9-205(a) and § 9-131(a)(4)', () => {
  const request = (at: string) =>
    reportCase(askedAt(at, { requester: 'other-federal-immigration-duties' }), {
      jurisdiction: law.jurisdiction,
    });

  test('§ 9-131(a)(4) as amended by LL63/2026, borrowed by § 9-205(a): from 2026-01-29 a request from a federal officer enforcing re-entry laws is a request from federal immigration authorities', () => {
    const report = reportFor(law, periodOf(law, '2025-07-01', '2026-06-30'), [
      request(nyInstant('2025-12-01', '12:00')),
      request(nyInstant('2026-03-02', '12:00')),
    ]);
    assert.equal(countedOf(report, 'information-requests').value, 1);
  });
});
