/**
 * Legal tests for California before the Values Act: the federal rules until 2013-12-31, then
 * the TRUST Act (AB 4) for holds, with notices, transfers and information still unregulated.
 * Times are Los Angeles time (PST -08:00, PDT -07:00); holds are decided by the law on the day
 * the person would otherwise be released.
 */
import type { CaseInput } from '../../engine/case.js';
import { deepFreeze } from '../../engine/freeze.js';
import type { LawCase } from '../testing/law-case.js';
import { detainerCase } from '../testing/law-case.js';
import { CLAUSE } from './clause-ids.js';

const CA = 'california';
type Findings = NonNullable<NonNullable<CaseInput['findings']>['california']>;

const HOLD_TEST =
  '§ 7282.5(a) (AB 4): “may detain an individual on the basis of an immigration hold after that individual becomes eligible for release from custody only if the continued detention ... would not violate any federal, state, or local law, or any local policy, and only if any of the following applies”';
const FEDERAL = '8 C.F.R. § 287.7(a): “The detainer is a request”';

/** Every § 7282.5 criterion found not met. */
const NONE_MET: Findings = {
  seriousOrViolentFelonyConviction: false,
  statePrisonFelonyConviction: false,
  listedOffenseWithinLookback: false,
  sexOrArsonRegistrant: false,
  aggravatedFelonyConviction: false,
  federalFelonyWarrant: false,
  magistrateProbableCause: false,
};

/** A detainer for a person released at 18:00 on `date`, decided that morning. */
function releasedOn(
  date: string,
  offset: string,
  findings: Findings,
  request: Partial<CaseInput['request']> = {},
): CaseInput {
  return detainerCase(CA, {
    decisionAt: `${date}T09:00:00${offset}`,
    otherwiseReleaseAt: `${date}T18:00:00${offset}`,
    instantArrestDate: date,
    request: { form: 'I-247', ...request },
    findings: { california: findings },
  });
}

/** A 2016 case (TRUST Act in force) in which continued detention would violate no law. */
function trustCase(findings: Findings): CaseInput {
  return releasedOn('2016-06-01', '-07:00', { detentionWouldViolateLaw: false, ...findings });
}

const criterionRows: LawCase[] = (
  [
    [
      'seriousOrViolentFelonyConviction',
      'a serious or violent felony conviction',
      '§ 7282.5(a)(1) (AB 4): “convicted of a serious or violent felony identified in subdivision (c) of Section 1192.7 of, or subdivision (c) of Section 667.5 of, the Penal Code”',
      CLAUSE.cooperationCriteria,
    ],
    [
      'statePrisonFelonyConviction',
      'a state-prison felony conviction',
      '§ 7282.5(a)(2) (AB 4): “convicted of a felony punishable by imprisonment in the state prison”',
      CLAUSE.cooperationCriteria,
    ],
    [
      'listedOffenseWithinLookback',
      'a listed offence within the look-back',
      '§ 7282.5(a)(3) (AB 4): “convicted within the past five years of a misdemeanor for a crime punishable as either a misdemeanor or a felony, or within 15 years of a felony, for any of the offenses listed”',
      CLAUSE.cooperationCriteria,
    ],
    [
      'sexOrArsonRegistrant',
      'a current Sex and Arson Registry registrant',
      '§ 7282.5(a)(4) (AB 4): “a current registrant on the California Sex and Arson Registry”',
      CLAUSE.cooperationCriteria,
    ],
    [
      'aggravatedFelonyConviction',
      'a federal aggravated-felony conviction',
      '§ 7282.5(a)(5) (AB 4): “convicted of a federal crime that meets the definition of an aggravated felony”',
      CLAUSE.cooperationCriteria,
    ],
    [
      'federalFelonyWarrant',
      'an outstanding federal felony warrant identified by ICE',
      '§ 7282.5(a)(6) (AB 4): “identified by the United States Immigration and Customs Enforcement as the subject of an outstanding federal felony arrest warrant”',
      CLAUSE.cooperationCriteria,
    ],
    [
      'magistrateProbableCause',
      'a magistrate’s probable-cause finding on a felony charge',
      '§ 7282.5(b) (AB 4): “arrested and taken before a magistrate on a charge involving a serious or violent felony ... and the magistrate has found probable cause as to that charge pursuant to Section 872”',
      CLAUSE.magistrateProbableCause,
    ],
  ] as const
).map(([name, what, quote, id]) => ({
  name: `TRUST Act, only ${what}, detention lawful: hold allowed`,
  clause: quote,
  input: trustCase({ ...NONE_MET, [name]: true }),
  expect: [{ action: 'hold', status: 'allowed', controlling: [id] }],
}));

