/**
 * Staging a parquet release (the Deportation Data Project's processed files, format F): DuckDB's
 * built-in `read_parquet` reads it, and the columns the format maps are cast to text. The row is
 * the 1-based position of the row in the parquet file; the DDP's own `file_original`,
 * `sheet_original` and `row_original`, which point back to ICE's xlsx, are kept beside it.
 * @module
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { detectFormat } from './formats.js';
import { IceFileError } from './ice-file-error.js';
import { FIELD_COLUMNS, FIELDS } from './normalize-sql.js';
import { sqlString } from './sql-text.js';
import type { StagedRelease } from './staged-release.js';

const identifier = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function stageParquet(
  connection: DuckDBConnection,
  file: string,
): Promise<StagedRelease> {
  const reader = `read_parquet(${sqlString(file)}, file_row_number = true)`;
  let columns: { name: string; type: string }[];
  try {
    const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${reader}`);
    columns = described.getRowObjectsJson().map((row) => ({
      name: row.column_name as string,
      type: row.column_type as string,
    }));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new IceFileError(file, `not a whole parquet file (truncated or corrupt): ${reason}`);
  }
  const found = detectFormat(columns.map((column) => column.name));
  if (!found.ok) throw new IceFileError(file, `its columns are ${found.reason}`);
  const { layout } = found;
  const texts = FIELDS.map((field) => {
    const position = layout.positions[field];
    const column = position === undefined ? undefined : columns[position];
    if (column === undefined) return `NULL::VARCHAR AS ${FIELD_COLUMNS[field]}`;
    // A zoned timestamp is written in UTC, whatever the session's time zone.
    const value =
      column.type === 'TIMESTAMP WITH TIME ZONE'
        ? `timezone('UTC', ${identifier(column.name)})`
        : identifier(column.name);
    return `CAST(${value} AS VARCHAR) AS ${FIELD_COLUMNS[field]}`;
  });
  return {
    layout,
    relation: `(SELECT NULL::VARCHAR AS source_sheet, file_row_number + 1 AS source_row,
      false AS blank, ${texts.join(', ')} FROM ${reader})`,
    headerRows: 0,
    skippedRows: 0,
    afterRead: () => Promise.resolve({ emptyLines: 0, hasGaps: false }),
  };
}
