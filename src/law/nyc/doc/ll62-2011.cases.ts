/**
 * Legal tests for DOC § 9-131 as added by Local Law 62 of 2011 (in force 2012-03-21 to
 * 2013-07-15). Each row quotes the clause it tests. Unless a row says otherwise the person would
 * be released on Wednesday 2012-08-01 at 10:00, was arrested on 2012-07-20, and a completed
 * e-JusticeNY search shows nothing: no conviction, no pending case, no warrant, no gang or
 * watch-list entry, no removal warrant or order.
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

const B1 =
  '§ 9-131(b)(1) (LL62/2011): “The department shall not honor a civil immigration detainer by: i. holding an individual beyond the time when such individual would otherwise be released ... or ii. notifying federal immigration authorities of such individual’s release.”';
const B2I =
  '§ 9-131(b)(2)(i) (LL62/2011): “a search ... accessed through the New York state division of criminal justice services e-JusticeNY computer application ... indicates that such individual”';
const CONVICTED =
  '§ 9-131(a)(2) (LL62/2011): “a final judgment of guilt entered on a misdemeanor or felony charge in any of the criminal courts of the state of New York ... or any other court of competent jurisdiction in the United States”';
const YO_JD =
  '§ 9-131(a)(2) (LL62/2011): “Persons adjudicated as youthful offenders ... or juvenile delinquents ... shall not be considered convicted of a crime.”';
const PENDING =
  '§ 9-131(a)(5) (LL62/2011): “a case in any of the criminal courts ... excluding the family court ... where judgment has not been entered and where a misdemeanor or felony charge is pending”';
const ACD =
  '§ 9-131(a)(5) (LL62/2011): “Any individual whose case is disposed of with an adjournment in contemplation of dismissal ... shall not be deemed to be a defendant in a pending criminal case.”';
const VIOLATION_CASE =
  '§ 9-131(a)(5) (LL62/2011): “A case in which the highest charge is a violation or a non-criminal infraction, including a case in which an individual has been sentenced to conditional discharge for committing a violation ... shall not be deemed to be a pending criminal case.”';
const WARRANT =
  '§ 9-131(b)(2)(i)(C) (LL62/2011): “has an outstanding criminal warrant in the state of New York or another jurisdiction in the United States”';
const GANG =
  '§ 9-131(b)(2)(i)(D) (LL62/2011): “is identified as a known gang member in the database of the national crime information center”';
const TSDB =
  '§ 9-131(b)(2)(i)(E) (LL62/2011): “is identified as a possible match in the terrorist screening database”';
const B2II =
  '§ 9-131(b)(2)(ii) (LL62/2011): “the search conducted pursuant to subparagraph i ... indicates, or the department has been informed by federal immigration authorities, that such individual: A. has an outstanding warrant of removal issued pursuant to 8 C.F.R. 241.2; or B. is or has previously been subject to a final order of removal pursuant to 8 C.F.R. 1241.1.”';
const IN_FORCE =
  'LL62/2011 § 2: “This local law shall take effect 120 days after it shall have become a law” (enacted 2011-11-22, so 2012-03-21)';

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

/** A 2012 DOC case: the person's record is the empty search result with `record` laid over it. */
function ll62Case(record: Partial<RecordInput> = {}, overrides: Overrides = {}): CaseInput {
  const { request, ...rest } = overrides;
  return detainerCase(DOC, {
    decisionAt: '2012-08-01T09:00:00-04:00',
    otherwiseReleaseAt: '2012-08-01T10:00:00-04:00',
    instantArrestDate: '2012-07-20',
    ...rest,
    request: { form: 'I-247', ...request },
    record: { ...NOTHING_FOUND, ...record },
  });
}

function convicted(...convictions: ConvictionInput[]): CaseInput {
  return ll62Case({ convictions });
}

/** A New York criminal case, pending, from an e-JusticeNY search. */
function pending(charge: string, extra: Partial<PendingInput> = {}): PendingInput {
  return { court: 'new-york', charges: [{ charge }], source: 'e-justice-ny', ...extra };
}

const petitLarceny2005 = nyConviction('PL 155.25 AM', '2005-06-01');

