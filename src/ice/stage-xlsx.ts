/**
 * Staging an xlsx release: the archive is checked whole, then exceljs streams its rows (every
 * sheet stacked under its header) into the temporary `ice_staging` table through a DuckDB
 * appender, as text. The row is the spreadsheet's own 1-based row number in its sheet.
 * @module
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { cellText } from './cell.js';
import { FIELDS } from './normalize-sql.js';
import { checkWholeXlsx, readXlsx, type OnBytes } from './read-xlsx.js';
import type { StagedRelease } from './staged-release.js';

export async function stageXlsx(
  connection: DuckDBConnection,
  file: string,
  progress: { checking: OnBytes; reading: OnBytes },
): Promise<StagedRelease> {
  await checkWholeXlsx(file, progress.checking);
  const read = readXlsx(file, progress.reading);
  const appender = await connection.createAppender('ice_staging', 'main', 'temp');
  try {
    for await (const row of read) {
      appender.appendVarchar(row.sheet);
      appender.appendBigInt(BigInt(row.row));
      appender.appendBoolean(false);
      for (const field of FIELDS) {
        const position = row.layout.positions[field];
        const text = position === undefined ? null : cellText(row.cells[position]);
        if (text === null) appender.appendNull();
        else appender.appendVarchar(text);
      }
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
  // readRows throws when no sheet has a header, so a finished read has its layout.
  const layout = read.layout!;
  return {
    layout,
    relation: 'ice_staging',
    headerRows: 0,
    skippedRows: read.counts.skipped,
    afterRead: () => Promise.resolve({ emptyLines: 0, hasGaps: false }),
  };
}
