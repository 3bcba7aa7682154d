/**
 * ICE's own records (`/ice`, public, no sign-in): what ICE's FOIA detainer releases count, as the
 * desk's ICE analytics answer it (`/api/ice/*`). Which releases the figures come from, then, for
 * the state and period chosen: counts by period, state, facility and outcome with their decline
 * rates, the facilities with the most recorded declines and the monthly series (a chart from
 * src/ice/analysis/series-chart.ts, drawn like the reports' charts, with its table), each with
 * the caveats its answer carries right by it; and ICE's records of New York City beside the figures
 * DOC and NYPD are reported to have published (`/api/ice/nyc`). The demo's synthetic release is
 * labelled wherever its figures appear. With no release imported, the page says how to import one.
 * Everything shown is the API's; the page only sorts and formats it.
 * @module
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { api, ok } from '../api/client';
import type { components } from '../api/openapi';
import { ProblemAlert } from '../components/problem-alert';
import { ReportChart } from '../components/report-chart';
import { AGENCY_LABELS } from '../labels';
import { formatInstant } from '../time';
import { iceSeriesChart, iceSeriesTable } from '../../../src/ice/analysis/series-chart.js';

type Schemas = components['schemas'];
type Caveat = Schemas['IceCaveat'];
type Coverage = Schemas['IceStats']['coverage'];
type Counts = Schemas['IceStats']['totals'];
type Row = Schemas['IceStatsRow'];
type ImportEntry = Schemas['IceImports']['imports'][number];
type NycFigure = Schemas['IceNycComparison']['figures'][number];
type NycReading = NycFigure['readings'][number];

/** The label the demo's release carries (src/ice/synthetic-release.ts), shown as a tag. */
const SYNTHETIC_TAG = 'SYNTHETIC DEMO RELEASE — not ICE data';

/** Each period: the filter's option and column heading, and the words in a table's caption. */
const PERIODS = {
  year: { label: 'Calendar year', phrase: 'calendar year' },
  'federal-fy': {
    label: 'Federal fiscal year (October to September)',
    phrase: 'federal fiscal year (October to September)',
  },
  'nyc-fy': {
    label: 'New York City fiscal year (July to June)',
    phrase: 'New York City fiscal year (July to June)',
  },
  month: { label: 'Month', phrase: 'month' },
} as const;
type Period = keyof typeof PERIODS;
const isPeriod = (value: string | null): value is Period =>
  value !== null && Object.keys(PERIODS).includes(value);

const OUTCOMES: Record<string, string> = {
  booked: 'Booked into ICE detention',
  declined: 'Declined by the agency (as ICE recorded it)',
  lifted: 'Lifted by ICE',
  other: 'Other lift reason',
  blank: 'No lift reason recorded',
};

const RELEASE_COVERAGE: Record<NycReading['releases'], string> = {
  whole: 'the whole period',
  part: 'part of the period',
  none: 'none of the period',
};

/** How many facilities the facility table shows before "Show all". */
const FACILITIES_SHOWN = 15;
/** How many facilities the top refusers table lists. */
const TOP_REFUSERS = 10;

const NUMBER = new Intl.NumberFormat('en-US');
const count = (value: number) => NUMBER.format(value);
const rate = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);

/** The filters as query parameters for the API (state only when one is chosen). */
const stateQuery = (state: string) => (state === '' ? {} : { state });

export function IceRecordsPage() {
  const imports = useQuery({
    queryKey: ['ice-imports'],
    queryFn: async () => ok(await api.GET('/api/ice/imports')),
    staleTime: 60_000,
  });
  return (
    <>
      <h1>ICE’s own records</h1>
      <p className="usa-intro">
        What ICE’s own detainer records count, as ICE released them under the Freedom of Information
        Act: detainers by period, place and outcome, decline rates, the facilities with the most
        recorded declines, and ICE’s records of New York City beside the figures the city’s agencies
        published. Each table carries the caveats of the data beside it.
      </p>
      {imports.error !== null && (
        <ProblemAlert error={imports.error} heading="ICE’s records could not be loaded" />
      )}
      {imports.isPending && <p aria-live="polite">Loading ICE’s records…</p>}
      {imports.data !== undefined &&
        (imports.data.imports.length === 0 ? (
          <NoRelease />
        ) : (
          <Records imports={imports.data.imports} caveats={imports.data.caveats} />
        ))}
    </>
  );
}

