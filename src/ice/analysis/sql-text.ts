/**
 * SQL text for values the code itself supplies (mapping tables, never user input): user input
 * always goes in as a bound parameter.
 * @module
 */

/** A SQL string literal. */
export const sqlString = (value: string) => `'${value.replaceAll("'", "''")}'`;
