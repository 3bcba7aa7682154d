/**
 * Texas: SB 4 (2017), mandatory compliance with ICE detainer requests from 2017-09-01, and its
 * 2025 recodification, with the federal rules before them. Source notes: jurisdictions.md § 2.9.
 * @module
 */
import { notInForce } from '../../engine/clause.js';
import { defineJurisdiction } from '../../engine/jurisdiction.js';
import { COVERAGE_START } from '../../engine/clause.js';
import type { Provision } from '../../engine/jurisdiction.js';
import { FEDERAL_PROVISIONS, federalBaseline } from '../federal/detainer-regulation.js';
import { CLAUSE } from './clause-ids.js';
import { RECODIFIED_PROVISIONS, SB4_PROVISIONS, SOURCE } from './sb4-2017.js';

/**
 * jurisdictions.md records no check date; its latest dated source is of 2025-11-20, so later law
 * dates carry the engine's "past last verification" caution.
 */
const TEXAS_LAST_VERIFIED = '2025-11-20';

const ADDED_BY_SB4 = 'added by SB 4, in force 2017-09-01';

function beforeSb4(id: string, citation: string, title: string): Provision {
  return {
    clause: notInForce({
      id,
      citation,
      title,
      validFrom: COVERAGE_START,
      validTo: '2017-09-01',
      reason: `${citation} was ${ADDED_BY_SB4}`,
      url: SOURCE.sb4,
    }),
  };
}

// Before SB 4 no Texas statute spoke to detainers: the federal rules decide.
const detainerBaseline = federalBaseline(CLAUSE.detainerRequests);
const informationBaseline = federalBaseline(CLAUSE.cooperationNotLimited);

const PLACEHOLDERS: readonly Provision[] = [
  {
    ...beforeSb4(
      CLAUSE.detainerRequests,
      'Code Crim. Proc. art. 2.251',
      'Duties related to immigration detainer requests',
    ),
    decides: {
      hold: detainerBaseline.hold,
      notify: detainerBaseline.notify,
      transfer: detainerBaseline.transfer,
    },
  },
  {
    ...beforeSb4(
      CLAUSE.cooperationNotLimited,
      'Gov’t Code § 752.053',
      'Local entities may not limit the enforcement of immigration laws',
    ),
    decides: { information: informationBaseline.information },
  },
  beforeSb4(
    CLAUSE.failureToComply,
    'Penal Code § 39.07',
    'Failure to comply with an immigration detainer request',
  ),
  beforeSb4(CLAUSE.civilPenalty, 'Gov’t Code § 752.056', 'Civil penalty for violating § 752.053'),
];

export const TEXAS = defineJurisdiction({
  id: 'texas',
  name: 'Texas (Code Crim. Proc. art. 2.251 and Gov’t Code ch. 752, as added by SB 4)',
  // El Paso and Hudspeth counties keep Mountain time: an agency there passes `timeZone`
  // (America/Denver) with each case, so dates and hold clocks are its own.
  timeZone: 'America/Chicago',
  lastVerifiedOn: TEXAS_LAST_VERIFIED,
  lawDateBasis: {
    hold: 'otherwise-release-time',
    notify: 'otherwise-release-time',
    transfer: 'otherwise-release-time',
    information: 'decision-time',
  },
  lawDateReason:
    'Art. 2.251 binds an agency "that has custody of a person subject to" a detainer request, so ' +
    'its duty to honor the request runs until the person would otherwise be released: a hold, ' +
    'notice or transfer is judged by the law in force then. An information request is judged ' +
    'when the agency answers it.',
  provisions: [...FEDERAL_PROVISIONS, ...PLACEHOLDERS, ...SB4_PROVISIONS, ...RECODIFIED_PROVISIONS],
});
