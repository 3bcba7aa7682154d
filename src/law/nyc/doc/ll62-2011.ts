/**
 * Local Law 62 of 2011 (Int 656-A), adding DOC § 9-131. Enacted 2011-11-22; in force 120 days
 * later, 2012-03-21 (LL62 § 2). Text: nyc.md § 2.1, the final A text, with runs of spaces and
 * tabs written as one space. Local Law 22 of 2013 replaced the definitions and (b)(2)(i) from
 * 2013-07-16; the definition of "terrorist screening database" and subdivision c outlived both.
 *
 * Subdivision b forbids honoring a detainer, by holding or by notifying, unless a search shows one
 * of the circumstances of paragraph two. When it does, the section no longer forbids honoring, and
 * the engine says "allowed"; subdivision c says the section gives no authority to hold, so every
 * hold carries that caution. This module also builds the rules that LL22/2013 (DOC) and LL21/2013
 * (NYPD) kept in the same shape.
 * @module
 */
import type { Source } from '../../../engine/case.js';
import { clause } from '../../../engine/clause.js';
import type { Condition } from '../../../engine/condition.js';
import { any } from '../../../engine/condition.js';
import type { Obligation, Provision } from '../../../engine/jurisdiction.js';
import { actionRule } from '../../../engine/rule.js';
import { FEDERAL_HOLD_LIMIT } from '../../federal/detainer-regulation.js';
import { convictedOfACrime, defendantInPendingCriminalCase } from '../any-crime-conviction.js';
import { recordedFlag } from '../record-facts.js';
import { LEGISTAR } from '../sources.js';
import { CLAUSE } from './clause-ids.js';

const VERSION = 'LL62/2011';
const EFFECTIVE = 'Enacted 2011-11-22; in force 120 days later (LL62 § 2).';
const FROM = '2012-03-21';
/** LL22/2013 replaced the definitions and (b)(2)(i) on this day. */
const REPLACED = '2013-07-16';

/** (b)(2)(i): "a search ... accessed through ... e-JusticeNY ... indicates". */
const SEARCH_ONLY: readonly Source[] = ['e-justice-ny'];

/**
 * (b)(2)(ii): "the search conducted pursuant to subparagraph i ... indicates, or the department
 * has been informed by federal immigration authorities". Unchanged by LL22/2013; LL21/2013 says
 * the same for NYPD.
 */
const SEARCH_OR_FEDERAL_NOTICE: readonly Source[] = [
  'e-justice-ny',
  'federal-immigration-authorities',
];

export const CONVICTION = clause({
  id: CLAUSE.conviction,
  version: VERSION,
  citation: '§ 9-131(a)(2), as added by LL62/2011 § 1',
  title: '"Convicted of a crime"',
  validFrom: FROM,
  validTo: REPLACED,
  effective: EFFECTIVE,
  text: `2. “Convicted of a crime” shall mean a final judgment of guilt entered on a misdemeanor or felony charge in any of the criminal courts of the state of New York, as defined in section 10.10 of the criminal procedure law, or any other court of competent jurisdiction in the United States. Persons adjudicated as youthful offenders, pursuant to article 720 of the criminal procedure law or a comparable provision of federal law or the law of another state, or juvenile delinquents, as defined by section 301.2(1) of the family court act or a comparable provision of federal law or the law of another state, shall not be considered convicted of a crime.`,
  url: LEGISTAR.LL62_2011,
  verification: 'verbatim',
  note:
    'A federal or other-state conviction counts when its level (misdemeanour or felony) is ' +
    'recorded; no New York equivalent is needed.',
});

export const PENDING_CASE = clause({
  id: CLAUSE.pendingCase,
  version: VERSION,
  citation: '§ 9-131(a)(5), as added by LL62/2011 § 1',
  title: '"Pending criminal case"',
  validFrom: FROM,
  validTo: REPLACED,
  effective: EFFECTIVE,
  text: `5. “Pending criminal case” shall mean a case in any of the criminal courts of the state of New York, as defined in section 10.10 of the criminal procedure law, or any other court of competent jurisdiction in the United States, excluding the family court of the state of New York or a comparable court in another jurisdiction in the United States, where judgment has not been entered and where a misdemeanor or felony charge is pending. Any individual whose case is disposed of with an adjournment in contemplation of dismissal pursuant to section 170.55 or 170.56 of the criminal procedure law or a comparable provision of federal law or the law of another state shall not be deemed to be a defendant in a pending criminal case. A case in which the highest charge is a violation or a non-criminal infraction, including a case in which an individual has been sentenced to conditional discharge for committing a violation or a non-criminal infraction pursuant to section 410.10 of the criminal procedure law or a comparable provision of federal law or the law of another state, shall not be deemed to be a pending criminal case.`,
  url: LEGISTAR.LL62_2011,
  verification: 'verbatim',
  note:
    'A case that ended in a conditional discharge is not pending whatever the charge: the ' +
    'sentence is the entry of judgment. The clause names the violation case only because that ' +
    'was the one in doubt.',
});

