/**
 * Properties of the encoded law that must hold for every case, not just the tabled ones.
 * Cases are generated: NYC and state jurisdictions, dates across every version, records with
 * known, unknown and partly recorded facts.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { CaseInput } from '../engine/case.js';
import { parseCase } from '../engine/case.js';
import type { Decision } from '../engine/decision.js';
import { evaluate } from '../index.js';
import { JURISDICTIONS } from './jurisdictions.js';

const CHARGES = [
  'PL 120.10 BF',
  'PL 120.05(2) DF',
  'PL 155.35 DF',
  'PL 110/160.15 CF',
  'PL 265.02(1) DF',
  'PL 265.02(3) DF',
  'PL 120.00 AM',
  'VTL 600.2(c) EF',
  'PL 230.00 BM',
];
const triArb = fc.constantFrom<true | false | 'unknown'>(true, false, 'unknown');
const dayArb = fc
  .integer({ min: Date.UTC(2010, 0, 1), max: Date.UTC(2026, 10, 1) })
  .map((ms) => new Date(ms).toISOString().slice(0, 10));

const convictionArb = fc.record({
  charge: fc.constantFrom(...CHARGES),
  court: fc.constantFrom('new-york' as const),
  disposition: fc.constantFrom(
    'conviction' as const,
    'youthful-offender' as const,
    'unknown' as const,
  ),
  judgmentDate: dayArb,
  incarceration: fc.boolean().map((recorded) => (recorded ? [] : undefined)),
  source: fc.constantFrom('e-justice-ny' as const, 'court' as const, 'agency-records' as const),
});

const caseArb = fc
  .record({
    jurisdiction: fc.constantFrom(...JURISDICTIONS.map((jurisdiction) => jurisdiction.id)),
    releaseDay: dayArb,
    form: fc.constantFrom('I-247' as const, 'I-247D' as const, 'I-247A' as const),
    warrant: fc.option(
      fc.record({ presented: triArb, withDetainer: triArb, probableCause: triArb }),
      { nil: undefined },
    ),
    searchCompleted: triArb,
    convictions: fc.array(convictionArb, { maxLength: 3 }),
    tsdb: triArb,
    reentered: triArb,
  })
  .map(
    ({
      jurisdiction,
      releaseDay,
      form,
      warrant,
      searchCompleted,
      convictions,
      tsdb,
      reentered,
    }): CaseInput => ({
      jurisdiction,
      decisionAt: `${releaseDay}T08:00:00Z`,
      otherwiseReleaseAt: `${releaseDay}T15:00:00Z`,
      instantArrestDate: releaseDay,
      request: {
        kind: 'detainer',
        form,
        ...(warrant
          ? { judicialWarrant: { ...warrant, issuer: 'federal-magistrate-judge' as const } }
          : {}),
      },
      record: {
        searchCompleted,
        convictions: convictions
          .filter((c) => c.judgmentDate < releaseDay)
          .map(({ incarceration, ...c }) => (incarceration ? { ...c, incarceration } : c)),
        terroristScreeningMatch: { value: tsdb, source: 'e-justice-ny' },
        reenteredAfterRemoval: { value: reentered, source: 'e-justice-ny' },
      },
    }),
  );

function status(decision: Decision, action: string): string | undefined {
  return decision.outcomes.find((o) => o.action === action)?.status;
}

const RANK: Record<string, number> = {
  'not-allowed': 0,
  'needs-information': 1,
  allowed: 2,
  required: 3,
};

describe('properties of every encoded law', () => {
  test('an unknown fact is never read as true or false: a decided outcome stays the same when the fact becomes known', () => {
    fc.assert(
      fc.property(caseArb, fc.constantFrom(true, false), (input, value) => {
        const before = evaluate(parseCase(input));
        const tsdb = input.record?.terroristScreeningMatch;
        if (tsdb?.value !== 'unknown') return;
        const after = evaluate(
          parseCase({
            ...input,
            record: { ...input.record, terroristScreeningMatch: { value, source: 'e-justice-ny' } },
          }),
        );
        for (const outcome of before.outcomes) {
          if (outcome.status === 'needs-information') continue;
          assert.equal(
            status(after, outcome.action),
            outcome.status,
            `${input.jurisdiction} ${outcome.action}`,
          );
        }
      }),
      { numRuns: 400 },
    );
  });

  test('§ 9-131(b)(1)(i), § 14-154(b)(1)(i), § 9-205(b)(1): presenting a judicial warrant never turns "allowed" into "not allowed"', () => {
    fc.assert(
      fc.property(caseArb, (input) => {
        const before = evaluate(parseCase(input));
        const withWarrant: CaseInput = {
          ...input,
          request: {
            ...input.request,
            judicialWarrant: {
              presented: true,
              withDetainer: true,
              issuer: 'article-iii-judge',
              probableCause: true,
            },
          },
        };
        const after = evaluate(parseCase(withWarrant));
        for (const outcome of before.outcomes) {
          if (outcome.status !== 'allowed' && outcome.status !== 'required') continue;
          assert.ok(
            RANK[status(after, outcome.action)!]! >= RANK[outcome.status]!,
            `${input.jurisdiction} ${outcome.action}`,
          );
        }
      }),
      { numRuns: 400 },
    );
  });

  test('every outcome cites at least one clause in force on its law date, and needs-information names what is missing', () => {
    fc.assert(
      fc.property(caseArb, (input) => {
        const decision = evaluate(parseCase(input));
        for (const outcome of decision.outcomes) {
          assert.ok(outcome.controlling.length > 0);
          for (const ref of outcome.controlling) {
            assert.ok(
              ref.validFrom <= outcome.lawDate.date &&
                (ref.validTo === undefined || outcome.lawDate.date < ref.validTo),
              ref.id,
            );
          }
          if (outcome.status === 'needs-information') assert.ok(outcome.missing.length > 0);
        }
      }),
      { numRuns: 400 },
    );
  });

  test('a hold allowed or required always ends within 48 hours excluding weekends and holidays, and never before release', () => {
    fc.assert(
      fc.property(caseArb, (input) => {
        const decision = evaluate(parseCase(input));
        const hold = decision.outcomes.find((o) => o.action === 'hold');
        if (!hold?.hold?.until) return;
        const start = Date.parse(input.otherwiseReleaseAt!);
        const end = Date.parse(hold.hold.until);
        assert.ok(end - start >= 48 * 3_600_000, 'at least 48 elapsed hours');
        assert.ok(
          end - start <= (48 + 24 * 5) * 3_600_000,
          'never more than 48 hours plus skipped days',
        );
      }),
      { numRuns: 400 },
    );
  });
});
