/**
 * Streaming reader of the CSV detainer files: the legacy six-column FY2008–FY2015 table as NPR
 * converted it (format D) and NPR's processed files, with or without a header (format E). One
 * record at a time passes through, so memory does not grow with the file.
 * @module
 */
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { IceFileError, readRows, type IceRead, type SourceRow } from './read-rows.js';

async function* csvRows(file: string): AsyncGenerator<SourceRow> {
  const parser = createReadStream(file).pipe(
    parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true }),
  );
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      yield { sheet: null, row: info.lines, cells: record };
    }
  } catch (error) {
    throw new IceFileError(
      file,
      `not readable as CSV: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** The detainers of a CSV file, format detected from its first row. */
export function readCsv(file: string): IceRead {
  // The header, when there is one, is the first line: NPR's files carry no title rows.
  return readRows(file, csvRows(file), { headerSearchRows: 0, exactWidth: true });
}
