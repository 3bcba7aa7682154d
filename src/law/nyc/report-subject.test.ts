/**
 * nycSubjectFacts: the facts about a person the NYC reporting subdivisions count by, read from
 * engine cases by the law's own tests. A completed search settles them; an incomplete one leaves
 * them unknown; youthful-offender adjudications are never convictions; a violent or serious
 * conviction counts only within the five-year look-back of § 9-131(a)(2) as amended by LL58/2014;
 * the database flags and removal orders are read as recorded; a pending felony is told from a
 * pending covered case charging misdemeanours only.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseCase, type CaseInput } from '../../engine/case.js';
import { UNKNOWN, type Tri } from '../../engine/tri.js';
import { detainerCase, nyConviction } from '../testing/law-case.js';
import {
  nycSubjectFacts,
  pendingCoveredMisdemeanorsOnly,
  SUBJECT,
  type SubjectFact,
} from './report-subject.js';

type RecordInput = NonNullable<CaseInput['record']>;
type PendingInput = NonNullable<RecordInput['pendingCases']>[number];

const ARREST = '2018-03-01';
const LAW_DATE = '2018-03-05';

function factsFor(record: RecordInput, overrides: Partial<CaseInput> = {}) {
  const input = detainerCase('nyc-doc', {
    decisionAt: '2018-03-05T09:00:00-05:00',
    otherwiseReleaseAt: '2018-03-05T10:00:00-05:00',
    instantArrestDate: ARREST,
    record,
    ...overrides,
  });
  return nycSubjectFacts(parseCase(input), LAW_DATE);
}

/** The named facts only. */
function pick(
  facts: Readonly<Partial<Record<SubjectFact, Tri>>>,
  names: SubjectFact[],
): Partial<Record<SubjectFact, Tri>> {
  return Object.fromEntries(names.map((name) => [name, facts[name]]));
}

const CONVICTIONS: SubjectFact[] = [
  'crimeConviction',
  'felonyConviction',
  'violentOrSeriousConviction',
];
const PENDING: SubjectFact[] = ['pendingCriminalCase', 'pendingFelony', 'pendingCoveredCase'];

const searched = (
  convictions: RecordInput['convictions'] = [],
  pendingCases: PendingInput[] = [],
) => ({
  searchCompleted: true,
  convictions,
  pendingCases,
});

/** A pending New York criminal case with one charge. */
function pending(charge: string, extra: Partial<PendingInput> = {}): PendingInput {
  return {
    court: 'new-york',
    charges: [{ charge }],
    releasedUnderCpl17070: false,
    mustBeYouthfulOffender: false,
    source: 'e-justice-ny',
    ...extra,
  };
}

test('nycSubjectFacts classifies every fact the counts read', () => {
  assert.deepEqual(Object.keys(factsFor(searched())).sort(), Object.values(SUBJECT).sort());
});

