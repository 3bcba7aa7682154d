/**
 * A report's headline: one plain sentence from its figures ("In calendar year 2017 the NYPD
 * received 1,526 civil immigration detainers and honoured none."), saying when some figures are
 * uncertain rather than rounding unknowns into it, and saying so when no figure was required.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { UNKNOWN } from '../engine/tri.js';
import { DOC_REPORT_LAW } from '../law/nyc/doc/reporting-counts.js';
import { NYPD_REPORT_LAW } from '../law/nyc/nypd/reporting-counts.js';
import { PROBATION_REPORT_LAW } from '../law/nyc/probation/reporting-counts.js';
import {
  eventsAt,
  facts,
  periodOf,
  receivedAt,
  reportCase,
  reportFor,
} from '../testing/report-cases.js';
import type { CountedFigure, Figure } from './build-report.js';
import { HEADLINE_FIGURES, headlineOf } from './headline.js';
import type { ReportLaw } from './report-law.js';

/** `count` synthetic detainers, one person each, received through the year (from January 1) and released the next day. */
function released(law: ReportLaw, count: number, year: number) {
  return Array.from({ length: count }, (_, index) => {
    const day = new Date(Date.UTC(year, 0, 2 + (index % 360), 15)).toISOString();
    return reportCase(eventsAt(day, ['released-despite-detainer']), {
      id: `released-${index}`,
      jurisdiction: law.jurisdiction,
    });
  });
}

function headline(
  law: ReportLaw,
  from: string,
  to: string,
  cases: Parameters<typeof reportFor>[2],
) {
  return reportFor(law, periodOf(law, from, to), cases).headline;
}

describe('headlines', () => {
  test('In calendar year 2017 the NYPD received 1,526 civil immigration detainers and honoured none.', () => {
    const cases = released(NYPD_REPORT_LAW, 1526, 2017);
    assert.equal(
      headline(NYPD_REPORT_LAW, '2017-01-01', '2017-12-31', cases),
      'In calendar year 2017 the NYPD received 1,526 civil immigration detainers and honoured none.',
    );
  });

  test('a statutory period: "From October 2016 to September 2017 …"', () => {
    const cases = [
      reportCase(receivedAt('2017-03-01T12:00:00-05:00'), { jurisdiction: 'nyc-nypd' }),
      reportCase(receivedAt('2017-04-01T12:00:00-04:00'), { jurisdiction: 'nyc-nypd' }),
    ];
    assert.equal(
      headline(NYPD_REPORT_LAW, '2016-10-01', '2017-09-30', cases),
      'From October 2016 to September 2017 the NYPD received 2 civil immigration detainers and honoured none.',
    );
  });

  test('held and transferred: people counted once, "one person" for one', () => {
    const at = (day: string) => `${day}T12:00:00-04:00`;
    const cases = [
      reportCase(eventsAt(at('2017-09-05'), ['hold-started', 'transferred-to-ice']), {
        personId: 'person-a',
      }),
      reportCase(eventsAt(at('2017-10-05'), ['hold-started', 'ice-did-not-come']), {
        personId: 'person-b',
      }),
      reportCase(eventsAt(at('2017-11-06'), ['hold-started', 'ice-did-not-come']), {
        personId: 'person-b',
      }),
      reportCase(eventsAt(at('2018-05-07'), ['hold-started', 'ice-did-not-come']), {
        personId: 'person-c',
      }),
    ];
    assert.equal(
      headline(DOC_REPORT_LAW, '2017-07-01', '2018-06-30', cases),
      'From July 2017 to June 2018 the DOC received 4 civil immigration detainers, held 3 people past release on them and transferred one person to ICE.',
    );
  });

  test('no detainer at all: "received no civil immigration detainers and honoured none"', () => {
    assert.equal(
      headline(NYPD_REPORT_LAW, '2016-10-01', '2017-09-30', []),
      'From October 2016 to September 2017 the NYPD received no civil immigration detainers and honoured none.',
    );
  });

  test('§ 9-131(f) as added by LL62/2011 asks for no count of detainers received: the headline says less', () => {
    const cases = [
      reportCase(eventsAt('2012-05-01T12:00:00-04:00', ['hold-started', 'transferred-to-ice'])),
      reportCase(eventsAt('2012-06-01T12:00:00-04:00', ['hold-started', 'ice-did-not-come'])),
    ];
    assert.equal(
      headline(DOC_REPORT_LAW, '2011-10-01', '2012-09-30', cases),
      'From October 2011 to September 2012 the DOC held 2 people past release on them and transferred one person to ICE.',
    );
  });

  test('held none, transferred some: no "honoured none"', () => {
    const cases = [
      reportCase(eventsAt('2017-03-01T12:00:00-05:00', ['ice-notified', 'transferred-to-ice']), {
        jurisdiction: 'nyc-nypd',
      }),
      reportCase(eventsAt('2017-04-01T12:00:00-04:00', ['released-despite-detainer']), {
        jurisdiction: 'nyc-nypd',
      }),
    ];
    assert.equal(
      headline(NYPD_REPORT_LAW, '2017-01-01', '2017-12-31', cases),
      'In calendar year 2017 the NYPD received 2 civil immigration detainers, held no one past release on them and transferred one person to ICE.',
    );
  });

  test('Probation, July 2017 to June 2018: no figure was required (LL226/2017 § 2)', () => {
    const cases = [
      reportCase(eventsAt('2018-03-01T12:00:00-05:00', ['hold-started', 'transferred-to-ice']), {
        jurisdiction: 'nyc-probation',
      }),
    ];
    assert.equal(
      headline(PROBATION_REPORT_LAW, '2017-07-01', '2018-06-30', cases),
      'From July 2017 to June 2018 the Department of Probation was not required to report any figure for this period.',
    );
  });
});

