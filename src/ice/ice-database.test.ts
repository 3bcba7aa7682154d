import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { DuckDBInstance } from '@duckdb/node-api';
import { DeskError } from '../desk/errors.js';
import { iceDatabaseAt, openIceDatabase } from './ice-database.js';
import { tempFolder } from './test-files.js';

let dir = '';
let remove = () => Promise.resolve();
before(async () => ({ dir, remove } = await tempFolder()));
after(() => remove());

test('a source opens the file for each use and frees it after', async () => {
  const path = join(dir, 'uses.duckdb');
  const source = iceDatabaseAt(path);
  const counts = await Promise.all(
    [1, 2, 3].map(() =>
      source.use(async (db) => {
        const rows = await db.connection.runAndReadAll(
          'SELECT count(*)::INTEGER AS n FROM ice_imports',
        );
        return rows.getRowObjects()[0]?.n;
      }),
    ),
  );
  assert.deepEqual(counts, [0, 0, 0]);
  // Free between uses: another opener (as `ice import` would be) gets the file.
  const other = await openIceDatabase(path);
  other.close();
});

test('while another process holds the file, a use is refused as unavailable, not crashed', async () => {
  const path = join(dir, 'held.duckdb');
  (await openIceDatabase(path)).close();
  const holder = spawn(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import { DuckDBInstance } from '@duckdb/node-api';
       const db = await DuckDBInstance.create(${JSON.stringify(path)});
       await db.connect();
       process.stdout.write('held\\n');
       process.stdin.resume();
       process.stdin.on('end', () => process.exit(0));`,
    ],
    { cwd: process.cwd(), stdio: ['pipe', 'pipe', 'inherit'] },
  );
  try {
    await once(holder.stdout, 'data');
    await assert.rejects(
      iceDatabaseAt(path).use(() => Promise.resolve()),
      (error: unknown) => error instanceof DeskError && error.code === 'unavailable',
    );
  } finally {
    holder.stdin.end();
    await once(holder, 'exit');
  }
});

test('a file of an older schema is upgraded in place, its rows kept; a newer one is refused', async () => {
  const path = join(dir, 'version-1.duckdb');
  const instance = await DuckDBInstance.create(path);
  const connection = await instance.connect();
  // Schema version 1, as the first release wrote it: no republisher's provenance columns.
  await connection.run(`CREATE TABLE ice_schema (version INTEGER NOT NULL);
    INSERT INTO ice_schema VALUES (1);
    CREATE TABLE ice_detainers (import_id INTEGER NOT NULL, source_sheet VARCHAR,
      source_row INTEGER NOT NULL, prepared_date DATE NOT NULL, prepared_at TIMESTAMP,
      detainer_type VARCHAR, facility VARCHAR, facility_code VARCHAR, city VARCHAR, state VARCHAR,
      aor VARCHAR, lift_reason VARCHAR, lift_reason_code VARCHAR, criminality VARCHAR,
      threat_level VARCHAR, gender VARCHAR, citizenship_country VARCHAR, person_id VARCHAR,
      duplicate_likely BOOLEAN NOT NULL DEFAULT false);
    INSERT INTO ice_detainers (import_id, source_row, prepared_date) VALUES (1, 8, DATE '2016-10-01');`);
  connection.closeSync();
  instance.closeSync();

  const db = await openIceDatabase(path);
  const read = async (sql: string) => (await db.connection.runAndReadAll(sql)).getRowObjects();
  try {
    assert.deepEqual(await read('SELECT version FROM ice_schema'), [{ version: 2 }]);
    assert.deepEqual(await read('SELECT source_row, original_row FROM ice_detainers'), [
      { source_row: 8, original_row: null },
    ]);
    await db.connection.run('UPDATE ice_schema SET version = 99');
  } finally {
    db.close();
  }
  await assert.rejects(openIceDatabase(path), /schema version 99; this release reads version 2/);
});
