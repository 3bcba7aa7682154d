/**
 * Legal tests for Texas: the federal rules until 2017-08-31, SB 4's detainer mandate (CCP
 * art. 2.251) from 2017-09-01, and its 2025 recodification. Times are Central time (CDT -05:00,
 * CST -06:00) unless a row gives an El Paso agency's Mountain time.
 */
import type { CaseInput } from '../../engine/case.js';
import { deepFreeze } from '../../engine/freeze.js';
import type { LawCase } from '../testing/law-case.js';
import { detainerCase } from '../testing/law-case.js';
import { CLAUSE } from './clause-ids.js';

const TX = 'texas';
type Request = Partial<CaseInput['request']>;
type PersonRecord = NonNullable<CaseInput['record']>;

const MANDATE =
  'CCP art. 2.251(a)(1) (SB 4): an agency with custody of a person subject to an ICE detainer request shall “comply with, honor, and fulfill any request made in the detainer request”';
const PROOF =
  'CCP art. 2.251(b) (SB 4): not required “with respect to a person who has provided proof that the person is a citizen of the United States or has lawful immigration status”';
const ICE_ONLY =
  'CCP art. 2.251(a) (SB 4): “an immigration detainer request issued by United States Immigration and Customs Enforcement”';
const FEDERAL = '8 C.F.R. § 287.7(a): “The detainer is a request”';
const STATUS =
  'Gov’t Code § 752.053(b)(2) (SB 4): a local entity may not limit “sharing information about the immigration status of such a person with federal agencies”';

const NO_PROOF: PersonRecord = {
  searchCompleted: true,
  convictions: [],
  proofOfLawfulStatus: false,
};
const I_247A: Request = { form: 'I-247A', administrativeWarrants: ['I-200'] };

/** A detainer for a person released at `time` on `date`, decided that morning. */
function releasedOn(
  date: string,
  request: Request = I_247A,
  record: PersonRecord = NO_PROOF,
  time = '18:00:00-05:00',
): CaseInput {
  return detainerCase(TX, {
    decisionAt: `${date}T09:00:00${time.slice(-6)}`,
    otherwiseReleaseAt: `${date}T${time}`,
    instantArrestDate: date,
    request,
    record,
  });
}

function informationRequest(
  information: NonNullable<Request['information']>,
  date: string,
): CaseInput {
  return releasedOn(date, { kind: 'information-request', information });
}

