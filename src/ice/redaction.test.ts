import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isRedaction } from './redaction.js';

test('FOIA exemption markers are redactions, in any case or spacing', () => {
  for (const marker of [
    'b(6), b(7)c',
    'b(6), b(7)C',
    'B(6),B(7)C',
    '(b)(6)',
    '(b)(6), (b)(7)(C)',
    '(b)(6); (b)(7)(c)',
    ' b(6) ',
    'b6, b7c',
    'b(7)(C)',
  ]) {
    assert.equal(isRedaction(marker), true, marker);
  }
});

test('values that only look alike are data', () => {
  for (const value of ['', 'b', '6', 'B6 JAIL', 'Building 6', 'b(8)', 'ab(6)', '(b)(6) county']) {
    assert.equal(isRedaction(value), false, value);
  }
});
