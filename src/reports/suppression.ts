/**
 * Cell suppression for the tables the public site publishes together. Statutory totals are
 * published exactly (the law requires them); every other cell and total of 1 to 10 is suppressed
 * (primary suppression), and further cells, and where needed totals that are not statutory, are
 * suppressed (complementary suppression) until no suppressed value can be recovered, or shown to
 * lie between 1 and 10, from everything published: the other cells, the totals, the other tables
 * and the statutory figures.
 *
 * The method. Each table is a two-way table of non-negative integer counts with, optionally, its
 * row totals, column totals and grand total, each named by a key; a key shared by several tables
 * is one number (the year's total of the by-month and the by-facility tables). Shared totals and
 * statutory totals are always published, so the tables are independent given them: what an
 * adversary can derive about a table's suppressed entries is what its own equations allow. A
 * shared total that is not statutory and is itself 1 to 10 cannot be published, so every table
 * that carries it is withheld whole.
 *
 * Within a table, the equations (each row adds up to its total, each column to its total, the
 * totals to the grand total) form a network: in the table bordered by its totals, with the
 * totals negated, every row and column adds up to zero, so each entry is an edge between its
 * row's equation and its column's equation (an equation the table does not publish is a free
 * node). The changes to the suppressed entries that keep every published equation true are the
 * circulations on the suppressed edges; an entry can rise as far as the other suppressed entries
 * can carry flow around to it, and fall as far as it can push flow the other way, with a cell
 * bounded below by 0 (or by a floor the publisher has made public) and above by nothing. So the
 * tightest interval an adversary can prove for an entry, by linear (even integer) programming
 * over the published equations, is found exactly by two maximum flows (Edmonds–Karp), and is
 * integral because the network's matrix is totally unimodular.
 *
 * An entry is protected when that interval is not a single value and is not contained in 1–10:
 * the adversary can neither recover it nor show that it is small. Suppression then runs as:
 *   1. Primary: every cell, and every total that is not statutory or shared, of 1 to 10.
 *   2. Complementary: for each suppressed entry, in table, row and column order, that is not
 *      protected, the cheapest set of published entries whose suppression lets the flow reach
 *      it is added: an augmenting path in the residual network of the current maximum flow,
 *      found by Dijkstra with a published cell costing 1 + its value and a published total
 *      costing a million more (totals only where no cells will do), repeated until the entry is
 *      protected. A small entry is first given room to rise to 11 or more (so that the
 *      suppressed entries around it never add up to a small number the adversary could read),
 *      and, when the table cannot give that (its total is itself small), room to fall to 0.
 *      Suppressing more only widens the intervals of the entries already protected.
 *   3. A table in which an entry cannot be protected even with all of its entries suppressed
 *      (a one-row table whose totals are statutory) is withheld whole.
 * Deterministic: the same tables give the same suppressions. The published tables say which
 * entries are suppressed, never why: a mark "small" would itself disclose.
 *
 * What the method assumes the adversary knows: every published table, total and floor, that the
 * counts are non-negative integers, and nothing else that ties cells of different tables (no
 * published table cross-classifies two of the dimensions). Tables of overlapping periods are
 * not published together through this module: differencing them is another attack.
 * @module
 */

/** Cells and totals from 1 to this are suppressed unless the law requires them. */
export const SMALL_MAX = 10;

export interface TableInput {
  readonly id: string;
  readonly rows: readonly string[];
  readonly columns: readonly string[];
  /** `cells[row][column]`: non-negative integers. */
  readonly cells: readonly (readonly number[])[];
  /**
   * Lower bounds on the cells that the publisher makes public (e.g. "a named row has at least 11
   * in its first column"), the same shape as `cells`; 0 where absent. Published with the table.
   */
  readonly floors?: readonly (readonly number[])[];
  /** The key of each row's total, when the table publishes row totals. */
  readonly rowTotals?: readonly string[];
  /** The key of each column's total, when the table publishes column totals. */
  readonly columnTotals?: readonly string[];
  /** The key of the grand total; needs row or column totals. */
  readonly grandTotal?: string;
}

export interface SuppressionInput {
  readonly tables: readonly TableInput[];
  /** Keys of the totals the law requires published exactly: never suppressed. */
  readonly statutory?: readonly string[];
}

/** What becomes of an entry: shown, or suppressed for one of three reasons (never published). */
export type Mark = 'published' | 'primary' | 'complementary' | 'withheld';

