/**
 * Legal tests for the Illinois Way Forward Act (P.A. 102-0234) from 2021-08-02, with the TRUST
 * Act the day before. Times are Chicago time (CDT -05:00, CST -06:00).
 */
import { deepFreeze } from '../../engine/freeze.js';
import type { LawCase } from '../testing/law-case.js';
import { CLAUSE } from './clause-ids.js';
import { illinoisCase, illinoisInformationRequest } from './trust-act-2017.cases.js';

const DETAIN =
  '5 ILCS 805/15(a) (P.A. 102-0234): “shall not detain or continue to detain any individual solely on the basis of any immigration detainer or civil immigration warrant or otherwise comply with an immigration detainer or civil immigration warrant”';
const BLANK = '5 ILCS 805/15(c) (P.A. 102-0234): “(c) (Blank).”';
const SUPPORT =
  '5 ILCS 805/15(g) (P.A. 102-0234, unverified list): “Unless presented with a federal criminal warrant, or otherwise required by federal law,” no transfer into immigration agents’ custody and no non-public information such as a release date or home or work address';
const STATUS =
  '5 ILCS 805/5 (P.A. 102-0234): the Act does not “prohibit or restrict any entity from sending to, or receiving from, the United States Department of Homeland Security ... information regarding the citizenship or immigration status of any individual”';

const WARRANT = {
  form: 'I-247A' as const,
  actions: ['hold' as const, 'notify' as const, 'transfer' as const],
  judicialWarrant: {
    presented: true,
    issuer: 'article-iii-judge' as const,
    probableCause: true,
  },
};

export const ILLINOIS_WAY_FORWARD_CASES: readonly LawCase[] = deepFreeze([
  {
    name: 'Released 2021-08-01 with a federal warrant: the TRUST Act’s § 15(c) still lifts § 15',
    clause: BLANK,
    input: illinoisCase('2021-08-01', WARRANT),
    expect: [{ action: 'hold', status: 'allowed', controlling: [CLAUSE.federalWarrant] }],
  },
  {
    name: 'Released 2021-08-02 with a federal warrant: § 15(c) is blank, so no hold; the warrant allows the transfer',
    clause: BLANK,
    input: illinoisCase('2021-08-02', WARRANT),
    expect: [
      {
        action: 'hold',
        status: 'not-allowed',
        controlling: [CLAUSE.detainers, CLAUSE.federalWarrant],
      },
      { action: 'notify', status: 'allowed', controlling: [CLAUSE.civilEnforcementSupport] },
      { action: 'transfer', status: 'allowed', controlling: [CLAUSE.civilEnforcementSupport] },
    ],
  },
  {
    name: 'An I-247A with an I-200 only, 2021-08-02: no hold, no notice, no transfer',
    clause: DETAIN,
    input: illinoisCase('2021-08-02', {
      form: 'I-247A',
      administrativeWarrants: ['I-200'],
      actions: ['hold', 'notify', 'transfer'],
      judicialWarrant: { presented: false },
    }),
    expect: [
      { action: 'hold', status: 'not-allowed', controlling: [CLAUSE.detainers] },
      { action: 'notify', status: 'not-allowed', controlling: [CLAUSE.detainers] },
      { action: 'transfer', status: 'not-allowed', controlling: [CLAUSE.civilEnforcementSupport] },
    ],
  },
  {
    name: 'A warrant whose issuer is not recorded: the transfer needs it',
    clause: SUPPORT,
    input: illinoisCase(
      '2022-02-07',
      {
        form: 'I-247X',
        actions: ['transfer'],
        judicialWarrant: { presented: true, probableCause: true },
      },
      '-06:00',
    ),
    expect: [
      {
        action: 'transfer',
        status: 'needs-information',
        missing: ['request.judicialWarrant.issuer'],
      },
    ],
  },
  {
    name: 'Information in 2022: status may be sent; the release date and address may not, unless public',
    clause: STATUS,
    input: illinoisInformationRequest('2022-06-06', [
      'citizenship-or-immigration-status',
      'release-date',
      'personal-information',
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
        controlling: [CLAUSE.civilEnforcementSupport],
      },
      { action: 'information', item: 'personal-information', status: 'not-allowed' },
    ],
  },
  {
    name: 'Public information may be given (§ 15(g) bars non-public information)',
    clause: SUPPORT,
    input: illinoisInformationRequest('2022-06-06', ['court-dates'], {
      informationPubliclyAvailable: true,
    }),
    expect: [{ action: 'information', item: 'court-dates', status: 'allowed' }],
  },
  {
    name: 'Whether the information is public is not recorded: it is needed',
    clause: SUPPORT,
    input: illinoisInformationRequest('2022-06-06', ['court-dates'], {
      informationPubliclyAvailable: undefined,
    }),
    expect: [
      {
        action: 'information',
        item: 'court-dates',
        status: 'needs-information',
        missing: ['request.informationPubliclyAvailable'],
      },
    ],
  },
]);