export const TEXAS_SB4_CASES: readonly LawCase[] = deepFreeze([
  {
    name: 'Released 2017-08-31, the day before SB 4: the detainer is a request the agency may honour',
    clause: FEDERAL,
    input: releasedOn('2017-08-31'),
    expect: [
      {
        action: 'hold',
        status: 'allowed',
        controlling: [CLAUSE.detainerRequests, 'us.8-cfr-287.7.a'],
      },
      { action: 'notify', status: 'allowed' },
    ],
  },
  {
    name: 'Released 2017-09-01, SB 4’s first day, no proof of status: hold and notice required',
    clause: MANDATE,
    input: releasedOn('2017-09-01'),
    expect: [
      { action: 'hold', status: 'required', controlling: [CLAUSE.detainerRequests] },
      { action: 'notify', status: 'required', controlling: [CLAUSE.detainerRequests] },
    ],
  },
  {
    name: 'Decided 2017-08-25 for a release on 2017-09-05: the duty runs while the person is in custody, so SB 4 applies',
    clause: MANDATE,
    input: {
      ...releasedOn('2017-09-05'),
      decisionAt: '2017-08-25T09:00:00-05:00',
    },
    expect: [
      { action: 'hold', status: 'required' },
      { action: 'notify', status: 'required' },
    ],
  },
  {
    name: 'El Paso (Mountain time), released 23:30 on 2017-08-31 local: before SB 4; held at most 48 clock hours on the I-247A',
    clause: `${FEDERAL}; DHS Form I-247A: “not to exceed 48 hours beyond the time when he/she would otherwise have been released”`,
    input: {
      ...releasedOn('2017-08-31', I_247A, NO_PROOF, '23:30:00-06:00'),
      timeZone: 'America/Denver',
    },
    expect: [{ action: 'hold', status: 'allowed', holdUntil: '2017-09-02T23:30:00-06:00' }],
  },
  {
    name: 'The same instant in Houston (Central time) is 00:30 on 2017-09-01: SB 4 applies',
    clause: MANDATE,
    input: releasedOn('2017-08-31', I_247A, NO_PROOF, '23:30:00-06:00'),
    expect: [{ action: 'hold', status: 'required', holdUntil: '2017-09-03T00:30:00-05:00' }],
  },
  {
    name: 'Proof of U.S. citizenship provided: not required; the federal rule leaves the hold to the agency',
    clause: PROOF,
    input: releasedOn('2018-06-01', I_247A, { ...NO_PROOF, proofOfLawfulStatus: true }),
    expect: [
      {
        action: 'hold',
        status: 'allowed',
        controlling: [CLAUSE.detainerRequests, 'us.8-cfr-287.7.a'],
      },
      { action: 'notify', status: 'allowed' },
    ],
  },
  {
    name: 'Whether the person has provided proof of status is not recorded: needs information, not "no proof"',
    clause: PROOF,
    input: releasedOn('2018-06-01', I_247A, { searchCompleted: true, convictions: [] }),
    expect: [
      { action: 'hold', status: 'needs-information', missing: ['record.proofOfLawfulStatus'] },
      { action: 'notify', status: 'needs-information', missing: ['record.proofOfLawfulStatus'] },
    ],
  },
  {
    name: 'No criminal-history search, no conviction, no judicial warrant: still required, the detainer alone triggers the duty',
    clause: MANDATE,
    input: releasedOn('2018-06-01', I_247A, {
      searchCompleted: 'unknown',
      convictions: [],
      proofOfLawfulStatus: false,
    }),
    expect: [
      { action: 'hold', status: 'required' },
      { action: 'notify', status: 'required' },
    ],
  },
  {
    name: 'A notice-only request (I-247N): notice required, nothing else asked',
    clause: MANDATE,
    input: releasedOn('2018-06-01', { form: 'I-247N' }),
    expect: [{ action: 'notify', status: 'required', controlling: [CLAUSE.detainerRequests] }],
  },
  {
    name: 'A transfer request (I-247X): transfer required',
    clause: MANDATE,
    input: releasedOn('2018-06-01', { form: 'I-247X' }),
    expect: [{ action: 'transfer', status: 'required', controlling: [CLAUSE.detainerRequests] }],
  },
  {
    name: 'A detainer issued by CBP: outside art. 2.251, a federal request the agency may honour',
    clause: ICE_ONLY,
    input: releasedOn('2018-06-01', { ...I_247A, requester: 'cbp' }),
    expect: [
      { action: 'hold', status: 'allowed', controlling: [CLAUSE.detainerRequests] },
      { action: 'notify', status: 'allowed' },
    ],
  },
  {
    name: 'Who issued the detainer is not recorded: needs the requester',
    clause: ICE_ONLY,
    input: releasedOn('2018-06-01', { ...I_247A, requester: 'unknown' }),
    expect: [{ action: 'hold', status: 'needs-information', missing: ['request.requester'] }],
  },
  {
    name: 'Requester not recorded but proof of status provided: not required either way',
    clause: PROOF,
    input: releasedOn(
      '2018-06-01',
      { ...I_247A, requester: 'unknown' },
      { ...NO_PROOF, proofOfLawfulStatus: true },
    ),
    expect: [{ action: 'hold', status: 'allowed' }],
  },
  {
    name: 'Required hold on an I-247A released Friday 18:00: until Sunday 18:00, the 48 clock hours the form asks for',
    clause: `${MANDATE}; DHS Form I-247A: “not to exceed 48 hours beyond the time when he/she would otherwise have been released”`,
    input: releasedOn('2018-06-01'),
    expect: [{ action: 'hold', status: 'required', holdUntil: '2018-06-03T18:00:00-05:00' }],
  },
  {
    name: 'Before SB 4, an I-247 released Friday 18:00: until Tuesday 18:00, weekends excluded',
    clause:
      '8 C.F.R. § 287.7(d): “not to exceed 48 hours, excluding Saturdays, Sundays, and holidays”',
    input: releasedOn('2016-06-03', { form: 'I-247' }),
    expect: [{ action: 'hold', status: 'allowed', holdUntil: '2016-06-07T18:00:00-05:00' }],
  },
  {
    name: 'Before SB 4, an I-247 released Friday before Memorial Day: until Wednesday 18:00',
    clause:
      '8 C.F.R. § 287.7(d): “not to exceed 48 hours, excluding Saturdays, Sundays, and holidays”',
    input: releasedOn('2016-05-27', { form: 'I-247' }),
    expect: [{ action: 'hold', status: 'allowed', holdUntil: '2016-06-01T18:00:00-05:00' }],
  },
  {
    name: 'Released 2024-12-31, art. 2.251’s last day: required',
    clause: MANDATE,
    input: releasedOn('2024-12-31', I_247A, NO_PROOF, '18:00:00-06:00'),
    expect: [
      { action: 'hold', status: 'required', controlling: [CLAUSE.detainerRequests] },
      { action: 'notify', status: 'required' },
    ],
  },
  {
    name: 'Released 2025-01-01, under the recodified article (number unverified): still required',
    clause: `${MANDATE}; recodified in CCP ch. 2A from 2025-01-01 (HB 4504, nonsubstantive revision)`,
    input: releasedOn('2025-01-01', I_247A, NO_PROOF, '18:00:00-06:00'),
    expect: [
      { action: 'hold', status: 'required', controlling: [CLAUSE.detainerRequests] },
      { action: 'notify', status: 'required' },
    ],
  },
  {
    name: 'Recodified article, proof of lawful status provided: not required',
    clause: PROOF,
    input: releasedOn('2025-06-02', I_247A, { ...NO_PROOF, proofOfLawfulStatus: true }),
    expect: [{ action: 'hold', status: 'allowed', controlling: [CLAUSE.detainerRequests] }],
  },
  {
    name: 'Immigration-status information: allowed, and no local policy may limit it',
    clause: STATUS,
    input: informationRequest(['citizenship-or-immigration-status', 'release-date'], '2018-06-01'),
    expect: [
      {
        action: 'information',
        item: 'citizenship-or-immigration-status',
        status: 'allowed',
        controlling: [CLAUSE.cooperationNotLimited],
      },
      { action: 'information', item: 'release-date', status: 'allowed' },
    ],
  },
  {
    name: 'Information asked on 2017-08-31, before SB 4: no Texas law limits the answer',
    clause: 'Gov’t Code ch. 752, subch. C, added by SB 4 in force 2017-09-01',
    input: informationRequest(['personal-information'], '2017-08-31'),
    expect: [
      {
        action: 'information',
        item: 'personal-information',
        status: 'allowed',
        controlling: [CLAUSE.cooperationNotLimited],
      },
    ],
  },
]);
