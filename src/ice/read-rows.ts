/**
 * Reading a workbook's rows: find the header under any title rows, stack the sheets (a later
 * sheet may repeat the header or start straight with data) and hand on each data row with the
 * layout of its sheet, counting the rows that hold no detainer. The rows are not interpreted
 * here: they are staged as text and normalized in SQL (normalize-sql.ts).
 * @module
 */
import { cellText, type Cell } from './cell.js';
import { detectFormat, type HeaderLayout } from './formats.js';
import { IceFileError } from './ice-file-error.js';

/** One physical row of a sheet. */
export interface SourceRow {
  sheet: string;
  /** 1-based, as the spreadsheet numbers it. */
  row: number;
  cells: readonly Cell[];
}

/** A row under a header, with that sheet's layout (sheets may order their columns differently). */
export interface DataRow extends SourceRow {
  layout: HeaderLayout;
}

export interface ReadCounts {
  /** Data rows handed on. */
  rows: number;
  /** Title rows above a header, header rows and wholly blank rows, which hold no detainer. */
  skipped: number;
}

/** A running read of one file: iterate it once; `counts` and `layout` follow as it goes. */
export interface IceRead extends AsyncIterable<DataRow> {
  readonly counts: Readonly<ReadCounts>;
  /** The format found, once the header has been read. */
  readonly layout: HeaderLayout | undefined;
}

// Rows a sheet may hold above its header: ICE's files have six title rows; a few to spare.
const HEADER_SEARCH_ROWS = 10;

const isBlank = (cells: readonly Cell[]) => cells.every((cell) => cellText(cell) === null);

/** The data rows of one file from its physical rows. */
export function readRows(file: string, rows: AsyncIterable<SourceRow>): IceRead {
  const counts: ReadCounts = { rows: 0, skipped: 0 };
  let layout: HeaderLayout | undefined;

  function dataRow(source: SourceRow, sheetLayout: HeaderLayout): DataRow {
    counts.rows += 1;
    return { ...source, layout: sheetLayout };
  }

  async function* generate(): AsyncGenerator<DataRow> {
    let sheet: string | undefined;
    let sheetLayout: HeaderLayout | undefined;
    // Rows of the current sheet held back until we know whether a header follows them.
    let pending: SourceRow[] = [];
    let searching = false;
    const first: string[] = [];

    for await (const source of rows) {
      if (source.sheet !== sheet) {
        if (searching && sheetLayout) for (const held of pending) yield dataRow(held, sheetLayout);
        sheet = source.sheet;
        pending = [];
        searching = true;
      }
      if (isBlank(source.cells)) {
        counts.skipped += 1;
        continue;
      }
      if (!searching) {
        yield dataRow(source, sheetLayout!);
        continue;
      }
      const found = detectFormat(source.cells);
      const header = found.ok && found.layout.hasHeader ? found.layout : undefined;
      if (header) {
        if (layout && header.format.id !== layout.format.id) {
          throw new IceFileError(
            file,
            `sheet ${source.sheet} row ${source.row} has a format ${header.format.id} header, but the file began as format ${layout.format.id}`,
          );
        }
        layout ??= header;
        sheetLayout = header;
        counts.skipped += pending.length + 1;
        pending = [];
        searching = false;
        continue;
      }
      // A headerless NPR file: its first row is data. Later, such a row only means data follows.
      const headerless = found.ok && (!layout || layout.format.id === found.layout.format.id);
      if (found.ok && !layout) {
        layout = found.layout;
        sheetLayout = found.layout;
      }
      pending.push(source);
      if (!layout) {
        if (!found.ok && first.length < 3) first.push(`row ${source.row}: ${found.reason}`);
        if (pending.length > HEADER_SEARCH_ROWS) {
          throw new IceFileError(
            file,
            `no known detainer header in the first ${pending.length} rows; ${first.join('; ')}`,
          );
        }
        continue;
      }
      if (headerless || pending.length > HEADER_SEARCH_ROWS) {
        searching = false;
        for (const held of pending) yield dataRow(held, sheetLayout!);
        pending = [];
      }
    }
    if (!layout) {
      const seen = first.length === 0 ? 'it holds no rows' : first.join('; ');
      throw new IceFileError(file, `no known detainer header: ${seen}`);
    }
    if (searching && sheetLayout) for (const held of pending) yield dataRow(held, sheetLayout);
  }

  return {
    counts,
    get layout() {
      return layout;
    },
    [Symbol.asyncIterator]: generate,
  };
}
