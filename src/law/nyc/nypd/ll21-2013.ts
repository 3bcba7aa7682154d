/**
 * Local Law 21 of 2013 (Int 982-A), adding NYPD § 14-154. Enacted 2013-03-18; in force 120 days
 * later, 2013-07-16 (LL21 § 2). Text: nyc.md § 2.2, the final A text, with runs of spaces written
 * as one space. The section copies DOC § 9-131 as amended the same day by Local Law 22 of 2013,
 * in "person" for "individual": it forbids honoring a detainer, by holding or by notifying,
 * unless a search or a court shows a covered-crime conviction, a pending covered criminal case, a
 * criminal warrant, a gang-database or watch-list entry, or a search or federal immigration
 * authorities show a removal warrant or order. Local Law 59 of 2014 rewrote the section from
 * 2014-12-14 and deleted the covered-crime definitions; the definition of "terrorist screening
 * database" and subdivision c carried on unchanged.
 * @module
 */
import { clause } from '../../../engine/clause.js';
import type { Provision } from '../../../engine/jurisdiction.js';
import {
  convictedOfCoveredCrime,
  defendantInPendingCoveredCriminalCase,
  SEARCH_OR_COURT,
} from '../covered-crime.js';
import {
  noConferralCaution,
  paragraphTwo,
  prohibitionUnlessParagraphTwo,
} from '../doc/ll62-2011.js';
import { LEGISTAR } from '../sources.js';
import { CLAUSE } from './clause-ids.js';

const VERSION = 'LL21/2013';
const EFFECTIVE = 'Enacted 2013-03-18; in force 120 days later (LL21 § 2).';
const FROM = '2013-07-16';
/** LL59/2014 § 1 rewrote the section on this day. */
const REPLACED = '2014-12-14';

const CONVICTION = clause({
  id: CLAUSE.conviction,
  version: VERSION,
  citation: '§ 14-154(a)(2), as added by LL21/2013 § 1',
  title: '"Convicted of a covered crime"',
  validFrom: FROM,
  validTo: REPLACED,
  effective: EFFECTIVE,
  text: `2. “Convicted of a covered crime” shall mean a final judgment of guilt entered on a covered crime, including a conditional discharge pursuant to section 410.10 of the criminal procedure law, or a comparable provision of federal law or the law of another state. A person shall not be considered convicted of a covered crime if that person:
i. was adjudicated as a youthful offender, pursuant to article seven hundred twenty of the criminal procedure law, or a comparable status pursuant to federal law or the law of another state, or a juvenile delinquent, as defined by subdivision one of section 301.2 of the family court act, or a comparable status pursuant to federal law or the law of another state; or
ii. has never had a final judgment of guilt entered against him or her on a felony and has not had a final judgment of guilt entered against him or her on a misdemeanor that is a covered crime for at least ten years prior to the date of the instant arrest.`,
  url: LEGISTAR.LL21_2013,
  verification: 'verbatim',
  note:
    'A judgment exactly ten years before the instant arrest is outside the look-back ("at least ' +
    'ten years"). A felony judgment at any time keeps every covered-crime judgment counting.',
});

const COVERED_CRIME = clause({
  id: CLAUSE.coveredCrime,
  version: VERSION,
  citation: '§ 14-154(a)(3), as added by LL21/2013 § 1',
  title: '"Covered crime"',
  validFrom: FROM,
  validTo: REPLACED,
  effective: EFFECTIVE,
  text: `3. “Covered crime” shall mean a misdemeanor or felony charge brought in any of the criminal courts of the state of New York, as defined in section 10.10 of the criminal procedure law, or any other court of competent jurisdiction in the United States, provided, however, that a charge brought pursuant to section 230.00 of the penal law, section 240.37 of the penal law, except when such charge relates to the patronizing of a prostitute, or subdivision one or subparagraph (i) or (iv) of paragraph (a) of subdivision two of section five hundred eleven of the vehicle and traffic law, or a comparable provision of federal law or the law of another state, shall not be deemed a covered crime.`,
  url: LEGISTAR.LL21_2013,
  verification: 'verbatim',
  note:
    'The record does not say what a PL 240.37 charge related to, so a legal reviewer decides it. ' +
    'A federal or other-state misdemeanour is comparable to an excluded provision only by a legal ' +
    'reviewer’s recorded equivalence; a felony is never comparable, as every excluded provision ' +
    'is a misdemeanour or a violation.',
});