export interface TablePlan {
  readonly id: string;
  readonly withheld: boolean;
  readonly cells: readonly (readonly Mark[])[];
  readonly rowTotals?: readonly Mark[];
  readonly columnTotals?: readonly Mark[];
  readonly grandTotal?: Mark;
}

export interface PublishedTotal {
  readonly key: string;
  /** `null` when suppressed. */
  readonly value: number | null;
}

/** A table as published: suppressed entries are `null`, and nothing says why. */
export interface PublishedTable {
  readonly id: string;
  /** Withheld whole: no entry is published. */
  readonly withheld: boolean;
  readonly rows: readonly string[];
  readonly columns: readonly string[];
  readonly cells: readonly (readonly (number | null)[])[];
  readonly floors?: readonly (readonly number[])[];
  readonly rowTotals?: readonly PublishedTotal[];
  readonly columnTotals?: readonly PublishedTotal[];
  readonly grandTotal?: PublishedTotal;
}

/** The tightest interval an adversary can prove for a suppressed entry. */
export interface EntryInterval {
  readonly table: string;
  /** `cell`, or the total's key. */
  readonly entry: { readonly row: number; readonly column: number } | { readonly key: string };
  readonly value: number;
  readonly lower: number;
  /** `Infinity` when nothing bounds it. */
  readonly upper: number;
}

/** Protected: the interval is not one value and not within 1 to `SMALL_MAX`. */
export function isProtected(lower: number, upper: number): boolean {
  return lower < upper && (lower < 1 || upper > SMALL_MAX);
}

export function isSmall(value: number): boolean {
  return value >= 1 && value <= SMALL_MAX;
}

/** The suppressions for the tables published together. */
export function planSuppression(input: SuppressionInput): TablePlan[] {
  const fixedKeys = fixedTotals(input);
  const withheldKeys = new Set<string>();
  for (const [key, { value, statutory, shared }] of fixedKeys) {
    if (shared && !statutory && isSmall(value)) withheldKeys.add(key);
  }
  return input.tables.map((table) => {
    const keys = totalKeys(table);
    if (keys.some((key) => withheldKeys.has(key))) return withheldPlan(table);
    const network = new Network(table, (key) => fixedKeys.get(key)!);
    return network.protect() ? network.plan() : withheldPlan(table);
  });
}

/** The tables as published under `plans`. */
export function publishTables(
  input: SuppressionInput,
  plans: readonly TablePlan[],
): PublishedTable[] {
  return input.tables.map((table, index) => {
    const plan = plans[index]!;
    const show = (value: number, mark: Mark | undefined) => (mark === 'published' ? value : null);
    const totals = (keys: readonly string[] | undefined, marks: readonly Mark[] | undefined) =>
      keys?.map((key, i) => ({ key, value: show(totalValue(table, key), marks?.[i]) }));
    const rowTotals = totals(table.rowTotals, plan.rowTotals);
    const columnTotals = totals(table.columnTotals, plan.columnTotals);
    return {
      id: table.id,
      withheld: plan.withheld,
      rows: [...table.rows],
      columns: [...table.columns],
      cells: table.cells.map((row, i) => row.map((value, j) => show(value, plan.cells[i]![j]))),
      ...(table.floors === undefined ? {} : { floors: table.floors.map((row) => [...row]) }),
      ...(rowTotals === undefined ? {} : { rowTotals }),
      ...(columnTotals === undefined ? {} : { columnTotals }),
      ...(table.grandTotal === undefined
        ? {}
        : {
            grandTotal: {
              key: table.grandTotal,
              value: show(totalValue(table, table.grandTotal), plan.grandTotal),
            },
          }),
    };
  });
}

/** Primary and complementary suppression, then the tables as published. */
export function suppressTables(input: SuppressionInput): PublishedTable[] {
  return publishTables(input, planSuppression(input));
}

/**
 * The interval an adversary can prove for each suppressed entry of tables not withheld, by the
 * maximum flows the method uses: for audits and tests.
 */
export function auditSuppression(
  input: SuppressionInput,
  plans: readonly TablePlan[],
): EntryInterval[] {
  const fixedKeys = fixedTotals(input);
  return input.tables.flatMap((table, index) => {
    const plan = plans[index]!;
    if (plan.withheld) return [];
    const network = new Network(table, (key) => fixedKeys.get(key)!);
    network.adopt(plan);
    return network.intervals();
  });
}

