/**
 * Small synthetic ICE release files for the importer's tests, written with exceljs's streaming
 * workbook writer, DuckDB's `COPY … (FORMAT parquet)` and plain strings in a temporary folder.
 * Headers follow ../shared/data/ice-formats.md: §1.2 for format A (in the order of the 2025 raw
 * files), §8 for the others. Formats B's and C's column order here is illustrative: the importer
 * finds columns by name. Every person here is made up.
 * @module
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import ExcelJS from 'exceljs';
import type { Cell } from './cell.js';
import { sqlString } from './sql-text.js';

const A = [
  'Detainer Prepare Date',
  'Facility State',
  'Facility AOR',
  'Port of Departure',
  'Departure Country',
  'Departed Date',
  'Case Status',
  'Detainer Prepared Criminality',
  'Detention Facility',
  'Detention Facility Code',
  'Facility City',
  'Detainer Prep Threat Level',
  'Gender',
  'Citizenship Country',
  'Birth Country',
  'Birth Date',
  'Birth Year',
  'Entry Status',
  'Most Serious Conviction (MSC) Charge',
  'MSC Sentence Days',
  'MSC Sentence Months',
  'MSC Sentence Years',
  'MSC Charge Code',
  'MSC Charge Date',
  'MSC Conviction Date',
  'Felon',
  'Processing Disposition',
  'Case Category',
  'Final Program',
  'Time of Apprehension Case Category',
  'Time of Apprehension Current Program',
  'Apprehension Method',
  'Case Final Order Yes No',
  'Final Order Date',
  'Apprehension Date',
  'Entry Date',
  'Prior Felony Yes No',
  'Multiple Prior MISD Yes No',
  'Violent Misdemeanor Yes No',
  'Illegal Entry Yes No',
  'Illegal Reentry Yes No',
  'Immigration Fraud Yes No',
  'Significant Risk Yes No',
  'Other Removal Reason Yes No',
  'Other Removal Reason',
  'Criminal Street Gang Yes No',
  'Aggravated Felony Yes No',
  'Deportation Ordered Yes No',
  'Order to Show Cause Served Yes No',
  'Order to Show Cause Served Date',
  'Biometric Match Yes No',
  'Statements Made Yes No',
  'Unlawful Attempt Yes No',
  'Unlawful Entry Yes No',
  'Visa Yes No',
  'Final Order Yes No',
  'Federal Interest Yes No',
  'Resume Custody Yes No',
  'Detainer Lift Reason',
  'Detainer Type',
  'Alien File Number',
  'EID Case ID',
  'EID Subject ID',
  'EID DTA ID',
  'Unique Identifier',
];

const B_RENAMES: Record<string, string> = {
  'Detainer Prepared Criminality': 'Detainer Criminality',
  'Detention Facility': 'Detainer Facility',
  'Detention Facility Code': 'Detainer Facility Code',
  'Detainer Prep Threat Level': 'Detainer Threat Level',
  'Most Serious Conviction (MSC) Charge': 'MSC Charge',
  Felon: 'Aggravated Felon Yes No',
  'Time of Apprehension Case Category': 'TOA Case Category',
  'Time of Apprehension Current Program': 'TOA Current Program',
  'Federal Interest Yes No': 'Federal Register Notice Yes No',
  'Unique Identifier': 'Anonymized Identifier',
};
const B_DROPPED = new Set([
  'EID Case ID',
  'EID Subject ID',
  'Significant Risk Yes No',
  'Other Removal Reason',
]);
const B = [
  ...A.filter((name) => !B_DROPPED.has(name)).map((name) => B_RENAMES[name] ?? name),
  'Detainer Lift Reason Code',
  'Active Investigation Yes No',
  'Arrest Warrant Served Date',
  'Notify Release Request Yes No',
  'TOD Current Duty Site',
];

const C = [
  'Apprehension Date',
  'Apprehension Method',
  'Biometric Match Yes No',
  'Birth Country',
  'Birth Year',
  'Case Category',
  'Case Status',
  'Citizenship Country',
  'Departed Date',
  'Departure Country',
  'Deportation Ordered Yes No',
  'Detainer Lift Reason',
  'Detainer Prepared Threat Level',
  'Detainer Prepared Date',
  'Detainer Prepared Criminality',
  'Detainer Type',
  'Detention Facility',
  'Detention Facility Code',
  'Entry Date',
  'Entry Status',
  'AOR',
  'City',
  'State',
  'Felon',
  'Final Order Date',
  'Final Order Yes No',
  'TOD Final Program',
  'Gender',
  'MSC Charge',
  'MSC Charge Code',
  'MSC Charge Date',
  'MSC Conviction Date',
  'MSC Sentence Days',
  'MSC Sentence Months',
  'MSC Sentence Years',
  'Order to Show Cause Served Yes No',
  'Port Of Departure',
  'Processing Disposition',
  'Resume Custody Yes No',
  'Statements Made Yes No',
  'TOA Case Category',
  'TOA Case Category Code',
  'Alien File Number',
  'Anonymized Unique Identifier',
];

export const HEADERS = {
  A,
  B,
  /** The FY23/FY24 variant of B, without Birth Date. */
  B65: B.filter((name) => name !== 'Birth Date'),
  C,
  D: [
    'Prepare Date',
    'Detainer Type',
    'Detainer Detention Facility',
    'State',
    'City',
    'Detainer Lift Reason',
  ],
  E: ['date', 'lift_reason', 'det_facility', 'city', 'state', 'detainer_type'],
};

