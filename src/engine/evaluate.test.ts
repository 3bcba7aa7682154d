/**
 * The engine's contract, independent of any one law: bad input is a CaseError naming the field,
 * the law date is stated, the trace is there only when asked for.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { evaluate, parseCase } from '../index.js';
import { LAW_CASE_TABLES } from '../law/law-case-tables.js';
import { detainerCase } from '../law/testing/law-case.js';
import type { Decision, Notice } from './decision.js';
import { CaseError } from './errors.js';

function rejects(input: unknown, code: CaseError['code'], path: string) {
  assert.throws(
    () => evaluate(parseCase(input)),
    (error: unknown) =>
      error instanceof CaseError &&
      error.code === code &&
      error.issues.some((issue) => issue.path === path),
  );
}

describe('evaluate', () => {
  test('an unknown jurisdiction names the field and the known ones', () => {
    rejects(detainerCase('nyc-housing'), 'unknown-jurisdiction', 'jurisdiction');
  });

  test('a date before 2000-01-01 is outside every encoded version', () => {
    rejects(
      detainerCase('nyc-doc', {
        decisionAt: '1999-06-01T10:00:00-04:00',
        otherwiseReleaseAt: '1999-06-01T12:00:00-04:00',
      }),
      'date-outside-law',
      'otherwiseReleaseAt',
    );
  });

  test('impossible dates, unknown fields and missing requests name the field', () => {
    rejects(
      detainerCase('nyc-doc', { instantArrestDate: '2021-02-30' }),
      'invalid-case',
      'instantArrestDate',
    );
    rejects(
      { ...detainerCase('nyc-doc'), otherwiseReleasedAt: '2016-06-01T10:00:00-04:00' },
      'invalid-case',
      '(case)',
    );
    rejects(
      detainerCase('nyc-doc', { request: { form: 'other' } }),
      'invalid-case',
      'request.actions',
    );
    rejects(
      detainerCase('nyc-doc', { request: { kind: 'information-request', form: undefined } }),
      'invalid-case',
      'request.information',
    );
  });

  test('without an otherwise-release time the decision time selects the law, and says so', () => {
    const input = detainerCase('nyc-doc', { otherwiseReleaseAt: undefined });
    const hold = evaluate(parseCase(input)).outcomes.find((outcome) => outcome.action === 'hold');
    assert.ok(hold);
    assert.equal(hold.lawDate.date, '2016-06-01');
    assert.match(hold.lawDate.note ?? '', /otherwise-release time is not recorded/);
  });

  test('the trace is there only when asked for, and lists conditions in order', () => {
    const input = parseCase(detainerCase('nyc-doc'));
    assert.equal(evaluate(input).trace, undefined);
    const trace = evaluate(input, { trace: true }).trace ?? [];
    assert.ok(trace.length > 0);
    assert.ok(trace.some((step) => step.cites.includes('nyc.9-131.b')));
  });

  test('the trace changes nothing else: without it each condition is tested once and shared', () => {
    // Hold, notify and transfer share findings (and considered entries) only without a trace.
    for (const table of LAW_CASE_TABLES) {
      for (const lawCase of table.cases) {
        const input = parseCase(lawCase.input);
        const traced = { ...evaluate(input, { trace: true }), trace: undefined };
        assert.equal(
          JSON.stringify(evaluate(input)),
          JSON.stringify(traced),
          `${table.version}: ${lawCase.name}`,
        );
      }
    }
  });

  test('a caller that changes a decision changes no other decision (issue 10, item 19)', () => {
    // Fresh inputs each time, so only what the engine hands out is shared between decisions.
    const cases = LAW_CASE_TABLES.flatMap((table) =>
      table.cases.flatMap((lawCase) =>
        [false, true].map((trace) => ({ name: `${lawCase.name}, trace ${trace}`, lawCase, trace })),
      ),
    );
    const decide = ({ lawCase, trace }: (typeof cases)[number]) =>
      evaluate(parseCase(structuredClone(lawCase.input)), { trace });
    const before = cases.map((entry) => JSON.stringify(decide(entry)));
    for (const entry of cases) vandalize(decide(entry));
    const changed = cases.filter((entry, index) => JSON.stringify(decide(entry)) !== before[index]);
    assert.deepEqual(
      changed.map((entry) => entry.name),
      [],
    );
  });

  test('whatever two decisions share is frozen', () => {
    const firstSeenIn = new Map<object, number>();
    const unfrozen = new Set<string>();
    const visit = (value: unknown, path: string, decision: number): void => {
      if (typeof value !== 'object' || value === null) return;
      const first = firstSeenIn.get(value);
      if (first === undefined) firstSeenIn.set(value, decision);
      else if (first !== decision && !Object.isFrozen(value)) unfrozen.add(path);
      for (const [key, child] of Object.entries(value)) {
        visit(child, Array.isArray(value) ? `${path}[]` : `${path}.${key}`, decision);
      }
    };
    let decisions = 0;
    for (const table of LAW_CASE_TABLES) {
      for (const lawCase of table.cases) {
        for (const trace of [false, true]) {
          const input = parseCase(structuredClone(lawCase.input));
          visit(evaluate(input, { trace }), 'decision', decisions++);
        }
      }
    }
    assert.deepEqual([...unfrozen], []);
  });

  test('the lists and clauses shared between decisions refuse changes, and the types say so', () => {
    const decision = evaluate(parseCase(detainerCase('nyc-doc')));
    const cautions = decision.cautions;
    assert.ok(cautions.length > 0);
    assert.throws(() => (cautions as Notice[]).push(cautions[0]!), TypeError);
    assert.throws(() => {
      // @ts-expect-error a decision's lists are read-only
      cautions[0] = cautions[0]!;
    }, TypeError);
    const clause = decision.outcomes[0]!.controlling[0]!;
    assert.throws(() => {
      // @ts-expect-error so are the clauses it cites
      clause.citation = 'changed';
    }, TypeError);
  });
});

/** Every change a careless caller might make: a push onto each list, a new text in each field. */
function vandalize(decision: Decision): void {
  const seen = new Set<object>();
  const visit = (value: unknown): void => {
    if (typeof value !== 'object' || value === null || seen.has(value)) return;
    seen.add(value);
    for (const child of Object.values(value)) visit(child);
  };
  visit(decision);
  for (const value of seen) {
    if (Array.isArray(value)) {
      try {
        value.push(value[0] ?? 'vandalized');
      } catch (error) {
        if (!(error instanceof TypeError)) throw error;
      }
    } else {
      for (const key of Object.keys(value)) Reflect.set(value, key, 'vandalized');
    }
  }
}