const COVERED_CRIMINAL_CASE = clause({
  id: CLAUSE.coveredCriminalCase,
  version: VERSION,
  citation: '§ 14-154(a)(4), as added by LL21/2013 § 1',
  title: '"Covered criminal case"',
  validFrom: FROM,
  validTo: REPLACED,
  effective: EFFECTIVE,
  text: `4. “Covered criminal case” shall mean a case in any of the criminal courts of the state of New York, as defined in section 10.10 of the criminal procedure law, or any other court of competent jurisdiction in the United States, excluding the family court of the state of New York or a comparable court in another jurisdiction in the United States, where any felony charge, or a misdemeanor charge pursuant to any of the following provisions, or a comparable provision of federal law or the law of another state, is pending:
A. section 120.00 of the penal law, unless the defendant is ordered by the court to be released for failure to replace the misdemeanor complaint with an information pursuant to section 170.70 of the criminal procedure law;
B. article one hundred thirty of the penal law;
C. section 265.01 of the penal law, provided that such charge relates to possession of a firearm, rifle, shotgun, bullet or ammunition;
D. section 215.50 of the penal law, unless the defendant is ordered by the court to be released for failure to replace the misdemeanor complaint with an information pursuant to section 170.70 of the criminal procedure law; or
E. article thirty-one of the vehicle and traffic law.`,
  url: LEGISTAR.LL21_2013,
  verification: 'verbatim',
  note:
    'VTL article 31 is read as VTL §§ 1190-1199. An attempt, conspiracy or solicitation to commit ' +
    'a listed misdemeanour goes to a legal reviewer.',
});

const PENDING_CASE = clause({
  id: CLAUSE.pendingCase,
  version: VERSION,
  citation: '§ 14-154(a)(6), as added by LL21/2013 § 1',
  title: '"Pending covered criminal case"',
  validFrom: FROM,
  validTo: REPLACED,
  effective: EFFECTIVE,
  text: `6. (i) “Pending covered criminal case” shall mean a covered criminal case where judgment has not been entered.
(ii) Notwithstanding anything to the contrary in subparagraph i of this paragraph, any person who is a defendant in more than one case where judgment has not been entered and where a covered crime is charged, shall be deemed to be a defendant in a pending covered criminal case.
(iii) Any person whose case is disposed of with an adjournment in contemplation of dismissal pursuant to section 170.55 or 170.56 of the criminal procedure law, or a comparable provision of federal law or the law of another state, shall not be deemed to be a defendant in a pending covered criminal case, or a case in which a covered crime is charged for purposes of subparagraph ii of this paragraph.
(iv) Any person who has been sentenced to conditional discharge pursuant to section 410.10 of the criminal procedure law, or a comparable provision of federal law or the law of another state, shall not be deemed to be a defendant in a pending covered criminal case, or a case in which a covered crime is charged for purposes of subparagraph ii of this paragraph.
(v) Any person who, if convicted, must be found by the court to be a youthful offender, pursuant to paragraph (b) of subdivision one of section 720.20 of the criminal procedure law, or a comparable status pursuant to federal law or the law of another state, shall not be deemed to be a defendant in a pending covered criminal case.`,
  url: LEGISTAR.LL21_2013,
  verification: 'verbatim',
  note:
    'Subparagraph (v) is read per case and against subparagraph (ii) too: (ii) deems the person ' +
    '"a defendant in a pending covered criminal case", which (v) says such a person shall not be ' +
    'deemed.',
});

const TERRORIST_SCREENING_DATABASE = clause({
  id: CLAUSE.terroristScreeningDatabase,
  version: VERSION,
  citation: '§ 14-154(a)(7), as added by LL21/2013 § 1 (renumbered (a)(5) by LL59/2014 § 1)',
  title: '"Terrorist screening database"',
  validFrom: FROM,
  effective: EFFECTIVE,
  text: `7. “Terrorist screening database” shall mean the United States terrorist watch list or any similar or successor list maintained by the United States.`,
  url: LEGISTAR.LL21_2013,
  verification: 'verbatim',
  note: 'LL59/2014 renumbered the paragraph without changing its words.',
});

const NO_CONFERRAL = clause({
  id: CLAUSE.noConferral,
  version: VERSION,
  citation: '§ 14-154(c), as added by LL21/2013 § 1',
  title: 'No conferral of authority',
  validFrom: FROM,
  effective: EFFECTIVE,
  text: `c. No conferral of authority. Nothing in this section shall be construed to confer any authority on any entity to hold persons on civil immigration detainers beyond the authority, if any, that existed prior to the enactment of this section.`,
  url: LEGISTAR.LL21_2013,
  verification: 'verbatim',
  note: 'LL59/2014 re-enacted subdivision c unchanged.',
});

