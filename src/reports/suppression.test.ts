/**
 * The privacy rule attacked: an adversary who reads every published table, total, floor and
 * statutory figure and solves linear programs over them (src/testing/suppression-attack.ts)
 * recovers cells that primary suppression alone leaves open, and recovers nothing, nor shows
 * any suppressed value to be from 1 to 10, from the tables suppression.ts publishes: on worked
 * examples, on the demo's shapes, and on many random sets of linked tables.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import fc from 'fast-check';
import { loadAttacker, type AttackInterval, type Attacker } from '../testing/suppression-attack.js';
import {
  auditSuppression,
  planSuppression,
  primaryOnly,
  publishTables,
  suppressTables,
  type PublishedTable,
  type SuppressionInput,
  type TableInput,
} from './suppression.js';

let attacker: Attacker;
before(async () => {
  attacker = await loadAttacker();
});

/** The adversary's verdict, written apart from the module's own: recovered, or shown small. */
function disclosed(interval: AttackInterval): boolean {
  return interval.lower === interval.upper || (interval.lower >= 1 && interval.upper <= 10);
}

function statutoryValues(input: SuppressionInput): Record<string, number> {
  const values: Record<string, number> = {};
  for (const table of input.tables) {
    table.columnTotals?.forEach((key, j) => {
      if (input.statutory?.includes(key)) {
        values[key] = table.cells.reduce((sum, row) => sum + row[j]!, 0);
      }
    });
    table.rowTotals?.forEach((key, i) => {
      if (input.statutory?.includes(key)) {
        values[key] = table.cells[i]!.reduce((sum, value) => sum + value, 0);
      }
    });
  }
  return values;
}

function attack(input: SuppressionInput, tables: readonly PublishedTable[], integer = false) {
  return attacker.attack(tables, statutoryValues(input), { integer });
}

function where(interval: { table: string; entry: object }): string {
  return `${interval.table} ${JSON.stringify(interval.entry)}`;
}

/** Everything the rule promises of the published tables, checked against the true ones. */
function assertSafe(input: SuppressionInput, integer = false) {
  const plans = planSuppression(input);
  const published = publishTables(input, plans);
  const statutory = new Set(input.statutory ?? []);
  const shared = sharedKeys(input);
  input.tables.forEach((table, t) => {
    const shown = published[t]!;
    if (shown.withheld) {
      assert.ok(
        shown.cells.flat().every((value) => value === null),
        `${table.id} withheld`,
      );
      return;
    }
    table.cells.forEach((row, i) => {
      row.forEach((value, j) => {
        const cell = shown.cells[i]![j];
        if (cell !== null) assert.equal(cell, value, `${table.id} ${i},${j} shown as it is`);
        if (value >= 1 && value <= 10) {
          assert.equal(cell, null, `${table.id} ${i},${j} = ${value} is suppressed`);
        }
      });
    });
    for (const total of [
      ...(shown.rowTotals ?? []),
      ...(shown.columnTotals ?? []),
      ...(shown.grandTotal === undefined ? [] : [shown.grandTotal]),
    ]) {
      if (statutory.has(total.key) || shared.has(total.key)) {
        assert.notEqual(total.value, null, `${table.id}: total ${total.key} is published`);
      }
    }
  });
  const intervals = attack(input, published, integer);
  for (const interval of intervals) {
    assert.ok(
      !disclosed(interval),
      `${where(interval)}: the adversary proves ${interval.lower}..${interval.upper}`,
    );
  }
  // The module's own audit (maximum flows) finds exactly the adversary's intervals.
  const audit = new Map(auditSuppression(input, plans).map((entry) => [where(entry), entry]));
  assert.equal(audit.size, intervals.length, 'one interval per suppressed entry');
  for (const interval of intervals) {
    const own = audit.get(where(interval));
    assert.ok(own, `${where(interval)} audited`);
    assert.equal(own.lower, interval.lower, `${where(interval)} lower`);
    assert.equal(own.upper, interval.upper, `${where(interval)} upper`);
    assert.ok(own.lower <= own.value && own.value <= own.upper);
  }
  return { plans, published, intervals };
}

