import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { memoByText } from './memo.js';

describe('memoByText', () => {
  test('answers as the function does, and reads each text once', () => {
    const reads: string[] = [];
    const read = (text: string) => {
      reads.push(text);
      if (text.startsWith('!')) throw new RangeError(`bad ${text}`);
      return { length: text.length };
    };
    const remembered = memoByText(read);
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'bb', '!c', '', 'dddd')), (texts) => {
        for (const text of texts) {
          if (text.startsWith('!')) assert.throws(() => remembered(text), RangeError);
          else assert.deepEqual(remembered(text), { length: text.length });
        }
      }),
    );
    assert.deepEqual([...reads].sort(), [...new Set(reads)].sort());
  });

  test('hands every caller the same answer, frozen', () => {
    const remembered = memoByText((text) => ({ parts: text.split(' ') }));
    const answer = remembered('PL 120.05');
    assert.equal(remembered('PL 120.05'), answer);
    assert.throws(() => answer.parts.push('changed'), TypeError);
  });

  test('starts over past its limit instead of growing without bound', () => {
    let reads = 0;
    const remembered = memoByText((text) => (reads++, text.length));
    for (let i = 0; i < 10_001; i++) remembered(String(i));
    assert.equal(reads, 10_001);
    remembered('0');
    assert.equal(reads, 10_002);
  });
});
