/**
 * The compiled path decides exactly as the interpreter: deep-equal decisions (every field, every
 * list in order), or the same error, on every row of the legal test tables and on tens of
 * thousands of synthetic cases, each as generated (NYC DOC, every version of § 9-131) and once
 * varied across every jurisdiction, request kind, form, action set, time zone and unrecorded
 * date; and the traced interpreter, its trace aside, agrees with both.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { generateCaseload, mulberry32 } from '../../bench/engine/caseload.js';
import { varyCase } from '../../bench/engine/vary-case.js';
import { JURISDICTIONS } from '../law/jurisdictions.js';
import { LAW_CASE_TABLES } from '../law/law-case-tables.js';
import { detainerCase } from '../law/testing/law-case.js';
import { parseCase, type Case, type CaseInput } from './case.js';
import { decideCompiled } from './compiled.js';
import type { Decision } from './decision.js';
import { CaseError } from './errors.js';
import { createEngine } from './evaluate.js';

const compiledEngine = createEngine(JURISDICTIONS);
const interpreter = createEngine(JURISDICTIONS, { compiled: false });

type Answer = { decision: Decision } | { error: string };

function answer(decide: () => Decision): Answer {
  try {
    return { decision: decide() };
  } catch (error) {
    if (!(error instanceof CaseError)) throw error;
    return {
      error: JSON.stringify({ code: error.code, message: error.message, at: error.issues }),
    };
  }
}

interface Tally {
  cases: number;
  /** Decided by the compiled path itself, not handed to the interpreter. */
  compiled: number;
  byJurisdiction: Map<string, number>;
}

/** Asserts the three answers agree; counts the cases the compiled path decided itself. */
function check(input: Case, name: string, tally: Tally): void {
  const compiled = answer(() => compiledEngine.evaluate(input));
  const interpreted = answer(() => interpreter.evaluate(input));
  const traced = answer(() => ({
    ...interpreter.evaluate(input, { trace: true }),
    trace: undefined,
  }));
  assert.deepStrictEqual(compiled, interpreted, name);
  assert.deepStrictEqual(compiled, traced, name);
  tally.cases++;
  const jurisdiction = compiledEngine.jurisdictions.get(input.jurisdiction);
  if ('decision' in compiled && jurisdiction && decideCompiled(jurisdiction, input)) {
    tally.compiled++;
    tally.byJurisdiction.set(
      input.jurisdiction,
      (tally.byJurisdiction.get(input.jurisdiction) ?? 0) + 1,
    );
  }
}

function newTally(): Tally {
  return { cases: 0, compiled: 0, byJurisdiction: new Map() };
}

describe('the compiled path', () => {
  test('decides every row of the legal test tables as the interpreter does', () => {
    const tally = newTally();
    for (const table of LAW_CASE_TABLES) {
      for (const lawCase of table.cases) {
        check(parseCase(lawCase.input), `${table.version}: ${lawCase.name}`, tally);
      }
    }
    // Most rows are detainers decided under one law: the compiled path must decide them itself.
    assert.ok(tally.compiled > tally.cases / 2, `${tally.compiled} of ${tally.cases} compiled`);
  });

  test('decides 40,000 synthetic cases across every jurisdiction as the interpreter does', () => {
    const tally = newTally();
    for (const seed of [58_2014, 2011]) {
      const random = mulberry32(seed ^ 0x5eed);
      for (const synthetic of generateCaseload(10_000, seed)) {
        const inputs: CaseInput[] = [synthetic.input, varyCase(synthetic.input, random)];
        for (const input of inputs) {
          check(parseCase(input), JSON.stringify(input), tally);
        }
      }
    }
    assert.equal(tally.cases, 40_000);
    assert.ok(tally.compiled > 30_000, `${tally.compiled} of ${tally.cases} compiled`);
    for (const { id } of JURISDICTIONS) {
      assert.ok((tally.byJurisdiction.get(id) ?? 0) > 100, `${id}: compiled decisions`);
    }
  });

  test('decides an outcome that needs information, naming what is missing', () => {
    // LL58: a judicial warrant, and no record of the search the rule turns on.
    const unknown = parseCase(
      detainerCase('nyc-doc', {
        request: { judicialWarrant: { presented: true, withDetainer: true, issuer: 'unknown' } },
        record: { searchCompleted: 'unknown' },
      }),
    );
    const decision = decideCompiled(compiledEngine.jurisdictions.get('nyc-doc')!, unknown);
    assert.ok(decision);
    assert.equal(decision.outcomes[0]!.status, 'needs-information');
    assert.ok(decision.missing.length > 0);
    assert.deepStrictEqual(decision, interpreter.evaluate(unknown));
  });

  test('hands information requests to the interpreter', () => {
    const doc = compiledEngine.jurisdictions.get('nyc-doc')!;
    const information = parseCase(
      detainerCase('nyc-doc', {
        request: { kind: 'information-request', form: undefined, information: ['release-date'] },
      }),
    );
    assert.equal(decideCompiled(doc, information), undefined);
    assert.deepStrictEqual(compiledEngine.evaluate(information), interpreter.evaluate(information));
  });

  test('throws the interpreter’s error, naming the field', () => {
    const early = parseCase(
      detainerCase('nyc-doc', {
        decisionAt: '1999-06-01T10:00:00-04:00',
        otherwiseReleaseAt: '1999-06-01T12:00:00-04:00',
      }),
    );
    const doc = compiledEngine.jurisdictions.get('nyc-doc')!;
    assert.throws(
      () => decideCompiled(doc, early),
      (error: unknown) =>
        error instanceof CaseError &&
        error.code === 'date-outside-law' &&
        error.issues.some((issue) => issue.path === 'otherwiseReleaseAt'),
    );
  });
});
