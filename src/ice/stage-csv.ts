/**
 * Staging a CSV release (the legacy six-column files as NPR converted them, format D; NPR's
 * processed files with or without a header, format E; or any format saved as CSV): the header is
 * the first line, read here to detect the format; then DuckDB's own CSV reader reads the file,
 * every value as text, in parallel. A line of the wrong width or with broken quoting is not
 * staged: DuckDB records it (`store_rejects`) and it becomes a reject with its line number.
 *
 * A row's number is its line as DuckDB counts lines, which is also the row a spreadsheet shows
 * when it opens the file: the header is line 1, a record is one line even when a quoted value
 * holds line breaks, and empty lines count.
 * @module
 */
import { open } from 'node:fs/promises';
import type { DuckDBConnection } from '@duckdb/node-api';
import { parse } from 'csv-parse/sync';
import { emptyLines } from './csv-empty-lines.js';
import { detectFormat } from './formats.js';
import { IceFileError } from './ice-file-error.js';
import { FIELD_COLUMNS, FIELDS } from './normalize-sql.js';
import { sqlString } from './sql-text.js';
import type { ReleaseFile } from './release-file.js';
import type { StagedRelease } from './staged-release.js';

// Enough for any header line; the rest of the file is DuckDB's to read.
const FIRST_BYTES = 1 << 20;

async function firstRecord(file: string): Promise<string[]> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(FIRST_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, FIRST_BYTES, 0);
    const records: string[][] = parse(buffer.subarray(0, bytesRead), {
      bom: true,
      to: 1,
      relax_column_count: true,
    });
    return records[0] ?? [];
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new IceFileError(file, `its first line is not readable as CSV: ${reason}`);
  } finally {
    await handle.close();
  }
}

// DuckDB's rejects of one read: the errors (one row per error) and the scan they came from.
const ERRORS = 'ice_csv_errors';

export async function stageCsv(
  connection: DuckDBConnection,
  release: ReleaseFile,
): Promise<StagedRelease> {
  const file = release.path;
  const header = await firstRecord(file);
  const found = detectFormat(header);
  if (!found.ok) throw new IceFileError(file, `line 1 is ${found.reason}`);
  const { layout } = found;
  const width = header.length;
  const cell = (index: number) => `c${index}`;
  const columns = Array.from({ length: width }, (_, index) => `'${cell(index)}': 'VARCHAR'`);
  const texts = FIELDS.map((field) => {
    const position = layout.positions[field];
    const value = position === undefined ? 'NULL::VARCHAR' : cell(position);
    return `${value} AS ${FIELD_COLUMNS[field]}`;
  });
  const allCells = Array.from({ length: width }, (_, index) => cell(index)).join(', ');
  const headerRows = layout.hasHeader ? 1 : 0;
  const reader = `read_csv(${sqlString(file)}, header = ${String(layout.hasHeader)},
    columns = {${columns.join(', ')}}, auto_detect = false, delim = ',', quote = '"', escape = '"',
    store_rejects = true, rejects_table = '${ERRORS}', rejects_scan = 'ice_csv_scans')`;

  async function afterRead() {
    // A quote that never closes makes the rest of the file one value: rejecting that one record
    // would drop every line after it, so the file is refused instead.
    const unclosed = await connection.runAndReadAll(
      `SELECT min(line) AS line FROM ${ERRORS} WHERE error_message ILIKE '%unterminated quote%'`,
    );
    const line = unclosed.getRowObjectsJson()[0]?.line as string | null;
    if (line !== null) {
      throw new IceFileError(
        file,
        `line ${line} opens a quoted value that is never closed, so the rest of the file would be one value`,
      );
    }
    await connection.run(`
INSERT INTO ice_read_rejects
SELECT line, string_agg(DISTINCT CASE
    WHEN error_type IN ('TOO MANY COLUMNS', 'MISSING COLUMNS')
      THEN 'expected ${width} cells, found ' || regexp_extract(error_message, 'Found: (\\d+)', 1)
    ELSE lower(error_type) || ': ' || error_message END, '; ')
FROM ${ERRORS} GROUP BY line`);
    const empty = release.hasEmptyLine ? await emptyLines(file) : [];
    await connection.run('CREATE OR REPLACE TEMP TABLE ice_csv_empty_lines (line BIGINT)');
    const appender = await connection.createAppender('ice_csv_empty_lines', 'main', 'temp');
    for (const line of empty) {
      appender.appendBigInt(BigInt(line));
      appender.endRow();
    }
    appender.closeSync();
    // The j-th missing row (in line order) at line s comes after s - headerRows - j staged rows.
    await connection.run(`
INSERT INTO ice_row_gaps
SELECT after_records, max(j) FROM (
  SELECT line - ${headerRows} - row_number() OVER (ORDER BY line) AS after_records,
    row_number() OVER (ORDER BY line) AS j
  FROM (SELECT row AS line FROM ice_read_rejects UNION SELECT line FROM ice_csv_empty_lines)
) GROUP BY after_records;
DROP TABLE ice_csv_empty_lines`);
    const gaps = await connection.runAndReadAll('SELECT count(*) AS n FROM ice_row_gaps');
    return { emptyLines: empty.length, hasGaps: Number(gaps.getRowObjects()[0]?.n ?? 0) > 0 };
  }

  return {
    layout,
    // A record of empty cells only (",,,,") holds no detainer: it is skipped like a blank row.
    relation: `(SELECT NULL::VARCHAR AS source_sheet, NULL::BIGINT AS source_row,
      coalesce(${allCells}) IS NULL AS blank, ${texts.join(', ')} FROM ${reader})`,
    headerRows,
    skippedRows: headerRows,
    afterRead,
  };
}
