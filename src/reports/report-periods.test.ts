/**
 * The periods a report covers: each agency's statutory periods and deadlines, version by version
 * (DOC § 9-131(f) from LL62/2011, NYPD § 14-154(f) from LL21/2013, Probation § 9-205(f) from
 * LL226/2017); custom periods, labelled as such and reported under the text in force on their
 * last day; the errors a period can have, each naming its field; labels and bounds.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DOC_REPORT_LAW } from '../law/nyc/doc/reporting-counts.js';
import { NYPD_REPORT_LAW } from '../law/nyc/nypd/reporting-counts.js';
import { PROBATION_REPORT_LAW } from '../law/nyc/probation/reporting-counts.js';
import type { ReportLaw } from './report-law.js';
import {
  periodBounds,
  ReportPeriodError,
  reportPeriod,
  spanLabel,
  statutoryPeriods,
  type ReportPeriod,
} from './report-periods.js';

const brief = (period: ReportPeriod) =>
  `${period.from}..${period.to} due ${period.due ?? '-'} ${period.version.clause.version}`;

describe('statutory periods', () => {
  test('DOC § 9-131(f): yearly from 2012 under LL62/2011, LL22/2013, LL58/2014 and LL228/2017', () => {
    assert.deepEqual(statutoryPeriods(DOC_REPORT_LAW, '2019-12-01').map(brief), [
      // LL62/2011: "no later than September 30, 2012 ... for the preceding 12 month period".
      '2011-10-01..2012-09-30 due 2012-09-30 LL62/2011',
      // LL22/2013 kept September 30.
      '2012-10-01..2013-09-30 due 2013-09-30 LL22/2013',
      '2013-10-01..2014-09-30 due 2014-09-30 LL22/2013',
      // LL58/2014: "no later than October 15, 2015 ... twelve month period ending September thirtieth".
      '2014-10-01..2015-09-30 due 2015-10-15 LL58/2014',
      '2015-10-01..2016-09-30 due 2016-10-15 LL58/2014',
      '2016-10-01..2017-09-30 due 2017-10-15 LL58/2014',
      // LL228/2017: "no later than September 1, 2018 ... twelve month period ending June 30";
      // the first overlaps the last LL58 period by three months.
      '2017-07-01..2018-06-30 due 2018-09-01 LL228/2017',
      '2018-07-01..2019-06-30 due 2019-09-01 LL228/2017',
    ]);
  });

  test('NYPD § 14-154(f): from 2013 under LL21/2013, then LL59/2014 and LL228/2017', () => {
    assert.deepEqual(statutoryPeriods(NYPD_REPORT_LAW, '2019-12-01').map(brief), [
      '2012-10-01..2013-09-30 due 2013-09-30 LL21/2013',
      '2013-10-01..2014-09-30 due 2014-09-30 LL21/2013',
      '2014-10-01..2015-09-30 due 2015-10-15 LL59/2014',
      '2015-10-01..2016-09-30 due 2016-10-15 LL59/2014',
      '2016-10-01..2017-09-30 due 2017-10-15 LL59/2014',
      '2017-07-01..2018-06-30 due 2018-09-01 LL228/2017',
      '2018-07-01..2019-06-30 due 2019-09-01 LL228/2017',
    ]);
  });

  test('Probation § 9-205(f): from 2018 under LL226/2017', () => {
    assert.deepEqual(statutoryPeriods(PROBATION_REPORT_LAW, '2019-12-01').map(brief), [
      '2017-07-01..2018-06-30 due 2018-09-01 LL226/2017',
      '2018-07-01..2019-06-30 due 2019-09-01 LL226/2017',
    ]);
  });

  test('before any report was due there is none', () => {
    assert.deepEqual(statutoryPeriods(DOC_REPORT_LAW, '2012-09-30'), []);
    assert.deepEqual(statutoryPeriods(NYPD_REPORT_LAW, '2013-09-30'), []);
    assert.deepEqual(statutoryPeriods(PROBATION_REPORT_LAW, '2018-06-30'), []);
  });

  test('a period is listed once its last day has ended', () => {
    const last = (today: string) => statutoryPeriods(DOC_REPORT_LAW, today).at(-1)!;
    assert.equal(last('2019-06-30').to, '2018-06-30');
    assert.equal(last('2019-07-01').to, '2019-06-30');
    assert.equal(last('2026-12-01').to, '2026-06-30');
  });

  test('labels name the months and the deadline', () => {
    assert.deepEqual(
      statutoryPeriods(DOC_REPORT_LAW, '2018-12-01').map((period) => period.label),
      [
        'October 2011 to September 2012, the report due 2012-09-30',
        'October 2012 to September 2013, the report due 2013-09-30',
        'October 2013 to September 2014, the report due 2014-09-30',
        'October 2014 to September 2015, the report due 2015-10-15',
        'October 2015 to September 2016, the report due 2016-10-15',
        'October 2016 to September 2017, the report due 2017-10-15',
        'July 2017 to June 2018, the report due 2018-09-01',
      ],
    );
  });

  test('whether the text states the period: inferred before LL58/LL59 of 2014, stated after', () => {
    const stated = (law: ReportLaw) =>
      law.versions.map((version) => [version.clause.version, version.periodBasis.stated]);
    assert.deepEqual(stated(DOC_REPORT_LAW), [
      ['LL62/2011', false],
      ['LL22/2013', false],
      ['LL58/2014', true],
      ['LL228/2017', true],
    ]);
    assert.deepEqual(stated(NYPD_REPORT_LAW), [
      ['LL21/2013', false],
      ['LL59/2014', true],
      ['LL228/2017', true],
    ]);
    assert.deepEqual(stated(PROBATION_REPORT_LAW), [['LL226/2017', true]]);
  });

  test('reportPeriod with a statutory period’s bounds gives the statutory period', () => {
    const period = reportPeriod(DOC_REPORT_LAW, '2017-07-01', '2018-06-30', '2026-12-01');
    assert.equal(period.kind, 'statutory');
    assert.equal(period.due, '2018-09-01');
    assert.equal(period.version.clause.version, 'LL228/2017');
    const earlier = reportPeriod(DOC_REPORT_LAW, '2016-10-01', '2017-09-30', '2026-12-01');
    assert.equal(earlier.kind, 'statutory');
    assert.equal(earlier.due, '2017-10-15');
    assert.equal(earlier.version.clause.version, 'LL58/2014');
  });
});

describe('custom periods: labelled, under the text in force on their last day', () => {
  const custom = (law: ReportLaw, from: string, to: string) => {
    const period = reportPeriod(law, from, to, '2026-12-01');
    return {
      kind: period.kind,
      label: period.label,
      version: period.version.clause.version,
      due: period.due,
    };
  };

  test('calendar year 2017 (DOC): LL58/2014, in force on 2017-12-31', () => {
    assert.deepEqual(custom(DOC_REPORT_LAW, '2017-01-01', '2017-12-31'), {
      kind: 'custom',
      label: 'calendar year 2017 (not a statutory period)',
      version: 'LL58/2014',
      due: undefined,
    });
  });

  test('calendar year 2018 (DOC): LL228/2017, in force on 2018-12-31', () => {
    assert.equal(custom(DOC_REPORT_LAW, '2018-01-01', '2018-12-31').version, 'LL228/2017');
  });

  test('ending 2018-01-29 or 2018-01-30: the day LL228/2017 took effect decides the text', () => {
    assert.equal(custom(DOC_REPORT_LAW, '2017-10-01', '2018-01-29').version, 'LL58/2014');
    assert.equal(custom(DOC_REPORT_LAW, '2017-10-01', '2018-01-30').version, 'LL228/2017');
    assert.equal(custom(NYPD_REPORT_LAW, '2017-10-01', '2018-01-29').version, 'LL59/2014');
    assert.equal(custom(NYPD_REPORT_LAW, '2017-10-01', '2018-01-30').version, 'LL228/2017');
  });

  test('ending 2014-12-13 or 2014-12-14: LL22/2013 and LL58/2014 (DOC), LL21/2013 and LL59/2014 (NYPD)', () => {
    assert.equal(custom(DOC_REPORT_LAW, '2014-10-01', '2014-12-13').version, 'LL22/2013');
    assert.equal(custom(DOC_REPORT_LAW, '2014-10-01', '2014-12-14').version, 'LL58/2014');
    assert.equal(custom(NYPD_REPORT_LAW, '2014-10-01', '2014-12-13').version, 'LL21/2013');
    assert.equal(custom(NYPD_REPORT_LAW, '2014-10-01', '2014-12-14').version, 'LL59/2014');
  });

  test('a quarter, a month, and days', () => {
    assert.deepEqual(custom(NYPD_REPORT_LAW, '2016-01-01', '2016-03-31'), {
      kind: 'custom',
      label: 'January 2016 to March 2016 (not a statutory period)',
      version: 'LL59/2014',
      due: undefined,
    });
    assert.equal(
      custom(PROBATION_REPORT_LAW, '2019-02-01', '2019-02-28').label,
      'February 2019 (not a statutory period)',
    );
    assert.equal(
      custom(PROBATION_REPORT_LAW, '2019-02-03', '2019-02-17').label,
      '2019-02-03 to 2019-02-17 (not a statutory period)',
    );
  });

  test('a period may begin before the duty, so long as it ends under it', () => {
    assert.equal(custom(DOC_REPORT_LAW, '2011-01-01', '2012-03-21').version, 'LL62/2011');
    assert.equal(custom(PROBATION_REPORT_LAW, '2017-01-01', '2017-12-01').version, 'LL226/2017');
  });

  test('a period of exactly five years is allowed', () => {
    assert.equal(custom(DOC_REPORT_LAW, '2013-01-01', '2017-12-31').kind, 'custom');
  });
});

describe('period errors name their field', () => {
  const TODAY = '2019-12-01';
  const refused = (law: ReportLaw, from: string, to: string, field: string, message: RegExp) => {
    assert.throws(
      () => reportPeriod(law, from, to, TODAY),
      (error: unknown) => {
        assert.ok(error instanceof ReportPeriodError, String(error));
        assert.equal(error.field, field);
        assert.match(error.message, message);
        assert.ok(error.message.startsWith(`${field}: `));
        return true;
      },
    );
  };

  test('from malformed', () => {
    for (const from of ['2017-1-01', '2017/01/01', '2017-02-30', 'yesterday', '']) {
      refused(DOC_REPORT_LAW, from, '2017-12-31', 'from', /must be a date written YYYY-MM-DD/);
    }
  });

  test('to malformed', () => {
    for (const to of ['2017-12-32', '20171231', '2017-13-01']) {
      refused(DOC_REPORT_LAW, '2017-01-01', to, 'to', /must be a date written YYYY-MM-DD/);
    }
  });

  test('to before from', () => {
    refused(DOC_REPORT_LAW, '2017-12-31', '2017-01-01', 'to', /is before from \(2017-12-31\)/);
  });

  test('to not yet ended: today, or later', () => {
    refused(
      DOC_REPORT_LAW,
      '2019-01-01',
      TODAY,
      'to',
      /must be a day that has ended \(before 2019-12-01\)/,
    );
    refused(DOC_REPORT_LAW, '2019-01-01', '2020-06-30', 'to', /must be a day that has ended/);
    assert.equal(reportPeriod(DOC_REPORT_LAW, '2019-01-01', '2019-11-30', TODAY).kind, 'custom');
  });

  test('more than five years', () => {
    refused(DOC_REPORT_LAW, '2013-01-01', '2018-01-02', 'to', /at most five years/);
  });

  test('before any duty: DOC before 2012-03-21, NYPD before 2013-07-16, Probation before 2017-12-01', () => {
    refused(
      DOC_REPORT_LAW,
      '2011-01-01',
      '2011-12-31',
      'to',
      /^to: no reporting duty of the DOC was in force on 2011-12-31 \(the first began 2012-03-21\)$/,
    );
    refused(DOC_REPORT_LAW, '2012-01-01', '2012-03-20', 'to', /the first began 2012-03-21/);
    refused(
      NYPD_REPORT_LAW,
      '2013-01-01',
      '2013-07-15',
      'to',
      /no reporting duty of the NYPD was in force on 2013-07-15/,
    );
    refused(
      PROBATION_REPORT_LAW,
      '2017-01-01',
      '2017-11-30',
      'to',
      /no reporting duty of the Department of Probation was in force on 2017-11-30 \(the first began 2017-12-01\)/,
    );
  });
});

describe('labels and bounds', () => {
  test('spanLabel: whole months by name, a calendar year as such, other spans by their dates', () => {
    assert.equal(spanLabel('2017-01-01', '2017-12-31'), 'calendar year 2017');
    assert.equal(spanLabel('2016-10-01', '2017-09-30'), 'October 2016 to September 2017');
    assert.equal(spanLabel('2016-01-01', '2017-12-31'), 'January 2016 to December 2017');
    assert.equal(spanLabel('2017-06-01', '2017-06-30'), 'June 2017');
    assert.equal(spanLabel('2016-02-01', '2016-02-29'), 'February 2016');
    assert.equal(spanLabel('2017-06-02', '2017-06-30'), '2017-06-02 to 2017-06-30');
    assert.equal(spanLabel('2017-06-01', '2017-06-29'), '2017-06-01 to 2017-06-29');
  });

  test('periodBounds: New York midnight on the first day, and on the day after the last', () => {
    const bounds = (law: ReportLaw, from: string, to: string) =>
      periodBounds(reportPeriod(law, from, to, '2026-12-01'), law.timeZone);
    // Daylight time (UTC-4) at both ends.
    assert.deepEqual(bounds(DOC_REPORT_LAW, '2017-07-01', '2018-06-30'), [
      Date.parse('2017-07-01T00:00:00-04:00'),
      Date.parse('2018-07-01T00:00:00-04:00'),
    ]);
    // Standard time (UTC-5) at both ends.
    assert.deepEqual(bounds(NYPD_REPORT_LAW, '2017-01-01', '2017-12-31'), [
      Date.parse('2017-01-01T00:00:00-05:00'),
      Date.parse('2018-01-01T00:00:00-05:00'),
    ]);
    // Across a change of clocks: standard at the start, daylight at the end.
    assert.deepEqual(bounds(NYPD_REPORT_LAW, '2017-03-01', '2017-03-12'), [
      Date.parse('2017-03-01T00:00:00-05:00'),
      Date.parse('2017-03-13T00:00:00-04:00'),
    ]);
  });
});
