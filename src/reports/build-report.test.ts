/**
 * buildReport, jurisdiction-free: figures for a period bounded by local midnights, persons and
 * detainers counted once, unknowns apart and never folded into a yes or a no, figures not
 * required for a period or not recorded by the desk, what the report says it was built on and
 * how (the method, naming a change of law within the period); and the statute paragraphs figures
 * quote. A made-up law ("Test County") tests the mechanics; the NYC laws the method's words.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { clause } from '../engine/clause.js';
import { UNKNOWN, type Tri } from '../engine/tri.js';
import { DOC_REPORT_LAW } from '../law/nyc/doc/reporting-counts.js';
import { NYPD_REPORT_LAW } from '../law/nyc/nypd/reporting-counts.js';
import {
  AUDIT,
  DATA_AS_OF,
  eventsAt,
  NO_FACTS,
  receivedAt,
  reportCase,
} from '../testing/report-cases.js';
import { buildReport, type CountedFigure, type Report } from './build-report.js';
import type { ReportCase } from './report-case.js';
import {
  eventTally,
  hasEvent,
  isTallied,
  receivedTally,
  subject,
  type ReportLaw,
  type ReportVersion,
} from './report-law.js';
import { reportPeriod, type ReportPeriod } from './report-periods.js';
import { paragraphText } from './statute-paragraph.js';

const TEXT = `f. Reporting. No later than September 1 of each year the sheriff shall post a report for the preceding twelve month period ending June 30:
1. the number of detainers received;
2. the number of persons held, disaggregated by:
i. persons held on a weekday; and
ii. persons held on a weekend;
3. the number of persons transferred who had a listed conviction;
4. the number of requests for information; and
5. the amount of funding received.`;

const listed = subject('listed');

const VERSION: ReportVersion = {
  clause: clause({
    id: 'test.report',
    version: 'TL1/2010',
    citation: 'Test Code § 1(f), as added by TL1/2010',
    title: 'Reporting',
    validFrom: '2010-01-01',
    effective: 'A made-up law for tests.',
    text: TEXT,
    url: 'https://example.invalid/test-law',
    verification: 'inferred',
  }),
  firstDue: '2011-09-01',
  due: '09-01',
  periodEnds: '06-30',
  periodBasis: { stated: true, note: 'The text sets the twelve months ending June 30.' },
  counts: [
    {
      id: 'received',
      paragraph: '1',
      label: 'Detainers received',
      method: 'Received in the period.',
      unit: 'detainers',
      tally: receivedTally(),
    },
    {
      id: 'held',
      paragraph: '2',
      label: 'Persons held',
      method: 'Holds started in the period.',
      unit: 'persons',
      tally: eventTally(['hold-started'], 'persons'),
    },
    {
      id: 'transferred-listed',
      paragraph: '3',
      label: 'Persons transferred with a listed conviction',
      method: 'Transfers in the period, by the person’s record.',
      interpretation: 'A made-up reading.',
      unit: 'persons',
      tally: eventTally(['transferred-to-ice'], 'persons', listed),
    },
    {
      id: 'requests',
      paragraph: '4',
      label: 'Requests for information',
      method: 'Detainers received, standing in for requests.',
      unit: 'requests',
      requiredFrom: { date: '2018-01-30', citation: 'TL2/2017 § 4' },
      tally: receivedTally(),
    },
    {
      id: 'funding',
      paragraph: '5',
      label: 'Funding received',
      method: 'Not derived from case records.',
      notRecorded: 'The budget office supplies it.',
    },
  ],
};

const LAW: ReportLaw = {
  jurisdiction: 'test-county',
  agency: 'Test County Sheriff’s Office',
  agencyShort: 'Sheriff',
  timeZone: 'America/New_York',
  versions: [VERSION],
  lawVersions: [{ version: 'TL1/2010', from: '2010-01-01' }],
  subjectFacts: () => ({ listed: UNKNOWN }),
  published: [],
};

const TODAY = '2026-12-01';

function period(from: string, to: string, law: ReportLaw = LAW): ReportPeriod {
  return reportPeriod(law, from, to, TODAY);
}

function build(cases: Iterable<ReportCase>, on: ReportPeriod = period('2017-07-01', '2018-06-30')) {
  return buildReport({ law: LAW, period: on, cases, dataAsOf: DATA_AS_OF, audit: AUDIT });
}

function counted(report: Report, id: string): CountedFigure {
  const figure = report.figures.find((candidate) => candidate.id === id);
  assert.ok(figure?.status === 'counted', `${id}: ${figure?.status}`);
  return figure;
}

const summary = (figure: CountedFigure) => ({
  value: figure.value,
  unknown: figure.unknown,
  caseIds: figure.caseIds,
  unknownCaseIds: figure.unknownCaseIds,
});

/** A case of the test county: `kinds` happen at `at`, the last of them exactly then. */
function testCase(id: string, at: string, kinds: string[], personId = id, isListed: Tri = true) {
  const parts = kinds.length === 0 ? receivedAt(at) : eventsAt(at, kinds);
  return reportCase(
    { ...parts, subject: { ...NO_FACTS, listed: isListed } },
    { id, personId, jurisdiction: 'test-county' },
  );
}

