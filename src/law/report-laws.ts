/**
 * Every reporting duty the desk can build a report for, by jurisdiction.
 * @module
 */
import type { ReportLaw } from '../reports/report-law.js';
import { DOC_REPORT_LAW } from './nyc/doc/reporting-counts.js';
import { NYPD_REPORT_LAW } from './nyc/nypd/reporting-counts.js';
import { PROBATION_REPORT_LAW } from './nyc/probation/reporting-counts.js';

export const REPORT_LAWS: readonly ReportLaw[] = Object.freeze([
  DOC_REPORT_LAW,
  NYPD_REPORT_LAW,
  PROBATION_REPORT_LAW,
]);

export function reportLawFor(jurisdiction: string): ReportLaw | undefined {
  return REPORT_LAWS.find((law) => law.jurisdiction === jurisdiction);
}
