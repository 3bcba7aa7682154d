/**
 * What if (`/what-if`): cases decided again under another law. Choose the law (a jurisdiction, or
 * one pinned to a version or a date) and the cases (the desk's, of an agency received in a period,
 * a file of cases, or the rows of an imported ICE release, of a state, facility and period), start
 * the replay, watch its progress or cancel it; then, for a release, what its rows gave (read,
 * replayed, skipped by reason, the facts it cannot tell), the totals as a chart with its table,
 * the answers that changed case by case with the clauses that made the difference, and the result
 * as CSV or JSON. The API runs the replay as a job (`/api/what-if/replays`); the page only shows
 * what it answers.
 * @module
 */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState, type SubmitEvent } from 'react';
import { api, ok } from '../api/client';
import type { components } from '../api/openapi';
import {
  AmendmentFields,
  amendmentFieldErrors,
  amendmentOf,
  EMPTY_AMENDMENT,
} from '../components/amendment-fields';
import { fieldErrorsOf, type FieldErrors } from '../components/field';
import { ProblemAlert } from '../components/problem-alert';
import { ReportChart } from '../components/report-chart';
import { AGENCY_LABELS } from '../labels';
import { amendmentText } from '../../../src/what-if/amendment-text.js';
import { replayChart, replayChartTable } from '../../../src/what-if/replay-charts.js';

type Job = components['schemas']['ReplayJob'];
type Result = components['schemas']['ReplayResult'];
type ReleaseInput = NonNullable<Result['release']>;

/** The label the demo's release carries (src/ice/synthetic-release.ts). */
const SYNTHETIC_TAG = 'SYNTHETIC DEMO RELEASE — not ICE data';

/** Laws people ask about; any other the API reads is accepted as typed. */
const SUGGESTED_LAWS = [
  ['nyc-doc@LL22/2013', 'DOC under Local Law 22 of 2013'],
  ['nyc-doc@LL62/2011', 'DOC under Local Law 62 of 2011'],
  ['nyc-nypd@LL21/2013', 'NYPD under Local Law 21 of 2013'],
  ['texas@SB 4', 'Texas SB 4, whatever the date'],
  ['california@SB 54', 'California Values Act, whatever the date'],
  ['texas', 'Texas law on each case’s dates'],
  ['california', 'California law on each case’s dates'],
] as const;

const AGENCIES = ['nyc-doc', 'nyc-nypd', 'nyc-probation'] as const;

/** The kinds of cases a replay takes, as the page offers them. */
const SOURCE_KINDS = [
  ['desk', 'The desk’s cases of an agency, received in a period'],
  ['file', 'A file of cases (JSON, NDJSON or the intake CSV)'],
  ['release', 'The detainers of an imported ICE release'],
] as const;
type SourceKind = (typeof SOURCE_KINDS)[number][0];

/** How many changed cases the table shows; the downloads hold them all. */
const CHANGES_SHOWN = 200;

const NUMBER = new Intl.NumberFormat('en-US');

