/**
 * Legal test tables: each row states facts, a date, the expected outcome and the clauses that
 * must control it, and quotes the clause it tests. Rows live beside the law version they test
 * (`<version>.cases.ts`), so `detainer-desk law show` can print them next to the statute text.
 * @module
 */
import type { CaseInput, Conviction, RecordedFact } from '../../engine/case.js';
import type { Action, Status } from '../../engine/decision.js';

export interface ExpectedOutcome {
  action: Action;
  item?: string;
  status: Status;
  /** Clause ids that must be among the controlling clauses. */
  controlling?: readonly string[];
  /** The expected latest lawful end of a hold. */
  holdUntil?: string;
  /** Case paths that must be reported missing. */
  missing?: readonly string[];
}

export interface LawCase {
  name: string;
  /** The clause tested, quoted: "§ 9-131(b)(1)(i) (LL58/2014): “... at the time such ... detainer is presented”". */
  clause: string;
  input: CaseInput;
  expect: readonly ExpectedOutcome[];
}

type ConvictionInput = CaseInput['record'] extends infer R
  ? R extends { convictions?: (infer C)[] }
    ? C
    : never
  : never;

/** A detainer case with the facts most tests share; override what the test is about. */
export function detainerCase(
  jurisdiction: string,
  overrides: Partial<Omit<CaseInput, 'request' | 'record'>> & {
    request?: Partial<CaseInput['request']>;
    record?: NonNullable<CaseInput['record']>;
  } = {},
): CaseInput {
  const { request, record, ...rest } = overrides;
  return {
    jurisdiction,
    decisionAt: '2016-06-01T09:00:00-04:00',
    otherwiseReleaseAt: '2016-06-01T10:00:00-04:00',
    instantArrestDate: '2016-05-20',
    ...rest,
    request: { kind: 'detainer', form: 'I-247D', ...request },
    record: record ?? { searchCompleted: true, convictions: [] },
  };
}

/** A New York conviction from an e-JusticeNY search. */
export function nyConviction(
  charge: string,
  judgmentDate: string,
  extra: Partial<Conviction> = {},
): ConvictionInput {
  return {
    charge,
    court: 'new-york',
    disposition: 'conviction',
    judgmentDate,
    incarceration: [],
    source: 'e-justice-ny',
    ...extra,
  };
}

/** A judicial warrant that meets every element of the NYC definition. */
export function judicialWarrantWithDetainer(): NonNullable<
  CaseInput['request']['judicialWarrant']
> {
  return {
    presented: true,
    withDetainer: true,
    issuer: 'federal-magistrate-judge',
    probableCause: true,
  };
}

export function searchFact(value: boolean): RecordedFact {
  return { value, source: 'e-justice-ny' };
}

/**
 * The record of a completed e-JusticeNY search that found these convictions and nothing else: no
 * pending case, no criminal warrant, gang database, watch-list match or removal order.
 */
export function completedSearch(
  convictions: NonNullable<CaseInput['record']>['convictions'],
): NonNullable<CaseInput['record']> {
  return {
    searchCompleted: true,
    convictions,
    pendingCases: [],
    criminalWarrant: searchFact(false),
    knownGangMember: searchFact(false),
    terroristScreeningMatch: searchFact(false),
    warrantOfRemoval: searchFact(false),
    finalOrderOfRemoval: searchFact(false),
  };
}
