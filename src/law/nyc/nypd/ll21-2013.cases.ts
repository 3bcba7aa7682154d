/**
 * Legal tests for NYPD § 14-154 as added by Local Law 21 of 2013 (in force 2013-07-16 to
 * 2014-12-13). Each row quotes the clause it tests. Unless a row says otherwise the person would
 * be released on Wednesday 2013-09-04 at 10:00, was arrested on 2013-08-20, and a completed
 * e-JusticeNY search shows nothing: no conviction, no pending case, no warrant, no gang or
 * watch-list entry, no removal warrant or order. Pending cases are New York criminal-court cases
 * found by the search, where youthful-offender treatment is not mandatory and the defendant was
 * not released under CPL 170.70, unless the row says otherwise.
 */
import type { CaseInput } from '../../../engine/case.js';
import { deepFreeze } from '../../../engine/freeze.js';
import type { LawCase } from '../../testing/law-case.js';
import { detainerCase, nyConviction, searchFact } from '../../testing/law-case.js';
import { CLAUSE } from './clause-ids.js';

const NYPD = 'nyc-nypd';
type RecordInput = NonNullable<CaseInput['record']>;
type PendingInput = NonNullable<RecordInput['pendingCases']>[number];
type ConvictionInput = ReturnType<typeof nyConviction>;
type Overrides = Omit<NonNullable<Parameters<typeof detainerCase>[1]>, 'record'>;

const B1 =
  '§ 14-154(b)(1) (LL21/2013): “The department shall not honor a civil immigration detainer by: (i) holding a person beyond the time when such person would otherwise be released ... or (ii) notifying federal immigration authorities of such person’s release.”';
const B2I =
  '§ 14-154(b)(2)(i) (LL21/2013): “A search ... accessed through ... e-JusticeNY ... indicates, or the department has been informed by a court, that such person”';
const B2II =
  '§ 14-154(b)(2)(ii) (LL21/2013): “The search conducted pursuant to subparagraph i ... indicates, or the department has been informed by federal immigration authorities, that such person: A. has an outstanding warrant of removal ...; or B. is or has previously been subject to a final order of removal”';
const CONVICTED =
  '§ 14-154(a)(2) (LL21/2013): “a final judgment of guilt entered on a covered crime”';
const TEN_YEARS =
  '§ 14-154(a)(2)(ii) (LL21/2013): “has never had a final judgment of guilt entered against him or her on a felony and has not had a final judgment of guilt entered against him or her on a misdemeanor that is a covered crime for at least ten years prior to the date of the instant arrest”';
const YO_JD =
  '§ 14-154(a)(2)(i) (LL21/2013): “was adjudicated as a youthful offender ... or a juvenile delinquent”';
const COVERED =
  '§ 14-154(a)(3) (LL21/2013): “a charge brought pursuant to section 230.00 of the penal law, section 240.37 of the penal law, except when such charge relates to the patronizing of a prostitute, or subdivision one or subparagraph (i) or (iv) of paragraph (a) of subdivision two of section five hundred eleven of the vehicle and traffic law ... shall not be deemed a covered crime”';
const CASE =
  '§ 14-154(a)(4) (LL21/2013): “where any felony charge, or a misdemeanor charge pursuant to any of the following provisions ... is pending”';
const TWO_CASES =
  '§ 14-154(a)(6)(ii) (LL21/2013): “any person who is a defendant in more than one case where judgment has not been entered and where a covered crime is charged, shall be deemed to be a defendant in a pending covered criminal case”';
const ACD_CD =
  '§ 14-154(a)(6)(iii)-(iv) (LL21/2013): “adjournment in contemplation of dismissal ... conditional discharge ... shall not be deemed to be a defendant in a pending covered criminal case, or a case in which a covered crime is charged for purposes of subparagraph ii”';
const MANDATORY_YO =
  '§ 14-154(a)(6)(v) (LL21/2013): “Any person who, if convicted, must be found by the court to be a youthful offender ... shall not be deemed to be a defendant in a pending covered criminal case.”';