/** A fresh install: nothing imported yet, and how to import. */
function NoRelease() {
  return (
    <section aria-labelledby="no-release">
      <div className="usa-alert usa-alert--info">
        <div className="usa-alert__body">
          <h2 id="no-release" className="usa-alert__heading">
            No ICE release has been imported yet
          </h2>
          <p className="usa-alert__text">
            This desk holds none of ICE’s detainer records, so there is nothing to count. Its
            administrator can import a release, as below.
          </p>
        </div>
      </div>
      <HowToImport />
    </section>
  );
}

function HowToImport({ level = 2 }: { level?: 2 | 3 }) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <>
      <Heading id="how-to-import">How to import a release</Heading>
      <p>
        ICE’s record-level detainer data reaches the public through FOIA releases: NPR’s files for
        fiscal years 2008 to 2017, and the Deportation Data Project’s releases for 2023 onward (
        <a href="https://deportationdata.org" rel="noreferrer">
          deportationdata.org
        </a>
        ). Download a release as published (xlsx, CSV or parquet; any of the formats the desk reads)
        and, on the server, import it without editing it:
      </p>
      <pre>
        <code>npx detainer-desk ice import &lt;release file&gt; …</code>
      </pre>
      <p>
        The import checks every row and says how many it loaded and rejected. The figures appear
        here at once. The demo (<code>npm start</code> on a fresh install, or{' '}
        <code>npx detainer-desk demo</code>) imports a small synthetic release instead, labelled{' '}
        <strong>{SYNTHETIC_TAG}</strong>, to show the page.
      </p>
    </>
  );
}

function SyntheticTag() {
  return <span className="usa-tag bg-secondary-dark text-no-uppercase">{SYNTHETIC_TAG}</span>;
}

function Records({ imports, caveats }: { imports: ImportEntry[]; caveats: Caveat[] }) {
  const [params, setParams] = useSearchParams();
  const state = params.get('state') ?? '';
  const period: Period = isPeriod(params.get('period')) ? (params.get('period') as Period) : 'year';
  const choose = (next: { state?: string; period?: Period }) => {
    const merged = { state, period, ...next };
    setParams(Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== '')), {
      replace: true,
    });
  };
  const synthetic = imports.filter((entry) => entry.synthetic);
  return (
    <>
      {synthetic.length > 0 && (
        <div className="usa-alert usa-alert--warning" role="region" aria-labelledby="synthetic">
          <div className="usa-alert__body">
            <h2 id="synthetic" className="usa-alert__heading">
              {synthetic.length === imports.length
                ? 'Every figure on this page is made up'
                : 'Some figures on this page are made up'}
            </h2>
            <p className="usa-alert__text">
              The {SYNTHETIC_TAG} is a synthetic release the demo generated: invented facilities and
              people, volumes and outcomes chosen only so the page has something to show. It is not
              ICE data and says nothing about any real agency. Every table counting it is marked{' '}
              <SyntheticTag />.
            </p>
          </div>
        </div>
      )}
      <nav aria-label="On this page">
        <ul className="usa-list">
          <li>
            <a href="#releases">The releases these figures come from</a>
          </li>
          <li>
            <a href="#by-period">Detainers by period</a>
          </li>
          <li>
            <a href="#by-state">By state</a>
          </li>
          <li>
            <a href="#by-facility">By facility</a>
          </li>
          <li>
            <a href="#by-outcome">By outcome</a>
          </li>
          <li>
            <a href="#refusers">Most recorded declines</a>
          </li>
          <li>
            <a href="#series">Month by month</a>
          </li>
          <li>
            <a href="#nyc">New York City: ICE’s records beside the agencies’ figures</a>
          </li>
        </ul>
      </nav>
      <Releases imports={imports} caveats={caveats} />
      <Filters state={state} period={period} choose={choose} />
      <ByPeriod state={state} period={period} />
      <ByState state={state} />
      <ByFacility state={state} />
      <ByOutcome state={state} />
      <Refusers state={state} />
      <Series state={state} />
      <NycComparison />
      <HowToImport />
    </>
  );
}