function sharedKeys(input: SuppressionInput): Set<string> {
  const count = new Map<string, number>();
  for (const table of input.tables) {
    for (const key of [
      ...(table.rowTotals ?? []),
      ...(table.columnTotals ?? []),
      ...(table.grandTotal === undefined ? [] : [table.grandTotal]),
    ]) {
      count.set(key, (count.get(key) ?? 0) + 1);
    }
  }
  return new Set([...count].filter(([, n]) => n > 1).map(([key]) => key));
}

const FIGURES = ['received', 'held', 'transferred', 'not-honored'];

/** A breakdown table: rows × the four figures, columns adding up to the statutory figures. */
function figureTable(id: string, rows: readonly string[], cells: number[][]): TableInput {
  return { id, rows, columns: FIGURES, cells, columnTotals: FIGURES };
}

// ---------------------------------------------------------------------------------------------

describe('the adversary', () => {
  test('recovers cells that primary suppression alone leaves open', () => {
    // A single small cell in a column whose total is published is the total less the others.
    const input: SuppressionInput = {
      statutory: FIGURES,
      tables: [
        figureTable(
          'month',
          ['Jan', 'Feb', 'Mar'],
          [
            [40, 3, 0, 20],
            [35, 0, 0, 18],
            [50, 0, 4, 7],
          ],
        ),
      ],
    };
    const naive = publishTables(input, primaryOnly(input));
    assert.deepEqual(
      naive[0]!.cells.map((row) => row.map((value) => value ?? '·')),
      [
        [40, '·', 0, 20],
        [35, 0, 0, 18],
        [50, 0, '·', '·'],
      ],
    );
    const intervals = attack(input, naive);
    assert.deepEqual(
      intervals.map((interval) => [where(interval), interval.lower, interval.upper]),
      [
        ['month {"row":0,"column":1}', 3, 3],
        ['month {"row":2,"column":2}', 4, 4],
        ['month {"row":2,"column":3}', 7, 7],
      ],
    );
  });

  test('recovers a cell through a second table that shares a total', () => {
    // By facility alone the held column is safe; the by-month table publishes all of it but one.
    const input: SuppressionInput = {
      tables: [
        {
          ...figureTable(
            'month',
            ['Jan', 'Feb'],
            [
              [30, 12],
              [25, 2],
            ],
          ),
        },
        {
          ...figureTable(
            'facility',
            ['A', 'B', 'C'],
            [
              [20, 5],
              [20, 5],
              [15, 4],
            ],
          ),
        },
      ].map((table) => ({
        ...table,
        columns: FIGURES.slice(0, 2),
        columnTotals: FIGURES.slice(0, 2),
      })),
    };
    const naive = publishTables(input, primaryOnly(input));
    const recovered = attack(input, naive).filter(disclosed);
    assert.ok(recovered.some((interval) => interval.table === 'month'));
  });

  test('in a two-way table with every margin, finds the cell a lone suppression leaves', () => {
    const input: SuppressionInput = {
      tables: [
        {
          id: 't',
          rows: ['a', 'b', 'c'],
          columns: ['x', 'y', 'z'],
          cells: [
            [40, 7, 12],
            [30, 25, 3],
            [17, 14, 25],
          ],
          rowTotals: ['ra', 'rb', 'rc'],
          columnTotals: ['cx', 'cy', 'cz'],
          grandTotal: 'g',
        },
      ],
    };
    const naive = attack(input, publishTables(input, primaryOnly(input)));
    assert.ok(naive.length === 2 && naive.every(disclosed));
    const { intervals } = assertSafe(input);
    assert.ok(intervals.length >= 4, 'a rectangle at least');
  });
});