const IN_FORCE =
  'LL21/2013 § 2: “This local law shall take effect 120 days after it shall have become a law” (enacted 2013-03-18, so 2013-07-16)';
const LL59_IN_FORCE =
  'LL59/2014 § 3: “This local law shall take effect 30 days after it shall have become a law” (enacted 2014-11-14, so 2014-12-14)';

const CONVICTION_CLAUSES = [CLAUSE.honoring, CLAUSE.conviction, CLAUSE.coveredCrime];
const PENDING_CLAUSES = [CLAUSE.honoring, CLAUSE.pendingCase, CLAUSE.coveredCriminalCase];

const NOTHING_FOUND: RecordInput = {
  searchCompleted: true,
  convictions: [],
  pendingCases: [],
  criminalWarrant: searchFact(false),
  knownGangMember: searchFact(false),
  terroristScreeningMatch: searchFact(false),
  warrantOfRemoval: searchFact(false),
  finalOrderOfRemoval: searchFact(false),
};

/** A 2013 NYPD case: the person's record is the empty search result with `record` laid over it. */
function ll21Case(record: Partial<RecordInput> = {}, overrides: Overrides = {}): CaseInput {
  const { request, ...rest } = overrides;
  return detainerCase(NYPD, {
    decisionAt: '2013-09-04T09:00:00-04:00',
    otherwiseReleaseAt: '2013-09-04T10:00:00-04:00',
    instantArrestDate: '2013-08-20',
    ...rest,
    request: { form: 'I-247', ...request },
    record: { ...NOTHING_FOUND, ...record },
  });
}

function convicted(...convictions: ConvictionInput[]): CaseInput {
  return ll21Case({ convictions });
}

function charged(...pendingCases: PendingInput[]): CaseInput {
  return ll21Case({ pendingCases });
}

/** A pending New York criminal case with one charge. */
function pending(
  charge: string,
  extra: Partial<PendingInput> = {},
  chargeExtra: Partial<PendingInput['charges'][number]> = {},
): PendingInput {
  return {
    court: 'new-york',
    charges: [{ charge, ...chargeExtra }],
    releasedUnderCpl17070: false,
    mustBeYouthfulOffender: false,
    source: 'e-justice-ny',
    ...extra,
  };
}

function releasedOn(day: string, offset: string, arrest: string): Overrides {
  return {
    decisionAt: `${day}T09:00:00${offset}`,
    otherwiseReleaseAt: `${day}T10:00:00${offset}`,
    instantArrestDate: arrest,
  };
}

const petitLarceny = (judgmentDate: string) => nyConviction('PL 155.25 AM', judgmentDate);

