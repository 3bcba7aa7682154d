/**
 * New York City Police Department: Admin. Code § 14-154 in every version since 2013, § 10-178
 * for information requests from 2018, and the federal rules before them. The law date for
 * holds, notices and transfers is the otherwise-release time, for the same reason as DOC's.
 * @module
 */
import { notInForce } from '../../../engine/clause.js';
import { defineJurisdiction } from '../../../engine/jurisdiction.js';
import type { Provision } from '../../../engine/jurisdiction.js';
import { FEDERAL_PROVISIONS, federalBaseline } from '../../federal/detainer-regulation.js';
import { WELLS_V_DEMARCO_PROVISIONS } from '../../new-york/wells-v-demarco.js';
import { cityResourcesProvisions, REQUEST_RECORDS_PROVISIONS } from '../city-resources.js';
import { LEGISTAR, NYC_AGENCY } from '../sources.js';
import { CLAUSE } from './clause-ids.js';
import { NYPD_FEDERAL_IMMIGRATION_AUTHORITIES_PROVISIONS } from './federal-immigration-authorities.js';
import { LL21_PROVISIONS } from './ll21-2013.js';
import { LL59_PROVISIONS } from './ll59-2014.js';
import { NYPD_SUBDIVISION_PROVISIONS } from './reporting-and-other-subdivisions.js';

const ADDED_BY_LL21 = '§ 14-154 was added by Local Law 21 of 2013, in force 2013-07-16';
const ADDED_BY_LL59 = 'added by Local Law 59 of 2014, in force 2014-12-14';

const baseline = federalBaseline(CLAUSE.honoring);
const honoringBefore = {
  clause: notInForce({
    id: CLAUSE.honoring,
    citation: '§ 14-154(b)(1)',
    title: 'When the department may honor a civil immigration detainer',
    validTo: '2013-07-16',
    reason: ADDED_BY_LL21,
    url: LEGISTAR.LL21_2013,
  }),
};

const PLACEHOLDERS: readonly Provision[] = [
  {
    ...honoringBefore,
    decides: { hold: baseline.hold, notify: baseline.notify, transfer: baseline.transfer },
  },
  {
    clause: notInForce({
      id: CLAUSE.fortyEightHourHold,
      citation: '§ 14-154(b)(2)',
      title: 'The 48-hour hold without a judicial warrant',
      validTo: '2014-12-14',
      reason: `paragraph (b)(2) was ${ADDED_BY_LL59}`,
      url: LEGISTAR.LL59_2014,
    }),
  },
  {
    clause: notInForce({
      id: CLAUSE.conviction,
      citation: '§ 14-154(a)(2)',
      title: 'Conviction',
      validTo: '2013-07-16',
      reason: ADDED_BY_LL21,
      url: LEGISTAR.LL21_2013,
    }),
  },
  {
    clause: notInForce({
      id: CLAUSE.coveredCrime,
      citation: '§ 14-154(a)(3)',
      title: '"Covered crime"',
      validTo: '2013-07-16',
      reason: ADDED_BY_LL21,
      url: LEGISTAR.LL21_2013,
    }),
  },
  {
    clause: notInForce({
      id: CLAUSE.coveredCriminalCase,
      citation: '§ 14-154(a)(4)',
      title: '"Covered criminal case"',
      validTo: '2013-07-16',
      reason: ADDED_BY_LL21,
      url: LEGISTAR.LL21_2013,
    }),
  },
  {
    clause: notInForce({
      id: CLAUSE.pendingCase,
      citation: '§ 14-154(a)(6)',
      title: '"Pending covered criminal case"',
      validTo: '2013-07-16',
      reason: ADDED_BY_LL21,
      url: LEGISTAR.LL21_2013,
    }),
  },
  {
    clause: notInForce({
      id: CLAUSE.terroristScreeningDatabase,
      citation: '§ 14-154(a)(7)',
      title: '"Terrorist screening database"',
      validTo: '2013-07-16',
      reason: ADDED_BY_LL21,
      url: LEGISTAR.LL21_2013,
    }),
  },
  {
    clause: notInForce({
      id: CLAUSE.noConferral,
      citation: '§ 14-154(c)',
      title: 'No conferral of authority',
      validTo: '2013-07-16',
      reason: ADDED_BY_LL21,
      url: LEGISTAR.LL21_2013,
    }),
  },
  {
    clause: notInForce({
      id: CLAUSE.judicialWarrant,
      citation: '§ 14-154(a)(4)',
      title: '"Judicial warrant"',
      validTo: '2014-12-14',
      reason: `the definition was ${ADDED_BY_LL59}`,
      url: LEGISTAR.LL59_2014,
    }),
  },
  {
    clause: notInForce({
      id: CLAUSE.violentOrSeriousCrime,
      citation: '§ 14-154(a)(6)',
      title: '"Violent or serious crime"',
      validTo: '2014-12-14',
      reason: `the list was ${ADDED_BY_LL59}`,
      url: LEGISTAR.LL59_2014,
    }),
  },
];

export const NYC_NYPD = defineJurisdiction({
  id: 'nyc-nypd',
  name: 'New York City Police Department (Admin. Code § 14-154)',
  ...NYC_AGENCY,
  lawDateReason:
    '§ 14-154(b) governs holding a person "beyond the time when such person would otherwise be ' +
    'released" and notifying of the release; § 10-178 governs the use of city resources when a ' +
    'request is answered.',
  provisions: [
    ...FEDERAL_PROVISIONS,
    ...WELLS_V_DEMARCO_PROVISIONS,
    ...PLACEHOLDERS,
    ...cityResourcesProvisions({ decidesNoticeAndTransfer: false }),
    ...NYPD_FEDERAL_IMMIGRATION_AUTHORITIES_PROVISIONS,
    ...LL21_PROVISIONS,
    ...LL59_PROVISIONS,
    ...NYPD_SUBDIVISION_PROVISIONS,
    ...REQUEST_RECORDS_PROVISIONS,
  ],
});
