/**
 * NYPD's annual report, § 14-154(f), as each local law wrote it: four counts from LL21/2013, the
 * deadline and period LL59/2014 set, and the information-request figures LL228/2017 added. The
 * paragraphs' words are the clause texts in reporting-and-other-subdivisions.ts.
 * @module
 */
import type { ReportLaw, ReportVersion } from '../../../reports/report-law.js';
import { deepFreeze } from '../../../engine/freeze.js';
import {
  federalImmigrationAuthorityIn,
  held,
  informationCounts,
  localLawVersions,
  notHonored,
  received,
  reportingClause,
  transferred,
} from '../report-counts.js';
import { NYC_PUBLISHED_FIGURES } from '../published-figures.js';
import { nycSubjectFacts } from '../report-subject.js';
import { NYC_AGENCY } from '../sources.js';
import { NYC_NYPD } from './index.js';
import { NYPD_SUBDIVISION } from './reporting-and-other-subdivisions.js';
import { NYPD_TERM } from './terms.js';

const clause = (version: string) =>
  reportingClause(NYC_NYPD.clauses, NYPD_SUBDIVISION.reporting, version);

const FOUR_COUNTS = [
  received('1', 'Civil immigration detainers received from federal immigration authorities'),
  held('2'),
  transferred(
    '3',
    'transferred',
    'Persons transferred to the custody of federal immigration authorities',
  ),
  notHonored('4'),
];

const LL21: ReportVersion = {
  clause: clause('LL21/2013'),
  firstDue: '2013-09-30',
  due: '09-30',
  periodEnds: '09-30',
  periodBasis: {
    stated: false,
    note:
      'The text asks for "the preceding twelve month period" before a September 30 deadline ' +
      'without saying when it ends; the desk takes the twelve months ending on September 30, ' +
      'the deadline, as LL59/2014 later stated.',
  },
  counts: FOUR_COUNTS,
};

const LL59: ReportVersion = {
  clause: clause('LL59/2014'),
  firstDue: '2015-10-15',
  due: '10-15',
  periodEnds: '09-30',
  periodBasis: { stated: true, note: 'The text sets the twelve months ending September 30.' },
  counts: FOUR_COUNTS,
};

const LL228: ReportVersion = {
  clause: clause('LL228/2017'),
  firstDue: '2018-09-01',
  due: '09-01',
  periodEnds: '06-30',
  periodBasis: { stated: true, note: 'The text sets the twelve months ending June 30.' },
  counts: [
    ...FOUR_COUNTS,
    ...informationCounts(
      '5',
      { date: '2018-01-30', citation: 'LL228/2017 § 4' },
      federalImmigrationAuthorityIn(NYC_NYPD, NYPD_TERM.federalImmigrationAuthority),
    ),
  ],
};

export const NYPD_REPORT_LAW: ReportLaw = deepFreeze({
  jurisdiction: NYC_NYPD.id,
  agency: 'New York City Police Department',
  agencyShort: 'NYPD',
  timeZone: NYC_AGENCY.timeZone,
  versions: [LL21, LL59, LL228],
  lawVersions: localLawVersions(NYC_NYPD.clauses, 'nyc.14-154.'),
  subjectFacts: nycSubjectFacts,
  published: NYC_PUBLISHED_FIGURES.filter((row) => row.jurisdiction === NYC_NYPD.id),
});
