/**
 * The SQL behind every count, built from a closed list of dimensions and a validated filter.
 *
 * It reads the analysis tables (analysis-table.ts), where every text is an integer code into a
 * dictionary that already holds its meaning and each row carries its outcome's code. Stage 1
 * filters the rows (dates and import directly; everything else as "code in the dictionary entries
 * that match") and groups them by outcome, duplicate flag and the codes the question needs; stage
 * 2 turns outcomes into columns, joins those groups to the dictionaries, derives the periods from
 * the month, and adds up by the dimensions asked. Values the user gave are bound parameters.
 * @module
 */
import {
  DETAINER_TYPES,
  LIFT_REASONS,
  outcomeCode,
  ROWS,
  SITES,
  STATES,
} from './analysis-table.js';
import { detainerFormOf } from './detainer-types.js';
import { normalFacilityName } from './facility-names.js';
import { normalLiftReason, OUTCOMES } from './outcomes.js';
import { periodSql, type Period } from './periods.js';
import type { Dimension, StatsFilter } from './stats-request.js';
import { stateName } from './us-states.js';

/** A code column of the rows table and the dictionary it points into. */
type Code = 'month_start' | 'site_id' | 'state_id' | 'type_id' | 'lift_id';

const DICTIONARY: Record<Exclude<Code, 'month_start'>, { table: string; alias: string }> = {
  site_id: { table: SITES, alias: 'p' },
  state_id: { table: STATES, alias: 's' },
  type_id: { table: DETAINER_TYPES, alias: 't' },
  lift_id: { table: LIFT_REASONS, alias: 'l' },
};

interface DimensionSql {
  code?: Code;
  /** Over stage 2's columns. */
  sql: string;
}

const period = (name: Period): DimensionSql => ({
  code: 'month_start',
  // Every period starts on the first of a month, so a month's first day falls in its period.
  sql: `${periodSql(name, 'month_start')}${name === 'month' ? '' : '::INTEGER'}`,
});

export const DIMENSION_SQL: Record<Dimension, DimensionSql> = {
  year: period('year'),
  'federal-fy': period('federal-fy'),
  'nyc-fy': period('nyc-fy'),
  month: period('month'),
  // With a site in the question its state comes from the site (see statsSql).
  state: { code: 'state_id', sql: 's.state_name' },
  facility: { code: 'site_id', sql: 'p.facility_name' },
  agency: { code: 'site_id', sql: 'p.agency' },
  'detainer-type': { code: 'type_id', sql: 't.form' },
  'type-group': { code: 'type_id', sql: 't.type_group' },
  'lift-reason': { code: 'lift_id', sql: 'l.lift' },
  outcome: { code: 'lift_id', sql: 'l.outcome' },
};

type Dictionary = 'sites' | 'states' | 'lifts' | 'types';

/** Each filter: the dictionary it selects entries of, its condition there, and its parameter. */
const FILTER_SQL = {
  state: { on: 'states', sql: 'state_name = $state', value: stateName },
  facility: {
    on: 'sites',
    sql: "contains(coalesce(facility_name, ''), $facility)",
    value: normalFacilityName,
  },
  facilityName: { on: 'sites', sql: 'facility_name = $facilityName', value: normalFacilityName },
  type: { on: 'types', sql: 'type_group = $type', value: (v: string) => v },
  form: { on: 'types', sql: 'form = $form', value: detainerFormOf },
  outcome: { on: 'lifts', sql: 'outcome = $outcome', value: (v: string) => v },
  liftReason: { on: 'lifts', sql: 'lift = $liftReason', value: normalLiftReason },
} as const satisfies Record<
  string,
  { on: Dictionary; sql: string; value: (v: string) => string | undefined }
>;

const SEMI_JOIN: Record<Dictionary, { column: string; table: string }> = {
  sites: { column: 'site_id', table: SITES },
  states: { column: 'state_id', table: STATES },
  lifts: { column: 'lift_id', table: LIFT_REASONS },
  types: { column: 'type_id', table: DETAINER_TYPES },
};

export interface StatsSql {
  sql: string;
  params: Record<string, string | number>;
  /** The column alias of each dimension in the result, in `by` order. */
  columns: readonly { dimension: Dimension; alias: string }[];
}

/** Dimensions as asked, with `state` added after `facility`: names repeat across states. */
export function withImpliedDimensions(by: readonly Dimension[]): Dimension[] {
  if (!by.includes('facility') || by.includes('state')) return [...by];
  const at = by.indexOf('facility') + 1;
  return [...by.slice(0, at), 'state', ...by.slice(at)];
}

