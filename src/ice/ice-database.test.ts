import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
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
