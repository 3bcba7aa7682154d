/**
 * A statutory period's optional breakdowns on its report page (`GET
 * /api/reports/{jurisdiction}/breakdowns`): one table per dimension (month, facility, charge,
 * nationality), the columns the period's text counts, and the totals the API publishes. Which
 * cells are suppressed is the API's decision alone: a null cell or total is shown as
 * "suppressed", explained once above the tables; a table the API withholds is said to be withheld.
 * A period the API does not break down (one a later statutory period overlaps) shows its reason
 * in words.
 * @module
 */
import { ApiError } from '../api/client';
import type { components } from '../api/openapi';
import { ProblemAlert } from './problem-alert';
import { formatCount } from './report-links';

type Breakdowns = components['schemas']['Breakdowns'];
type Table = Breakdowns['tables'][number];
type Total = { key: string; value: number | null } | undefined;

const MONTH = new Intl.DateTimeFormat('en-US', {
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** A month row (`2016-05`) in words; any other row as the API names it. */
function rowLabel(table: Table, row: string): string {
  if (table.dimension !== 'month' || !/^\d{4}-\d{2}$/.test(row)) return row;
  return MONTH.format(new Date(`${row}-01T00:00:00Z`));
}

const DIMENSION_LABELS: Record<Table['dimension'], string> = {
  month: 'Month',
  facility: 'Facility',
  charge: 'Most serious custody charge',
  nationality: 'Nationality',
};

const NOTE_ID = 'breakdowns-suppressed-note';

function Value({ value }: { value: number | null | undefined }) {
  if (value === null) return <span className="desk-suppressed">suppressed</span>;
  if (value === undefined) return null;
  return <>{formatCount(value)}</>;
}

function totalOf(
  totals: readonly { key: string; value: number | null }[] | undefined,
  key: string,
) {
  return totals?.find((total) => total.key === key);
}

function BreakdownTable({ breakdowns, table }: { breakdowns: Breakdowns; table: Table }) {
  const caption = `${table.label}: the ${breakdowns.agencyShort}’s figures for ${breakdowns.period.label}`;
  if (table.withheld) {
    return (
      <div className="desk-breakdown-withheld">
        <h3 className="desk-breakdown-heading">{caption}</h3>
        <p>
          Withheld: this table could not be protected even with every cell suppressed, so none of it
          is published.
        </p>
      </div>
    );
  }
  const columnLabel = (id: string) =>
    breakdowns.columns.find((column) => column.id === id)?.label ?? id;
  const rowTotals = table.rowTotals;
  const columnTotals = table.columnTotals;
  const grand: Total = table.grandTotal;
  const hasTotalRow = columnTotals !== undefined || grand !== undefined;
  const hasTotalColumn = rowTotals !== undefined || grand !== undefined;
  return (
    <div className="desk-table-scroll">
      <table
        className="usa-table usa-table--borderless desk-table desk-breakdown"
        id={`breakdown-${table.id}`}
        aria-describedby={NOTE_ID}
      >
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{DIMENSION_LABELS[table.dimension]}</th>
            {table.columns.map((column) => (
              <th key={column} scope="col">
                {columnLabel(column)}
              </th>
            ))}
            {hasTotalColumn && <th scope="col">Total</th>}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, index) => (
            <tr key={row}>
              <th scope="row">{rowLabel(table, row)}</th>
              {table.columns.map((column, col) => (
                <td key={column} className="desk-number">
                  <Value value={table.cells[index]?.[col]} />
                </td>
              ))}
              {hasTotalColumn && (
                <td className="desk-number">
                  <Value value={totalOf(rowTotals, row)?.value} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
        {hasTotalRow && (
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              {table.columns.map((column) => (
                <td key={column} className="desk-number">
                  <Value value={totalOf(columnTotals, column)?.value} />
                </td>
              ))}
              {hasTotalColumn && (
                <td className="desk-number">
                  <Value value={grand?.value} />
                </td>
              )}
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}

/**
 * The breakdowns section: the tables, the reason the API gives for not breaking a period down,
 * or its problem. The caller renders it only for a statutory period.
 */
export function ReportBreakdowns({
  data,
  error,
  loading,
}: {
  data: Breakdowns | undefined;
  error: unknown;
  loading: boolean;
}) {
  const refused =
    error instanceof ApiError && error.problem.status === 400
      ? (error.problem.errors ?? []).map((issue) => issue.message)
      : [];
  return (
    <section aria-labelledby="breakdowns-heading" className="desk-breakdowns">
      <h2 id="breakdowns-heading">By month, facility, charge and nationality</h2>
      {loading && data === undefined && <p aria-live="polite">Loading the breakdowns…</p>}
      {refused.length > 0 ? (
        <p>The figures are not broken down for this period: {refused.join('; ')}.</p>
      ) : (
        error !== null &&
        error !== undefined && (
          <ProblemAlert error={error} heading="The breakdowns could not be loaded" />
        )
      )}
      {data !== undefined && (
        <>
          <p id={NOTE_ID}>
            A cell marked “suppressed” is not published: cells of 1 to 10, and others needed to
            protect them, are not shown. A suppressed cell says nothing about why it is suppressed.
            Each column’s total is the figure the law requires.
          </p>
          {data.tables.map((table) => (
            <BreakdownTable key={table.id} breakdowns={data} table={table} />
          ))}
          <h3>How the breakdowns are made</h3>
          <ul className="usa-list">
            {data.method.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
