/**
 * The optional breakdowns of a report period, for the public site: the statutory figures
 * received, held, transferred and not honoured, each broken down by month (local month in the
 * agency's time zone), by facility, by charge category (the most serious custody charge) and by
 * nationality (the person's citizenship), then suppressed with suppression.ts so that only safe
 * tables leave this module. No identifier of a case or a person is in them: only labels and
 * counts, and the labels of facilities and nationalities are published only where at least 11
 * of the period's first figure share them.
 *
 * Each figure is counted exactly as the period's report counts it: its own count definition
 * (the law's tally, the same period bounds, each person or detainer once, unknowns left out), so
 * each table's column adds up to the statutory figure, which is published exactly. A person
 * counted more than once in the period is placed by the earliest event that counts them.
 * Figures the period's text does not count are not broken down.
 *
 * Breakdowns of overlapping periods must not both be published: subtracting one from the other
 * is an attack that suppressing each table alone cannot stop. Publish them for one family of
 * periods that do not overlap (e.g. the statutory periods of one version of the text).
 * @module
 */
import { localDateOf } from '../engine/dates.js';
import type { ReportCase, ReportCharge } from './report-case.js';
import { isTallied, type ReportLaw, type TalliedCount, type Unit } from './report-law.js';
import { periodBounds, type ReportPeriod } from './report-periods.js';
import { SMALL_MAX, suppressTables, type PublishedTable, type TableInput } from './suppression.js';

/** The figures broken down, as the reporting texts name them, in column order. */
export const BREAKDOWN_FIGURES = ['received', 'held', 'transferred', 'not-honored'] as const;
export type BreakdownFigure = (typeof BREAKDOWN_FIGURES)[number];

export const BREAKDOWN_DIMENSIONS = ['month', 'facility', 'charge', 'nationality'] as const;
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];

export const NOT_RECORDED = 'Not recorded';
export const CHARGE_CATEGORIES = [
  'Felony',
  'Misdemeanour',
  'Violation or infraction',
  NOT_RECORDED,
] as const;
export type ChargeCategory = (typeof CHARGE_CATEGORIES)[number];

/** A facility or nationality gets its own row from this many of the first figure. */
export const NAMED_ROW_MIN = SMALL_MAX + 1;

export interface BreakdownColumn {
  readonly id: BreakdownFigure;
  readonly label: string;
  readonly unit: Unit;
  /** The statutory figure: the column's total, published exactly. */
  readonly total: number;
}

export interface BreakdownTable extends PublishedTable {
  readonly dimension: BreakdownDimension;
  readonly label: string;
}

export interface Breakdowns {
  readonly jurisdiction: string;
  readonly agencyShort: string;
  readonly period: {
    readonly kind: ReportPeriod['kind'];
    readonly from: string;
    readonly to: string;
    readonly label: string;
  };
  readonly columns: readonly BreakdownColumn[];
  readonly tables: readonly BreakdownTable[];
  /** How the tables were made safe, in plain words. */
  readonly method: readonly string[];
}

export interface BreakdownInput {
  readonly law: ReportLaw;
  readonly period: ReportPeriod;
  readonly cases: Iterable<ReportCase>;
}

const TABLE_LABELS: Record<BreakdownDimension, string> = {
  month: 'By month',
  facility: 'By facility',
  charge: 'By most serious custody charge',
  nationality: 'By nationality',
};

const OTHER: Record<'facility' | 'nationality', string> = {
  facility: 'All other facilities',
  nationality: 'All other nationalities',
};

/** The tables as counted, before suppression: for tests and audits, never to publish. */
export interface CountedBreakdowns {
  readonly columns: readonly BreakdownColumn[];
  readonly tables: readonly (TableInput & { readonly dimension: BreakdownDimension })[];
}

