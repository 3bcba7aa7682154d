/**
 * Opens the desk's database: embedded SQLite (one file, WAL) by default, PostgreSQL when several
 * servers share one store. Both run the same migrations and the same queries. Changes go through
 * `store.transaction`, which on SQLite commits concurrent transactions together (group commit).
 * @module
 */
import { closeSync, openSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import {
  CamelCasePlugin,
  Kysely,
  Migrator,
  PostgresDialect,
  SqliteDialect,
  type Transaction,
} from 'kysely';
import pg from 'pg';
import type { Dialect } from './dialect.js';
import { groupCommitter } from './group-commit.js';
import { withStatementCache } from './statement-cache.js';
import * as initial from './migrations/0001-initial.js';
import * as personIdentifiers from './migrations/0002-person-identifiers.js';
import * as dropCasesPerson from './migrations/0003-drop-cases-person.js';
import * as signInGuard from './migrations/0004-sign-in-guard.js';
import * as auditSubtrees from './migrations/0005-audit-subtrees.js';
import * as enforcementRequests from './migrations/0006-enforcement-requests.js';
import * as reportIndexes from './migrations/0007-report-indexes.js';
import * as reportFacts from './migrations/0008-report-facts.js';
import type { Database as Schema } from './schema.js';

export interface Store {
  readonly db: Kysely<Schema>;
  readonly dialect: Dialect;
  /** Where the data lives, without any password. */
  readonly location: string;
  /**
   * Runs `work` as one transaction: all of its changes are stored or none, and the promise
   * resolves only once they are durably committed. `work` must use only `trx` for the database
   * and wait on nothing else (on SQLite the connection is shared by the transactions committed
   * together). Every change goes through here: on SQLite nothing else waits for the disk.
   */
  transaction<T>(work: (trx: Transaction<Schema>) => Promise<T>): Promise<T>;
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
  // Created readable by its owner only: SQLite gives the -wal and -shm files the same mode.
  if (file !== ':memory:') closeSync(openSync(file, 'a', 0o600));
  const database = new Database(file);
  const journal = database.pragma('journal_mode = WAL', { simple: true });
  // A commit is on disk before the desk acknowledges it, even if the machine loses power: SQLite
  // writes the log (NORMAL: without waiting for the disk), then `syncLog` flushes it to disk off
  // the main thread, and only then are the transactions it holds acknowledged. Checkpoints still
  // flush the log before copying it into the database, and the database after.
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  const walFile = journal === 'wal' ? `${resolve(file)}-wal` : undefined;
  let syncWaits = true;
  let walFileListed = false;
  const syncLog = async () => {
    if (walFile === undefined || !syncWaits) return;
    await flushFile(walFile, 'data');
    // Once: the log file's entry in its folder, without which a power cut could lose the file.
    if (!walFileListed) {
      await flushFile(dirname(walFile), 'all');
      walFileListed = true;
    }
  };
  const db = new Kysely<Schema>({
    dialect: new SqliteDialect({ database: withStatementCache(database) }),
    plugins: [new CamelCasePlugin()],
  });
  const committer = groupCommitter(db, { sync: syncLog });
  return {
    db,
    dialect: 'sqlite',
    location: file,
    transaction: (work) => committer.run(work),
    async withoutSyncWaits(load) {
      database.pragma('synchronous = OFF');
      syncWaits = false;
      try {
        return await load();
      } finally {
        await committer.idle();
        syncWaits = true;
        database.pragma('synchronous = NORMAL');
        // Flushes the log, copies it into the database and flushes that: the load is on disk.
        database.pragma('wal_checkpoint(FULL)');
      }
    },
    async close() {
      await committer.idle();
      await db.destroy();
    },
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
    // PostgreSQL already flushes concurrent commits together.
    transaction: (work) => db.transaction().execute(work),
    withoutSyncWaits: (load) => load(),
    close: () => db.destroy(),
  };
}

async function flushFile(path: string, what: 'data' | 'all') {
  const handle = await open(path, 'r');
  try {
    await (what === 'data' ? handle.datasync() : handle.sync());
  } finally {
    await handle.close();
  }
}

/** Applies every migration not yet applied, in order, each in its own transaction. */
export async function migrateToLatest(store: Store): Promise<string[]> {
  const migrator = new Migrator({
    db: store.db,
    provider: {
      getMigrations: () =>
        Promise.resolve({
          '0001-initial': { up: (db: Kysely<unknown>) => initial.up(db, store.dialect) },
          '0002-person-identifiers': personIdentifiers,
          '0003-drop-cases-person': dropCasesPerson,
          '0004-sign-in-guard': signInGuard,
          '0005-audit-subtrees': {
            up: (db: Kysely<unknown>) => auditSubtrees.up(db, store.dialect),
          },
          '0006-enforcement-requests': enforcementRequests,
          '0007-report-indexes': reportIndexes,
          '0008-report-facts': reportFacts,
        }),
    },
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error !== undefined) throw error instanceof Error ? error : new Error('migration failed');
  return results.map((result) => result.migrationName);
}
