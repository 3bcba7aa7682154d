/**
 * Matches a facility in ICE's data (its name and state) to one of the desk's jurisdictions, using
 * the alias table in agency-aliases.ts; the same rules as a SQL CASE for grouping in DuckDB.
 * @module
 */
import { AGENCY_ALIASES, type AgencyAlias } from './agency-aliases.js';
import { normalFacilityName } from './facility-names.js';
import { sqlString } from '../sql-text.js';
import { stateName } from './us-states.js';

export interface AgencyMatch {
  agency: string;
  inferred: boolean;
  source: string;
}

const containsWords = (name: string, phrase: string) => ` ${name} `.includes(` ${phrase} `);

/** The jurisdiction a facility falls under, or `undefined` when no alias matches. */
export function matchAgency(
  facility: string | null | undefined,
  state: string | null | undefined,
  aliases: readonly AgencyAlias[] = AGENCY_ALIASES,
): AgencyMatch | undefined {
  const name = normalFacilityName(facility) ?? '';
  const where = stateName(state);
  const alias = aliases.find(
    (candidate) =>
      candidate.state === where &&
      (candidate.name === undefined || containsWords(name, candidate.name)),
  );
  return alias && { agency: alias.agency, inferred: alias.inferred, source: alias.source };
}

function conditionSql(alias: AgencyAlias, name: string, state: string): string {
  const inState = `${state} = ${sqlString(alias.state)}`;
  if (alias.name === undefined) return inState;
  return `${inState} AND contains(' ' || coalesce(${name}, '') || ' ', ${sqlString(` ${alias.name} `)})`;
}

/**
 * `matchAgency(…).agency` (or, with `field: 'inferred'`, whether the match was inferred) as SQL over
 * an already normalised facility name and state name.
 */
export function agencySql(
  name: string,
  state: string,
  field: 'agency' | 'inferred' = 'agency',
): string {
  const arms = AGENCY_ALIASES.map(
    (alias) =>
      `WHEN ${conditionSql(alias, name, state)} THEN ${field === 'agency' ? sqlString(alias.agency) : String(alias.inferred)}`,
  );
  return `(CASE ${arms.join(' ')} ELSE NULL END)`;
}