/** Suppression with primary suppression only: the naive method, which the tests show leaks. */
export function primaryOnly(input: SuppressionInput): TablePlan[] {
  const fixedKeys = fixedTotals(input);
  return input.tables.map((table) => {
    const network = new Network(table, (key) => fixedKeys.get(key)!);
    return network.plan();
  });
}

// ---------------------------------------------------------------------------------------------
// Totals: their values, which are fixed (statutory or shared), and the checks on the input.

interface TotalFacts {
  readonly value: number;
  readonly statutory: boolean;
  readonly shared: boolean;
}

function totalKeys(table: TableInput): string[] {
  return [
    ...(table.rowTotals ?? []),
    ...(table.columnTotals ?? []),
    ...(table.grandTotal === undefined ? [] : [table.grandTotal]),
  ];
}

function totalValue(table: TableInput, key: string): number {
  const rowIndex = table.rowTotals?.indexOf(key) ?? -1;
  if (rowIndex >= 0) return sum(table.cells[rowIndex]!);
  const columnIndex = table.columnTotals?.indexOf(key) ?? -1;
  if (columnIndex >= 0) return sum(table.cells.map((row) => row[columnIndex]!));
  if (key === table.grandTotal) return sum(table.cells.map(sum));
  throw new Error(`table ${table.id} has no total ${key}`);
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function fixedTotals(input: SuppressionInput): Map<string, TotalFacts> {
  const statutory = new Set(input.statutory ?? []);
  const seen = new Map<string, { value: number; tables: string[] }>();
  const tableIds = new Set<string>();
  for (const table of input.tables) {
    check(table);
    if (tableIds.has(table.id)) throw new Error(`two tables are named ${table.id}`);
    tableIds.add(table.id);
    for (const key of totalKeys(table)) {
      const value = totalValue(table, key);
      const known = seen.get(key);
      if (known === undefined) {
        seen.set(key, { value, tables: [table.id] });
        continue;
      }
      if (known.value !== value) {
        throw new Error(
          `total ${key} is ${known.value} in ${known.tables[0]!} but ${value} in ${table.id}`,
        );
      }
      known.tables.push(table.id);
    }
  }
  return new Map(
    [...seen].map(([key, { value, tables }]) => [
      key,
      { value, statutory: statutory.has(key), shared: tables.length > 1 },
    ]),
  );
}

function check(table: TableInput) {
  const { rows, columns, cells, floors } = table;
  const fail = (message: string) => {
    throw new Error(`table ${table.id}: ${message}`);
  };
  if (cells.length !== rows.length) fail('one row of cells per row label');
  cells.forEach((row, i) => {
    if (row.length !== columns.length) fail(`row ${i} needs one cell per column`);
    row.forEach((value, j) => {
      if (!Number.isSafeInteger(value) || value < 0) fail(`cell ${i},${j} is not a count`);
      const floor = floors?.[i]?.[j] ?? 0;
      if (!Number.isSafeInteger(floor) || floor < 0 || floor > value) {
        fail(`cell ${i},${j}: its floor must be a count no larger than the cell`);
      }
    });
  });
  if (floors !== undefined && floors.length !== rows.length) fail('one row of floors per row');
  if (table.rowTotals !== undefined && table.rowTotals.length !== rows.length) {
    fail('one row total per row');
  }
  if (table.columnTotals !== undefined && table.columnTotals.length !== columns.length) {
    fail('one column total per column');
  }
  if (
    table.grandTotal !== undefined &&
    table.rowTotals === undefined &&
    table.columnTotals === undefined
  ) {
    fail('a grand total needs row or column totals');
  }
  const keys = totalKeys(table);
  if (new Set(keys).size !== keys.length) fail('a total key appears twice');
}

function withheldPlan(table: TableInput): TablePlan {
  const all = (length: number): Mark[] => Array.from({ length }, () => 'withheld');
  return {
    id: table.id,
    withheld: true,
    cells: table.cells.map((row) => all(row.length)),
    ...(table.rowTotals === undefined ? {} : { rowTotals: all(table.rowTotals.length) }),
    ...(table.columnTotals === undefined ? {} : { columnTotals: all(table.columnTotals.length) }),
    ...(table.grandTotal === undefined ? {} : { grandTotal: 'withheld' as const }),
  };
}

// ---------------------------------------------------------------------------------------------
// One table as a network.

const TOTAL_COST = 1_000_000;

interface Entry {
  /** A cell's place, or a total's key. */
  readonly row: number;
  readonly column: number;
  readonly key?: string;
  readonly value: number;
  readonly floor: number;
  /** Published whatever happens: a statutory or shared total. */
  readonly fixed: boolean;
  /** The arc along which the entry rises runs `up[0]` → `up[1]`; it falls the other way. */
  readonly up: readonly [number, number];
  readonly cost: number;
  mark: Mark;
}

interface Arc {
  readonly from: number;
  readonly to: number;
  readonly cap: number;
  readonly entry: number;
}

class Network {
  readonly #table: TableInput;
  readonly #entries: Entry[] = [];
  readonly #nodes: number;

  constructor(table: TableInput, facts: (key: string) => TotalFacts) {
    this.#table = table;
    const m = table.rows.length;
    const n = table.columns.length;
    const hasRows = table.rowTotals !== undefined;
    const hasColumns = table.columnTotals !== undefined;
    const hasGrand = table.grandTotal !== undefined;
    // Nodes: row equations 0..m (m: the column totals' row), column equations m+1..m+1+n
    // (the last: the row totals' column), and one free node for every equation not published.
    const free = m + n + 2;
    this.#nodes = m + n + 3;
    const rowNode = (i: number) => {
      if (i < m) return hasRows ? i : free;
      return hasColumns && hasGrand ? m : free;
    };
    const columnNode = (j: number) => {
      if (j < n) return hasColumns ? m + 1 + j : free;
      return hasRows && hasGrand ? m + 1 + n : free;
    };
    // In the bordered table the totals are negated: a total rises along its column→row arc.
    const add = (row: number, column: number, value: number, sign: 1 | -1, key?: string) => {
      const a = rowNode(row);
      const b = columnNode(column);
      const totalFacts = key === undefined ? undefined : facts(key);
      const fixed = totalFacts !== undefined && (totalFacts.statutory || totalFacts.shared);
      this.#entries.push({
        row,
        column,
        ...(key === undefined ? {} : { key }),
        value,
        floor: key === undefined ? (table.floors?.[row]?.[column] ?? 0) : 0,
        fixed,
        up: sign === 1 ? [a, b] : [b, a],
        cost: (key === undefined ? 1 : TOTAL_COST) + value,
        mark: !fixed && isSmall(value) ? 'primary' : 'published',
      });
    };
    table.cells.forEach((cells, i) => {
      cells.forEach((value, j) => {
        add(i, j, value, 1);
      });
    });
    table.rowTotals?.forEach((key, i) => {
      add(i, n, sum(table.cells[i]!), -1, key);
    });
    table.columnTotals?.forEach((key, j) => {
      add(m, j, sum(table.cells.map((row) => row[j]!)), -1, key);
    });
    if (table.grandTotal !== undefined) {
      add(m, n, sum(table.cells.map(sum)), 1, table.grandTotal);
    }
  }

  /** Take the marks of an existing plan (for auditing it). */
  adopt(plan: TablePlan) {
    for (const entry of this.#entries) entry.mark = this.#markIn(plan, entry);
  }

  #markIn(plan: TablePlan, entry: Entry): Mark {
    const m = this.#table.rows.length;
    const n = this.#table.columns.length;
    if (entry.key === undefined) return plan.cells[entry.row]![entry.column]!;
    if (entry.key === this.#table.grandTotal) return plan.grandTotal!;
    if (entry.column === n) return plan.rowTotals![entry.row]!;
    if (entry.row === m) return plan.columnTotals![entry.column]!;
    throw new Error('unreachable');
  }

  plan(): TablePlan {
    const m = this.#table.rows.length;
    const n = this.#table.columns.length;
    const cells = this.#table.cells.map((row) => row.map((): Mark => 'published'));
    const rowTotals = this.#table.rowTotals?.map((): Mark => 'published');
    const columnTotals = this.#table.columnTotals?.map((): Mark => 'published');
    let grandTotal: Mark | undefined;
    for (const entry of this.#entries) {
      if (entry.key === undefined) cells[entry.row]![entry.column] = entry.mark;
      else if (entry.key === this.#table.grandTotal) grandTotal = entry.mark;
      else if (entry.column === n) rowTotals![entry.row] = entry.mark;
      else if (entry.row === m) columnTotals![entry.column] = entry.mark;
    }
    return {
      id: this.#table.id,
      withheld: false,
      cells,
      ...(rowTotals === undefined ? {} : { rowTotals }),
      ...(columnTotals === undefined ? {} : { columnTotals }),
      ...(grandTotal === undefined ? {} : { grandTotal }),
    };
  }

  intervals(): EntryInterval[] {
    return this.#entries.flatMap((entry, index) => {
      if (entry.mark === 'published') return [];
      const { lower, upper } = this.#interval(index);
      return [
        {
          table: this.#table.id,
          entry:
            entry.key === undefined ? { row: entry.row, column: entry.column } : { key: entry.key },
          value: entry.value,
          lower,
          upper,
        },
      ];
    });
  }

  /** Complementary suppression until every suppressed entry is protected; false if it cannot. */
  protect(): boolean {
    const queue = this.#entries.flatMap((entry, index) =>
      entry.mark === 'primary' ? [index] : [],
    );
    const queued = new Set(queue);
    for (let cursor = 0; cursor < queue.length; cursor++) {
      const index = queue[cursor]!;
      if (!this.#protectEntry(index)) return false;
      this.#entries.forEach((entry, other) => {
        if (entry.mark !== 'published' && !queued.has(other)) {
          queued.add(other);
          queue.push(other);
        }
      });
    }
    return true;
  }

  #protectEntry(index: number): boolean {
    if (this.#isProtected(index)) return true;
    for (const [direction, need] of this.#targets(index)) {
      if (this.#room(index, direction, need, true) < need) continue;
      while (this.#room(index, direction, need, false) < need) this.#augment(index, direction);
      if (!this.#isProtected(index)) throw new Error('suppression: a target left an entry open');
      return true;
    }
    return false;
  }

  #isProtected(index: number): boolean {
    const { lower, upper } = this.#interval(index);
    return isProtected(lower, upper);
  }

  /**
   * What protects the entry, best first: a small entry, room to rise to 11 or more (so that the
   * suppressed entries around it never add up to a small number), else room to fall to 0; any
   * other entry, room to move at all.
   */
  #targets(index: number): [direction: 'up' | 'down', need: number][] {
    const { value, floor } = this.#entries[index]!;
    const targets: [direction: 'up' | 'down', need: number][] = [];
    if (isSmall(value)) {
      targets.push(['up', SMALL_MAX + 1 - value]);
      if (floor === 0) targets.push(['down', value]);
    } else {
      targets.push(['up', 1]);
      if (value - floor >= 1) targets.push(['down', 1]);
    }
    return targets;
  }

  /** The interval an adversary can prove for the entry, given the entries now suppressed. */
  #interval(index: number): { lower: number; upper: number } {
    const entry = this.#entries[index]!;
    const [a, b] = entry.up;
    if (a === b) return { lower: entry.floor, upper: Infinity };
    const rise = this.#room(index, 'up', Infinity, false);
    const fall = this.#room(index, 'down', entry.value - entry.floor, false);
    return { lower: entry.value - fall, upper: entry.value + rise };
  }

  /** How far (up to `need`) the entry can move in `direction`; with `all`, were all suppressed. */
  #room(index: number, direction: 'up' | 'down', need: number, all: boolean): number {
    const [source, sink] = this.#ends(index, direction);
    return new Flow(this.#nodes, this.#arcs(index, all)).max(source, sink, need).value;
  }

  #ends(index: number, direction: 'up' | 'down'): [source: number, sink: number] {
    const [a, b] = this.#entries[index]!.up;
    // To rise, the entry's arc a→b must be closed by flow from b back to a; to fall, the reverse.
    return direction === 'up' ? [b, a] : [a, b];
  }

  /** Suppress the cheapest published entries that open one more augmenting path. */
  #augment(index: number, direction: 'up' | 'down') {
    const [source, sink] = this.#ends(index, direction);
    const flow = new Flow(this.#nodes, this.#arcs(index, false));
    flow.max(source, sink, Infinity);
    const candidates = this.#arcs(index, true).filter(
      (arc) => this.#entries[arc.entry]!.mark === 'published',
    );
    const path = flow.cheapestPath(
      source,
      sink,
      candidates,
      (arc) => this.#entries[arc.entry]!.cost,
    );
    if (path === undefined || path.length === 0) {
      throw new Error('suppression: no augmenting path where the table has room');
    }
    for (const arc of path) this.#entries[arc.entry]!.mark = 'complementary';
  }

  /** The arcs of the suppressed entries other than `except`; with `all`, of every free entry. */
  #arcs(except: number, all: boolean): Arc[] {
    const arcs: Arc[] = [];
    this.#entries.forEach((entry, index) => {
      if (index === except || entry.fixed) return;
      if (!all && entry.mark === 'published') return;
      const [a, b] = entry.up;
      if (a === b) return;
      arcs.push({ from: a, to: b, cap: Infinity, entry: index });
      const room = entry.value - entry.floor;
      if (room > 0) arcs.push({ from: b, to: a, cap: room, entry: index });
    });
    return arcs;
  }
}

