/**
 * NYPD § 14-154 subdivisions that decide no request: (d) no conflict with existing law and (f)
 * the annual report. Encoded as text so `law show` renders every version whole and the
 * mandated-reports feature can cite them. Texts: nyc.md § 2, final A texts, deleted (bracketed)
 * matter omitted, runs of spaces written as one.
 * @module
 */
import { clause, notInForce } from '../../../engine/clause.js';
import type { Provision } from '../../../engine/jurisdiction.js';
import { LEGISTAR } from '../sources.js';

export const NYPD_SUBDIVISION = Object.freeze({
  noConflict: 'nyc.14-154.d',
  reporting: 'nyc.14-154.f',
} as const);

const LL21 = 'Enacted 2013-03-18; in force 120 days later (LL21 § 2).';
const ADDED_BY_LL21 = '§ 14-154 was added by Local Law 21 of 2013, in force 2013-07-16';

const NO_CONFLICT = 'No conflict with existing law';
const REPORTING = 'Reporting';

const NO_CONFLICT_VERSIONS = [
  notInForce({
    id: NYPD_SUBDIVISION.noConflict,
    citation: '§ 14-154(d)',
    title: NO_CONFLICT,
    validTo: '2013-07-16',
    reason: ADDED_BY_LL21,
    url: LEGISTAR.LL21_2013,
  }),
  clause({
    id: NYPD_SUBDIVISION.noConflict,
    version: 'LL21/2013',
    citation: '§ 14-154(d), as added by LL21/2013 § 1 (re-enacted unchanged by LL59/2014 § 1)',
    title: NO_CONFLICT,
    validFrom: '2013-07-16',
    validTo: '2026-01-29',
    effective: LL21,
    text: `d. No conflict with existing law. This local law supersedes all conflicting policies, rules, procedures and practices of the city of New York. Nothing in this local law shall be construed to prohibit any city agency from cooperating with federal immigration authorities when required under federal law. Nothing in this local law shall be interpreted or applied so as to create any power, duty or obligation in conflict with any federal or state law.`,
    url: LEGISTAR.LL21_2013,
    verification: 'verbatim',
    note: 'LL59/2014 restated the whole section and kept subdivision d word for word.',
  }),
  clause({
    id: NYPD_SUBDIVISION.noConflict,
    version: 'LL63/2026',
    citation: '§ 14-154(d), as amended by LL63/2026 § 7',
    title: NO_CONFLICT,
    validFrom: '2026-01-29',
    effective: 'Veto overridden 2026-01-29; in force immediately (LL63 § 8).',
    text: `d. No conflict with existing law. This section supersedes all conflicting policies, rules, procedures, and practices of the city. Nothing in this section shall be construed to prohibit any city agency from cooperating with federal immigration authorities when required under federal law. Nothing in this section shall be interpreted or applied so as to create any power, duty, or obligation in conflict with any federal or state law.`,
    url: LEGISTAR.LL63_2026,
    verification: 'verbatim',
    note: 'Unlike § 9-131(d) as LL63 § 2 amended it, names no executive orders or memoranda of understanding.',
  }),
];

