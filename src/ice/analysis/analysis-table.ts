/**
 * The analysis's own copy of ICE's detainers, kept beside `ice_detainers` and rebuilt whenever the
 * imports change: every text the questions read is replaced by an integer code into a small
 * dictionary table that already holds its meaning.
 *
 * - `ice_analysis_sites`: each distinct normalised facility name and state name (facility-names.ts,
 *   us-states.ts), with its matched agency (agency-match.ts); spelling variants share one site;
 * - `ice_analysis_states`: each distinct state name;
 * - `ice_analysis_lift_reasons`: each distinct lift reason with its outcome (outcomes.ts);
 * - `ice_analysis_detainer_types`: each distinct detainer type with its form and group;
 * - `ice_analysis_rows`: one row per detainer: import, duplicate flag, dates, the codes of its site,
 *   state, lift reason and detainer type, and its outcome's code (its index in `OUTCOMES`), so
 *   counts by outcome need no join.
 *
 * Why: the mappings are string work; done per row, or per group once facility meets month, they
 * cost seconds over 3M rows. Done once per distinct value, a question is an integer group-by and
 * a join to a few thousand dictionary rows (bench/ice/README.md). No person id is copied.
 *
 * Staleness is judged by a stamp of this module's version, the imports (id and rows loaded) and
 * the detainer count; a change to `ice_detainers` that keeps all three (an UPDATE in place)
 * needs `refreshAnalysisTables`.
 * @module
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { agencySql } from './agency-match.js';
import { detainerFormSql, typeGroupSql } from './detainer-types.js';
import { normalFacilityNameSql } from './facility-names.js';
import { normalLiftReasonSql, OUTCOMES, outcomeSql } from './outcomes.js';
import { stateNameSql } from './us-states.js';

export const ROWS = 'ice_analysis_rows';
export const SITES = 'ice_analysis_sites';
export const STATES = 'ice_analysis_states';
export const LIFT_REASONS = 'ice_analysis_lift_reasons';
export const DETAINER_TYPES = 'ice_analysis_detainer_types';

/** Bumped with every change to these tables or their mappings, so an older copy is rebuilt. */
const VERSION = 2;

async function stampOf(connection: DuckDBConnection): Promise<string> {
  const result = await connection.runAndReadAll(
    `SELECT 'v${VERSION}/' || coalesce((SELECT string_agg(import_id || ':' || rows_loaded, ',' ORDER BY import_id)
       FROM ice_imports), '') || '/' || (SELECT count(*) FROM ice_detainers) AS stamp`,
  );
  return String(result.getRowObjects()[0]?.stamp);
}

/** Builds the tables if missing or older than the imports; returns whether it rebuilt them. */
export async function ensureAnalysisTables(connection: DuckDBConnection): Promise<boolean> {
  await connection.run('CREATE TABLE IF NOT EXISTS ice_analysis_stamp (stamp VARCHAR NOT NULL)');
  const stamp = await stampOf(connection);
  const stored = await connection.runAndReadAll('SELECT stamp FROM ice_analysis_stamp');
  if (stored.getRowObjects()[0]?.stamp === stamp) return false;
  await refreshAnalysisTables(connection, stamp);
  return true;
}

/** A dictionary of the distinct values of `columns`, numbered, with their mapped columns. */
const dictionary = (name: string, id: string, columns: string, mapped: string[]) =>
  `CREATE OR REPLACE TABLE ${name} AS SELECT row_number() OVER (ORDER BY ${columns})::INTEGER AS ${id},
     ${columns}, ${mapped.join(', ')}
   FROM (SELECT DISTINCT ${columns} FROM ice_detainers)`;

/** The outcome's code in `ice_analysis_rows`: its index in `OUTCOMES`. */
export const outcomeCode = (outcome: (typeof OUTCOMES)[number]) => OUTCOMES.indexOf(outcome);

/** Rebuilds the tables from `ice_detainers` in one transaction. */
export async function refreshAnalysisTables(
  connection: DuckDBConnection,
  stamp?: string,
): Promise<void> {
  const current = stamp ?? (await stampOf(connection));
  const outcomeList = `[${OUTCOMES.map((outcome) => `'${outcome}'`).join(', ')}]`;
  await connection.run('BEGIN TRANSACTION');
  try {
    // Raw spellings to sites: a temporary map, used only to code the rows.
    await connection.run(
      `CREATE OR REPLACE TEMP TABLE ice_analysis_places AS
       SELECT facility, state, ${normalFacilityNameSql('facility')} AS facility_name,
         ${stateNameSql('state')} AS state_name
       FROM (SELECT DISTINCT facility, state FROM ice_detainers)`,
    );
    await connection.run(
      `CREATE OR REPLACE TABLE ${SITES} AS
       SELECT row_number() OVER (ORDER BY facility_name, state_name)::INTEGER AS site_id,
         facility_name, state_name,
         ${agencySql('facility_name', 'state_name')} AS agency,
         coalesce(${agencySql('facility_name', 'state_name', 'inferred')}, false) AS agency_inferred
       FROM (SELECT DISTINCT facility_name, state_name FROM ice_analysis_places)`,
    );
    await connection.run(
      `CREATE OR REPLACE TABLE ${STATES} AS
       SELECT row_number() OVER (ORDER BY state_name)::INTEGER AS state_id, state_name
       FROM (SELECT DISTINCT state_name FROM ${SITES})`,
    );
    await connection.run(
      dictionary(LIFT_REASONS, 'lift_id', 'lift_reason', [
        `${normalLiftReasonSql('lift_reason')} AS lift`,
        `${outcomeSql('lift_reason')} AS outcome`,
      ]),
    );
    await connection.run(
      dictionary(DETAINER_TYPES, 'type_id', 'detainer_type', [
        `${detainerFormSql('detainer_type')} AS form`,
        `${typeGroupSql('detainer_type')} AS type_group`,
      ]),
    );
    await connection.run(
      `CREATE OR REPLACE TABLE ${ROWS} AS
       SELECT d.import_id, d.duplicate_likely, d.prepared_date,
         date_trunc('month', d.prepared_date)::DATE AS month_start, site.site_id, st.state_id,
         l.lift_id, t.type_id,
         (list_position(${outcomeList}, l.outcome) - 1)::UTINYINT AS outcome_code
       FROM ice_detainers d
       JOIN ice_analysis_places p ON p.facility IS NOT DISTINCT FROM d.facility AND p.state IS NOT DISTINCT FROM d.state
       JOIN ${SITES} site ON site.facility_name IS NOT DISTINCT FROM p.facility_name
         AND site.state_name IS NOT DISTINCT FROM p.state_name
       JOIN ${STATES} st ON st.state_name IS NOT DISTINCT FROM p.state_name
       JOIN ${LIFT_REASONS} l ON l.lift_reason IS NOT DISTINCT FROM d.lift_reason
       JOIN ${DETAINER_TYPES} t ON t.detainer_type IS NOT DISTINCT FROM d.detainer_type
       ORDER BY d.prepared_date`,
    );
    await connection.run('DROP TABLE ice_analysis_places');
    await connection.run('DELETE FROM ice_analysis_stamp');
    await connection.run('INSERT INTO ice_analysis_stamp VALUES ($stamp)', { stamp: current });
    await connection.run('COMMIT');
  } catch (error) {
    await connection.run('ROLLBACK');
    throw error;
  }
}