/** ICE's title block above the header: six rows, some blank. */
export const PREAMBLE: Cell[][] = [
  ['U.S. Immigration and Customs Enforcement'],
  ['ERO Detainers'],
  ['Data Source: EID/IIDS (synthetic test file)'],
  [],
  ['Note: redacted under FOIA exemptions b(6), b(7)C'],
  [],
];

/** A row in `header`'s column order, with the named columns set and the rest blank. */
export function rowOf(header: readonly string[], values: Record<string, Cell>): Cell[] {
  return header.map((name) => values[name] ?? null);
}

export interface TestSheet {
  name: string;
  rows: Cell[][];
}

/** Writes an xlsx with the given sheets, dates stored as Excel stores them (serials). */
export async function writeXlsx(file: string, sheets: readonly TestSheet[]): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: true,
    useStyles: true,
  });
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name);
    for (const row of sheet.rows) {
      const added = worksheet.addRow(row);
      row.forEach((cell, index) => {
        if (cell instanceof Date) added.getCell(index + 1).numFmt = 'yyyy-mm-dd hh:mm:ss';
      });
      added.commit();
    }
    worksheet.commit();
  }
  await workbook.commit();
}

/** A fresh temporary folder and its removal. */
export async function tempFolder(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'ice-read-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

export async function writeText(file: string, text: string): Promise<void> {
  await writeFile(file, text, 'utf8');
}

/** Writes the rows of a DuckDB query as a parquet file (zstd, as the DDP publishes). */
export async function writeParquet(file: string, query: string): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(
      `COPY (${query}) TO ${sqlString(file)} (FORMAT parquet, COMPRESSION zstd)`,
    );
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/**
 * A whole format D workbook of 2,000 rows, large enough that cutting its bytes short damages a
 * sheet rather than only the zip directory. Returns the file's bytes.
 */
export async function writeLegacyWorkbook(file: string): Promise<Buffer> {
  const rows = Array.from({ length: 2000 }, (_, index) => [
    42131 + (index % 300),
    'I247D',
    `FACILITY ${index}`,
    'TX',
    'HOUSTON',
    null,
  ]);
  await writeXlsx(file, [{ name: 'FY2015', rows: [HEADERS.D, ...rows] }]);
  return readFile(file);
}