describe('the period: New York local midnights', () => {
  test('2017-06-30T23:30-04:00 is before July 2017; 2017-07-01T00:10-04:00 is in it; likewise at the end', () => {
    const report = build([
      testCase('before', '2017-06-30T23:30:00-04:00', []),
      testCase('first-minutes', '2017-07-01T00:10:00-04:00', []),
      testCase('midnight-start', '2017-07-01T00:00:00-04:00', []),
      testCase('last-minutes', '2018-06-30T23:30:00-04:00', []),
      testCase('midnight-end', '2018-07-01T00:00:00-04:00', []),
      testCase('after', '2018-07-01T00:10:00-04:00', []),
    ]);
    assert.deepEqual(counted(report, 'received').caseIds, [
      'first-minutes',
      'last-minutes',
      'midnight-start',
    ]);
  });

  test('an instant is placed by its New York day, not its UTC date', () => {
    const report = build([
      // 2017-07-01 in UTC, still June 30 in New York.
      testCase('utc-july', '2017-07-01T03:30:00Z', []),
      // 2018-07-01 in UTC, still June 30 in New York.
      testCase('utc-july-next-year', '2018-07-01T03:30:00Z', []),
    ]);
    assert.deepEqual(counted(report, 'received').caseIds, ['utc-july-next-year']);
  });

  test('in standard time the midnight is UTC-5', () => {
    const report = build(
      [
        testCase('before', '2016-12-31T23:59:00-05:00', []),
        testCase('in', '2017-01-01T00:00:00-05:00', []),
        testCase('last', '2017-12-31T23:59:00-05:00', []),
        testCase('after', '2018-01-01T00:00:00-05:00', []),
      ],
      period('2017-01-01', '2017-12-31'),
    );
    assert.deepEqual(counted(report, 'received').caseIds, ['in', 'last']);
  });

  test('DOC § 9-131(f)(1) as amended by LL228/2017: a detainer lodged at 23:30 on June 30 is in the earlier report', () => {
    const doc = (id: string, at: string) =>
      reportCase(receivedAt(at), { id, jurisdiction: 'nyc-doc' });
    const cases = [
      doc('june-30', '2017-06-30T23:30:00-04:00'),
      doc('july-1', '2017-07-01T00:10:00-04:00'),
    ];
    const report = (from: string, to: string) =>
      buildReport({
        law: DOC_REPORT_LAW,
        period: period(from, to, DOC_REPORT_LAW),
        cases,
        dataAsOf: DATA_AS_OF,
        audit: AUDIT,
      });
    const earlier = report('2016-10-01', '2017-09-30');
    const later = report('2017-07-01', '2018-06-30');
    assert.deepEqual(counted(earlier, 'received').caseIds, ['july-1', 'june-30']);
    assert.deepEqual(counted(later, 'received').caseIds, ['july-1']);
  });
});

