/**
 * The normalization rules, in SQL, and the steps that apply them. Whatever its container, a
 * release first lands as raw text in a staging relation with the columns of `ice_staging`: the
 * sheet, the row, whether the row is wholly blank, and one text column per field. `normalizeSql`
 * turns that into the temporary table `ice_normalized`, where each row holds either its
 * detainer's values or the reason it is rejected; `INSERT_DETAINERS_SQL` loads the good rows and
 * `rejectsSql` lists the rest. DuckDB applies the rules, so a million CSV rows never pass through JavaScript, and
 * each rule is written once, as a macro:
 *
 * - `ice_redacted(t)`: nothing but FOIA exemption markers (`b(6), b(7)c`, `(b)(6); (b)(7)(C)`…,
 *   5 U.S.C. 552(b)(6) and (b)(7)(C); ice-formats.md §1.4 step 7 sets them to missing);
 * - `ice_value(t)`: trimmed text; blank or redacted is NULL;
 * - `ice_excel_serial(x)`: an Excel serial date (1900 system, with its leap-year bug);
 * - `ice_timestamp(t)`: a prepare date as the releases write it (serial, ISO, m/d/y);
 * - `ice_date_problem(t)`: why a prepare date could not be read.
 * @module
 */
import type { Field } from './formats.js';
import { sqlString } from './sql-text.js';

/** The staging column of each field (the same names as in `ice_detainers`). */
export const FIELD_COLUMNS: Readonly<Record<Field, string>> = {
  preparedDate: 'prepared_date',
  detainerType: 'detainer_type',
  facility: 'facility',
  facilityCode: 'facility_code',
  city: 'city',
  state: 'state',
  aor: 'aor',
  liftReason: 'lift_reason',
  liftReasonCode: 'lift_reason_code',
  criminality: 'criminality',
  threatLevel: 'threat_level',
  gender: 'gender',
  citizenshipCountry: 'citizenship_country',
  personId: 'person_id',
  originalFile: 'original_file',
  originalSheet: 'original_sheet',
  originalRow: 'original_row',
};

export const FIELDS = Object.keys(FIELD_COLUMNS) as Field[];
const TEXT_COLUMNS = FIELDS.filter((field) => field !== 'preparedDate').map(
  (field) => FIELD_COLUMNS[field],
);

// One exemption: b, 6 or 7, an optional subparagraph letter, any of them in parentheses.
const EXEMPTION = String.raw`\(?b\)?\(?[67]\)?(\(?[a-f]\)?)?`;
const SEPARATORS = '[,;/&]';
// A number: Excel's serial date, as the xlsx file stores it (and as a CSV might).
const SERIAL = String.raw`-?\d+(\.\d+)?([eE][-+]?\d+)?`;
// The text dates of ice-formats.md §8: ISO with or without a time (NPR's processed CSV, DuckDB's
// own text for parquet dates), m/d/y (NPR's conversion of the legacy files, strptime's %y pivot:
// 69–99 are 19xx). Two-digit years come first, or `%Y` would read 9/30/15 as the year 15.
const TEXT_DATE_FORMATS = [
  '%Y-%m-%d',
  '%Y-%m-%d %H:%M:%S',
  '%Y-%m-%d %H:%M',
  '%Y-%m-%d %H:%M:%S.%f',
  '%Y-%m-%dT%H:%M:%S',
  '%Y-%m-%dT%H:%M',
  '%Y-%m-%dT%H:%M:%S.%f',
  '%m/%d/%y',
  '%m/%d/%Y',
];

