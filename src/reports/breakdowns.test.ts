/**
 * The public breakdowns: each figure counted as the period's report counts it and placed by
 * month, facility, charge category and nationality; only suppressed tables leave the module,
 * the adversary recovers nothing from them with the statutory figures beside them, and no case
 * or person identifier, nor a free-text value shared by few, is in them.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { DateTime } from 'luxon';
import { reportLawFor } from '../law/report-laws.js';
import { SUBJECT } from '../law/nyc/report-subject.js';
import { loadAttacker, type Attacker } from '../testing/suppression-attack.js';
import {
  buildBreakdowns,
  chargeCategory,
  countBreakdowns,
  monthsOf,
  NAMED_ROW_MIN,
  NOT_RECORDED,
  type BreakdownInput,
} from './breakdowns.js';
import { buildReport } from './build-report.js';
import type { ReportCase, ReportCharge } from './report-case.js';
import type { ReportLaw } from './report-law.js';
import { reportPeriod } from './report-periods.js';

const TODAY = '2026-12-01';
const NYPD = reportLawFor('nyc-nypd')!;
const DOC = reportLawFor('nyc-doc')!;
const NO_FACTS = Object.fromEntries(Object.values(SUBJECT).map((name) => [name, false]));

let attacker: Attacker;
before(async () => {
  attacker = await loadAttacker();
});

/** `time` on `date` in New York, in UTC. */
function ny(date: string, time = '12:00'): string {
  return DateTime.fromISO(`${date}T${time}`, { zone: 'America/New_York' }).toUTC().toISO()!;
}

function reportCase(
  id: string,
  receivedAt: string,
  more: Partial<Omit<ReportCase, 'id' | 'receivedAt'>> = {},
): ReportCase {
  return {
    id,
    personId: `PERSON${id}`,
    jurisdiction: 'nyc-nypd',
    receivedAt,
    reasons: [],
    events: [],
    informationRequests: [],
    subject: NO_FACTS,
    ...more,
  };
}

function input(law: ReportLaw, from: string, to: string, cases: ReportCase[]): BreakdownInput {
  return { law, period: reportPeriod(law, from, to, TODAY), cases };
}

/** A deterministic generator. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

function pick<T>(next: () => number, weighted: readonly [T, number][]): T {
  const total = weighted.reduce((sum, [, weight]) => sum + weight, 0);
  let at = next() * total;
  for (const [value, weight] of weighted) {
    if (at < weight) return value;
    at -= weight;
  }
  return weighted.at(-1)![0];
}

const FACILITIES: [string | undefined, number][] = [
  ['Manhattan Central Booking', 24],
  ['Brooklyn Central Booking', 30],
  ['Queens Central Booking', 24],
  ['Bronx Central Booking', 18],
  ['Staten Island Central Booking', 4],
  ['Harbor Unit', 0.4],
  [undefined, 1],
];

const CITIZENSHIPS: [string | undefined, number][] = [
  ['Mexico', 22],
  ['Dominican Republic', 18],
  ['Ecuador', 12],
  ['Guatemala', 10],
  ['Honduras', 9],
  ['El Salvador', 8],
  ['China', 6],
  ['Jamaica', 5],
  ['Colombia', 4],
  ['Haiti', 3],
  ['Trinidad and Tobago', 3],
  ['Poland', 1],
  ['Nepal', 0.6],
  ['Senegal', 0.5],
  ['Ireland', 0.4],
  [undefined, 2],
];

const LEVELS: [ReportCharge['level'], number][] = [
  ['felony', 3],
  ['misdemeanor', 5],
  ['violation', 1],
  ['infraction', 0.3],
  [undefined, 1],
];

/** A caseload shaped like the demo's NYPD year, with identifiers that must not leak. */
function caseload(seed: number, size: number, from: string, days: number): ReportCase[] {
  const next = random(seed);
  const cases: ReportCase[] = [];
  for (let k = 0; k < size; k++) {
    const day = DateTime.fromISO(from).plus({ days: Math.floor(next() * days) });
    const receivedAt = ny(day.toISODate()!, '10:00');
    const later = (hours: number) => new Date(Date.parse(receivedAt) + hours * 3_600_000);
    const events: { kind: string; at: string }[] = [];
    const fate = next();
    if (fate < 0.08) {
      events.push({ kind: 'hold-started', at: later(20).toISOString() });
      if (next() < 0.6) events.push({ kind: 'transferred-to-ice', at: later(40).toISOString() });
    } else if (fate < 0.85) {
      events.push({
        kind: 'released-despite-detainer',
        at: later(24 * (1 + next() * 60)).toISOString(),
      });
    }
    const charges = Array.from({ length: Math.floor(next() * 3) }, () => {
      const level = pick(next, LEVELS);
      return level === undefined ? {} : { level };
    });
    const facility = pick(next, FACILITIES);
    const citizenship = pick(next, CITIZENSHIPS);
    cases.push(
      reportCase(`CASEID${String(k).padStart(5, '0')}X`, receivedAt, {
        // Every twentieth person has a second detainer.
        personId: `PERSONID${String(k % 20 === 19 ? k - 1 : k).padStart(5, '0')}X`,
        events,
        custodyCharges: charges,
        ...(facility === undefined ? {} : { facility }),
        ...(citizenship === undefined ? {} : { citizenship }),
      }),
    );
  }
  return cases;
}