describe('§ 9-131(f)(3)–(5) as added by LL62/2011: felony, misdemeanour or no conviction (§ 9-131(a)(2))', () => {
  test('a felony conviction (PL 155.35, class D felony), search completed', () => {
    assert.deepEqual(
      pick(factsFor(searched([nyConviction('PL 155.35 DF', '2015-01-05')])), CONVICTIONS),
      { crimeConviction: true, felonyConviction: true, violentOrSeriousConviction: false },
    );
  });

  test('a misdemeanour conviction only (PL 155.25, class A misdemeanour), search completed', () => {
    assert.deepEqual(
      pick(factsFor(searched([nyConviction('PL 155.25 AM', '2015-01-05')])), CONVICTIONS),
      { crimeConviction: true, felonyConviction: false, violentOrSeriousConviction: false },
    );
  });

  test('a violation is not a conviction of a misdemeanour or felony', () => {
    assert.deepEqual(
      pick(factsFor(searched([nyConviction('PL 240.20 V', '2015-01-05')])), CONVICTIONS),
      { crimeConviction: false, felonyConviction: false, violentOrSeriousConviction: false },
    );
  });

  test('no conviction, search completed: no to each', () => {
    assert.deepEqual(pick(factsFor(searched()), CONVICTIONS), {
      crimeConviction: false,
      felonyConviction: false,
      violentOrSeriousConviction: false,
    });
  });

  test('the search not completed: each is unknown, never a no', () => {
    for (const searchCompleted of [false, UNKNOWN] as const) {
      assert.deepEqual(
        pick(factsFor({ searchCompleted, convictions: [] }), [...CONVICTIONS, ...PENDING]),
        Object.fromEntries([...CONVICTIONS, ...PENDING].map((name) => [name, UNKNOWN])),
        String(searchCompleted),
      );
    }
  });

  test('no record at all: unknown', () => {
    const input = detainerCase('nyc-doc', { instantArrestDate: ARREST });
    delete (input as { record?: unknown }).record;
    const facts = nycSubjectFacts(parseCase(input), LAW_DATE);
    assert.equal(facts.crimeConviction, UNKNOWN);
    assert.equal(facts.felonyConviction, UNKNOWN);
  });

  test('a misdemeanour found by an incomplete search: a conviction, but whether a felony too is unknown', () => {
    assert.deepEqual(
      pick(
        factsFor({
          searchCompleted: false,
          convictions: [nyConviction('PL 155.25 AM', '2015-01-05')],
        }),
        ['crimeConviction', 'felonyConviction'],
      ),
      { crimeConviction: true, felonyConviction: UNKNOWN },
    );
  });

  test('an out-of-state conviction whose level is not recorded: unknown', () => {
    const facts = factsFor(
      searched([
        {
          charge: 'NJ 2C:20-3',
          court: 'other-state',
          courtState: 'New Jersey',
          disposition: 'conviction',
          judgmentDate: '2015-01-05',
          incarceration: [],
          source: 'e-justice-ny',
        },
      ]),
    );
    assert.equal(facts.crimeConviction, UNKNOWN);
    assert.equal(facts.felonyConviction, UNKNOWN);
  });

  test('a youthful-offender adjudication is not a conviction, even for a listed violent felony', () => {
    for (const disposition of ['youthful-offender', 'juvenile-delinquent'] as const) {
      assert.deepEqual(
        pick(
          factsFor(searched([nyConviction('PL 160.15 BF', '2016-01-05', { disposition })])),
          CONVICTIONS,
        ),
        { crimeConviction: false, felonyConviction: false, violentOrSeriousConviction: false },
        disposition,
      );
    }
  });

  test('whether an entry is a conviction or a YO adjudication not recorded: unknown', () => {
    const facts = factsFor(
      searched([nyConviction('PL 160.15 BF', '2016-01-05', { disposition: 'unknown' })]),
    );
    assert.deepEqual(pick(facts, CONVICTIONS), {
      crimeConviction: UNKNOWN,
      felonyConviction: UNKNOWN,
      violentOrSeriousConviction: UNKNOWN,
    });
  });
});