/** The breakdowns as published: suppressed, with their method. */
export function buildBreakdowns(input: BreakdownInput): Breakdowns {
  const { law, period } = input;
  const { columns, tables: counted } = countBreakdowns(input);
  const published = suppressTables({
    tables: counted,
    statutory: columns.map((column) => column.id),
  });
  const tables = published.map((table, index): BreakdownTable => ({
    dimension: counted[index]!.dimension,
    label: TABLE_LABELS[counted[index]!.dimension],
    ...table,
  }));
  return {
    jurisdiction: law.jurisdiction,
    agencyShort: law.agencyShort,
    period: { kind: period.kind, from: period.from, to: period.to, label: period.label },
    columns,
    tables,
    method: METHOD,
  };
}

/** The counts of each breakdown, unsuppressed. */
export function countBreakdowns({ law, period, cases }: BreakdownInput): CountedBreakdowns {
  const counts = figuresOf(period);
  const [start, end] = periodBounds(period, law.timeZone);
  // Per figure, each key (person or detainer) once, at its earliest counting event.
  const members = counts.map(() => new Map<string, { at: number; reportCase: ReportCase }>());
  for (const reportCase of cases) {
    counts.forEach((count, index) => {
      for (const counted of count.tally(reportCase)) {
        const at = Date.parse(counted.at);
        if (at < start || at >= end || counted.value !== true) continue;
        const known = members[index]!.get(counted.key);
        if (known === undefined || isEarlier(at, reportCase, known)) {
          members[index]!.set(counted.key, { at, reportCase });
        }
      }
    });
  }
  const columns = counts.map((count, index): BreakdownColumn => ({
    id: count.id as BreakdownFigure,
    label: count.label,
    unit: count.unit,
    total: members[index]!.size,
  }));
  if (columns.length === 0) return { columns, tables: [] };
  const placed = members.map((byKey) =>
    [...byKey.values()].map(({ at, reportCase }) => ({
      month: localDateOf(at, law.timeZone).slice(0, 7),
      facility: reportCase.facility,
      charge: chargeCategory(reportCase.custodyCharges),
      nationality: reportCase.citizenship,
    })),
  );
  const tables = [
    fixedRows('month', monthsOf(period.from, period.to), placed, (member) => member.month),
    namedRows('facility', placed, (member) => member.facility),
    fixedRows('charge', CHARGE_CATEGORIES, placed, (member) => member.charge),
    namedRows('nationality', placed, (member) => member.nationality),
  ].map((table) => ({
    ...table,
    columns: columns.map((column) => column.id),
    columnTotals: columns.map((column) => column.id),
  }));
  return { columns, tables };
}

const METHOD = [
  'Each column adds up to the figure the law requires, which is published exactly. Each person ' +
    'or detainer is counted once, where its earliest counting event in the period places it.',
  `To protect the people counted, no table shows a number from 1 to ${SMALL_MAX}: those cells are ` +
    'left blank, and so are enough other cells that no blank can be worked out, or shown to be ' +
    `from 1 to ${SMALL_MAX}, from the totals, the other cells or the other tables. A blank says ` +
    'nothing about why it is blank. A table that cannot be protected is not published.',
  `A facility or nationality has its own row when at least ${NAMED_ROW_MIN} of the first column ` +
    'belong to it; the others are counted together in the "All other" row, shown whether or not ' +
    'it is empty.',
  'Months are calendar months in the agency’s time zone. The charge category is the most ' +
    'serious level among the custody charges; when a charge’s level is not recorded and no ' +
    'charge is a felony, the category is not recorded.',
];

/** The period's text counts these figures, in `BREAKDOWN_FIGURES` order. */
function figuresOf(period: ReportPeriod): TalliedCount[] {
  return BREAKDOWN_FIGURES.flatMap((id) => {
    const count = period.version.counts.find((candidate) => candidate.id === id);
    if (count === undefined || !isTallied(count)) return [];
    const required = count.requiredFrom === undefined || period.from >= count.requiredFrom.date;
    return required ? [count] : [];
  });
}

function isEarlier(
  at: number,
  reportCase: ReportCase,
  known: { at: number; reportCase: ReportCase },
) {
  return at < known.at || (at === known.at && reportCase.id < known.reportCase.id);
}

