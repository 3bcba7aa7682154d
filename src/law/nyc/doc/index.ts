/**
 * New York City Department of Correction: Admin. Code § 9-131 in every version since 2012,
 * with the federal rules before it. The law date for holds, notices and transfers is the
 * otherwise-release time: the section governs "holding a person beyond the time when such
 * person would otherwise be released" and the search "conducted at or about" that time. For an
 * information request it is the time of the response.
 * @module
 */
import { notInForce } from '../../../engine/clause.js';
import { COVERAGE_START, defineJurisdiction } from '../../../engine/jurisdiction.js';
import type { Provision } from '../../../engine/jurisdiction.js';
import { FEDERAL_PROVISIONS, federalBaseline } from '../../federal/detainer-regulation.js';
import { WELLS_V_DEMARCO_PROVISIONS } from '../../new-york/wells-v-demarco.js';
import { LEGISTAR, NYC_LAST_VERIFIED } from '../sources.js';
import { CLAUSE } from './clause-ids.js';
import { FEDERAL_IMMIGRATION_AUTHORITIES_PROVISIONS } from './federal-immigration-authorities.js';
import { LL22_PROVISIONS } from './ll22-2013.js';
import { LL58_PROVISIONS } from './ll58-2014.js';
import { LL62_PROVISIONS } from './ll62-2011.js';

const ADDED_BY_LL62 = '§ 9-131 was added by Local Law 62 of 2011, in force 2012-03-21';

function before(
  id: string,
  citation: string,
  title: string,
  validTo: string,
  reason: string,
  url: string,
) {
  return notInForce({ id, citation, title, validFrom: COVERAGE_START, validTo, reason, url });
}

const HONORING_BEFORE = before(
  CLAUSE.honoring,
  '§ 9-131(b)',
  'When the department may honor a civil immigration detainer',
  '2012-03-21',
  ADDED_BY_LL62,
  LEGISTAR.LL62_2011,
);
const INFORMATION_BEFORE = before(
  CLAUSE.information,
  '§ 9-131(h)(1)',
  'Department time and resources for answering federal immigration inquiries',
  '2015-02-12',
  'subdivision h was added by LL58/2014 § 4, in force 2015-02-12',
  LEGISTAR.LL58_2014,
);

const baselineHonoring = federalBaseline(CLAUSE.honoring);
const baselineInformation = federalBaseline(CLAUSE.information);

const PLACEHOLDERS: readonly Provision[] = [
  {
    clause: HONORING_BEFORE,
    decides: {
      hold: baselineHonoring.hold,
      notify: baselineHonoring.notify,
      transfer: baselineHonoring.transfer,
    },
  },
  { clause: INFORMATION_BEFORE, decides: { information: baselineInformation.information } },
  {
    clause: before(
      CLAUSE.conviction,
      '§ 9-131(a)(2)',
      'Conviction',
      '2012-03-21',
      ADDED_BY_LL62,
      LEGISTAR.LL62_2011,
    ),
  },
  {
    clause: before(
      CLAUSE.pendingCase,
      '§ 9-131(a)(5)',
      'Pending criminal case',
      '2012-03-21',
      ADDED_BY_LL62,
      LEGISTAR.LL62_2011,
    ),
  },
  {
    clause: before(
      CLAUSE.terroristScreeningDatabase,
      '§ 9-131(a)(6)',
      '"Terrorist screening database"',
      '2012-03-21',
      ADDED_BY_LL62,
      LEGISTAR.LL62_2011,
    ),
  },
  {
    clause: before(
      CLAUSE.noConferral,
      '§ 9-131(c)',
      'No conferral of authority',
      '2012-03-21',
      ADDED_BY_LL62,
      LEGISTAR.LL62_2011,
    ),
  },
  {
    clause: before(
      CLAUSE.coveredCrime,
      '§ 9-131(a)(3)',
      '"Covered crime"',
      '2013-07-16',
      'the definition was added by LL22/2013, in force 2013-07-16',
      LEGISTAR.LL22_2013,
    ),
  },
  {
    clause: before(
      CLAUSE.coveredCriminalCase,
      '§ 9-131(a)(4)',
      '"Covered criminal case"',
      '2013-07-16',
      'the definition was added by LL22/2013, in force 2013-07-16',
      LEGISTAR.LL22_2013,
    ),
  },
  {
    clause: before(
      CLAUSE.judicialWarrant,
      '§ 9-131(a)(5)',
      '"Judicial warrant"',
      '2014-12-14',
      'the definition was added by LL58/2014, in force 2014-12-14',
      LEGISTAR.LL58_2014,
    ),
  },
  {
    clause: before(
      CLAUSE.violentOrSeriousCrime,
      '§ 9-131(a)(7)',
      '"Violent or serious crime"',
      '2014-12-14',
      'the list was added by LL58/2014, in force 2014-12-14',
      LEGISTAR.LL58_2014,
    ),
  },
];

export const NYC_DOC = defineJurisdiction({
  id: 'nyc-doc',
  name: 'New York City Department of Correction (Admin. Code § 9-131)',
  timeZone: 'America/New_York',
  lastVerifiedOn: NYC_LAST_VERIFIED,
  lawDateBasis: {
    hold: 'otherwise-release-time',
    notify: 'otherwise-release-time',
    transfer: 'otherwise-release-time',
    information: 'decision-time',
  },
  lawDateReason:
    '§ 9-131(b) governs holding a person "beyond the time when such person would otherwise be ' +
    'released" and notifying of "such person’s release", after a search "conducted at or about" ' +
    'that time; § 9-131(h)(1) governs the response to an inquiry when it is made.',
  provisions: [
    ...FEDERAL_PROVISIONS,
    ...WELLS_V_DEMARCO_PROVISIONS,
    ...PLACEHOLDERS,
    ...FEDERAL_IMMIGRATION_AUTHORITIES_PROVISIONS,
    ...LL62_PROVISIONS,
    ...LL22_PROVISIONS,
    ...LL58_PROVISIONS,
  ],
});