const HONORING = clause({
  id: CLAUSE.honoring,
  version: VERSION,
  citation: '§ 14-154(b), as added by LL21/2013 § 1',
  title: 'Prohibition on honoring a civil immigration detainer',
  validFrom: FROM,
  validTo: REPLACED,
  effective: EFFECTIVE,
  text: `b. Prohibition on honoring a civil immigration detainer. 1. The department shall not honor a civil immigration detainer by:
(i) holding a person beyond the time when such person would otherwise be released from the department’s custody, except for such reasonable time as is necessary to conduct the search specified in paragraph two of this subdivision, or
(ii) notifying federal immigration authorities of such person’s release.
2. Paragraph one of this subdivision shall not apply under any of the following circumstances:
(i) A search, conducted at or about the time when such person would otherwise be released from the department’s custody, of state and federal databases, or any similar or successor databases, accessed through the New York state division of criminal justice services e-JusticeNY computer application, or any similar or successor computer application maintained by the city of New York or state of New York, indicates, or the department has been informed by a court, that such person:
A. has been convicted of a covered crime;
B. is a defendant in a pending covered criminal case;
C. has an outstanding criminal warrant in the state of New York or another jurisdiction in the United States;
D. is identified as a known gang member in the database of the national crime information center or any similar or successor database maintained by the United States; or
E. is identified as a possible match in the terrorist screening database.
(ii) The search conducted pursuant to subparagraph i of this paragraph indicates, or the department has been informed by federal immigration authorities, that such person:
A. has an outstanding warrant of removal issued pursuant to 8 C.F.R. 241.2; or
B. is or has previously been subject to a final order of removal pursuant to 8 C.F.R. 1241.1.
3. Nothing in this section shall affect the obligation of the department to maintain the confidentiality of any information obtained pursuant to paragraph two of this subdivision.`,
  url: LEGISTAR.LL21_2013,
  verification: 'verbatim',
});

const LL59 = 'Enacted 2014-11-14; in force 30 days later (LL59 § 3).';
const REPEALED_TEXT = '(Repealed by Local Law 59 of 2014, § 1, in force 2014-12-14.)';

function repealed(id: string, citation: string, title: string) {
  return clause({
    id,
    version: 'repealed by LL59/2014',
    citation,
    title,
    validFrom: REPLACED,
    effective: LL59,
    text: REPEALED_TEXT,
    url: LEGISTAR.LL59_2014,
    verification: 'verbatim',
  });
}

/** Where the definitions leave room; see covered-crime.ts. */
const READINGS =
  'A judgment exactly ten years before the instant arrest is outside the ten years ' +
  '(§ 14-154(a)(2)(ii)); VTL article 31 is read as VTL §§ 1190-1199 (§ 14-154(a)(4)(E)); a ' +
  'case in which the court must find the person a youthful offender counts under neither ' +
  '§ 14-154(a)(6)(i) nor (ii); a federal or other-state felony is never comparable to an ' +
  'excluded provision (§ 14-154(a)(3)).';

const convicted = convictedOfCoveredCrime({
  label: 'An e-JusticeNY search or a court shows the person has been convicted of a covered crime',
  cites: [CLAUSE.honoring, CLAUSE.conviction, CLAUSE.coveredCrime],
  sources: SEARCH_OR_COURT,
});

const pending = defendantInPendingCoveredCriminalCase({
  label:
    'An e-JusticeNY search or a court shows the person is a defendant in a pending covered criminal case',
  cites: [CLAUSE.honoring, CLAUSE.pendingCase, CLAUSE.coveredCriminalCase, CLAUSE.coveredCrime],
  sources: SEARCH_OR_COURT,
});

export const LL21_PROVISIONS: readonly Provision[] = Object.freeze([
  { clause: CONVICTION },
  { clause: COVERED_CRIME },
  { clause: COVERED_CRIMINAL_CASE },
  { clause: PENDING_CASE },
  { clause: TERRORIST_SCREENING_DATABASE },
  {
    clause: NO_CONFERRAL,
    cautions: [noConferralCaution('nyc-14-154-c-no-conferral', CLAUSE.noConferral, '§ 14-154')],
  },
  {
    clause: HONORING,
    decides: prohibitionUnlessParagraphTwo({
      section: '§ 14-154',
      honoring: CLAUSE.honoring,
      readings: READINGS,
      applies: paragraphTwo({
        section: '§ 14-154',
        honoring: CLAUSE.honoring,
        terroristScreeningDatabase: CLAUSE.terroristScreeningDatabase,
        shownBy: 'An e-JusticeNY search or a court',
        sources: SEARCH_OR_COURT,
        convicted,
        pending,
      }),
    }),
  },
  {
    clause: repealed(
      CLAUSE.coveredCrime,
      '§ 14-154(a)(3), repealed by LL59/2014 § 1',
      '"Covered crime"',
    ),
  },
  {
    clause: repealed(
      CLAUSE.coveredCriminalCase,
      '§ 14-154(a)(4), repealed by LL59/2014 § 1',
      '"Covered criminal case"',
    ),
  },
  {
    clause: repealed(
      CLAUSE.pendingCase,
      '§ 14-154(a)(6), repealed by LL59/2014 § 1',
      '"Pending covered criminal case"',
    ),
  },
]);