describe('uncertain figures', () => {
  test('a figure with unknowns: the sentence gives the known figures and says some are uncertain', () => {
    const cases = [
      reportCase(eventsAt('2017-09-05T12:00:00-04:00', ['hold-started', 'transferred-to-ice']), {
        id: 'record-incomplete',
      }),
      reportCase(eventsAt('2017-09-06T12:00:00-04:00', ['hold-started', 'transferred-to-ice']), {
        id: 'record-complete',
      }),
    ].map((one, index) => ({
      ...one,
      subject:
        index === 0
          ? facts({
              crimeConviction: UNKNOWN,
              felonyConviction: UNKNOWN,
              violentOrSeriousConviction: UNKNOWN,
            })
          : facts({}),
    }));
    const report = reportFor(
      DOC_REPORT_LAW,
      periodOf(DOC_REPORT_LAW, '2016-10-01', '2017-09-30'),
      cases,
    );
    assert.equal(
      report.headline,
      'From October 2016 to September 2017 the DOC received 2 civil immigration detainers, held 2 people past release on them and transferred 2 people to ICE. Some figures are uncertain: the records do not say for every case.',
    );
  });

  test('all figures settled: no such sentence', () => {
    const cases = [
      reportCase(eventsAt('2017-09-05T12:00:00-04:00', ['released-despite-detainer'])),
    ];
    const report = reportFor(
      DOC_REPORT_LAW,
      periodOf(DOC_REPORT_LAW, '2016-10-01', '2017-09-30'),
      cases,
    );
    assert.ok(!report.headline.includes('uncertain'), report.headline);
  });

  test('held and transferred none, but some may have been: not "honoured none"', () => {
    const figure = (id: string, value: number, unknown: number): CountedFigure => ({
      id,
      paragraph: '1',
      label: id,
      statute: '1. …',
      method: '…',
      status: 'counted',
      unit: id === HEADLINE_FIGURES.received ? 'detainers' : 'persons',
      value,
      unknown,
    });
    const period = periodOf(NYPD_REPORT_LAW, '2017-01-01', '2017-12-31');
    const figures: Figure[] = [
      figure(HEADLINE_FIGURES.received, 3, 0),
      figure(HEADLINE_FIGURES.held, 0, 0),
      figure(HEADLINE_FIGURES.transferred, 0, 2),
    ];
    assert.equal(
      headlineOf(NYPD_REPORT_LAW, period, figures),
      'In calendar year 2017 the NYPD received 3 civil immigration detainers, held no one past release on them and transferred no one to ICE. Some figures are uncertain: the records do not say for every case.',
    );
  });
});

describe('wording', () => {
  test('one detainer: "received one civil immigration detainer", singular', () => {
    const cases = [
      reportCase(receivedAt('2017-03-01T12:00:00-05:00'), { jurisdiction: 'nyc-nypd' }),
    ];
    assert.equal(
      headline(NYPD_REPORT_LAW, '2017-01-01', '2017-12-31', cases),
      'In calendar year 2017 the NYPD received one civil immigration detainer and honoured none.',
    );
  });

  test('a one-month period: "In June 2017 …", not "From June 2017 …" (which reads as "since")', () => {
    assert.equal(
      headline(NYPD_REPORT_LAW, '2017-06-01', '2017-06-30', []),
      'In June 2017 the NYPD received no civil immigration detainers and honoured none.',
    );
  });
});
