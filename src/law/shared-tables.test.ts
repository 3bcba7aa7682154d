/**
 * The law and the engine hand the same tables to every caller (jurisdictions, clause ids,
 * provisions, source lists, legal test tables, the law in force on a day): each is frozen, so a
 * caller that changes one gets an error instead of changing it for everyone (issue 10, item 19).
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { JURISDICTIONS } from './jurisdictions.js';

const src = dirname(dirname(fileURLToPath(import.meta.url)));

/** The case format's module is left out: its Zod schemas keep state in themselves. */
const NOT_CHECKED = new Set(['engine/case.ts']);

function modules(folder: string): string[] {
  return readdirSync(join(src, folder), { recursive: true, encoding: 'utf8' })
    .map((name) => join(folder, name))
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .filter((name) => !NOT_CHECKED.has(name))
    .sort();
}

describe('shared tables of the engine and the law', () => {
  test('every object or list a module of src/engine or src/law exports is frozen', async () => {
    const mutable: string[] = [];
    for (const name of [...modules('engine'), ...modules('law')]) {
      const exports = (await import(join(src, name))) as Record<string, unknown>;
      for (const [key, value] of Object.entries(exports)) {
        if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
          mutable.push(`${relative(src, join(src, name))}: ${key}`);
        }
      }
    }
    assert.deepEqual(mutable, []);
  });

  test("the case format's lists (its Zod schemas aside) refuse changes", async () => {
    const exports = (await import(join(src, 'engine/case.ts'))) as Record<string, unknown>;
    const lists = Object.entries(exports).filter(([, value]) => Array.isArray(value));
    assert.ok(lists.length >= 6);
    for (const [key, value] of lists) assert.ok(Object.isFrozen(value), key);
  });

  test('a jurisdiction and the law in force on any day refuse changes', () => {
    for (const jurisdiction of JURISDICTIONS) {
      const law = jurisdiction.lawOn('2020-01-01');
      for (const value of [
        jurisdiction,
        jurisdiction.provisions,
        jurisdiction.clauses,
        jurisdiction.lawDateBasis,
        ...jurisdiction.provisions,
        law,
        law.provisions,
        law.duties,
        law.cautions,
      ]) {
        assert.ok(Object.isFrozen(value), jurisdiction.id);
      }
      assert.throws(() => (law.cautions as unknown[]).push(law.cautions[0]), TypeError);
    }
  });
});
