/**
 * DOC § 9-131 subdivisions that decide no request: (d) no conflict with existing law, (f) the
 * annual report, and (h)(2) no federal immigration office on department land. Encoded as text so
 * `law show` renders every version whole and the mandated-reports feature can cite them. Texts:
 * nyc.md § 2, final A texts, deleted (bracketed) matter omitted, runs of spaces written as one.
 * @module
 */
import { clause, notInForce } from '../../../engine/clause.js';
import type { Provision } from '../../../engine/jurisdiction.js';
import { LEGISTAR } from '../sources.js';

export const DOC_SUBDIVISION = Object.freeze({
  noConflict: 'nyc.9-131.d',
  reporting: 'nyc.9-131.f',
  federalOffice: 'nyc.9-131.h.2',
} as const);

const LL62 = 'Enacted 2011-11-22; in force 120 days later (LL62 § 2).';
const LL63 = 'Veto overridden 2026-01-29; in force immediately (LL63 § 8).';
const ADDED_BY_LL62 = '§ 9-131 was added by Local Law 62 of 2011, in force 2012-03-21';

const NO_CONFLICT = 'No conflict with existing law';
const REPORTING = 'Reporting';
const FEDERAL_OFFICE =
  'No office or quarters for federal immigration authorities on department land';

const NO_CONFLICT_VERSIONS = [
  notInForce({
    id: DOC_SUBDIVISION.noConflict,
    citation: '§ 9-131(d)',
    title: NO_CONFLICT,
    validTo: '2012-03-21',
    reason: ADDED_BY_LL62,
    url: LEGISTAR.LL62_2011,
  }),
  clause({
    id: DOC_SUBDIVISION.noConflict,
    version: 'LL62/2011',
    citation: '§ 9-131(d), as added by LL62/2011 § 1',
    title: NO_CONFLICT,
    validFrom: '2012-03-21',
    validTo: '2026-01-29',
    effective: LL62,
    text: `d. No conflict with existing law. This local law supersedes all conflicting policies, rules, procedures and practices of the city of New York. Nothing in this local law shall be construed to prohibit any city agency from cooperating with federal immigration authorities when required under federal law. Nothing in this local law shall be interpreted or applied so as to create any power, duty or obligation in conflict with any federal or state law.`,
    url: LEGISTAR.LL62_2011,
    verification: 'verbatim',
    note: '"This local law" is LL62/2011; LL22/2013 and LL58/2014 left subdivision d unchanged.',
  }),
  clause({
    id: DOC_SUBDIVISION.noConflict,
    version: 'LL63/2026',
    citation: '§ 9-131(d), as amended by LL63/2026 § 2',
    title: NO_CONFLICT,
    validFrom: '2026-01-29',
    effective: LL63,
    text: `d. No conflict with existing law. This section supersedes all conflicting mayoral executive orders and memoranda of understanding entered into by the city, as well as all conflicting policies, rules, procedures, and practices of the city. Nothing in this section shall be construed to prohibit any city agency from cooperating with federal immigration authorities when required under federal law. Nothing in this section shall be interpreted or applied so as to create any power, duty, or obligation in conflict with any federal or state law.`,
    url: LEGISTAR.LL63_2026,
    verification: 'verbatim',
    note: 'Adds mayoral executive orders and memoranda of understanding to what the section supersedes.',
  }),
];

