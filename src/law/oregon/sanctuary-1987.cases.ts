/**
 * Legal tests for Oregon before the Sanctuary Promise Act: ORS 181.850 (1987, amended 2003) and
 * ORS 180.805 (from 2017-08-15). Times are Pacific time (PDT -07:00, PST -08:00).
 */
import type { CaseInput } from '../../engine/case.js';
import { deepFreeze } from '../../engine/freeze.js';
import type { LawCase } from '../testing/law-case.js';
import { detainerCase } from '../testing/law-case.js';
import { CLAUSE } from './clause-ids.js';

const OR = 'oregon';
type Request = Partial<CaseInput['request']>;

const ONLY_VIOLATION =
  'ORS 181.850(1): no agency money, equipment or personnel “for the purpose of detecting or apprehending persons whose only violation of law is that they are persons of foreign citizenship present in the United States in violation of federal immigration laws”';
const EXCHANGE =
  'ORS 181.850(2): an agency “may exchange information” with federal immigration authorities to “(a) Verify the immigration status of a person if the person is arrested for any criminal offense”';
const DISCLOSE =
  'ORS 180.805(1) (2017): “Except as required by state or federal law, a public body may not disclose, for the purpose of enforcement of federal immigration laws” a person’s address, workplace, contact information, or hearing dates “that are not matters of public record”';

const ALL_ACTIONS: Request = {
  form: 'I-247A',
  administrativeWarrants: ['I-200'],
  actions: ['hold', 'notify', 'transfer'],
  judicialWarrant: { presented: false },
};

/** A detainer for a person released at 18:00 on `date`, decided at 09:00 that day. */
export function oregonCase(
  date: string,
  request: Request = ALL_ACTIONS,
  offset = '-07:00',
): CaseInput {
  return detainerCase(OR, {
    decisionAt: `${date}T09:00:00${offset}`,
    otherwiseReleaseAt: `${date}T18:00:00${offset}`,
    instantArrestDate: date,
    request,
  });
}

export function oregonInformationRequest(
  date: string,
  information: NonNullable<Request['information']>,
  request: Request = {},
): CaseInput {
  return oregonCase(date, {
    kind: 'information-request',
    information,
    informationPubliclyAvailable: false,
    informationRequiredByLaw: false,
    ...request,
  });
}

export const OREGON_1987_CASES: readonly LawCase[] = deepFreeze([
  {
    name: 'Released 2003-06-02: a person in custody on a criminal matter may be held within the federal limit',
    clause: ONLY_VIOLATION,
    input: oregonCase('2003-06-02'),
    expect: [
      {
        action: 'hold',
        status: 'allowed',
        controlling: [CLAUSE.resources],
        holdUntil: '2003-06-04T18:00:00-07:00',
      },
      { action: 'notify', status: 'allowed', controlling: [CLAUSE.resources] },
      { action: 'transfer', status: 'allowed', controlling: [CLAUSE.resources] },
    ],
  },
  {
    name: 'Released 2016-06-01, after 2003 c.571: the same',
    clause: ONLY_VIOLATION,
    input: oregonCase('2016-06-01'),
    expect: [{ action: 'hold', status: 'allowed', holdUntil: '2016-06-03T18:00:00-07:00' }],
  },
  {
    name: 'Decided 2017-08-14, before ORS 180.805: an address may be given',
    clause: EXCHANGE,
    input: oregonInformationRequest('2017-08-14', ['personal-information']),
    expect: [
      {
        action: 'information',
        item: 'personal-information',
        status: 'allowed',
        controlling: [CLAUSE.informationExchange],
      },
    ],
  },
  {
    name: 'Decided 2017-08-15: an address may not be given; status and release date may',
    clause: DISCLOSE,
    input: oregonInformationRequest('2017-08-15', [
      'personal-information',
      'citizenship-or-immigration-status',
      'release-date',
    ]),
    expect: [
      {
        action: 'information',
        item: 'personal-information',
        status: 'not-allowed',
        controlling: [CLAUSE.disclosure],
      },
      { action: 'information', item: 'citizenship-or-immigration-status', status: 'allowed' },
      { action: 'information', item: 'release-date', status: 'allowed' },
    ],
  },
  {
    name: 'Court dates: not unless a matter of public record',
    clause: DISCLOSE,
    input: oregonInformationRequest('2019-03-04', ['court-dates'], {}),
    expect: [{ action: 'information', item: 'court-dates', status: 'not-allowed' }],
  },
  {
    name: 'Court dates that are a matter of public record may be given',
    clause: DISCLOSE,
    input: oregonInformationRequest('2019-03-04', ['court-dates'], {
      informationPubliclyAvailable: true,
    }),
    expect: [{ action: 'information', item: 'court-dates', status: 'allowed' }],
  },
  {
    name: 'An address required by law may be given; whether one is required must be recorded',
    clause: DISCLOSE,
    input: oregonInformationRequest('2019-03-04', ['personal-information'], {
      informationRequiredByLaw: undefined,
    }),
    expect: [
      {
        action: 'information',
        item: 'personal-information',
        status: 'needs-information',
        missing: ['request.informationRequiredByLaw'],
      },
    ],
  },
]);
