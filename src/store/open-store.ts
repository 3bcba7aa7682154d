/**
 * Opens the desk's database: embedded SQLite (one file, WAL) by default, PostgreSQL when several
 * servers share one store. Both run the same migrations and the same queries.
 * @module
 */
import Database from 'better-sqlite3';
import { CamelCasePlugin, Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Dialect } from './dialect.js';
import { withStatementCache } from './statement-cache.js';
import * as initial from './migrations/0001-initial.js';
import type { Database as Schema } from './schema.js';

export interface Store {
  readonly db: Kysely<Schema>;
  readonly dialect: Dialect;
  /** Where the data lives, without any password. */
  readonly location: string;
  /**
   * Runs a bulk load of reproducible data (the demo) without waiting for the disk on each commit;
   * a crash during it can lose the load, never corrupt the store. Full durability returns after.
   */
  withoutSyncWaits<T>(load: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * `url` is `postgres://…` / `postgresql://…`, or `sqlite:<file>`, or a plain file path, or
 * `sqlite::memory:` for a throwaway store.
 */
export async function openStore(url: string): Promise<Store> {
  const store = /^postgres(ql)?:\/\//.test(url) ? openPostgres(url) : openSqlite(url);
  await migrateToLatest(store);
  return store;
}

function openSqlite(url: string): Store {
  const file = url.replace(/^sqlite:/, '');
  const database = new Database(file);
  database.pragma('journal_mode = WAL');
  // FULL: a commit is on disk before the desk acknowledges it, even if the machine loses power.
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  const db = new Kysely<Schema>({
    dialect: new SqliteDialect({ database: withStatementCache(database) }),
    plugins: [new CamelCasePlugin()],
  });
  return {
    db,
    dialect: 'sqlite',
    location: file,
    async withoutSyncWaits(load) {
      database.pragma('synchronous = OFF');
      try {
        return await load();
      } finally {
        database.pragma('synchronous = FULL');
        database.pragma('wal_checkpoint(FULL)');
      }
    },
    close: () => db.destroy(),
  };
}

function openPostgres(url: string): Store {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const db = new Kysely<Schema>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new CamelCasePlugin()],
  });
  const location = url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
  return {
    db,
    dialect: 'postgres',
    location,
    withoutSyncWaits: (load) => load(),
    close: () => db.destroy(),
  };
}

/** Applies every migration not yet applied, in order, each in its own transaction. */
export async function migrateToLatest(store: Store): Promise<string[]> {
  const migrator = new Migrator({
    db: store.db,
    provider: {
      getMigrations: () =>
        Promise.resolve({
          '0001-initial': { up: (db: Kysely<unknown>) => initial.up(db, store.dialect) },
        }),
    },
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error !== undefined) throw error instanceof Error ? error : new Error('migration failed');
  return results.map((result) => result.migrationName);
}
