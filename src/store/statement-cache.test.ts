import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { withStatementCache } from './statement-cache.js';

describe('the prepared-statement cache', () => {
  it('reuses a statement for the same SQL and evicts the least recently used past its capacity', () => {
    const database = new Database(':memory:');
    const prepared: string[] = [];
    const prepare = database.prepare.bind(database);
    database.prepare = (sql: string) => {
      prepared.push(sql);
      return prepare(sql);
    };
    const cached = withStatementCache(database, 2);
    const first = cached.prepare('SELECT 1');
    assert.equal(cached.prepare('SELECT 1'), first);
    const second = cached.prepare('SELECT 2');
    cached.prepare('SELECT 1'); // now the most recently used
    const third = cached.prepare('SELECT 3'); // evicts SELECT 2, the least recently used
    assert.equal(cached.prepare('SELECT 1'), first, 'kept: used more recently');
    assert.equal(cached.prepare('SELECT 3'), third, 'kept: just prepared');
    const again = cached.prepare('SELECT 2');
    assert.notEqual(again, second, 'SELECT 2 was evicted and is prepared again');
    assert.deepEqual(prepared, ['SELECT 1', 'SELECT 2', 'SELECT 3', 'SELECT 2']);
    // Preparing SELECT 2 again evicted SELECT 1 (least recently used of the two kept).
    assert.notEqual(cached.prepare('SELECT 1'), first);
    assert.deepEqual(again.all([]), [{ 2: 2 }]);
    cached.close();
    assert.equal(database.open, false);
  });
});
