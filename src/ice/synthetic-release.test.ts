import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { iceImports, iceRefusers, iceSeries, iceStats } from './analysis/ice-stats.js';
import { openIceDatabase, type IceDatabase } from './ice-database.js';
import { importRelease, rejectsBeside, type ImportedRelease } from './import-release.js';
import {
  isSyntheticRelease,
  SYNTHETIC_FACILITIES,
  SYNTHETIC_RELEASE_FILE_NAME,
  SYNTHETIC_RELEASE_LABEL,
  syntheticRelease,
  writeSyntheticRelease,
} from './synthetic-release.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('the synthetic demo release', () => {
  it('is the same bytes for the same seed, and others for another', () => {
    const first = syntheticRelease(2017);
    assert.equal(sha256(syntheticRelease(2017).csv), sha256(first.csv));
    assert.notEqual(sha256(syntheticRelease(2018).csv), sha256(first.csv));
    assert.ok(first.rows > 10_000 && first.rows < 40_000, `${String(first.rows)} rows`);
    assert.equal(first.from, '2012-10-01');
    assert.equal(first.to, '2019-09-30');
  });

  it('is labelled, and holds only invented facilities and people', () => {
    const release = syntheticRelease();
    const rows = parse<Record<string, string>>(release.csv, { columns: true });
    assert.equal(rows.length, release.rows);
    assert.equal(SYNTHETIC_RELEASE_LABEL, 'SYNTHETIC DEMO RELEASE — not ICE data');
    assert.ok(isSyntheticRelease(SYNTHETIC_RELEASE_FILE_NAME));
    assert.ok(!isSyntheticRelease('FY2015.csv'));
    const names = new Set(SYNTHETIC_FACILITIES.map((site) => site.name));
    for (const row of rows) {
      assert.equal(row.file_original, SYNTHETIC_RELEASE_LABEL);
      assert.match(row.detention_facility ?? '', /SYNTHETIC DEMO/);
      assert.ok(names.has(row.detention_facility ?? ''));
      assert.match(row.unique_identifier ?? '', /^SYNTHETIC-\d{6}$/);
    }
    // Each facility is used, in every state it is set in.
    assert.equal(new Set(rows.map((row) => row.detention_facility)).size, names.size);
  });

  describe('imported like any release', () => {
    let folder: string;
    let db: IceDatabase;
    let imported: ImportedRelease;
    let release: Awaited<ReturnType<typeof writeSyntheticRelease>>;
    before(async () => {
      folder = await mkdtemp(join(tmpdir(), 'synthetic-release-'));
      release = await writeSyntheticRelease(folder);
      db = await openIceDatabase(join(folder, 'ice.duckdb'));
      const result = await importRelease(db, release.path, {
        now: () => new Date('2026-01-02T00:00:00Z'),
        rejectsFile: rejectsBeside(join(folder, 'ice.duckdb')),
      });
      assert.equal(result.status, 'imported');
      imported = result;
    });
    after(async () => {
      db.close();
      await rm(folder, { recursive: true, force: true });
    });

    it('loads every row in format F with no reject, its repeats flagged as duplicates', async () => {
      assert.equal(basename(release.path), SYNTHETIC_RELEASE_FILE_NAME);
      assert.equal(await readFile(release.path, 'utf8'), syntheticRelease().csv);
      assert.equal(imported.format, 'F');
      assert.equal(imported.rowsRejected, 0);
      assert.equal(imported.rowsLoaded, release.rows);
      assert.equal(imported.rejectsFile, null);
      assert.equal(imported.duplicatesLikely, release.repeats);
    });

    it('is named in the imports list and every answer counting it, first among the caveats', async () => {
      const { imports, caveats } = await iceImports(db);
      assert.equal(imports[0]?.fileName, SYNTHETIC_RELEASE_FILE_NAME);
      assert.equal(imports[0].synthetic, true);
      assert.equal(caveats[0]?.id, 'synthetic-release');
      for (const answer of [
        await iceStats(db, { by: 'year,outcome' }),
        await iceRefusers(db, {}),
        await iceSeries(db, { interval: 'month' }),
      ]) {
        assert.equal(answer.caveats[0]?.id, 'synthetic-release');
        assert.match(answer.caveats[0].text, /SYNTHETIC DEMO RELEASE — not ICE data/);
        assert.deepEqual(
          answer.coverage.imports.map((entry) => [entry.fileName, entry.synthetic]),
          [[SYNTHETIC_RELEASE_FILE_NAME, true]],
        );
      }
    });

    it('gives the pages something to show: NYC’s agencies matched, refusers over the threshold', async () => {
      const agencies = await iceStats(db, { by: 'agency', filter: { state: 'NY' } });
      const matched = agencies.rows.map((row) => row.key.agency);
      assert.ok(matched.includes('nyc-doc') && matched.includes('nyc-nypd'));
      const refusers = await iceRefusers(db, { top: 10 });
      assert.equal(refusers.rows.length, 10);
      assert.ok(refusers.otherLiftReasons.length > 0);
    });
  });
});