export const TERRORIST_SCREENING_DATABASE = clause({
  id: CLAUSE.terroristScreeningDatabase,
  version: VERSION,
  citation:
    '§ 9-131(a)(6), as added by LL62/2011 § 1 (renumbered (a)(8) by LL22/2013 § 1 and (a)(6) by LL58/2014 § 1)',
  title: '"Terrorist screening database"',
  validFrom: FROM,
  effective: EFFECTIVE,
  text: `6. “Terrorist screening database” shall mean the United States terrorist watch list or any similar or successor list maintained by the United States.`,
  url: LEGISTAR.LL62_2011,
  verification: 'verbatim',
  note: 'LL22/2013 and LL58/2014 renumbered the paragraph without changing its words.',
});

export const NO_CONFERRAL = clause({
  id: CLAUSE.noConferral,
  version: VERSION,
  citation: '§ 9-131(c), as added by LL62/2011 § 1',
  title: 'No conferral of authority',
  validFrom: FROM,
  effective: EFFECTIVE,
  text: `c. No conferral of authority. Nothing in this section shall be construed to confer any authority on any entity to hold individuals on civil immigration detainers beyond the authority, if any, that existed prior to the enactment of this section.`,
  url: LEGISTAR.LL62_2011,
  verification: 'verbatim',
  note: 'No later local law amended subdivision c.',
});

export const HONORING = clause({
  id: CLAUSE.honoring,
  version: VERSION,
  citation: '§ 9-131(b), as added by LL62/2011 § 1',
  title: 'Prohibition on honoring a civil immigration detainer',
  validFrom: FROM,
  validTo: REPLACED,
  effective: EFFECTIVE,
  text: `b. Prohibition on honoring a civil immigration detainer. 1. The department shall not honor a civil immigration detainer by:
i. holding an individual beyond the time when such individual would otherwise be released from the department’s custody, except for such reasonable time as is necessary to conduct the search specified in paragraph two of this subdivision, or
ii. notifying federal immigration authorities of such individual’s release.
2. Paragraph one of this subdivision shall not apply when:
i. a search, conducted at or about the time when such individual would otherwise be released from the department’s custody, of state and federal databases, or any similar or successor databases, accessed through the New York state division of criminal justice services e-JusticeNY computer application, or any similar or successor computer application maintained by the city of New York or state of New York, indicates that such individual:
A. has been convicted of a crime;
B. is a defendant in a pending criminal case;
C. has an outstanding criminal warrant in the state of New York or another jurisdiction in the United States;
D. is identified as a known gang member in the database of the national crime information center or any similar or successor database maintained by the United States; or
E. is identified as a possible match in the terrorist screening database.
ii. the search conducted pursuant to subparagraph i of this paragraph indicates, or the department has been informed by federal immigration authorities, that such individual:
A. has an outstanding warrant of removal issued pursuant to 8 C.F.R. 241.2; or
B. is or has previously been subject to a final order of removal pursuant to 8 C.F.R. 1241.1.
3. Nothing in this section shall affect the obligation of the department to maintain the confidentiality of any information obtained pursuant to paragraph two of this subdivision.`,
  url: LEGISTAR.LL62_2011,
  verification: 'verbatim',
});

/** Subdivision c, as a caution on every hold the section does not forbid. */
export function noConferralCaution(id: string, clauseId: string, section: string): Obligation {
  return {
    id,
    text:
      `"Allowed" means ${section} does not forbid the hold. The section confers no authority to ` +
      'hold anyone on a civil immigration detainer beyond what existed before it ' +
      `(${section}(c)); whether the agency has that authority is a separate question.`,
    cites: [clauseId],
    actions: ['hold'],
  };
}

/** What paragraph two of subdivision b turns on, in the words of one version. */
export interface ParagraphTwo {
  section: string;
  honoring: string;
  terroristScreeningDatabase: string;
  /** Who (b)(2)(i) lets show a circumstance, in words: "An e-JusticeNY search". */
  shownBy: string;
  /** The sources (b)(2)(i) accepts. */
  sources: readonly Source[];
  /** (b)(2)(i)(A) and (B), as the version defines them. */
  convicted: Condition;
  pending: Condition;
}

/** "Paragraph one of this subdivision shall not apply when": (b)(2)(i)(A)-(E) or (ii)(A)-(B). */
export function paragraphTwo(spec: ParagraphTwo): Condition {
  const honoring = [spec.honoring];
  const flag = (
    name: Parameters<typeof recordedFlag>[0]['name'],
    shows: string,
    sources: readonly Source[],
    by: string,
    cites: readonly string[] = honoring,
  ) =>
    recordedFlag({
      name,
      label: `${by} shows the person ${shows}`,
      question: `Does ${by.charAt(0).toLowerCase()}${by.slice(1)} show the person ${shows}?`,
      sources,
      cites,
    });
  const removalBy = 'An e-JusticeNY search or notice from federal immigration authorities';
  return any(
    { label: `A circumstance of ${spec.section}(b)(2) applies`, cites: honoring },
    any(
      {
        label: `${spec.shownBy} shows a circumstance of ${spec.section}(b)(2)(i)`,
        cites: honoring,
      },
      spec.convicted,
      spec.pending,
      flag(
        'criminalWarrant',
        'has an outstanding criminal warrant in New York or another U.S. jurisdiction',
        spec.sources,
        spec.shownBy,
      ),
      flag(
        'knownGangMember',
        'is identified as a known gang member in the NCIC database',
        spec.sources,
        spec.shownBy,
      ),
      flag(
        'terroristScreeningMatch',
        'is identified as a possible match in the terrorist screening database',
        spec.sources,
        spec.shownBy,
        [spec.honoring, spec.terroristScreeningDatabase],
      ),
    ),
    any(
      { label: `${removalBy} shows a circumstance of ${spec.section}(b)(2)(ii)`, cites: honoring },
      flag(
        'warrantOfRemoval',
        'has an outstanding warrant of removal (8 C.F.R. 241.2)',
        SEARCH_OR_FEDERAL_NOTICE,
        removalBy,
      ),
      flag(
        'finalOrderOfRemoval',
        'is or has been subject to a final order of removal (8 C.F.R. 1241.1)',
        SEARCH_OR_FEDERAL_NOTICE,
        removalBy,
      ),
    ),
  );
}

