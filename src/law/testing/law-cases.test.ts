/**
 * Runs every legal test table against the engine. Each row's name and quoted clause become the
 * test's name, so a failing test says which clause it was about.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseCase } from '../../engine/case.js';
import { evaluate } from '../../index.js';
import { LAW_CASE_TABLES } from '../law-case-tables.js';

for (const table of LAW_CASE_TABLES) {
  describe(`${table.jurisdiction} — ${table.version}`, () => {
    for (const row of table.cases) {
      test(`${row.name} [${row.clause}]`, () => {
        const decision = evaluate(parseCase(row.input));
        for (const expected of row.expect) {
          const outcome = decision.outcomes.find(
            (o) =>
              o.action === expected.action &&
              (expected.item === undefined || o.item === expected.item),
          );
          assert.ok(outcome, `no outcome for ${expected.action}`);
          assert.equal(
            outcome.status,
            expected.status,
            `${expected.action}: ${outcome.explanation}`,
          );
          const controlling = outcome.controlling.map((ref) => ref.id);
          for (const id of expected.controlling ?? []) {
            assert.ok(
              controlling.includes(id),
              `${expected.action}: ${id} not among controlling ${controlling.join(', ')}`,
            );
          }
          if (expected.holdUntil !== undefined)
            assert.equal(outcome.hold?.until, expected.holdUntil);
          const missing = outcome.missing.map((m) => m.path);
          for (const path of expected.missing ?? []) {
            assert.ok(
              missing.includes(path),
              `${expected.action}: ${path} not among missing ${missing.join(', ')}`,
            );
          }
        }
      });
    }
  });
}