interface Placed {
  readonly month: string;
  readonly facility: string | undefined;
  readonly charge: ChargeCategory;
  readonly nationality: string | undefined;
}

/** The most serious level among the charges; not recorded if an unrecorded one might be more. */
export function chargeCategory(charges: readonly ReportCharge[] | undefined): ChargeCategory {
  if (charges === undefined || charges.length === 0) return NOT_RECORDED;
  const levels = charges.map((charge) => charge.level);
  if (levels.includes('felony')) return 'Felony';
  if (levels.includes(undefined)) return NOT_RECORDED;
  if (levels.includes('misdemeanor')) return 'Misdemeanour';
  return 'Violation or infraction';
}

/** Every month from `from` to `to`, "YYYY-MM". */
export function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  for (;;) {
    const label = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
    months.push(label);
    if (label >= last) return months;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}

function fixedRows<Row extends string>(
  dimension: BreakdownDimension,
  rows: readonly Row[],
  placed: readonly (readonly Placed[])[],
  rowOf: (member: Placed) => Row,
): Omit<TableInput, 'columns'> & { dimension: BreakdownDimension } {
  const index = new Map(rows.map((row, i) => [row, i]));
  const cells = rows.map(() => placed.map(() => 0));
  placed.forEach((members, column) => {
    for (const member of members) {
      const row = index.get(rowOf(member));
      if (row === undefined) throw new Error(`${dimension}: no row for ${rowOf(member)}`);
      cells[row]![column]! += 1;
    }
  });
  return { id: dimension, dimension, rows: [...rows], cells };
}

/**
 * Rows named by free text the intake records (a facility, a citizenship): a name has its own row
 * when at least `NAMED_ROW_MIN` of the first column share it, spelt as most of them spell it, and
 * it holds no run of five digits (an identifier typed into the field); the rest are pooled. The
 * named rows' first cells are published to be at least `NAMED_ROW_MIN` (their floors): a reader
 * knows it from the row being there.
 */
function namedRows(
  dimension: 'facility' | 'nationality',
  placed: readonly (readonly Placed[])[],
  nameOf: (member: Placed) => string | undefined,
): Omit<TableInput, 'columns'> & { dimension: BreakdownDimension } {
  const groupOf = (member: Placed) => {
    const name = nameOf(member)?.trim().replace(/\s+/g, ' ');
    return name === undefined || name === '' ? undefined : name.toLowerCase();
  };
  const firstColumn = new Map<string, number>();
  const spellings = new Map<string, Map<string, number>>();
  placed.forEach((members, column) => {
    for (const member of members) {
      const group = groupOf(member);
      if (group === undefined) continue;
      if (column === 0) firstColumn.set(group, (firstColumn.get(group) ?? 0) + 1);
      const spelling = nameOf(member)!.trim().replace(/\s+/g, ' ');
      const counts = spellings.get(group) ?? new Map<string, number>();
      counts.set(spelling, (counts.get(spelling) ?? 0) + 1);
      spellings.set(group, counts);
    }
  });
  const labelOf = (group: string) =>
    [...spellings.get(group)!].sort(
      ([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0),
    )[0]![0];
  const named = [...firstColumn]
    .filter(([group, count]) => count >= NAMED_ROW_MIN && !/\d{5}/.test(group))
    .map(([group]) => ({ group, label: labelOf(group) }))
    .sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  const rows = [...named.map((row) => row.label), OTHER[dimension], NOT_RECORDED];
  const rowOfGroup = new Map(named.map((row, i) => [row.group, i]));
  const cells = rows.map(() => placed.map(() => 0));
  placed.forEach((members, column) => {
    for (const member of members) {
      const group = groupOf(member);
      const row =
        group === undefined ? rows.length - 1 : (rowOfGroup.get(group) ?? rows.length - 2);
      cells[row]![column]! += 1;
    }
  });
  const floors = rows.map((_, i) =>
    placed.map((__, column) => (i < named.length && column === 0 ? NAMED_ROW_MIN : 0)),
  );
  return { id: dimension, dimension, rows, cells, floors };
}