describe('counting once, unknowns apart', () => {
  const at = '2017-09-05T12:00:00-04:00';

  test('a person with two detainers is one person held, and two detainers received', () => {
    const report = build([
      testCase('a', at, ['hold-started'], 'person-1'),
      testCase('b', '2017-10-05T12:00:00-04:00', ['hold-started'], 'person-1'),
      testCase('c', at, ['hold-started'], 'person-2'),
    ]);
    assert.deepEqual(summary(counted(report, 'held')), {
      value: 2,
      unknown: 0,
      caseIds: ['a', 'b', 'c'],
      unknownCaseIds: [],
    });
    // Received a day before each hold: three detainers, two of them one person's.
    assert.equal(counted(report, 'received').value, 3);
  });

  test('the public build counts the same and lists no case', () => {
    const cases = [
      testCase('a', at, ['hold-started'], 'person-1'),
      testCase('b', '2017-10-05T12:00:00-04:00', ['hold-started'], 'person-1'),
      testCase('u', at, ['transferred-to-ice'], 'person-3', UNKNOWN),
    ];
    const on = period('2017-07-01', '2018-06-30');
    const traced = build(cases, on);
    const untraced = buildReport({
      law: LAW,
      period: on,
      cases,
      dataAsOf: DATA_AS_OF,
      audit: AUDIT,
      traced: false,
    });
    const withoutCases = traced.figures.map((figure) =>
      Object.fromEntries(
        Object.entries(figure).filter(([key]) => key !== 'caseIds' && key !== 'unknownCaseIds'),
      ),
    );
    assert.deepEqual(untraced.figures, withoutCases);
    assert.ok(untraced.figures.every((figure) => !('caseIds' in figure)));
    assert.ok(traced.figures.some((figure) => figure.status === 'counted' && figure.value > 0));
  });

  test('a case whose record cannot tell is counted as unknown, never as a yes or a no', () => {
    const report = build([
      testCase('yes', at, ['transferred-to-ice'], 'p-yes', true),
      testCase('no', at, ['transferred-to-ice'], 'p-no', false),
      testCase('cannot-tell', at, ['transferred-to-ice'], 'p-unknown', UNKNOWN),
    ]);
    assert.deepEqual(summary(counted(report, 'transferred-listed')), {
      value: 1,
      unknown: 1,
      caseIds: ['yes'],
      unknownCaseIds: ['cannot-tell'],
    });
  });

  test('one person, an unknown detainer and a yes: counted once, as a yes, whichever came first', () => {
    for (const order of [
      ['unknown', 'yes'],
      ['yes', 'unknown'],
    ] as const) {
      const cases = order.map((which, index) =>
        testCase(
          which,
          `2017-0${8 + index}-05T12:00:00-04:00`,
          ['transferred-to-ice'],
          'person-1',
          which === 'yes' ? true : UNKNOWN,
        ),
      );
      const figure = counted(build(cases), 'transferred-listed');
      assert.deepEqual([figure.value, figure.unknown], [1, 0], order.join(' then '));
      assert.deepEqual(figure.caseIds, ['unknown', 'yes']);
    }
  });

  test('one person, two unknown detainers: one unknown; a no and an unknown: one unknown; two noes: nothing', () => {
    const person = (prefix: string, values: [Tri, Tri]) =>
      values.map((value, index) =>
        testCase(`${prefix}-${index}`, at, ['transferred-to-ice'], prefix, value),
      );
    const figure = counted(
      build([
        ...person('two-unknown', [UNKNOWN, UNKNOWN]),
        ...person('no-and-unknown', [false, UNKNOWN]),
        ...person('two-no', [false, false]),
      ]),
      'transferred-listed',
    );
    assert.deepEqual(summary(figure), {
      value: 0,
      unknown: 2,
      caseIds: [],
      unknownCaseIds: ['no-and-unknown-1', 'two-unknown-0', 'two-unknown-1'],
    });
  });

  test('a count reading a fact the law does not classify is a programming error', () => {
    const unclassified = reportCase(eventsAt(at, ['transferred-to-ice']), { id: 'x' });
    assert.throws(() => listed(unclassified), /the report law classifies no fact "listed"/);
  });
});

