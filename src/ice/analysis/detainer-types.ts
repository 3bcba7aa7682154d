/**
 * Detainer forms and what they ask for (ice-formats.md §1.3). ICE's "Detainer Type" starts with the
 * form: `I247 - …` (the old detainer, before and after its March 2013 revision), `I247D - …`,
 * `I247N - …`, `I247A - …`. The I-247, I-247D and I-247A ask the agency to hold the person up to 48
 * hours; the I-247N asks only to be notified of the release. Analysts isolate hold requests by the
 * `I247A` prefix; we read the letter after `I247` (`I-247A` and `I247A` alike). Anything else,
 * blank included, is "other".
 * @module
 */

export const TYPE_GROUPS = ['hold', 'notification', 'other'] as const;
export type TypeGroup = (typeof TYPE_GROUPS)[number];

export const TYPE_GROUP_MEANING: Record<TypeGroup, string> = {
  hold: 'hold request (I-247, I-247D, I-247A): asks the agency to hold the person up to 48 hours',
  notification: 'notification only (I-247N): asks the agency to tell ICE of the release',
  other: 'another form, or blank',
};

/** The form's letter after `I247`; one regular expression for JavaScript and DuckDB alike. */
const FORM_PATTERN = '^I-?247([A-Z]?)\\b';
const FORM = new RegExp(FORM_PATTERN);
const HOLD_LETTERS = ['', 'A', 'D'];
const NOTIFY_LETTERS = ['N'];

/** `I-247A` etc. for a recognised form; otherwise the value upper-cased; `undefined` if blank. */
export function detainerFormOf(value: string | null | undefined): string | undefined {
  const normal = (value ?? '').trim().toUpperCase();
  if (normal === '') return undefined;
  const letter = FORM.exec(normal)?.[1];
  return letter === undefined ? normal.replace(/\s+/g, ' ') : `I-247${letter}`;
}

export function typeGroupOf(value: string | null | undefined): TypeGroup {
  const letter = FORM.exec((value ?? '').trim().toUpperCase())?.[1];
  if (letter === undefined) return 'other';
  if (HOLD_LETTERS.includes(letter)) return 'hold';
  return NOTIFY_LETTERS.includes(letter) ? 'notification' : 'other';
}

const normalSql = (column: string) => `upper(trim(${column}))`;
const letters = (list: readonly string[]) => list.map((letter) => `'${letter}'`).join(', ');

/** `detainerFormOf` in SQL. */
export function detainerFormSql(column: string): string {
  const normal = normalSql(column);
  return (
    `(CASE WHEN nullif(${normal}, '') IS NULL THEN NULL ` +
    `WHEN regexp_matches(${normal}, '${FORM_PATTERN}') ` +
    `THEN 'I-247' || regexp_extract(${normal}, '${FORM_PATTERN}', 1) ` +
    `ELSE regexp_replace(${normal}, '\\s+', ' ', 'g') END)`
  );
}

/** `typeGroupOf` in SQL. */
export function typeGroupSql(column: string): string {
  const normal = normalSql(column);
  const letter = `regexp_extract(${normal}, '${FORM_PATTERN}', 1)`;
  return (
    `(CASE WHEN ${column} IS NULL OR NOT regexp_matches(${normal}, '${FORM_PATTERN}') THEN 'other' ` +
    `WHEN ${letter} IN (${letters(HOLD_LETTERS)}) THEN 'hold' ` +
    `WHEN ${letter} IN (${letters(NOTIFY_LETTERS)}) THEN 'notification' ELSE 'other' END)`
  );
}
