/**
 * better-sqlite3 behind Kysely, with prepared statements kept for reuse. Kysely prepares every
 * query it runs; the desk runs the same few dozen statements over and over, and preparing them is
 * a measurable share of a request (bench/api). The cache is bounded and least-recently-used.
 * A cached statement cannot run twice at once, which is safe here: better-sqlite3 is synchronous
 * and the desk never streams a query's rows.
 * @module
 */
import type Database from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

export function withStatementCache(database: Database.Database, capacity = 256): SqliteDatabase {
  const cache = new Map<string, Database.Statement>();
  return {
    close: () => {
      cache.clear();
      database.close();
    },
    prepare(sql) {
      let statement = cache.get(sql);
      if (statement !== undefined) {
        cache.delete(sql);
      } else {
        statement = database.prepare(sql);
        if (cache.size >= capacity) {
          const oldest = cache.keys().next().value;
          if (oldest !== undefined) cache.delete(oldest);
        }
      }
      cache.set(sql, statement);
      return statement;
    },
  };
}
