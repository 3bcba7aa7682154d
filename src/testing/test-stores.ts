/**
 * Storage tests run on every database the desk supports: SQLite always (a fresh file per test),
 * and PostgreSQL when `DESK_TEST_POSTGRES_URL` names a server where the test may create and drop
 * databases (CI starts one; see .ci/run). Each test gets an empty, migrated store. Without a
 * server, each test file that imports this says so with a skipped test.
 * @module
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import pg from 'pg';
import { openStore, type Store } from '../store/open-store.js';

export interface TestStoreKind {
  name: 'sqlite' | 'postgres';
  /** Opens a fresh, empty, migrated store, and a function that closes and removes it. */
  open(): Promise<{ store: Store; url: string; dispose: () => Promise<void> }>;
}

const postgresUrl = process.env.DESK_TEST_POSTGRES_URL;

const sqlite: TestStoreKind = {
  name: 'sqlite',
  async open() {
    const dir = mkdtempSync(join(tmpdir(), 'desk-test-'));
    const url = `sqlite:${join(dir, 'desk.db')}`;
    const store = await openStore(url);
    return {
      store,
      url,
      async dispose() {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

let counter = 0;

/**
 * Waits for the store's own connections to leave the server. pg's pool ends its clients without
 * waiting for their sockets, and a backend that FORCE terminates while its client still listens
 * sends that client an error nobody is left to catch.
 */
async function closedConnections(admin: pg.Client, database: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const { rows } = await admin.query<{ open: number }>(
      'SELECT count(*)::int AS open FROM pg_stat_activity WHERE datname = $1',
      [database],
    );
    if (rows[0]?.open === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const postgres: TestStoreKind = {
  name: 'postgres',
  async open() {
    if (postgresUrl === undefined) throw new Error('DESK_TEST_POSTGRES_URL is not set');
    counter += 1;
    const name = `desk_test_${String(process.pid)}_${String(counter)}`;
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const target = new URL(postgresUrl);
    target.pathname = `/${name}`;
    const url = target.toString();
    const store = await openStore(url);
    return {
      store,
      url,
      async dispose() {
        await store.close();
        const cleanup = new pg.Client({ connectionString: postgresUrl });
        await cleanup.connect();
        await closedConnections(cleanup, name);
        await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await cleanup.end();
      },
    };
  },
};

/** The stores to run storage tests on; PostgreSQL only where a server was given. */
export const TEST_STORES: readonly TestStoreKind[] =
  postgresUrl === undefined ? [sqlite] : [sqlite, postgres];

if (postgresUrl === undefined && process.env.CI !== undefined) {
  throw new Error('CI must run the storage tests on PostgreSQL too: set DESK_TEST_POSTGRES_URL');
}

if (postgresUrl === undefined) {
  // A skipped test, not silence: the runner prints it and counts it in its summary.
  void test('storage tests on PostgreSQL', {
    skip: 'not run: DESK_TEST_POSTGRES_URL is not set (eval "$(scripts/start-test-postgres.sh)" starts a server)',
  });
}
