import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JsonError, parseJson } from './json-text.js';

/** The error parseJson throws for `text`, as "problem at line L, column C". */
function mistake(text: string): string {
  try {
    parseJson(text);
  } catch (error) {
    assert.ok(error instanceof JsonError, String(error));
    return error.message;
  }
  return assert.fail(`${text} was read as JSON`);
}

describe('parseJson', () => {
  it('reads JSON, also after a byte-order mark', () => {
    assert.deepEqual(parseJson('{"a": [1, true, null]}'), { a: [1, true, null] });
    assert.deepEqual(parseJson('\uFEFF{"a": 1}'), { a: 1 });
  });

  it('names the first mistake by line and column', () => {
    assert.equal(mistake('{\n  "a": 1,\n  "b": }\n'), 'unexpected "}" at line 3, column 8');
    assert.equal(mistake('{"a": '), 'unexpected end of input at line 1, column 7');
    assert.equal(mistake(''), 'unexpected end of input at line 1, column 1');
    assert.equal(mistake('{"a": 1,}'), 'unexpected "}" at line 1, column 9');
    assert.equal(mistake('{"a": 1} x'), 'unexpected "x" at line 1, column 10');
    assert.equal(mistake('// note\n{}'), 'unexpected "/" at line 1, column 1');
    assert.equal(mistake('["a\\q"]'), 'unexpected "q" at line 1, column 5');
    assert.equal(mistake('[1,,2]'), 'unexpected "," at line 1, column 4');
  });

  it('refuses what jsonc-parser would take (a leading zero)', () => {
    assert.equal(mistake('[01]'), 'unexpected "1" at line 1, column 3');
  });

  it('does not overflow the stack on deeply nested bad input', () => {
    assert.equal(
      mistake(`${'['.repeat(200_000)}}`),
      'nested more than 1000 levels deep at line 1, column 1001',
    );
    // Deep but valid JSON is still read: only a mistake is looked for.
    const deep = `${'['.repeat(5_000)}${']'.repeat(5_000)}`;
    assert.ok(Array.isArray(parseJson(deep)));
    assert.match(mistake(`${'['.repeat(900)}1,,${']'.repeat(900)}`), /column 903/);
  });
});