export const LL21_NYPD_CASES: readonly LawCase[] = deepFreeze([
  {
    name: 'The day before LL21 took effect (release 2013-07-15): no city law; hold and notice allowed under the federal rules',
    clause: IN_FORCE,
    input: ll21Case({}, releasedOn('2013-07-15', '-04:00', '2013-07-01')),
    expect: [
      { action: 'hold', status: 'allowed', controlling: [CLAUSE.honoring, 'us.8-cfr-287.7.a'] },
      { action: 'notify', status: 'allowed' },
    ],
  },
  {
    name: 'The day LL21 took effect (release 2013-07-16), nothing found: hold and notice not allowed',
    clause: `${IN_FORCE}; ${B1}`,
    input: ll21Case({}, releasedOn('2013-07-16', '-04:00', '2013-07-01')),
    expect: [
      { action: 'hold', status: 'not-allowed', controlling: [CLAUSE.honoring] },
      { action: 'notify', status: 'not-allowed', controlling: [CLAUSE.honoring] },
    ],
  },
  {
    name: 'Released Friday 18:00 after a 2011 petit larceny conviction: hold allowed until Tuesday 18:00',
    clause: `${B2I} “A. has been convicted of a covered crime”; ${CONVICTED}; 8 C.F.R. § 287.7(d)`,
    input: ll21Case(
      { convictions: [petitLarceny('2011-06-01')] },
      {
        decisionAt: '2013-09-06T12:00:00-04:00',
        otherwiseReleaseAt: '2013-09-06T18:00:00-04:00',
      },
    ),
    expect: [
      {
        action: 'hold',
        status: 'allowed',
        controlling: CONVICTION_CLAUSES,
        holdUntil: '2013-09-10T18:00:00-04:00',
      },
      { action: 'notify', status: 'allowed', controlling: CONVICTION_CLAUSES },
    ],
  },
  {
    name: 'Ten-year edge: a misdemeanour judgment exactly ten years before the arrest is outside',
    clause: TEN_YEARS,
    input: convicted(petitLarceny('2003-08-20')),
    expect: [{ action: 'hold', status: 'not-allowed' }],
  },
  {
    name: 'Ten-year edge: a misdemeanour judgment one day inside the ten years counts',
    clause: TEN_YEARS,
    input: convicted(petitLarceny('2003-08-21')),
    expect: [{ action: 'hold', status: 'allowed', controlling: CONVICTION_CLAUSES }],
  },
  {
    name: 'A 1992 felony judgment: counts whenever it was entered',
    clause: TEN_YEARS,
    input: convicted(nyConviction('PL 155.35 DF', '1992-01-10')),
    expect: [{ action: 'hold', status: 'allowed', controlling: CONVICTION_CLAUSES }],
  },
  {
    name: 'A youthful-offender adjudication for a 2012 robbery never counts',
    clause: YO_JD,
    input: convicted(
      nyConviction('PL 160.10 CF', '2012-01-10', { disposition: 'youthful-offender' }),
    ),
    expect: [{ action: 'hold', status: 'not-allowed' }],
  },
  {
    name: 'A 2012 prostitution conviction (PL 230.00) is not a covered crime',
    clause: COVERED,
    input: convicted(nyConviction('PL 230.00 BM', '2012-04-01')),
    expect: [{ action: 'hold', status: 'not-allowed' }],
  },
  {
    name: 'A 2012 PL 240.37 misdemeanour: a legal reviewer decides whether it related to patronizing',
    clause: COVERED,
    input: convicted(nyConviction('PL 240.37(3) BM', '2012-04-01')),
    expect: [
      { action: 'hold', status: 'needs-information', missing: ['record.convictions[0].charge'] },
    ],
  },
  {
    name: 'A 2012 conviction under VTL 511(2)(a)(i): not a covered crime',
    clause: COVERED,
    input: convicted(nyConviction('VTL 511(2)(a)(i) UM', '2012-04-01')),
    expect: [{ action: 'hold', status: 'not-allowed' }],
  },
  {
    name: 'A conviction a court told the department about: accepted under (b)(2)(i)',
    clause: B2I,
    input: convicted(nyConviction('PL 155.25 AM', '2011-06-01', { source: 'court' })),
    expect: [{ action: 'hold', status: 'allowed', controlling: CONVICTION_CLAUSES }],
  },
  {
    name: 'A conviction known only from another governmental entity: not accepted before 2014, must be confirmed',
    clause: B2I,
    input: convicted(nyConviction('PL 155.25 AM', '2011-06-01', { source: 'government-entity' })),
    expect: [
      { action: 'hold', status: 'needs-information', missing: ['record.convictions[0].source'] },
    ],
  },
  {
    name: 'A pending robbery felony: hold and notice allowed',
    clause: `${B2I} “B. is a defendant in a pending covered criminal case”; ${CASE}`,
    input: charged(pending('PL 160.10 CF')),
    expect: [
      { action: 'hold', status: 'allowed', controlling: PENDING_CLAUSES },
      { action: 'notify', status: 'allowed', controlling: PENDING_CLAUSES },
    ],
  },
  {
    name: 'A pending sexual-abuse misdemeanour (PL article 130): allowed',
    clause: `${CASE} “B. article one hundred thirty of the penal law”`,
    input: charged(pending('PL 130.55 BM')),
    expect: [{ action: 'hold', status: 'allowed', controlling: PENDING_CLAUSES }],
  },
  {
    name: 'A pending assault-3 misdemeanour, released under CPL 170.70: not allowed',
    clause: `${CASE} “A. section 120.00 ... unless the defendant is ordered by the court to be released”`,
    input: charged(pending('PL 120.00(1) AM', { releasedUnderCpl17070: true })),
    expect: [{ action: 'hold', status: 'not-allowed' }],
  },
  {
    name: 'A pending PL 265.01 misdemeanour relating to ammunition: allowed',
    clause: `${CASE} “C. section 265.01 ... provided that such charge relates to possession of a firearm, rifle, shotgun, bullet or ammunition”`,
    input: charged(pending('PL 265.01(1) AM', {}, { firearmOrAmmunition: true })),
    expect: [{ action: 'hold', status: 'allowed', controlling: PENDING_CLAUSES }],
  },
  {
    name: 'A pending aggravated-DWI misdemeanour (VTL 1192(2-a), article 31): allowed',
    clause: `${CASE} “E. article thirty-one of the vehicle and traffic law”`,
    input: charged(pending('VTL 1192(2-a)(a) UM')),
    expect: [{ action: 'hold', status: 'allowed', controlling: PENDING_CLAUSES }],
  },
  {
    name: 'A pending attempted assault-3 (PL 110/120.00): whether an attempt is "pursuant to" 120.00 goes to a legal reviewer',
    clause: `${CASE} “A. section 120.00 of the penal law”`,
    input: charged(pending('PL 110/120.00 BM')),
    expect: [
      {
        action: 'hold',
        status: 'needs-information',
        missing: ['record.pendingCases[0].charges[0].charge'],
      },
    ],
  },
  {
    name: 'Two pending cases, for petit larceny and for trespass: deemed a pending covered criminal case',
    clause: TWO_CASES,
    input: charged(pending('PL 155.25 AM'), pending('PL 140.10 BM')),
    expect: [{ action: 'hold', status: 'allowed', controlling: PENDING_CLAUSES }],
  },
  {
    name: 'Two pending cases, one for a violation only: not deemed',
    clause: TWO_CASES,
    input: charged(pending('PL 155.25 AM'), pending('PL 240.20 V')),
    expect: [{ action: 'hold', status: 'not-allowed' }],
  },
  {
    name: 'Two petit larceny cases, one adjourned in contemplation of dismissal: not deemed',
    clause: ACD_CD,
    input: charged(
      pending('PL 155.25 AM'),
      pending('PL 155.25 AM', { disposition: 'adjourned-in-contemplation-of-dismissal' }),
    ),
    expect: [{ action: 'hold', status: 'not-allowed' }],
  },
  {
    name: 'Two petit larceny cases, the level of one not recorded: needs it',
    clause: TWO_CASES,
    input: charged(pending('PL 155.25 AM'), pending('PL 155.25')),
    expect: [
      {
        action: 'hold',
        status: 'needs-information',
        missing: ['record.pendingCases[1].charges[0].level'],
      },
    ],
  },
  {
    name: 'Two petit larceny cases, in both of which the court must find the person a youthful offender: not deemed',
    clause: `${MANDATORY_YO}; ${TWO_CASES}`,
    input: charged(
      pending('PL 155.25 AM', { mustBeYouthfulOffender: true }),
      pending('PL 155.25 AM', { mustBeYouthfulOffender: true }),
    ),
    expect: [{ action: 'hold', status: 'not-allowed' }],
  },
  {
    name: 'A pending felony in family court is not a covered criminal case',
    clause: `${CASE} (“excluding the family court of the state of New York”)`,
    input: charged(pending('PL 160.10 CF', { familyCourt: true })),
    expect: [{ action: 'hold', status: 'not-allowed' }],
  },
  {
    name: 'An outstanding criminal warrant: allowed',
    clause: `${B2I} “C. has an outstanding criminal warrant”`,
    input: ll21Case({ criminalWarrant: searchFact(true) }),
    expect: [{ action: 'hold', status: 'allowed', controlling: [CLAUSE.honoring] }],
  },
  {
    name: 'Whether there is a criminal warrant is not recorded: needs it',
    clause: `${B2I} “C. has an outstanding criminal warrant”`,
    input: ll21Case({ criminalWarrant: undefined }),
    expect: [
      { action: 'hold', status: 'needs-information', missing: ['record.criminalWarrant.value'] },
    ],
  },
  {
    name: 'Identified as a known gang member by a court: allowed',
    clause: `${B2I} “D. is identified as a known gang member”`,
    input: ll21Case({ knownGangMember: { value: true, source: 'court' } }),
    expect: [{ action: 'notify', status: 'allowed', controlling: [CLAUSE.honoring] }],
  },
  {
    name: 'A possible terrorist-screening-database match: allowed',
    clause: `${B2I} “E. is identified as a possible match in the terrorist screening database”`,
    input: ll21Case({ terroristScreeningMatch: searchFact(true) }),
    expect: [
      {
        action: 'hold',
        status: 'allowed',
        controlling: [CLAUSE.honoring, CLAUSE.terroristScreeningDatabase],
      },
    ],
  },
  {
    name: 'Watch-list result not recorded: needs it',
    clause: `${B2I} “E. is identified as a possible match in the terrorist screening database”`,
    input: ll21Case({ terroristScreeningMatch: undefined }),
    expect: [
      {
        action: 'hold',
        status: 'needs-information',
        missing: ['record.terroristScreeningMatch.value'],
      },
    ],
  },
  {
    name: 'Federal immigration authorities report an outstanding warrant of removal: allowed',
    clause: B2II,
    input: ll21Case({
      warrantOfRemoval: { value: true, source: 'federal-immigration-authorities' },
    }),
    expect: [{ action: 'hold', status: 'allowed', controlling: [CLAUSE.honoring] }],
  },
  {
    name: 'A warrant of removal known only from a court: (b)(2)(ii) does not accept a court',
    clause: B2II,
    input: ll21Case({ warrantOfRemoval: { value: true, source: 'court' } }),
    expect: [
      { action: 'hold', status: 'needs-information', missing: ['record.warrantOfRemoval.source'] },
    ],
  },
  {
    name: 'A search shows a prior final order of removal: notice allowed',
    clause: B2II,
    input: ll21Case({ finalOrderOfRemoval: searchFact(true) }),
    expect: [{ action: 'notify', status: 'allowed', controlling: [CLAUSE.honoring] }],
  },
  {
    name: 'Whether there is a final order of removal is not recorded: needs it',
    clause: B2II,
    input: ll21Case({ finalOrderOfRemoval: undefined }),
    expect: [
      {
        action: 'notify',
        status: 'needs-information',
        missing: ['record.finalOrderOfRemoval.value'],
      },
    ],
  },
  {
    name: 'A transfer at release after a pending robbery charge: allowed, read as honoring the detainer',
    clause: `${B1}; ${B2I}`,
    input: ll21Case(
      { pendingCases: [pending('PL 160.10 CF')] },
      { request: { actions: ['transfer'] } },
    ),
    expect: [{ action: 'transfer', status: 'allowed', controlling: PENDING_CLAUSES }],
  },
  {
    name: 'The last day of LL21 (release 2014-12-13): a pending felony, no judicial warrant, notice allowed',
    clause: `${CASE}; ${LL59_IN_FORCE}`,
    input: ll21Case(
      { pendingCases: [pending('PL 160.10 CF')] },
      releasedOn('2014-12-13', '-05:00', '2014-12-01'),
    ),
    expect: [{ action: 'notify', status: 'allowed', controlling: PENDING_CLAUSES }],
  },
  {
    name: 'The day LL59 took effect (release 2014-12-14): the same pending felony no longer counts',
    clause: LL59_IN_FORCE,
    input: ll21Case(
      {
        pendingCases: [pending('PL 160.10 CF')],
        reenteredAfterRemoval: searchFact(false),
      },
      releasedOn('2014-12-14', '-05:00', '2014-12-01'),
    ),
    expect: [
      { action: 'hold', status: 'not-allowed', controlling: [CLAUSE.honoring] },
      { action: 'notify', status: 'not-allowed', controlling: [CLAUSE.honoring] },
    ],
  },
]);
