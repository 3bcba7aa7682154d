/**
 * A report as plain text for the terminal: the headline, what it was built on, and one line per
 * figure with its paragraph.
 * @module
 */
import type { Report } from './build-report.js';

const number = new Intl.NumberFormat('en-US');

export function reportText(report: Report): string {
  const lines = [
    report.headline,
    '',
    `${report.agency}, ${report.period.label}`,
    `Law: ${report.law.citation} (${report.law.url})`,
    `Data as of ${report.dataAsOf}; audit log size ${String(report.audit.size)}, root ${report.audit.rootSha256}`,
    '',
  ];
  for (const figure of report.figures) {
    const value =
      figure.status === 'counted'
        ? `${number.format(figure.value)}${figure.unknown > 0 ? ` (and ${number.format(figure.unknown)} the records do not settle)` : ''}`
        : figure.status;
    lines.push(`  ${figure.paragraph.padEnd(6)} ${figure.label}: ${value}`);
    if (figure.status === 'counted' && figure.caseIds !== undefined && figure.caseIds.length > 0) {
      lines.push(`         cases: ${figure.caseIds.join(', ')}`);
    }
  }
  lines.push('', ...report.method);
  return `${lines.join('\n')}\n`;
}