describe('§ 9-131(f)(4) as amended by LL58/2014: a violent or serious conviction within the look-back of § 9-131(a)(2)', () => {
  const robbery = (judgmentDate: string, extra: Parameters<typeof nyConviction>[2] = {}) =>
    factsFor(searched([nyConviction('PL 160.15 BF', judgmentDate, extra)]))
      .violentOrSeriousConviction;

  test('a robbery-1 judgment (PL 160.15) four years before the instant arrest: yes', () => {
    assert.equal(robbery('2014-06-01'), true);
  });

  test('a judgment exactly five years before the arrest: "at least five years" have passed, no', () => {
    assert.equal(robbery('2013-03-01'), false);
  });

  test('a judgment a day inside the five years: yes', () => {
    assert.equal(robbery('2013-03-02'), true);
  });

  test('a judgment six years before, no time incarcerated for it: no', () => {
    assert.equal(robbery('2012-01-10'), false);
  });

  test('a judgment six years before, two years incarcerated for it: the five years are extended, yes', () => {
    assert.equal(
      robbery('2012-01-10', { incarceration: [{ from: '2012-01-10', to: '2014-01-10' }] }),
      true,
    );
  });

  test('a judgment six years before, incarceration not recorded: unknown', () => {
    assert.equal(robbery('2012-01-10', { incarceration: undefined }), UNKNOWN);
  });

  test('the instant arrest date not recorded: unknown', () => {
    const facts = factsFor(searched([nyConviction('PL 160.15 BF', '2014-06-01')]), {
      instantArrestDate: undefined,
    });
    assert.equal(facts.violentOrSeriousConviction, UNKNOWN);
  });

  test('a felony not on the list (PL 155.35): no, though a felony', () => {
    const facts = factsFor(searched([nyConviction('PL 155.35 DF', '2016-01-05')]));
    assert.deepEqual(pick(facts, ['felonyConviction', 'violentOrSeriousConviction']), {
      felonyConviction: true,
      violentOrSeriousConviction: false,
    });
  });

  test('a listed conviction known only from the agency’s own records still counts for a report', () => {
    const facts = factsFor(
      searched([nyConviction('PL 160.15 BF', '2016-01-05', { source: 'agency-records' })]),
    );
    assert.equal(facts.violentOrSeriousConviction, true);
  });
});

describe('§ 9-131(f)(6)–(8) as added by LL62/2011, (8)–(11) as amended by LL22/2013, (5) as amended by LL58/2014: database flags and removal orders', () => {
  const flagged = (record: Partial<RecordInput>) => factsFor({ ...searched(), ...record });

  test('a possible terrorist screening database match and a known gang member, as recorded', () => {
    const facts = flagged({
      terroristScreeningMatch: { value: true, source: 'federal-immigration-authorities' },
      knownGangMember: { value: false, source: 'e-justice-ny' },
    });
    assert.deepEqual(pick(facts, ['terroristScreeningMatch', 'knownGangMember']), {
      terroristScreeningMatch: true,
      knownGangMember: false,
    });
  });

  test('flags not recorded: unknown, never a no', () => {
    assert.deepEqual(
      pick(flagged({}), ['terroristScreeningMatch', 'knownGangMember', 'removalOrder']),
      { terroristScreeningMatch: UNKNOWN, knownGangMember: UNKNOWN, removalOrder: UNKNOWN },
    );
    const recordedUnknown = flagged({ knownGangMember: { value: UNKNOWN, source: 'unknown' } });
    assert.equal(recordedUnknown.knownGangMember, UNKNOWN);
  });

  test('§ 9-131(f)(8) as amended by LL22/2013: an outstanding warrant of removal or a prior final order of removal', () => {
    const no = { value: false, source: 'federal-immigration-authorities' } as const;
    const yes = { value: true, source: 'federal-immigration-authorities' } as const;
    const removal = (record: Partial<RecordInput>) => flagged(record).removalOrder;
    assert.equal(removal({ warrantOfRemoval: yes, finalOrderOfRemoval: no }), true);
    assert.equal(removal({ warrantOfRemoval: no, finalOrderOfRemoval: yes }), true);
    assert.equal(removal({ finalOrderOfRemoval: yes }), true);
    assert.equal(removal({ warrantOfRemoval: no, finalOrderOfRemoval: no }), false);
    assert.equal(removal({ warrantOfRemoval: no }), UNKNOWN);
  });
});

