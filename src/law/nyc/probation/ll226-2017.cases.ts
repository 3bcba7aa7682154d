/**
 * Legal tests for Probation § 9-205 as added by Local Law 226 of 2017, and § 10-178.
 */
import { deepFreeze } from '../../../engine/freeze.js';
import type { LawCase } from '../../testing/law-case.js';
import {
  detainerCase,
  judicialWarrantWithDetainer,
  nyConviction,
  searchFact,
} from '../../testing/law-case.js';
import { CLAUSE } from './index.js';

const PROBATION = 'nyc-probation';
const B =
  '§ 9-205(b) (LL226/2017): “may only honor a civil immigration detainer by holding a person if: 1. ... a judicial warrant ... and 2. ... (a) has been convicted of a violent or serious crime, or (b) ... terrorist screening database”';
const record = {
  searchCompleted: true,
  convictions: [nyConviction('PL 120.05 DF', '2016-01-10', { charge: 'PL 120.05(2) DF' })],
  terroristScreeningMatch: searchFact(false),
};

export const LL226_PROBATION_CASES: readonly LawCase[] = deepFreeze([
  {
    name: 'Judicial warrant and assault in the second degree within five years: hold allowed',
    clause: B,
    input: detainerCase(PROBATION, {
      decisionAt: '2018-06-01T09:00:00-04:00',
      otherwiseReleaseAt: '2018-06-01T10:00:00-04:00',
      instantArrestDate: '2018-05-20',
      request: { form: 'I-247A', judicialWarrant: judicialWarrantWithDetainer() },
      record,
    }),
    expect: [
      {
        action: 'hold',
        status: 'allowed',
        controlling: [CLAUSE.honoring, 'nyc.9-131.a.violent-or-serious-crime'],
      },
    ],
  },
  {
    name: 'No judicial warrant: hold not allowed',
    clause: B,
    input: detainerCase(PROBATION, {
      decisionAt: '2018-06-01T09:00:00-04:00',
      otherwiseReleaseAt: '2018-06-01T10:00:00-04:00',
      instantArrestDate: '2018-05-20',
      request: { form: 'I-247A', judicialWarrant: { presented: false } },
      record,
    }),
    expect: [{ action: 'hold', status: 'not-allowed', controlling: [CLAUSE.honoring] }],
  },
  {
    name: 'The day before § 9-205 took effect: no city limit on a probation hold',
    clause: 'LL226/2017 § 2: “This local law takes effect immediately” (2017-12-01)',
    input: detainerCase(PROBATION, {
      decisionAt: '2017-11-30T09:00:00-05:00',
      otherwiseReleaseAt: '2017-11-30T10:00:00-05:00',
      instantArrestDate: '2017-11-20',
      request: { form: 'I-247A', judicialWarrant: { presented: false } },
      record,
    }),
    expect: [{ action: 'hold', status: 'allowed', holdUntil: '2017-12-02T10:00:00-05:00' }],
  },
  {
    name: 'A release notification in 2018, after § 10-178 took effect: not allowed (read as immigration enforcement)',
    clause:
      '§ 10-178(c) (LL228/2017): “No city resources ... shall be utilized for immigration enforcement”; § 9-205(b) permits honoring “by holding a person” only',
    input: detainerCase(PROBATION, {
      decisionAt: '2018-06-01T09:00:00-04:00',
      otherwiseReleaseAt: '2018-06-01T10:00:00-04:00',
      instantArrestDate: '2018-05-20',
      request: { form: 'I-247N' },
      record,
    }),
    expect: [{ action: 'notify', status: 'not-allowed', controlling: ['nyc.10-178.c'] }],
  },
]);
