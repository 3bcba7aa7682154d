/**
 * California: the TRUST Act (AB 4, in force 2014-01-01), the TRUTH Act (AB 2792, 2017-01-01)
 * and the California Values Act (SB 54, 2018-01-01), with the federal rules before them. For
 * local law enforcement agencies: the state prisons (CDCR) are outside SB 54 except § 7284.10,
 * which is not encoded. Source notes: jurisdictions.md § 2.1.
 * @module
 */
import { notInForce } from '../../engine/clause.js';
import { defineJurisdiction } from '../../engine/jurisdiction.js';
import type { Provision } from '../../engine/jurisdiction.js';
import { FEDERAL_PROVISIONS, federalBaseline } from '../federal/detainer-regulation.js';
import { CLAUSE } from './clause-ids.js';
import { CALIFORNIA_LAST_VERIFIED, SOURCE } from './sources.js';
import { TRUST_ACT_PROVISIONS } from './trust-act-2013.js';
import { TRUTH_ACT_PROVISIONS } from './truth-act-2016.js';
import { VALUES_ACT_PROVISIONS } from './values-act-2017.js';

const ADDED_BY_AB4 = '§ 7282.5 was added by the TRUST Act (AB 4), in force 2014-01-01';
const ADDED_BY_SB54 = '§§ 7284-7284.12 were added by the Values Act (SB 54), in force 2018-01-01';

function beforeSb54(id: string, citation: string, title: string): Provision {
  return {
    clause: notInForce({
      id,
      citation,
      title,
      validTo: '2018-01-01',
      reason: ADDED_BY_SB54,
      url: SOURCE.valuesAct,
    }),
  };
}

// Until a state law speaks, the federal rules decide: holds until the TRUST Act, notices,
// transfers and information until the Values Act.
const holdBaseline = federalBaseline(CLAUSE.cooperationCriteria);
const notifyBaseline = federalBaseline(CLAUSE.notification);
const transferBaseline = federalBaseline(CLAUSE.transfer);
const informationBaseline = federalBaseline(CLAUSE.personalInformation);

const PLACEHOLDERS: readonly Provision[] = [
  {
    ...{
      clause: notInForce({
        id: CLAUSE.cooperationCriteria,
        citation: '§ 7282.5(a)',
        title: 'When a person may be held on an immigration hold',
        validTo: '2014-01-01',
        reason: ADDED_BY_AB4,
        url: SOURCE.trustAct,
      }),
    },
    decides: { hold: holdBaseline.hold },
  },
  {
    clause: notInForce({
      id: CLAUSE.magistrateProbableCause,
      citation: '§ 7282.5(b)',
      title: 'A hold on a pending felony charge after a magistrate’s probable-cause finding',
      validTo: '2014-01-01',
      reason: ADDED_BY_AB4,
      url: SOURCE.trustAct,
    }),
  },
  {
    clause: notInForce({
      id: CLAUSE.truthActNotice,
      citation: '§ 7283.1(b)',
      title: 'Copy of the request and notice of release to the individual',
      validTo: '2017-01-01',
      reason: '§ 7283.1 was added by the TRUTH Act (AB 2792), in force 2017-01-01',
      url: SOURCE.truthAct,
    }),
  },
  beforeSb54(
    CLAUSE.judicialWarrant,
    '§ 7284.4(h)-(i)',
    '"Judicial warrant" and "judicial probable cause determination"',
  ),
  beforeSb54(CLAUSE.hold, '§ 7284.6(a)(1)(B)', 'No detention on a hold request'),
  {
    ...beforeSb54(
      CLAUSE.notification,
      '§ 7284.6(a)(1)(C)',
      'Responding to requests for notification',
    ),
    decides: { notify: notifyBaseline.notify },
  },
  {
    ...beforeSb54(
      CLAUSE.personalInformation,
      '§ 7284.6(a)(1)(D)',
      'Providing personal information',
    ),
    decides: { information: informationBaseline.information },
  },
  {
    ...beforeSb54(CLAUSE.transfer, '§ 7284.6(a)(4)', 'Transfers to immigration authorities'),
    decides: { transfer: transferBaseline.transfer },
  },
  beforeSb54(CLAUSE.criminalHistory, '§ 7284.6(b)(2)', 'Criminal-history information'),
  beforeSb54(
    CLAUSE.immigrationStatus,
    '§ 7284.6(e)',
    'Citizenship and immigration-status information',
  ),
];

export const CALIFORNIA = defineJurisdiction({
  id: 'california',
  name: 'California (Gov. Code §§ 7282-7284.12: TRUST Act, TRUTH Act, California Values Act)',
  timeZone: 'America/Los_Angeles',
  lastVerifiedOn: CALIFORNIA_LAST_VERIFIED,
  lawDateBasis: {
    hold: 'otherwise-release-time',
    notify: 'decision-time',
    transfer: 'otherwise-release-time',
    information: 'decision-time',
  },
  lawDateReason:
    'Holds and transfers take place when the person would otherwise be released: the TRUST Act ' +
    'governs detention "after that individual becomes eligible for release from custody", and ' +
    '§ 7284.6(a)(4) the hand-over itself. The Values Act’s limits on notices and information ' +
    'govern the agency’s response ("responding to requests for notification"), so the law in ' +
    'force when the agency decides applies.',
  provisions: [
    ...FEDERAL_PROVISIONS,
    ...PLACEHOLDERS,
    ...TRUST_ACT_PROVISIONS,
    ...TRUTH_ACT_PROVISIONS,
    ...VALUES_ACT_PROVISIONS,
  ],
});
