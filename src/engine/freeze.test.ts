import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { deepFreeze } from './freeze.js';

describe('deepFreeze', () => {
  test('freezes every object and list it reaches, through frozen ones, and returns the value', () => {
    const inner = { list: [{ text: 'a' }] };
    const value = { shallow: Object.freeze({ inner }), run: () => 1 };
    assert.equal(deepFreeze(value), value);
    for (const part of [value, value.shallow, inner, inner.list, inner.list[0]]) {
      assert.ok(Object.isFrozen(part));
    }
    assert.throws(() => (inner.list as unknown[]).push('b'), TypeError);
  });
});
