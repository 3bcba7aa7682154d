/**
 * Legal tests for DOC § 9-131 as amended by Local Law 58 of 2014. Each row quotes the clause it
 * tests. Dates: unless a row says otherwise the person would be released on Wednesday
 * 2016-06-01 at 10:00 and was arrested on 2016-05-20.
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

const B1 =
  '§ 9-131(b)(1) (LL58/2014): “may only honor ... if: i. ... a judicial warrant ... and ii. ... A. has been convicted of a violent or serious crime, or B. is identified as a possible match in the terrorist screening database”';
const LOOK_BACK =
  '§ 9-131(a)(2)(ii) (LL58/2014): “has not had a judgment ... on a violent or serious crime for at least five years prior to the date of the instant arrest”';
const EXTENSION =
  '§ 9-131(a)(2)(ii) (LL58/2014): “any period of time during which the person was incarcerated for a violent or serious crime ... shall be excluded ... and such five year period shall be extended”';
const WARRANT =
  '§ 9-131(a)(5) (LL58/2014): “a warrant based on probable cause and issued by a judge appointed pursuant to article III ... or a federal magistrate judge”';
const H1 =
  '§ 9-131(h)(1) (LL58/2014 § 4): “shall not expend time ... disclosing information ... unless such response or communication: (i) relates to a person convicted of a violent or serious crime ...; (ii) is unrelated to the enforcement of civil immigration laws; or (iii) is otherwise required by law”';

const DOC = 'nyc-doc';
const HONORED = [
  CLAUSE.honoring,
  CLAUSE.conviction,
  CLAUSE.violentOrSeriousCrime,
  CLAUSE.judicialWarrant,
];
const assault1 = nyConviction('PL 120.10 BF', '2014-03-01');

function withRecord(
  convictions: ReturnType<typeof nyConviction>[],
  warrant = judicialWarrantWithDetainer(),
) {
  return detainerCase(DOC, {
    request: { judicialWarrant: warrant },
    record: { searchCompleted: true, convictions, terroristScreeningMatch: searchFact(false) },
  });
}

function informationRequest(
  request: Partial<CaseInput['request']>,
  overrides: Parameters<typeof detainerCase>[1] = {},
) {
  return detainerCase(DOC, {
    record: { searchCompleted: true, convictions: [], terroristScreeningMatch: searchFact(false) },
    ...overrides,
    request: {
      kind: 'information-request',
      informationPurpose: 'civil-immigration-enforcement',
      informationRequiredByLaw: false,
      ...request,
    },
  });
}

export const LL58_DOC_CASES: readonly LawCase[] = deepFreeze([
  {
    name: 'Judicial warrant and a 2014 conviction for assault in the first degree: hold and notice allowed',
    clause: B1,
    input: withRecord([assault1]),
    expect: [
      { action: 'hold', status: 'allowed', controlling: HONORED },
      { action: 'notify', status: 'allowed', controlling: HONORED },
    ],
  },
  {
    name: 'No judicial warrant presented: not allowed even with a violent or serious conviction',
    clause: B1,
    input: withRecord([assault1], { presented: false, issuer: 'unknown' }),
    expect: [
      { action: 'hold', status: 'not-allowed', controlling: [CLAUSE.honoring] },
      { action: 'notify', status: 'not-allowed' },
    ],
  },
  {
    name: 'Whether a judicial warrant was presented is not recorded: needs information, not "no"',
    clause: B1,
    input: detainerCase(DOC, { record: { searchCompleted: true, convictions: [assault1] } }),
    expect: [
      {
        action: 'hold',
        status: 'needs-information',
        missing: ['request.judicialWarrant.presented'],
      },
    ],
  },
  {
    name: 'Judicial warrant and a possible terrorist-watch-list match, no convictions: allowed',
    clause: B1,
    input: detainerCase(DOC, {
      request: { judicialWarrant: judicialWarrantWithDetainer() },
      record: { searchCompleted: true, convictions: [], terroristScreeningMatch: searchFact(true) },
    }),
    expect: [
      {
        action: 'hold',
        status: 'allowed',
        controlling: [CLAUSE.honoring, CLAUSE.terroristScreeningDatabase],
      },
    ],
  },
  {
    name: 'Judicial warrant but only an unlisted felony (grand larceny in the third degree): not allowed',
    clause:
      '§ 9-131(a)(7)(i) (LL58/2014): “a felony defined in any of the following sections of the penal law”',
    input: withRecord([nyConviction('PL 155.35 D', '2015-01-10')]),
    expect: [{ action: 'hold', status: 'not-allowed' }],
  },
  {
    name: 'Judgment exactly five years before the arrest: outside the look-back',
    clause: LOOK_BACK,
    input: withRecord([nyConviction('PL 120.10 BF', '2011-05-20')]),
    expect: [{ action: 'hold', status: 'not-allowed' }],
  },
  {
    name: 'Judgment five years less one day before the arrest: inside the look-back',
    clause: LOOK_BACK,
    input: withRecord([nyConviction('PL 120.10 BF', '2011-05-21')]),
    expect: [{ action: 'hold', status: 'allowed', controlling: HONORED }],
  },
  {
    name: 'Judgment seven years before the arrest, three years incarcerated for it: the look-back is extended',
    clause: EXTENSION,
    input: withRecord([
      nyConviction('PL 160.15 BF', '2009-05-01', {
        incarceration: [{ from: '2009-05-01', to: '2012-04-30' }],
      }),
    ]),
    expect: [{ action: 'hold', status: 'allowed' }],
  },
  {
    name: 'Judgment six years before the arrest, incarceration not recorded: needs the incarceration',
    clause: EXTENSION,
    input: withRecord([nyConviction('PL 160.15 BF', '2010-05-01', { incarceration: undefined })]),
    expect: [
      {
        action: 'hold',
        status: 'needs-information',
        missing: ['record.convictions[0].incarceration'],
      },
    ],
  },
  {
    name: 'A youthful-offender adjudication for robbery never counts',
    clause:
      '§ 9-131(a)(2)(i) (LL58/2014): “A person shall not be considered convicted ... if that person: i. was adjudicated as a youthful offender”',
    input: withRecord([
      nyConviction('PL 160.15 BF', '2015-01-10', { disposition: 'youthful-offender' }),
    ]),
    expect: [{ action: 'hold', status: 'not-allowed' }],
  },
  {
    name: 'A New Jersey conviction without a legal finding: a legal reviewer must decide',
    clause:
      '§ 9-131(a)(2) (LL58/2014): “a conviction under ... the law of another state that would constitute a "predicate felony conviction" under section 70.06(1)(b)(i)”',
    input: withRecord([
      {
        charge: 'N.J.S.A. 2C:12-1b(1)',
        court: 'other-state',
        courtState: 'NJ',
        disposition: 'conviction',
        judgmentDate: '2015-01-10',
        incarceration: [],
        source: 'e-justice-ny',
      },
    ]),
    expect: [
      {
        action: 'hold',
        status: 'needs-information',
        missing: ['record.convictions[0].equivalence'],
      },
    ],
  },
  {
    name: 'A New Jersey conviction found equivalent to PL 120.10 and a PL 70.06 predicate: allowed',
    clause:
      '§ 9-131(a)(2) (LL58/2014): “provided that such conviction was for the equivalent of a violent or serious crime”',
    input: withRecord([
      {
        charge: 'N.J.S.A. 2C:12-1b(1)',
        court: 'other-state',
        courtState: 'NJ',
        disposition: 'conviction',
        judgmentDate: '2015-01-10',
        incarceration: [],
        source: 'e-justice-ny',
        equivalence: {
          newYorkCharge: 'PL 120.10',
          predicateFelony: true,
          decidedBy: 'Legal reviewer R. Lee',
          decidedOn: '2016-05-25',
        },
      },
    ]),
    expect: [{ action: 'hold', status: 'allowed', controlling: HONORED }],
  },
  {
    name: 'A warrant signed by a state judge is not a judicial warrant',
    clause: WARRANT,
    input: withRecord([assault1], {
      presented: true,
      withDetainer: true,
      issuer: 'state-judge',
      probableCause: true,
    }),
    expect: [{ action: 'hold', status: 'not-allowed' }],
  },
  {
    name: 'A judicial warrant presented after the detainer does not meet (b)(1)(i)',
    clause:
      '§ 9-131(b)(1)(i) (LL58/2014): “present the department with a judicial warrant ... at the time such civil immigration detainer is presented”',
    input: withRecord([assault1], { ...judicialWarrantWithDetainer(), withDetainer: false }),
    expect: [{ action: 'hold', status: 'not-allowed' }],
  },
  {
    name: 'Search not completed and no conviction listed: needs the search, not "no conviction"',
    clause: B1,
    input: detainerCase(DOC, {
      request: { judicialWarrant: judicialWarrantWithDetainer() },
      record: { searchCompleted: false, convictions: [] },
    }),
    expect: [{ action: 'hold', status: 'needs-information', missing: ['record.searchCompleted'] }],
  },
  {
    name: 'Conviction known only from the agency’s own records must be confirmed by a search or notice',
    clause:
      '§ 9-131(b)(1)(ii) (LL58/2014): “a search ... accessed through ... e-JusticeNY ... indicates, or the department has been informed by a court or any other governmental entity”',
    input: withRecord([nyConviction('PL 120.10 BF', '2014-03-01', { source: 'agency-records' })]),
    expect: [
      { action: 'hold', status: 'needs-information', missing: ['record.convictions[0].source'] },
    ],
  },
  {
    name: 'Criminal sexual act in the first degree, judgment 2013 (section repealed 2024-09-01): still counts',
    clause: '§ 9-131(a)(7)(i) (LL58/2014): “130.50”',
    input: withRecord([
      nyConviction('PL 130.50 BF', '2013-01-15', {
        incarceration: [{ from: '2013-01-15', to: '2015-01-14' }],
      }),
    ]),
    expect: [{ action: 'hold', status: 'allowed' }],
  },
  {
    name: 'Sex trafficking of a child (PL 230.34-a), reportedly added by a 2019 DOC rule not verified: legal review',
    clause:
      '§ 9-131(a)(7)(v) (LL58/2014): “any crime codified by the legislature subsequent to the enactment of this section that the department ... by rule determines”',
    input: detainerCase(DOC, {
      otherwiseReleaseAt: '2021-06-01T10:00:00-04:00',
      decisionAt: '2021-06-01T09:00:00-04:00',
      instantArrestDate: '2021-05-20',
      request: { judicialWarrant: judicialWarrantWithDetainer() },
      record: {
        searchCompleted: true,
        convictions: [nyConviction('PL 230.34-a BF', '2020-01-10')],
      },
    }),
    expect: [
      { action: 'hold', status: 'needs-information', missing: ['record.convictions[0].charge'] },
    ],
  },
  {
    name: 'Hold allowed on an I-247D released Friday 18:00: 48 hours excluding Saturday and Sunday ends Tuesday 18:00',
    clause:
      '8 C.F.R. § 287.7(d): “not to exceed 48 hours, excluding Saturdays, Sundays, and holidays”',
    input: detainerCase(DOC, {
      decisionAt: '2016-06-03T12:00:00-04:00',
      otherwiseReleaseAt: '2016-06-03T18:00:00-04:00',
      request: { form: 'I-247D', judicialWarrant: judicialWarrantWithDetainer() },
      record: { searchCompleted: true, convictions: [assault1] },
    }),
    expect: [
      {
        action: 'hold',
        status: 'allowed',
        holdUntil: '2016-06-07T18:00:00-04:00',
        controlling: [CLAUSE.honoring],
      },
    ],
  },
  {
    name: 'The same hold on an I-247A ends Sunday 18:00: the form asks for 48 clock hours only',
    clause:
      'DHS Form I-247A: “Maintain custody ... for a period not to exceed 48 hours beyond the time when he/she would otherwise have been released”',
    input: detainerCase(DOC, {
      decisionAt: '2017-06-02T12:00:00-04:00',
      otherwiseReleaseAt: '2017-06-02T18:00:00-04:00',
      instantArrestDate: '2017-05-20',
      request: {
        form: 'I-247A',
        judicialWarrant: judicialWarrantWithDetainer(),
        administrativeWarrants: ['I-200'],
      },
      record: { searchCompleted: true, convictions: [assault1] },
    }),
    expect: [{ action: 'hold', status: 'allowed', holdUntil: '2017-06-04T18:00:00-04:00' }],
  },
  {
    name: 'Release time decides the law: decided 2014-12-10, release 2014-12-15 → LL58 applies',
    clause:
      '§ 9-131(b)(1) (LL58/2014), in force 2014-12-14: “holding a person beyond the time when such person would otherwise be released”',
    input: detainerCase(DOC, {
      decisionAt: '2014-12-10T09:00:00-05:00',
      otherwiseReleaseAt: '2014-12-15T10:00:00-05:00',
      instantArrestDate: '2014-11-30',
      request: { form: 'I-247', judicialWarrant: { presented: false } },
      record: { searchCompleted: true, convictions: [nyConviction('PL 155.30 E', '2013-01-10')] },
    }),
    expect: [{ action: 'hold', status: 'not-allowed', controlling: [CLAUSE.honoring] }],
  },
  {
    name: 'Information request for a release date, no violent or serious conviction, civil enforcement: not allowed',
    clause: H1,
    input: informationRequest({ information: ['release-date'] }),
    expect: [
      {
        action: 'information',
        item: 'release-date',
        status: 'not-allowed',
        controlling: [CLAUSE.information],
      },
    ],
  },
  {
    name: 'Information about citizenship or immigration status is outside (h)(1)',
    clause:
      '§ 9-131(h)(1) (LL58/2014 § 4): “other than information related to a person’s citizenship or immigration status”',
    input: informationRequest({
      information: ['citizenship-or-immigration-status', 'court-dates'],
    }),
    expect: [
      { action: 'information', item: 'citizenship-or-immigration-status', status: 'allowed' },
      { action: 'information', item: 'court-dates', status: 'not-allowed' },
    ],
  },
  {
    name: 'Information about a person convicted of a violent or serious crime: allowed',
    clause: H1,
    input: informationRequest(
      { information: ['release-date'] },
      {
        record: {
          searchCompleted: true,
          convictions: [assault1],
          terroristScreeningMatch: searchFact(false),
        },
      },
    ),
    expect: [
      {
        action: 'information',
        item: 'release-date',
        status: 'allowed',
        controlling: [CLAUSE.information, CLAUSE.violentOrSeriousCrime],
      },
    ],
  },
  {
    name: 'Information request unrelated to civil immigration enforcement: allowed',
    clause: H1,
    input: informationRequest({
      information: ['court-dates'],
      informationPurpose: 'unrelated-to-civil-immigration-enforcement',
    }),
    expect: [{ action: 'information', item: 'court-dates', status: 'allowed' }],
  },
  {
    name: 'Information request the day before subdivision h took effect: not limited by § 9-131',
    clause:
      'LL58/2014 § 7: “Section 4 of this local law shall take effect 90 days after it shall have become a law” (2015-02-12)',
    input: informationRequest(
      { information: ['release-date'] },
      { decisionAt: '2015-02-11T12:00:00-05:00' },
    ),
    expect: [
      {
        action: 'information',
        item: 'release-date',
        status: 'allowed',
        controlling: [CLAUSE.information],
      },
    ],
  },
  {
    name: 'Information request the day subdivision h took effect: limited',
    clause: 'LL58/2014 § 7 (2015-02-12) and § 9-131(h)(1)',
    input: informationRequest(
      { information: ['release-date'] },
      { decisionAt: '2015-02-12T12:00:00-05:00' },
    ),
    expect: [{ action: 'information', item: 'release-date', status: 'not-allowed' }],
  },
  {
    name: 'A federal officer enforcing criminal re-entry laws asked in 2025: not a "federal immigration authority" before LL63/2026',
    clause:
      '§ 9-131(a)(4) (LL62/2011): “any officer ... of United States immigration and customs enforcement ... or ... of the United States department of homeland security”',
    input: informationRequest(
      { information: ['release-date'], requester: 'other-federal-immigration-duties' },
      { decisionAt: '2025-06-02T12:00:00-04:00', instantArrestDate: '2025-05-20' },
    ),
    expect: [
      {
        action: 'information',
        item: 'release-date',
        status: 'allowed',
        controlling: [CLAUSE.information, CLAUSE.federalImmigrationAuthorities],
      },
    ],
  },
  {
    name: 'The same request in February 2026: a "federal immigration authority" under LL63/2026',
    clause:
      '§ 9-131(a)(4) (LL63/2026): “whose duties include ... (ii) enforcement of any provision of federal law ... that penalizes ... reentry into, the United States”',
    input: informationRequest(
      { information: ['release-date'], requester: 'other-federal-immigration-duties' },
      { decisionAt: '2026-02-02T12:00:00-05:00', instantArrestDate: '2026-01-20' },
    ),
    expect: [{ action: 'information', item: 'release-date', status: 'not-allowed' }],
  },
]);
