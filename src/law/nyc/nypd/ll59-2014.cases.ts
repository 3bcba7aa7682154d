/**
 * Legal tests for NYPD § 14-154 as rewritten by Local Law 59 of 2014, and § 10-178 for NYPD
 * information requests. Each row quotes the clause it tests.
 */
import type { CaseInput } from '../../../engine/case.js';
import { deepFreeze } from '../../../engine/freeze.js';
import type { LawCase } from '../../testing/law-case.js';
import {
  detainerCase,
  judicialWarrantWithDetainer,
  nyConviction,
  searchFact,
} from '../../testing/law-case.js';
import { CLAUSE } from './clause-ids.js';

const NYPD = 'nyc-nypd';
const B1 =
  '§ 14-154(b)(1) (LL59/2014): “may only honor ... if: i. ... a judicial warrant ... and ii. ... A. has been convicted of a violent or serious crime, or B. ... terrorist screening database”';
const B2 =
  '§ 14-154(b)(2) (LL59/2014): “may honor a civil immigration detainer by holding an person for up to forty-eight hours, excluding Saturdays, Sundays and holidays ... if ... A. has been convicted of a violent or serious crime and has illegally re-entered the country after a previous removal or return, or B. is identified as a possible match in the terrorist screening database”';
const EVER =
  '§ 14-154(a)(2)(ii) (LL59/2014): “for purposes of paragraph two of subdivision b ... a person shall be considered convicted ... if a judgment ... has ever been entered”';
const PROVISO =
  '§ 14-154(b)(2) (LL59/2014): “if federal immigration authorities fail to present the department with a judicial warrant ... the department shall not notify federal immigration authorities of such person’s release”';
const CITY_RESOURCES =
  '§ 10-178(c) (LL228/2017): “No city resources ... shall be utilized for immigration enforcement”';

/** Robbery in the first degree, judgment 2003: outside five years, inside "ever". */
const oldRobbery = nyConviction('PL 160.15 BF', '2003-04-10', {
  incarceration: [{ from: '2003-04-10', to: '2008-04-09' }],
});
const noWarrant = { presented: false } as const;

function nypdCase(
  record: NonNullable<CaseInput['record']>,
  request: Partial<CaseInput['request']> = {},
) {
  return detainerCase(NYPD, { request: { form: 'I-247D', ...request }, record });
}

