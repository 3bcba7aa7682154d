/**
 * The queue: open cases by status, each running hold counting down, filters, and search by booking
 * number, name, NYSID or A-number. Everything pages through the API; the filters live in the
 * address, so a reload, the back button or signing in again returns to the same view.
 * @module
 */
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { useState, type ReactNode, type SubmitEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, ok, type CaseStatus } from '../api/client';
import type { paths } from '../api/openapi';
import { CodeOptions } from '../components/code-options';
import { formText } from '../components/form-panel';
import { HoldCountdown } from '../components/hold-countdown';
import { Pager } from '../components/pager';
import { ProblemAlert } from '../components/problem-alert';
import { AGENCY_LABELS, FORM_LABELS, labelOf, STATUS_LABELS } from '../labels';
import { formatInstant } from '../time';

const PAGE_SIZE = 25;
const OPEN_STATUSES: CaseStatus[] = [
  'received',
  'decided',
  'override-pending',
  'reviewed',
  'holding',
];
type CaseFilter = NonNullable<paths['/api/cases']['get']['parameters']['query']>;

/** Local midnight of a YYYY-MM-DD day, as the instant the API filters on. */
const dayStart = (day: string, plusDays = 0) => {
  const date = new Date(`${day}T00:00:00`);
  date.setDate(date.getDate() + plusDays);
  return date.toISOString();
};

const shortId = (id: string) => id.slice(-8);

export function QueuePage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === '') next.delete(key);
      else next.set(key, value);
    }
    setParams(next);
  };
  return (
    <>
      <h1>Queue</h1>
      <SearchForm
        initial={q}
        onSearch={(text) => {
          update({ q: text, at: undefined });
        }}
      />
      {q === '' ? (
        <CaseQueue params={params} update={update} />
      ) : (
        <SearchResults q={q} params={params} update={update} />
      )}
    </>
  );
}

function SearchForm({ initial, onSearch }: { initial: string; onSearch: (q: string) => void }) {
  const [text, setText] = useState(initial);
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSearch(text.trim());
  };
  return (
    <form className="desk-search" role="search" onSubmit={submit}>
      <label className="usa-label" htmlFor="case-search">
        Find a case by booking number, name, NYSID or A-number
      </label>
      <div className="desk-search__row">
        <input
          className="usa-input"
          id="case-search"
          type="search"
          name="q"
          value={text}
          onChange={(event) => {
            setText(event.target.value);
          }}
        />
        <button className="usa-button" type="submit">
          Search
        </button>
      </div>
    </form>
  );
}

type Update = (changes: Record<string, string | undefined>) => void;