describe('figures not required, and not recorded', () => {
  const cases = [testCase('a', '2018-03-05T12:00:00-05:00', [])];

  test('a figure required only for periods beginning on or after a date: not required before it', () => {
    const report = build(cases, period('2018-01-29', '2018-06-30'));
    const figure = report.figures.find((candidate) => candidate.id === 'requests')!;
    assert.deepEqual(figure, {
      id: 'requests',
      paragraph: '4',
      label: 'Requests for information',
      statute: '4. the number of requests for information; and',
      method: 'Detainers received, standing in for requests.',
      status: 'not-required',
      reason:
        'TL2/2017 § 4 requires this figure only for periods beginning on or after 2018-01-30; this period began 2018-01-29.',
    });
  });

  test('… and counted for a period beginning on that date', () => {
    const report = build(cases, period('2018-01-30', '2018-06-30'));
    assert.equal(counted(report, 'requests').value, 1);
  });

  test('a figure the desk does not record says who supplies it, and has no value', () => {
    const report = build(cases);
    assert.deepEqual(
      report.figures.find((candidate) => candidate.id === 'funding'),
      {
        id: 'funding',
        paragraph: '5',
        label: 'Funding received',
        statute: '5. the amount of funding received.',
        method: 'Not derived from case records.',
        status: 'not-recorded',
        reason: 'The budget office supplies it.',
      },
    );
  });

  test('each figure quotes its paragraph and carries its interpretation where it has one', () => {
    const report = build(cases);
    assert.deepEqual(
      report.figures.map((figure) => [figure.id, figure.statute.slice(0, 30)]),
      [
        ['received', '1. the number of detainers rec'],
        ['held', '2. the number of persons held,'],
        ['transferred-listed', '3. the number of persons trans'],
        ['requests', '4. the number of requests for '],
        ['funding', '5. the amount of funding recei'],
      ],
    );
    const transferred = counted(report, 'transferred-listed');
    assert.equal(transferred.interpretation, 'A made-up reading.');
    assert.ok(!('interpretation' in counted(report, 'held')));
  });
});

describe('what the report was built on', () => {
  test('agency, period, law, data and audit state', () => {
    const report = build([], period('2017-01-01', '2017-12-31'));
    assert.deepEqual(
      {
        jurisdiction: report.jurisdiction,
        agency: report.agency,
        agencyShort: report.agencyShort,
        period: report.period,
        law: report.law,
        lawInForce: report.lawInForce,
        dataAsOf: report.dataAsOf,
        audit: report.audit,
      },
      {
        jurisdiction: 'test-county',
        agency: 'Test County Sheriff’s Office',
        agencyShort: 'Sheriff',
        period: {
          kind: 'custom',
          from: '2017-01-01',
          to: '2017-12-31',
          label: 'calendar year 2017 (not a statutory period)',
        },
        law: {
          clauseId: 'test.report',
          version: 'TL1/2010',
          citation: 'Test Code § 1(f), as added by TL1/2010',
          url: 'https://example.invalid/test-law',
          verification: 'inferred',
        },
        lawInForce: [{ version: 'TL1/2010', from: '2010-01-01' }],
        dataAsOf: DATA_AS_OF,
        audit: AUDIT,
      },
    );
  });

  test('a statutory period carries its deadline', () => {
    const report = build([], period('2016-07-01', '2017-06-30'));
    assert.equal(report.period.kind, 'statutory');
    assert.equal(report.period.due, '2017-09-01');
  });

  test('pure: the same cases give the same report, read once from any iterable, unchanged', () => {
    const cases = [
      testCase('a', '2017-09-05T12:00:00-04:00', ['hold-started', 'transferred-to-ice'], 'p', true),
      testCase('b', '2017-09-06T12:00:00-04:00', ['transferred-to-ice'], 'q', UNKNOWN),
    ].map((one) => Object.freeze(one));
    const before = structuredClone(cases);
    let reads = 0;
    function* generate() {
      for (const one of cases) {
        reads += 1;
        yield one;
      }
    }
    const fromGenerator = build(generate());
    assert.equal(reads, cases.length);
    assert.deepEqual(fromGenerator, build(cases));
    assert.deepEqual(cases, before);
  });
});