const REPORTING_VERSIONS = [
  notInForce({
    id: DOC_SUBDIVISION.reporting,
    citation: '§ 9-131(f)',
    title: REPORTING,
    validTo: '2012-03-21',
    reason: ADDED_BY_LL62,
    url: LEGISTAR.LL62_2011,
  }),
  clause({
    id: DOC_SUBDIVISION.reporting,
    version: 'LL62/2011',
    citation: '§ 9-131(f), as added by LL62/2011 § 1',
    title: REPORTING,
    validFrom: '2012-03-21',
    validTo: '2013-07-16',
    effective: LL62,
    text: `f. Reporting. No later than September 30, 2012 and no later than September 30 of each year thereafter, the department shall post a report on the department website that includes the following information for the preceding 12 month period:
1. the number of individuals held pursuant to civil immigration detainers beyond the time when such individual would otherwise be released from the department’s custody;
2. the number of individuals transferred to the custody of federal immigration authorities pursuant to civil immigration detainers;
3. the number of individuals transferred to the custody of federal immigration authorities pursuant to civil immigration detainers who had at least one felony conviction;
4. the number of individuals transferred to the custody of federal immigration authorities pursuant to civil immigration detainers who had at least one misdemeanor conviction but no felony convictions;
5. the number of individuals transferred to the custody of federal immigration authorities pursuant to civil immigration detainers who had no misdemeanor or felony convictions;
6. the number of individuals transferred to the custody of federal immigration authorities pursuant to civil immigration detainers who had no misdemeanor or felony convictions and were identified as known gang members in the database of the national crime information center or a successor database maintained by the United States;
7. the number of individuals transferred to the custody of federal immigration authorities pursuant to civil immigration detainers who had no misdemeanor or felony convictions and were identified as possible matches in the terrorist screening database;
8. the number of individuals transferred to the custody of federal immigration authorities pursuant to civil immigration detainers who had no misdemeanor or felony convictions and were identified as both possible matches in the terrorist screening database and known gang members in the database of the national crime information center or a successor database maintained by the United States;
9. the number of individuals transferred to the custody of federal immigration authorities pursuant to civil immigration detainers who had no misdemeanor or felony convictions and were defendants in a pending criminal case;
10. the amount of state criminal alien assistance funding requested and received from the federal government; and
11. the number of individuals for whom civil immigration detainers were not honored pursuant to subdivision b of this section.`,
    url: LEGISTAR.LL62_2011,
    verification: 'verbatim',
  }),
  clause({
    id: DOC_SUBDIVISION.reporting,
    version: 'LL22/2013',
    citation: '§ 9-131(f), as amended by LL22/2013 § 3',
    title: REPORTING,
    validFrom: '2013-07-16',
    validTo: '2014-12-14',
    effective: 'Enacted 2013-03-18; in force 120 days later (LL22 § 4).',
    text: `f. Reporting. No later than September 30, 2012 and no later than September thirtieth of each year thereafter, the department shall post a report on the department website that includes the following information for the preceding twelve month period:
1. the total number of detainers lodged with the department, disaggregated to the extent possible by the reason given by federal immigration authorities for issuing the detainers, including, but not limited to, that federal immigration authorities:
i. had reason to believe that the individuals in the department’s custody are subject to removal from the United States;
ii. initiated removal proceedings and served a notice to appear or other charging document on individuals in the department’s custody;
iii. served a warrant of arrest for removal proceedings on individuals in the department’s custody; or
iv. obtained orders of deportation or removal from the United States for individuals in the department’s custody;
2. the number of individuals held pursuant to civil immigration detainers beyond the time when such individual would otherwise be released from the department’s custody, disaggregated to the extent possible by the reason given by federal immigration authorities for issuing the detainers, including, but not limited to, that federal immigration authorities:
i. had reason to believe that the individuals in the department’s custody are subject to removal from the United States;
ii. initiated removal proceedings and served a notice to appear or other charging document on individuals in the department’s custody;
iii. served a warrant of arrest for removal proceedings on individuals in the department’s custody; or
iv. obtained orders of deportation or removal from the United States for individuals in the department’s custody;
3. the number of individuals transferred to the custody of federal immigration authorities pursuant to civil immigration detainers;
4. the number of individuals transferred to the custody of federal immigration authorities pursuant to civil immigration detainers who had at least one felony conviction;
5. the number of individuals transferred to the custody of federal immigration authorities pursuant to civil immigration detainers who had at least one misdemeanor conviction but no felony convictions;
6. the number of individuals transferred to the custody of federal immigration authorities pursuant to civil immigration detainers who had no misdemeanor or felony convictions;
7. the number of individuals transferred to the custody of federal immigration authorities pursuant to civil immigration detainers subsequent to the dismissal of the criminal case that brought the individual into the department’s custody;
8. the number of individuals transferred to the custody of federal immigration authorities pursuant to civil immigration detainers who had no misdemeanor or felony convictions and had an outstanding warrant of removal issued pursuant to 8 C.F.R. 241.2; or had previously been subject to a final order of removal pursuant to 8 C.F.R. 1241.1.
9. the number of individuals transferred to the custody of federal immigration authorities pursuant to civil immigration detainers who had no misdemeanor or felony convictions and were identified as known gang members in the database of the national crime information center or a successor database maintained by the United States;
10. the number of individuals transferred to the custody of federal immigration authorities pursuant to civil immigration detainers who had no misdemeanor or felony convictions and were identified as possible matches in the terrorist screening database;
11. the number of individuals transferred to the custody of federal immigration authorities pursuant to civil immigration detainers who had no misdemeanor or felony convictions and were identified as both possible matches in the terrorist screening database and known gang members in the database of the national crime information center or a successor database maintained by the United States;
12. the number of individuals transferred to the custody of federal immigration authorities pursuant to civil immigration detainers who had no misdemeanor or felony convictions and were defendants in a pending criminal case;
13. the number of individuals transferred to the custody of federal immigration authorities pursuant to civil immigration detainers who had no misdemeanor or felony convictions and were charged with a felony or felonies in a pending covered criminal case;
14. the number of individuals transferred to the custody of federal immigration authorities pursuant to civil immigration detainers who had no misdemeanor or felony convictions and were charged solely with a misdemeanor or misdemeanors in a pending covered criminal case;
15. the amount of state criminal alien assistance funding requested and received from the federal government;
16. the number of individuals for whom civil immigration detainers were not honored pursuant to subdivision b of this section.; and
17. the number of individuals held pursuant to civil immigration detainers beyond the time when such individuals would otherwise have been released from the department’s custody who were not transferred to the custody of federal immigration authorities either because of the expiration of the forty-eight-hour hold period provided in 8 C.F.R. 287.7 or because federal immigration authorities disavowed an intention to assume custody.`,
    url: LEGISTAR.LL22_2013,
    verification: 'verbatim',
    note: 'Paragraph 16 ends "this section.; and" in the bill text; the stray period is kept as enacted.',
  }),
  clause({
    id: DOC_SUBDIVISION.reporting,
    version: 'LL58/2014',
    citation: '§ 9-131(f), as amended by LL58/2014 § 3',
    title: REPORTING,
    validFrom: '2014-12-14',
    validTo: '2018-01-30',
    effective: 'Enacted 2014-11-14; in force 30 days later (LL58 § 6).',
    text: `f. Reporting. No later than October 15, 2015 and no later than October fifteenth of each year thereafter, the department shall post a report on the department website that includes the following information for the preceding twelve month period ending September thirtieth:
1. the total number of civil immigration detainers lodged with the department, disaggregated to the extent possible by the reason given by federal immigration authorities for issuing detainers, including, but not limited to, that federal immigration authorities:
i. had reason to believe that the persons in the department's custody are subject to removal from the United States;
ii. initiated removal proceedings and served a notice to appear or other charging document on persons in the department's custody;
iii. served a warrant of arrest for removal proceedings on persons in the department's custody; or
iv. obtained orders of deportation or removal from the United States for persons in the department's custody;
2. the number of persons held pursuant to civil immigration detainers beyond the time when such person would otherwise be released from the department's custody, disaggregated to the extent possible by the reason given by federal immigration authorities for issuing the detainers, including, but not limited to, that federal immigration authorities:
i. had reason to believe that the persons in the department's custody are subject to removal from the United States;
ii. initiated removal proceedings and served a notice to appear or other charging document on persons in the department's custody;
iii. served a warrant of arrest for removal proceedings on persons in the department's custody; or
iv. obtained orders of deportation or removal from the United States for persons in the department's custody;
3. the number of persons transferred to the custody of federal immigration authorities pursuant to civil immigration detainers;
4. the number of persons transferred to the custody of federal immigration authorities pursuant to civil immigration detainers who had at least one conviction for a violent or serious crime;
5. the number of persons transferred to the custody of federal immigration authorities pursuant to civil immigration detainers who had no convictions for a violent or serious crime and were identified as possible matches in the terrorist screening database;
6. the amount of state criminal alien assistance funding requested and received from the federal government;
7. the number of persons for whom civil immigration detainers were not honored pursuant to subdivision b of this section; and
8. the number of persons held pursuant to civil immigration detainers beyond the time when such persons would otherwise have been released from the department's custody who were not transferred to the custody of federal immigration authorities either because of the expiration of the forty-eight-hour hold period provided in 8 C.F.R. § 287.7 or because federal immigration authorities disavowed an intention to assume custody.`,
    url: LEGISTAR.LL58_2014,
    verification: 'verbatim',
  }),
  clause({
    id: DOC_SUBDIVISION.reporting,
    version: 'LL228/2017',
    citation: '§ 9-131(f), as amended by LL228/2017 § 2',
    title: REPORTING,
    validFrom: '2018-01-30',
    effective: 'Became law 2017-12-01; in force 60 days later (LL228 § 4).',
    text: `f. Reporting. No later than September 1, 2018 and no later than September 1 of each year thereafter, the department shall post a report on the department website that includes the following information for the preceding twelve month period ending June 30:
1. the total number of civil immigration detainers lodged with the department, disaggregated to the extent possible by the reason given by federal immigration authorities for issuing detainers, including, but not limited to, that federal immigration authorities:
i. had reason to believe that the persons in the department's custody are subject to removal from the United States;
ii. initiated removal proceedings and served a notice to appear or other charging document on persons in the department's custody;
iii. served a warrant of arrest for removal proceedings on persons in the department's custody; or
iv. obtained orders of deportation or removal from the United States for persons in the department's custody;
2. the number of persons held pursuant to civil immigration detainers beyond the time when such person would otherwise be released from the department's custody, disaggregated to the extent possible by the reason given by federal immigration authorities for issuing the detainers, including, but not limited to, that federal immigration authorities:
i. had reason to believe that the persons in the department's custody are subject to removal from the United States;
ii. initiated removal proceedings and served a notice to appear or other charging document on persons in the department's custody;
iii. served a warrant of arrest for removal proceedings on persons in the department's custody; or
iv. obtained orders of deportation or removal from the United States for persons in the department's custody;
3. the number of persons transferred to the custody of federal immigration authorities pursuant to civil immigration detainers;
4. the number of persons transferred to the custody of federal immigration authorities pursuant to civil immigration detainers who had at least one conviction for a violent or serious crime;
5. the number of persons transferred to the custody of federal immigration authorities pursuant to civil immigration detainers who had no convictions for a violent or serious crime and were identified as possible matches in the terrorist screening database;
6. the amount of state criminal alien assistance funding requested and received from the federal government;
7. the number of persons for whom civil immigration detainers were not honored pursuant to subdivision b of this section;
8. the number of persons held pursuant to civil immigration detainers beyond the time when such persons would otherwise have been released from the department's custody who were not transferred to the custody of federal immigration authorities either because of the expiration of the forty-eight-hour hold period provided in 8 C.F.R. § 287.7 or because federal immigration authorities disavowed an intention to assume custody; and
9. the number of requests from federal immigration authorities concerning a person's incarceration status, release dates, court appearance dates, or any other information related to such person in the department's custody, and the number of responses honoring such requests by the department, disaggregated by:
i. the number of responses to federal immigration authorities concerning a person with no convictions for a violent or serious crime, disaggregated by the number of such responses that included incarceration status, release dates, court appearance dates, or other types of information, and whether the department facilitated the transfer of such persons to the custody of federal immigration authorities;
ii. the number of responses to federal immigration authorities concerning a person with at least one conviction for a violent or serious crime, disaggregated by the number of such responses that included incarceration status, release dates, court appearance dates, or other types of information, and whether the department facilitated the transfer of such persons to the custody of federal immigration authorities; and
iii. the number of responses to federal immigration authorities concerning a person with no convictions for a violent or serious crime who was identified as a possible match in the terrorist screening database, disaggregated by the number of such responses that included incarceration status, release dates, court appearance dates, or other types of information, and whether the department facilitated the transfer of such persons to the custody of federal immigration authorities.`,
    url: LEGISTAR.LL228_2017,
    verification: 'verbatim',
    note:
      'Paragraph 9 is new: LL228 § 4 requires it "only for periods beginning on the effective ' +
      'date of this local law", 2018-01-30.',
  }),
];