describe('suppressTables', () => {
  test('protects every cell of the worked examples, as the adversary confirms', () => {
    assertSafe({
      statutory: FIGURES,
      tables: [
        figureTable(
          'month',
          ['Jan', 'Feb', 'Mar'],
          [
            [40, 3, 0, 20],
            [35, 0, 0, 18],
            [50, 0, 4, 7],
          ],
        ),
        figureTable(
          'facility',
          ['A', 'B', 'C', 'D'],
          [
            [60, 1, 2, 20],
            [30, 0, 0, 10],
            [30, 2, 2, 15],
            [5, 0, 0, 0],
          ],
        ),
      ],
    });
  });

  test('never suppresses a statutory total, even a small one; the cells under it are safe', () => {
    const input: SuppressionInput = {
      statutory: FIGURES,
      tables: [
        figureTable(
          'month',
          ['Jan', 'Feb', 'Mar', 'Apr'],
          [
            [120, 0, 0, 100],
            [130, 2, 0, 110],
            [127, 0, 0, 96],
            [140, 0, 0, 120],
          ],
        ),
      ],
    };
    const { published } = assertSafe(input);
    assert.deepEqual(
      published[0]!.columnTotals!.map((total) => total.value),
      [517, 2, 0, 426],
    );
    // The held column's 2 is blank, and so is another month's held (a 0) with it.
    assert.equal(published[0]!.cells.filter((row) => row[1] === null).length, 2);
  });

  test('gives a small cell room to rise past 10 where the column allows it', () => {
    const input: SuppressionInput = {
      statutory: ['n'],
      tables: [
        {
          id: 't',
          rows: ['a', 'b', 'c', 'd'],
          columns: ['n'],
          cells: [[3], [0], [0], [40]],
          columnTotals: ['n'],
        },
      ],
    };
    const { intervals } = assertSafe(input);
    const small = intervals.find((interval) => where(interval) === 't {"row":0,"column":0}')!;
    assert.ok(small.upper >= 11, 'the 3 could be 11 or more');
  });

  test('suppresses a total that is neither statutory nor shared when it is small', () => {
    const input: SuppressionInput = {
      tables: [
        {
          id: 't',
          rows: ['a', 'b'],
          columns: ['x', 'y'],
          cells: [
            [30, 4],
            [25, 3],
          ],
          columnTotals: ['cx', 'cy'],
          rowTotals: ['ra', 'rb'],
          grandTotal: 'g',
        },
      ],
    };
    const { published } = assertSafe(input);
    assert.equal(published[0]!.columnTotals![1]!.value, null, 'the 7 is suppressed');
  });

  test('withholds a one-row table whose small total is statutory', () => {
    const input: SuppressionInput = {
      statutory: FIGURES,
      tables: [figureTable('month', ['Mar'], [[40, 3, 0, 20]])],
    };
    const { published } = assertSafe(input);
    assert.equal(published[0]!.withheld, true);
    assert.ok(published[0]!.columnTotals!.every((total) => total.value === null));
  });

  test('withholds the tables of a shared total that is small and not statutory', () => {
    const input: SuppressionInput = {
      tables: [
        figureTable(
          'month',
          ['Jan', 'Feb'],
          [
            [30, 0, 0, 12],
            [25, 2, 0, 13],
          ],
        ),
        figureTable(
          'facility',
          ['A', 'B'],
          [
            [50, 1, 0, 20],
            [5, 1, 0, 5],
          ],
        ),
      ],
    };
    const { published } = assertSafe(input);
    assert.deepEqual(
      published.map((table) => table.withheld),
      [true, true],
    );
  });

  test('respects published floors: a row shown for having 11 or more is not taken as 0', () => {
    const input: SuppressionInput = {
      statutory: ['n', 'm'],
      tables: [
        {
          id: 't',
          rows: ['Named', 'Other', 'Not recorded'],
          columns: ['n', 'm'],
          cells: [
            [12, 3],
            [4, 0],
            [30, 40],
          ],
          floors: [
            [11, 0],
            [0, 0],
            [0, 0],
          ],
          columnTotals: ['n', 'm'],
        },
      ],
    };
    const { published, intervals } = assertSafe(input);
    assert.deepEqual(published[0]!.floors, input.tables[0]!.floors);
    for (const interval of intervals.filter((entry) => where(entry) === 't {"row":0,"column":0}')) {
      assert.ok(interval.lower >= 11);
    }
  });

  test('is deterministic and checks its input', () => {
    const input: SuppressionInput = {
      statutory: FIGURES,
      tables: [
        figureTable(
          'm',
          ['a', 'b', 'c'],
          [
            [1, 2, 3, 4],
            [20, 0, 5, 0],
            [3, 30, 0, 12],
          ],
        ),
      ],
    };
    assert.deepEqual(planSuppression(input), planSuppression(structuredClone(input)));
    assert.throws(
      () =>
        suppressTables({
          tables: [
            figureTable('a', ['x'], [[1, 2, 3, 4]]),
            figureTable('b', ['x'], [[1, 2, 3, 5]]),
          ],
        }),
      /not-honored is 4 in a but 5 in b/,
    );
    assert.throws(
      () => suppressTables({ tables: [figureTable('a', ['x'], [[1, 2, -3, 4]])] }),
      /not a count/,
    );
  });
});

