import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { DeskError } from '../desk/errors.js';
import { clauseTexts, lawInForce, lawTimelines } from './law-text.js';

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

describe('the law browser’s timeline and law in force', () => {
  it('gives each jurisdiction’s periods, back to back, with the versions each begins', () => {
    const doc = lawTimelines().find((jurisdiction) => jurisdiction.id === 'nyc-doc')!;
    assert.equal(doc.periods[0]!.from, '2000-01-01');
    assert.equal(doc.periods.at(-1)!.to, null);
    for (const [index, period] of doc.periods.entries()) {
      assert.ok(period.begins.length > 0, period.from);
      const next = doc.periods[index + 1];
      if (next) assert.ok(period.to! < next.from);
    }
    const ll58 = doc.periods.find((period) =>
      period.begins.some((clause) => clause.id === 'nyc.9-131.b' && clause.version === 'LL58/2014'),
    );
    assert.ok(ll58);
  });

  it('gives the law in force on a day: each clause’s text beside the rules from it', () => {
    const law = lawInForce({ jurisdiction: 'nyc-doc', date: '2020-06-01' });
    assert.equal(law.from, '2018-11-14');
    assert.equal(law.unchecked, false);
    const hold = law.decidedBy.find((entry) => entry.action === 'hold')!;
    assert.equal(hold.clause, 'nyc.9-131.b');
    const clause = law.clauses.find((entry) => entry.id === 'nyc.9-131.b')!;
    assert.equal(clause.version, 'LL58/2014');
    assert.ok(clause.text.length > 0);
    assert.ok(clause.rules.some((rule) => rule.action === 'hold' && rule.exceptions.length > 0));
    // One law per period: any day in it gives the same hash.
    assert.equal(lawInForce({ jurisdiction: 'nyc-doc', date: '2018-11-14' }).hash, law.hash);
  });

  it('refuses a date before the encoded law and an impossible date; an unknown place is not found', () => {
    for (const date of ['1999-12-31', '2021-02-30']) {
      assert.throws(
        () => lawInForce({ jurisdiction: 'nyc-doc', date }),
        (error) => error instanceof DeskError && error.issues[0]?.path === 'date',
      );
    }
    assert.throws(
      () => lawInForce({ jurisdiction: 'atlantis', date: '2020-01-01' }),
      (error) => error instanceof DeskError && error.code === 'not-found',
    );
  });
});
