/**
 * New York City Department of Probation: Admin. Code § 9-205 as added by Local Law 226 of 2017
 * (in force on becoming law, 2017-12-01; nyc.md § 2.6), § 10-178 from 2018-01-30, and the federal
 * rules before them. § 9-205(a) gives every term "the same meanings as set forth in section
 * 9-131", so the DOC definitions in force on the law date are cited directly.
 * @module
 */
import { clause, notInForce } from '../../../engine/clause.js';
import { all, any } from '../../../engine/condition.js';
import { defineJurisdiction } from '../../../engine/jurisdiction.js';
import { COVERAGE_START } from '../../../engine/clause.js';
import type { Provision } from '../../../engine/jurisdiction.js';
import { actionRule } from '../../../engine/rule.js';
import {
  FEDERAL_HOLD_LIMIT,
  FEDERAL_PROVISIONS,
  federalBaseline,
} from '../../federal/detainer-regulation.js';
import { WELLS_V_DEMARCO_PROVISIONS } from '../../new-york/wells-v-demarco.js';
import { cityResourcesProvisions, REQUEST_RECORDS_PROVISIONS } from '../city-resources.js';
import { CLAUSE as DOC } from '../doc/clause-ids.js';
import { NYC_DOC } from '../doc/index.js';
import { judicialWarrant, recordedFlag } from '../record-facts.js';
import { LEGISTAR, NYC_AGENCY, SEARCH_COURT_OR_GOVERNMENT } from '../sources.js';
import { convictedOfViolentOrSeriousCrime } from '../violent-or-serious-conviction.js';
import { PROBATION_REPORTING_PROVISIONS } from './reporting.js';

export const CLAUSE = Object.freeze({
  definitions: 'nyc.9-205.a',
  honoring: 'nyc.9-205.b',
} as const);

const FROM = '2017-12-01';
const EFFECTIVE = 'Became law 2017-12-01 and took effect immediately (LL226 § 2).';
const NOT_YET = '§ 9-205 was added by Local Law 226 of 2017, in force 2017-12-01';

const DEFINITIONS = clause({
  id: CLAUSE.definitions,
  version: 'LL226/2017',
  citation: '§ 9-205(a), as added by LL226/2017 § 1',
  title: 'Definitions borrowed from § 9-131',
  validFrom: FROM,
  effective: EFFECTIVE,
  text: `a. For the purposes of this section, all terms shall have the same meanings as set forth in section 9-131, except that the term "department" means department of probation.`,
  url: LEGISTAR.LL226_2017,
  verification: 'verbatim',
});

const HONORING = clause({
  id: CLAUSE.honoring,
  version: 'LL226/2017',
  citation: '§ 9-205(b), as added by LL226/2017 § 1',
  title: 'When the department may honor a civil immigration detainer',
  validFrom: FROM,
  effective: EFFECTIVE,
  text: `b. The department may only honor a civil immigration detainer by holding a person if:
1. federal immigration authorities present the department with a judicial warrant for the detention of the person who is the subject of such civil immigration detainer at the time such civil immigration detainer is presented; and
2. a search of state and federal databases, or any similar or successor databases, accessed through the New York state division of criminal justice services e-JusticeNY computer application, or any similar or successor computer application maintained by the city or state of New York, indicates, or the department has been informed by a court or any other governmental entity, that such person:
(a) has been convicted of a violent or serious crime, or
(b) is identified as a possible match in the terrorist screening database.`,
  url: LEGISTAR.LL226_2017,
  verification: 'verbatim',
});

const mayHold = all(
  { label: 'Both conditions of § 9-205(b) hold', cites: [CLAUSE.honoring] },
  judicialWarrant({
    withDetainer: true,
    label:
      'Federal immigration authorities presented a judicial warrant at the time the detainer was presented',
    cites: [CLAUSE.honoring, DOC.judicialWarrant],
  }),
  any(
    {
      label: 'Violent or serious crime, or possible terrorist-watch-list match',
      cites: [CLAUSE.honoring],
    },
    convictedOfViolentOrSeriousCrime({
      label:
        'A search or notice shows a conviction for a violent or serious crime within the look-back',
      cites: [CLAUSE.definitions, DOC.conviction, DOC.violentOrSeriousCrime],
      sources: SEARCH_COURT_OR_GOVERNMENT,
      lookBack: 'five-years',
    }),
    recordedFlag({
      name: 'terroristScreeningMatch',
      label:
        'A search or notice identifies the person as a possible match in the terrorist screening database',
      question:
        'Does a search or notice identify the person as a possible match in the terrorist screening database?',
      sources: SEARCH_COURT_OR_GOVERNMENT,
      cites: [CLAUSE.honoring, DOC.terroristScreeningDatabase],
    }),
  ),
);

const baseline = federalBaseline(CLAUSE.honoring);

/** § 9-131's definitions, every version, as § 9-205(a) incorporates them. */
const BORROWED_IDS: ReadonlySet<string> = new Set([
  DOC.conviction,
  DOC.judicialWarrant,
  DOC.violentOrSeriousCrime,
  DOC.terroristScreeningDatabase,
  DOC.federalImmigrationAuthorities,
]);
const BORROWED: readonly Provision[] = NYC_DOC.provisions
  .filter((provision) => BORROWED_IDS.has(provision.clause.id))
  .map((provision) => ({
    clause: provision.clause,
    ...(provision.defines ? { defines: provision.defines } : {}),
  }));

export const NYC_PROBATION = defineJurisdiction({
  id: 'nyc-probation',
  name: 'New York City Department of Probation (Admin. Code § 9-205)',
  ...NYC_AGENCY,
  lawDateReason:
    '§ 9-205(b) governs holding a person on a detainer, which happens when the person would ' +
    'otherwise leave the department’s custody; § 10-178 governs the use of city resources when a ' +
    'request is answered.',
  provisions: [
    ...FEDERAL_PROVISIONS,
    ...WELLS_V_DEMARCO_PROVISIONS,
    ...BORROWED,
    {
      clause: notInForce({
        id: CLAUSE.definitions,
        citation: '§ 9-205(a)',
        title: 'Definitions borrowed from § 9-131',
        validFrom: COVERAGE_START,
        validTo: FROM,
        reason: NOT_YET,
        url: LEGISTAR.LL226_2017,
      }),
    },
    { clause: DEFINITIONS },
    {
      clause: notInForce({
        id: CLAUSE.honoring,
        citation: '§ 9-205(b)',
        title: 'When the department may honor a civil immigration detainer',
        validFrom: COVERAGE_START,
        validTo: FROM,
        reason: NOT_YET,
        url: LEGISTAR.LL226_2017,
      }),
      decides: { hold: baseline.hold },
    },
    {
      clause: HONORING,
      decides: {
        hold: actionRule(
          {
            status: 'not-allowed',
            explanation:
              'The department may only hold a person on a detainer with a judicial warrant and a violent or serious conviction or watch-list match (§ 9-205(b)).',
            cites: [CLAUSE.honoring],
          },
          {
            label:
              'Judicial warrant, and a violent or serious conviction or watch-list match (§ 9-205(b)(1)-(2))',
            when: mayHold,
            then: {
              status: 'allowed',
              explanation:
                'The department may hold the person on the detainer, within the federal limit (§ 9-205(b)).',
              cites: [CLAUSE.honoring],
              holdLimit: FEDERAL_HOLD_LIMIT,
            },
          },
        ),
      },
    },
    ...cityResourcesProvisions({ decidesNoticeAndTransfer: true }),
    ...REQUEST_RECORDS_PROVISIONS,
    ...PROBATION_REPORTING_PROVISIONS,
  ],
});