const FIGURES = ['received', 'held', 'transferred', 'not-honored'];

describe('countBreakdowns', () => {
  test('each column adds up to the statutory figure the report computes', () => {
    for (const [law, from, to] of [
      [NYPD, '2018-07-01', '2019-06-30'],
      [NYPD, '2016-10-01', '2017-09-30'],
      [DOC, '2016-10-01', '2017-09-30'],
    ] as const) {
      const cases = caseload(7, 700, from, 380);
      const given = input(law, from, to, cases);
      const report = buildReport({
        ...given,
        dataAsOf: '2026-12-01T00:00:00Z',
        audit: { size: 0, rootSha256: '0'.repeat(64) },
      });
      const { columns, tables } = countBreakdowns(given);
      assert.deepEqual(
        columns.map((column) => column.id),
        FIGURES,
      );
      for (const column of columns) {
        const figure = report.figures.find((candidate) => candidate.id === column.id);
        assert.ok(figure?.status === 'counted');
        assert.equal(column.total, figure.value, `${law.agencyShort} ${from} ${column.id}`);
        assert.equal(column.label, figure.label);
      }
      for (const table of tables) {
        columns.forEach((column, j) => {
          const sum = table.cells.reduce((total, row) => total + row[j]!, 0);
          assert.equal(sum, column.total, `${table.id}: ${column.id} adds up`);
        });
      }
    }
  });

  test('places by local month, the earliest counting event, the case’s facility and charges', () => {
    const cases = [
      // 23:30 on July 31 in New York is August 1 in UTC: July.
      reportCase('a', ny('2018-07-31', '23:30'), {
        facility: 'Queens Central Booking',
        citizenship: 'Mexico',
        custodyCharges: [{ level: 'misdemeanor' }, { level: 'felony' }],
      }),
      // The same person held twice: counted once, in August, by the first case.
      reportCase('b', ny('2018-08-10'), {
        personId: 'PERSONheld',
        facility: 'Bronx Central Booking',
        custodyCharges: [{ level: 'violation' }, { level: 'infraction' }],
        events: [{ kind: 'hold-started', at: ny('2018-08-11') }],
      }),
      reportCase('c', ny('2018-11-02'), {
        personId: 'PERSONheld',
        facility: 'Manhattan Central Booking',
        custodyCharges: [{ level: 'misdemeanor' }, {}],
        events: [{ kind: 'hold-started', at: ny('2018-11-03') }],
      }),
      // 23:30 on June 30, 2019 in New York: the period's last day, though July 1 in UTC.
      reportCase('d', ny('2019-06-30', '23:30'), { custodyCharges: [] }),
      // Before the period: not counted.
      reportCase('e', ny('2018-06-30', '23:30')),
    ];
    const { tables } = countBreakdowns(input(NYPD, '2018-07-01', '2019-06-30', cases));
    const table = (id: string) => tables.find((candidate) => candidate.id === id)!;
    const column = (id: string, figure: string) => {
      const t = table(id);
      const j = t.columns.indexOf(figure);
      return Object.fromEntries(
        t.rows.map((row, i) => [row, t.cells[i]![j]!] as const).filter(([, n]) => n > 0),
      );
    };
    assert.deepEqual(table('month').rows, monthsOf('2018-07-01', '2019-06-30'));
    assert.deepEqual(column('month', 'received'), {
      '2018-07': 1,
      '2018-08': 1,
      '2018-11': 1,
      '2019-06': 1,
    });
    assert.deepEqual(column('month', 'held'), { '2018-08': 1 });
    assert.deepEqual(column('charge', 'received'), {
      Felony: 1,
      'Violation or infraction': 1,
      [NOT_RECORDED]: 2,
    });
    assert.deepEqual(column('charge', 'held'), { 'Violation or infraction': 1 });
    // Too few to be named: every facility and nationality is in "All other".
    assert.deepEqual(column('facility', 'received'), {
      'All other facilities': 3,
      [NOT_RECORDED]: 1,
    });
    assert.deepEqual(column('nationality', 'received'), {
      'All other nationalities': 1,
      [NOT_RECORDED]: 3,
    });
  });

  test('names a facility or nationality only with 11 of the first figure, and never an identifier', () => {
    const cases = [
      ...Array.from({ length: 11 }, (_, k) =>
        reportCase(`m${k}`, ny('2018-09-01'), {
          citizenship: k === 0 ? '  MEXICO ' : 'Mexico',
          facility: 'Queens Central Booking',
        }),
      ),
      ...Array.from({ length: 10 }, (_, k) =>
        reportCase(`g${k}`, ny('2018-09-02'), { citizenship: 'Guatemala', facility: 'Harbor' }),
      ),
      // An A-number typed into the field, even by twelve cases, is never a row.
      ...Array.from({ length: 12 }, (_, k) =>
        reportCase(`x${k}`, ny('2018-09-03'), { citizenship: 'A012345678' }),
      ),
    ];
    const { tables } = countBreakdowns(input(NYPD, '2018-07-01', '2019-06-30', cases));
    const nationality = tables.find((table) => table.id === 'nationality')!;
    assert.deepEqual(nationality.rows, ['Mexico', 'All other nationalities', NOT_RECORDED]);
    assert.deepEqual(
      nationality.cells.map((row) => row[0]),
      [11, 22, 0],
    );
    assert.deepEqual(nationality.floors, [
      [NAMED_ROW_MIN, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ]);
    const facility = tables.find((table) => table.id === 'facility')!;
    assert.deepEqual(facility.rows, [
      'Queens Central Booking',
      'All other facilities',
      NOT_RECORDED,
    ]);
  });

  test('breaks down only the figures the period’s text counts', () => {
    // LL62/2011 asks DOC for no count of detainers received.
    const cases = caseload(3, 200, '2011-10-01', 365);
    const { columns } = countBreakdowns(input(DOC, '2011-10-01', '2012-09-30', cases));
    assert.deepEqual(
      columns.map((column) => column.id),
      ['held', 'transferred', 'not-honored'],
    );
  });
});

describe('buildBreakdowns', () => {
  const shapes = [
    ['NYPD, a year of the demo’s size', NYPD, '2018-07-01', '2019-06-30', 1500],
    ['NYPD, a small year', NYPD, '2018-07-01', '2019-06-30', 80],
    ['DOC under LL62/2011', DOC, '2011-10-01', '2012-09-30', 300],
  ] as const;
  for (const [name, law, from, to, size] of shapes) {
    test(`${name}: only suppressed tables leave it, and the adversary recovers nothing`, () => {
      for (const seed of [1, 2]) {
        const given = input(law, from, to, caseload(seed, size, from, 365));
        const counted = countBreakdowns(given);
        const published = buildBreakdowns(given);
        assert.deepEqual(published.columns, counted.columns);
        assert.deepEqual(
          published.tables.map((table) => table.dimension),
          ['month', 'facility', 'charge', 'nationality'],
        );
        published.tables.forEach((table, t) => {
          const truth = counted.tables[t]!;
          assert.deepEqual(table.rows, truth.rows);
          truth.cells.forEach((row, i) => {
            row.forEach((value, j) => {
              const shown = table.cells[i]![j];
              if (value >= 1 && value <= 10) assert.equal(shown, null, `${table.id} ${i},${j}`);
              if (shown !== null) assert.equal(shown, value);
            });
          });
          if (!table.withheld) {
            assert.deepEqual(
              table.columnTotals!.map((total) => total.value),
              counted.columns.map((column) => column.total),
              'the statutory figures, exactly',
            );
          }
        });
        const statutory = Object.fromEntries(
          counted.columns.map((column) => [column.id, column.total]),
        );
        for (const interval of attacker.attack(published.tables, statutory)) {
          const shownSmall = interval.lower >= 1 && interval.upper <= 10;
          assert.ok(
            interval.lower < interval.upper && !shownSmall,
            `${interval.table} ${JSON.stringify(interval.entry)}: ${interval.lower}..${interval.upper}`,
          );
        }
      }
    });
  }

  test('carries no identifier of a case or a person, nor a rare free-text value', () => {
    const cases = caseload(5, 900, '2018-07-01', 365);
    cases.push(
      reportCase('CASEIDrare', ny('2018-10-10'), {
        personId: 'PERSONIDrare',
        facility: 'Cell 4 of John Q. Doe',
        citizenship: 'A098765432',
      }),
    );
    const text = JSON.stringify(buildBreakdowns(input(NYPD, '2018-07-01', '2019-06-30', cases)));
    for (const reportCase of cases) {
      assert.ok(!text.includes(reportCase.id), reportCase.id);
      assert.ok(!text.includes(reportCase.personId), reportCase.personId);
    }
    assert.doesNotMatch(text, /CASEID|PERSONID|John Q\. Doe|A098765432|Harbor Unit|Nepal|Senegal/);
    // Only labels and counts: no value longer than a facility's name.
    for (const value of text.match(/"[^"]*"/g) ?? []) assert.ok(value.length < 400, value);
  });

  test('is the same whatever the order of the cases', () => {
    const cases = caseload(9, 400, '2018-07-01', 365);
    const forward = buildBreakdowns(input(NYPD, '2018-07-01', '2019-06-30', cases));
    const backward = buildBreakdowns(input(NYPD, '2018-07-01', '2019-06-30', [...cases].reverse()));
    assert.deepEqual(backward, forward);
  });

  test('a one-month period: a month table whose small figures are its totals is withheld', () => {
    const cases = caseload(4, 60, '2018-09-01', 30);
    const published = buildBreakdowns(input(NYPD, '2018-09-01', '2018-09-30', cases));
    const month = published.tables.find((table) => table.dimension === 'month')!;
    assert.deepEqual(month.rows, ['2018-09']);
    const smallTotal = published.columns.some((column) => column.total >= 1 && column.total <= 10);
    assert.equal(month.withheld, smallTotal);
  });
});

describe('the pieces', () => {
  test('chargeCategory: the most serious level; unknown when an unrecorded one might be more', () => {
    assert.equal(chargeCategory(undefined), NOT_RECORDED);
    assert.equal(chargeCategory([]), NOT_RECORDED);
    assert.equal(chargeCategory([{}, { level: 'felony' }]), 'Felony');
    assert.equal(chargeCategory([{ level: 'misdemeanor' }, {}]), NOT_RECORDED);
    assert.equal(
      chargeCategory([{ level: 'misdemeanor' }, { level: 'violation' }]),
      'Misdemeanour',
    );
    assert.equal(chargeCategory([{ level: 'infraction' }]), 'Violation or infraction');
  });

  test('monthsOf: every month of the period, across a year end', () => {
    assert.deepEqual(monthsOf('2016-10-01', '2017-02-28'), [
      '2016-10',
      '2016-11',
      '2016-12',
      '2017-01',
      '2017-02',
    ]);
    assert.deepEqual(monthsOf('2018-09-15', '2018-09-20'), ['2018-09']);
  });
});
