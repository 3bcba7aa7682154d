/**
 * What the reports' pages share: a count in words (with the cases the records do not settle), the
 * address of a report's page and of its downloads as the API serves them.
 * @module
 */
import type { ReactNode } from 'react';

const NUMBER = new Intl.NumberFormat('en-US');

export const formatCount = (value: number) => NUMBER.format(value);

/** "536", or "536 and 3 the records do not settle". */
export function countText(figure: { value: number; unknown: number }): string {
  return figure.unknown > 0
    ? `${formatCount(figure.value)} and ${formatCount(figure.unknown)} the records do not settle`
    : formatCount(figure.value);
}

/** A period's query: `from=…&to=…`. */
function periodQuery(period: { from: string; to: string }): string {
  return new URLSearchParams({ from: period.from, to: period.to }).toString();
}

/** The report's page in the app. */
export function reportPath(jurisdiction: string, period: { from: string; to: string }): string {
  return `/reports/${encodeURIComponent(jurisdiction)}?${periodQuery(period)}`;
}

export type ReportFormat = 'json' | 'csv' | 'pdf';

/** The report as the API serves it, in a format to download. */
export function reportDownloadPath(
  jurisdiction: string,
  period: { from: string; to: string },
  format: ReportFormat,
): string {
  const query = periodQuery(period);
  return `/api/reports/${encodeURIComponent(jurisdiction)}?${query}${format === 'json' ? '' : `&format=${format}`}`;
}

const FORMAT_NAMES: Record<ReportFormat, string> = { json: 'JSON', csv: 'CSV', pdf: 'PDF' };

/** Links to download a report, each named with what it is for (`about`) for a screen reader. */
export function ReportDownloads({
  jurisdiction,
  period,
  formats,
  about,
}: {
  jurisdiction: string;
  period: { from: string; to: string };
  formats: readonly ReportFormat[];
  about: ReactNode;
}) {
  return (
    <ul className="desk-downloads">
      {formats.map((format) => (
        <li key={format}>
          <a
            href={reportDownloadPath(jurisdiction, period, format)}
            download={`${jurisdiction}-${period.from}-${period.to}.${format}`}
          >
            {FORMAT_NAMES[format]}
            <span className="usa-sr-only"> of {about}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
