/**
 * Intakes from a flat CSV, as a jail management system exports them: one row per detainer request,
 * convictions packed into one column. Each row becomes an intake document for the same validation
 * as the API; a row that cannot be read is reported with its line, never dropped.
 *
 * Columns (header names, any order; blank = not recorded):
 * jurisdiction, person_name, date_of_birth, nysid, a_number, booking_number, facility,
 * instant_arrest_date, expected_release_at, form, received_at, judicial_warrant (yes/no/unknown),
 * judicial_warrant_issuer, search_completed (yes/no/unknown), convictions.
 * `convictions` lists entries separated by `;`, each `charge|level|judgment date|court|disposition`,
 * e.g. `PL 120.05(2)|felony|2014-03-01|new-york|conviction`.
 * @module
 */
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';

export const INTAKE_CSV_COLUMNS = [
  'jurisdiction',
  'person_name',
  'date_of_birth',
  'nysid',
  'a_number',
  'booking_number',
  'facility',
  'instant_arrest_date',
  'expected_release_at',
  'form',
  'received_at',
  'judicial_warrant',
  'judicial_warrant_issuer',
  'search_completed',
  'convictions',
] as const;

export interface ImportRecord {
  /** 1-based line in the file where the record starts. */
  line: number;
  input: unknown;
  /** Set when the row could not even be turned into an intake document. */
  problem?: string;
}

const blank = (value: string | undefined) =>
  value === undefined || value.trim() === '' ? undefined : value.trim();

function tri(value: string | undefined): boolean | string | undefined {
  const text = blank(value)?.toLowerCase();
  if (text === undefined) return undefined;
  if (text === 'yes' || text === 'true') return true;
  if (text === 'no' || text === 'false') return false;
  if (text === 'unknown') return 'unknown';
  return value; // left as written, so validation names the field and the value
}

function convictionsOf(value: string | undefined) {
  const text = blank(value);
  if (text === undefined) return [];
  return text.split(';').map((entry) => {
    const [charge, level, judgmentDate, court, disposition] = entry
      .split('|')
      .map((part) => blank(part));
    return {
      charge,
      level,
      judgmentDate,
      court: court ?? 'unknown',
      disposition: disposition ?? 'conviction',
      source: 'agency-records',
    };
  });
}

/** The intake document for one CSV row. */
export function intakeFromRow(row: Record<string, string>): unknown {
  const warrant = tri(row.judicial_warrant);
  return {
    jurisdiction: blank(row.jurisdiction),
    person: {
      name: blank(row.person_name),
      dateOfBirth: blank(row.date_of_birth),
      nysid: blank(row.nysid),
      aNumber: blank(row.a_number),
    },
    custody: {
      bookingNumber: blank(row.booking_number),
      facility: blank(row.facility),
      instantArrestDate: blank(row.instant_arrest_date),
      expectedReleaseAt: blank(row.expected_release_at),
    },
    history: {
      searchCompleted: tri(row.search_completed) ?? 'unknown',
      convictions: convictionsOf(row.convictions),
    },
    request: {
      form: blank(row.form),
      receivedAt: blank(row.received_at),
      judicialWarrant:
        warrant === undefined
          ? undefined
          : { presented: warrant, issuer: blank(row.judicial_warrant_issuer) ?? 'unknown' },
    },
  };
}

/** Streams a CSV file's rows as intake documents, with their line numbers. */
export async function* readIntakeCsv(source: Readable): AsyncGenerator<ImportRecord> {
  const parser = source.pipe(
    parse({
      columns: true,
      skip_empty_lines: true,
      bom: true,
      relax_column_count: true,
      info: true,
    }),
  );
  for await (const { record, info } of parser as AsyncIterable<{
    record: Record<string, string>;
    info: { lines: number };
  }>) {
    yield { line: info.lines, input: intakeFromRow(record) };
  }
}
