/**
 * `detainer-desk ice import FILE…`: loads ICE's public detainer releases into the analytics
 * database (src/ice/import-release.ts) and says, for each file, what became of every row: rows
 * read = loaded + rejected, the rows skipped, the likely duplicates and where the rejects went.
 * A progress bar runs on standard error when it is a terminal. Exit code 1 when a file could not
 * be imported or any row was rejected, as for the desk's own `cases import`. The action imports
 * what it uses, so `--help` does not load DuckDB.
 * @module
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Command } from '@commander-js/extra-typings';
import type { ImportProgress, ImportResult } from '../ice/import-release.js';

type Write = (text: string) => Promise<void>;
/** Marks the run as done with problems (exit code 1). */
type Fail = () => void;

const PHASES: Record<ImportProgress['phase'], string> = {
  hashing: 'hashing ',
  checking: 'checking',
  reading: 'reading ',
};

/** A bar on standard error, or nothing when standard error is not a terminal. */
async function importProgress(file: string) {
  const { progressBar } = await import('./progress.js');
  const bar = progressBar(file);
  if (bar === undefined) return undefined;
  return {
    update: ({ phase, bytesDone, bytesTotal }: ImportProgress) => {
      bar.update(bytesDone, bytesTotal, PHASES[phase]);
    },
    stop: () => {
      bar.stop();
    },
  };
}

const number = (n: number) => n.toLocaleString('en-US');

function summary(result: ImportResult): string {
  if (result.status === 'already-imported') {
    return `${result.file}: already imported (import ${result.importId}, as ${result.importedAs}, at ${result.importedAt}); nothing changed\n`;
  }
  const lines = [
    `${result.file}: import ${result.importId}, format ${result.format} (${result.formatTitle})`,
    `  rows read ${number(result.rowsRead)} = ${number(result.rowsLoaded)} loaded + ${number(result.rowsRejected)} rejected`,
    `  skipped ${number(result.rowsSkipped)} title, header or blank rows`,
    `  likely duplicates: ${number(result.duplicatesLikely)} (same person id within 24 hours of an earlier detainer)`,
    `  rejects: ${result.rejectsFile ?? 'none'}`,
  ];
  return `${lines.join('\n')}\n`;
}

export function registerIceImportCommand(ice: Command, write: Write, fail: Fail): void {
  const command = ice
    .command('import')
    .description(
      "load ICE's public detainer releases (xlsx, CSV or parquet; formats A–F) into the analytics database",
    )
    .argument('<files...>', 'the release files; the same bytes imported again change nothing')
    .option(
      '--ice-database <path>',
      'the DuckDB file (default: $DESK_ICE_DATABASE or <data dir>/ice.duckdb)',
    )
    .option(
      '--rejects <file>',
      'write rejected rows here as CSV (default: beside the database, one file per import)',
    );
  command.action(async (files, options) => {
    const rejects = options.rejects;
    if (rejects !== undefined && files.length > 1) {
      command.error('--rejects names one file: give it with one release at a time', {
        exitCode: 2,
      });
    }
    const { deskConfig } = await import('../server/desk-config.js');
    const { IceFileError } = await import('../ice/ice-file-error.js');
    const { ensureAnalysisTables } = await import('../ice/analysis/analysis-table.js');
    const { importRelease, rejectsBeside } = await import('../ice/import-release.js');
    const path = options.iceDatabase ?? deskConfig().iceDatabase;
    mkdirSync(dirname(path), { recursive: true });
    const { openNamedIceDatabase } = await import('./open-databases.js');
    const db = await openNamedIceDatabase(path);
    try {
      for (const file of files) {
        const bar = await importProgress(file);
        try {
          const result = await importRelease(db, file, {
            now: () => new Date(),
            rejectsFile: rejects === undefined ? rejectsBeside(path) : () => rejects,
            ...(bar === undefined ? {} : { onProgress: bar.update }),
          });
          bar?.stop();
          await write(summary(result));
          if (result.status === 'imported' && result.rowsRejected > 0) fail();
        } catch (error) {
          bar?.stop();
          if (!(error instanceof IceFileError)) throw error;
          process.stderr.write(`detainer-desk: ${error.message}; nothing from it was loaded\n`);
          fail();
        }
      }
      // Build the analysis tables now, once for all the files, so the first question asked
      // (often of the public API) does not wait seconds for them.
      if (await ensureAnalysisTables(db.connection)) {
        await write('analysis tables brought up to date\n');
      }
    } finally {
      db.close();
    }
  });
}