// ---------------------------------------------------------------------------------------------
// The demo's shapes: 12 months × 4 figures; ~7 facilities; nationality with many small cells.

/** A small deterministic generator, so the shapes are the same on every run. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Spread `total` over `rows` rows with the given weights. */
function spread(total: number, weights: readonly number[], next: () => number): number[] {
  const cells = weights.map(() => 0);
  const sum = weights.reduce((a, b) => a + b, 0);
  for (let k = 0; k < total; k++) {
    let pick = next() * sum;
    let row = 0;
    while (pick >= weights[row]! && row < weights.length - 1) pick -= weights[row++]!;
    cells[row]! += 1;
  }
  return cells;
}

function demoTables(totals: readonly number[], seed: number): SuppressionInput {
  const next = random(seed);
  const months = Array.from({ length: 12 }, (_, i) => `2017-${String(i + 1).padStart(2, '0')}`);
  const facilities = ['AMKC', 'GRVC', 'OBCC', 'RNDC', 'EMTC', 'VCBC', 'MDC'];
  const nationalities = Array.from({ length: 24 }, (_, i) => `Country ${i + 1}`);
  const byFigure = (rows: number, weights: readonly number[]) =>
    totals.map((total) => spread(total, weights.slice(0, rows), next));
  const transpose = (columns: number[][]) =>
    columns[0]!.map((_, i) => columns.map((column) => column[i]!));
  const nationalityWeights = nationalities.map((_, i) => 1 / (i + 1) ** 1.3);
  return {
    statutory: FIGURES,
    tables: [
      figureTable(
        'month',
        months,
        transpose(
          byFigure(
            12,
            months.map(() => 1),
          ),
        ),
      ),
      figureTable('facility', facilities, transpose(byFigure(7, [24, 18, 14, 12, 10, 6, 3]))),
      figureTable(
        'charge',
        ['Felony', 'Misdemeanour', 'Violation', 'Not recorded'],
        transpose(byFigure(4, [5, 8, 1, 2])),
      ),
      figureTable('nationality', nationalities, transpose(byFigure(24, nationalityWeights))),
    ],
  };
}

describe('the demo’s shapes', () => {
  const shapes: [string, number[]][] = [
    ['NYPD 2017: 1,526 received, none honoured', [1526, 0, 0, 1526]],
    ['NYPD 2016: 80 received, 2 honoured', [80, 2, 2, 78]],
    ['DOC FY2017: 536 received, none held, 20 transferred', [536, 0, 20, 516]],
    ['Probation: a handful', [9, 1, 1, 8]],
  ];
  for (const [name, totals] of shapes) {
    test(`${name}: nothing recovered, even by integer programming`, () => {
      for (const seed of [1, 2, 3]) {
        const input = demoTables(totals, seed);
        const { published } = assertSafe(input, true);
        // The large figures still tell their story: most of their months are shown.
        if (totals[0]! > 500) {
          const shown = published[0]!.cells.filter((row) => row[0] !== null).length;
          assert.ok(shown >= 10, `${shown} of 12 months of received shown`);
        }
      }
    });
  }

  test('the naive suppression of the same shapes leaks', () => {
    const input = demoTables([80, 2, 2, 78], 1);
    const leaks = attack(input, publishTables(input, primaryOnly(input))).filter(disclosed);
    assert.ok(leaks.length > 0);
  });
});

// ---------------------------------------------------------------------------------------------
// Random linked tables.

const count = fc.oneof(
  { arbitrary: fc.constant(0), weight: 3 },
  { arbitrary: fc.integer({ min: 1, max: 10 }), weight: 4 },
  { arbitrary: fc.integer({ min: 11, max: 80 }), weight: 3 },
);

