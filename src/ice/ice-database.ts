/**
 * The analytics database for ICE's public detainer releases: an embedded DuckDB file, apart from
 * the desk's own store. It holds public FOIA data, not the agency's cases, and is columnar because
 * every question asked of it is a count grouped over millions of rows. One table of detainers, one
 * row per imported file (its provenance and counts).
 * @module
 */
import { chmodSync, existsSync } from 'node:fs';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { DeskError } from '../desk/errors.js';

/** Bumped with every change to `SCHEMA`, with the upgrade of an older file in `UPGRADES`. */
const SCHEMA_VERSION = 2;

/** The SQL that brings a file of the version before to each version. */
const UPGRADES: Readonly<Record<number, string>> = {
  2: `ALTER TABLE ice_detainers ADD COLUMN original_file VARCHAR;
      ALTER TABLE ice_detainers ADD COLUMN original_sheet VARCHAR;
      ALTER TABLE ice_detainers ADD COLUMN original_row VARCHAR;`,
};

const SCHEMA = `
CREATE TABLE IF NOT EXISTS ice_schema (version INTEGER NOT NULL);
CREATE SEQUENCE IF NOT EXISTS ice_import_ids START 1;
CREATE TABLE IF NOT EXISTS ice_imports (
  import_id INTEGER PRIMARY KEY,
  file_name VARCHAR NOT NULL,
  -- Re-importing the same bytes is recognised by their hash, whatever the file is called.
  file_sha256 VARCHAR NOT NULL UNIQUE,
  format VARCHAR NOT NULL,
  imported_at TIMESTAMPTZ NOT NULL,
  rows_read BIGINT NOT NULL,
  rows_loaded BIGINT NOT NULL,
  rows_rejected BIGINT NOT NULL
);
-- No keys or constraints here: appends of millions of rows stay fast; the importer checks rows.
CREATE TABLE IF NOT EXISTS ice_detainers (
  import_id INTEGER NOT NULL,
  source_sheet VARCHAR,
  source_row INTEGER NOT NULL,
  prepared_date DATE NOT NULL,
  prepared_at TIMESTAMP,
  detainer_type VARCHAR,
  facility VARCHAR,
  facility_code VARCHAR,
  city VARCHAR,
  state VARCHAR,
  aor VARCHAR,
  lift_reason VARCHAR,
  lift_reason_code VARCHAR,
  criminality VARCHAR,
  threat_level VARCHAR,
  gender VARCHAR,
  citizenship_country VARCHAR,
  person_id VARCHAR,
  duplicate_likely BOOLEAN NOT NULL DEFAULT false,
  -- Where a republished row came from in ICE's own release, as the republisher wrote it: the
  -- Deportation Data Project's file_original, sheet_original and row_original (format F).
  original_file VARCHAR,
  original_sheet VARCHAR,
  original_row VARCHAR
);
`;

export interface IceDatabase {
  connection: DuckDBConnection;
  close(): void;
}

/** Opens (creating if need be) the analytics database at `path`, or in memory for ':memory:'. */
export async function openIceDatabase(path: string): Promise<IceDatabase> {
  const created = path !== ':memory:' && !existsSync(path);
  const instance = await DuckDBInstance.create(path);
  // Readable by its owner only, like the desk's own files. (DuckDB's passing .wal file keeps its
  // own mode: the data folder, 0700, covers it.)
  if (created) chmodSync(path, 0o600);
  const connection = await instance.connect();
  const close = () => {
    connection.closeSync();
    instance.closeSync();
  };
  try {
    await connection.run(SCHEMA);
    const versions = await connection.runAndReadAll('SELECT version FROM ice_schema');
    const version = versions.getRowObjects()[0]?.version;
    if (version === undefined) {
      await connection.run('INSERT INTO ice_schema VALUES ($1)', [SCHEMA_VERSION]);
    } else if (typeof version === 'number' && version < SCHEMA_VERSION) {
      await upgrade(connection, version);
    } else if (version !== SCHEMA_VERSION) {
      throw new Error(
        `${path} holds ICE data in schema version ${String(version)}; this release reads version ${SCHEMA_VERSION}: re-import the files into a new database`,
      );
    }
    return { connection, close };
  } catch (error) {
    close();
    throw error;
  }
}

/** Upgrades a file from `version` to `SCHEMA_VERSION` in one transaction. */
async function upgrade(connection: DuckDBConnection, version: number): Promise<void> {
  await connection.run('BEGIN TRANSACTION');
  try {
    for (let next = version + 1; next <= SCHEMA_VERSION; next++) {
      const sql = UPGRADES[next];
      if (sql === undefined) throw new Error(`no upgrade to ICE schema version ${String(next)}`);
      await connection.run(sql);
    }
    await connection.run('UPDATE ice_schema SET version = $1', [SCHEMA_VERSION]);
    await connection.run('COMMIT');
  } catch (error) {
    await connection.run('ROLLBACK');
    throw error;
  }
}

/** Opens the database for one piece of work at a time and closes it after. */
export interface IceDatabaseSource {
  use<T>(work: (db: IceDatabase) => Promise<T>): Promise<T>;
}

/**
 * The database at `path`, opened only while a piece of work runs. DuckDB lets one process at a
 * time hold a database file, so a long-running server that kept it open would lock out
 * `detainer-desk ice import`; opening per use leaves the file free between requests. Uses are
 * queued: one process must not open the same file twice at once.
 */
export function iceDatabaseAt(path: string): IceDatabaseSource {
  let queue: Promise<unknown> = Promise.resolve();
  return {
    use(work) {
      const run = queue.then(async () => {
        let db: IceDatabase;
        try {
          db = await openIceDatabase(path);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          if (!/lock/i.test(message)) throw error;
          throw new DeskError(
            'unavailable',
            'the ICE analytics database is in use by another process (an import?); try again when it is done',
          );
        }
        try {
          return await work(db);
        } finally {
          db.close();
        }
      });
      queue = run.catch(() => undefined);
      return run;
    },
  };
}