const REPORTING_VERSIONS = [
  notInForce({
    id: NYPD_SUBDIVISION.reporting,
    citation: '§ 14-154(f)',
    title: REPORTING,
    validTo: '2013-07-16',
    reason: ADDED_BY_LL21,
    url: LEGISTAR.LL21_2013,
  }),
  clause({
    id: NYPD_SUBDIVISION.reporting,
    version: 'LL21/2013',
    citation: '§ 14-154(f), as added by LL21/2013 § 1',
    title: REPORTING,
    validFrom: '2013-07-16',
    validTo: '2014-12-14',
    effective: LL21,
    text: `f. Reporting. No later than September 30, 2013, and no later than September thirtieth of each year thereafter, the department shall post a report on the department website that includes the following information for the preceding twelve month period:
1. the number of civil immigration detainers received from federal immigration authorities;
2. the number of persons held pursuant to civil immigration detainers beyond the time when such person would otherwise be released from the department’s custody;
3. the number of persons transferred to the custody of federal immigration authorities pursuant to civil immigration detainers; and
4. the number of persons for whom civil immigration detainers were not honored pursuant to subdivision b of this section.`,
    url: LEGISTAR.LL21_2013,
    verification: 'verbatim',
  }),
  clause({
    id: NYPD_SUBDIVISION.reporting,
    version: 'LL59/2014',
    citation: '§ 14-154(f), as amended by LL59/2014 § 1',
    title: REPORTING,
    validFrom: '2014-12-14',
    validTo: '2018-01-30',
    effective: 'Enacted 2014-11-14; in force 30 days later (LL59 § 3).',
    text: `f. Reporting. No later than October 15, 2015, and no later than October fifteenth of each year thereafter, the department shall post a report on the department website that includes the following information for the preceding twelve month period ending September thirtieth:
1. the number of civil immigration detainers received from federal immigration authorities;
2. the number of persons held pursuant to civil immigration detainers beyond the time when such person would otherwise be released from the department's custody;
3. the number of persons transferred to the custody of federal immigration authorities pursuant to civil immigration detainers; and
4. the number of persons for whom civil immigration detainers were not honored pursuant to subdivision b of this section.`,
    url: LEGISTAR.LL59_2014,
    verification: 'verbatim',
  }),
  clause({
    id: NYPD_SUBDIVISION.reporting,
    version: 'LL228/2017',
    citation: '§ 14-154(f), as amended by LL228/2017 § 3',
    title: REPORTING,
    validFrom: '2018-01-30',
    effective: 'Became law 2017-12-01; in force 60 days later (LL228 § 4).',
    text: `f. Reporting. No later than September 1, 2018, and no later than September 1 of each year thereafter, the department shall post a report on the department website that includes the following information for the preceding twelve month period ending June 30:
1. the number of civil immigration detainers received from federal immigration authorities;
2. the number of persons held pursuant to civil immigration detainers beyond the time when such person would otherwise be released from the department's custody;
3. the number of persons transferred to the custody of federal immigration authorities pursuant to civil immigration detainers;
4. the number of persons for whom civil immigration detainers were not honored pursuant to subdivision b of this section; and
5. the number of requests from federal immigration authorities for such person's incarceration status, release dates, court appearance dates, or any other information related to such person in the department's custody, and the number of responses honoring such requests by the department, disaggregated by:
i. the number of responses to federal immigration authorities concerning a person with no convictions for a violent or serious crime, disaggregated by the number of such responses that included incarceration status, release dates, court appearance dates, or other types of information, and whether the department facilitated the transfer of such persons to the custody of federal immigration authorities;
ii. the number of responses to federal immigration authorities where the person had at least one conviction for a violent or serious crime, disaggregated by the number of such responses that included incarceration status, release dates, court appearance dates, or other types of information, and whether the department facilitated the transfer of such persons to the custody of federal immigration authorities; and
iii. the number of responses to federal immigration authorities concerning a person with no convictions for a violent or serious crime who was identified as a possible match in the terrorist screening database, disaggregated by the number of such responses that included incarceration status, release dates, court appearance dates, or other types of information, and whether the department facilitated the transfer of such persons to the custody of federal immigration authorities.`,
    url: LEGISTAR.LL228_2017,
    verification: 'verbatim',
    note:
      'Paragraph 5 is new: LL228 § 4 requires it "only for periods beginning on the effective ' +
      'date of this local law", 2018-01-30.',
  }),
];

export const NYPD_SUBDIVISION_PROVISIONS: readonly Provision[] = Object.freeze(
  [...NO_CONFLICT_VERSIONS, ...REPORTING_VERSIONS].map((version) => ({ clause: version })),
);
