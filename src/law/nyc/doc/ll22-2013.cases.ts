/**
 * Legal tests for DOC § 9-131 as amended by Local Law 22 of 2013 (in force 2013-07-16 to
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

const DOC = 'nyc-doc';
type RecordInput = NonNullable<CaseInput['record']>;
type PendingInput = NonNullable<RecordInput['pendingCases']>[number];
type ConvictionInput = ReturnType<typeof nyConviction>;
type Overrides = Omit<NonNullable<Parameters<typeof detainerCase>[1]>, 'record'>;

const B2I =
  '§ 9-131(b)(2)(i) (LL22/2013 § 2): “a search ... accessed through ... e-JusticeNY ... indicates, or the department has been informed by a court, that such individual”';
const CONVICTED =
  '§ 9-131(a)(2) (LL22/2013): “a final judgment of guilt entered on a covered crime”';
const TEN_YEARS =
  '§ 9-131(a)(2)(ii) (LL22/2013): “has never had a final judgment of guilt entered against him or her on a felony and has not had a final judgment of guilt entered against him or her on a misdemeanor that is a covered crime for at least ten years prior to the date of the instant arrest”';
const YO_JD =
  '§ 9-131(a)(2)(i) (LL22/2013): “was adjudicated as a youthful offender ... or a juvenile delinquent”';
const COVERED =
  '§ 9-131(a)(3) (LL22/2013): “a charge brought pursuant to section 230.00 of the penal law, section 240.37 of the penal law, except when such charge relates to the patronizing of a prostitute, or subdivision one or subparagraph (i) or (iv) of paragraph (a) of subdivision two of section five hundred eleven of the vehicle and traffic law, or a comparable provision of federal law or the law of another state, shall not be deemed a covered crime”';
const CASE =
  '§ 9-131(a)(4) (LL22/2013): “where any felony charge, or a misdemeanor charge pursuant to any of the following provisions ... is pending”';
const PENDING_I =
  '§ 9-131(a)(7)(i) (LL22/2013): “a covered criminal case where judgment has not been entered”';
const TWO_CASES =
  '§ 9-131(a)(7)(ii) (LL22/2013): “an individual who is a defendant in more than one case where judgment has not been entered and where a covered crime is charged, shall be deemed to be a defendant in a pending covered criminal case”';
const ACD_CD =
  '§ 9-131(a)(7)(iii)-(iv) (LL22/2013): “adjournment in contemplation of dismissal ... conditional discharge ... shall not be deemed to be a defendant in a pending covered criminal case, or a case in which a covered crime is charged for purposes of subparagraph ii”';
const MANDATORY_YO =
  '§ 9-131(a)(7)(v) (LL22/2013): “Any individual who, if convicted, must be found by the court to be a youthful offender ... shall not be deemed to be a defendant in a pending covered criminal case.”';
const B2II =
  '§ 9-131(b)(2)(ii) (LL62/2011, unchanged by LL22/2013): “the search conducted pursuant to subparagraph i ... indicates, or the department has been informed by federal immigration authorities”';
const LL58_IN_FORCE =
  'LL58/2014 § 6: “Sections 1, 2, 3 and 5 of this local law shall take effect 30 days after it shall have become a law” (enacted 2014-11-14, so 2014-12-14)';

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

/** A 2013 DOC case: the person's record is the empty search result with `record` laid over it. */
function ll22Case(record: Partial<RecordInput> = {}, overrides: Overrides = {}): CaseInput {
  const { request, ...rest } = overrides;
  return detainerCase(DOC, {
    decisionAt: '2013-09-04T09:00:00-04:00',
    otherwiseReleaseAt: '2013-09-04T10:00:00-04:00',
    instantArrestDate: '2013-08-20',
    ...rest,
    request: { form: 'I-247', ...request },
    record: { ...NOTHING_FOUND, ...record },
  });
}

function convicted(...convictions: ConvictionInput[]): CaseInput {
  return ll22Case({ convictions });
}