const FEDERAL_OFFICE_VERSIONS = [
  notInForce({
    id: DOC_SUBDIVISION.federalOffice,
    citation: '§ 9-131(h)(2)',
    title: FEDERAL_OFFICE,
    validTo: '2015-02-12',
    reason: 'subdivision h was added by LL58/2014 § 4, in force 2015-02-12',
    url: LEGISTAR.LL58_2014,
  }),
  clause({
    id: DOC_SUBDIVISION.federalOffice,
    version: 'LL58/2014',
    citation: '§ 9-131(h)(2), as added by LL58/2014 § 4',
    title: FEDERAL_OFFICE,
    validFrom: '2015-02-12',
    validTo: '2026-01-29',
    effective: 'Enacted 2014-11-14; § 4 in force 90 days later (LL58 § 7).',
    text: `2. Federal immigration authorities shall not be permitted to maintain an office or quarters on land over which the department exercises jurisdiction, for the purpose of investigating possible violations of civil immigration law; provided, however, that the mayor may, by executive order, authorize federal immigration authorities to maintain an office or quarters on such land for purposes unrelated to the enforcement of civil immigration laws.`,
    url: LEGISTAR.LL58_2014,
    verification: 'verbatim',
    note:
      'Executive Order 50 (2025) relied on the proviso to allow an office on Rikers Island; a ' +
      'state court held the order void (nyc.md § 4.3).',
  }),
  clause({
    id: DOC_SUBDIVISION.federalOffice,
    version: 'LL63/2026',
    citation: '§ 9-131(h)(2), as amended by LL63/2026 § 3',
    title: FEDERAL_OFFICE,
    validFrom: '2026-01-29',
    effective: LL63,
    text: `2. Federal immigration authorities shall not be permitted to maintain an office or quarters on land over which the department exercises jurisdiction, for any purpose.`,
    url: LEGISTAR.LL63_2026,
    verification: 'verbatim',
    note: 'The executive-order proviso is deleted: no office "for any purpose".',
  }),
];

export const DOC_SUBDIVISION_PROVISIONS: readonly Provision[] = Object.freeze(
  [...NO_CONFLICT_VERSIONS, ...REPORTING_VERSIONS, ...FEDERAL_OFFICE_VERSIONS].map((version) => ({
    clause: version,
  })),
);
