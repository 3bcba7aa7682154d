/**
 * Probation's annual report, § 9-205(f) as LL226/2017 added it. LL226 § 2 requires information
 * "newly required to be reported by subdivision f" only for periods beginning 60 days after the
 * law took effect (2018-01-30). The whole subdivision was new, so every figure starts then, and
 * the first report (due 2018-09-01, for a period from 2017-07-01) has none. The paragraphs' words
 * are the clause text in reporting.ts.
 * @module
 */
import type { CountDefinition, ReportLaw } from '../../../reports/report-law.js';
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
import { nycSubjectFacts } from '../report-subject.js';
import { NYC_AGENCY } from '../sources.js';
import { NYC_PROBATION } from './index.js';
import { TERM as DOC_TERM } from '../doc/terms.js';
import { PROBATION_SUBDIVISION } from './reporting.js';

const NEWLY_REQUIRED = { date: '2018-01-30', citation: 'LL226/2017 § 2' };

const counts: CountDefinition[] = [
  received('1', 'Civil immigration detainers received from federal immigration authorities'),
  { ...held('2'), label: 'Persons held pursuant to civil immigration detainers' },
  transferred(
    '3',
    'transferred',
    'Persons transferred to the custody of federal immigration authorities',
  ),
  notHonored('4'),
].map((count) => ({ ...count, requiredFrom: NEWLY_REQUIRED }));

export const PROBATION_REPORT_LAW: ReportLaw = deepFreeze({
  jurisdiction: NYC_PROBATION.id,
  agency: 'New York City Department of Probation',
  agencyShort: 'Department of Probation',
  timeZone: NYC_AGENCY.timeZone,
  versions: [
    {
      clause: reportingClause(NYC_PROBATION.clauses, PROBATION_SUBDIVISION.reporting, 'LL226/2017'),
      firstDue: '2018-09-01',
      due: '09-01',
      periodEnds: '06-30',
      periodBasis: { stated: true, note: 'The text sets the 12-month period ending June 30.' },
      counts: [
        ...counts,
        ...informationCounts(
          '5',
          NEWLY_REQUIRED,
          // § 9-205(a) borrows § 9-131's definitions.
          federalImmigrationAuthorityIn(NYC_PROBATION, DOC_TERM.federalImmigrationAuthority),
          true,
        ),
      ],
    },
  ],
  lawVersions: localLawVersions(NYC_PROBATION.clauses, 'nyc.9-205.'),
  subjectFacts: nycSubjectFacts,
  published: [],
});
