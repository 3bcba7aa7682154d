/**
 * Local Law 22 of 2013 (Int 989-A), amending DOC § 9-131: "covered crime", "covered criminal
 * case", the ten-year rule, and notice from a court. Enacted 2013-03-18; in force 120 days later,
 * 2013-07-16 (LL22 § 4). Text: nyc.md § 2.3, the final A text, with deleted (bracketed) matter
 * and the old paragraph numbers omitted and runs of spaces written as one space.
 *
 * LL22 § 1 re-enacted all of subdivision a, so its definitions are quoted as enacted. LL22 § 2
 * replaced only subparagraph (b)(2)(i); the rest of subdivision b is LL62's text, so subdivision b
 * as amended is a reconstruction. Local Law 58 of 2014 § 1 deleted "covered crime", "covered
 * criminal case" and "pending covered criminal case" from 2014-12-14.
 * @module
 */
import { clause } from '../../../engine/clause.js';
import type { Provision } from '../../../engine/jurisdiction.js';
import {
  convictedOfCoveredCrime,
  defendantInPendingCoveredCriminalCase,
  SEARCH_OR_COURT,
} from '../covered-crime.js';
import { LEGISTAR } from '../sources.js';
import { CLAUSE } from './clause-ids.js';
import { paragraphTwo, prohibitionUnlessParagraphTwo } from './ll62-2011.js';

const VERSION = 'LL22/2013';
const EFFECTIVE = 'Enacted 2013-03-18; in force 120 days later (LL22 § 4).';
const FROM = '2013-07-16';
/** LL58/2014 §§ 1-2 replaced or deleted these clauses on this day. */
const REPLACED = '2014-12-14';

export const CONVICTION = clause({
  id: CLAUSE.conviction,
  version: VERSION,
  citation: '§ 9-131(a)(2), as amended by LL22/2013 § 1',
  title: '"Convicted of a covered crime"',
  validFrom: FROM,
  validTo: REPLACED,
  effective: EFFECTIVE,
  text: `2. “Convicted of a covered crime” shall mean a final judgment of guilt entered on a covered crime, including a conditional discharge pursuant to section 410.10 of the criminal procedure law, or a comparable provision of federal law or the law of another state. An individual shall not be considered convicted of a covered crime if that individual:
i. was adjudicated as a youthful offender, pursuant to article seven hundred twenty of the criminal procedure law, or a comparable status pursuant to federal law or the law of another state, or a juvenile delinquent, as defined by subdivision one of section 301.2 of the family court act, or a comparable status pursuant to federal law or the law of another state; or
ii. has never had a final judgment of guilt entered against him or her on a felony and has not had a final judgment of guilt entered against him or her on a misdemeanor that is a covered crime for at least ten years prior to the date of the instant arrest.`,
  url: LEGISTAR.LL22_2013,
  verification: 'verbatim',
  note:
    'A judgment exactly ten years before the instant arrest is outside the look-back ("at least ' +
    'ten years"). A felony judgment at any time keeps every covered-crime judgment counting.',
});

export const COVERED_CRIME = clause({
  id: CLAUSE.coveredCrime,
  version: VERSION,
  citation: '§ 9-131(a)(3), as added by LL22/2013 § 1',
  title: '"Covered crime"',
  validFrom: FROM,
  validTo: REPLACED,
  effective: EFFECTIVE,
  text: `3. “Covered crime” shall mean a misdemeanor or felony charge brought in any of the criminal courts of the state of New York, as defined in section 10.10 of the criminal procedure law, or any other court of competent jurisdiction in the United States, provided, however, that a charge brought pursuant to section 230.00 of the penal law, section 240.37 of the penal law, except when such charge relates to the patronizing of a prostitute, or subdivision one or subparagraph (i) or (iv) of paragraph (a) of subdivision two of section five hundred eleven of the vehicle and traffic law, or a comparable provision of federal law or the law of another state, shall not be deemed a covered crime.`,
  url: LEGISTAR.LL22_2013,
  verification: 'verbatim',
  note:
    'The record does not say what a PL 240.37 charge related to, so a legal reviewer decides it. ' +
    'A federal or other-state misdemeanour is comparable to an excluded provision only by a legal ' +
    'reviewer’s recorded equivalence; a felony is never comparable, as every excluded provision ' +
    'is a misdemeanour or a violation.',
});

