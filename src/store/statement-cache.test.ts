import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { withStatementCache } from './statement-cache.js';

describe('the prepared-statement cache', () => {
  it('reuses a statement for the same SQL and evicts the least recently used past its capacity', () => {
    const database = new Database(':memory:');
    const cached = withStatementCache(database, 2);
    const first = cached.prepare('SELECT 1');
    assert.equal(cached.prepare('SELECT 1'), first);
    cached.prepare('SELECT 2');
    cached.prepare('SELECT 1'); // now the most recently used
    cached.prepare('SELECT 3'); // evicts SELECT 2
    assert.equal(cached.prepare('SELECT 1'), first);
    assert.deepEqual(cached.prepare('SELECT 2 AS two').all([]), [{ two: 2 }]);
    cached.close();
    assert.equal(database.open, false);
  });
});
