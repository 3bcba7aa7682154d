/**
 * The adversary of the suppression tests: from everything published together (every table's
 * shown cells, totals and floors, and the statutory figures), the tightest interval it can prove
 * for each suppressed cell and total, by linear programming with HiGHS: each unknown is
 * minimised and maximised subject to every published equation (rows and columns add up to their
 * totals, the totals to the grand total, a key is one number in every table that carries it),
 * with every count non-negative and at least its published floor. The bounds are rounded inward
 * to integers, as counts are; `integer: true` solves the integer programs instead.
 *
 * It knows nothing of how the tables were suppressed: only what a reader of the site has.
 * Test-only (HiGHS is a devDependency).
 * @module
 */
import * as highsModule from 'highs';
import type { Highs } from 'highs';
import type { PublishedTable } from '../reports/suppression.js';

export interface AttackInterval {
  /** The table of a cell; for a total, the first table that carries its key. */
  readonly table: string;
  readonly entry: { readonly row: number; readonly column: number } | { readonly key: string };
  readonly lower: number;
  /** `Infinity` when nothing published bounds it. */
  readonly upper: number;
}

export interface Attacker {
  attack(
    tables: readonly PublishedTable[],
    known?: Readonly<Record<string, number>>,
    options?: { readonly integer?: boolean },
  ): AttackInterval[];
}

// The package's types describe its CommonJS build, whose exports hold the loader as `default`;
// Node loads its ES module, whose default export is the loader itself.
type Loader = (typeof highsModule.default)['default'];
const exported: unknown = highsModule.default;
const loadHighs = (
  typeof exported === 'function' ? exported : (exported as { default: Loader }).default
) as Loader;

let highsPromise: Promise<Highs> | undefined;

export async function loadAttacker(): Promise<Attacker> {
  highsPromise ??= loadHighs();
  const highs = await highsPromise;
  return { attack: (tables, known, options) => attack(highs, tables, known ?? {}, options ?? {}) };
}

/** A linear expression: constant plus coefficients on unknowns. */
interface Expression {
  constant: number;
  terms: Map<number, number>;
}

function attack(
  highs: Highs,
  tables: readonly PublishedTable[],
  known: Readonly<Record<string, number>>,
  options: { readonly integer?: boolean },
): AttackInterval[] {
  const unknowns: { interval: Omit<AttackInterval, 'lower' | 'upper'>; floor: number }[] = [];
  const keyValues = new Map<string, number>(Object.entries(known));
  for (const table of tables) {
    if (table.withheld) continue;
    for (const total of [
      ...(table.rowTotals ?? []),
      ...(table.columnTotals ?? []),
      ...(table.grandTotal === undefined ? [] : [table.grandTotal]),
    ]) {
      if (total.value !== null) keyValues.set(total.key, total.value);
    }
  }
  const keyUnknowns = new Map<string, number>();
  const keyTerm = (table: PublishedTable, key: string): Expression => {
    const value = keyValues.get(key);
    if (value !== undefined) return { constant: value, terms: new Map() };
    let index = keyUnknowns.get(key);
    if (index === undefined) {
      index = unknowns.length;
      keyUnknowns.set(key, index);
      unknowns.push({ interval: { table: table.id, entry: { key } }, floor: 0 });
    }
    return { constant: 0, terms: new Map([[index, 1]]) };
  };
  const equations: Expression[] = [];
  for (const table of tables) {
    if (table.withheld) continue;
    const cell = table.cells.map((row, i) =>
      row.map((value, j): Expression => {
        if (value !== null) return { constant: value, terms: new Map() };
        const index = unknowns.length;
        unknowns.push({
          interval: { table: table.id, entry: { row: i, column: j } },
          floor: table.floors?.[i]?.[j] ?? 0,
        });
        return { constant: 0, terms: new Map([[index, 1]]) };
      }),
    );
    const equal = (parts: readonly Expression[], total: Expression) => {
      equations.push(minus(add(parts), total));
    };
    table.rowTotals?.forEach((total, i) => {
      equal(cell[i]!, keyTerm(table, total.key));
    });
    table.columnTotals?.forEach((total, j) => {
      equal(
        cell.map((row) => row[j]!),
        keyTerm(table, total.key),
      );
    });
    if (table.grandTotal !== undefined) {
      const grand = keyTerm(table, table.grandTotal.key);
      const rows = table.rowTotals?.map((total) => keyTerm(table, total.key));
      const columns = table.columnTotals?.map((total) => keyTerm(table, total.key));
      if (rows !== undefined) equal(rows, grand);
      if (columns !== undefined) equal(columns, grand);
      if (rows === undefined && columns === undefined) equal(cell.flat(), grand);
    }
  }
  const rows = equations.filter((equation) => equation.terms.size > 0);
  for (const equation of equations) {
    if (equation.terms.size === 0 && equation.constant !== 0) {
      throw new Error('the published tables contradict themselves');
    }
  }
  if (unknowns.length === 0) return [];
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const row of rows) {
    for (const [index, coefficient] of [...row.terms].sort(([a], [b]) => a - b)) {
      if (coefficient === 0) continue;
      indices.push(index);
      values.push(coefficient);
    }
    starts.push(indices.length);
  }
  const model = highs.createModel({
    numCols: unknowns.length,
    numRows: rows.length,
    colCost: unknowns.map(() => 0),
    colLower: unknowns.map((unknown) => unknown.floor),
    colUpper: unknowns.map(() => highs.infinity),
    rowLower: rows.map((row) => -row.constant),
    rowUpper: rows.map((row) => -row.constant),
    matrix: {
      format: 'csr',
      numRows: rows.length,
      numCols: unknowns.length,
      starts,
      indices,
      values,
    },
    ...(options.integer === true
      ? { integrality: unknowns.map(() => highs.constants.variableType.integer) }
      : {}),
  });
  try {
    model.options.set({ output_flag: false });
    const { modelStatus, objectiveSense } = highs.constants;
    const solve = (index: number, sense: typeof objectiveSense.minimize): number => {
      model.changeObjectiveSense(sense);
      model.run();
      const status = model.getModelStatus();
      if (status === modelStatus.optimal) return model.getObjectiveValue();
      if (status === modelStatus.unbounded || status === modelStatus.unboundedOrInfeasible) {
        if (sense === objectiveSense.maximize) return Infinity;
      }
      throw new Error(`the attack's program for unknown ${index} ended with status ${status}`);
    };
    return unknowns.map(({ interval }, index) => {
      model.changeColCost(index, 1);
      const lower = solve(index, objectiveSense.minimize);
      const upper = solve(index, objectiveSense.maximize);
      model.changeColCost(index, 0);
      return {
        ...interval,
        lower: Math.ceil(lower - 1e-6) + 0,
        upper: upper === Infinity ? Infinity : Math.floor(upper + 1e-6),
      };
    });
  } finally {
    model.dispose();
  }
}

function add(parts: readonly Expression[]): Expression {
  const terms = new Map<number, number>();
  let constant = 0;
  for (const part of parts) {
    constant += part.constant;
    for (const [index, coefficient] of part.terms) {
      terms.set(index, (terms.get(index) ?? 0) + coefficient);
    }
  }
  return { constant, terms };
}

function minus(left: Expression, right: Expression): Expression {
  const terms = new Map(left.terms);
  for (const [index, coefficient] of right.terms) {
    terms.set(index, (terms.get(index) ?? 0) - coefficient);
  }
  return { constant: left.constant - right.constant, terms };
}