/** Defines the rules on this connection; run before each import (they are temporary). */
export const MACROS = `
CREATE OR REPLACE TEMP MACRO ice_redacted(t) AS regexp_full_match(
  lower(regexp_replace(t, '\\s+', '', 'g')),
  '${SEPARATORS}*${EXEMPTION}(${SEPARATORS}+${EXEMPTION})*${SEPARATORS}*');
-- Only a short text holding a 6 or a 7 can be a marker (a 40-digit person id is not): the regular
-- expression runs on those alone, which keeps a million rows fast.
CREATE OR REPLACE TEMP MACRO ice_value(t) AS CASE
  WHEN length(t) < 40 AND (contains(t, '6') OR contains(t, '7'))
    THEN CASE WHEN ice_redacted(t) THEN NULL ELSE nullif(trim(t), '') END
  ELSE nullif(trim(t), '') END;
-- Serial 1 is 1900-01-01. Excel counts a 29 February 1900 that never was (serial 60, kept from
-- Lotus 1-2-3), so from serial 61 on, day 0 is 1899-12-30 rather than 1899-12-31. The fraction is
-- the time of day, to the nearest second (a time that rounds to 24:00 is the next midnight).
CREATE OR REPLACE TEMP MACRO ice_excel_serial(x) AS CASE
  WHEN x >= 1 AND x < 2958466 AND floor(x) <> 60 THEN
    CAST((CASE WHEN x < 60 THEN DATE '1899-12-31' ELSE DATE '1899-12-30' END)
      + CAST(floor(x) AS INTEGER) AS TIMESTAMP)
    + to_seconds(CAST(round((x - floor(x)) * 86400) AS BIGINT))
  END;
CREATE OR REPLACE TEMP MACRO ice_timestamp(t) AS CASE
  WHEN regexp_full_match(t, '${SERIAL}') THEN ice_excel_serial(CAST(t AS DOUBLE))
  ELSE try_strptime(t, [${TEXT_DATE_FORMATS.map(sqlString).join(', ')}]) END;
CREATE OR REPLACE TEMP MACRO ice_date_problem(raw) AS CASE
  WHEN nullif(trim(raw), '') IS NULL THEN 'is blank'
  WHEN ice_redacted(raw) THEN 'is redacted (' || trim(raw) || ')'
  WHEN regexp_full_match(trim(raw), '${SERIAL}') THEN CASE
    WHEN floor(CAST(trim(raw) AS DOUBLE)) = 60
      THEN 'is Excel serial 60, 1900-02-29, a day that never was'
    ELSE 'is Excel serial ' || trim(raw) || ', outside Excel''s dates (1 to 2958465)' END
  WHEN ice_timestamp(trim(raw)) < TIMESTAMP '1900-01-01' THEN '"' || trim(raw) || '" is before 1900'
  WHEN regexp_full_match(trim(raw), '\\d{1,4}[-/]\\d{1,2}[-/]\\d{1,4}([ T].*)?')
    THEN '"' || trim(raw) || '" is not a calendar date and time'
  ELSE '"' || trim(raw) || '" is not a date this importer knows' END;
`;

/**
 * Tables of one import's work, replaced by each import and dropped after it. `ice_staging` has
 * the columns every staging relation has: the sheet, the row (NULL where CSV rows are numbered
 * later), whether the row is wholly blank, and the raw text of each field.
 */
export const WORK_TABLES = `
CREATE OR REPLACE TEMP TABLE ice_staging (
  source_sheet VARCHAR, source_row BIGINT, blank BOOLEAN,
  ${FIELDS.map((field) => `${FIELD_COLUMNS[field]} VARCHAR`).join(', ')});
-- Rows the file's reader could not split into cells (CSV lines of the wrong width, bad quoting).
CREATE OR REPLACE TEMP TABLE ice_read_rejects (row BIGINT, reason VARCHAR);
-- For numbering CSV rows: the lines missing from the staging relation (rejected or empty). A
-- staged record whose place is after \`after_records\` comes after \`gaps_before\` missing lines.
CREATE OR REPLACE TEMP TABLE ice_row_gaps (after_records BIGINT, gaps_before BIGINT);
`;

export const DROP_WORK_TABLES = `
DROP VIEW IF EXISTS ice_numbered;
DROP TABLE IF EXISTS ice_normalized;
DROP TABLE IF EXISTS ice_staging;
DROP TABLE IF EXISTS ice_read_rejects;
DROP TABLE IF EXISTS ice_row_gaps;
DROP TABLE IF EXISTS ice_csv_errors;
DROP TABLE IF EXISTS ice_csv_scans;
`;

/**
 * Applies every rule to the staged rows of `relation`, into `ice_normalized`. A prepare date
 * before 1900 is refused: no detainer is that old, so the year is a typing error in the source
 * (`15-09-30` reads as the year 15).
 */
