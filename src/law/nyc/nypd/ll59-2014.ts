/**
 * Local Law 59 of 2014 (Int 487-A), rewriting NYPD § 14-154. Enacted 2014-11-14; in force 30
 * days later, 2014-12-14 (LL59 § 3). Text: nyc.md § 2.5, final A text; deleted (bracketed)
 * matter omitted. Subdivision b(2) is NYPD's own: a 48-hour hold without a judicial warrant for
 * a person ever convicted of a violent or serious crime who re-entered after removal, or a
 * possible terrorist-watch-list match, with no release notification unless a warrant arrives.
 * @module
 */
import { clause } from '../../../engine/clause.js';
import { all, any } from '../../../engine/condition.js';
import type { Provision } from '../../../engine/jurisdiction.js';
import { actionRule } from '../../../engine/rule.js';
import { FEDERAL_HOLD_LIMIT } from '../../federal/detainer-regulation.js';
import { CRIME_LIST_SOURCE } from '../../new-york/violent-or-serious-crimes.js';
import { judicialWarrant, recordedFlag } from '../record-facts.js';
import { LEGISTAR, SEARCH_COURT_OR_GOVERNMENT } from '../sources.js';
import { convictedOfViolentOrSeriousCrime } from '../violent-or-serious-conviction.js';
import { CLAUSE } from './clause-ids.js';

const VERSION = 'LL59/2014';
const EFFECTIVE = 'Enacted 2014-11-14; in force 30 days later (LL59 § 3).';
const FROM = '2014-12-14';

const CONVICTION = clause({
  id: CLAUSE.conviction,
  version: VERSION,
  citation: '§ 14-154(a)(2), as amended by LL59/2014 § 1',
  title: '"Convicted of a violent or serious crime"',
  validFrom: FROM,
  effective: EFFECTIVE,
  text: `2. "Convicted of a violent or serious crime" shall mean a judgment pursuant to section 1.20(15) of the criminal procedure law entered on a violent or serious crime or a conviction under federal law or the law of another state that would constitute a "predicate felony conviction" pursuant to section 70.06(1)(b)(i) of the penal law provided that such conviction was for the equivalent of a violent or serious crime. A person shall not be considered convicted of a violent or serious crime if that person:
i. was adjudicated as a youthful offender, pursuant to article seven hundred twenty of the criminal procedure law, or a comparable status pursuant to federal law or the law of another state, or a juvenile delinquent, as defined by subdivision one of section 301.2 of the family court act, or a comparable status pursuant to federal law or the law of another state; or
ii. has not had a judgment pursuant to section 1.20(15) of the criminal procedure law entered against him or her on a violent or serious crime for at least five years prior to the date of the instant arrest, provided that any period of time during which the person was incarcerated for a violent or serious crime, between the time of the commission of such violent or serious crime and the instant arrest, shall be excluded in calculating such five year period and such five year period shall be extended by a period or periods equal to the time served under such incarceration, and further provided that for purposes of paragraph two of subdivision b of this section a person shall be considered convicted of a violent or serious crime if a judgment pursuant to section 1.20(15) of the criminal procedure law has ever been entered against him or her for a violent or serious crime.`,
  url: LEGISTAR.LL59_2014,
  verification: 'verbatim',
});

const JUDICIAL_WARRANT = clause({
  id: CLAUSE.judicialWarrant,
  version: VERSION,
  citation: '§ 14-154(a)(4), as added by LL59/2014 § 1',
  title: '"Judicial warrant"',
  validFrom: FROM,
  effective: EFFECTIVE,
  text: `4. "Judicial warrant" shall mean a warrant based on probable cause and issued by a judge appointed pursuant to article III of the United States constitution or a federal magistrate judge appointed pursuant to 28 U.S.C. §631, that authorizes federal immigration authorities to take into custody the person who is the subject of such warrant.`,
  url: LEGISTAR.LL59_2014,
  verification: 'verbatim',
});

const VIOLENT_OR_SERIOUS_CRIME = clause({
  id: CLAUSE.violentOrSeriousCrime,
  version: VERSION,
  citation: '§ 14-154(a)(6), as added by LL59/2014 § 1',
  title: '"Violent or serious crime": the list',
  validFrom: FROM,
  effective: EFFECTIVE,
  text: CRIME_LIST_SOURCE.text,
  url: LEGISTAR.LL59_2014,
  verification: 'verbatim',
  note:
    'Character for character the DOC list of § 9-131(a)(7) (nyc.md § 5.1), except that the NYPD ' +
    'text gives the rule-making power to the department of correction in consultation with the ' +
    'police department and has no 60-day notice to the Speaker.',
});