function SearchResults({
  q,
  params,
  update,
}: {
  q: string;
  params: URLSearchParams;
  update: Update;
}) {
  const offset = Number(params.get('at') ?? '0');
  const result = useQuery({
    queryKey: ['search', q, offset],
    queryFn: async () =>
      ok(
        await api.GET('/api/search/cases', { params: { query: { q, limit: PAGE_SIZE, offset } } }),
      ),
    placeholderData: keepPreviousData,
  });
  return (
    <section aria-labelledby="search-heading">
      <h2 id="search-heading">Cases matching “{q}”</h2>
      <p>
        <Link to="/">Back to the queue</Link>
      </p>
      {result.error !== null && <ProblemAlert error={result.error} heading="The search failed" />}
      {result.data !== undefined && (
        <>
          <table className="usa-table usa-table--borderless desk-table">
            <caption className="usa-sr-only">Cases matching the search</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Booking number</th>
                <th scope="col">NYSID</th>
                <th scope="col">A-number</th>
                <th scope="col">Status</th>
                <th scope="col">Agency</th>
                <th scope="col">Received</th>
              </tr>
            </thead>
            <tbody>
              {result.data.items.map((hit) => (
                <tr key={hit.id}>
                  <th scope="row">
                    <Link to={`/cases/${hit.id}`}>{hit.name}</Link>
                  </th>
                  <td>{hit.bookingNumber}</td>
                  <td>{hit.nysid ?? '—'}</td>
                  <td>{hit.aNumber ?? '—'}</td>
                  <td>{STATUS_LABELS[hit.status]}</td>
                  <td>{labelOf(AGENCY_LABELS, hit.jurisdiction)}</td>
                  <td>{formatInstant(hit.receivedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager
            label="Search results pages"
            offset={offset}
            limit={PAGE_SIZE}
            total={result.data.total}
            onOffset={(next) => {
              update({ at: String(next) });
            }}
          />
        </>
      )}
    </section>
  );
}

function CaseQueue({ params, update }: { params: URLSearchParams; update: Update }) {
  const status = params.get('status') ?? '';
  const filter: CaseFilter = {
    limit: PAGE_SIZE,
    offset: Number(params.get('at') ?? '0'),
    ...(status === '' ? {} : { status: status as CaseStatus }),
    ...(params.get('agency') ? { jurisdiction: params.get('agency')! } : {}),
    ...(params.get('form') ? { form: params.get('form') as CaseFilter['form'] } : {}),
    ...(params.get('from') ? { receivedFrom: dayStart(params.get('from')!) } : {}),
    ...(params.get('to') ? { receivedBefore: dayStart(params.get('to')!, 1) } : {}),
  };
  const cases = useQuery({
    queryKey: ['cases', filter],
    queryFn: async () => ok(await api.GET('/api/cases', { params: { query: filter } })),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <StatusCounts
        current={status}
        onStatus={(next) => {
          update({ status: next, at: undefined });
        }}
      />
      <Filters params={params} update={update} />
      <section aria-labelledby="cases-heading">
        <h2 id="cases-heading">
          {status === '' ? 'All cases' : STATUS_LABELS[status as CaseStatus]}
        </h2>
        {cases.error !== null && (
          <ProblemAlert error={cases.error} heading="The cases could not be listed" />
        )}
        {cases.data !== undefined && (
          <>
            <table className="usa-table usa-table--borderless desk-table">
              <caption className="usa-sr-only">Cases, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Case</th>
                  <th scope="col">Status</th>
                  <th scope="col">Agency</th>
                  <th scope="col">Form</th>
                  <th scope="col">Received</th>
                  <th scope="col">Expected release</th>
                  <th scope="col">Hold</th>
                </tr>
              </thead>
              <tbody>
                {cases.data.items.map((item) => (
                  <tr key={item.id}>
                    <th scope="row">
                      <Link to={`/cases/${item.id}`}>Case {shortId(item.id)}</Link>
                    </th>
                    <td>{STATUS_LABELS[item.status]}</td>
                    <td>{labelOf(AGENCY_LABELS, item.jurisdiction)}</td>
                    <td>{labelOf(FORM_LABELS, item.form)}</td>
                    <td>{formatInstant(item.receivedAt)}</td>
                    <td>{formatInstant(item.expectedReleaseAt)}</td>
                    <td>
                      {item.status === 'holding' && item.holdUntil !== null ? (
                        <HoldCountdown until={item.holdUntil} />
                      ) : (
                        '—'
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pager
              label="Case list pages"
              offset={filter.offset ?? 0}
              limit={PAGE_SIZE}
              total={cases.data.total}
              onOffset={(next) => {
                update({ at: String(next) });
              }}
            />
          </>
        )}
      </section>
    </>
  );
}

/** How many cases wait in each open status, and how many holds have passed their lawful end. */
function StatusCounts({
  current,
  onStatus,
}: {
  current: string;
  onStatus: (status: string) => void;
}) {
  const counts = useQueries({
    queries: OPEN_STATUSES.map((status) => ({
      queryKey: ['count', status],
      queryFn: async () =>
        ok(await api.GET('/api/cases', { params: { query: { status, limit: 1 } } })).total,
    })),
  });
  const overdue = useQuery({
    queryKey: ['count', 'overdue'],
    queryFn: async () =>
      ok(await api.GET('/api/cases', { params: { query: { holdOverdue: 'true', limit: 1 } } }))
        .total,
  });
  return (
    <section aria-labelledby="open-heading">
      <h2 id="open-heading">Open cases</h2>
      {overdue.data !== undefined && overdue.data > 0 && (
        <div className="usa-alert usa-alert--error usa-alert--slim" role="status">
          <div className="usa-alert__body">
            <p className="usa-alert__text">
              <strong>{overdue.data}</strong> {overdue.data === 1 ? 'person is' : 'people are'} held
              past the lawful end of their hold. <Link to="/?status=holding">Show the holds</Link>
            </p>
          </div>
        </div>
      )}
      <ul className="desk-counts">
        {OPEN_STATUSES.map((status, index) => (
          <li key={status}>
            <button
              type="button"
              className={current === status ? 'desk-count desk-count--current' : 'desk-count'}
              aria-pressed={current === status}
              onClick={() => {
                onStatus(current === status ? '' : status);
              }}
            >
              <span className="desk-count__number">{counts[index]?.data ?? '…'}</span>
              <span>{STATUS_LABELS[status]}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A filter's label and field; the field shows the filter in the address. */
function Filter({ name, label, children }: { name: string; label: string; children: ReactNode }) {
  return (
    <div>
      <label className="usa-label" htmlFor={`filter-${name}`}>
        {label}
      </label>
      {children}
    </div>
  );
}

/** A filter over the API's codes, in their words; empty is any. */
function FilterSelect({
  name,
  label,
  any,
  labels,
}: {
  name: string;
  label: string;
  any: string;
  labels: Readonly<Record<string, string>>;
}) {
  const [params] = useSearchParams();
  return (
    <Filter name={name} label={label}>
      <select
        className="usa-select"
        id={`filter-${name}`}
        name={name}
        defaultValue={params.get(name) ?? ''}
      >
        <option value="">{any}</option>
        <CodeOptions labels={labels} />
      </select>
    </Filter>
  );
}

function FilterDay({ name, label }: { name: string; label: string }) {
  const [params] = useSearchParams();
  return (
    <Filter name={name} label={label}>
      <input
        className="usa-input"
        id={`filter-${name}`}
        name={name}
        type="date"
        defaultValue={params.get(name) ?? ''}
      />
    </Filter>
  );
}

function Filters({ params, update }: { params: URLSearchParams; update: Update }) {
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    update({
      status: formText(form, 'status'),
      agency: formText(form, 'agency'),
      form: formText(form, 'form'),
      from: formText(form, 'from'),
      to: formText(form, 'to'),
      at: undefined,
    });
  };
  // Keyed by the address, so the fields show the filters in force after back/forward.
  return (
    <form
      key={params.toString()}
      className="usa-form desk-filters"
      onSubmit={submit}
      aria-label="Filter cases"
    >
      <FilterSelect name="status" label="Status" any="Any status" labels={STATUS_LABELS} />
      <FilterSelect name="agency" label="Agency" any="Any agency" labels={AGENCY_LABELS} />
      <FilterSelect name="form" label="Form" any="Any form" labels={FORM_LABELS} />
      <FilterDay name="from" label="Received from" />
      <FilterDay name="to" label="Received to" />
      <div className="desk-filters__actions">
        <button className="usa-button" type="submit">
          Apply filters
        </button>
      </div>
    </form>
  );
}
