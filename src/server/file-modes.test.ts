import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openIceDatabase } from '../ice/ice-database.js';
import { openStore } from '../store/open-store.js';
import { loadAuditSigner } from './audit-signer.js';
import { deskConfig } from './desk-config.js';

const root = mkdtempSync(join(tmpdir(), 'desk-modes-'));
after(() => {
  rmSync(root, { recursive: true, force: true });
});

const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8);

test('the data folder is created 0700 and every data file in it 0600', async () => {
  const dataDir = join(root, 'data');
  const config = deskConfig({ dataDir }, {});
  assert.equal(modeOf(dataDir), '700');

  // Opening migrates the new store: the log (-wal) and its index (-shm) exist by then.
  const store = await openStore(config.databaseUrl);
  try {
    const file = join(dataDir, 'desk.db');
    for (const path of [file, `${file}-wal`, `${file}-shm`]) {
      assert.equal(modeOf(path), '600', path);
    }
  } finally {
    await store.close();
  }

  const ice = await openIceDatabase(config.iceDatabase);
  ice.close();
  assert.equal(modeOf(config.iceDatabase), '600');

  loadAuditSigner(config);
  assert.equal(modeOf(config.auditKeyFile), '600');
});