export function normalizeSql(relation: string): string {
  const values = TEXT_COLUMNS.map((column) => `ice_value(${column}) AS ${column}`).join(',\n    ');
  return `
CREATE OR REPLACE TEMP TABLE ice_normalized AS
SELECT source_sheet, source_row, blank, prepared,
  CASE WHEN NOT blank AND prepared IS NULL
    THEN 'the prepare date ' || ice_date_problem(prepared_text) END AS problem,
  ${TEXT_COLUMNS.join(', ')}
FROM (
  SELECT source_sheet, source_row, blank, prepared_text,
    CASE WHEN parsed >= TIMESTAMP '1900-01-01' THEN parsed END AS prepared,
    ${TEXT_COLUMNS.join(', ')}
  FROM (
    SELECT source_sheet, source_row, blank, prepared_date AS prepared_text,
      ice_timestamp(trim(prepared_date)) AS parsed,
      ${values}
    FROM ${relation}
  )
)`;
}

/**
 * Numbers the normalized rows: `ordinal` is the row's place in the file (rowid follows insertion
 * order), `row` its source row, given by the reader or, for CSV, counted as DuckDB counts lines:
 * the header rows, then the records, with rejected and empty lines in their places.
 */
export function numberRowsSql(headerRows: number, hasGaps: boolean): string {
  const numbered = `(SELECT rowid + 1 AS ordinal, * FROM ice_normalized) n`;
  return hasGaps
    ? `CREATE OR REPLACE TEMP VIEW ice_numbered AS
SELECT n.*, coalesce(n.source_row, ${headerRows} + n.ordinal + coalesce(g.gaps_before, 0)) AS row
FROM ${numbered} ASOF LEFT JOIN ice_row_gaps g ON n.ordinal > g.after_records`
    : `CREATE OR REPLACE TEMP VIEW ice_numbered AS
SELECT n.*, coalesce(n.source_row, ${headerRows} + n.ordinal) AS row FROM ${numbered}`;
}

/**
 * Loads the good rows as import `$1`. `duplicate_likely` is the publishers' "another detainer for
 * the same person within 24 hours; the later one is flagged" (ice-formats.md §1.4): a row is
 * flagged when the previous row of its person id in this import (by prepare time, then file
 * order) is less than 24 hours before it. A date-only row counts as midnight at the start of its
 * date, so two date-only rows are within 24 hours only on the same date.
 */
export const INSERT_DETAINERS_SQL = `
INSERT INTO ice_detainers (import_id, source_sheet, source_row, prepared_date, prepared_at,
  ${TEXT_COLUMNS.join(', ')}, duplicate_likely)
SELECT $1, source_sheet, CAST(row AS INTEGER), CAST(prepared AS DATE),
  CASE WHEN CAST(prepared AS TIME) <> TIME '00:00:00' THEN prepared END,
  ${TEXT_COLUMNS.join(', ')},
  person_id IS NOT NULL AND coalesce(prepared - lag(prepared)
    OVER (PARTITION BY person_id ORDER BY prepared, ordinal) < INTERVAL 24 HOURS, false)
FROM ice_numbered
WHERE NOT blank AND problem IS NULL`;

/** Counts of the normalized rows: loaded, rejected by a rule, wholly blank. */
export const COUNTS_SQL = `
SELECT count(*) FILTER (WHERE NOT blank AND problem IS NULL) AS loaded,
  count(*) FILTER (WHERE problem IS NOT NULL) + (SELECT count(*) FROM ice_read_rejects) AS rejected,
  count(*) FILTER (WHERE blank) AS blank
FROM ice_normalized`;

/**
 * Every rejected row of the import (`file, sheet, row, field, reason`), in file order: sheets in
 * the order they were read, rows in order within each. `dateColumn` is the prepare date's column.
 */
export function rejectsSql(file: string, dateColumn: string): string {
  return `
SELECT ${sqlString(file)} AS file, sheet, row, field, reason FROM (
  SELECT *, min(ordinal) OVER (PARTITION BY sheet) AS sheet_order FROM (
    SELECT source_sheet AS sheet, row, ${sqlString(dateColumn)} AS field, problem AS reason, ordinal
    FROM ice_numbered WHERE problem IS NOT NULL
    UNION ALL
    SELECT NULL, row, NULL, reason, NULL FROM ice_read_rejects
  )
)
ORDER BY sheet_order NULLS FIRST, row`;
}
