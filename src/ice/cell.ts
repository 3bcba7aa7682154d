/**
 * One spreadsheet cell as the xlsx reader hands it over, and its text. Date cells arrive as Excel
 * serial numbers (the reader does not apply styles), so a Date here comes only from callers.
 * @module
 */
export type Cell = string | number | boolean | Date | null;

/**
 * The cell's trimmed text, or null when it is blank. A number keeps every digit (`String` gives the
 * shortest text that reads back as the same double), so an Excel serial date stays exact; a Date
 * is written `YYYY-MM-DD HH:MM:SS` in UTC.
 */
export function cellText(cell: Cell | undefined): string | null {
  if (cell === null || cell === undefined) return null;
  const text =
    cell instanceof Date ? cell.toISOString().slice(0, 19).replace('T', ' ') : String(cell).trim();
  return text === '' ? null : text;
}
