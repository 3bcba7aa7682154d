/**
 * Without a PostgreSQL server the storage tests run on SQLite only, and the test run says so
 * (issue 10, item 18): a test file using the test stores prints a skipped test naming the variable.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../..');

/** Runs a one-test file that uses the test stores, with or without a server's URL. */
function runStorageTestFile(postgresUrl: string | undefined): { output: string; status: number } {
  const dir = mkdtempSync(join(tmpdir(), 'desk-test-stores-'));
  try {
    const file = join(dir, 'stores.test.ts');
    writeFileSync(
      file,
      `import { test } from 'node:test';
import { TEST_STORES } from ${JSON.stringify(join(here, 'test-stores.ts'))};
test('stores', () => console.log('kinds: ' + TEST_STORES.map((kind) => kind.name).join(',')));
`,
    );
    const env = { ...process.env };
    delete env.DESK_TEST_POSTGRES_URL;
    delete env.CI;
    // Set by node's runner for the files it runs; a run started here must be a run of its own.
    delete env.NODE_TEST_CONTEXT;
    if (postgresUrl !== undefined) env.DESK_TEST_POSTGRES_URL = postgresUrl;
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--test', '--test-reporter=spec', file],
      { cwd: repoRoot, env, encoding: 'utf8' },
    );
    return { output: run.stdout + run.stderr, status: run.status ?? -1 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('test stores', () => {
  test('without DESK_TEST_POSTGRES_URL the run prints that the PostgreSQL tests did not run', () => {
    const { output, status } = runStorageTestFile(undefined);
    assert.equal(status, 0, output);
    assert.match(output, /kinds: sqlite\n/);
    assert.match(
      output,
      /storage tests on PostgreSQL .*# not run: DESK_TEST_POSTGRES_URL is not set/,
    );
    assert.match(output, /skipped 1\n/);
  });

  test('with a server given, both stores run and nothing is skipped', () => {
    const { output, status } = runStorageTestFile('postgres://nobody@127.0.0.1:1/none');
    assert.equal(status, 0, output);
    assert.match(output, /kinds: sqlite,postgres\n/);
    assert.match(output, /skipped 0\n/);
  });
});