export const CALIFORNIA_TRUST_ACT_CASES: readonly LawCase[] = deepFreeze([
  {
    name: 'Released Tuesday 2013-12-31 18:00, the day before the TRUST Act: a federal request, held at most until Friday 18:00 (New Year’s Day excluded)',
    clause: `${FEDERAL}; § 287.7(d): “excluding Saturdays, Sundays, and holidays”`,
    input: releasedOn('2013-12-31', '-08:00', NONE_MET),
    expect: [
      {
        action: 'hold',
        status: 'allowed',
        holdUntil: '2014-01-03T18:00:00-08:00',
        controlling: [CLAUSE.cooperationCriteria, 'us.8-cfr-287.7.a'],
      },
      { action: 'notify', status: 'allowed' },
    ],
  },
  {
    name: 'Released 2014-01-01, the TRUST Act’s first day, no criterion met: hold not allowed',
    clause: HOLD_TEST,
    input: releasedOn('2014-01-01', '-08:00', NONE_MET),
    expect: [
      { action: 'hold', status: 'not-allowed', controlling: [CLAUSE.cooperationCriteria] },
      { action: 'notify', status: 'allowed', controlling: [CLAUSE.notification] },
    ],
  },
  {
    name: 'Released 07:30 UTC on 2014-01-01, still 31 December in Los Angeles: the federal rules decide',
    clause: FEDERAL,
    input: {
      ...releasedOn('2013-12-31', '-08:00', NONE_MET),
      otherwiseReleaseAt: '2014-01-01T07:30:00Z',
    },
    expect: [{ action: 'hold', status: 'allowed' }],
  },
  ...criterionRows,
  {
    name: 'TRUST Act, a serious felony conviction but detention would violate a local policy: not allowed',
    clause: HOLD_TEST,
    input: trustCase({ seriousOrViolentFelonyConviction: true, detentionWouldViolateLaw: true }),
    expect: [{ action: 'hold', status: 'not-allowed', controlling: [CLAUSE.cooperationCriteria] }],
  },
  {
    name: 'TRUST Act, a criterion met but whether detention would violate law is not recorded: needs a legal finding',
    clause: HOLD_TEST,
    input: releasedOn('2016-06-01', '-07:00', { ...NONE_MET, statePrisonFelonyConviction: true }),
    expect: [
      {
        action: 'hold',
        status: 'needs-information',
        missing: ['findings.california.detentionWouldViolateLaw'],
      },
    ],
  },
  {
    name: 'TRUST Act, no § 7282.5 finding recorded: needs every criterion, not "none met"',
    clause: HOLD_TEST,
    input: trustCase({}),
    expect: [
      {
        action: 'hold',
        status: 'needs-information',
        missing: [
          'findings.california.seriousOrViolentFelonyConviction',
          'findings.california.statePrisonFelonyConviction',
          'findings.california.listedOffenseWithinLookback',
          'findings.california.sexOrArsonRegistrant',
          'findings.california.aggravatedFelonyConviction',
          'findings.california.federalFelonyWarrant',
          'findings.california.magistrateProbableCause',
        ],
      },
    ],
  },
  {
    name: 'TRUST Act, no criterion met: not allowed without asking whether detention would violate law',
    clause: HOLD_TEST,
    input: releasedOn('2016-06-01', '-07:00', NONE_MET),
    expect: [{ action: 'hold', status: 'not-allowed' }],
  },
  {
    name: 'TRUST Act, notification-only request (I-247N) for a person meeting no criterion: not regulated, allowed',
    clause:
      'AB 4 regulates only detention “on the basis of an immigration hold”; § 7284.6 (SB 54) not yet in force',
    input: releasedOn('2016-06-01', '-07:00', NONE_MET, { form: 'I-247N' }),
    expect: [{ action: 'notify', status: 'allowed', controlling: [CLAUSE.notification] }],
  },
  {
    name: 'TRUST Act, transfer request (I-247X) for a person meeting no criterion: not regulated, allowed',
    clause:
      'AB 4 regulates only detention “on the basis of an immigration hold”; § 7284.6(a)(4) (SB 54) not yet in force',
    input: releasedOn('2016-06-01', '-07:00', NONE_MET, { form: 'I-247X' }),
    expect: [{ action: 'transfer', status: 'allowed', controlling: [CLAUSE.transfer] }],
  },
  {
    name: 'TRUST Act, a request for the release date: no state law limits the answer',
    clause: '§ 7284.6(a)(1)(C)-(D) (SB 54) not yet in force',
    input: releasedOn('2016-06-01', '-07:00', NONE_MET, {
      kind: 'information-request',
      information: ['release-date', 'personal-information'],
      informationPubliclyAvailable: false,
    }),
    expect: [
      { action: 'information', item: 'release-date', status: 'allowed' },
      { action: 'information', item: 'personal-information', status: 'allowed' },
    ],
  },
  {
    name: 'Hold allowed on an I-247 released Friday 18:00: 48 hours excluding Saturday and Sunday end Tuesday 18:00',
    clause:
      '8 C.F.R. § 287.7(d): “not to exceed 48 hours, excluding Saturdays, Sundays, and holidays”',
    input: releasedOn('2014-06-06', '-07:00', {
      ...NONE_MET,
      seriousOrViolentFelonyConviction: true,
      detentionWouldViolateLaw: false,
    }),
    expect: [{ action: 'hold', status: 'allowed', holdUntil: '2014-06-10T18:00:00-07:00' }],
  },
  {
    name: 'I-247A released Friday 2017-06-02 18:00 under the TRUST Act: hold until Sunday 2017-06-04 18:00',
    clause:
      'DHS Form I-247A: “Maintain custody ... for a period not to exceed 48 hours beyond the time when he/she would otherwise have been released”',
    input: releasedOn(
      '2017-06-02',
      '-07:00',
      { ...NONE_MET, seriousOrViolentFelonyConviction: true, detentionWouldViolateLaw: false },
      { form: 'I-247A', administrativeWarrants: ['I-200'] },
    ),
    expect: [{ action: 'hold', status: 'allowed', holdUntil: '2017-06-04T18:00:00-07:00' }],
  },
  {
    name: 'Released 2016-12-31, the day before the TRUTH Act: the TRUST Act alone decides the hold',
    clause: HOLD_TEST,
    input: releasedOn('2016-12-31', '-08:00', {
      ...NONE_MET,
      statePrisonFelonyConviction: true,
      detentionWouldViolateLaw: false,
    }),
    expect: [{ action: 'hold', status: 'allowed', controlling: [CLAUSE.cooperationCriteria] }],
  },
  {
    name: 'Released 2017-01-01: the TRUTH Act adds duties (duties-and-cautions.test.ts) but does not change the hold rule',
    clause:
      '§ 7283.1(b) (AB 2792): “shall provide a copy of the request to the individual and inform the individual whether the agency intends to comply”',
    input: releasedOn('2017-01-01', '-08:00', {
      ...NONE_MET,
      statePrisonFelonyConviction: true,
      detentionWouldViolateLaw: false,
    }),
    expect: [{ action: 'hold', status: 'allowed', controlling: [CLAUSE.cooperationCriteria] }],
  },
  {
    name: 'Released 2017-12-31, the TRUST Act’s last day, serious felony conviction: hold allowed (a caution says it must end at midnight)',
    clause: HOLD_TEST,
    input: releasedOn(
      '2017-12-31',
      '-08:00',
      { ...NONE_MET, seriousOrViolentFelonyConviction: true, detentionWouldViolateLaw: false },
      { form: 'I-247A', administrativeWarrants: ['I-200'] },
    ),
    expect: [{ action: 'hold', status: 'allowed', controlling: [CLAUSE.cooperationCriteria] }],
  },
]);
