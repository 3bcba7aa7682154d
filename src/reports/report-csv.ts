/**
 * A report as CSV: one row per figure, with the report's period, law and audit state repeated
 * on each row so a row read alone still says what it is.
 * @module
 */
import { stringify } from 'csv-stringify/sync';
import type { Report } from './build-report.js';

export const REPORT_CSV_COLUMNS = [
  'agency',
  'period_from',
  'period_to',
  'period_kind',
  'law',
  'paragraph',
  'figure',
  'label',
  'status',
  'unit',
  'value',
  'unknown',
  'note',
  'data_as_of',
  'audit_log_size',
  'audit_log_root_sha256',
] as const;

export function reportCsv(report: Report): string {
  const rows = report.figures.map((figure) => [
    report.agencyShort,
    report.period.from,
    report.period.to,
    report.period.kind,
    report.law.citation,
    figure.paragraph,
    figure.id,
    figure.label,
    figure.status,
    figure.status === 'counted' ? figure.unit : '',
    figure.status === 'counted' ? figure.value : '',
    figure.status === 'counted' ? figure.unknown : '',
    figure.status === 'counted' ? (figure.interpretation ?? '') : figure.reason,
    report.dataAsOf,
    report.audit.size,
    report.audit.rootSha256,
  ]);
  return stringify(rows, { header: true, columns: [...REPORT_CSV_COLUMNS] });
}
