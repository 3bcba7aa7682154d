import assert from 'node:assert/strict';
import { createHash as nodeCreateHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { createHash } from '../src/browser/node-crypto.js';
import { JURISDICTIONS } from '../../src/law/jurisdictions.js';

describe('the browser’s node:crypto (the calculator’s engine hashes with it)', () => {
  it('gives Node’s SHA-256 of every clause text, in one update or several', () => {
    const texts = JURISDICTIONS.flatMap((jurisdiction) => jurisdiction.clauses).map(
      (clause) => clause.text,
    );
    assert.ok(
      texts.some((text) => /[§’“]/.test(text)),
      'texts beyond ASCII are among them',
    );
    for (const text of texts) {
      assert.equal(
        createHash('sha256').update(text, 'utf8').digest('hex'),
        nodeCreateHash('sha256').update(text, 'utf8').digest('hex'),
      );
    }
    const several = createHash('sha256');
    const node = nodeCreateHash('sha256');
    for (const text of texts.slice(0, 20)) {
      several.update(text);
      node.update(text);
    }
    assert.equal(several.digest('hex'), node.digest('hex'));
  });

  it('refuses an algorithm the engine does not use', () => {
    assert.throws(() => createHash('md5'), /createHash\('md5'\) is not in the browser/);
  });
});
