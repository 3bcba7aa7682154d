/**
 * Local Law 58 of 2014 (Int 486-A), amending DOC § 9-131: the "violent or serious crime" regime.
 * Enacted 2014-11-14. §§ 1-3 and 5 took effect 30 days later (2014-12-14); § 4, the new
 * subdivision h, 90 days later (2015-02-12) (LL58 §§ 6-7). Text: nyc.md § 2.4, final A text;
 * deleted (bracketed) matter omitted.
 * @module
 */
import { clause } from '../../../engine/clause.js';
import { all, any, not } from '../../../engine/condition.js';
import type { Provision } from '../../../engine/jurisdiction.js';
import { actionRule } from '../../../engine/rule.js';
import { FEDERAL_HOLD_LIMIT } from '../../federal/detainer-regulation.js';
import { CRIME_LIST_SOURCE } from '../../new-york/violent-or-serious-crimes.js';
import { itemIs, judicialWarrant, recordedFlag } from '../record-facts.js';
import { ANY_KNOWN_SOURCE, LEGISTAR, SEARCH_COURT_OR_GOVERNMENT } from '../sources.js';
import { convictedOfViolentOrSeriousCrime } from '../violent-or-serious-conviction.js';
import { federalImmigrationAuthority } from './terms.js';
import { CLAUSE } from './clause-ids.js';
import { informationUnrelatedOrRequired } from '../information-facts.js';

const VERSION = 'LL58/2014';
const ENACTED = 'Enacted 2014-11-14; in force 30 days later (LL58 § 6).';

export const CONVICTION = clause({
  id: CLAUSE.conviction,
  version: VERSION,
  citation: '§ 9-131(a)(2), as amended by LL58/2014 § 1',
  title: '"Convicted of a violent or serious crime"',
  validFrom: '2014-12-14',
  effective: ENACTED,
  text: `2. "Convicted of a violent or serious crime" shall mean a judgment pursuant to section 1.20(15) of the criminal procedure law entered on a violent or serious crime or a conviction under federal law or the law of another state that would constitute a "predicate felony conviction" under section 70.06(1)(b)(i) of the penal law provided that such conviction was for the equivalent of a violent or serious crime. A person shall not be considered convicted of a violent or serious crime if that person:
i. was adjudicated as a youthful offender, pursuant to article seven hundred twenty of the criminal procedure law, or a comparable status pursuant to federal law or the law of another state, or a juvenile delinquent, as defined by subdivision one of section 301.2 of the family court act, or a comparable status pursuant to federal law or the law of another state; or
ii. has not had a judgment pursuant to section 1.20(15) of the criminal procedure law entered against him or her on a violent or serious crime for at least five years prior to the date of the instant arrest, provided that any period of time during which the person was incarcerated for a violent or serious crime, between the time of the commission of such violent or serious crime and the instant arrest, shall be excluded in calculating such five year period and such five year period shall be extended by a period or periods equal to the time served under such incarceration.`,
  url: LEGISTAR.LL58_2014,
  verification: 'verbatim',
  note:
    'A federal or other-state conviction counts only with a legal reviewer’s recorded finding ' +
    'that it is a PL 70.06(1)(b)(i) predicate felony equivalent to a listed crime. A judgment ' +
    'exactly five years before the arrest is outside the look-back ("at least five years").',
});

export const JUDICIAL_WARRANT = clause({
  id: CLAUSE.judicialWarrant,
  version: VERSION,
  citation: '§ 9-131(a)(5), as added by LL58/2014 § 1',
  title: '"Judicial warrant"',
  validFrom: '2014-12-14',
  effective: ENACTED,
  text: `5. "Judicial warrant" shall mean a warrant based on probable cause and issued by a judge appointed pursuant to article III of the United States constitution or a federal magistrate judge appointed pursuant to 28 U.S.C. §631, that authorizes federal immigration authorities to take into custody the person who is the subject of such warrant.`,
  url: LEGISTAR.LL58_2014,
  verification: 'verbatim',
});

export const VIOLENT_OR_SERIOUS_CRIME = clause({
  id: CLAUSE.violentOrSeriousCrime,
  version: VERSION,
  citation: '§ 9-131(a)(7), as added by LL58/2014 § 1',
  title: '"Violent or serious crime": the list',
  validFrom: '2014-12-14',
  effective: ENACTED,
  text: CRIME_LIST_SOURCE.text,
  url: LEGISTAR.LL58_2014,
  verification: 'verbatim',
  note:
    'Sections the state later repealed (PL 125.40, 125.45 in 2019; 130.40-130.50 in 2024) still ' +
    'count for judgments entered while they stood. Offences the DOC reportedly added by rule in ' +
    '2019 are not verified and go to a legal reviewer (src/law/new-york/violent-or-serious-crimes.ts).',
});

