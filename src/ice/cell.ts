/**
 * One spreadsheet or CSV cell as the readers hand it over, and its text. Date cells arrive as Excel
 * serial numbers (the xlsx reader does not apply styles), so a Date here comes only from callers.
 * @module
 */
export type Cell = string | number | boolean | Date | null;

/** The cell's trimmed text, or null when it is blank. */
export function cellText(cell: Cell | undefined): string | null {
  if (cell === null || cell === undefined) return null;
  const text = cell instanceof Date ? cell.toISOString() : String(cell).trim();
  return text === '' ? null : text;
}
