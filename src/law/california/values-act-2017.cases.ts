/**
 * Legal tests for the California Values Act (SB 54) from 2018-01-01. Times are Los Angeles
 * time. Holds and transfers are decided by the law on the day the person would otherwise be
 * released, notices and information by the law on the day the agency decides.
 */
import type { CaseInput } from '../../engine/case.js';
import { deepFreeze } from '../../engine/freeze.js';
import type { LawCase } from '../testing/law-case.js';
import { detainerCase } from '../testing/law-case.js';
import { CLAUSE } from './clause-ids.js';

const CA = 'california';
type Findings = NonNullable<NonNullable<CaseInput['findings']>['california']>;
type Request = Partial<CaseInput['request']>;

const HOLD = '§ 7284.6(a)(1)(B) (SB 54): “Detaining an individual on the basis of a hold request.”';
const NOTIFY =
  '§ 7284.6(a)(1)(C) (SB 54): “Respond to requests for notification by providing release dates or other information unless that information is available to the public, or is in response to a notification request from immigration authorities in accordance with Section 7282.5”';
const TRANSFER =
  '§ 7284.6(a)(4) (SB 54): “Transfer an individual to immigration authorities unless authorized by a judicial warrant or judicial probable cause determination, or in accordance with Section 7282.5”';
const WARRANT =
  '§ 7284.4 (SB 54): “Judicial warrant” means “a warrant based on probable cause for a violation of federal criminal immigration law and issued by a federal judge or a federal magistrate judge”';
const PERSONAL =
  '§ 7284.6(a)(1)(D) (SB 54): “Provide personal information about an individual, including the individual’s home address or work address, unless that information is available to the public”';

const NONE_MET: Findings = {
  seriousOrViolentFelonyConviction: false,
  statePrisonFelonyConviction: false,
  listedOffenseWithinLookback: false,
  sexOrArsonRegistrant: false,
  aggravatedFelonyConviction: false,
  federalFelonyWarrant: false,
  magistrateProbableCause: false,
};

/** Nothing but the detainer: no judicial warrant or finding, release date not public. */
const DETAINER_ONLY: Request = {
  form: 'I-247A',
  administrativeWarrants: ['I-200'],
  judicialWarrant: { presented: false },
  judicialProbableCauseDetermination: false,
  informationPubliclyAvailable: false,
};

const ALL_ACTIONS: Request = { ...DETAINER_ONLY, actions: ['hold', 'notify', 'transfer'] };

/** A case decided at 09:00 on `date` for a person released at 18:00 that day. */
function caseOn(date: string, findings: Findings, request: Request, offset = '-07:00'): CaseInput {
  return detainerCase(CA, {
    decisionAt: `${date}T09:00:00${offset}`,
    otherwiseReleaseAt: `${date}T18:00:00${offset}`,
    instantArrestDate: date,
    request,
    findings: { california: findings },
  });
}

function in2019(findings: Findings, request: Request = ALL_ACTIONS): CaseInput {
  return caseOn('2019-06-03', findings, request);
}

function informationRequest(
  information: NonNullable<Request['information']>,
  findings: Findings = NONE_MET,
  request: Request = {},
): CaseInput {
  return in2019(findings, {
    kind: 'information-request',
    information,
    informationPubliclyAvailable: false,
    ...request,
  });
}

const criterionRows: LawCase[] = (
  [
    [
      'seriousOrViolentFelonyConviction',
      'a serious or violent felony conviction',
      '§ 7282.5(a)(1) (SB 54): “convicted of a serious or violent felony identified in subdivision (c) of Section 1192.7 of, or subdivision (c) of Section 667.5 of, the Penal Code”',
    ],
    [
      'statePrisonFelonyConviction',
      'a state-prison felony conviction',
      '§ 7282.5(a)(2) (SB 54): “convicted of a felony punishable by imprisonment in the state prison”',
    ],
    [
      'listedOffenseWithinLookback',
      'a listed offence within the look-back',
      '§ 7282.5(a)(3) (SB 54): “within the past five years of a misdemeanor ... or within the past 15 years of a felony, for any of the offenses listed”',
    ],
    [
      'sexOrArsonRegistrant',
      'a current Sex and Arson Registry registrant',
      '§ 7282.5(a)(4) (SB 54): “a current registrant on the California Sex and Arson Registry”',
    ],
    [
      'aggravatedFelonyConviction',
      'a federal aggravated-felony conviction',
      '§ 7282.5(a)(5) (SB 54): “convicted of a federal crime that meets the definition of an aggravated felony”',
    ],
    [
      'federalFelonyWarrant',
      'an outstanding federal felony warrant identified by ICE',
      '§ 7282.5(a)(5) (SB 54): “or is identified by the United States Immigration and Customs Enforcement as the subject of an outstanding federal felony arrest warrant”',
    ],
  ] as const
).map(([name, what, quote]) => ({
  name: `Values Act, ${what}: notice and transfer allowed, hold still not`,
  clause: quote,
  input: in2019({ ...NONE_MET, [name]: true }),
  expect: [
    { action: 'hold', status: 'not-allowed', controlling: [CLAUSE.hold] },
    {
      action: 'notify',
      status: 'allowed',
      controlling: [CLAUSE.notification, CLAUSE.cooperationCriteria],
    },
    {
      action: 'transfer',
      status: 'allowed',
      controlling: [CLAUSE.transfer, CLAUSE.cooperationCriteria],
    },
  ],
}));

