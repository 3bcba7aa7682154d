/**
 * Illinois: the Illinois TRUST Act (P.A. 100-0463, in force 2017-08-28) and the Illinois Way
 * Forward Act (P.A. 102-0234, in force 2021-08-02), 5 ILCS 805, with the federal rules before
 * them. For State and local law enforcement agencies and officials.
 * @module
 */
import { notInForce } from '../../engine/clause.js';
import { defineJurisdiction } from '../../engine/jurisdiction.js';
import type { Provision } from '../../engine/jurisdiction.js';
import { FEDERAL_PROVISIONS, federalBaseline } from '../federal/detainer-regulation.js';
import { CLAUSE } from './clause-ids.js';
import { ILLINOIS_LAST_VERIFIED, SOURCE } from './sources.js';
import { TRUST_ACT_PROVISIONS, WAY_FORWARD_FROM } from './trust-act-2017.js';
import { WAY_FORWARD_PROVISIONS } from './way-forward-act-2021.js';

function notYet(spec: {
  id: string;
  citation: string;
  title: string;
  until: string;
  reason: string;
  url: string;
}): Provision {
  return {
    clause: notInForce({
      id: spec.id,
      citation: spec.citation,
      title: spec.title,
      validTo: spec.until,
      reason: spec.reason,
      url: spec.url,
    }),
  };
}

const BY_TRUST_ACT = '5 ILCS 805 was enacted by the TRUST Act (P.A. 100-0463), in force 2017-08-28';
const BY_WAY_FORWARD = 'added by the Illinois Way Forward Act (P.A. 102-0234), in force 2021-08-02';

// Until the TRUST Act, the federal rules decide every action.
const detainerBaseline = federalBaseline(CLAUSE.detainers);
const informationBaseline = federalBaseline(CLAUSE.purpose);

const beforeTrustAct = (id: string, citation: string, title: string): Provision =>
  notYet({ id, citation, title, until: '2017-08-28', reason: BY_TRUST_ACT, url: SOURCE.trustAct });

const PLACEHOLDERS: readonly Provision[] = [
  {
    ...beforeTrustAct(CLAUSE.purpose, '5 ILCS 805/5', 'Legislative purpose'),
    decides: { information: informationBaseline.information },
  },
  beforeTrustAct(CLAUSE.definitions, '5 ILCS 805/10', 'Definitions'),
  {
    ...beforeTrustAct(
      CLAUSE.detainers,
      '5 ILCS 805/15(a)',
      'No detention on an immigration detainer',
    ),
    decides: {
      hold: detainerBaseline.hold,
      notify: detainerBaseline.notify,
      transfer: detainerBaseline.transfer,
    },
  },
  beforeTrustAct(CLAUSE.federalWarrant, '5 ILCS 805/15(c)', 'The federal-warrant exception'),
  notYet({
    id: CLAUSE.civilEnforcementSupport,
    citation: '5 ILCS 805/15(g)',
    title: 'No transfer or non-public information without a federal criminal warrant',
    until: WAY_FORWARD_FROM,
    reason: `§ 15(g) was ${BY_WAY_FORWARD}`,
    url: SOURCE.wayForwardAct,
  }),
  notYet({
    id: CLAUSE.reporting,
    citation: '5 ILCS 805/25',
    title: 'Annual report to the Attorney General',
    until: WAY_FORWARD_FROM,
    reason: `§ 25 was ${BY_WAY_FORWARD}`,
    url: SOURCE.wayForwardAct,
  }),
];

export const ILLINOIS = defineJurisdiction({
  id: 'illinois',
  name: 'Illinois (5 ILCS 805: TRUST Act, Illinois Way Forward Act)',
  timeZone: 'America/Chicago',
  lastVerifiedOn: ILLINOIS_LAST_VERIFIED,
  lawDateBasis: {
    hold: 'otherwise-release-time',
    notify: 'decision-time',
    transfer: 'otherwise-release-time',
    information: 'decision-time',
  },
  lawDateReason:
    'Holds and transfers take place when the person would otherwise be released: § 15(a) ' +
    'forbids "continu[ing] to detain" on a detainer, and § 15(g) the transfer itself. Notices ' +
    'and information are the agency’s response to the request, so the law in force when the ' +
    'agency decides applies.',
  provisions: [
    ...FEDERAL_PROVISIONS,
    ...PLACEHOLDERS,
    ...TRUST_ACT_PROVISIONS,
    ...WAY_FORWARD_PROVISIONS,
  ],
});
