/**
 * New York City Department of Correction: Admin. Code § 9-131 in every version since 2012,
 * with the federal rules before it. The law date for holds, notices and transfers is the
 * otherwise-release time: the section governs "holding a person beyond the time when such
 * person would otherwise be released" and the search "conducted at or about" that time. For an
 * information request it is the time of the response.
 * @module
 */
import { notInForce } from '../../../engine/clause.js';
import { defineJurisdiction } from '../../../engine/jurisdiction.js';
import type { Provision } from '../../../engine/jurisdiction.js';
import { FEDERAL_PROVISIONS, federalBaseline } from '../../federal/detainer-regulation.js';
import { WELLS_V_DEMARCO_PROVISIONS } from '../../new-york/wells-v-demarco.js';
import { REQUEST_RECORDS_PROVISIONS } from '../city-resources.js';
import { LEGISTAR, NYC_AGENCY } from '../sources.js';
import { CLAUSE } from './clause-ids.js';
import { FEDERAL_IMMIGRATION_AUTHORITIES_PROVISIONS } from './federal-immigration-authorities.js';
import { LL22_PROVISIONS } from './ll22-2013.js';
import { LL58_PROVISIONS } from './ll58-2014.js';
import { LL62_PROVISIONS } from './ll62-2011.js';
import { DOC_SUBDIVISION_PROVISIONS } from './reporting-and-other-subdivisions.js';

const ADDED_BY_LL62 = '§ 9-131 was added by Local Law 62 of 2011, in force 2012-03-21';

const HONORING_BEFORE = notInForce({
  id: CLAUSE.honoring,
  citation: '§ 9-131(b)',
  title: 'When the department may honor a civil immigration detainer',
  validTo: '2012-03-21',
  reason: ADDED_BY_LL62,
  url: LEGISTAR.LL62_2011,
});
const INFORMATION_BEFORE = notInForce({
  id: CLAUSE.information,
  citation: '§ 9-131(h)(1)',
  title: 'Department time and resources for answering federal immigration inquiries',
  validTo: '2015-02-12',
  reason: 'subdivision h was added by LL58/2014 § 4, in force 2015-02-12',
  url: LEGISTAR.LL58_2014,
});

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
    clause: notInForce({
      id: CLAUSE.conviction,
      citation: '§ 9-131(a)(2)',
      title: 'Conviction',
      validTo: '2012-03-21',
      reason: ADDED_BY_LL62,
      url: LEGISTAR.LL62_2011,
    }),
  },
  {
    clause: notInForce({
      id: CLAUSE.pendingCase,
      citation: '§ 9-131(a)(5)',
      title: 'Pending criminal case',
      validTo: '2012-03-21',
      reason: ADDED_BY_LL62,
      url: LEGISTAR.LL62_2011,
    }),
  },
  {
    clause: notInForce({
      id: CLAUSE.terroristScreeningDatabase,
      citation: '§ 9-131(a)(6)',
      title: '"Terrorist screening database"',
      validTo: '2012-03-21',
      reason: ADDED_BY_LL62,
      url: LEGISTAR.LL62_2011,
    }),
  },
  {
    clause: notInForce({
      id: CLAUSE.noConferral,
      citation: '§ 9-131(c)',
      title: 'No conferral of authority',
      validTo: '2012-03-21',
      reason: ADDED_BY_LL62,
      url: LEGISTAR.LL62_2011,
    }),
  },
  {
    clause: notInForce({
      id: CLAUSE.coveredCrime,
      citation: '§ 9-131(a)(3)',
      title: '"Covered crime"',
      validTo: '2013-07-16',
      reason: 'the definition was added by LL22/2013, in force 2013-07-16',
      url: LEGISTAR.LL22_2013,
    }),
  },
  {
    clause: notInForce({
      id: CLAUSE.coveredCriminalCase,
      citation: '§ 9-131(a)(4)',
      title: '"Covered criminal case"',
      validTo: '2013-07-16',
      reason: 'the definition was added by LL22/2013, in force 2013-07-16',
      url: LEGISTAR.LL22_2013,
    }),
  },
  {
    clause: notInForce({
      id: CLAUSE.judicialWarrant,
      citation: '§ 9-131(a)(5)',
      title: '"Judicial warrant"',
      validTo: '2014-12-14',
      reason: 'the definition was added by LL58/2014, in force 2014-12-14',
      url: LEGISTAR.LL58_2014,
    }),
  },
  {
    clause: notInForce({
      id: CLAUSE.violentOrSeriousCrime,
      citation: '§ 9-131(a)(7)',
      title: '"Violent or serious crime"',
      validTo: '2014-12-14',
      reason: 'the list was added by LL58/2014, in force 2014-12-14',
      url: LEGISTAR.LL58_2014,
    }),
  },
];

export const NYC_DOC = defineJurisdiction({
  id: 'nyc-doc',
  name: 'New York City Department of Correction (Admin. Code § 9-131)',
  ...NYC_AGENCY,
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
    ...DOC_SUBDIVISION_PROVISIONS,
    ...REQUEST_RECORDS_PROVISIONS,
  ],
});
