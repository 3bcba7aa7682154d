/**
 * Legal tests for the Sanctuary Promise Act (HB 3265) from 2021-07-19, with the 1987 law the day
 * before. Times are Pacific time (PDT -07:00, PST -08:00).
 */
import { deepFreeze } from '../../engine/freeze.js';
import type { LawCase } from '../testing/law-case.js';
import { CLAUSE } from './clause-ids.js';
import { oregonCase, oregonInformationRequest } from './sanctuary-1987.cases.js';

const NO_HOLD =
  'ORS 181A.826(1): public resources “may not be used for the purpose of investigating, detecting, apprehending, arresting, detaining or holding individuals for immigration enforcement”';
const NO_RELEASE_DATE =
  'ORS 181A.826(2)(b)(A): forbidden support includes “Providing information, including but not limited to an individual’s contact information, country of birth, custody status, release date ... or home or work address”';
const WARRANT =
  'ORS 181A.820(5): an agency “may arrest any person who: (a) Is charged by the United States with a criminal violation of federal immigration laws ... and (b) Is subject to arrest for the crime pursuant to a warrant of arrest issued by a federal magistrate”';

const transferOn = (
  judicialWarrant: NonNullable<Parameters<typeof oregonCase>[1]>['judicialWarrant'],
) =>
  oregonCase(
    '2022-01-10',
    { form: 'I-247X', actions: ['transfer'], administrativeWarrants: ['I-205'], judicialWarrant },
    '-08:00',
  );

const MAGISTRATE = {
  presented: true,
  issuer: 'federal-magistrate-judge' as const,
  probableCause: true,
  federalCriminalImmigrationLaw: true,
};

export const OREGON_SANCTUARY_PROMISE_CASES: readonly LawCase[] = deepFreeze([
  {
    name: 'Released 2021-07-18, the day before the Act: the 1987 law allows the hold',
    clause: NO_HOLD,
    input: oregonCase('2021-07-18'),
    expect: [{ action: 'hold', status: 'allowed', controlling: [CLAUSE.resources] }],
  },
  {
    name: 'Released 2021-07-19, the Act’s first day: no hold, no notice of release, no transfer',
    clause: NO_HOLD,
    input: oregonCase('2021-07-19'),
    expect: [
      { action: 'hold', status: 'not-allowed', controlling: [CLAUSE.immigrationEnforcement] },
      { action: 'notify', status: 'not-allowed', controlling: [CLAUSE.immigrationEnforcement] },
      { action: 'transfer', status: 'not-allowed', controlling: [CLAUSE.immigrationEnforcement] },
    ],
  },
  {
    name: 'A federal magistrate judge’s warrant for a federal immigration crime: the transfer is allowed',
    clause: WARRANT,
    input: transferOn(MAGISTRATE),
    expect: [
      { action: 'transfer', status: 'allowed', controlling: [CLAUSE.criminalWarrantArrest] },
    ],
  },
  {
    name: 'A federal warrant for a crime outside the immigration laws does not qualify',
    clause: WARRANT,
    input: transferOn({ ...MAGISTRATE, federalCriminalImmigrationLaw: false }),
    expect: [{ action: 'transfer', status: 'not-allowed' }],
  },
  {
    name: 'Whether the warrant is for an immigration crime is not recorded: it is needed',
    clause: WARRANT,
    input: transferOn({ presented: true, issuer: 'federal-magistrate-judge', probableCause: true }),
    expect: [
      {
        action: 'transfer',
        status: 'needs-information',
        missing: ['request.judicialWarrant.federalCriminalImmigrationLaw'],
      },
    ],
  },
  {
    name: 'Information in 2022: no release date, custody status or status information, public or not',
    clause: NO_RELEASE_DATE,
    input: oregonInformationRequest(
      '2022-01-10',
      ['release-date', 'incarceration-status', 'citizenship-or-immigration-status'],
      { informationPubliclyAvailable: true },
    ),
    expect: [
      {
        action: 'information',
        item: 'release-date',
        status: 'not-allowed',
        controlling: [CLAUSE.immigrationEnforcement],
      },
      { action: 'information', item: 'incarceration-status', status: 'not-allowed' },
      { action: 'information', item: 'citizenship-or-immigration-status', status: 'not-allowed' },
    ],
  },
]);
