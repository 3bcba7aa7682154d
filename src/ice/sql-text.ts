/**
 * SQL string literals for text DuckDB needs inside the statement itself: mapping tables built into
 * the code, and file paths given to its readers (`read_csv`, `read_parquet`), which take no bound
 * parameters. Values from a request always go in as bound parameters instead.
 * @module
 */

/** A SQL string literal: the text in single quotes, each quote doubled. */
export const sqlString = (value: string) => `'${value.replaceAll("'", "''")}'`;