/** Row conditions for a filter: dates and import directly, the rest through the dictionaries. */
function rowConditions(filter: StatsFilter): {
  conditions: string[];
  params: Record<string, string | number>;
} {
  const params: Record<string, string | number> = {};
  const conditions: string[] = [];
  if (filter.import !== undefined) {
    conditions.push('import_id = $import');
    params.import = filter.import;
  }
  if (filter.from !== undefined) {
    conditions.push('prepared_date >= $from::DATE');
    params.from = filter.from;
  }
  if (filter.to !== undefined) {
    conditions.push('prepared_date <= $to::DATE');
    params.to = filter.to;
  }
  const selections: Record<Dictionary, string[]> = { sites: [], states: [], lifts: [], types: [] };
  for (const [name, spec] of Object.entries(FILTER_SQL)) {
    const given = filter[name as keyof typeof FILTER_SQL];
    if (given === undefined) continue;
    selections[spec.on].push(spec.sql);
    // A value that normalises to nothing matches nothing, as it should.
    params[name] = spec.value(given) ?? '';
  }
  if (filter.agency === 'unmatched') {
    selections.sites.push('agency IS NULL');
  } else if (filter.agency !== undefined) {
    selections.sites.push('agency = $agency');
    params.agency = filter.agency;
  }
  for (const [dictionary, where] of Object.entries(selections)) {
    if (where.length === 0) continue;
    const { column, table } = SEMI_JOIN[dictionary as Dictionary];
    conditions.push(`${column} IN (SELECT ${column} FROM ${table} WHERE ${where.join(' AND ')})`);
  }
  return { conditions, params };
}

const whereOf = (conditions: readonly string[]) =>
  conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '';

/** Stage 1: the filtered rows grouped by outcome, duplicate flag, import and `codes`. */
function stage1Sql(codes: ReadonlySet<Code>, conditions: readonly string[]): string {
  const grouped = ['import_id', 'duplicate_likely', 'outcome_code', ...codes];
  // Plain counts per group here; the per-outcome columns are taken from the few groups after.
  return (
    `SELECT ${grouped.join(', ')}, count(*) AS n, ` +
    'min(prepared_date) AS first_date, max(prepared_date) AS last_date ' +
    `FROM ${ROWS}${whereOf(conditions)} GROUP BY ${grouped.join(', ')}`
  );
}

/** Stage 2's counts over stage 1's groups `g`: the detainers counted and each outcome. */
function countSql(filter: StatsFilter): string[] {
  const counted = countedSql(filter);
  return [
    `${sumOf(counted)} AS detainers`,
    ...OUTCOMES.map(
      (outcome) =>
        `${sumOf(`${counted} AND g.outcome_code = ${outcomeCode(outcome)}`)} AS ${outcome}`,
    ),
  ];
}

/** What a summary needs beyond the counts: duplicates, dates and imports covered. */
function coverageSql(filter: StatsFilter): string[] {
  const counted = countedSql(filter);
  return [
    `${sumOf('g.duplicate_likely')} AS duplicates`,
    `strftime(min(g.first_date) FILTER (WHERE ${counted}), '%Y-%m-%d') AS first_date`,
    `strftime(max(g.last_date) FILTER (WHERE ${counted}), '%Y-%m-%d') AS last_date`,
    `string_agg(DISTINCT g.import_id::VARCHAR, ',') FILTER (WHERE ${counted}) AS imports`,
  ];
}

const countedSql = (filter: StatsFilter) =>
  filter.includeDuplicates ? 'true' : 'NOT g.duplicate_likely';
const sumOf = (condition: string) => `coalesce(sum(g.n) FILTER (WHERE ${condition}), 0)::BIGINT`;

export function statsSql(by: readonly Dimension[], filter: StatsFilter): StatsSql {
  const codes = new Set<Code>();
  for (const dimension of by) {
    const code = DIMENSION_SQL[dimension].code;
    if (code !== undefined) codes.add(code);
  }
  // A site has one state: group by the site alone and read its state from it.
  if (codes.has('site_id')) codes.delete('state_id');
  const dimensionSql = (dimension: Dimension) =>
    dimension === 'state' && codes.has('site_id') ? 'p.state_name' : DIMENSION_SQL[dimension].sql;
  const { conditions, params } = rowConditions(filter);
  const joins: string[] = [];
  for (const code of codes) {
    if (code === 'month_start') continue;
    const { table, alias } = DICTIONARY[code];
    joins.push(` JOIN ${table} ${alias} USING (${code})`);
  }
  const agencyInferred = codes.has('site_id') ? 'p.agency_inferred' : 'false';

  const columns = by.map((dimension, index) => ({ dimension, alias: `d${index}` }));
  const keys = columns.map(({ dimension, alias }) => `${dimensionSql(dimension)} AS ${alias}`);
  const measures = [
    ...countSql(filter),
    ...coverageSql(filter),
    `coalesce(bool_or(${agencyInferred}) FILTER (WHERE ${countedSql(filter)}), false) AS agency_inferred`,
  ];
  const groupBy = columns.length > 0 ? ` GROUP BY ${columns.map((c) => c.alias).join(', ')}` : '';
  const orderBy =
    columns.length > 0 ? ` ORDER BY ${columns.map((c) => `${c.alias} NULLS LAST`).join(', ')}` : '';
  const sql =
    `WITH g AS (${stage1Sql(codes, conditions)}) SELECT ${[...keys, ...measures].join(', ')} ` +
    `FROM g${joins.join('')}${groupBy}${orderBy}`;
  return { sql, params, columns };
}