export const HONORING = clause({
  id: CLAUSE.honoring,
  version: VERSION,
  citation: '§ 9-131(b), as amended by LL58/2014 § 2',
  title: 'When the department may honor a civil immigration detainer',
  validFrom: '2014-12-14',
  effective: ENACTED,
  text: `b. Prohibition on honoring a civil immigration detainer. 1. The department may only honor a civil immigration detainer by holding a person beyond the time when such person would otherwise be released from the department's custody, in addition to such reasonable time as is necessary to conduct the search specified in subparagraph (ii) of this paragraph, or by notifying federal immigration authorities of such person's release, if:
i. federal immigration authorities present the department with a judicial warrant for the detention of the person who is the subject of such civil immigration detainer at the time such civil immigration detainer is presented; and
ii. a search, conducted at or about the time when such individual would otherwise be released from the department's custody, of state and federal databases, or any similar or successor databases, accessed through the New York state division of criminal justice services e-JusticeNY computer application, or any similar or successor computer application maintained by the city of New York or state of New York, indicates, or the department has been informed by a court or any other governmental entity, that such person:
A. has been convicted of a violent or serious crime, or
B. is identified as a possible match in the terrorist screening database.
2. Nothing in this section shall affect the obligation of the department to maintain the confidentiality of any information obtained pursuant to paragraph one of this subdivision.`,
  url: LEGISTAR.LL58_2014,
  verification: 'verbatim',
});

export const INFORMATION = clause({
  id: CLAUSE.information,
  version: VERSION,
  citation: '§ 9-131(h)(1), as added by LL58/2014 § 4',
  title: 'Department time and resources for answering federal immigration inquiries',
  validFrom: '2015-02-12',
  effective: 'Enacted 2014-11-14; § 4 in force 90 days later (LL58 § 7).',
  text: `h. Use of city land or facilities by federal immigration authorities and access to persons in custody. 1. Department personnel shall not expend time while on duty or department resources of any kind disclosing information that belongs to the department and is available to them only in their official capacity, in response to federal immigration inquiries or in communicating with federal immigration authorities regarding any person's incarceration status, release dates, court appearance dates, or any other information related to persons in the department's custody, other than information related to a person's citizenship or immigration status, unless such response or communication:
(i) relates to a person convicted of a violent or serious crime or identified as a possible match in the terrorist screening database;
(ii) is unrelated to the enforcement of civil immigration laws; or
(iii) is otherwise required by law.`,
  url: LEGISTAR.LL58_2014,
  verification: 'verbatim',
});

const warrant = judicialWarrant({
  withDetainer: true,
  label:
    'Federal immigration authorities presented a judicial warrant at the time the detainer was presented',
  cites: [CLAUSE.honoring, CLAUSE.judicialWarrant],
});

const convicted = convictedOfViolentOrSeriousCrime({
  label:
    'A search or notice shows a conviction for a violent or serious crime within the look-back',
  cites: [CLAUSE.conviction, CLAUSE.violentOrSeriousCrime],
  sources: SEARCH_COURT_OR_GOVERNMENT,
  lookBack: 'five-years',
});

const terrorWatch = recordedFlag({
  name: 'terroristScreeningMatch',
  label:
    'A search or notice identifies the person as a possible match in the terrorist screening database',
  question:
    'Does a search or notice identify the person as a possible match in the terrorist screening database?',
  sources: SEARCH_COURT_OR_GOVERNMENT,
  cites: [CLAUSE.honoring, CLAUSE.terroristScreeningDatabase],
});

const mayHonor = all(
  { label: 'Both conditions of § 9-131(b)(1) hold', cites: [CLAUSE.honoring] },
  warrant,
  any(
    {
      label: 'Violent or serious crime, or possible terrorist-watch-list match',
      cites: [CLAUSE.honoring],
    },
    convicted,
    terrorWatch,
  ),
);

const TRANSFER_READING =
  '§ 9-131 names two ways of honoring a detainer, holding and notifying. A transfer of custody to ' +
  'federal immigration authorities at release is read as honoring it, allowed on the same conditions.';

const NOT_ALLOWED =
  'The department may only honor a detainer with a judicial warrant and a violent or serious conviction or a possible terrorist-watch-list match (§ 9-131(b)(1)).';

