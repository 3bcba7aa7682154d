/**
 * People ex rel. Wells v. DeMarco, 168 A.D.3d 31 (App. Div. 2d Dep't, 14 Nov 2018): New York
 * law does not authorize local officers to hold a person on a civil immigration detainer. It
 * binds in the Second Department (Brooklyn, Queens, Staten Island, and counties north and east);
 * whether a hold on a federal judicial warrant is authorized was not decided (nyc.md § 7.1).
 * Encoded as a caution on every hold, not as a rule: it does not change what the city's law says.
 * @module
 */
import { clause } from '../../engine/clause.js';
import type { Obligation, Provision } from '../../engine/jurisdiction.js';
import { COVERAGE_START } from '../../engine/clause.js';
import { notInForce } from '../../engine/clause.js';

const ID = 'ny.wells-v-demarco';
const URL = 'https://nycourts.gov/Reporter/3dseries/2018/2018_07740.htm';

export const WELLS_V_DEMARCO = clause({
  id: ID,
  version: '168 A.D.3d 31 (2018)',
  citation: 'People ex rel. Wells v. DeMarco, 168 A.D.3d 31 (2d Dep’t 2018)',
  title: 'New York law does not authorize holds on civil immigration detainers',
  validFrom: '2018-11-14',
  effective: 'Decided 14 November 2018.',
  text:
    'we conclude that New York state and local law enforcement officers are not authorized by New ' +
    'York law to effectuate arrests for civil law immigration violations',
  url: URL,
  verification: 'verbatim',
  note: 'Binding in the Second Department; other Departments had not ruled (nyc.md § 7.1).',
});

const BEFORE = notInForce({
  id: ID,
  citation: 'People ex rel. Wells v. DeMarco',
  title: 'New York law does not authorize holds on civil immigration detainers',
  validFrom: COVERAGE_START,
  validTo: '2018-11-14',
  reason: 'decided 14 November 2018',
  url: URL,
});

const CAUTION: Obligation = {
  id: 'wells-v-demarco',
  text:
    'A hold past release is a new arrest that, in the Appellate Division Second Department’s view, ' +
    'New York law does not authorize (People ex rel. Wells v. DeMarco, 2018). Whether a hold on a ' +
    'federal judicial warrant is authorized was not decided. Have a legal reviewer confirm any hold.',
  cites: [ID],
  actions: ['hold'],
};

export const WELLS_V_DEMARCO_PROVISIONS: readonly Provision[] = Object.freeze([
  { clause: BEFORE },
  { clause: WELLS_V_DEMARCO, cautions: [CAUTION] },
]);
