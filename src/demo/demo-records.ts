/**
 * Synthetic criminal histories for the demo, one kind at a time: none, a youthful-offender
 * adjudication only, misdemeanours, a felony the violent-or-serious list leaves out, a listed
 * felony within or outside the five-year look-back, or another state's conviction awaiting a
 * legal reviewer's equivalence finding. Every history is a completed search, so the engine can
 * decide it without asking for more.
 * @module
 */
import type { Faker } from '@faker-js/faker';
import { DateTime } from 'luxon';
import type { IntakeInput } from '../desk/intake.js';

export type RecordKind =
  | 'none'
  | 'youthful-offender-only'
  | 'misdemeanors'
  | 'unlisted-felony'
  | 'listed-recent'
  | 'listed-old'
  | 'out-of-state';

type History = NonNullable<IntakeInput['history']>;
type Conviction = NonNullable<History['convictions']>[number];
type Charge = { charge: string; level: 'felony' | 'misdemeanor' };

/** The youngest a person with this history can be, so every judgment falls after age 16. */
export const MIN_AGE: Record<RecordKind, number> = {
  none: 18,
  'youthful-offender-only': 19,
  misdemeanors: 21,
  'unlisted-felony': 22,
  'listed-recent': 22,
  'listed-old': 32,
  'out-of-state': 22,
};

export const MISDEMEANORS: readonly Charge[] = [
  'PL 155.25',
  'PL 120.00(1)',
  'PL 140.10(a)',
  'PL 165.40',
  'PL 221.10(1)',
  'PL 220.03',
  'PL 265.01(1)',
  'PL 145.00(1)',
  'PL 215.50(3)',
  'VTL 1192(3)',
  'VTL 511(1)(a)',
].map((charge) => ({ charge, level: 'misdemeanor' }));

/** Felonies outside § 9-131(a)(7) / § 14-154(a)(6). */
export const UNLISTED_FELONIES: readonly Charge[] = [
  'PL 155.30(1)',
  'PL 220.39(1)',
  'PL 170.25',
  'PL 165.45(1)',
  'PL 145.10',
  'PL 220.16(1)',
  'PL 140.20',
  'PL 190.80',
].map((charge) => ({ charge, level: 'felony' }));

/** Felonies on the violent-or-serious list. */
export const LISTED_FELONIES: readonly Charge[] = [
  'PL 120.05(2)',
  'PL 120.10(1)',
  'PL 160.15(4)',
  'PL 160.10(1)',
  'PL 140.25(2)',
  'PL 265.03(3)',
  'PL 110/160.15(4)',
  'PL 121.12',
].map((charge) => ({ charge, level: 'felony' }));

const OTHER_STATES = [
  { state: 'New Jersey', charge: 'N.J.S.A. 2C:12-1(b)(1)' },
  { state: 'New Jersey', charge: 'N.J.S.A. 2C:35-5(a)(1)' },
  { state: 'Pennsylvania', charge: '18 Pa.C.S. § 3701(a)(1)(ii)' },
  { state: 'Connecticut', charge: 'C.G.S. § 53a-60' },
  { state: 'Florida', charge: 'Fla. Stat. § 784.021' },
];

export interface HistoryContext {
  /** The instant arrest (YYYY-MM-DD): judgments are dated back from it. */
  arrestDate: string;
  dateOfBirth: string;
  searchedAt: string;
  /** The instant arrest's charges, pending before a New York court. */
  pending: readonly Charge[];
  /** For NYPD's § 14-154(b)(2): whether the search shows re-entry after removal. */
  reentered?: boolean;
}

export function criminalHistory(rng: Faker, kind: RecordKind, context: HistoryContext): History {
  const convictions = convictionsFor(rng, kind, context);
  const found = { value: false, source: 'e-justice-ny', recordedAt: context.searchedAt } as const;
  return {
    searchCompleted: true,
    searchedAt: context.searchedAt,
    convictions,
    pendingCases:
      context.pending.length === 0
        ? []
        : [
            {
              court: 'new-york',
              charges: context.pending.map(({ charge, level }) => ({ charge, level })),
              source: 'e-justice-ny',
              recordedAt: context.searchedAt,
            },
          ],
    terroristScreeningMatch: found,
    ...(context.reentered === undefined
      ? {}
      : { reenteredAfterRemoval: { ...found, value: context.reentered } }),
  };
}