// ---------------------------------------------------------------------------------------------
// Maximum flow (Edmonds–Karp) and the cheapest augmenting path through new arcs (Dijkstra).

class Flow {
  readonly #nodes: number;
  readonly #arcs: readonly Arc[];
  readonly #flow: number[];
  readonly #out: number[][];

  constructor(nodes: number, arcs: readonly Arc[]) {
    this.#nodes = nodes;
    this.#arcs = arcs;
    this.#flow = arcs.map(() => 0);
    this.#out = Array.from({ length: nodes }, () => []);
    arcs.forEach((arc, index) => {
      this.#out[arc.from]!.push(index);
      this.#out[arc.to]!.push(index);
    });
  }

  /** Residual moves from `node`: along an arc with room, or back along one carrying flow. */
  *#residual(node: number): Generator<{ arc: number; to: number; room: number }> {
    for (const index of this.#out[node]!) {
      const arc = this.#arcs[index]!;
      const flow = this.#flow[index]!;
      if (arc.from === node && arc.cap - flow > 0) {
        yield { arc: index, to: arc.to, room: arc.cap - flow };
      } else if (arc.to === node && flow > 0) {
        yield { arc: index, to: arc.from, room: flow };
      }
    }
  }

  /** Push up to `limit` from `source` to `sink`. */
  max(source: number, sink: number, limit: number): { value: number } {
    let value = 0;
    while (value < limit) {
      const previous = new Map<number, { arc: number; from: number; room: number }>();
      const queue = [source];
      const seen = new Set([source]);
      for (let head = 0; head < queue.length && !seen.has(sink); head++) {
        const node = queue[head]!;
        for (const move of this.#residual(node)) {
          if (seen.has(move.to)) continue;
          seen.add(move.to);
          previous.set(move.to, { arc: move.arc, from: node, room: move.room });
          queue.push(move.to);
        }
      }
      if (!seen.has(sink)) break;
      let push = limit - value;
      for (let node = sink; node !== source; node = previous.get(node)!.from) {
        push = Math.min(push, previous.get(node)!.room);
      }
      for (let node = sink; node !== source;) {
        const step = previous.get(node)!;
        const arc = this.#arcs[step.arc]!;
        this.#flow[step.arc] = this.#flow[step.arc]! + (arc.from === step.from ? push : -push);
        node = step.from;
      }
      value += push;
    }
    return { value };
  }

  /**
   * The cheapest path from `source` to `sink` in the residual network (free) and `candidates`
   * (at their cost); the candidate arcs it uses, or undefined when there is none.
   */
  cheapestPath(
    source: number,
    sink: number,
    candidates: readonly Arc[],
    cost: (arc: Arc) => number,
  ): Arc[] | undefined {
    const distance: number[] = Array.from({ length: this.#nodes }, () => Infinity);
    const previous: ({ from: number; candidate?: Arc } | undefined)[] = [];
    const done: boolean[] = [];
    distance[source] = 0;
    for (;;) {
      let node = -1;
      for (let i = 0; i < this.#nodes; i++) {
        if (!done[i] && distance[i]! < Infinity && (node < 0 || distance[i]! < distance[node]!)) {
          node = i;
        }
      }
      if (node < 0 || node === sink) break;
      done[node] = true;
      const relax = (to: number, length: number, candidate?: Arc) => {
        const next = distance[node]! + length;
        if (next < distance[to]!) {
          distance[to] = next;
          previous[to] = { from: node, ...(candidate === undefined ? {} : { candidate }) };
        }
      };
      for (const move of this.#residual(node)) relax(move.to, 0);
      for (const arc of candidates) if (arc.from === node) relax(arc.to, cost(arc), arc);
    }
    if (distance[sink] === Infinity) return undefined;
    const path: Arc[] = [];
    for (let node = sink; node !== source; node = previous[node]!.from) {
      const candidate = previous[node]!.candidate;
      if (candidate !== undefined) path.push(candidate);
    }
    return path;
  }
}