describe('the method', () => {
  const methodOf = (law: ReportLaw, from: string, to: string) =>
    buildReport({
      law,
      period: period(from, to, law),
      cases: [],
      dataAsOf: DATA_AS_OF,
      audit: AUDIT,
    }).method;

  test('a statutory period: the deadline and how the text sets the period', () => {
    const method = methodOf(DOC_REPORT_LAW, '2015-10-01', '2016-09-30');
    assert.match(
      method[0]!,
      /^The counts are those listed in § 9-131\(f\), as amended by LL58\/2014 § 3\./,
    );
    assert.match(method[0]!, /as a day in America\/New_York\.$/);
    assert.match(method[1]!, /counted apart as unknown, never as a yes or a no/);
    assert.equal(
      method[2],
      'The period is the twelve months before the deadline of 2016-10-15. The text sets the twelve months ending September 30.',
    );
    assert.equal(method.length, 3, 'LL58/2014 was in force throughout');
  });

  test('the first LL58/2014 period (October 2014 to September 2015) spans LL22/2013 and LL58/2014', () => {
    const method = methodOf(DOC_REPORT_LAW, '2014-10-01', '2015-09-30');
    assert.equal(
      method.at(-1),
      'The law changed during the period (LL22/2013 at its start, LL58/2014 from 2014-12-14). Each case was decided under the law in force for it; the report counts every case under the reporting text in force on 2015-10-15.',
    );
  });

  test('a statutory period the text does not state: the desk says it infers it', () => {
    const method = methodOf(DOC_REPORT_LAW, '2012-10-01', '2013-09-30');
    assert.match(
      method[2]!,
      /without saying when it ends; the desk takes the twelve months ending on September 30/,
    );
  });

  test('a custom period: not statutory, under the text in force on its last day', () => {
    const method = methodOf(NYPD_REPORT_LAW, '2016-01-01', '2016-12-31');
    assert.equal(
      method[2],
      'This is not a statutory period: it is reported with the counts of the text in force on its last day, 2016-12-31.',
    );
  });

  test('the period July 2017 to June 2018 spans LL58/2014 and LL228/2017', () => {
    const method = methodOf(DOC_REPORT_LAW, '2017-07-01', '2018-06-30');
    assert.equal(
      method.at(-1),
      'The law changed during the period (LL58/2014 at its start, LL228/2017 from 2018-01-30). Each case was decided under the law in force for it; the report counts every case under the reporting text in force on 2018-09-01.',
    );
  });

  test('a custom period across LL58/2014 and LL228/2017 names its last day', () => {
    const method = methodOf(NYPD_REPORT_LAW, '2018-01-01', '2018-12-31');
    assert.match(
      method.at(-1)!,
      /^The law changed during the period \(LL59\/2014 at its start, LL228\/2017 from 2018-01-30\)/,
    );
    assert.match(method.at(-1)!, /in force on 2018-12-31\.$/);
  });

  test('a period across three versions names each', () => {
    const method = methodOf(DOC_REPORT_LAW, '2013-01-01', '2015-06-30');
    assert.match(
      method.at(-1)!,
      /^The law changed during the period \(LL62\/2011 at its start, LL22\/2013 from 2013-07-16, LL58\/2014 from 2014-12-14\)/,
    );
  });

  test('no change is named for a period ending the day before a version, or beginning on its first day', () => {
    for (const [from, to] of [
      ['2017-07-01', '2018-01-29'],
      ['2018-01-30', '2018-06-30'],
    ] as const) {
      const method = methodOf(DOC_REPORT_LAW, from, to);
      assert.ok(!method.some((line) => line.startsWith('The law changed')), `${from}..${to}`);
    }
  });

  test('lawInForce lists each version in force during the period, from its first day', () => {
    const inForce = (from: string, to: string) =>
      buildReport({
        law: DOC_REPORT_LAW,
        period: period(from, to, DOC_REPORT_LAW),
        cases: [],
        dataAsOf: DATA_AS_OF,
        audit: AUDIT,
      }).lawInForce;
    assert.deepEqual(inForce('2017-07-01', '2018-06-30'), [
      { version: 'LL58/2014', from: '2014-12-14' },
      { version: 'LL228/2017', from: '2018-01-30' },
    ]);
    assert.deepEqual(inForce('2018-07-01', '2019-06-30'), [
      { version: 'LL228/2017', from: '2018-01-30' },
    ]);
    assert.deepEqual(inForce('2025-07-01', '2026-06-30'), [
      { version: 'LL228/2017', from: '2018-01-30' },
      { version: 'LL63/2026', from: '2026-01-29' },
    ]);
  });
});