export const COVERED_CRIMINAL_CASE = clause({
  id: CLAUSE.coveredCriminalCase,
  version: VERSION,
  citation: '§ 9-131(a)(4), as added by LL22/2013 § 1',
  title: '"Covered criminal case"',
  validFrom: FROM,
  validTo: REPLACED,
  effective: EFFECTIVE,
  text: `4. “Covered criminal case” shall mean a case in any of the criminal courts of the state of New York, as defined in section 10.10 of the criminal procedure law, or any other court of competent jurisdiction in the United States, excluding the family court of the state of New York or a comparable court in another jurisdiction in the United States, where any felony charge, or a misdemeanor charge pursuant to any of the following provisions, or a comparable provision of federal law or the law of another state, is pending.
A. section 120.00 of the penal law, unless the defendant is ordered by the court to be released for failure to replace the misdemeanor complaint with an information pursuant to section 170.70 of the criminal procedure law;
B. article one hundred thirty of the penal law;
C. section 265.01 of the penal law, provided that such charge relates to possession of a firearm, rifle, shotgun, bullet or ammunition;
D. section 215.50 of the penal law, unless the defendant is ordered by the court to be released for failure to replace the misdemeanor complaint with an information pursuant to section 170.70 of the criminal procedure law; or
E. article thirty-one of the vehicle and traffic law.`,
  url: LEGISTAR.LL22_2013,
  verification: 'verbatim',
  note:
    'VTL article 31 is read as VTL §§ 1190-1199. An attempt, conspiracy or solicitation to commit ' +
    'a listed misdemeanour goes to a legal reviewer.',
});

export const PENDING_CASE = clause({
  id: CLAUSE.pendingCase,
  version: VERSION,
  citation: '§ 9-131(a)(7), as amended by LL22/2013 § 1 (formerly (a)(5))',
  title: '"Pending covered criminal case"',
  validFrom: FROM,
  validTo: REPLACED,
  effective: EFFECTIVE,
  text: `7. i. “Pending covered criminal case” shall mean a covered criminal case where judgment has not been entered.
ii. Notwithstanding anything to the contrary in subparagraph i of this paragraph, an individual who is a defendant in more than one case where judgment has not been entered and where a covered crime is charged, shall be deemed to be a defendant in a pending covered criminal case.
iii. Any individual whose case is disposed of with an adjournment in contemplation of dismissal pursuant to section 170.55 or 170.56 of the criminal procedure law, or a comparable provision of federal law or the law of another state, shall not be deemed to be a defendant in a pending covered criminal case, or a case in which a covered crime is charged for purposes of subparagraph ii of this paragraph.
iv. Any individual who has been sentenced to conditional discharge pursuant to section 410.10 of the criminal procedure law or a comparable provision of federal law or the law of another state, shall not be deemed to be a defendant in a pending covered criminal case, or a case in which a covered crime is charged for purposes of subparagraph ii of this paragraph.
v. Any individual who, if convicted, must be found by the court to be a youthful offender, pursuant to paragraph (b) of subdivision one of section 720.20 of the criminal procedure law, or a comparable status pursuant to federal law or the law of another state, shall not be deemed to be a defendant in a pending covered criminal case.`,
  url: LEGISTAR.LL22_2013,
  verification: 'verbatim',
  note:
    'Subparagraph v is read per case and against subparagraph ii too: ii deems the person "a ' +
    'defendant in a pending covered criminal case", which v says such a person shall not be deemed.',
});

