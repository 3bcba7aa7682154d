/**
 * "Federal immigration authorities" in NYPD § 14-154: the definition of LL21/2013 ((a)(5),
 * renumbered (a)(3) by LL59/2014, which re-enacted it word for word), and its replacement by
 * LL63/2026 § 6, in force on enactment over the Mayor's veto, 2026-01-29 (nyc.md § 2.2, § 2.5,
 * § 2.8). Deleted (bracketed) matter of LL63 is omitted. Unlike § 9-131 as LL63 § 1 amended it,
 * § 6 reads "any officer or employee, or person", without "of".
 * @module
 */
import { clause, notInForce } from '../../../engine/clause.js';
import { COVERAGE_START } from '../../../engine/clause.js';
import type { Provision } from '../../../engine/jurisdiction.js';
import { requesterIs } from '../record-facts.js';
import { LEGISTAR } from '../sources.js';
import { CLAUSE } from './clause-ids.js';
import { NYPD_TERM } from './terms.js';

const TITLE = '"Federal immigration authorities"';

const BEFORE = notInForce({
  id: CLAUSE.federalImmigrationAuthorities,
  citation: '§ 14-154(a)(5)',
  title: TITLE,
  validFrom: COVERAGE_START,
  validTo: '2013-07-16',
  reason: '§ 14-154 was added by Local Law 21 of 2013, in force 2013-07-16',
  url: LEGISTAR.LL21_2013,
});

const LL21 = clause({
  id: CLAUSE.federalImmigrationAuthorities,
  version: 'LL21/2013',
  citation: '§ 14-154(a)(5), as added by LL21/2013 § 1 (renumbered (a)(3) by LL59/2014 § 1)',
  title: TITLE,
  validFrom: '2013-07-16',
  validTo: '2026-01-29',
  effective: 'Enacted 2013-03-18; in force 120 days later (LL21 § 2).',
  text: `5. “Federal immigration authorities” shall mean any officer, employee or person otherwise paid by or acting as an agent of United States immigration and customs enforcement or any division thereof or any other officer, employee or person otherwise paid by or acting as an agent of the United States department of homeland security who is charged with enforcement of the civil provisions of the immigration and nationality act.`,
  url: LEGISTAR.LL21_2013,
  verification: 'verbatim',
  note: 'CBP officers are DHS officers charged with enforcing the civil provisions of the INA, so they are included.',
});

const LL63 = clause({
  id: CLAUSE.federalImmigrationAuthorities,
  version: 'LL63/2026',
  citation: '§ 14-154(a)(3), as amended by LL63/2026 § 6',
  title: TITLE,
  validFrom: '2026-01-29',
  effective: 'Veto overridden 2026-01-29; in force immediately (LL63 § 8).',
  text: `3. "Federal immigration authorities" shall mean any officer or employee, or person otherwise paid by or acting as an agent of or performing duties on behalf of the federal government, whose duties include, in whole or in part: (i) enforcement of the civil provisions of the immigration and nationality act; (ii) enforcement of any provision of federal law, including but not limited to chapter 3 of title 50 of the United States code and section 1459 of title 19 of the United States code, that penalizes a person being found in, or a person's presence in, failure to depart from, entry into, or reentry into, the United States; (iii) enforcement of any provision of federal law that penalizes conduct related to the registration, travel document, or supervision requirements contained in the immigration and nationality act; or (iv) enforcement of any other provision of federal law where the mayor has determined that such federal law is being used by federal immigration authorities as a proxy for civil immigration enforcement. The term "federal immigration authorities" shall not include any personnel of the city acting in the course of their employment with the city.`,
  url: LEGISTAR.LL63_2026,
  verification: 'verbatim',
});

export const NYPD_FEDERAL_IMMIGRATION_AUTHORITIES_PROVISIONS: readonly Provision[] = Object.freeze([
  { clause: BEFORE },
  {
    clause: LL21,
    defines: {
      [NYPD_TERM.federalImmigrationAuthority]: requesterIs({
        label: 'The requester works for ICE, or for DHS enforcing the civil provisions of the INA',
        cites: [CLAUSE.federalImmigrationAuthorities],
        included: ['ice', 'cbp', 'other-dhs-civil-ina'],
      }),
    },
  },
  {
    clause: LL63,
    defines: {
      [NYPD_TERM.federalImmigrationAuthority]: requesterIs({
        label:
          'The requester is a federal officer whose duties include immigration enforcement as LL63/2026 defines it',
        cites: [CLAUSE.federalImmigrationAuthorities],
        included: ['ice', 'cbp', 'other-dhs-civil-ina', 'other-federal-immigration-duties'],
      }),
    },
  },
]);
