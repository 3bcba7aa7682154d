/**
 * ICE's facility names, normalised so the spellings of one jail count together: "Harris Co. Jail",
 * "HARRIS CNTY JAIL" and "Harris County Jail" all become `HARRIS COUNTY JAIL`. Steps: strip
 * accents; upper case; drop apostrophes (SHERIFF'S → SHERIFFS); `&` → AND; any other punctuation →
 * a space; collapse spaces; expand the abbreviations in `ABBREVIATIONS` word by word; then the
 * phrase fixes in `PHRASES`. Each rule says why it is safe. The same steps are generated as DuckDB
 * SQL so a query can group by the normalised name; facility-names.test.ts checks the two agree.
 * Normalising merges spellings; it never decides that two different names are one facility.
 * @module
 */
import { sqlString } from '../sql-text.js';

interface Rule {
  from: string;
  to: string;
  why: string;
}

const JAIL_NAMES = 'in jail and prison names';

/** Whole-word abbreviations. Ambiguous ones (ST: saint, street or state; CTY: city or county) are left alone. */
export const ABBREVIATIONS: readonly Rule[] = [
  { from: 'CO', to: 'COUNTY', why: `"CO" before JAIL, SHERIFF etc. is county ${JAIL_NAMES}` },
  { from: 'CNTY', to: 'COUNTY', why: 'unambiguous abbreviation' },
  { from: 'DEPT', to: 'DEPARTMENT', why: 'unambiguous abbreviation' },
  { from: 'DPT', to: 'DEPARTMENT', why: 'unambiguous abbreviation' },
  { from: 'CORR', to: 'CORRECTIONAL', why: `CORR CTR, CORR FAC ${JAIL_NAMES}; see PHRASES` },
  { from: 'CORRL', to: 'CORRECTIONAL', why: 'unambiguous abbreviation' },
  {
    from: 'CORRECTIONS',
    to: 'CORRECTION',
    why: 'NYC writes "Department of Correction", most others "Corrections": one spelling',
  },
  { from: 'DET', to: 'DETENTION', why: `DET CTR ${JAIL_NAMES}` },
  { from: 'CTR', to: 'CENTER', why: 'unambiguous abbreviation' },
  { from: 'CNTR', to: 'CENTER', why: 'unambiguous abbreviation' },
  { from: 'FAC', to: 'FACILITY', why: 'unambiguous abbreviation' },
  { from: 'INST', to: 'INSTITUTION', why: `CORR INST ${JAIL_NAMES}` },
  { from: 'PCT', to: 'PRECINCT', why: 'police precinct' },
  { from: 'PD', to: 'POLICE DEPARTMENT', why: 'standard abbreviation' },
  { from: 'SO', to: 'SHERIFF OFFICE', why: `"XX COUNTY SO" ${JAIL_NAMES}` },
  { from: 'SHERIFFS', to: 'SHERIFF', why: 'SHERIFF, SHERIFFS and SHERIFF’S OFFICE are one' },
  { from: 'DOC', to: 'DEPARTMENT OF CORRECTION', why: 'standard abbreviation' },
  { from: 'NYC', to: 'NEW YORK CITY', why: 'standard abbreviation' },
];

/** Phrases fixed after the words are expanded (matched as whole words). */
export const PHRASES: readonly Rule[] = [
  {
    from: 'OF CORRECTIONAL',
    to: 'OF CORRECTION',
    why: '"DEPT OF CORR" is a department of correction, not "of correctional"',
  },
];

const WORDS = new Map(ABBREVIATIONS.map((rule) => [rule.from, rule.to]));

/** The normalised name, or `undefined` for a blank one. */
export function normalFacilityName(name: string | null | undefined): string | undefined {
  const words = (name ?? '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/['’]/g, '')
    .replace(/&/g, ' AND ')
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
  if (words === '') return undefined;
  let normal = words
    .split(' ')
    .map((word) => WORDS.get(word) ?? word)
    .join(' ');
  for (const phrase of PHRASES) {
    normal = normal.replace(new RegExp(`(^| )${phrase.from}( |$)`, 'g'), `$1${phrase.to}$2`);
  }
  return normal;
}

/** `normalFacilityName` in SQL (NULL for blank). */
export function normalFacilityNameSql(column: string): string {
  let sql = `upper(strip_accents(${column}))`;
  sql = `regexp_replace(${sql}, '[''’]', '', 'g')`;
  sql = `regexp_replace(${sql}, '&', ' AND ', 'g')`;
  sql = `trim(regexp_replace(${sql}, '[^A-Z0-9]+', ' ', 'g'))`;
  const arms = ABBREVIATIONS.map(
    (rule) => `WHEN ${sqlString(rule.from)} THEN ${sqlString(rule.to)}`,
  );
  sql = `array_to_string(list_transform(string_split(${sql}, ' '), lambda w: CASE w ${arms.join(' ')} ELSE w END), ' ')`;
  for (const phrase of PHRASES) {
    sql = `regexp_replace(${sql}, '(^| )${phrase.from}( |$)', '\\1${phrase.to}\\2', 'g')`;
  }
  return `nullif(${sql}, '')`;
}
