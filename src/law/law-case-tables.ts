/**
 * Every legal test table, by jurisdiction and law version. The test runner and
 * `detainer-desk law show` both read this list.
 * @module
 */
import type { LawCase } from './testing/law-case.js';
import { LL58_DOC_CASES } from './nyc/doc/ll58-2014.cases.js';

export interface LawCaseTable {
  jurisdiction: string;
  version: string;
  cases: readonly LawCase[];
}

export const LAW_CASE_TABLES: readonly LawCaseTable[] = [
  { jurisdiction: 'nyc-doc', version: 'LL58/2014', cases: LL58_DOC_CASES },
];