export const CALIFORNIA_VALUES_ACT_CASES: readonly LawCase[] = deepFreeze([
  {
    name: 'Released 2018-01-01, the Values Act’s first day, serious felony conviction: hold not allowed',
    clause: HOLD,
    input: caseOn(
      '2018-01-01',
      { ...NONE_MET, seriousOrViolentFelonyConviction: true, detentionWouldViolateLaw: false },
      DETAINER_ONLY,
      '-08:00',
    ),
    expect: [{ action: 'hold', status: 'not-allowed', controlling: [CLAUSE.hold] }],
  },
  {
    name: 'Values Act: no hold even with a judicial warrant and every criterion met',
    clause: HOLD,
    input: in2019(
      {
        seriousOrViolentFelonyConviction: true,
        statePrisonFelonyConviction: true,
        aggravatedFelonyConviction: true,
        magistrateProbableCause: true,
        detentionWouldViolateLaw: false,
      },
      {
        ...ALL_ACTIONS,
        judicialWarrant: {
          presented: true,
          issuer: 'federal-magistrate-judge',
          probableCause: true,
          federalCriminalImmigrationLaw: true,
        },
      },
    ),
    expect: [
      { action: 'hold', status: 'not-allowed', controlling: [CLAUSE.hold] },
      {
        action: 'transfer',
        status: 'allowed',
        controlling: [CLAUSE.transfer, CLAUSE.judicialWarrant],
      },
    ],
  },
  {
    name: 'Notice decided 2017-12-31, before the Values Act, no criterion met: allowed',
    clause: 'SB 54 in force 2018-01-01; before it no California law limited notification',
    input: caseOn('2017-12-31', NONE_MET, DETAINER_ONLY, '-08:00'),
    expect: [{ action: 'notify', status: 'allowed', controlling: [CLAUSE.notification] }],
  },
  {
    name: 'Notice decided 2018-01-01, no criterion met, release date not public: not allowed',
    clause: NOTIFY,
    input: caseOn('2018-01-01', NONE_MET, DETAINER_ONLY, '-08:00'),
    expect: [{ action: 'notify', status: 'not-allowed', controlling: [CLAUSE.notification] }],
  },
  {
    name: 'Decided 2017-12-20 for a release on 2018-01-03: the hold falls under the Values Act, the notice does not',
    clause: `${HOLD}; ${NOTIFY}`,
    input: detainerCase(CA, {
      decisionAt: '2017-12-20T09:00:00-08:00',
      otherwiseReleaseAt: '2018-01-03T18:00:00-08:00',
      instantArrestDate: '2017-12-01',
      request: DETAINER_ONLY,
      findings: { california: { ...NONE_MET, detentionWouldViolateLaw: false } },
    }),
    expect: [
      { action: 'hold', status: 'not-allowed', controlling: [CLAUSE.hold] },
      { action: 'notify', status: 'allowed' },
    ],
  },
  {
    name: 'Values Act, no criterion met but the release date is public: notice allowed',
    clause: NOTIFY,
    input: in2019(NONE_MET, { ...DETAINER_ONLY, informationPubliclyAvailable: true }),
    expect: [{ action: 'notify', status: 'allowed', controlling: [CLAUSE.notification] }],
  },
  ...criterionRows,
  {
    name: 'Values Act, only a magistrate’s probable-cause finding on a pending felony: notice allowed, transfer not',
    clause:
      '§ 7282.5(b) (SB 54): “may be the subject of a response described in subparagraph (C) of paragraph (1) of subdivision (a) of Section 7284.6 if the magistrate makes a finding of probable cause”',
    input: in2019({ ...NONE_MET, magistrateProbableCause: true }),
    expect: [
      { action: 'notify', status: 'allowed', controlling: [CLAUSE.magistrateProbableCause] },
      { action: 'transfer', status: 'not-allowed', controlling: [CLAUSE.transfer] },
    ],
  },
  {
    name: 'Values Act, nothing recorded about the person or the release date: notice needs information',
    clause: NOTIFY,
    input: in2019({}, { form: 'I-247A' }),
    expect: [
      {
        action: 'notify',
        status: 'needs-information',
        missing: [
          'request.informationPubliclyAvailable',
          'findings.california.seriousOrViolentFelonyConviction',
          'findings.california.federalFelonyWarrant',
          'findings.california.magistrateProbableCause',
        ],
      },
    ],
  },
  {
    name: 'Values Act, a criterion met but nothing else recorded: notice allowed without asking more',
    clause: NOTIFY,
    input: in2019({ sexOrArsonRegistrant: true }, { form: 'I-247A' }),
    expect: [{ action: 'notify', status: 'allowed' }],
  },
  {
    name: 'Transfer on a judicial warrant from a federal magistrate judge for a federal criminal immigration offence: allowed',
    clause: `${TRANSFER}; ${WARRANT}`,
    input: in2019(NONE_MET, {
      ...DETAINER_ONLY,
      form: 'I-247X',
      judicialWarrant: {
        presented: true,
        issuer: 'federal-magistrate-judge',
        probableCause: true,
        federalCriminalImmigrationLaw: true,
      },
    }),
    expect: [
      {
        action: 'transfer',
        status: 'allowed',
        controlling: [CLAUSE.transfer, CLAUSE.judicialWarrant],
      },
    ],
  },
  {
    name: 'A federal judge’s warrant that is not for a federal criminal immigration offence is not a judicial warrant',
    clause: WARRANT,
    input: in2019(NONE_MET, {
      ...DETAINER_ONLY,
      form: 'I-247X',
      judicialWarrant: {
        presented: true,
        issuer: 'article-iii-judge',
        probableCause: true,
        federalCriminalImmigrationLaw: false,
      },
    }),
    expect: [{ action: 'transfer', status: 'not-allowed' }],
  },
  {
    name: 'A state judge’s warrant is not a judicial warrant',
    clause: WARRANT,
    input: in2019(NONE_MET, {
      ...DETAINER_ONLY,
      form: 'I-247X',
      judicialWarrant: {
        presented: true,
        issuer: 'state-judge',
        probableCause: true,
        federalCriminalImmigrationLaw: true,
      },
    }),
    expect: [{ action: 'transfer', status: 'not-allowed' }],
  },
  {
    name: 'Judicial warrant presented, issuer not recorded: needs the issuer',
    clause: WARRANT,
    input: in2019(NONE_MET, {
      ...DETAINER_ONLY,
      form: 'I-247X',
      judicialWarrant: {
        presented: true,
        probableCause: true,
        federalCriminalImmigrationLaw: true,
      },
    }),
    expect: [
      {
        action: 'transfer',
        status: 'needs-information',
        missing: ['request.judicialWarrant.issuer'],
      },
    ],
  },
  {
    name: 'Only an administrative warrant (I-200) and no criterion met: transfer not allowed',
    clause: TRANSFER,
    input: in2019(NONE_MET, { ...DETAINER_ONLY, form: 'I-247X' }),
    expect: [{ action: 'transfer', status: 'not-allowed', controlling: [CLAUSE.transfer] }],
  },
  {
    name: 'A judicial probable-cause determination: transfer allowed',
    clause:
      '§ 7284.6(a)(4) (SB 54): “unless authorized by a ... judicial probable cause determination”; § 7284.4: “a determination made by a federal judge or federal magistrate judge”',
    input: in2019(NONE_MET, {
      ...DETAINER_ONLY,
      form: 'I-247X',
      judicialProbableCauseDetermination: true,
    }),
    expect: [
      {
        action: 'transfer',
        status: 'allowed',
        controlling: [CLAUSE.transfer, CLAUSE.judicialWarrant],
      },
    ],
  },
  {
    name: 'Transfer request with no warrant, judicial finding or criterion recorded: needs information',
    clause: TRANSFER,
    input: in2019({}, { form: 'I-247X' }),
    expect: [
      {
        action: 'transfer',
        status: 'needs-information',
        missing: [
          'request.judicialWarrant.presented',
          'request.judicialProbableCauseDetermination',
          'findings.california.seriousOrViolentFelonyConviction',
        ],
      },
    ],
  },
  {
    name: 'Transferred on 2018-01-01 with no warrant or criterion, decided the day before: the Values Act applies',
    clause: TRANSFER,
    input: detainerCase(CA, {
      decisionAt: '2017-12-31T09:00:00-08:00',
      otherwiseReleaseAt: '2018-01-01T10:00:00-08:00',
      instantArrestDate: '2017-12-01',
      request: { ...DETAINER_ONLY, form: 'I-247X' },
      findings: { california: NONE_MET },
    }),
    expect: [{ action: 'transfer', status: 'not-allowed', controlling: [CLAUSE.transfer] }],
  },
  {
    name: 'Transferred on 2017-12-31 on the same facts: no California law limited transfers',
    clause: 'SB 54 in force 2018-01-01',
    input: caseOn('2017-12-31', NONE_MET, { ...DETAINER_ONLY, form: 'I-247X' }, '-08:00'),
    expect: [{ action: 'transfer', status: 'allowed', controlling: [CLAUSE.transfer] }],
  },
  {
    name: 'Home address, not public: not allowed',
    clause: PERSONAL,
    input: informationRequest(['personal-information']),
    expect: [
      {
        action: 'information',
        item: 'personal-information',
        status: 'not-allowed',
        controlling: [CLAUSE.personalInformation],
      },
    ],
  },
  {
    name: 'Home address that is available to the public: allowed',
    clause: PERSONAL,
    input: informationRequest(['personal-information'], NONE_MET, {
      informationPubliclyAvailable: true,
    }),
    expect: [{ action: 'information', item: 'personal-information', status: 'allowed' }],
  },
  {
    name: 'Home address, whether public not recorded: needs information',
    clause: PERSONAL,
    input: informationRequest(['personal-information'], NONE_MET, {
      informationPubliclyAvailable: 'unknown',
    }),
    expect: [
      {
        action: 'information',
        item: 'personal-information',
        status: 'needs-information',
        missing: ['request.informationPubliclyAvailable'],
      },
    ],
  },
  {
    name: 'Criminal history and immigration status, for a person meeting no criterion: both allowed',
    clause:
      '§ 7284.6(b)(2) (SB 54): “Responding to a request from immigration authorities for information about a specific person’s criminal history”; § 7284.6(e): “information regarding the citizenship or immigration status, lawful or unlawful, of an individual”',
    input: informationRequest(['criminal-history', 'citizenship-or-immigration-status']),
    expect: [
      {
        action: 'information',
        item: 'criminal-history',
        status: 'allowed',
        controlling: [CLAUSE.criminalHistory],
      },
      {
        action: 'information',
        item: 'citizenship-or-immigration-status',
        status: 'allowed',
        controlling: [CLAUSE.immigrationStatus],
      },
    ],
  },
  {
    name: 'Release date for a current Sex and Arson Registry registrant: allowed, as a notice would be',
    clause: NOTIFY,
    input: informationRequest(['release-date'], { ...NONE_MET, sexOrArsonRegistrant: true }),
    expect: [
      {
        action: 'information',
        item: 'release-date',
        status: 'allowed',
        controlling: [CLAUSE.notification, CLAUSE.cooperationCriteria],
      },
    ],
  },
  {
    name: 'Release date after a magistrate’s probable-cause finding on a pending felony: allowed',
    clause: NOTIFY,
    input: informationRequest(['release-date'], { ...NONE_MET, magistrateProbableCause: true }),
    expect: [{ action: 'information', item: 'release-date', status: 'allowed' }],
  },
  {
    name: 'Release date, no criterion met, not public: not allowed',
    clause: NOTIFY,
    input: informationRequest(['release-date']),
    expect: [
      {
        action: 'information',
        item: 'release-date',
        status: 'not-allowed',
        controlling: [CLAUSE.notification],
      },
    ],
  },
  {
    name: 'Release date, criteria not recorded: needs information',
    clause: NOTIFY,
    input: informationRequest(['release-date'], {}),
    expect: [
      {
        action: 'information',
        item: 'release-date',
        status: 'needs-information',
        missing: ['findings.california.statePrisonFelonyConviction'],
      },
    ],
  },
  {
    name: 'Court dates and custody status, not public: read as personal information, not allowed',
    clause: PERSONAL,
    input: informationRequest(['court-dates', 'incarceration-status']),
    expect: [
      { action: 'information', item: 'court-dates', status: 'not-allowed' },
      { action: 'information', item: 'incarceration-status', status: 'not-allowed' },
    ],
  },
  {
    name: 'Custody status shown on the public inmate locator: allowed',
    clause: PERSONAL,
    input: informationRequest(['incarceration-status'], NONE_MET, {
      informationPubliclyAvailable: true,
    }),
    expect: [{ action: 'information', item: 'incarceration-status', status: 'allowed' }],
  },
  {
    name: 'Release date asked on 2017-12-31: no California law limited the answer',
    clause: 'SB 54 in force 2018-01-01',
    input: {
      ...informationRequest(['release-date']),
      decisionAt: '2017-12-31T12:00:00-08:00',
    },
    expect: [{ action: 'information', item: 'release-date', status: 'allowed' }],
  },
  {
    name: 'Release date asked on 2018-01-01: not allowed',
    clause: NOTIFY,
    input: {
      ...informationRequest(['release-date']),
      decisionAt: '2018-01-01T12:00:00-08:00',
    },
    expect: [{ action: 'information', item: 'release-date', status: 'not-allowed' }],
  },
]);
