/**
 * "Federal immigration authorities" in DOC § 9-131: the definition of LL62/2011 (kept word for
 * word by LL22/2013 as (a)(6) and LL58/2014 as (a)(4)), and its replacement by LL63/2026 § 1,
 * in force on enactment over the Mayor's veto, 2026-01-29 (nyc.md § 2.8).
 * @module
 */
import { clause, notInForce } from '../../../engine/clause.js';
import { COVERAGE_START } from '../../../engine/clause.js';
import type { Provision } from '../../../engine/jurisdiction.js';
import { requesterIs } from '../record-facts.js';
import { LEGISTAR } from '../sources.js';
import { CLAUSE } from './clause-ids.js';
import { TERM } from './terms.js';

const TITLE = '"Federal immigration authorities"';

const BEFORE = notInForce({
  id: CLAUSE.federalImmigrationAuthorities,
  citation: '§ 9-131(a)(4)',
  title: TITLE,
  validFrom: COVERAGE_START,
  validTo: '2012-03-21',
  reason: '§ 9-131 was added by Local Law 62 of 2011, in force 2012-03-21',
  url: LEGISTAR.LL62_2011,
});

const LL62 = clause({
  id: CLAUSE.federalImmigrationAuthorities,
  version: 'LL62/2011',
  citation:
    '§ 9-131(a)(4), as added by LL62/2011 (renumbered (a)(6) by LL22/2013, (a)(4) by LL58/2014)',
  title: TITLE,
  validFrom: '2012-03-21',
  validTo: '2026-01-29',
  effective: 'Enacted 2011-11-22; in force 120 days later (LL62 § 2).',
  text: `4. "Federal immigration authorities" shall mean any officer, employee or person otherwise paid by or acting as an agent of United States immigration and customs enforcement or any division thereof or any other officer, employee or person otherwise paid by or acting as an agent of the United States department of homeland security who is charged with enforcement of the civil provisions of the immigration and nationality act.`,
  url: LEGISTAR.LL62_2011,
  verification: 'verbatim',
  note: 'CBP officers are DHS officers charged with enforcing the civil provisions of the INA, so they are included.',
});

const LL63 = clause({
  id: CLAUSE.federalImmigrationAuthorities,
  version: 'LL63/2026',
  citation: '§ 9-131(a)(4), as amended by LL63/2026 § 1',
  title: TITLE,
  validFrom: '2026-01-29',
  effective: 'Veto overridden 2026-01-29; in force immediately (LL63 § 8).',
  text: `4. "Federal immigration authorities" shall mean any officer or employee of, or person otherwise paid by or acting as an agent of or performing duties on behalf of the federal government, whose duties include, in whole or in part: (i) enforcement of the civil provisions of the immigration and nationality act; (ii) enforcement of any provision of federal law, including but not limited to chapter 3 of title 50 of the United States code and section 1459 of title 19 of the United States code, that penalizes a person being found in, or a person's presence in, failure to depart from, entry into, or reentry into, the United States; (iii) enforcement of any provision of federal law that penalizes conduct related to the registration, travel document, or supervision requirements contained in the immigration and nationality act; or (iv) enforcement of any other provision of federal law where the mayor has determined that such federal law is being used by federal immigration authorities as a proxy for civil immigration enforcement. The term "federal immigration authorities" shall not include any personnel of the city acting in the course of their employment with the city.`,
  url: LEGISTAR.LL63_2026,
  verification: 'verbatim',
});

export const FEDERAL_IMMIGRATION_AUTHORITIES_PROVISIONS: readonly Provision[] = Object.freeze([
  { clause: BEFORE },
  {
    clause: LL62,
    defines: {
      [TERM.federalImmigrationAuthority]: requesterIs({
        label: 'The requester works for ICE, or for DHS enforcing the civil provisions of the INA',
        cites: [CLAUSE.federalImmigrationAuthorities],
        included: ['ice', 'cbp', 'other-dhs-civil-ina'],
      }),
    },
  },
  {
    clause: LL63,
    defines: {
      [TERM.federalImmigrationAuthority]: requesterIs({
        label:
          'The requester is a federal officer whose duties include immigration enforcement as LL63/2026 defines it',
        cites: [CLAUSE.federalImmigrationAuthorities],
        included: ['ice', 'cbp', 'other-dhs-civil-ina', 'other-federal-immigration-duties'],
      }),
    },
  },
]);