/** The key of a refusers row: its aliases as `statsSql` names them, and the site's columns. */
export const REFUSER_COLUMNS = [
  { dimension: 'facility', alias: 'd0', site: 'facility_name' },
  { dimension: 'state', alias: 'd1', site: 'state_name' },
  { dimension: 'agency', alias: 'd2', site: 'agency' },
] as const satisfies readonly { dimension: Dimension; alias: string; site: string }[];

/**
 * Top refusers in one row: the totals of everything the filter selects, how many sites have
 * detainers and how many reach `$minDetainers`, and `top_rows`, the first `$top` of those by
 * declines, then decline rate, then name and state (site codes are numbered in that order).
 *
 * Why not `statsSql` by facility: its stage 2 groups thousands of sites by their names and sends
 * them all to JavaScript to be ranked. Here the rows are grouped by the site's code alone (a site
 * has one name, state and agency), ranked and cut in SQL, and only the rows shown are named; the
 * dates and imports covered come from one plain scan rather than from a wider grouping.
 */
export function refusersSql(
  filter: StatsFilter,
  top: number,
  minDetainers: number,
): Omit<StatsSql, 'columns'> {
  const { conditions, params } = rowConditions(filter);
  const grouped = 'duplicate_likely, outcome_code, site_id';
  const stage1 = `SELECT ${grouped}, count(*) AS n FROM ${ROWS}${whereOf(conditions)} GROUP BY ${grouped}`;
  const counted = filter.includeDuplicates ? conditions : [...conditions, 'NOT duplicate_likely'];
  const coverage =
    "SELECT strftime(min(prepared_date), '%Y-%m-%d') AS first_date, " +
    "strftime(max(prepared_date), '%Y-%m-%d') AS last_date, " +
    `string_agg(DISTINCT import_id::VARCHAR, ',') AS imports FROM ${ROWS}${whereOf(counted)}`;
  const rate = 'declined::DOUBLE / detainers';
  const named = [
    ...REFUSER_COLUMNS.map(({ alias, site }) => `'${alias}': ${site}`),
    "'agency_inferred': agency_inferred",
    ...['detainers', ...OUTCOMES].map((count) => `'${count}': ${count}`),
  ];
  const sql =
    `WITH g AS MATERIALIZED (${stage1}), ` +
    `s AS MATERIALIZED (SELECT site_id, ${countSql(filter).join(', ')} FROM g GROUP BY site_id), ` +
    'ranked AS (SELECT * FROM s WHERE detainers >= $minDetainers ' +
    `ORDER BY declined DESC, ${rate} DESC, site_id LIMIT $top) ` +
    `SELECT ${countSql(filter).join(', ')}, ${sumOf('g.duplicate_likely')} AS duplicates, ` +
    'any_value(c.first_date) AS first_date, any_value(c.last_date) AS last_date, ' +
    'any_value(c.imports) AS imports, ' +
    '(SELECT count(*) FROM s WHERE detainers > 0) AS facilities, ' +
    '(SELECT count(*) FROM s WHERE detainers >= $minDetainers) AS at_threshold, ' +
    `(SELECT list({${named.join(', ')}} ORDER BY declined DESC, ${rate} DESC, site_id) ` +
    `FROM ranked JOIN ${SITES} USING (site_id)) AS top_rows ` +
    `FROM g, (${coverage}) c`;
  return { sql, params: { ...params, top, minDetainers } };
}

/** The lift reasons counted as "other" under a filter, with their counts, most first. */
export function otherLiftReasonsSql(filter: StatsFilter): Omit<StatsSql, 'columns'> {
  const { conditions, params } = rowConditions(filter);
  const counted = filter.includeDuplicates ? [] : ['NOT duplicate_likely'];
  const where = whereOf([`outcome_code = ${outcomeCode('other')}`, ...counted, ...conditions]);
  const sql =
    `WITH g AS (SELECT lift_id, count(*) AS n FROM ${ROWS}${where} GROUP BY lift_id) ` +
    `SELECT l.lift AS value, sum(g.n)::BIGINT AS n FROM g JOIN ${LIFT_REASONS} l USING (lift_id) ` +
    'GROUP BY l.lift ORDER BY n DESC, value';
  return { sql, params };
}