/**
 * The hold, notice and transfer rules of a subdivision b that forbids honoring unless paragraph
 * two applies (§ 9-131 from LL62/2011 to LL58/2014; § 14-154 as LL21/2013 enacted it).
 * `readings` states how the version's definitions were read where their text does not settle it;
 * every outcome carries it.
 */
export function prohibitionUnlessParagraphTwo(spec: {
  section: string;
  honoring: string;
  applies: Condition;
  readings: string;
}): NonNullable<Provision['decides']> {
  const { section, honoring, applies, readings } = spec;
  const cites = [honoring];
  const label = `A circumstance of ${section}(b)(2) applies, so paragraph one does not`;
  const transferReading =
    `${section}(b)(1) names two ways of honoring a detainer, holding and notifying. A transfer ` +
    'of custody to federal immigration authorities at release is read as honoring it, forbidden ' +
    `and freed on the same terms. ${readings}`;
  return {
    hold: actionRule(
      {
        status: 'not-allowed',
        explanation: `The department may not hold the person past release, except for the reasonable time needed to run the search (${section}(b)(1)(i)).`,
        cites,
        interpretation: readings,
      },
      {
        label,
        when: applies,
        then: {
          status: 'allowed',
          explanation: `${section}(b)(1) does not forbid holding the person past release; a hold must stay within the federal limit.`,
          cites,
          holdLimit: FEDERAL_HOLD_LIMIT,
          interpretation: readings,
        },
      },
    ),
    notify: actionRule(
      {
        status: 'not-allowed',
        explanation: `The department may not notify federal immigration authorities of the person's release (${section}(b)(1)(ii)).`,
        cites,
        interpretation: readings,
      },
      {
        label,
        when: applies,
        then: {
          status: 'allowed',
          explanation: `${section}(b)(1) does not forbid notifying federal immigration authorities of the release.`,
          cites,
          interpretation: readings,
        },
      },
    ),
    transfer: actionRule(
      {
        status: 'not-allowed',
        explanation: `The department may not honor the detainer by handing the person to federal immigration authorities at release (${section}(b)(1)).`,
        cites,
        interpretation: transferReading,
      },
      {
        label,
        when: applies,
        then: {
          status: 'allowed',
          explanation: `${section}(b)(1) does not forbid handing the person to federal immigration authorities at release.`,
          cites,
          interpretation: transferReading,
        },
      },
    ),
  };
}

// Where (a)(2) and (a)(5) leave room; see any-crime-conviction.ts.
const LL62_READINGS =
  'A case that ended in a conditional discharge is read as not pending whatever the charge, the ' +
  'sentence being the entry of judgment (§ 9-131(a)(5)).';

const applies = paragraphTwo({
  section: '§ 9-131',
  honoring: CLAUSE.honoring,
  terroristScreeningDatabase: CLAUSE.terroristScreeningDatabase,
  shownBy: 'An e-JusticeNY search',
  sources: SEARCH_ONLY,
  convicted: convictedOfACrime({
    label: 'An e-JusticeNY search shows the person has been convicted of a crime',
    cites: [CLAUSE.honoring, CLAUSE.conviction],
    sources: SEARCH_ONLY,
  }),
  pending: defendantInPendingCriminalCase({
    label: 'An e-JusticeNY search shows the person is a defendant in a pending criminal case',
    cites: [CLAUSE.honoring, CLAUSE.pendingCase],
    sources: SEARCH_ONLY,
  }),
});

export const LL62_PROVISIONS: readonly Provision[] = Object.freeze([
  { clause: CONVICTION },
  { clause: PENDING_CASE },
  { clause: TERRORIST_SCREENING_DATABASE },
  {
    clause: NO_CONFERRAL,
    cautions: [noConferralCaution('nyc-9-131-c-no-conferral', CLAUSE.noConferral, '§ 9-131')],
  },
  {
    clause: HONORING,
    decides: prohibitionUnlessParagraphTwo({
      section: '§ 9-131',
      honoring: CLAUSE.honoring,
      applies,
      readings: LL62_READINGS,
    }),
  },
]);