function convictionsFor(rng: Faker, kind: RecordKind, context: HistoryContext): Conviction[] {
  const arrest = DateTime.fromISO(context.arrestDate);
  const adultSince = DateTime.fromISO(context.dateOfBirth).plus({ years: 17 });
  /** A judgment between `min` and `max` years before the arrest, but not before age 17. */
  const judgedYearsBack = (min: number, max: number) => {
    const latest = arrest.minus({ years: min });
    const earliest = DateTime.max(arrest.minus({ years: max }), adultSince);
    const span = Math.max(1, Math.floor(latest.diff(earliest, 'days').days));
    return latest.minus({ days: rng.number.int({ min: 0, max: span }) });
  };
  const conviction = (
    charge: Charge,
    judgment: DateTime,
    served: number,
    extra: Partial<Conviction> = {},
  ): Conviction => ({
    charge: charge.charge,
    level: charge.level,
    court: 'new-york',
    disposition: 'conviction',
    offenseDate: judgment.minus({ days: rng.number.int({ min: 40, max: 300 }) }).toISODate()!,
    judgmentDate: judgment.toISODate()!,
    incarceration:
      served === 0
        ? []
        : [{ from: judgment.toISODate()!, to: judgment.plus({ days: served }).toISODate()! }],
    source: 'e-justice-ny',
    recordedAt: context.searchedAt,
    ...extra,
  });
  const misdemeanors = (count: number) =>
    Array.from({ length: count }, () =>
      conviction(
        rng.helpers.arrayElement(MISDEMEANORS),
        judgedYearsBack(0.5, 12),
        rng.helpers.arrayElement([0, 0, 5, 30]),
      ),
    );
  switch (kind) {
    case 'none':
      return [];
    case 'youthful-offender-only': {
      const judgment = DateTime.fromISO(context.dateOfBirth).plus({
        years: 17,
        days: rng.number.int({ min: 0, max: 500 }),
      });
      return [
        conviction(
          rng.helpers.arrayElement(LISTED_FELONIES),
          DateTime.min(judgment, arrest.minus({ months: 6 })),
          0,
          { disposition: 'youthful-offender' },
        ),
      ];
    }
    case 'misdemeanors':
      return misdemeanors(rng.number.int({ min: 1, max: 3 }));
    case 'unlisted-felony':
      return [
        conviction(
          rng.helpers.arrayElement(UNLISTED_FELONIES),
          judgedYearsBack(1, 10),
          rng.number.int({ min: 0, max: 300 }),
        ),
        ...misdemeanors(rng.number.int({ min: 0, max: 2 })),
      ];
    case 'listed-recent': {
      const judgment = judgedYearsBack(1, 4);
      return [
        conviction(
          rng.helpers.arrayElement(LISTED_FELONIES),
          judgment,
          rng.helpers.arrayElement([0, rng.number.int({ min: 90, max: 300 })]),
        ),
        ...misdemeanors(rng.number.int({ min: 0, max: 1 })),
      ];
    }
    case 'listed-old': {
      // Outside the look-back even after it is extended by the time served.
      const served = rng.number.int({ min: 200, max: 1000 });
      return [
        conviction(rng.helpers.arrayElement(LISTED_FELONIES), judgedYearsBack(9, 14), served),
        ...misdemeanors(rng.number.int({ min: 0, max: 1 })),
      ];
    }
    case 'out-of-state': {
      const other = rng.helpers.arrayElement(OTHER_STATES);
      const judgment = judgedYearsBack(1, 4);
      return [
        conviction({ charge: other.charge, level: 'felony' }, judgment, 0, {
          court: 'other-state',
          courtState: other.state,
        }),
      ];
    }
  }
}
