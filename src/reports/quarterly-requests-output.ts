/**
 * The § 10-178(d) quarterly report as CSV (one row per figure group, the quarter, law and audit
 * state repeated on each so a row read alone still says what it is) and as plain text for the
 * terminal. Both from the same report object as the JSON.
 * @module
 */
import { stringify } from 'csv-stringify/sync';
import type { AgencyTotal, QuarterlyRequestsReport, ResponseCounts } from './quarterly-requests.js';

export const QUARTERLY_CSV_COLUMNS = [
  'quarter',
  'period_from',
  'period_to',
  'law',
  'row',
  'requesting_agency',
  'receiving_agency',
  'withheld_ground',
  'clause',
  'requests',
  'agreed',
  'declined',
  'partly',
  'no_response',
  'data_as_of',
  'audit_log_size',
  'audit_log_root_sha256',
] as const;

const countCells = (counts: ResponseCounts) => [
  counts.requests,
  counts.agreed,
  counts.declined,
  counts.partly,
  counts.noResponse,
];

/**
 * Rows: `requests` (a requesting × receiving pair), `requesting-agency` and `receiving-agency`
 * (an agency's total), `total`, and `withheld` (how many were left out on a ground).
 */
export function quarterlyCsv(report: QuarterlyRequestsReport): string {
  const citation = `${report.law.citation} (${report.law.clauseId})`;
  const row = (kind: string, cells: (string | number)[]) => [
    report.quarter.id,
    report.quarter.from,
    report.quarter.to,
    citation,
    kind,
    ...cells,
    report.dataAsOf,
    report.audit.size,
    report.audit.rootSha256,
  ];
  const agencyRows = (kind: string, totals: readonly AgencyTotal[], side: 0 | 1) =>
    totals.map((total) =>
      row(kind, [
        side === 0 ? total.agency.label : '',
        side === 1 ? total.agency.label : '',
        '',
        '§ 10-178(d)',
        ...countCells(total.counts),
      ]),
    );
  const rows = [
    ...report.rows.map((pair) =>
      row('requests', [
        pair.requestingAgency.label,
        pair.receivingAgency.label,
        '',
        '§ 10-178(d)',
        ...countCells(pair.counts),
      ]),
    ),
    ...agencyRows('requesting-agency', report.byRequestingAgency, 0),
    ...agencyRows('receiving-agency', report.byReceivingAgency, 1),
    row('total', ['', '', '', '§ 10-178(d)', ...countCells(report.total)]),
    ...report.withheld.map((ground) =>
      row('withheld', ['', '', ground.ground, ground.clause, ground.requests, '', '', '', '']),
    ),
  ];
  return stringify(rows, { header: true, columns: [...QUARTERLY_CSV_COLUMNS] });
}

const COUNT_HEADINGS = ['Requests', 'Agreed', 'Declined', 'Partly', 'No response'];

function table(headings: string[], rows: (string | number)[][]): string {
  const cells = [headings, ...rows.map((cells) => cells.map(String))];
  const widths = headings.map((_, column) =>
    Math.max(...cells.map((cellsOfRow) => (cellsOfRow[column] ?? '').length)),
  );
  return cells
    .map((cellsOfRow) =>
      cellsOfRow
        .map((cell, column) =>
          column < headings.length - COUNT_HEADINGS.length
            ? cell.padEnd(widths[column]!)
            : cell.padStart(widths[column]!),
        )
        .join('  ')
        .trimEnd(),
    )
    .map((line) => `  ${line}\n`)
    .join('');
}

export function quarterlyText(report: QuarterlyRequestsReport): string {
  const { quarter, law } = report;
  const lines = [
    `${report.headline}\n\n`,
    `${report.title}\n`,
    `Quarter: ${quarter.id}, ${quarter.from} to ${quarter.to} (${quarter.timeZone})\n`,
    `Law: ${law.citation} (${law.clauseId}, ${law.version}, ${law.verification}) ${law.url}\n`,
    `Required: ${report.required ? 'yes' : 'no'}: ${report.requiredBecause}\n`,
    `Submitted to: ${report.submittedTo}\n\n`,
    'By requesting and receiving agency (§ 10-178(d)):\n',
    report.rows.length === 0
      ? '  none\n'
      : table(
          ['Requesting agency', 'Receiving agency', ...COUNT_HEADINGS],
          [
            ...report.rows.map((pair) => [
              pair.requestingAgency.label,
              pair.receivingAgency.label,
              ...countCells(pair.counts),
            ]),
            ['Total', '', ...countCells(report.total)],
          ],
        ),
    '\nBy requesting agency:\n',
    report.byRequestingAgency.length === 0
      ? '  none\n'
      : table(
          ['Requesting agency', ...COUNT_HEADINGS],
          report.byRequestingAgency.map((total) => [
            total.agency.label,
            ...countCells(total.counts),
          ]),
        ),
    '\nBy receiving agency:\n',
    report.byReceivingAgency.length === 0
      ? '  none\n'
      : table(
          ['Receiving agency', ...COUNT_HEADINGS],
          report.byReceivingAgency.map((total) => [
            total.agency.label,
            ...countCells(total.counts),
          ]),
        ),
    '\nWithheld from this report (not disclosed, § 10-178(d)):\n',
    ...report.withheld.map(
      (ground) => `  ${ground.clause} ${ground.statute}: ${String(ground.requests)}\n`,
    ),
    '\nMethod:\n',
    ...report.parts.map((part) => `  - ${part.method}\n`),
    ...report.notes.map((note) => `  - ${note}\n`),
    `\nData as of ${report.dataAsOf}; audit log of ${String(report.audit.size)} entries, root ${report.audit.rootSha256}\n`,
  ];
  return lines.join('');
}