export const HONORING_PROVISION: Provision = Object.freeze({
  clause: HONORING,
  decides: {
    hold: actionRule(
      { status: 'not-allowed', explanation: NOT_ALLOWED, cites: [CLAUSE.honoring] },
      {
        label:
          'Judicial warrant, and a violent or serious conviction or watch-list match (§ 9-131(b)(1)(i)-(ii))',
        when: mayHonor,
        then: {
          status: 'allowed',
          explanation:
            'The department may hold the person past release, within the federal limit (§ 9-131(b)(1)).',
          cites: [CLAUSE.honoring],
          holdLimit: FEDERAL_HOLD_LIMIT,
        },
      },
    ),
    notify: actionRule(
      { status: 'not-allowed', explanation: NOT_ALLOWED, cites: [CLAUSE.honoring] },
      {
        label:
          'Judicial warrant, and a violent or serious conviction or watch-list match (§ 9-131(b)(1)(i)-(ii))',
        when: mayHonor,
        then: {
          status: 'allowed',
          explanation:
            'The department may notify federal immigration authorities of the release (§ 9-131(b)(1)).',
          cites: [CLAUSE.honoring],
        },
      },
    ),
    transfer: actionRule(
      {
        status: 'not-allowed',
        explanation: NOT_ALLOWED,
        cites: [CLAUSE.honoring],
        interpretation: TRANSFER_READING,
      },
      {
        label:
          'Judicial warrant, and a violent or serious conviction or watch-list match (§ 9-131(b)(1)(i)-(ii))',
        when: mayHonor,
        then: {
          status: 'allowed',
          explanation:
            'The department may hand the person to federal immigration authorities at release (§ 9-131(b)(1)).',
          cites: [CLAUSE.honoring],
          interpretation: TRANSFER_READING,
        },
      },
    ),
  },
});

const informationConvicted = convictedOfViolentOrSeriousCrime({
  label: 'The person is convicted of a violent or serious crime',
  cites: [CLAUSE.information, CLAUSE.conviction, CLAUSE.violentOrSeriousCrime],
  sources: ANY_KNOWN_SOURCE,
  lookBack: 'five-years',
});

const informationWatchList = recordedFlag({
  name: 'terroristScreeningMatch',
  label: 'The person is identified as a possible match in the terrorist screening database',
  question: 'Is the person identified as a possible match in the terrorist screening database?',
  sources: ANY_KNOWN_SOURCE,
  cites: [CLAUSE.information, CLAUSE.terroristScreeningDatabase],
});

export const INFORMATION_PROVISION: Provision = Object.freeze({
  clause: INFORMATION,
  decides: {
    information: actionRule(
      {
        status: 'not-allowed',
        explanation:
          'Department personnel may not spend time or resources answering this federal immigration inquiry (§ 9-131(h)(1)).',
        cites: [CLAUSE.information],
      },
      {
        label: 'Information related to citizenship or immigration status is outside § 9-131(h)(1)',
        when: itemIs('The request asks only for citizenship or immigration status', [
          'citizenship-or-immigration-status',
        ]),
        then: {
          status: 'allowed',
          explanation:
            'Citizenship and immigration-status information is excepted from § 9-131(h)(1).',
          cites: [CLAUSE.information],
        },
      },
      {
        label: 'The requester is not a federal immigration authority',
        when: not(
          {
            label: 'The requester is not a "federal immigration authority"',
            cites: [CLAUSE.information],
          },
          federalImmigrationAuthority,
        ),
        then: {
          status: 'allowed',
          explanation:
            '§ 9-131(h)(1) governs only communications with federal immigration authorities.',
          cites: [CLAUSE.information],
        },
      },
      {
        label: 'An exception of § 9-131(h)(1)(i)-(iii) applies',
        when: any(
          {
            label:
              'Violent or serious conviction, watch-list match, unrelated to civil immigration enforcement, or required by law',
            cites: [CLAUSE.information],
          },
          informationConvicted,
          informationWatchList,
          ...informationUnrelatedOrRequired([CLAUSE.information]),
        ),
        then: {
          status: 'allowed',
          explanation: 'An exception in § 9-131(h)(1)(i)-(iii) permits the response.',
          cites: [CLAUSE.information],
        },
      },
    ),
  },
});

export const LL58_PROVISIONS: readonly Provision[] = Object.freeze([
  { clause: CONVICTION },
  { clause: JUDICIAL_WARRANT },
  { clause: VIOLENT_OR_SERIOUS_CRIME },
  HONORING_PROVISION,
  INFORMATION_PROVISION,
]);