describe('report-law tallies', () => {
  const reportCaseAt = reportCase(
    eventsAt('2017-09-05T12:00:00-04:00', ['hold-started', 'transferred-to-ice']),
    { id: 'c1', personId: 'p1' },
  );

  test('eventTally places each matching event, keyed by the person or the detainer', () => {
    assert.deepEqual(
      [...eventTally(['transferred-to-ice', 'hold-started'], 'persons')(reportCaseAt)].map(
        (one) => [one.key, one.at],
      ),
      [
        ['p1', '2017-09-04T16:00:00.000Z'],
        ['p1', '2017-09-05T16:00:00.000Z'],
      ],
    );
    assert.deepEqual(
      [...eventTally(['hold-started'], 'detainers')(reportCaseAt)].map((one) => one.key),
      ['c1'],
    );
  });

  test('receivedTally places the detainer when it was received; hasEvent, isTallied', () => {
    assert.deepEqual(receivedTally()(reportCaseAt), [
      { key: 'c1', caseId: 'c1', at: reportCaseAt.receivedAt, value: true },
    ]);
    assert.equal(hasEvent(reportCaseAt, 'hold-started'), true);
    assert.equal(hasEvent(reportCaseAt, 'released'), false);
    assert.deepEqual(
      VERSION.counts.map((count) => isTallied(count)),
      [true, true, true, true, false],
    );
  });
});

describe('statute paragraphs', () => {
  test('a numbered paragraph’s own line', () => {
    assert.equal(paragraphText(TEXT, '1'), '1. the number of detainers received;');
    assert.equal(
      paragraphText(TEXT, '3'),
      '3. the number of persons transferred who had a listed conviction;',
    );
  });

  test('a roman sub-paragraph of its own paragraph', () => {
    assert.equal(paragraphText(TEXT, '2.ii'), 'ii. persons held on a weekend;');
    const twice = 'f.\n1. a:\ni. first one;\n2. b:\ni. second one.';
    assert.equal(paragraphText(twice, '1.i'), 'i. first one;');
    assert.equal(paragraphText(twice, '2.i'), 'i. second one.');
  });

  test('paragraph 1 is not paragraph 11, nor 11 paragraph 1', () => {
    const text = DOC_REPORT_LAW.versions[0]!.clause.text;
    assert.match(paragraphText(text, '1'), /^1\. the number of individuals held/);
    assert.match(paragraphText(text, '11'), /^11\. the number of individuals for whom/);
    assert.match(paragraphText(text, '10'), /^10\. the amount of state criminal alien/);
  });

  test('the real texts: § 9-131(f)(2)(iii) as amended by LL22/2013, § 9-205(f)(5)(iii)', () => {
    const ll22 = DOC_REPORT_LAW.versions[1]!.clause.text;
    assert.match(paragraphText(ll22, '2.iii'), /^iii\. served a warrant of arrest/);
    assert.match(paragraphText(ll22, '17'), /^17\. .*forty-eight-hour hold period/);
  });

  test('throws on a paragraph the text does not have', () => {
    for (const missing of ['6', '0', '2.iii', '1.i', '3.i', '2.', 'x', '']) {
      assert.throws(() => paragraphText(TEXT, missing), {
        message: `the text has no paragraph ${missing}`,
      });
    }
  });
});
