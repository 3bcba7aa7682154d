import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { DeskError } from '../desk/errors.js';
import { clauseTexts } from './law-text.js';

describe('the text of the clauses decisions cite', () => {
  it('gives every version of a clause, oldest first, with the hash decisions carry', () => {
    const versions = clauseTexts({ id: 'nyc.9-131.b' });
    assert.ok(versions.length >= 2);
    assert.deepEqual(
      versions.map((clause) => clause.validFrom),
      versions.map((clause) => clause.validFrom).sort(),
    );
    for (const clause of versions) {
      assert.ok(clause.text.length > 0);
      assert.equal(clause.textSha256, createHash('sha256').update(clause.text).digest('hex'));
    }
  });

  it('gives one version when asked, and nothing for an unknown id or version', () => {
    const [first] = clauseTexts({ id: 'nyc.9-131.b' });
    assert.deepEqual(clauseTexts({ id: 'nyc.9-131.b', version: first!.version }), [first]);
    assert.deepEqual(clauseTexts({ id: 'no.such.clause' }), []);
    assert.deepEqual(clauseTexts({ id: 'nyc.9-131.b', version: 'LL0/1900' }), []);
  });

  it('refuses an empty id, naming the field', () => {
    assert.throws(
      () => clauseTexts({ id: '' }),
      (error) =>
        error instanceof DeskError && error.issues.map((issue) => issue.path).join() === 'id',
    );
  });
});
