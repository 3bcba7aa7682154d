/**
 * Test helpers for the analysis: synthetic detainer rows (no people: no person id is ever set)
 * inserted with plain SQL, as the importer would leave them, and a way to run a generated SQL
 * expression over a list of inputs to compare it with its TypeScript twin.
 * @module
 */
import { openIceDatabase, type IceDatabase } from '../ice-database.js';

export interface SyntheticDetainer {
  date: string;
  type?: string | null;
  facility?: string | null;
  state?: string | null;
  liftReason?: string | null;
  duplicate?: boolean;
  importId?: number;
}

/** Records an import and its rows. */
export async function insertImport(
  db: IceDatabase,
  importId: number,
  fileName: string,
  rows: readonly SyntheticDetainer[],
): Promise<void> {
  await db.connection.run(
    `INSERT INTO ice_imports VALUES ($id, $name, $hash, 'synthetic', TIMESTAMPTZ '2026-01-02 03:04:05+00', $n, $n, 0)`,
    { id: importId, name: fileName, hash: `hash-${importId}`, n: rows.length },
  );
  let sourceRow = 0;
  for (const row of rows) {
    sourceRow++;
    await db.connection.run(
      `INSERT INTO ice_detainers (import_id, source_row, prepared_date, detainer_type, facility, state, lift_reason, duplicate_likely)
       VALUES ($import, $row, $date::DATE, $type, $facility, $state, $lift, $duplicate)`,
      {
        import: row.importId ?? importId,
        row: sourceRow,
        date: row.date,
        type: row.type ?? null,
        facility: row.facility ?? null,
        state: row.state ?? null,
        lift: row.liftReason ?? null,
        duplicate: row.duplicate ?? false,
      },
    );
  }
}

/** Evaluates `sqlOf('x')` for each input, in order (NULL for `null`). */
export async function evaluateSql(
  sqlOf: (column: string) => string,
  inputs: readonly (string | null)[],
  type = 'VARCHAR',
): Promise<unknown[]> {
  const db = await openIceDatabase(':memory:');
  try {
    const results: unknown[] = [];
    for (const input of inputs) {
      const reader = await db.connection.runAndReadAll(
        `SELECT ${sqlOf('x')} AS value FROM (SELECT $input::${type} AS x)`,
        { input },
      );
      const value = reader.getRowObjectsJS()[0]?.value;
      results.push(typeof value === 'bigint' ? Number(value) : value);
    }
    return results;
  } finally {
    db.close();
  }
}