export function ReplayPage() {
  const [under, setUnder] = useState('nyc-doc@LL22/2013');
  const [amendment, setAmendment] = useState(EMPTY_AMENDMENT);
  const [amendmentProblems, setAmendmentProblems] = useState<FieldErrors>(new Map());
  const [sourceKind, setSourceKind] = useState<SourceKind>('desk');
  const [agency, setAgency] = useState<string>('nyc-doc');
  const [from, setFrom] = useState('2016-01-01');
  const [to, setTo] = useState('2016-12-31');
  const [fileText, setFileText] = useState<string | undefined>(undefined);
  const [release, setRelease] = useState<ReleaseChoice>(NO_RELEASE_CHOICE);
  const [jobId, setJobId] = useState<string | undefined>(undefined);
  const [startError, setStartError] = useState<unknown>(undefined);
  const [starting, setStarting] = useState(false);

  const job = useQuery({
    queryKey: ['replay', jobId],
    enabled: jobId !== undefined,
    queryFn: async (): Promise<Job> => {
      const data = ok(
        await api.GET('/api/what-if/replays/{id}', { params: { path: { id: jobId! } } }),
      );
      if (typeof data === 'string') throw new Error('the server sent CSV, not the replay');
      return data;
    },
    refetchInterval: (query) => (query.state.data?.state === 'running' ? 500 : false),
  });

  async function start(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setStartError(undefined);
    setStarting(true);
    try {
      const source =
        sourceKind === 'desk'
          ? { kind: 'desk' as const, jurisdiction: agency, from, to }
          : sourceKind === 'file'
            ? { kind: 'file' as const, text: fileText ?? '' }
            : releaseSource(release);
      const { amendment: amended, problems } = amendmentOf(amendment);
      setAmendmentProblems(problems);
      if (problems.size > 0) return;
      const started = ok(
        await api.POST('/api/what-if/replays', {
          body: { under, source, ...(amended === undefined ? {} : { amendment: amended }) },
        }),
      );
      setJobId(started.id);
    } catch (error) {
      setStartError(error);
    } finally {
      setStarting(false);
    }
  }

  async function cancel() {
    if (jobId === undefined) return;
    try {
      ok(await api.DELETE('/api/what-if/replays/{id}', { params: { path: { id: jobId } } }));
      await job.refetch();
    } catch (error) {
      setStartError(error);
    }
  }

  const current = job.data;
  return (
    <div className="grid-container">
      <h1>What if: replay cases under another law</h1>
      <p>
        Each case is decided twice: under the law in force on its dates, and under the law you
        choose, from the same facts. Facts the chosen law asks for that the cases do not record are
        counted and named, never guessed.
      </p>
      <form className="usa-form usa-form--large" onSubmit={(event) => void start(event)}>
        <label className="usa-label" htmlFor="replay-under">
          Law to replay under
        </label>
        <div className="usa-hint" id="replay-under-hint">
          A jurisdiction (its law on each case’s dates), or one pinned to a version or a day:
          nyc-doc@LL22/2013, nyc-nypd@2014-01-01, texas@SB 4.
        </div>
        <input
          id="replay-under"
          className="usa-input"
          list="replay-laws"
          aria-describedby="replay-under-hint"
          value={under}
          onChange={(event) => {
            setUnder(event.target.value);
          }}
          required
        />
        <datalist id="replay-laws">
          {SUGGESTED_LAWS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </datalist>
        <AmendmentFields
          draft={amendment}
          errors={
            new Map([
              ...amendmentFieldErrors(fieldErrorsOf(startError), amendment),
              ...amendmentProblems,
            ])
          }
          onChange={setAmendment}
        />
        <fieldset className="usa-fieldset">
          <legend className="usa-legend">Cases</legend>
          {SOURCE_KINDS.map(([kind, label]) => (
            <div className="usa-radio" key={kind}>
              <input
                className="usa-radio__input"
                id={`replay-source-${kind}`}
                type="radio"
                name="replay-source"
                checked={sourceKind === kind}
                onChange={() => {
                  setSourceKind(kind);
                }}
              />
              <label className="usa-radio__label" htmlFor={`replay-source-${kind}`}>
                {label}
              </label>
            </div>
          ))}
        </fieldset>
        {sourceKind === 'desk' ? (
          <>
            <label className="usa-label" htmlFor="replay-agency">
              Agency
            </label>
            <select
              id="replay-agency"
              className="usa-select"
              value={agency}
              onChange={(event) => {
                setAgency(event.target.value);
              }}
            >
              {AGENCIES.map((id) => (
                <option key={id} value={id}>
                  {AGENCY_LABELS[id]}
                </option>
              ))}
            </select>
            <label className="usa-label" htmlFor="replay-from">
              Received from
            </label>
            <input
              id="replay-from"
              className="usa-input"
              type="date"
              value={from}
              onChange={(event) => {
                setFrom(event.target.value);
              }}
              required
            />
            <label className="usa-label" htmlFor="replay-to">
              Received to (inclusive)
            </label>
            <input
              id="replay-to"
              className="usa-input"
              type="date"
              value={to}
              onChange={(event) => {
                setTo(event.target.value);
              }}
              required
            />
          </>
        ) : sourceKind === 'release' ? (
          <ReleaseFields choice={release} onChange={setRelease} />
        ) : (
          <>
            <label className="usa-label" htmlFor="replay-file">
              Cases file (up to 1 MiB)
            </label>
            <input
              id="replay-file"
              className="usa-file-input"
              type="file"
              accept=".json,.ndjson,.csv,application/json,text/csv"
              onChange={(event) => {
                const file = event.target.files?.[0];
                if (file === undefined) setFileText(undefined);
                else void file.text().then(setFileText);
              }}
              required
            />
          </>
        )}
        <button
          type="submit"
          className="usa-button"
          disabled={
            starting ||
            current?.state === 'running' ||
            (sourceKind === 'release' && release.release === '')
          }
        >
          Replay
        </button>
      </form>
      {startError !== undefined && (
        <ProblemAlert error={startError} heading="The replay did not start" />
      )}
      {job.error !== null && <ProblemAlert error={job.error} />}
      {current !== undefined && <JobView job={current} onCancel={() => void cancel()} />}
    </div>
  );
}

function JobView({ job, onCancel }: { job: Job; onCancel: () => void }) {
  const { done, total } = job.progress;
  return (
    <section aria-labelledby="replay-job">
      <h2 id="replay-job">
        Replay of {job.source} under {job.under}
      </h2>
      <p aria-live="polite">
        {job.state === 'running' &&
          `Running: ${NUMBER.format(done)} of ${NUMBER.format(total)} cases decided.`}
        {job.state === 'cancelled' &&
          `Cancelled after ${NUMBER.format(done)} of ${NUMBER.format(total)} cases.`}
        {job.state === 'failed' && `The replay failed: ${job.error ?? 'no reason given'}.`}
        {job.state === 'done' && `Done: ${NUMBER.format(total)} cases replayed.`}
      </p>
      {job.state === 'running' && (
        <>
          <progress max={total} value={done} aria-label="Cases decided" />
          <button type="button" className="usa-button usa-button--secondary" onClick={onCancel}>
            Cancel the replay
          </button>
        </>
      )}
      {job.result !== undefined && <ResultView id={job.id} result={job.result} />}
    </section>
  );
}

function ResultView({ id, result }: { id: string; result: Result }) {
  const rows = result.changes.flatMap((change) =>
    change.changes.map((action) => ({ key: change.key, action })),
  );
  const shown = rows.slice(0, CHANGES_SHOWN);
  const citation = (key: string) => result.clauses[key]?.citation ?? key;
  return (
    <>
      <p>
        Under {result.under.label}: {NUMBER.format(result.changedCases)} of{' '}
        {NUMBER.format(result.cases)} cases would be answered differently. Answers that need
        information: {NUMBER.format(result.unknown.before)} under the law in force,{' '}
        {NUMBER.format(result.unknown.after)} under the law chosen.
      </p>
      {result.under.amendment !== undefined && (
        <div className="usa-summary-box" role="region" aria-labelledby="replay-amendment">
          <div className="usa-summary-box__body">
            <h3 className="usa-summary-box__heading" id="replay-amendment">
              The amendment (not law: cited in every answer it changes)
            </h3>
            {amendmentText(result.under.amendment)
              .split('\n')
              .map((line) => (
                <p key={line}>{line}</p>
              ))}
          </div>
        </div>
      )}
      <p>
        <a
          className="usa-button usa-button--outline"
          href={`/api/what-if/replays/${id}?format=csv`}
          download
        >
          Download the changes (CSV)
        </a>
        <a
          className="usa-button usa-button--outline"
          href={`/api/what-if/replays/${id}`}
          download={`replay-${id}.json`}
        >
          Download the result (JSON)
        </a>
      </p>
      {result.release !== undefined && <ReleaseInputView input={result.release} />}
      <ReportChart
        option={replayChart(result)}
        table={replayChartTable(result)}
        heading="Answers under the law in force and under the law chosen"
      />
      {result.newlyMissing.length > 0 && (
        <table className="usa-table usa-table--borderless">
          <caption>Facts the law chosen asks for that these cases do not record</caption>
          <thead>
            <tr>
              <th scope="col">Fact</th>
              <th scope="col">Cases</th>
            </tr>
          </thead>
          <tbody>
            {result.newlyMissing.map((fact) => (
              <tr key={fact.path}>
                <td>
                  <code>{fact.path}</code>
                </td>
                <td>{NUMBER.format(fact.cases)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <table className="usa-table usa-table--borderless usa-table--compact">
        <caption>
          Answers that changed
          {rows.length > CHANGES_SHOWN
            ? `: the first ${NUMBER.format(CHANGES_SHOWN)} of ${NUMBER.format(rows.length)} (the CSV has them all)`
            : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">Case</th>
            <th scope="col">Action</th>
            <th scope="col">Law in force</th>
            <th scope="col">Law chosen</th>
            <th scope="col">What made the difference</th>
          </tr>
        </thead>
        <tbody>
          {shown.map(({ key, action }) => (
            <tr key={`${key} ${action.action}`}>
              <th scope="row">{key}</th>
              <td>{action.action}</td>
              <td>{action.before.status}</td>
              <td>{action.after.status}</td>
              <td>
                {action.madeTheDifference.length === 0
                  ? (action.after.reason ?? 'the same clauses, on other facts')
                  : action.madeTheDifference.map(citation).join('; ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p>No answer changes under this law.</p>}
    </>
  );
}

/** The release and the filter as the form holds them; empty text is no filter. */
interface ReleaseChoice {
  release: string;
  state: string;
  facility: string;
  from: string;
  to: string;
  includeDuplicates: boolean;
}

const NO_RELEASE_CHOICE: ReleaseChoice = {
  release: '',
  state: '',
  facility: '',
  from: '',
  to: '',
  includeDuplicates: false,
};

function releaseSource(choice: ReleaseChoice) {
  const given = (value: string) => (value.trim() === '' ? undefined : value.trim());
  return {
    kind: 'release' as const,
    release: Number(choice.release),
    state: given(choice.state),
    facility: given(choice.facility),
    from: given(choice.from),
    to: given(choice.to),
    includeDuplicates: choice.includeDuplicates,
  };
}

function ReleaseFields({
  choice,
  onChange,
}: {
  choice: ReleaseChoice;
  onChange: (choice: ReleaseChoice) => void;
}) {
  const imports = useQuery({
    queryKey: ['ice-imports'],
    queryFn: async () => ok(await api.GET('/api/ice/imports')),
    staleTime: 60_000,
  });
  const list = imports.data?.imports ?? [];
  const first = list[0];
  // The first release is chosen until another is.
  useEffect(() => {
    if (choice.release === '' && first !== undefined) {
      onChange({ ...choice, release: String(first.importId) });
    }
  }, [choice, first, onChange]);
  const set = (field: keyof ReleaseChoice) => (value: string | boolean) => {
    onChange({ ...choice, [field]: value });
  };
  if (imports.error !== null) return <ProblemAlert error={imports.error} />;
  if (imports.data !== undefined && list.length === 0) {
    return (
      <p className="usa-hint" role="status">
        No ICE release is imported: an administrator imports one with{' '}
        <code>npx detainer-desk ice import FILE</code>.
      </p>
    );
  }
  return (
    <>
      <label className="usa-label" htmlFor="replay-release">
        Release
      </label>
      <select
        id="replay-release"
        className="usa-select"
        value={choice.release}
        onChange={(event) => {
          set('release')(event.target.value);
        }}
        required
      >
        {list.map((entry) => (
          <option key={entry.importId} value={String(entry.importId)}>
            {`${String(entry.importId)}: ${entry.fileName} (${NUMBER.format(entry.rowsLoaded)} detainers${entry.firstDate === null ? '' : `, ${entry.firstDate} to ${entry.lastDate ?? ''}`})`}
          </option>
        ))}
      </select>
      <div className="usa-hint" id="replay-release-hint">
        Each detainer is decided for the agency its facility falls under (every facility in Texas or
        California; New York City’s agencies by name), as of the day ICE prepared it. What a release
        cannot tell, such as the criminal history or a judicial warrant, stays unknown.
      </div>
      <label className="usa-label" htmlFor="replay-release-state">
        State (optional)
      </label>
      <input
        id="replay-release-state"
        className="usa-input"
        aria-describedby="replay-release-hint"
        value={choice.state}
        onChange={(event) => {
          set('state')(event.target.value);
        }}
      />
      <label className="usa-label" htmlFor="replay-release-facility">
        Facility name contains (optional)
      </label>
      <input
        id="replay-release-facility"
        className="usa-input"
        value={choice.facility}
        onChange={(event) => {
          set('facility')(event.target.value);
        }}
      />
      <label className="usa-label" htmlFor="replay-release-from">
        Prepared from (optional)
      </label>
      <input
        id="replay-release-from"
        className="usa-input"
        type="date"
        value={choice.from}
        onChange={(event) => {
          set('from')(event.target.value);
        }}
      />
      <label className="usa-label" htmlFor="replay-release-to">
        Prepared to, inclusive (optional)
      </label>
      <input
        id="replay-release-to"
        className="usa-input"
        type="date"
        value={choice.to}
        onChange={(event) => {
          set('to')(event.target.value);
        }}
      />
      <div className="usa-checkbox">
        <input
          className="usa-checkbox__input"
          id="replay-release-duplicates"
          type="checkbox"
          checked={choice.includeDuplicates}
          onChange={(event) => {
            set('includeDuplicates')(event.target.checked);
          }}
        />
        <label className="usa-checkbox__label" htmlFor="replay-release-duplicates">
          Include likely duplicates (another detainer for the same person within 24 hours)
        </label>
      </div>
    </>
  );
}

function ReleaseInputView({ input }: { input: ReleaseInput }) {
  const { rows } = input;
  return (
    <section aria-labelledby="replay-release-input">
      <h3 id="replay-release-input">The release’s rows</h3>
      {input.import.synthetic && (
        <p>
          <span className="usa-tag bg-secondary-dark text-no-uppercase">{SYNTHETIC_TAG}</span>
        </p>
      )}
      <p>
        ICE release {input.import.id} ({input.import.fileName}, format {input.import.format}):{' '}
        {NUMBER.format(rows.read)} rows read, {NUMBER.format(rows.mapped)} replayed as cases,{' '}
        {NUMBER.format(rows.skipped)} skipped.
      </p>
      {input.skipped.length > 0 && (
        <table className="usa-table usa-table--borderless">
          <caption>Rows skipped, by reason</caption>
          <thead>
            <tr>
              <th scope="col">Reason</th>
              <th scope="col">Rows</th>
            </tr>
          </thead>
          <tbody>
            {input.skipped.map((skip) => (
              <tr key={skip.text}>
                <td>{skip.text}</td>
                <td>{NUMBER.format(skip.rows)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {input.jurisdictions.length > 0 && (
        <table className="usa-table usa-table--borderless">
          <caption>Cases by the agency their facility falls under</caption>
          <thead>
            <tr>
              <th scope="col">Agency</th>
              <th scope="col">Cases</th>
              <th scope="col">Matched by an inferred facility name</th>
            </tr>
          </thead>
          <tbody>
            {input.jurisdictions.map((one) => (
              <tr key={one.jurisdiction}>
                <th scope="row">
                  {(AGENCY_LABELS as Record<string, string | undefined>)[one.jurisdiction] ??
                    one.jurisdiction}
                </th>
                <td>{NUMBER.format(one.cases)}</td>
                <td>{NUMBER.format(one.inferred)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {input.unknownFacts.length > 0 && (
        <table className="usa-table usa-table--borderless usa-table--compact">
          <caption>Facts the release cannot tell, left unknown (never guessed)</caption>
          <thead>
            <tr>
              <th scope="col">Fact</th>
              <th scope="col">Cases</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {input.unknownFacts.map((fact) => (
              <tr key={fact.path}>
                <th scope="row">
                  <code>{fact.path}</code>
                </th>
                <td>{NUMBER.format(fact.cases)}</td>
                <td>{fact.why}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