describe('§ 9-131(f)(12)–(14) as amended by LL22/2013: pending criminal cases (§ 9-131(a)(5), (a)(7))', () => {
  const pendingFacts = (...cases: PendingInput[]) => {
    const facts = factsFor(searched([], cases));
    return {
      ...pick(facts, PENDING),
      misdemeanorsOnly: pendingCoveredMisdemeanorsOnly(facts),
    };
  };

  test('a pending felony (PL 155.35): a pending covered case with a felony, not misdemeanours only', () => {
    assert.deepEqual(pendingFacts(pending('PL 155.35 DF')), {
      pendingCriminalCase: true,
      pendingFelony: true,
      pendingCoveredCase: true,
      misdemeanorsOnly: false,
    });
  });

  test('a pending assault-3 misdemeanour (PL 120.00), a listed misdemeanour: covered, misdemeanours only', () => {
    assert.deepEqual(pendingFacts(pending('PL 120.00(1) AM')), {
      pendingCriminalCase: true,
      pendingFelony: false,
      pendingCoveredCase: true,
      misdemeanorsOnly: true,
    });
  });

  test('one pending petit larceny (PL 155.25), not listed: a pending criminal case, but not a covered one', () => {
    assert.deepEqual(pendingFacts(pending('PL 155.25 AM')), {
      pendingCriminalCase: true,
      pendingFelony: false,
      pendingCoveredCase: false,
      misdemeanorsOnly: false,
    });
  });

  test('two pending petit larceny cases: deemed a pending covered case (§ 9-131(a)(7)(ii)), misdemeanours only', () => {
    assert.deepEqual(pendingFacts(pending('PL 155.25 AM'), pending('PL 155.25 AM')), {
      pendingCriminalCase: true,
      pendingFelony: false,
      pendingCoveredCase: true,
      misdemeanorsOnly: true,
    });
  });

  test('a covered misdemeanour case and a felony case: not misdemeanours only', () => {
    assert.deepEqual(pendingFacts(pending('PL 120.00(1) AM'), pending('PL 155.35 DF')), {
      pendingCriminalCase: true,
      pendingFelony: true,
      pendingCoveredCase: true,
      misdemeanorsOnly: false,
    });
  });

  test('a violation only, a felony adjourned in contemplation of dismissal, a felony in family court: none is pending', () => {
    for (const one of [
      pending('PL 240.20 V'),
      pending('PL 155.35 DF', { disposition: 'adjourned-in-contemplation-of-dismissal' }),
      pending('PL 155.35 DF', { familyCourt: true }),
    ]) {
      assert.deepEqual(pendingFacts(one), {
        pendingCriminalCase: false,
        pendingFelony: false,
        pendingCoveredCase: false,
        misdemeanorsOnly: false,
      });
    }
  });

  test('a felony case in which the court must find the person a youthful offender: not a pending covered case (§ 9-131(a)(7)(v))', () => {
    const facts = pendingFacts(pending('PL 155.35 DF', { mustBeYouthfulOffender: true }));
    assert.equal(facts.pendingCoveredCase, false);
    assert.equal(facts.misdemeanorsOnly, false);
  });

  test('a covered misdemeanour found by an incomplete search: whether a felony is pending too is unknown', () => {
    const facts = factsFor({
      searchCompleted: false,
      convictions: [],
      pendingCases: [pending('PL 120.00(1) AM')],
    });
    assert.deepEqual(
      { ...pick(facts, PENDING), misdemeanorsOnly: pendingCoveredMisdemeanorsOnly(facts) },
      {
        pendingCriminalCase: true,
        pendingFelony: UNKNOWN,
        pendingCoveredCase: true,
        misdemeanorsOnly: UNKNOWN,
      },
    );
  });

  test('pendingCoveredMisdemeanorsOnly: covered and no felony, unknown where either is', () => {
    const only = (pendingCoveredCase: Tri, pendingFelony: Tri) =>
      pendingCoveredMisdemeanorsOnly({ pendingCoveredCase, pendingFelony });
    assert.equal(only(true, false), true);
    assert.equal(only(true, true), false);
    assert.equal(only(false, false), false);
    assert.equal(only(false, UNKNOWN), false);
    assert.equal(only(true, UNKNOWN), UNKNOWN);
    assert.equal(only(UNKNOWN, false), UNKNOWN);
  });
});