function charged(...pendingCases: PendingInput[]): CaseInput {
  return ll22Case({ pendingCases });
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

/** A release on `day` (Eastern time), the arrest a week before. */
function releasedOn(day: string, offset: string, arrest: string) {
  return {
    decisionAt: `${day}T09:00:00${offset}`,
    otherwiseReleaseAt: `${day}T10:00:00${offset}`,
    instantArrestDate: arrest,
  };
}

const petitLarceny = (judgmentDate: string) => nyConviction('PL 155.25 AM', judgmentDate);

export const LL22_DOC_CASES: readonly LawCase[] = deepFreeze([
  {
    name: 'The day LL22 took effect (release 2013-07-16): a 2001 misdemeanour alone no longer counts',
    clause: `LL22/2013 § 4 (in force 2013-07-16); ${TEN_YEARS}`,
    input: ll22Case(
      { convictions: [petitLarceny('2001-05-01')] },
      releasedOn('2013-07-16', '-04:00', '2013-07-01'),
    ),
    expect: [
      { action: 'hold', status: 'not-allowed', controlling: [CLAUSE.honoring] },
      { action: 'notify', status: 'not-allowed' },
    ],
  },
  {
    name: 'A petit larceny judgment two years before the arrest: hold and notice allowed',
    clause: `${B2I} “A. has been convicted of a covered crime”; ${CONVICTED}`,
    input: convicted(petitLarceny('2011-06-01')),
    expect: [
      {
        action: 'hold',
        status: 'allowed',
        controlling: CONVICTION_CLAUSES,
        holdUntil: '2013-09-06T10:00:00-04:00',
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
    name: 'An old misdemeanour and a 1990 felony: the ten-year rule spares only people with no felony',
    clause: TEN_YEARS,
    input: convicted(petitLarceny('1995-03-01'), nyConviction('PL 155.35 DF', '1990-01-10')),
    expect: [{ action: 'hold', status: 'allowed', controlling: CONVICTION_CLAUSES }],
  },
  {
    name: 'A robbery youthful-offender adjudication is not a felony judgment: an old misdemeanour stays excluded',
    clause: `${YO_JD}; ${TEN_YEARS}`,
    input: convicted(
      petitLarceny('1999-03-01'),
      nyConviction('PL 160.10 CF', '1997-01-10', { disposition: 'youthful-offender' }),
    ),
    expect: [{ action: 'hold', status: 'not-allowed' }],
  },
  {
    name: 'A recent juvenile-delinquency finding never counts',
    clause: YO_JD,
    input: convicted(
      nyConviction('PL 120.05(2) DF', '2012-05-01', { disposition: 'juvenile-delinquent' }),
    ),
    expect: [{ action: 'hold', status: 'not-allowed' }],
  },
  {
    name: 'An old misdemeanour with its judgment date not recorded: needs the date',
    clause: TEN_YEARS,
    input: convicted(nyConviction('PL 155.25 AM', '2001-01-01', { judgmentDate: undefined })),
    expect: [
      {
        action: 'hold',
        status: 'needs-information',
        missing: ['record.convictions[0].judgmentDate'],
      },
    ],
  },
  {
    name: 'A misdemeanour with the instant-arrest date not recorded: needs the arrest date',
    clause: TEN_YEARS,
    input: ll22Case(
      { convictions: [petitLarceny('2011-06-01')] },
      { instantArrestDate: undefined },
    ),
    expect: [{ action: 'hold', status: 'needs-information', missing: ['instantArrestDate'] }],
  },
  {
    name: 'A 2012 prostitution conviction (PL 230.00) is not a covered crime',
    clause: COVERED,
    input: convicted(nyConviction('PL 230.00 BM', '2012-04-01')),
    expect: [{ action: 'hold', status: 'not-allowed' }],
  },
  {
    name: 'A 2012 loitering-for-prostitution conviction (PL 240.37): whether it related to patronizing goes to a legal reviewer',
    clause: COVERED,
    input: convicted(nyConviction('PL 240.37(3) BM', '2012-04-01')),
    expect: [
      { action: 'hold', status: 'needs-information', missing: ['record.convictions[0].charge'] },
    ],
  },
  {
    name: 'A 2012 conviction for aggravated unlicensed operation, VTL 511(1): not a covered crime',
    clause: COVERED,
    input: convicted(nyConviction('VTL 511(1)(a) UM', '2012-04-01')),
    expect: [{ action: 'hold', status: 'not-allowed' }],
  },
  {
    name: 'A 2012 conviction under VTL 511(2)(a)(iv): not a covered crime',
    clause: COVERED,
    input: convicted(nyConviction('VTL 511(2)(a)(iv) UM', '2012-04-01')),
    expect: [{ action: 'hold', status: 'not-allowed' }],
  },
  {
    name: 'A 2012 conviction under VTL 511(2)(a)(ii): a covered crime',
    clause: COVERED,
    input: convicted(nyConviction('VTL 511(2)(a)(ii) UM', '2012-04-01')),
    expect: [{ action: 'hold', status: 'allowed', controlling: CONVICTION_CLAUSES }],
  },
  {
    name: 'A 2012 VTL 511(2) misdemeanour without its subparagraph: needs the subparagraph',
    clause: COVERED,
    input: convicted(nyConviction('VTL 511(2) UM', '2012-04-01')),
    expect: [
      { action: 'hold', status: 'needs-information', missing: ['record.convictions[0].charge'] },
    ],
  },
  {
    name: 'A New Jersey misdemeanour-level conviction without a legal finding: a legal reviewer must compare it',
    clause: COVERED,
    input: convicted({
      charge: 'N.J.S.A. 2C:34-1b(1)',
      level: 'misdemeanor',
      court: 'other-state',
      courtState: 'NJ',
      disposition: 'conviction',
      judgmentDate: '2012-04-01',
      source: 'e-justice-ny',
    }),
    expect: [
      {
        action: 'hold',
        status: 'needs-information',
        missing: ['record.convictions[0].equivalence'],
      },
    ],
  },
  {
    name: 'The same New Jersey conviction found comparable to PL 230.00: not a covered crime',
    clause: COVERED,
    input: convicted({
      charge: 'N.J.S.A. 2C:34-1b(1)',
      level: 'misdemeanor',
      court: 'other-state',
      courtState: 'NJ',
      disposition: 'conviction',
      judgmentDate: '2012-04-01',
      source: 'e-justice-ny',
      equivalence: {
        newYorkCharge: 'PL 230.00',
        predicateFelony: false,
        decidedBy: 'Legal reviewer R. Lee',
        decidedOn: '2013-09-03',
      },
    }),
    expect: [{ action: 'hold', status: 'not-allowed' }],
  },
  {
    name: 'A federal felony conviction in 2000: every excluded provision is a misdemeanour or violation, so it counts',
    clause: `${COVERED}; ${TEN_YEARS}`,
    input: convicted({
      charge: '18 U.S.C. 1344',
      level: 'felony',
      court: 'federal',
      disposition: 'conviction',
      judgmentDate: '2000-02-01',
      source: 'e-justice-ny',
    }),
    expect: [{ action: 'hold', status: 'allowed', controlling: CONVICTION_CLAUSES }],
  },
  {
    name: 'A conviction a court told the department about: LL22 accepts notice from a court',
    clause: B2I,
    input: convicted(nyConviction('PL 155.25 AM', '2011-06-01', { source: 'court' })),
    expect: [{ action: 'hold', status: 'allowed', controlling: CONVICTION_CLAUSES }],
  },
  {
    name: 'A conviction known only from the department’s own records must be confirmed',
    clause: B2I,
    input: convicted(nyConviction('PL 155.25 AM', '2011-06-01', { source: 'agency-records' })),
    expect: [
      { action: 'hold', status: 'needs-information', missing: ['record.convictions[0].source'] },
    ],
  },
  {
    name: 'A pending grand larceny felony: hold and notice allowed',
    clause: `${B2I} “B. is a defendant in a pending covered criminal case”; ${CASE}`,
    input: charged(pending('PL 155.35 DF')),
    expect: [
      { action: 'hold', status: 'allowed', controlling: PENDING_CLAUSES },
      { action: 'notify', status: 'allowed', controlling: PENDING_CLAUSES },
    ],
  },
  {
    name: 'A pending assault-3 misdemeanour (PL 120.00), not released under CPL 170.70: allowed',
    clause: `${CASE} “A. section 120.00 of the penal law, unless the defendant is ordered by the court to be released ... pursuant to section 170.70”`,
    input: charged(pending('PL 120.00(1) AM')),
    expect: [{ action: 'hold', status: 'allowed', controlling: PENDING_CLAUSES }],
  },
  {
    name: 'A pending assault-3 misdemeanour where the court released the defendant under CPL 170.70: not allowed',
    clause: `${CASE} “A. section 120.00 ... unless the defendant is ordered by the court to be released”`,
    input: charged(pending('PL 120.00(1) AM', { releasedUnderCpl17070: true })),
    expect: [{ action: 'hold', status: 'not-allowed' }],
  },
  {
    name: 'A pending assault-3 misdemeanour, CPL 170.70 release not recorded: needs it',
    clause: `${CASE} “A. section 120.00 ... unless the defendant is ordered by the court to be released”`,
    input: charged(pending('PL 120.00(1) AM', { releasedUnderCpl17070: undefined })),
    expect: [
      {
        action: 'hold',
        status: 'needs-information',
        missing: ['record.pendingCases[0].releasedUnderCpl17070'],
      },
    ],
  },
  {
    name: 'A pending forcible-touching misdemeanour (PL article 130): allowed',
    clause: `${CASE} “B. article one hundred thirty of the penal law”`,
    input: charged(pending('PL 130.52 AM')),
    expect: [{ action: 'hold', status: 'allowed', controlling: PENDING_CLAUSES }],
  },
  {
    name: 'A pending PL 265.01 misdemeanour relating to a firearm: allowed',
    clause: `${CASE} “C. section 265.01 of the penal law, provided that such charge relates to possession of a firearm, rifle, shotgun, bullet or ammunition”`,
    input: charged(pending('PL 265.01(1) AM', {}, { firearmOrAmmunition: true })),
    expect: [{ action: 'hold', status: 'allowed', controlling: PENDING_CLAUSES }],
  },
  {
    name: 'A pending PL 265.01 misdemeanour for a knife, not a firearm: not allowed',
    clause: `${CASE} “C. section 265.01 ... provided that such charge relates to possession of a firearm”`,
    input: charged(pending('PL 265.01(1) AM', {}, { firearmOrAmmunition: false })),
    expect: [{ action: 'hold', status: 'not-allowed' }],
  },
  {
    name: 'A pending PL 265.01 misdemeanour with the weapon not recorded: needs it',
    clause: `${CASE} “C. section 265.01 ... provided that such charge relates to possession of a firearm”`,
    input: charged(pending('PL 265.01(1) AM')),
    expect: [
      {
        action: 'hold',
        status: 'needs-information',
        missing: ['record.pendingCases[0].charges[0].firearmOrAmmunition'],
      },
    ],
  },
  {
    name: 'A pending criminal-contempt misdemeanour (PL 215.50): allowed',
    clause: `${CASE} “D. section 215.50 of the penal law, unless the defendant is ordered by the court to be released”`,
    input: charged(pending('PL 215.50(3) AM')),
    expect: [{ action: 'hold', status: 'allowed', controlling: PENDING_CLAUSES }],
  },
  {
    name: 'A pending criminal-contempt misdemeanour, released under CPL 170.70: not allowed',
    clause: `${CASE} “D. section 215.50 ... unless the defendant is ordered by the court to be released”`,
    input: charged(pending('PL 215.50(3) AM', { releasedUnderCpl17070: true })),
    expect: [{ action: 'hold', status: 'not-allowed' }],
  },
  {
    name: 'A pending drunk-driving misdemeanour (VTL 1192(3), article 31): allowed',
    clause: `${CASE} “E. article thirty-one of the vehicle and traffic law”`,
    input: charged(pending('VTL 1192.3 UM')),
    expect: [{ action: 'hold', status: 'allowed', controlling: PENDING_CLAUSES }],
  },
  {
    name: 'A pending driving-while-ability-impaired infraction (VTL 1192(1)): not a misdemeanour, not allowed',
    clause: `${CASE} “a misdemeanor charge pursuant to ... E. article thirty-one”`,
    input: charged(pending('VTL 1192.1 I')),
    expect: [{ action: 'hold', status: 'not-allowed' }],
  },
  {
    name: 'One pending petit larceny case: a misdemeanour not on the list, not allowed',
    clause: CASE,
    input: charged(pending('PL 155.25 AM')),
    expect: [{ action: 'hold', status: 'not-allowed' }],
  },
  {
    name: 'Two pending petit larceny cases: deemed a pending covered criminal case',
    clause: TWO_CASES,
    input: charged(pending('PL 155.25 AM'), pending('PL 155.25 AM')),
    expect: [{ action: 'hold', status: 'allowed', controlling: PENDING_CLAUSES }],
  },
  {
    name: 'Two pending cases, one only for prostitution (not a covered crime): not deemed',
    clause: `${TWO_CASES}; ${COVERED}`,
    input: charged(pending('PL 155.25 AM'), pending('PL 230.00 BM')),
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
    name: 'Two petit larceny cases, one ended in a conditional discharge: not deemed',
    clause: ACD_CD,
    input: charged(
      pending('PL 155.25 AM'),
      pending('PL 155.25 AM', { disposition: 'conditional-discharge' }),
    ),
    expect: [{ action: 'hold', status: 'not-allowed' }],
  },
  {
    name: 'A felony case adjourned in contemplation of dismissal: not a pending covered criminal case',
    clause: ACD_CD,
    input: charged(
      pending('PL 155.35 DF', { disposition: 'adjourned-in-contemplation-of-dismissal' }),
    ),
    expect: [{ action: 'hold', status: 'not-allowed' }],
  },
  {
    name: 'A pending felony case where, if convicted, the court must find the person a youthful offender: not allowed',
    clause: MANDATORY_YO,
    input: charged(pending('PL 155.35 DF', { mustBeYouthfulOffender: true })),
    expect: [{ action: 'hold', status: 'not-allowed' }],
  },
  {
    name: 'A pending felony case with mandatory youthful-offender treatment not recorded: a legal reviewer must say',
    clause: MANDATORY_YO,
    input: charged(pending('PL 155.35 DF', { mustBeYouthfulOffender: undefined })),
    expect: [
      {
        action: 'hold',
        status: 'needs-information',
        missing: ['record.pendingCases[0].mustBeYouthfulOffender'],
      },
    ],
  },
  {
    name: 'A felony case in family court is not a covered criminal case',
    clause: `${CASE} (“excluding the family court of the state of New York”)`,
    input: charged(pending('PL 155.35 DF', { familyCourt: true })),
    expect: [{ action: 'hold', status: 'not-allowed' }],
  },
  {
    name: 'A pending felony case a court told the department about: allowed',
    clause: `${B2I}; ${PENDING_I}`,
    input: charged(pending('PL 155.35 DF', { source: 'court' })),
    expect: [{ action: 'hold', status: 'allowed', controlling: PENDING_CLAUSES }],
  },
  {
    name: 'An outstanding criminal warrant reported by a court: allowed',
    clause: `${B2I} “C. has an outstanding criminal warrant”`,
    input: ll22Case({ criminalWarrant: { value: true, source: 'court' } }),
    expect: [{ action: 'hold', status: 'allowed', controlling: [CLAUSE.honoring] }],
  },
  {
    name: 'A criminal warrant reported by federal immigration authorities: (b)(2)(i) does not accept them',
    clause: `${B2I} “C. has an outstanding criminal warrant”`,
    input: ll22Case({
      criminalWarrant: { value: true, source: 'federal-immigration-authorities' },
    }),
    expect: [
      { action: 'hold', status: 'needs-information', missing: ['record.criminalWarrant.source'] },
    ],
  },
  {
    name: 'Identified as a known gang member in NCIC: allowed',
    clause: `${B2I} “D. is identified as a known gang member”`,
    input: ll22Case({ knownGangMember: searchFact(true) }),
    expect: [{ action: 'notify', status: 'allowed', controlling: [CLAUSE.honoring] }],
  },
  {
    name: 'Gang-database result not recorded: needs it',
    clause: `${B2I} “D. is identified as a known gang member”`,
    input: ll22Case({ knownGangMember: undefined }),
    expect: [
      { action: 'notify', status: 'needs-information', missing: ['record.knownGangMember.value'] },
    ],
  },
  {
    name: 'A possible terrorist-screening-database match: allowed',
    clause: `${B2I} “E. is identified as a possible match in the terrorist screening database”`,
    input: ll22Case({ terroristScreeningMatch: searchFact(true) }),
    expect: [
      {
        action: 'hold',
        status: 'allowed',
        controlling: [CLAUSE.honoring, CLAUSE.terroristScreeningDatabase],
      },
    ],
  },
  {
    name: 'A prior final order of removal reported by federal immigration authorities: allowed',
    clause: `${B2II} “B. is or has previously been subject to a final order of removal”`,
    input: ll22Case({
      finalOrderOfRemoval: { value: true, source: 'federal-immigration-authorities' },
    }),
    expect: [{ action: 'hold', status: 'allowed', controlling: [CLAUSE.honoring] }],
  },
  {
    name: 'A warrant of removal known only from a court: (b)(2)(ii) still does not accept a court',
    clause: `${B2II} “A. has an outstanding warrant of removal”`,
    input: ll22Case({ warrantOfRemoval: { value: true, source: 'court' } }),
    expect: [
      { action: 'hold', status: 'needs-information', missing: ['record.warrantOfRemoval.source'] },
    ],
  },
  {
    name: 'A search shows an outstanding warrant of removal: allowed',
    clause: `${B2II} “A. has an outstanding warrant of removal”`,
    input: ll22Case({ warrantOfRemoval: searchFact(true) }),
    expect: [{ action: 'notify', status: 'allowed', controlling: [CLAUSE.honoring] }],
  },
  {
    name: 'Nothing found: a transfer at release is not allowed',
    clause:
      '§ 9-131(b)(1) (LL62/2011, unchanged by LL22/2013): “The department shall not honor a civil immigration detainer”',
    input: ll22Case({}, { request: { actions: ['transfer'] } }),
    expect: [{ action: 'transfer', status: 'not-allowed', controlling: [CLAUSE.honoring] }],
  },
  {
    name: 'The last day of LL22 (release 2014-12-13): a pending felony, no judicial warrant, hold allowed',
    clause: `${PENDING_I}; ${LL58_IN_FORCE}`,
    input: ll22Case(
      { pendingCases: [pending('PL 155.35 DF')] },
      releasedOn('2014-12-13', '-05:00', '2014-12-01'),
    ),
    expect: [{ action: 'hold', status: 'allowed', controlling: PENDING_CLAUSES }],
  },
  {
    name: 'The day LL58 took effect (release 2014-12-14): the same pending felony no longer counts',
    clause: LL58_IN_FORCE,
    input: ll22Case(
      { pendingCases: [pending('PL 155.35 DF')] },
      releasedOn('2014-12-14', '-05:00', '2014-12-01'),
    ),
    expect: [
      { action: 'hold', status: 'not-allowed', controlling: [CLAUSE.honoring] },
      { action: 'notify', status: 'not-allowed', controlling: [CLAUSE.honoring] },
    ],
  },
]);
