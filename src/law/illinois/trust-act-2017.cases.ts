/**
 * Legal tests for the Illinois TRUST Act (P.A. 100-0463) from 2017-08-28, and the federal rules
 * the day before. Times are Chicago time (CDT -05:00, CST -06:00).
 */
import type { CaseInput } from '../../engine/case.js';
import { deepFreeze } from '../../engine/freeze.js';
import type { LawCase } from '../testing/law-case.js';
import { detainerCase } from '../testing/law-case.js';
import { CLAUSE } from './clause-ids.js';

const IL = 'illinois';
type Request = Partial<CaseInput['request']>;
type Warrant = NonNullable<Request['judicialWarrant']>;

const DETAIN =
  '5 ILCS 805/15(a) (P.A. 100-0463): “shall not detain or continue to detain any individual solely on the basis of any immigration detainer or non-judicial immigration warrant or otherwise comply with an immigration detainer or non-judicial immigration warrant”';
const DETAINER =
  '5 ILCS 805/10 (P.A. 100-0463): “Immigration detainer” means a document “not approved or ordered by a judge” that “requests ... to provide notice of release or maintain custody of a person”';
const FEDERAL_WARRANT =
  '5 ILCS 805/15(c) (P.A. 100-0463, unverified): the Section does not apply when the agency is presented with “a valid, enforceable federal warrant”';
const STATUS =
  '5 ILCS 805/5 (P.A. 100-0463): the Act does not “prohibit or restrict any entity from sending to, or receiving from, the United States Department of Homeland Security ... information regarding the citizenship or immigration status of any individual”';
const FEDERAL = '8 C.F.R. § 287.7(a): “The detainer is a request”';

const ALL_ACTIONS: Request = {
  form: 'I-247A',
  administrativeWarrants: ['I-200'],
  actions: ['hold', 'notify', 'transfer'],
  judicialWarrant: { presented: false },
};

const MAGISTRATE_WARRANT: Warrant = {
  presented: true,
  issuer: 'federal-magistrate-judge',
  probableCause: true,
};

/** A detainer for a person released at 18:00 on `date`, decided at 09:00 that day. */
export function illinoisCase(
  date: string,
  request: Request = ALL_ACTIONS,
  offset = '-05:00',
): CaseInput {
  return detainerCase(IL, {
    decisionAt: `${date}T09:00:00${offset}`,
    otherwiseReleaseAt: `${date}T18:00:00${offset}`,
    instantArrestDate: date,
    request,
  });
}

export function illinoisInformationRequest(
  date: string,
  information: NonNullable<Request['information']>,
  request: Request = {},
): CaseInput {
  return illinoisCase(date, {
    kind: 'information-request',
    information,
    informationPubliclyAvailable: false,
    judicialWarrant: { presented: false },
    ...request,
  });
}

export const ILLINOIS_TRUST_ACT_CASES: readonly LawCase[] = deepFreeze([
  {
    name: 'Released 2017-08-27, the day before the TRUST Act: the detainer is a request the agency may honour',
    clause: FEDERAL,
    input: illinoisCase('2017-08-27'),
    expect: [
      { action: 'hold', status: 'allowed', controlling: [CLAUSE.detainers, 'us.8-cfr-287.7.a'] },
      { action: 'notify', status: 'allowed' },
      { action: 'transfer', status: 'allowed' },
    ],
  },
  {
    name: 'Released 2017-08-28, the Act’s first day: no hold, no notice of release',
    clause: DETAIN,
    input: illinoisCase('2017-08-28'),
    expect: [
      { action: 'hold', status: 'not-allowed', controlling: [CLAUSE.detainers] },
      {
        action: 'notify',
        status: 'not-allowed',
        controlling: [CLAUSE.detainers, CLAUSE.definitions],
      },
    ],
  },
  {
    name: 'A transfer request is complying with a detainer: not allowed on an I-200 alone',
    clause: DETAINER,
    input: illinoisCase(
      '2019-03-04',
      { ...ALL_ACTIONS, form: 'I-247X', actions: ['transfer'] },
      '-06:00',
    ),
    expect: [{ action: 'transfer', status: 'not-allowed', controlling: [CLAUSE.detainers] }],
  },
  {
    name: 'A federal magistrate judge’s warrant on probable cause: § 15 does not apply',
    clause: FEDERAL_WARRANT,
    input: illinoisCase('2019-06-03', { ...ALL_ACTIONS, judicialWarrant: MAGISTRATE_WARRANT }),
    expect: [
      {
        action: 'hold',
        status: 'allowed',
        controlling: [CLAUSE.federalWarrant],
        holdUntil: '2019-06-05T18:00:00-05:00',
      },
      { action: 'transfer', status: 'allowed', controlling: [CLAUSE.federalWarrant] },
    ],
  },
  {
    name: 'A state judge’s warrant is not a federal warrant',
    clause: FEDERAL_WARRANT,
    input: illinoisCase('2019-06-03', {
      ...ALL_ACTIONS,
      judicialWarrant: { ...MAGISTRATE_WARRANT, issuer: 'state-judge' },
    }),
    expect: [{ action: 'hold', status: 'not-allowed', controlling: [CLAUSE.detainers] }],
  },
  {
    name: 'Whether a judge’s warrant was presented is not recorded: the hold needs that fact',
    clause: FEDERAL_WARRANT,
    input: illinoisCase('2019-06-03', { form: 'I-247A', actions: ['hold'] }),
    expect: [
      {
        action: 'hold',
        status: 'needs-information',
        missing: ['request.judicialWarrant.presented'],
      },
    ],
  },
  {
    name: 'Citizenship or immigration status may be sent; the release date is notice of release',
    clause: STATUS,
    input: illinoisInformationRequest('2019-06-03', [
      'citizenship-or-immigration-status',
      'release-date',
      'criminal-history',
    ]),
    expect: [
      {
        action: 'information',
        item: 'citizenship-or-immigration-status',
        status: 'allowed',
        controlling: [CLAUSE.purpose],
      },
      {
        action: 'information',
        item: 'release-date',
        status: 'not-allowed',
        controlling: [CLAUSE.detainers],
      },
      {
        action: 'information',
        item: 'criminal-history',
        status: 'allowed',
        controlling: [CLAUSE.purpose],
      },
    ],
  },
]);
