/**
 * New York City Police Department: Admin. Code § 14-154 in every version since 2013, § 10-178
 * for information requests from 2018, and the federal rules before them. The law date for
 * holds, notices and transfers is the otherwise-release time, for the same reason as DOC's.
 * @module
 */
import { notInForce } from '../../../engine/clause.js';
import { COVERAGE_START, defineJurisdiction } from '../../../engine/jurisdiction.js';
import type { Provision } from '../../../engine/jurisdiction.js';
import { FEDERAL_PROVISIONS, federalBaseline } from '../../federal/detainer-regulation.js';
import { WELLS_V_DEMARCO_PROVISIONS } from '../../new-york/wells-v-demarco.js';
import { cityResourcesProvisions } from '../city-resources.js';
import { LEGISTAR, NYC_LAST_VERIFIED } from '../sources.js';
import { CLAUSE } from './clause-ids.js';
import { NYPD_FEDERAL_IMMIGRATION_AUTHORITIES_PROVISIONS } from './federal-immigration-authorities.js';
import { LL21_PROVISIONS } from './ll21-2013.js';
import { LL59_PROVISIONS } from './ll59-2014.js';

const ADDED_BY_LL21 = '§ 14-154 was added by Local Law 21 of 2013, in force 2013-07-16';
const ADDED_BY_LL59 = 'added by Local Law 59 of 2014, in force 2014-12-14';

function before(
  id: string,
  citation: string,
  title: string,
  validTo: string,
  reason: string,
  url: string,
): Provision {
  return {
    clause: notInForce({ id, citation, title, validFrom: COVERAGE_START, validTo, reason, url }),
  };
}

const baseline = federalBaseline(CLAUSE.honoring);
const honoringBefore = before(
  CLAUSE.honoring,
  '§ 14-154(b)(1)',
  'When the department may honor a civil immigration detainer',
  '2013-07-16',
  ADDED_BY_LL21,
  LEGISTAR.LL21_2013,
);

const PLACEHOLDERS: readonly Provision[] = [
  {
    ...honoringBefore,
    decides: { hold: baseline.hold, notify: baseline.notify, transfer: baseline.transfer },
  },
  before(
    CLAUSE.fortyEightHourHold,
    '§ 14-154(b)(2)',
    'The 48-hour hold without a judicial warrant',
    '2014-12-14',
    `paragraph (b)(2) was ${ADDED_BY_LL59}`,
    LEGISTAR.LL59_2014,
  ),
  before(
    CLAUSE.conviction,
    '§ 14-154(a)(2)',
    'Conviction',
    '2013-07-16',
    ADDED_BY_LL21,
    LEGISTAR.LL21_2013,
  ),
  before(
    CLAUSE.coveredCrime,
    '§ 14-154(a)(3)',
    '"Covered crime"',
    '2013-07-16',
    ADDED_BY_LL21,
    LEGISTAR.LL21_2013,
  ),
  before(
    CLAUSE.coveredCriminalCase,
    '§ 14-154(a)(4)',
    '"Covered criminal case"',
    '2013-07-16',
    ADDED_BY_LL21,
    LEGISTAR.LL21_2013,
  ),
  before(
    CLAUSE.pendingCase,
    '§ 14-154(a)(6)',
    '"Pending covered criminal case"',
    '2013-07-16',
    ADDED_BY_LL21,
    LEGISTAR.LL21_2013,
  ),
  before(
    CLAUSE.terroristScreeningDatabase,
    '§ 14-154(a)(7)',
    '"Terrorist screening database"',
    '2013-07-16',
    ADDED_BY_LL21,
    LEGISTAR.LL21_2013,
  ),
  before(
    CLAUSE.noConferral,
    '§ 14-154(c)',
    'No conferral of authority',
    '2013-07-16',
    ADDED_BY_LL21,
    LEGISTAR.LL21_2013,
  ),
  before(
    CLAUSE.judicialWarrant,
    '§ 14-154(a)(4)',
    '"Judicial warrant"',
    '2014-12-14',
    `the definition was ${ADDED_BY_LL59}`,
    LEGISTAR.LL59_2014,
  ),
  before(
    CLAUSE.violentOrSeriousCrime,
    '§ 14-154(a)(6)',
    '"Violent or serious crime"',
    '2014-12-14',
    `the list was ${ADDED_BY_LL59}`,
    LEGISTAR.LL59_2014,
  ),
];

export const NYC_NYPD = defineJurisdiction({
  id: 'nyc-nypd',
  name: 'New York City Police Department (Admin. Code § 14-154)',
  timeZone: 'America/New_York',
  lastVerifiedOn: NYC_LAST_VERIFIED,
  lawDateBasis: {
    hold: 'otherwise-release-time',
    notify: 'otherwise-release-time',
    transfer: 'otherwise-release-time',
    information: 'decision-time',
  },
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
  ],
});
