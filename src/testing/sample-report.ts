/**
 * A hand-written report for the tests of the report's outputs (charts, SVG, PDF): one of each
 * kind of figure (counted, counted with unknowns, read by the desk, not required, not recorded),
 * and, in `tracedSampleReport`, the case ids an authorised report carries, which no public output
 * may print. Invented figures and ids, not the desk's.
 * @module
 */
import type { Report } from '../reports/build-report.js';

export const SAMPLE_CASE_IDS = Object.freeze([
  'case-id-4f1d9a2e-do-not-print',
  'case-id-77c0b3d1-do-not-print',
  'case-id-9e5a0c44-unknown-do-not-print',
]);

export const SAMPLE_ROOT = '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328';

export function sampleReport(): Report {
  return {
    jurisdiction: 'nyc-nypd',
    agency: 'New York City Police Department',
    agencyShort: 'NYPD',
    period: {
      kind: 'statutory',
      from: '2016-10-01',
      to: '2017-09-30',
      due: '2017-10-15',
      label: 'October 2016 to September 2017, the report due 2017-10-15',
    },
    law: {
      clauseId: 'nyc.14-154.f',
      version: 'LL59/2014',
      citation: '§ 14-154(f), as amended by LL59/2014 § 1',
      url: 'https://example.org/ll59-2014.pdf',
      verification: 'verbatim',
    },
    lawInForce: [{ version: 'LL59/2014', from: '2014-12-14' }],
    headline:
      'From October 2016 to September 2017 the NYPD received 1,526 civil immigration detainers, held one person past release on them and transferred no one to ICE. Some figures are uncertain: the records do not say for every case.',
    method: [
      'The counts are those listed in § 14-154(f), as amended by LL59/2014 § 1.',
      'Where the record cannot tell whether a case belongs, it is counted apart as unknown.',
    ],
    figures: [
      {
        id: 'received',
        paragraph: '1',
        label: 'Civil immigration detainers received from federal immigration authorities',
        statute:
          '1. the number of civil immigration detainers received from federal immigration authorities;',
        method: 'Detainers the desk recorded as received in the period.',
        status: 'counted',
        unit: 'detainers',
        value: 1526,
        unknown: 0,
      },
      {
        id: 'held',
        paragraph: '2',
        label:
          'Persons held on a civil immigration detainer beyond the time they would otherwise be released',
        statute:
          '2. the number of persons held pursuant to civil immigration detainers beyond the time when such person would otherwise be released;',
        method: 'Persons whose hold past release the desk recorded as started in the period.',
        status: 'counted',
        unit: 'persons',
        value: 1,
        unknown: 2,
      },
      {
        id: 'not-honored',
        paragraph: '4',
        label: 'Persons for whom civil immigration detainers were not honored',
        statute: '4. the number of persons for whom civil immigration detainers were not honored;',
        method: 'Persons the desk recorded as released with the detainer not honoured.',
        interpretation: 'The desk counts every detainer not honoured, whatever the reason.',
        status: 'counted',
        unit: 'persons',
        value: 1457,
        unknown: 0,
      },
      {
        id: 'information-requests',
        paragraph: '9',
        label: 'Requests from federal immigration authorities for information about a person',
        statute: '9. the number of requests from federal immigration authorities for information;',
        method: 'Information requests the desk recorded as received in the period.',
        status: 'not-required',
        reason:
          'LL228/2017 requires this figure only for periods beginning on or after 2018-07-01; this period began 2016-10-01.',
      },
      {
        id: 'scaap-funding',
        paragraph: '6',
        label: 'State criminal alien assistance funding requested and received',
        statute: '6. the amount of state criminal alien assistance funding requested and received;',
        method: 'Not from the desk’s records.',
        status: 'not-recorded',
        reason: 'The desk does not record funding; the agency’s budget office supplies it.',
      },
    ],
    dataAsOf: '2017-11-01T12:00:00.000Z',
    audit: {
      size: 8450,
      rootSha256: SAMPLE_ROOT,
      checkpoint:
        'detainer-desk.example/audit\n8400\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n',
    },
  };
}

/** The same report as an authorised reader gets it: with the cases behind each counted figure. */
export function tracedSampleReport(): Report {
  const report = sampleReport();
  return {
    ...report,
    figures: report.figures.map((figure) =>
      figure.status === 'counted'
        ? {
            ...figure,
            caseIds: SAMPLE_CASE_IDS.slice(0, 2),
            unknownCaseIds: SAMPLE_CASE_IDS.slice(2),
          }
        : figure,
    ),
  };
}
