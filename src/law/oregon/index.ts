/**
 * Oregon: ORS 181.850 (1987; ORS 181A.820 from 2019), ORS 180.805 (2017), and the Sanctuary
 * Promise Act (HB 3265, in force 2021-07-19; ORS 181A.820-181A.829, 180.805). The 1987 law is
 * older than the engine's first day; holds are capped by the federal rules until 2021.
 * @module
 */
import { notInForce } from '../../engine/clause.js';
import { defineJurisdiction } from '../../engine/jurisdiction.js';
import type { Provision } from '../../engine/jurisdiction.js';
import { FEDERAL_PROVISIONS } from '../federal/detainer-regulation.js';
import { CLAUSE } from './clause-ids.js';
import {
  DISCLOSURE_FROM,
  EXCHANGE_RULE,
  SANCTUARY_1987_PROVISIONS,
  SANCTUARY_PROMISE_FROM,
} from './sanctuary-1987.js';
import { SANCTUARY_PROMISE_PROVISIONS } from './sanctuary-promise-act-2021.js';
import { OREGON_LAST_VERIFIED, SOURCE } from './sources.js';

const BY_HB3265 = 'added by the Sanctuary Promise Act (HB 3265, 2021 c.550), in force 2021-07-19';

function before2021(id: string, citation: string, title: string): Provision {
  return {
    clause: notInForce({
      id,
      citation,
      title,
      validTo: SANCTUARY_PROMISE_FROM,
      reason: `${citation} was ${BY_HB3265}`,
      url: SOURCE.sanctuaryPromiseAct,
    }),
  };
}

const PLACEHOLDERS: readonly Provision[] = [
  {
    clause: notInForce({
      id: CLAUSE.disclosure,
      citation: 'ORS 180.805',
      title: 'Information a public body may not disclose for immigration enforcement',
      validTo: DISCLOSURE_FROM,
      reason: 'ORS 180.805 is read as in force from 2017-08-15',
      url: SOURCE.ors180,
    }),
    decides: { information: EXCHANGE_RULE },
  },
  before2021(
    CLAUSE.immigrationEnforcement,
    'ORS 181A.826',
    'No public resources to detain or hold individuals for immigration enforcement',
  ),
  before2021(
    CLAUSE.commissionReport,
    'ORS 181A.826(3)',
    'Documented requests reported to the Oregon Criminal Justice Commission',
  ),
  before2021(
    CLAUSE.custodyInformation,
    'ORS 181A.823(1)(c)',
    'No information about an individual in custody for civil immigration enforcement',
  ),
  before2021(
    CLAUSE.arresteeNotice,
    'ORS 181A.823(3)',
    'Notice to a person committed or detained of the right not to disclose status',
  ),
];

export const OREGON = defineJurisdiction({
  id: 'oregon',
  name: 'Oregon (ORS 181A.820 (1987), ORS 180.805, Sanctuary Promise Act)',
  timeZone: 'America/Los_Angeles',
  lastVerifiedOn: OREGON_LAST_VERIFIED,
  lawDateBasis: {
    hold: 'otherwise-release-time',
    notify: 'decision-time',
    transfer: 'otherwise-release-time',
    information: 'decision-time',
  },
  lawDateReason:
    'Holds and transfers take place when the person would otherwise be released: ORS 181A.826(1) ' +
    'forbids "detaining or holding" for immigration enforcement, which happens then. Notices and ' +
    'information are the agency’s answer to the request (ORS 181A.826(2)(b)(A), 180.805), so the ' +
    'law in force when the agency decides applies.',
  provisions: [
    ...FEDERAL_PROVISIONS,
    ...PLACEHOLDERS,
    ...SANCTUARY_1987_PROVISIONS,
    ...SANCTUARY_PROMISE_PROVISIONS,
  ],
});
