/**
 * Importing one ICE detainer release into the analytics database, in one DuckDB transaction:
 * either every row of the file is accounted for (loaded or rejected, rows read = loaded +
 * rejected) and the import is recorded in `ice_imports`, or, when the file cannot be read
 * (truncated, corrupt, an unknown format), nothing is kept and an IceFileError names the file and
 * the problem. The same bytes imported again change nothing: the earlier import is named instead.
 *
 * The container is told from the bytes (zip: xlsx; `PAR1`: parquet; otherwise CSV text) and the
 * format from the header, never from the file name. Each container's stager lands the rows as
 * text (stage-*.ts); normalize-sql.ts applies the rules; rejected rows go to a CSV file
 * (`file, sheet, row, field, reason`).
 * @module
 */
import { rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { FormatId } from './formats.js';
import type { IceDatabase } from './ice-database.js';
import { IceFileError } from './ice-file-error.js';
import {
  COUNTS_SQL,
  DROP_WORK_TABLES,
  INSERT_DETAINERS_SQL,
  MACROS,
  WORK_TABLES,
  normalizeSql,
  numberRowsSql,
  rejectsSql,
} from './normalize-sql.js';
import { sqlString } from './sql-text.js';
import { scanRelease, type ReleaseFile } from './release-file.js';
import { stageCsv } from './stage-csv.js';
import { stageParquet } from './stage-parquet.js';
import { stageXlsx } from './stage-xlsx.js';
import type { StagedRelease } from './staged-release.js';

/**
 * How far an import has got, in bytes of the file: it is read once to hash it, an xlsx once more
 * to check every part's checksum, then once to read the rows.
 */
export interface ImportProgress {
  phase: 'hashing' | 'checking' | 'reading';
  bytesDone: number;
  bytesTotal: number;
}

export interface ImportOptions {
  /** The time recorded as the import's `imported_at`. */
  now: () => Date;
  /** Where this import's rejected rows are written, given its id. */
  rejectsFile: (importId: number) => string;
  onProgress?: (progress: ImportProgress) => void;
  /**
   * DuckDB's memory limit for the import's SQL steps, in DuckDB's size syntax (default 512MB,
   * 256MB for xlsx). Beyond it DuckDB spills to its temporary directory, so memory stays bounded
   * whatever the file's size. The database's own limit is restored afterwards.
   */
  memoryLimit?: string;
}

export interface ImportedRelease {
  status: 'imported';
  importId: number;
  file: string;
  format: FormatId;
  formatTitle: string;
  /** Data rows read: always rowsLoaded + rowsRejected. */
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
  /** Title rows, header rows and blank rows, which hold no detainer. */
  rowsSkipped: number;
  /** Loaded rows flagged `duplicate_likely`. */
  duplicatesLikely: number;
  /** Where the rejected rows were written; null when there were none. */
  rejectsFile: string | null;
}

export interface AlreadyImported {
  status: 'already-imported';
  file: string;
  /** The earlier import holding the same bytes, and the name it was imported under. */
  importId: number;
  importedAs: string;
  importedAt: string;
}

export type ImportResult = ImportedRelease | AlreadyImported;

/** The rejects file beside the database: `ice.duckdb` → `ice-rejects-<import id>.csv`. */
export function rejectsBeside(databasePath: string): (importId: number) => string {
  const stem = basename(databasePath, extname(databasePath));
  return (importId) => join(dirname(databasePath), `${stem}-rejects-${String(importId)}.csv`);
}

async function earlierImport(connection: DuckDBConnection, release: ReleaseFile) {
  const found = await connection.runAndReadAll(
    `SELECT import_id, file_name, CAST(imported_at AS VARCHAR) AS imported_at
     FROM ice_imports WHERE file_sha256 = $1`,
    [release.sha256],
  );
  return found.getRowObjectsJson()[0];
}

/** Runs `sql` while telling `onFraction` how far DuckDB has got (0 to 1), when it can say. */
async function runWatched(
  connection: DuckDBConnection,
  sql: string,
  onFraction: ((fraction: number) => void) | undefined,
): Promise<void> {
  if (onFraction === undefined) {
    await connection.run(sql);
    return;
  }
  await connection.run('SET enable_progress_bar = true; SET enable_progress_bar_print = false');
  const timer = setInterval(() => {
    const { percentage } = connection.progress;
    if (percentage >= 0) onFraction(percentage / 100);
  }, 200);
  try {
    await connection.run(sql);
  } finally {
    clearInterval(timer);
    await connection.run('RESET enable_progress_bar; RESET enable_progress_bar_print');
  }
  onFraction(1);
}

async function stage(
  connection: DuckDBConnection,
  release: ReleaseFile,
  report: (phase: ImportProgress['phase']) => (bytes: number) => void,
): Promise<StagedRelease> {
  switch (release.container) {
    case 'xlsx':
      return stageXlsx(connection, release.path, {
        checking: report('checking'),
        reading: report('reading'),
      });
    case 'parquet':
      return stageParquet(connection, release.path);
    case 'csv':
      return stageCsv(connection, release);
  }
}

const count = (value: unknown) => Number(value ?? 0);

// Below 512MB a million-row CSV import spills enough to run at half the speed. After an xlsx is
// read, exceljs's heap (the workbook's strings) is still resident, so DuckDB gets less: together
// they stay under 1 GB for a 100 MB release (bench/ice/README.md).
const MEMORY_LIMIT = { csv: '512MB', parquet: '512MB', xlsx: '256MB' };
// While xlsx rows stream in, exceljs needs the memory; DuckDB's appends spill to disk cheaply.
const STAGING_MEMORY_LIMIT = '64MB';

const setMemoryLimit = (connection: DuckDBConnection, limit: string) =>
  connection.run(`SET memory_limit = ${sqlString(limit)}`);

async function fileSize(file: string): Promise<number> {
  try {
    return (await stat(file)).size;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new IceFileError(file, `cannot be read (${reason})`);
  }
}

/** The counts of a normalized release, before anything is loaded. */
interface Normalized {
  staged: StagedRelease;
  loaded: number;
  rejected: number;
  skipped: number;
}

type Report = (phase: ImportProgress['phase']) => (bytes: number) => void;

/**
 * Stages the release and applies the rules, into the connection's temporary work tables. They
 * are filled before the transaction opens, so that their rowids number the rows in file order.
 */
async function normalize(
  connection: DuckDBConnection,
  release: ReleaseFile,
  options: ImportOptions,
  report: Report,
): Promise<Normalized> {
  await connection.run(MACROS);
  await connection.run(DROP_WORK_TABLES + WORK_TABLES);
  await setMemoryLimit(connection, STAGING_MEMORY_LIMIT);
  const staged = await stage(connection, release, report);
  await setMemoryLimit(connection, options.memoryLimit ?? MEMORY_LIMIT[release.container]);
  const reading = report('reading');
  let read = 0;
  try {
    await runWatched(
      connection,
      normalizeSql(staged.relation),
      release.container === 'xlsx' || options.onProgress === undefined
        ? undefined
        : (fraction) => {
            const bytes = Math.round(fraction * release.size);
            reading(bytes - read);
            read = bytes;
          },
    );
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new IceFileError(release.path, `not readable as ${release.container}: ${reason}`);
  }
  const gaps = await staged.afterRead();
  await connection.run(numberRowsSql(staged.headerRows, gaps.hasGaps));
  const counted = (await connection.runAndReadAll(COUNTS_SQL)).getRowObjects()[0]!;
  return {
    staged,
    loaded: count(counted.loaded),
    rejected: count(counted.rejected),
    skipped: staged.skippedRows + gaps.emptyLines + count(counted.blank),
  };
}

/**
 * Records the import and loads its rows in one transaction; the rejects file is written inside
 * it under a temporary name and renamed once the transaction has committed. (Import ids come from
 * a sequence, which no rollback rewinds: a failed import leaves a gap in them.)
 */
async function load(
  connection: DuckDBConnection,
  release: ReleaseFile,
  normalized: Normalized,
  options: ImportOptions,
): Promise<ImportedRelease> {
  const { staged, loaded, rejected } = normalized;
  const format = staged.layout.format;
  const ids = await connection.runAndReadAll(`SELECT nextval('ice_import_ids') AS id`);
  const importId = count(ids.getRowObjects()[0]?.id);
  const rejectsFile = rejected > 0 ? options.rejectsFile(importId) : null;
  const rejectsPartial = `${rejectsFile ?? ''}.partial`;
  let duplicatesLikely: number;
  await connection.run('BEGIN TRANSACTION');
  try {
    await connection.run(
      `INSERT INTO ice_imports VALUES ($1, $2, $3, $4, CAST($5 AS TIMESTAMPTZ), $6, $7, $8)`,
      [
        importId,
        basename(release.path),
        release.sha256,
        format.id,
        options.now().toISOString(),
        loaded + rejected,
        loaded,
        rejected,
      ],
    );
    await connection.run(INSERT_DETAINERS_SQL, [importId]);
    const duplicates = await connection.runAndReadAll(
      'SELECT count(*) AS n FROM ice_detainers WHERE import_id = $1 AND duplicate_likely',
      [importId],
    );
    duplicatesLikely = count(duplicates.getRowObjects()[0]?.n);
    if (rejectsFile !== null) {
      const dateColumn = format.columns.preparedDate ?? 'prepare date';
      await connection.run(
        `COPY (${rejectsSql(release.path, dateColumn)}) TO ${sqlString(rejectsPartial)} (FORMAT csv, HEADER true)`,
      );
    }
    await connection.run('COMMIT');
  } catch (error) {
    await connection.run('ROLLBACK');
    if (rejectsFile !== null) await rm(rejectsPartial, { force: true });
    throw error;
  }
  if (rejectsFile !== null) await rename(rejectsPartial, rejectsFile);
  return {
    status: 'imported',
    importId,
    file: release.path,
    format: format.id,
    formatTitle: format.title,
    rowsRead: loaded + rejected,
    rowsLoaded: loaded,
    rowsRejected: rejected,
    rowsSkipped: normalized.skipped,
    duplicatesLikely,
    rejectsFile,
  };
}

/** Imports the release at `file` into `db`; see the module comment. */
export async function importRelease(
  db: IceDatabase,
  file: string,
  options: ImportOptions,
): Promise<ImportResult> {
  const { connection } = db;
  const size = await fileSize(file);
  const progressed = new Map<ImportProgress['phase'], number>();
  const report: Report = (phase) => (bytes) => {
    const done = Math.min(size, (progressed.get(phase) ?? 0) + bytes);
    progressed.set(phase, done);
    options.onProgress?.({ phase, bytesDone: done, bytesTotal: size });
  };
  const release = await scanRelease(file, report('hashing'));

  const earlier = await earlierImport(connection, release);
  if (earlier !== undefined) {
    return {
      status: 'already-imported',
      file,
      importId: count(earlier.import_id),
      importedAs: earlier.file_name as string,
      importedAt: earlier.imported_at as string,
    };
  }

  const setting = await connection.runAndReadAll(
    `SELECT current_setting('memory_limit') AS memory_limit`,
  );
  const databaseLimit = setting.getRowObjectsJson()[0]!.memory_limit as string;
  try {
    return await load(
      connection,
      release,
      await normalize(connection, release, options, report),
      options,
    );
  } finally {
    await connection.run(DROP_WORK_TABLES);
    await setMemoryLimit(connection, databaseLimit);
  }
}