function Releases({ imports, caveats }: { imports: ImportEntry[]; caveats: Caveat[] }) {
  return (
    <Section id="releases" title="The releases these figures come from" caveats={caveats}>
      <div
        className="usa-table-container--scrollable"
        tabIndex={0}
        role="region"
        aria-label="Releases"
      >
        <table className="usa-table usa-table--borderless usa-table--compact">
          <caption>Every release imported, oldest first</caption>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Format</th>
              <th scope="col">Prepared from</th>
              <th scope="col">to</th>
              <th scope="col" className="text-right">
                Rows read
              </th>
              <th scope="col" className="text-right">
                Loaded
              </th>
              <th scope="col" className="text-right">
                Rejected
              </th>
              <th scope="col" className="text-right">
                Likely duplicates
              </th>
              <th scope="col">Imported</th>
            </tr>
          </thead>
          <tbody>
            {imports.map((entry) => (
              <tr key={entry.importId}>
                <th scope="row">
                  {entry.fileName} {entry.synthetic && <SyntheticTag />}
                </th>
                <td>{entry.format}</td>
                <td>{entry.firstDate ?? '—'}</td>
                <td>{entry.lastDate ?? '—'}</td>
                <td className="text-right">{count(entry.rowsRead)}</td>
                <td className="text-right">{count(entry.rowsLoaded)}</td>
                <td className="text-right">{count(entry.rowsRejected)}</td>
                <td className="text-right">{count(entry.likelyDuplicates)}</td>
                <td>{formatInstant(entry.importedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        Likely duplicates (the same person id within 24 hours of an earlier detainer) are left out
        of every count below.
      </p>
    </Section>
  );
}

function Filters({
  state,
  period,
  choose,
}: {
  state: string;
  period: Period;
  choose: (next: { state?: string; period?: Period }) => void;
}) {
  const states = useQuery({
    queryKey: ['ice-stats', 'state', ''],
    queryFn: async () =>
      ok(await api.GET('/api/ice/stats', { params: { query: { by: 'state' } } })),
    staleTime: 60_000,
  });
  const names = (states.data?.rows ?? [])
    .map((row) => row.key.state)
    .filter((name): name is string => typeof name === 'string');
  return (
    <section aria-labelledby="filters">
      <h2 id="filters">Choose what to count</h2>
      <p>The state applies to every table below but New York City’s, which is always New York’s.</p>
      <form
        className="usa-form desk-filters"
        onSubmit={(event) => {
          event.preventDefault();
        }}
      >
        <div>
          <label className="usa-label" htmlFor="ice-state">
            State
          </label>
          <select
            id="ice-state"
            className="usa-select"
            value={state}
            onChange={(event) => {
              choose({ state: event.target.value });
            }}
          >
            <option value="">Every state</option>
            {/* A state asked for in the address but not in the data still shows as chosen. */}
            {state !== '' && !names.includes(state) && <option value={state}>{state}</option>}
            {names.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label className="usa-label" htmlFor="ice-period">
            Count by
          </label>
          <select
            id="ice-period"
            className="usa-select"
            value={period}
            onChange={(event) => {
              if (isPeriod(event.target.value)) choose({ period: event.target.value });
            }}
          >
            {Object.entries(PERIODS).map(([value, { label }]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </form>
    </section>
  );
}

/** A section: its heading, the releases it counts, the table, and right by it its caveats. */
function Section({
  id,
  title,
  caveats,
  coverage,
  children,
}: {
  id: string;
  title: string;
  caveats: readonly Caveat[] | undefined;
  coverage?: Coverage | undefined;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="margin-top-6">
      <h2 id={id}>{title}</h2>
      {coverage !== undefined && <CoverageLine coverage={coverage} />}
      {children}
      {caveats !== undefined && <Caveats caveats={caveats} about={title} />}
    </section>
  );
}

function CoverageLine({ coverage }: { coverage: Coverage }) {
  if (coverage.imports.length === 0) {
    return <p>No detainer counted: nothing in the releases matches.</p>;
  }
  return (
    <p>
      From{' '}
      {coverage.imports.map((entry, index) => (
        <span key={entry.importId}>
          {index > 0 && ', '}
          {entry.fileName} {entry.synthetic && <SyntheticTag />}
        </span>
      ))}
      ; detainers prepared {coverage.from ?? '—'} to {coverage.to ?? '—'}.
    </p>
  );
}

function Caveats({ caveats, about }: { caveats: readonly Caveat[]; about: string }) {
  return (
    <div className="usa-summary-box margin-y-2" aria-label={`Caveats: ${about}`} role="region">
      <div className="usa-summary-box__body">
        <h3 className="usa-summary-box__heading">Caveats</h3>
        <ul className="usa-list">
          {caveats.map((caveat) => (
            <li key={caveat.id} data-caveat={caveat.id}>
              {caveat.text}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

function useStats(by: string, state: string) {
  return useQuery({
    queryKey: ['ice-stats', by, state],
    queryFn: async () =>
      ok(await api.GET('/api/ice/stats', { params: { query: { by, ...stateQuery(state) } } })),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** The outcome columns and the two decline rates, as headers. */
function CountHeaders({ first }: { first: ReactNode }) {
  return (
    <tr>
      {first}
      <th scope="col" className="text-right">
        Detainers
      </th>
      <th scope="col" className="text-right">
        Booked into ICE detention
      </th>
      <th scope="col" className="text-right">
        Declined (recorded)
      </th>
      <th scope="col" className="text-right">
        Lifted by ICE
      </th>
      <th scope="col" className="text-right">
        Other
      </th>
      <th scope="col" className="text-right">
        No lift reason
      </th>
      <th scope="col" className="text-right">
        Decline rate
      </th>
      <th scope="col" className="text-right">
        Decline rate of those recorded
      </th>
    </tr>
  );
}

function CountCells({ counts }: { counts: Counts }) {
  return (
    <>
      <td className="text-right">{count(counts.detainers)}</td>
      <td className="text-right">{count(counts.booked)}</td>
      <td className="text-right">{count(counts.declined)}</td>
      <td className="text-right">{count(counts.lifted)}</td>
      <td className="text-right">{count(counts.other)}</td>
      <td className="text-right">{count(counts.blank)}</td>
      <td className="text-right">{rate(counts.declineRate)}</td>
      <td className="text-right">{rate(counts.declineRateOfRecorded)}</td>
    </>
  );
}

/** A table of counts, one row per group, with a total; scrollable by keyboard when narrow. */
function CountsTable({
  caption,
  first,
  rows,
  totals,
}: {
  caption: string;
  first: ReactNode;
  rows: { key: string; label: ReactNode; counts: Counts }[];
  totals?: Counts;
}) {
  return (
    <div
      className="usa-table-container--scrollable"
      tabIndex={0}
      role="region"
      aria-label={caption}
    >
      <table className="usa-table usa-table--borderless usa-table--compact desk-table">
        <caption>{caption}</caption>
        <thead>
          <CountHeaders first={first} />
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              <CountCells counts={row.counts} />
            </tr>
          ))}
        </tbody>
        {totals !== undefined && (
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              <CountCells counts={totals} />
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}

/** The state an answer counts, from its own filter (a previous answer may still be shown). */
const where = (filter: Record<string, unknown>) =>
  typeof filter.state === 'string' ? filter.state : 'every state';

/** The API's refusal, or that a count is under way (the previous one stays shown meanwhile). */
function Loading({
  query,
  what,
}: {
  query: { error: unknown; isFetching: boolean };
  what: string;
}) {
  if (query.error !== null && query.error !== undefined) {
    return <ProblemAlert error={query.error} heading={`${what} could not be counted`} />;
  }
  return (
    <p aria-live="polite" className="margin-0">
      {query.isFetching ? 'Counting…' : ''}
    </p>
  );
}

function ByPeriod({ state, period }: { state: string; period: Period }) {
  const stats = useStats(period, state);
  return (
    <Section
      id="by-period"
      title="Detainers by period"
      caveats={stats.data?.caveats}
      coverage={stats.data?.coverage}
    >
      <Loading query={stats} what="Detainers by period" />
      {stats.data !== undefined && <PeriodTable answer={stats.data} />}
    </Section>
  );
}

/** The table by the period the answer was asked for (the one chosen may still be counting). */
function PeriodTable({ answer }: { answer: Schemas['IceStats'] }) {
  const period = answer.by.find(isPeriod) ?? 'year';
  const { label, phrase } = PERIODS[period];
  const name = (value: Row['key'][string] | undefined) =>
    value === null || value === undefined
      ? '—'
      : period === 'federal-fy' || period === 'nyc-fy'
        ? `FY${String(value)}`
        : String(value);
  return (
    <CountsTable
      caption={`Detainers ICE prepared in ${where(answer.filter)}, by ${phrase}, and how ICE recorded their end`}
      first={<th scope="col">{label}</th>}
      rows={answer.rows.map((row) => ({
        key: String(row.key[period]),
        label: name(row.key[period]),
        counts: row,
      }))}
      totals={answer.totals}
    />
  );
}

function ByState({ state }: { state: string }) {
  const stats = useStats('state', state);
  return (
    <Section
      id="by-state"
      title="By state"
      caveats={stats.data?.caveats}
      coverage={stats.data?.coverage}
    >
      <Loading query={stats} what="Detainers by state" />
      {stats.data !== undefined && (
        <CountsTable
          caption={`Detainers ICE prepared in ${where(stats.data.filter)}, by the facility’s state, most first`}
          first={<th scope="col">State</th>}
          rows={[...stats.data.rows]
            .sort((a, b) => b.detainers - a.detainers)
            .map((row) => ({
              key: String(row.key.state),
              label: row.key.state ?? 'No state recorded',
              counts: row,
            }))}
          totals={stats.data.totals}
        />
      )}
    </Section>
  );
}

const agencyName = (id: string) =>
  id in AGENCY_LABELS ? AGENCY_LABELS[id as keyof typeof AGENCY_LABELS] : id;

/** "NEW YORK CITY DEPARTMENT OF CORRECTION … (NEW YORK)", with the agency it matched. */
function facilityLabel(row: Row): ReactNode {
  const facility = row.key.facility ?? 'No facility recorded';
  const agency = row.key.agency;
  return (
    <>
      {String(facility)}
      <span className="text-normal"> ({String(row.key.state ?? 'no state')})</span>
      {typeof agency === 'string' && (
        <span className="display-block text-normal font-body-3xs">
          Matched to {agencyName(agency)}
          {row.agencyInferred ? ' (inferred from the name: verify)' : ''}
        </span>
      )}
    </>
  );
}

function ByFacility({ state }: { state: string }) {
  const stats = useStats('facility,agency', state);
  const [all, setAll] = useState(false);
  const rows = [...(stats.data?.rows ?? [])].sort((a, b) => b.detainers - a.detainers);
  const shown = all ? rows : rows.slice(0, FACILITIES_SHOWN);
  return (
    <Section
      id="by-facility"
      title="By facility"
      caveats={stats.data?.caveats}
      coverage={stats.data?.coverage}
    >
      <Loading query={stats} what="Detainers by facility" />
      {stats.data !== undefined && (
        <>
          <CountsTable
            caption={`Detainers ICE prepared in ${where(stats.data.filter)}, by facility, most first: ${
              shown.length === rows.length
                ? `all ${count(rows.length)}`
                : `${count(shown.length)} of ${count(rows.length)}`
            } facilities`}
            first={<th scope="col">Facility (state)</th>}
            rows={shown.map((row) => ({
              key: `${String(row.key.facility)} ${String(row.key.state)}`,
              label: facilityLabel(row),
              counts: row,
            }))}
            totals={stats.data.totals}
          />
          {rows.length > FACILITIES_SHOWN && (
            <button
              id="ice-facilities-all"
              type="button"
              className="usa-button usa-button--outline"
              onClick={() => {
                setAll(!all);
              }}
            >
              {all
                ? `Show the ${String(FACILITIES_SHOWN)} with the most detainers`
                : `Show all ${count(rows.length)} facilities`}
            </button>
          )}
        </>
      )}
    </Section>
  );
}

function ByOutcome({ state }: { state: string }) {
  const stats = useStats('outcome', state);
  const total = stats.data?.totals.detainers ?? 0;
  return (
    <Section
      id="by-outcome"
      title="By outcome"
      caveats={stats.data?.caveats}
      coverage={stats.data?.coverage}
    >
      <Loading query={stats} what="Detainers by outcome" />
      {stats.data !== undefined && (
        <>
          <table className="usa-table usa-table--borderless usa-table--compact">
            <caption>
              How ICE recorded the end of the detainers it prepared in {where(stats.data.filter)}
            </caption>
            <thead>
              <tr>
                <th scope="col">Outcome (from the lift reason)</th>
                <th scope="col" className="text-right">
                  Detainers
                </th>
                <th scope="col" className="text-right">
                  Share
                </th>
              </tr>
            </thead>
            <tbody>
              {stats.data.rows.map((row) => {
                const outcome = String(row.key.outcome);
                return (
                  <tr key={outcome}>
                    <th scope="row">{OUTCOMES[outcome] ?? outcome}</th>
                    <td className="text-right">{count(row.detainers)}</td>
                    <td className="text-right">
                      {rate(total === 0 ? null : row.detainers / total)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Total</th>
                <td className="text-right">{count(total)}</td>
                <td className="text-right">{total === 0 ? '—' : '100.0%'}</td>
              </tr>
            </tfoot>
          </table>
          {stats.data.otherLiftReasons.length > 0 && (
            <>
              <h3>What “other” holds</h3>
              <ul className="usa-list">
                {stats.data.otherLiftReasons.map((other) => (
                  <li key={other.value}>
                    {other.value}: {count(other.detainers)}
                    {other.known ? '' : ' (a value the desk’s table of lift reasons does not know)'}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </Section>
  );
}

function Refusers({ state }: { state: string }) {
  const refusers = useQuery({
    queryKey: ['ice-refusers', state],
    queryFn: async () =>
      ok(
        await api.GET('/api/ice/refusers', {
          params: { query: { top: TOP_REFUSERS, ...stateQuery(state) } },
        }),
      ),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const data = refusers.data;
  return (
    <Section
      id="refusers"
      title="Most recorded declines"
      caveats={data?.caveats}
      coverage={data?.coverage}
    >
      <Loading query={refusers} what="The facilities with the most declines" />
      {data !== undefined && (
        <>
          <p>
            The facilities in {where(data.filter)} with the most detainers ICE recorded as declined,
            among the {count(data.facilitiesAtThreshold)} of {count(data.facilities)} facilities
            with at least {count(data.minDetainers)} detainers (so that no rate is read off a
            handful). The total is every facility’s.
          </p>
          <CountsTable
            caption={`The ${String(data.top)} facilities in ${where(data.filter)} with the most recorded declines`}
            first={<th scope="col">Facility (state)</th>}
            rows={data.rows.map((row, index) => ({
              key: `${String(row.key.facility)} ${String(row.key.state)}`,
              label: (
                <>
                  {index + 1}. {facilityLabel(row)}
                </>
              ),
              counts: row,
            }))}
            totals={data.totals}
          />
        </>
      )}
    </Section>
  );
}

function Series({ state }: { state: string }) {
  const series = useQuery({
    queryKey: ['ice-series', state],
    queryFn: async () =>
      ok(
        await api.GET('/api/ice/series', {
          params: { query: { interval: 'month', ...stateQuery(state) } },
        }),
      ),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const data = series.data;
  // Built once per answer: the chart redraws only when its option changes.
  const chart = useMemo(() => {
    if (data === undefined) return undefined;
    const place = where(data.filter);
    const synthetic = data.coverage.imports.some((entry) => entry.synthetic);
    return {
      option: iceSeriesChart(data.points, {
        where: place,
        ...(synthetic ? { syntheticLabel: SYNTHETIC_TAG } : {}),
      }),
      table: iceSeriesTable(data.points, { where: place }),
      heading: `Detainers ICE prepared in ${place}, month by month (months without any shown as zero)`,
    };
  }, [data]);
  return (
    <Section id="series" title="Month by month" caveats={data?.caveats} coverage={data?.coverage}>
      <Loading query={series} what="The monthly series" />
      {chart !== undefined && (
        <ReportChart option={chart.option} table={chart.table} heading={chart.heading} />
      )}
    </Section>
  );
}

/** "received 536", "honored 0", "transferred 20": the figures as the source gives them. */
function publishedFigures(figure: NycFigure): string[] {
  const parts: string[] = [];
  if (figure.received !== undefined) parts.push(`received ${count(figure.received)}`);
  if (figure.honored !== undefined) parts.push(`honored ${count(figure.honored)}`);
  if (figure.transferred !== undefined) parts.push(`transferred ${count(figure.transferred)}`);
  if (figure.notHonored !== undefined) parts.push(`not honored ${count(figure.notHonored)}`);
  return parts;
}

function IceCount({ reading, value }: { reading: NycReading; value: number }) {
  return (
    <td className="text-right">
      {reading.releases === 'none' ? (
        <>
          —<span className="usa-sr-only"> (no release imported covers this period)</span>
        </>
      ) : (
        count(value)
      )}
    </td>
  );
}

function NycComparison() {
  const nyc = useQuery({
    queryKey: ['ice-nyc'],
    queryFn: async () => ok(await api.GET('/api/ice/nyc')),
    staleTime: 60_000,
  });
  const data = nyc.data;
  return (
    <Section
      id="nyc"
      title="New York City: ICE’s records beside the agencies’ figures"
      caveats={data?.caveats}
      coverage={data?.coverage}
    >
      <Loading query={nyc} what="New York City’s figures" />
      {data !== undefined && (
        <>
          <p>
            Each figure DOC and NYPD are reported to have published, beside the detainers ICE’s
            releases record for the same period at the facilities matched to that agency, and in New
            York State as a whole. Where the source leaves the period open, each reading of it has
            its row. The releases imported run from {data.releasesFrom ?? '—'} to{' '}
            {data.releasesTo ?? '—'}; a period they do not reach shows “—”, not zero.
          </p>
          <div
            className="usa-table-container--scrollable"
            tabIndex={0}
            role="region"
            aria-label="The agencies’ published figures and ICE’s records of the same periods"
          >
            <table className="usa-table usa-table--borderless usa-table--compact">
              <caption>
                The agencies’ published figures and ICE’s records of the same periods
              </caption>
              <thead>
                <tr>
                  <th scope="col">Agency, period as published</th>
                  <th scope="col">Published (secondary source)</th>
                  <th scope="col">Reading of the period</th>
                  <th scope="col" className="text-right">
                    ICE: detainers at the agency’s facilities
                  </th>
                  <th scope="col" className="text-right">
                    of which booked into ICE detention
                  </th>
                  <th scope="col" className="text-right">
                    of which declined (recorded)
                  </th>
                  <th scope="col" className="text-right">
                    ICE: all of New York State
                  </th>
                  <th scope="col">The releases cover</th>
                </tr>
              </thead>
              <tbody>
                {data.figures.flatMap((figure) =>
                  figure.readings.map((reading) => (
                    <tr key={`${figure.jurisdiction} ${figure.published} ${reading.basis}`}>
                      <th scope="row">
                        {figure.agencyShort}, {figure.published}
                      </th>
                      <td>
                        <ul className="usa-list usa-list--unstyled">
                          {publishedFigures(figure).map((part) => (
                            <li key={part}>{part}</li>
                          ))}
                        </ul>
                      </td>
                      <td>
                        {reading.basis}:{' '}
                        <span className="display-block">
                          {reading.from} to {reading.to}
                        </span>
                      </td>
                      <IceCount reading={reading} value={reading.agency.detainers} />
                      <IceCount reading={reading} value={reading.agency.booked} />
                      <IceCount reading={reading} value={reading.agency.declined} />
                      <IceCount reading={reading} value={reading.newYorkState.detainers} />
                      <td>{RELEASE_COVERAGE[reading.releases]}</td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </div>
          <h3>Where each published figure comes from</h3>
          <ul className="usa-list">
            {data.figures.map((figure) => (
              <li key={`${figure.jurisdiction} ${figure.published}`}>
                {figure.agency}, {figure.published}: {figure.periodNote}{' '}
                {figure.sources.map((source, index) => (
                  <span key={source.url}>
                    {index > 0 && ' '}
                    <a href={source.url} rel="noreferrer">
                      {source.note}
                    </a>
                  </span>
                ))}
              </li>
            ))}
          </ul>
        </>
      )}
    </Section>
  );
}