const HONORING = clause({
  id: CLAUSE.honoring,
  version: VERSION,
  citation: '§ 14-154(b)(1), as amended by LL59/2014 § 1',
  title: 'When the department may honor a civil immigration detainer',
  validFrom: FROM,
  effective: EFFECTIVE,
  text: `b. Prohibition on honoring a civil immigration detainer. 1. The department may only honor a civil immigration detainer by holding a person beyond the time when such person would otherwise be released from the department's custody, in addition to such reasonable time as is necessary to conduct the search specified in subparagraph (ii) of this paragraph, or by notifying federal immigration authorities of such person's release, if:
i. federal immigration authorities present the department with a judicial warrant for the detention of the person who is the subject of such civil immigration detainer at the time such civil immigration detainer is presented; and
ii. a search, conducted at or about the time when such person would otherwise be released from the department's custody, of state and federal databases, or any similar or successor databases, accessed through the New York state division of criminal justice services e-JusticeNY computer application, or any similar or successor computer application maintained by the city of New York or state of New York, indicates, or the department has been informed by a court or any other governmental entity, that such person:
A. has been convicted of a violent or serious crime, or
B. is identified as a possible match in the terrorist screening database.`,
  url: LEGISTAR.LL59_2014,
  verification: 'verbatim',
});

const FORTY_EIGHT_HOURS = clause({
  id: CLAUSE.fortyEightHourHold,
  version: VERSION,
  citation: '§ 14-154(b)(2), as added by LL59/2014 § 1',
  title: 'The 48-hour hold without a judicial warrant',
  validFrom: FROM,
  effective: EFFECTIVE,
  text: `2. Notwithstanding paragraph one of this subdivision, the department may honor a civil immigration detainer by holding an person for up to forty-eight hours, excluding Saturdays, Sundays and holidays, beyond the time when such person would otherwise be released from the department's custody, in addition to such reasonable time as is necessary to conduct the search specified in this paragraph, if a search, conducted at or about the time when such person would otherwise be released from the department's custody, of state and federal databases, or any similar or successor databases, accessed through the New York state division of criminal justice services e-JusticeNY computer application, or any similar or successor computer application maintained by the city of New York or state of New York, indicates, or the department has been informed by a court or any other governmental agency, that such person:
A. has been convicted of a violent or serious crime and has illegally re-entered the country after a previous removal or return, or
B. is identified as a possible match in the terrorist screening database;
provided, however, that if federal immigration authorities fail to present the department with a judicial warrant for such person within the period described above, such person shall be released and the department shall not notify federal immigration authorities of such person's release.`,
  url: LEGISTAR.LL59_2014,
  verification: 'verbatim',
  note:
    '"Holidays" is not defined; the phrase copies 8 C.F.R. 287.7(d), read as federal legal public ' +
    'holidays (docs/holidays.md). The hold never runs past what the detainer form itself asks for.',
});

const warrant = judicialWarrant({
  withDetainer: true,
  label:
    'Federal immigration authorities presented a judicial warrant at the time the detainer was presented',
  cites: [CLAUSE.honoring, CLAUSE.judicialWarrant],
});

const convictedWithinFiveYears = convictedOfViolentOrSeriousCrime({
  label:
    'A search or notice shows a conviction for a violent or serious crime within the look-back',
  cites: [CLAUSE.conviction, CLAUSE.violentOrSeriousCrime],
  sources: SEARCH_COURT_OR_GOVERNMENT,
  lookBack: 'five-years',
});

const convictedEver = convictedOfViolentOrSeriousCrime({
  label: 'A search or notice shows a judgment for a violent or serious crime was ever entered',
  cites: [CLAUSE.fortyEightHourHold, CLAUSE.conviction, CLAUSE.violentOrSeriousCrime],
  sources: SEARCH_COURT_OR_GOVERNMENT,
  lookBack: 'ever',
});

const watchList = (cite: string) =>
  recordedFlag({
    name: 'terroristScreeningMatch',
    label:
      'A search or notice identifies the person as a possible match in the terrorist screening database',
    question:
      'Does a search or notice identify the person as a possible match in the terrorist screening database?',
    sources: SEARCH_COURT_OR_GOVERNMENT,
    cites: [cite, CLAUSE.terroristScreeningDatabase],
  });

