/**
 * Queries built and compiled by Kysely once, then run many times with new values. Building and
 * compiling a query takes Kysely 10–35 µs, more than SQLite takes to run it, and the desk runs the
 * same few statements for every request (bench/api). Kysely has no placeholders, so each query is
 * built once per dialect with a marker in place of each value; where a marker lands among the
 * compiled parameters says which value goes there, and of which row for a multi-row insert. The result goes through the store's plugins
 * (CamelCase) like any other query.
 * @module
 */
import {
  CompiledQuery,
  type Compilable,
  type Insertable,
  type Kysely,
  type Updateable,
} from 'kysely';
import type { Dialect } from './dialect.js';
import type { Database } from './schema.js';

const MARKER = '\u0000value:';

type Values = Record<string, unknown>;

interface Compiled {
  sql: string;
  /**
   * For each parameter: the row (of the values the query is run with) and the name of the value
   * it takes, or the constant the query holds.
   */
  slots: ({ row: number; name: string } | { constant: unknown })[];
}

/** The marker of the value `name` of row `row`. */
const marker = (name: string, row = 0) => `${MARKER}${String(row)}:${name}`;

function compile(query: Compilable): Compiled {
  const { sql, parameters } = query.compile();
  return {
    sql,
    slots: parameters.map((parameter) => {
      if (typeof parameter !== 'string' || !parameter.startsWith(MARKER)) {
        return { constant: parameter };
      }
      const colon = parameter.indexOf(':', MARKER.length);
      return {
        row: Number(parameter.slice(MARKER.length, colon)),
        name: parameter.slice(colon + 1),
      };
    }),
  };
}

function execute<R>(db: Kysely<Database>, compiled: Compiled, rows: readonly Values[]) {
  const parameters = compiled.slots.map((slot) => {
    if ('constant' in slot) return slot.constant;
    const value = rows[slot.row]?.[slot.name];
    if (value === undefined) throw new Error(`the query needs a value for ${slot.name}`);
    return value;
  });
  return db.executeQuery<R>(CompiledQuery.raw(compiled.sql, parameters));
}

export interface PreparedQuery<P extends Values, R> {
  /** Every row. `db` may be a transaction. */
  all(db: Kysely<Database>, dialect: Dialect, values: P): Promise<R[]>;
  first(db: Kysely<Database>, dialect: Dialect, values: P): Promise<R | undefined>;
  /** Runs an insert, update or delete. */
  run(db: Kysely<Database>, dialect: Dialect, values: P): Promise<void>;
}

/**
 * `build` writes the query with `values.name` where a value goes; it runs once per dialect, with
 * markers for values, so it must not branch on them.
 */
export function prepareQuery<P extends Values, R>(
  build: (db: Kysely<Database>, values: P, dialect: Dialect) => Compilable<R>,
): PreparedQuery<P, R> {
  const byDialect = new Map<Dialect, Compiled>();
  const markers = new Proxy({} as P, { get: (_, name) => marker(String(name)) });
  const rows = async (db: Kysely<Database>, dialect: Dialect, values: P) => {
    let compiled = byDialect.get(dialect);
    if (compiled === undefined) {
      compiled = compile(build(db, markers, dialect));
      byDialect.set(dialect, compiled);
    }
    return (await execute<R>(db, compiled, [values])).rows;
  };
  return {
    all: rows,
    first: async (db, dialect, values) => (await rows(db, dialect, values))[0],
    run: async (db, dialect, values) => {
      await rows(db, dialect, values);
    },
  };
}

const statements = new Map<string, Compiled>();

/** Inserts one row with a statement compiled once per dialect, table and set of columns. */
export function insertRow<T extends keyof Database>(
  db: Kysely<Database>,
  dialect: Dialect,
  table: T,
  row: Insertable<Database[T]>,
): Promise<void> {
  return insertRows(db, dialect, table, [row]);
}

/**
 * Inserts rows that have the same columns in one statement, compiled once per dialect, table, set
 * of columns and number of rows: one round trip to PostgreSQL instead of one a row.
 */
export async function insertRows<T extends keyof Database>(
  db: Kysely<Database>,
  dialect: Dialect,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<void> {
  const [first] = rows;
  if (first === undefined) return;
  const columns = Object.keys(first);
  const key = `${dialect} insert ${table} ${columns.join(' ')} rows ${String(rows.length)}`;
  let compiled = statements.get(key);
  if (compiled === undefined) {
    const markers = rows.map((_, index) => markersFor(columns, index));
    compiled = compile(db.insertInto(table).values(markers as Insertable<Database[T]>[]));
    statements.set(key, compiled);
  }
  await execute(db, compiled, rows as readonly Values[]);
}

/**
 * Updates the row of `table` whose `id` is `id` with a statement compiled once per dialect, table
 * and set of columns. Columns left undefined are not changed, as in Kysely's `set`.
 */
export async function updateById<T extends TableWithId>(
  db: Kysely<Database>,
  dialect: Dialect,
  table: T,
  id: string,
  changes: Updateable<Database[T]>,
): Promise<void> {
  const values = Object.fromEntries(
    Object.entries(changes).filter(([, value]) => value !== undefined),
  );
  const columns = Object.keys(values);
  const key = `${dialect} update ${table} ${columns.join(' ')}`;
  let compiled = statements.get(key);
  if (compiled === undefined) {
    // Typed as a table with an id and any other columns: Kysely cannot check a generic table.
    const query = (db as unknown as Kysely<Record<string, { id: string }>>)
      .updateTable(table as string)
      .set(markersFor(columns))
      .where('id', '=', marker(KEY));
    compiled = compile(query);
    statements.set(key, compiled);
  }
  await execute(db, compiled, [{ ...values, [KEY]: id }]);
}

type TableWithId = {
  [T in keyof Database]: Database[T] extends { id: string } ? T : never;
}[keyof Database];

/** The name the row's id goes by among an update's values, which no column can have. */
const KEY = '(id)';

/** Each column's marker, in row `row` of a multi-row insert. */
const markersFor = (columns: string[], row = 0) =>
  Object.fromEntries(columns.map((column) => [column, marker(column, row)]));
