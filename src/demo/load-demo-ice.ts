/**
 * The demo's ICE release: writes the synthetic release (src/ice/synthetic-release.ts) to a
 * temporary folder and imports it into the ICE analytics database with the importer every real
 * release goes through, so a demo desk's public ICE page and `/api/ice/*` have figures to show,
 * each labelled `SYNTHETIC DEMO RELEASE — not ICE data`. Importing it again changes nothing (the
 * same bytes are recognised). It is never mixed into a database that holds a real release.
 * @module
 */
import { mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ensureAnalysisTables } from '../ice/analysis/analysis-table.js';
import { openIceDatabase } from '../ice/ice-database.js';
import { importRelease, rejectsBeside } from '../ice/import-release.js';
import {
  isSyntheticRelease,
  SYNTHETIC_RELEASE_LABEL,
  writeSyntheticRelease,
} from '../ice/synthetic-release.js';

export interface DemoIceReport {
  /** `skipped`: the database holds a real release, or another process holds it. */
  status: 'imported' | 'already-imported' | 'skipped';
  label: typeof SYNTHETIC_RELEASE_LABEL;
  importId?: number;
  /** Detainers loaded (imported) or in the file (otherwise); rows rejected (always 0). */
  rows: number;
  rejected: number;
  reason?: string;
  milliseconds: number;
}

/** Imports the synthetic release into the ICE database at `path` (created if need be). */
export async function loadDemoIceRelease(
  path: string,
  options: { seed: number; now: string },
): Promise<DemoIceReport> {
  const started = performance.now();
  const done = (report: Omit<DemoIceReport, 'label' | 'milliseconds'>): DemoIceReport => ({
    ...report,
    label: SYNTHETIC_RELEASE_LABEL,
    milliseconds: Math.round(performance.now() - started),
  });
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  let db;
  try {
    db = await openIceDatabase(path);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!/lock/i.test(message)) throw error;
    return done({
      status: 'skipped',
      rows: 0,
      rejected: 0,
      reason: `${path} is in use by another process`,
    });
  }
  const folder = await mkdtemp(join(tmpdir(), 'desk-demo-ice-'));
  try {
    const imports = (
      await db.connection.runAndReadAll(
        'SELECT import_id, file_name, rows_loaded FROM ice_imports ORDER BY import_id',
      )
    )
      .getRowObjectsJS()
      .map((row) => ({
        importId: Number(row.import_id),
        fileName: row.file_name as string,
        rows: Number(row.rows_loaded),
      }));
    const real = imports
      .filter((entry) => !isSyntheticRelease(entry.fileName))
      .map((entry) => entry.fileName);
    // One synthetic release at most, whatever its seed: two would double every count.
    const synthetic = imports.find((entry) => isSyntheticRelease(entry.fileName));
    if (synthetic !== undefined && real.length === 0) {
      return done({
        status: 'already-imported',
        importId: synthetic.importId,
        rows: synthetic.rows,
        rejected: 0,
      });
    }
    if (real.length > 0) {
      return done({
        status: 'skipped',
        rows: 0,
        rejected: 0,
        reason: `${path} holds real releases (${real.join(', ')}): the synthetic one is not mixed in`,
      });
    }
    const file = await writeSyntheticRelease(folder, options.seed);
    const result = await importRelease(db, file.path, {
      now: () => new Date(options.now),
      rejectsFile: rejectsBeside(path),
    });
    // Built now, so the first visitor of the ICE page does not wait for them.
    await ensureAnalysisTables(db.connection);
    return result.status === 'imported'
      ? done({
          status: 'imported',
          importId: result.importId,
          rows: result.rowsLoaded,
          rejected: result.rowsRejected,
        })
      : done({
          status: 'already-imported',
          importId: result.importId,
          rows: file.rows,
          rejected: 0,
        });
  } finally {
    db.close();
    await rm(folder, { recursive: true, force: true });
  }
}

/** One line for the terminal. */
export function demoIceSummary(report: DemoIceReport, path: string): string {
  const seconds = `${(report.milliseconds / 1000).toFixed(1)} s`;
  switch (report.status) {
    case 'imported':
      return `ICE analytics: imported the ${report.label} (${report.rows.toLocaleString('en-US')} made-up detainers) into ${path} in ${seconds}\n`;
    case 'already-imported':
      return `ICE analytics: the ${report.label} is already in ${path}\n`;
    case 'skipped':
      return `ICE analytics: the ${report.label} was not imported: ${report.reason ?? ''}\n`;
  }
}