const reentered = recordedFlag({
  name: 'reenteredAfterRemoval',
  label:
    'A search or notice shows the person illegally re-entered after a previous removal or return',
  question:
    'Does a search or notice show the person illegally re-entered the country after a previous removal or return?',
  sources: SEARCH_COURT_OR_GOVERNMENT,
  cites: [CLAUSE.fortyEightHourHold],
});

const paragraphOne = all(
  { label: 'Both conditions of § 14-154(b)(1) hold', cites: [CLAUSE.honoring] },
  warrant,
  any(
    {
      label: 'Violent or serious crime within five years, or possible watch-list match',
      cites: [CLAUSE.honoring],
    },
    convictedWithinFiveYears,
    watchList(CLAUSE.honoring),
  ),
);

const paragraphTwo = any(
  { label: 'A condition of § 14-154(b)(2) holds', cites: [CLAUSE.fortyEightHourHold] },
  all(
    {
      label: 'Ever convicted of a violent or serious crime and re-entered after removal',
      cites: [CLAUSE.fortyEightHourHold],
    },
    convictedEver,
    reentered,
  ),
  watchList(CLAUSE.fortyEightHourHold),
);

const NOT_ALLOWED =
  'Without a judicial warrant and a violent or serious conviction or watch-list match, the department may not honor the detainer (§ 14-154(b)).';
const TRANSFER_READING =
  '§ 14-154 names two ways of honoring a detainer, holding and notifying. A transfer of custody at ' +
  'release is read as honoring it, allowed on the conditions of paragraph 1, or within a paragraph 2 ' +
  'hold once a judicial warrant is presented.';

const HONOR_WITH_WARRANT = {
  label:
    'Judicial warrant, and a violent or serious conviction or watch-list match (§ 14-154(b)(1))',
  when: paragraphOne,
};

export const LL59_PROVISIONS: readonly Provision[] = Object.freeze([
  { clause: CONVICTION },
  { clause: JUDICIAL_WARRANT },
  { clause: VIOLENT_OR_SERIOUS_CRIME },
  {
    clause: HONORING,
    decides: {
      hold: actionRule(
        {
          status: 'not-allowed',
          explanation: NOT_ALLOWED,
          cites: [CLAUSE.honoring, CLAUSE.fortyEightHourHold],
        },
        {
          ...HONOR_WITH_WARRANT,
          then: {
            status: 'allowed',
            explanation:
              'The department may hold the person past release, within the federal limit (§ 14-154(b)(1)).',
            cites: [CLAUSE.honoring],
            holdLimit: FEDERAL_HOLD_LIMIT,
          },
        },
        {
          label:
            'Re-entry after removal with a violent or serious conviction ever, or watch-list match (§ 14-154(b)(2))',
          when: paragraphTwo,
          then: {
            status: 'allowed',
            explanation:
              'Without a judicial warrant the department may hold the person for up to 48 hours, excluding Saturdays, Sundays and holidays; if no judicial warrant is presented in that time the person must be released without notice to federal immigration authorities (§ 14-154(b)(2)).',
            cites: [CLAUSE.fortyEightHourHold],
            // The same clock as the federal limit: 48 hours excluding weekends and holidays, never
            // beyond what the form asks for. Sharing it lets (b)(1) and (b)(2) agree on the outcome.
            holdLimit: FEDERAL_HOLD_LIMIT,
          },
        },
      ),
      notify: actionRule(
        {
          status: 'not-allowed',
          explanation: `${NOT_ALLOWED} Under paragraph 2 the department "shall not notify federal immigration authorities of such person's release".`,
          cites: [CLAUSE.honoring, CLAUSE.fortyEightHourHold],
        },
        {
          ...HONOR_WITH_WARRANT,
          then: {
            status: 'allowed',
            explanation:
              'The department may notify federal immigration authorities of the release (§ 14-154(b)(1)).',
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
          ...HONOR_WITH_WARRANT,
          then: {
            status: 'allowed',
            explanation:
              'The department may hand the person to federal immigration authorities at release (§ 14-154(b)(1)).',
            cites: [CLAUSE.honoring],
            interpretation: TRANSFER_READING,
          },
        },
      ),
    },
  },
  { clause: FORTY_EIGHT_HOURS },
]);
