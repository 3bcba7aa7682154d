/**
 * What if (`/what-if`): cases decided again under another law. Choose the law (a jurisdiction, or
 * one pinned to a version or a date) and the cases (the desk's, of an agency received in a period,
 * or a file of cases), start the replay, watch its progress or cancel it; then the totals as a
 * chart with its table, the answers that changed case by case with the clauses that made the
 * difference, and the result as CSV or JSON. The API runs the replay as a job
 * (`/api/what-if/replays`); the page only shows what it answers.
 * @module
 */
import { useQuery } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { api, ok } from '../api/client';
import type { components } from '../api/openapi';
import { ProblemAlert } from '../components/problem-alert';
import { ReportChart } from '../components/report-chart';
import { AGENCY_LABELS } from '../labels';
import { replayChart, replayChartTable } from '../../../src/what-if/replay-charts.js';

type Job = components['schemas']['ReplayJob'];
type Result = components['schemas']['ReplayResult'];

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

/** How many changed cases the table shows; the downloads hold them all. */
const CHANGES_SHOWN = 200;

const NUMBER = new Intl.NumberFormat('en-US');

export function ReplayPage() {
  const [under, setUnder] = useState('nyc-doc@LL22/2013');
  const [sourceKind, setSourceKind] = useState<'desk' | 'file'>('desk');
  const [agency, setAgency] = useState<string>('nyc-doc');
  const [from, setFrom] = useState('2016-01-01');
  const [to, setTo] = useState('2016-12-31');
  const [fileText, setFileText] = useState<string | undefined>(undefined);
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
          : { kind: 'file' as const, text: fileText ?? '' };
      const started = ok(await api.POST('/api/what-if/replays', { body: { under, source } }));
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
        <fieldset className="usa-fieldset">
          <legend className="usa-legend">Cases</legend>
          <div className="usa-radio">
            <input
              className="usa-radio__input"
              id="replay-source-desk"
              type="radio"
              name="replay-source"
              checked={sourceKind === 'desk'}
              onChange={() => {
                setSourceKind('desk');
              }}
            />
            <label className="usa-radio__label" htmlFor="replay-source-desk">
              The desk’s cases of an agency, received in a period
            </label>
          </div>
          <div className="usa-radio">
            <input
              className="usa-radio__input"
              id="replay-source-file"
              type="radio"
              name="replay-source"
              checked={sourceKind === 'file'}
              onChange={() => {
                setSourceKind('file');
              }}
            />
            <label className="usa-radio__label" htmlFor="replay-source-file">
              A file of cases (JSON, NDJSON or the intake CSV)
            </label>
          </div>
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
          disabled={starting || current?.state === 'running'}
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
