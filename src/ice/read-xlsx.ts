/**
 * Streaming reader of ICE's xlsx detainer releases (formats A–D): exceljs's streaming workbook
 * reader passes one row at a time, so a 100 MB release is read in bounded memory (but for the
 * workbook's table of distinct strings, which exceljs keeps). Styles are not loaded, so date cells
 * arrive as their Excel serial numbers, converted exactly in SQL (`ice_excel_serial`;
 * exceljs's own conversion is a day off before 1900-03-01).
 * @module
 */
import { createReadStream } from 'node:fs';
import { Transform } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Cell } from './cell.js';
import { IceFileError } from './ice-file-error.js';
import { readRows, type IceRead, type SourceRow } from './read-rows.js';
import { zipDamage } from './zip-check.js';

/** Counts bytes as a file is read, for a progress bar. */
export type OnBytes = (bytes: number) => void;

/** Refuses a truncated or damaged file before any row is read, so none is half-kept. */
export async function checkWholeXlsx(file: string, onBytes?: OnBytes): Promise<void> {
  let damage: string | null;
  try {
    damage = await zipDamage(file, onBytes);
  } catch (error) {
    throw new IceFileError(file, error instanceof Error ? error.message : String(error));
  }
  if (damage !== null) {
    throw new IceFileError(file, `not a whole xlsx file (truncated or corrupt): ${damage}`);
  }
}

interface RichText {
  richText: { text: string }[];
}

/** The plain value of an exceljs cell: rich text, formula results and hyperlinks unwrapped. */
function plain(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    value instanceof Date
  ) {
    return value;
  }
  if (typeof value === 'object') {
    if ('richText' in value) return (value as RichText).richText.map((run) => run.text).join('');
    if ('result' in value) return plain(value.result);
    if ('text' in value) return plain(value.text);
    if ('error' in value) return String(value.error);
  }
  return JSON.stringify(value);
}

async function* xlsxRows(file: string, onBytes: OnBytes): AsyncGenerator<SourceRow> {
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      onBytes(chunk.length);
      done(null, chunk);
    },
  });
  const input = createReadStream(file, { highWaterMark: 1 << 20 }).pipe(counted);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'ignore',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  try {
    for await (const worksheet of reader) {
      // exceljs's types omit the sheet's name, which its streaming reader does set.
      const { name, id } = worksheet as unknown as { name?: string; id: number };
      const sheet = name ?? `sheet ${id}`;
      for await (const row of worksheet) {
        const values = row.values as unknown[];
        const cells: Cell[] = [];
        for (let column = 1; column < values.length; column += 1) cells.push(plain(values[column]));
        yield { sheet, row: row.number, cells };
      }
    }
  } catch (error) {
    throw new IceFileError(
      file,
      `the xlsx file is corrupt: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/**
 * The data rows of an xlsx release, every sheet stacked, format detected from the header. Check
 * the file with `checkWholeXlsx` first.
 */
export function readXlsx(file: string, onBytes: OnBytes = () => undefined): IceRead {
  return readRows(file, xlsxRows(file, onBytes));
}