/** One to three tables over the same columns, their column totals shared (and maybe statutory). */
const linkedTables: fc.Arbitrary<SuppressionInput> = fc
  .record({
    columns: fc.integer({ min: 1, max: 4 }),
    tables: fc.array(
      fc.record({
        rows: fc.integer({ min: 1, max: 7 }),
        rowTotals: fc.boolean(),
        grandTotal: fc.boolean(),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    statutory: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
    firstTable: fc.array(fc.array(count, { minLength: 4, maxLength: 4 }), {
      minLength: 7,
      maxLength: 7,
    }),
    skew: fc.array(fc.array(fc.nat({ max: 1000 }), { minLength: 7, maxLength: 7 }), {
      minLength: 3,
      maxLength: 3,
    }),
  })
  .map(({ columns, tables, statutory, firstTable, skew }) => {
    const keys = Array.from({ length: columns }, (_, j) => `c${j}`);
    const first = firstTable.slice(0, tables[0]!.rows).map((row) => row.slice(0, columns));
    const totals = keys.map((_, j) => first.reduce((sum, row) => sum + row[j]!, 0));
    return {
      statutory: keys.filter((_, j) => statutory[j]),
      tables: tables.map((shape, t): TableInput => {
        // The first table as drawn; the others spread the same column totals by their weights.
        const cells =
          t === 0
            ? first
            : (() => {
                const weights = skew[t]!.slice(0, shape.rows).map((w) => (w % 50) ** 2 + 1);
                const next = random(weights.reduce((a, b) => a * 31 + b, 7));
                const byColumn = totals.map((total) => spread(total, weights, next));
                return weights.map((_, i) => byColumn.map((column) => column[i]!));
              })();
        return {
          id: `t${t}`,
          rows: cells.map((_, i) => `r${i}`),
          columns: keys,
          cells,
          columnTotals: keys,
          ...(shape.rowTotals ? { rowTotals: cells.map((_, i) => `t${t}r${i}`) } : {}),
          ...(shape.grandTotal ? { grandTotal: `t${t}g` } : {}),
        };
      }),
    };
  });

/** A single two-way table with every margin, none of them statutory. */
const twoWayTable: fc.Arbitrary<SuppressionInput> = fc
  .record({
    rows: fc.integer({ min: 2, max: 6 }),
    columns: fc.integer({ min: 2, max: 6 }),
    cells: fc.array(fc.array(count, { minLength: 6, maxLength: 6 }), {
      minLength: 6,
      maxLength: 6,
    }),
  })
  .map(({ rows, columns, cells }) => {
    const table = cells.slice(0, rows).map((row) => row.slice(0, columns));
    return {
      tables: [
        {
          id: 'two-way',
          rows: table.map((_, i) => `r${i}`),
          columns: table[0]!.map((_, j) => `c${j}`),
          cells: table,
          rowTotals: table.map((_, i) => `r${i}`),
          columnTotals: table[0]!.map((_, j) => `c${j}`),
          grandTotal: 'all',
        },
      ],
    };
  });

describe('random tables', () => {
  test('linked tables: every small cell suppressed, nothing recovered or shown small', () => {
    let tables = 0;
    let withheld = 0;
    fc.assert(
      fc.property(linkedTables, (input) => {
        const { published } = assertSafe(input);
        tables += published.length;
        withheld += published.filter((table) => table.withheld).length;
      }),
      { numRuns: 150, seed: 12 },
    );
    // Withholding is the exception (one-row tables, small shared totals), not the method.
    assert.ok(withheld < tables / 4, `${withheld} of ${tables} tables withheld`);
  });

  test('two-way tables with every margin: the same', () => {
    fc.assert(
      fc.property(twoWayTable, (input) => {
        assertSafe(input);
      }),
      { numRuns: 150, seed: 1212 },
    );
  });

  test('the same random tables leak under primary suppression alone', () => {
    let leaking = 0;
    const inputs = [
      ...fc.sample(linkedTables, { numRuns: 60, seed: 12 }),
      ...fc.sample(twoWayTable, { numRuns: 60, seed: 1212 }),
    ];
    for (const input of inputs) {
      const naive = publishTables(input, primaryOnly(input));
      if (attack(input, naive).some(disclosed)) leaking += 1;
    }
    assert.ok(leaking >= inputs.length / 3, `${leaking} of ${inputs.length} leak`);
  });
});