export const LL62_DOC_CASES: readonly LawCase[] = deepFreeze([
  {
    name: 'The day before LL62 took effect (release 2012-03-20): no city law; hold and notice allowed under the federal rules',
    clause: IN_FORCE,
    input: ll62Case(
      {},
      {
        decisionAt: '2012-03-20T09:00:00-04:00',
        otherwiseReleaseAt: '2012-03-20T10:00:00-04:00',
        instantArrestDate: '2012-03-10',
      },
    ),
    expect: [
      {
        action: 'hold',
        status: 'allowed',
        controlling: [CLAUSE.honoring, 'us.8-cfr-287.7.a'],
        holdUntil: '2012-03-22T10:00:00-04:00',
      },
      { action: 'notify', status: 'allowed' },
    ],
  },
  {
    name: 'The day LL62 took effect (release 2012-03-21), nothing found: hold and notice not allowed',
    clause: `${IN_FORCE}; ${B1}`,
    input: ll62Case(
      {},
      {
        decisionAt: '2012-03-21T09:00:00-04:00',
        otherwiseReleaseAt: '2012-03-21T10:00:00-04:00',
        instantArrestDate: '2012-03-10',
      },
    ),
    expect: [
      { action: 'hold', status: 'not-allowed', controlling: [CLAUSE.honoring] },
      { action: 'notify', status: 'not-allowed', controlling: [CLAUSE.honoring] },
    ],
  },
  {
    name: 'A 2005 petit larceny conviction (a misdemeanour): hold within the federal limit, and notice, allowed',
    clause: `${B2I} “A. has been convicted of a crime”; ${CONVICTED}`,
    input: convicted(petitLarceny2005),
    expect: [
      {
        action: 'hold',
        status: 'allowed',
        controlling: [CLAUSE.honoring, CLAUSE.conviction],
        holdUntil: '2012-08-03T10:00:00-04:00',
      },
      { action: 'notify', status: 'allowed', controlling: [CLAUSE.honoring, CLAUSE.conviction] },
    ],
  },
  {
    name: 'A 1998 felony conviction: there is no look-back under LL62, so hold allowed',
    clause: CONVICTED,
    input: convicted(nyConviction('PL 155.35 DF', '1998-02-10')),
    expect: [{ action: 'hold', status: 'allowed', controlling: [CLAUSE.conviction] }],
  },
  {
    name: 'Only a disorderly-conduct conviction (a violation): not a crime, so not allowed',
    clause: CONVICTED,
    input: convicted(nyConviction('PL 240.20 V', '2011-04-01')),
    expect: [
      { action: 'hold', status: 'not-allowed' },
      { action: 'notify', status: 'not-allowed' },
    ],
  },
  {
    name: 'A conviction whose level is neither recorded nor in the code: needs the level, never assumed',
    clause: CONVICTED,
    input: convicted(nyConviction('PL 155.25', '2011-04-01')),
    expect: [
      { action: 'hold', status: 'needs-information', missing: ['record.convictions[0].level'] },
    ],
  },
  {
    name: 'A youthful-offender adjudication for robbery is not a conviction: not allowed',
    clause: YO_JD,
    input: convicted(
      nyConviction('PL 160.10 CF', '2009-01-15', { disposition: 'youthful-offender' }),
    ),
    expect: [{ action: 'hold', status: 'not-allowed' }],
  },
  {
    name: 'A juvenile-delinquency finding is not a conviction: not allowed',
    clause: YO_JD,
    input: convicted(
      nyConviction('PL 120.05(2) DF', '2008-05-01', { disposition: 'juvenile-delinquent' }),
    ),
    expect: [{ action: 'hold', status: 'not-allowed' }],
  },
  {
    name: 'Whether an entry is a conviction or a YO adjudication is not recorded: needs the disposition',
    clause: YO_JD,
    input: convicted(nyConviction('PL 155.25 AM', '2009-01-15', { disposition: 'unknown' })),
    expect: [
      {
        action: 'hold',
        status: 'needs-information',
        missing: ['record.convictions[0].disposition'],
      },
    ],
  },
  {
    name: 'A New Jersey misdemeanour-level conviction: "any other court ... in the United States" counts',
    clause: CONVICTED,
    input: convicted({
      charge: 'N.J.S.A. 2C:20-3',
      level: 'misdemeanor',
      court: 'other-state',
      courtState: 'NJ',
      disposition: 'conviction',
      judgmentDate: '2010-03-01',
      source: 'e-justice-ny',
    }),
    expect: [{ action: 'hold', status: 'allowed', controlling: [CLAUSE.conviction] }],
  },
  {
    name: 'A conviction known only from a court: LL62 accepts only the e-JusticeNY search, so it must be confirmed',
    clause: B2I,
    input: convicted(nyConviction('PL 155.25 AM', '2010-03-01', { source: 'court' })),
    expect: [
      { action: 'hold', status: 'needs-information', missing: ['record.convictions[0].source'] },
    ],
  },
  {
    name: 'Search not completed and nothing listed: needs the search, not "no conviction"',
    clause: `${B1} “except for such reasonable time as is necessary to conduct the search”`,
    input: ll62Case({ searchCompleted: false }),
    expect: [{ action: 'hold', status: 'needs-information', missing: ['record.searchCompleted'] }],
  },
  {
    name: 'A pending misdemeanour case (petit larceny): hold and notice allowed',
    clause: `${B2I} “B. is a defendant in a pending criminal case”; ${PENDING}`,
    input: ll62Case({ pendingCases: [pending('PL 155.25 AM')] }),
    expect: [
      { action: 'hold', status: 'allowed', controlling: [CLAUSE.honoring, CLAUSE.pendingCase] },
      { action: 'notify', status: 'allowed' },
    ],
  },
  {
    name: 'A pending case in family court is not a pending criminal case',
    clause: PENDING,
    input: ll62Case({ pendingCases: [pending('PL 120.00(1) AM', { familyCourt: true })] }),
    expect: [{ action: 'hold', status: 'not-allowed' }],
  },
  {
    name: 'A case adjourned in contemplation of dismissal is not pending',
    clause: ACD,
    input: ll62Case({
      pendingCases: [
        pending('PL 155.25 AM', { disposition: 'adjourned-in-contemplation-of-dismissal' }),
      ],
    }),
    expect: [{ action: 'hold', status: 'not-allowed' }],
  },
  {
    name: 'A pending case whose highest charge is a violation (disorderly conduct) is not a pending criminal case',
    clause: VIOLATION_CASE,
    input: ll62Case({ pendingCases: [pending('PL 240.20 V')] }),
    expect: [{ action: 'hold', status: 'not-allowed' }],
  },
  {
    name: 'A conditional discharge for a violation: not a pending criminal case',
    clause: VIOLATION_CASE,
    input: ll62Case({
      pendingCases: [pending('PL 240.20 V', { disposition: 'conditional-discharge' })],
    }),
    expect: [{ action: 'hold', status: 'not-allowed' }],
  },
  {
    name: 'A pending charge whose level is not recorded: needs the level',
    clause: PENDING,
    input: ll62Case({ pendingCases: [pending('PL 155.25')] }),
    expect: [
      {
        action: 'hold',
        status: 'needs-information',
        missing: ['record.pendingCases[0].charges[0].level'],
      },
    ],
  },
  {
    name: 'An outstanding criminal warrant: hold allowed',
    clause: WARRANT,
    input: ll62Case({ criminalWarrant: searchFact(true) }),
    expect: [{ action: 'hold', status: 'allowed', controlling: [CLAUSE.honoring] }],
  },
  {
    name: 'Whether there is a criminal warrant is not recorded: needs it',
    clause: WARRANT,
    input: ll62Case({ criminalWarrant: undefined }),
    expect: [
      { action: 'hold', status: 'needs-information', missing: ['record.criminalWarrant.value'] },
    ],
  },
  {
    name: 'Identified as a known gang member in NCIC: notice allowed',
    clause: GANG,
    input: ll62Case({ knownGangMember: searchFact(true) }),
    expect: [{ action: 'notify', status: 'allowed', controlling: [CLAUSE.honoring] }],
  },
  {
    name: 'Gang-database result not recorded: needs it',
    clause: GANG,
    input: ll62Case({ knownGangMember: { value: 'unknown', source: 'e-justice-ny' } }),
    expect: [
      { action: 'notify', status: 'needs-information', missing: ['record.knownGangMember.value'] },
    ],
  },
  {
    name: 'A possible terrorist-screening-database match: hold allowed',
    clause: TSDB,
    input: ll62Case({ terroristScreeningMatch: searchFact(true) }),
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
    clause: TSDB,
    input: ll62Case({ terroristScreeningMatch: undefined }),
    expect: [
      {
        action: 'hold',
        status: 'needs-information',
        missing: ['record.terroristScreeningMatch.value'],
      },
    ],
  },
  {
    name: 'Federal immigration authorities report an outstanding warrant of removal: hold allowed',
    clause: B2II,
    input: ll62Case({
      warrantOfRemoval: { value: true, source: 'federal-immigration-authorities' },
    }),
    expect: [{ action: 'hold', status: 'allowed', controlling: [CLAUSE.honoring] }],
  },
  {
    name: 'A warrant of removal known only from a court: (b)(2)(ii) accepts the search or federal immigration authorities',
    clause: B2II,
    input: ll62Case({ warrantOfRemoval: { value: true, source: 'court' } }),
    expect: [
      { action: 'hold', status: 'needs-information', missing: ['record.warrantOfRemoval.source'] },
    ],
  },
  {
    name: 'Whether there is a warrant of removal is not recorded: needs it',
    clause: B2II,
    input: ll62Case({ warrantOfRemoval: undefined }),
    expect: [
      { action: 'hold', status: 'needs-information', missing: ['record.warrantOfRemoval.value'] },
    ],
  },
  {
    name: 'A search shows a prior final order of removal: notice allowed',
    clause: B2II,
    input: ll62Case({ finalOrderOfRemoval: searchFact(true) }),
    expect: [{ action: 'notify', status: 'allowed', controlling: [CLAUSE.honoring] }],
  },
  {
    name: 'Whether there is a final order of removal is not recorded: needs it',
    clause: B2II,
    input: ll62Case({ finalOrderOfRemoval: undefined }),
    expect: [
      {
        action: 'notify',
        status: 'needs-information',
        missing: ['record.finalOrderOfRemoval.value'],
      },
    ],
  },
  {
    name: 'A transfer at release with nothing found: not allowed, read as honoring the detainer',
    clause: B1,
    input: ll62Case({}, { request: { actions: ['transfer'] } }),
    expect: [{ action: 'transfer', status: 'not-allowed', controlling: [CLAUSE.honoring] }],
  },
  {
    name: 'A transfer at release after a petit larceny conviction: allowed',
    clause: `${B1}; ${B2I}`,
    input: ll62Case({ convictions: [petitLarceny2005] }, { request: { actions: ['transfer'] } }),
    expect: [{ action: 'transfer', status: 'allowed', controlling: [CLAUSE.conviction] }],
  },
  {
    name: 'The last day of LL62 (release 2013-07-15): a 2001 misdemeanour conviction still counts',
    clause: `${CONVICTED}; LL22/2013 § 4 (in force 2013-07-16)`,
    input: ll62Case(
      { convictions: [nyConviction('PL 155.25 AM', '2001-05-01')] },
      {
        decisionAt: '2013-07-15T09:00:00-04:00',
        otherwiseReleaseAt: '2013-07-15T10:00:00-04:00',
        instantArrestDate: '2013-07-01',
      },
    ),
    expect: [{ action: 'hold', status: 'allowed', controlling: [CLAUSE.conviction] }],
  },
  {
    name: 'The last day of LL62 (release 2013-07-15): a conviction known only from a court must still be confirmed',
    clause: `${B2I}; LL22/2013 § 2 (“or the department has been informed by a court”, from 2013-07-16)`,
    input: ll62Case(
      { convictions: [nyConviction('PL 155.25 AM', '2010-05-01', { source: 'court' })] },
      {
        decisionAt: '2013-07-15T09:00:00-04:00',
        otherwiseReleaseAt: '2013-07-15T10:00:00-04:00',
        instantArrestDate: '2013-07-01',
      },
    ),
    expect: [
      { action: 'hold', status: 'needs-information', missing: ['record.convictions[0].source'] },
    ],
  },
]);