export const HONORING = clause({
  id: CLAUSE.honoring,
  version: VERSION,
  citation: '§ 9-131(b), as amended by LL22/2013 § 2 (subparagraph (b)(2)(i))',
  title: 'Prohibition on honoring a civil immigration detainer',
  validFrom: FROM,
  validTo: REPLACED,
  effective: EFFECTIVE,
  text: `b. Prohibition on honoring a civil immigration detainer. 1. The department shall not honor a civil immigration detainer by:
i. holding an individual beyond the time when such individual would otherwise be released from the department’s custody, except for such reasonable time as is necessary to conduct the search specified in paragraph two of this subdivision, or
ii. notifying federal immigration authorities of such individual’s release.
2. Paragraph one of this subdivision shall not apply when:
i. a search, conducted at or about the time when such individual would otherwise be released from the department’s custody, of state and federal databases, or any similar or successor databases, accessed through the New York state division of criminal justice services e-JusticeNY computer application, or any similar or successor computer application maintained by the city of New York or state of New York, indicates, or the department has been informed by a court, that such individual:
A. has been convicted of a covered crime;
B. is a defendant in a pending covered criminal case;
C. has an outstanding criminal warrant in the state of New York or another jurisdiction in the United States;
D. is identified as a known gang member in the database of the national crime information center or any similar or successor database maintained by the United States; or
E. is identified as a possible match in the terrorist screening database.
ii. the search conducted pursuant to subparagraph i of this paragraph indicates, or the department has been informed by federal immigration authorities, that such individual:
A. has an outstanding warrant of removal issued pursuant to 8 C.F.R. 241.2; or
B. is or has previously been subject to a final order of removal pursuant to 8 C.F.R. 1241.1.
3. Nothing in this section shall affect the obligation of the department to maintain the confidentiality of any information obtained pursuant to paragraph two of this subdivision.`,
  url: LEGISTAR.LL22_2013,
  verification: 'reconstructed',
  note:
    'LL22 § 2 re-enacted only subparagraph (b)(2)(i), adding "or the department has been informed ' +
    'by a court"; paragraphs 1 and 3, the opening words of paragraph 2 and subparagraph (ii) are ' +
    'LL62/2011’s text, unchanged.',
});

const LL58 = 'Enacted 2014-11-14; in force 30 days later (LL58 § 6).';
const REPEALED_TEXT = '(Repealed by Local Law 58 of 2014, § 1, in force 2014-12-14.)';

function repealed(id: string, citation: string, title: string) {
  return clause({
    id,
    version: 'repealed by LL58/2014',
    citation,
    title,
    validFrom: REPLACED,
    effective: LL58,
    text: REPEALED_TEXT,
    url: LEGISTAR.LL58_2014,
    verification: 'verbatim',
  });
}

/** Where the definitions leave room; see covered-crime.ts. */
const READINGS =
  'A judgment exactly ten years before the instant arrest is outside the ten years ' +
  '(§ 9-131(a)(2)(ii)); VTL article 31 is read as VTL §§ 1190-1199 (§ 9-131(a)(4)(E)); a ' +
  'case in which the court must find the person a youthful offender counts under neither ' +
  '§ 9-131(a)(7)(i) nor (ii); a federal or other-state felony is never comparable to an ' +
  'excluded provision (§ 9-131(a)(3)).';

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

export const LL22_PROVISIONS: readonly Provision[] = Object.freeze([
  { clause: CONVICTION },
  { clause: COVERED_CRIME },
  { clause: COVERED_CRIMINAL_CASE },
  { clause: PENDING_CASE },
  {
    clause: HONORING,
    decides: prohibitionUnlessParagraphTwo({
      section: '§ 9-131',
      honoring: CLAUSE.honoring,
      readings: READINGS,
      applies: paragraphTwo({
        section: '§ 9-131',
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
      '§ 9-131(a)(3), repealed by LL58/2014 § 1',
      '"Covered crime"',
    ),
  },
  {
    clause: repealed(
      CLAUSE.coveredCriminalCase,
      '§ 9-131(a)(4), repealed by LL58/2014 § 1',
      '"Covered criminal case"',
    ),
  },
  {
    clause: repealed(
      CLAUSE.pendingCase,
      '§ 9-131(a)(7), repealed by LL58/2014 § 1',
      '"Pending covered criminal case"',
    ),
  },
]);
