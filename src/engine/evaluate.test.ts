/**
 * The engine's contract, independent of any one law: bad input is a CaseError naming the field,
 * the law date is stated, the trace is there only when asked for.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { evaluate, parseCase } from '../index.js';
import { LAW_CASE_TABLES } from '../law/law-case-tables.js';
import { detainerCase } from '../law/testing/law-case.js';
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
        const traced = evaluate(input, { trace: true });
        traced.trace = undefined;
        assert.equal(
          JSON.stringify(evaluate(input)),
          JSON.stringify(traced),
          `${table.version}: ${lawCase.name}`,
        );
      }
    }
  });
});
