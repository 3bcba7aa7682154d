/**
 * The part of reading a release that is the same for CSV and xlsx: find the header under any
 * title rows, stack the sheets (a later sheet may repeat the header or start straight with data),
 * normalize each data row and count, so that rows read = records + rejects at every point.
 * @module
 */
import { cellText, type Cell } from './cell.js';
import { normalizeRow, type ReadItem } from './detainer-record.js';
import { detectFormat, type HeaderLayout } from './formats.js';

/** One physical row of a file. */
export interface SourceRow {
  sheet: string | null;
  /** 1-based row (xlsx) or line (CSV). */
  row: number;
  cells: readonly Cell[];
}

export interface ReadCounts {
  /** Data rows read; always records + rejects. */
  read: number;
  records: number;
  rejects: number;
  /** Title rows above a header, header rows and wholly blank rows, which hold no detainer. */
  skipped: number;
}

/** A running read of one file: iterate it once; `counts` and `layout` follow as it goes. */
export interface IceRead extends AsyncIterable<ReadItem> {
  readonly counts: Readonly<ReadCounts>;
  /** The format found, once the header has been read. */
  readonly layout: HeaderLayout | undefined;
}

/** A file that cannot be read at all: nothing from it should be kept. */
export class IceFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'IceFileError';
  }
}

export interface ReadOptions {
  /** Rows a sheet may hold above its header: ICE's files have six title rows; a few to spare. */
  headerSearchRows: number;
  /** Reject rows whose cell count differs from the header's (CSV; xlsx omits trailing blanks). */
  exactWidth: boolean;
}

const isBlank = (cells: readonly Cell[]) => cells.every((cell) => cellText(cell) === null);

/** Normalized rows of one file from its physical rows. */
export function readRows(
  file: string,
  rows: AsyncIterable<SourceRow>,
  options: ReadOptions,
): IceRead {
  const counts: ReadCounts = { read: 0, records: 0, rejects: 0, skipped: 0 };
  let layout: HeaderLayout | undefined;

  function normalize(source: SourceRow, sheetLayout: HeaderLayout): ReadItem {
    counts.read += 1;
    const provenance = { file, sheet: source.sheet, row: source.row };
    let width = source.cells.length;
    while (width > 0 && cellText(source.cells[width - 1]) === null) width -= 1;
    const misshapen =
      options.exactWidth && (width > sheetLayout.width || source.cells.length < sheetLayout.width);
    const item: ReadItem = misshapen
      ? {
          reject: {
            ...provenance,
            field: null,
            reason: `expected ${sheetLayout.width} cells, found ${source.cells.length}`,
          },
        }
      : normalizeRow(sheetLayout, source.cells, provenance);
    if ('record' in item) counts.records += 1;
    else counts.rejects += 1;
    return item;
  }

  async function* generate(): AsyncGenerator<ReadItem> {
    let sheet: string | null | undefined;
    let sheetLayout: HeaderLayout | undefined;
    // Rows of the current sheet held back until we know whether a header follows them.
    let pending: SourceRow[] = [];
    let searching = false;
    const first: string[] = [];

    for await (const source of rows) {
      if (source.sheet !== sheet) {
        if (searching && sheetLayout)
          for (const held of pending) yield normalize(held, sheetLayout);
        sheet = source.sheet;
        pending = [];
        searching = true;
      }
      if (isBlank(source.cells)) {
        counts.skipped += 1;
        continue;
      }
      if (!searching) {
        yield normalize(source, sheetLayout!);
        continue;
      }
      const found = detectFormat(source.cells);
      const header = found.ok && found.layout.hasHeader ? found.layout : undefined;
      if (header) {
        if (layout && header.format.id !== layout.format.id) {
          throw new IceFileError(
            file,
            `sheet ${source.sheet ?? ''} row ${source.row} has a format ${header.format.id} header, but the file began as format ${layout.format.id}`,
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
        if (pending.length > options.headerSearchRows) {
          throw new IceFileError(
            file,
            `no known detainer header in the first ${pending.length} rows; ${first.join('; ')}`,
          );
        }
        continue;
      }
      if (headerless || pending.length > options.headerSearchRows) {
        searching = false;
        for (const held of pending) yield normalize(held, sheetLayout!);
        pending = [];
      }
    }
    if (!layout) {
      const seen = first.length === 0 ? 'it holds no rows' : first.join('; ');
      throw new IceFileError(file, `no known detainer header: ${seen}`);
    }
    if (searching && sheetLayout) for (const held of pending) yield normalize(held, sheetLayout);
  }

  return {
    counts,
    get layout() {
      return layout;
    },
    [Symbol.asyncIterator]: generate,
  };
}
