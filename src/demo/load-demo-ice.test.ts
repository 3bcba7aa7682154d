import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { iceImports } from '../ice/analysis/ice-stats.js';
import { openIceDatabase } from '../ice/ice-database.js';
import { importRelease, rejectsBeside } from '../ice/import-release.js';
import { SYNTHETIC_RELEASE_FILE_NAME } from '../ice/synthetic-release.js';
import { demoIceSummary, loadDemoIceRelease } from './load-demo-ice.js';

const NOW = '2026-01-02T00:00:00.000Z';

describe('the demo’s ICE release', () => {
  let folder: string;
  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'demo-ice-'));
  });
  after(() => rm(folder, { recursive: true, force: true }));

  it('is imported into a fresh database once, labelled, and not again', async () => {
    const path = join(folder, 'fresh', 'ice.duckdb');
    const first = await loadDemoIceRelease(path, { seed: 2017, now: NOW });
    assert.equal(first.status, 'imported');
    assert.equal(first.rejected, 0);
    assert.ok(first.rows > 10_000);
    assert.match(demoIceSummary(first, path), /imported the SYNTHETIC DEMO RELEASE — not ICE data/);
    // Another seed does not add a second synthetic release: it would double every count.
    const again = await loadDemoIceRelease(path, { seed: 5, now: NOW });
    assert.equal(again.status, 'already-imported');
    assert.equal(again.importId, first.importId);
    const db = await openIceDatabase(path);
    try {
      const { imports } = await iceImports(db);
      assert.deepEqual(
        imports.map((entry) => [entry.fileName, entry.synthetic, entry.rowsLoaded]),
        [[SYNTHETIC_RELEASE_FILE_NAME, true, first.rows]],
      );
      assert.equal(imports[0]?.importedAt, '2026-01-02T00:00:00Z');
    } finally {
      db.close();
    }
  });

  it('is never mixed into a database holding a real release', async () => {
    const path = join(folder, 'real.duckdb');
    const release = join(folder, 'FY2015.csv');
    await writeFile(
      release,
      'date,lift_reason,det_facility,city,state,detainer_type\n2015-01-02 10:00:00,,A JAIL,X,TX,I-247\n',
    );
    const db = await openIceDatabase(path);
    try {
      await importRelease(db, release, {
        now: () => new Date(NOW),
        rejectsFile: rejectsBeside(path),
      });
    } finally {
      db.close();
    }
    const report = await loadDemoIceRelease(path, { seed: 2017, now: NOW });
    assert.equal(report.status, 'skipped');
    assert.match(report.reason ?? '', /holds real releases \(FY2015\.csv\)/);
    assert.match(demoIceSummary(report, path), /was not imported/);
  });
});