export const LL59_NYPD_CASES: readonly LawCase[] = deepFreeze([
  {
    name: 'Judicial warrant and a recent violent or serious conviction: hold and notice allowed under (b)(1)',
    clause: B1,
    input: nypdCase(
      {
        searchCompleted: true,
        convictions: [nyConviction('PL 120.10 BF', '2014-03-01')],
        terroristScreeningMatch: searchFact(false),
      },
      { judicialWarrant: judicialWarrantWithDetainer() },
    ),
    expect: [
      {
        action: 'hold',
        status: 'allowed',
        controlling: [CLAUSE.honoring, CLAUSE.violentOrSeriousCrime],
      },
      { action: 'notify', status: 'allowed', controlling: [CLAUSE.honoring] },
    ],
  },
  {
    name: 'No warrant, robbery judgment 13 years ago, re-entered after removal: 48-hour hold allowed, no notice',
    clause: `${B2}; ${EVER}; ${PROVISO}`,
    input: nypdCase(
      {
        searchCompleted: true,
        convictions: [oldRobbery],
        terroristScreeningMatch: searchFact(false),
        reenteredAfterRemoval: searchFact(true),
      },
      { judicialWarrant: noWarrant },
    ),
    expect: [
      {
        action: 'hold',
        status: 'allowed',
        controlling: [CLAUSE.fortyEightHourHold, CLAUSE.violentOrSeriousCrime],
      },
      { action: 'notify', status: 'not-allowed', controlling: [CLAUSE.fortyEightHourHold] },
    ],
  },
  {
    name: 'No warrant, old robbery judgment, no re-entry: no hold',
    clause: B2,
    input: nypdCase(
      {
        searchCompleted: true,
        convictions: [oldRobbery],
        terroristScreeningMatch: searchFact(false),
        reenteredAfterRemoval: searchFact(false),
      },
      { judicialWarrant: noWarrant },
    ),
    expect: [{ action: 'hold', status: 'not-allowed' }],
  },
  {
    name: 'No warrant, old robbery judgment, re-entry not recorded: needs the re-entry fact',
    clause: B2,
    input: nypdCase(
      {
        searchCompleted: true,
        convictions: [oldRobbery],
        terroristScreeningMatch: searchFact(false),
      },
      { judicialWarrant: noWarrant },
    ),
    expect: [
      {
        action: 'hold',
        status: 'needs-information',
        missing: ['record.reenteredAfterRemoval.value'],
      },
    ],
  },
  {
    name: 'No warrant, possible terrorist-watch-list match: 48-hour hold; released Friday 18:00 on an I-247D, ends Tuesday 18:00',
    clause: `${B2}; 8 C.F.R. § 287.7(d)`,
    input: detainerCase(NYPD, {
      decisionAt: '2016-06-03T12:00:00-04:00',
      otherwiseReleaseAt: '2016-06-03T18:00:00-04:00',
      request: { form: 'I-247D', judicialWarrant: noWarrant },
      record: { searchCompleted: true, convictions: [], terroristScreeningMatch: searchFact(true) },
    }),
    expect: [
      {
        action: 'hold',
        status: 'allowed',
        holdUntil: '2016-06-07T18:00:00-04:00',
        controlling: [CLAUSE.fortyEightHourHold],
      },
    ],
  },
  {
    name: 'The 48-hour clock skips Memorial Day: released Friday 2016-05-27 18:00, ends Wednesday 18:00',
    clause: `${B2} (“holidays”: federal legal public holidays, 5 U.S.C. § 6103)`,
    input: detainerCase(NYPD, {
      decisionAt: '2016-05-27T12:00:00-04:00',
      otherwiseReleaseAt: '2016-05-27T18:00:00-04:00',
      instantArrestDate: '2016-05-20',
      request: { form: 'I-247D', judicialWarrant: noWarrant },
      record: { searchCompleted: true, convictions: [], terroristScreeningMatch: searchFact(true) },
    }),
    expect: [{ action: 'hold', status: 'allowed', holdUntil: '2016-06-01T18:00:00-04:00' }],
  },
  {
    name: 'Judicial-warrant status unrecorded but (b)(2) applies: the hold is allowed either way',
    clause: `${B1}; ${B2}`,
    input: nypdCase({
      searchCompleted: true,
      convictions: [],
      terroristScreeningMatch: searchFact(true),
    }),
    expect: [{ action: 'hold', status: 'allowed' }],
  },
  {
    name: 'The day before LL59 took effect, LL21/2013 applied; on 2014-12-14 a warrant is required for notice',
    clause:
      'LL59/2014 § 3: “This local law shall take effect 30 days after it shall have become a law” (2014-12-14)',
    input: detainerCase(NYPD, {
      decisionAt: '2014-12-14T09:00:00-05:00',
      otherwiseReleaseAt: '2014-12-14T10:00:00-05:00',
      instantArrestDate: '2014-12-01',
      request: { form: 'I-247', judicialWarrant: noWarrant },
      record: {
        searchCompleted: true,
        convictions: [nyConviction('PL 155.30 EF', '2013-01-10')],
        terroristScreeningMatch: searchFact(false),
        reenteredAfterRemoval: searchFact(false),
      },
    }),
    expect: [{ action: 'notify', status: 'not-allowed', controlling: [CLAUSE.honoring] }],
  },
  {
    name: 'NYPD information request in 2019 for civil immigration enforcement: § 10-178 forbids city resources',
    clause: CITY_RESOURCES,
    input: detainerCase(NYPD, {
      decisionAt: '2019-03-01T12:00:00-05:00',
      request: {
        kind: 'information-request',
        information: ['release-date'],
        informationPurpose: 'civil-immigration-enforcement',
        informationRequiredByLaw: false,
      },
    }),
    expect: [
      {
        action: 'information',
        item: 'release-date',
        status: 'not-allowed',
        controlling: [CLAUSE.cityResources],
      },
    ],
  },
  {
    name: 'The same request in 2017, before § 10-178 took effect: not limited by city law',
    clause:
      'LL228/2017 § 4: “This local law takes effect 60 days after it becomes law” (2018-01-30)',
    input: detainerCase(NYPD, {
      decisionAt: '2017-03-01T12:00:00-05:00',
      request: {
        kind: 'information-request',
        information: ['release-date'],
        informationPurpose: 'civil-immigration-enforcement',
      },
    }),
    expect: [
      {
        action: 'information',
        item: 'release-date',
        status: 'allowed',
        controlling: [CLAUSE.cityResources],
      },
    ],
  },
  {
    name: 'NYPD information request in 2019 with its purpose unrecorded: needs the purpose',
    clause: CITY_RESOURCES,
    input: detainerCase(NYPD, {
      decisionAt: '2019-03-01T12:00:00-05:00',
      request: {
        kind: 'information-request',
        information: ['court-dates'],
        informationRequiredByLaw: false,
      },
    }),
    expect: [
      {
        action: 'information',
        item: 'court-dates',
        status: 'needs-information',
        missing: ['request.informationPurpose'],
      },
    ],
  },
]);
