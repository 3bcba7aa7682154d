/**
 * One mandated report (`/reports/{jurisdiction}?from=…&to=…`, public for a statutory period): its
 * headline first, then the agency, the period (statutory or custom), the law cited and the
 * versions in force during the period, each figure beside its paragraph with the statute's words
 * and the desk's method (and its reading, marked as such) behind a disclosure, the method notes,
 * and the data and audit-log state it was built on; downloads as the API serves them; any other
 * statutory period to choose. Printed, the page is the report. For a person whose permissions
 * include `report.cases`, a form builds the report for any period (the API's words beside a field
 * it refuses) and each figure offers the cases behind it, loaded from the audited `/cases` route
 * only when opened; nobody else is offered either, and the page never asks the API for them on
 * their behalf. A period the API will not show this person is refused in its words. A statutory
 * period's optional breakdowns (by month, facility, charge, nationality) follow its figures,
 * asked for with the report, their suppressed cells as the API leaves them; a period the API does
 * not break down shows its reason, and a custom period has none.
 * @module
 */
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link, Navigate, useLocation, useParams, useSearchParams } from 'react-router';
import { api, ApiError, ok } from '../api/client';
import type { components } from '../api/openapi';
import { VerificationBadge } from '../components/clause-list';
import { Field, type FieldErrors } from '../components/field';
import { ProblemAlert } from '../components/problem-alert';
import { ReportBreakdowns } from '../components/report-breakdowns';
import { formatCount, ReportDownloads } from '../components/report-links';
import { OMITTED_FIGURE_LABELS, PERIOD_KIND_LABELS, VERIFICATION_LABELS } from '../labels';
import { useSession } from '../session';
import { formatInstant } from '../time';

type Report = components['schemas']['Report'];
type Figure = Report['figures'][number];
type Verification = keyof typeof VERIFICATION_LABELS;

/** The report's JSON: the route also serves CSV and PDF, which this page only links to. */
function asReport(data: Report | string): Report {
  if (typeof data === 'string') throw new Error('The server did not answer with the report.');
  return data;
}

export function ReportPage() {
  const { jurisdiction = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const { state } = useSession();
  // The cases behind a figure, and a report for any period, are for the roles that may open them.
  const mayOpenCases =
    state.status === 'signed-in' &&
    !state.passwordChangeRequired &&
    state.user.permissions.includes('report.cases');
  const from = params.get('from');
  const to = params.get('to');
  const duties = useQuery({
    queryKey: ['report-duties'],
    queryFn: async () => ok(await api.GET('/api/reports')),
    staleTime: Infinity,
  });
  const duty = duties.data?.find((entry) => entry.jurisdiction === jurisdiction);
  const asked = from !== null && to !== null;
  const report = useQuery({
    queryKey: ['report', jurisdiction, from, to],
    queryFn: async () =>
      asReport(
        ok(
          await api.GET('/api/reports/{jurisdiction}', {
            params: { path: { jurisdiction }, query: { from: from ?? '', to: to ?? '' } },
          }),
        ),
      ),
    enabled: asked,
    staleTime: 60_000,
  });
  // A statutory period's breakdowns, asked for beside its report; none for any other period.
  const statutory =
    asked &&
    duty !== undefined &&
    duty.periods.some((period) => period.from === from && period.to === to);
  const breakdowns = useQuery({
    queryKey: ['report-breakdowns', jurisdiction, from, to],
    queryFn: async () =>
      ok(
        await api.GET('/api/reports/{jurisdiction}/breakdowns', {
          params: { path: { jurisdiction }, query: { from: from ?? '', to: to ?? '' } },
        }),
      ),
    enabled: statutory,
    staleTime: 60_000,
  });
  // With no period asked for, the latest statutory period.
  if (!asked && duty !== undefined) {
    const latest = duty.periods.at(-1);
    if (latest !== undefined) {
      return (
        <Navigate
          to={`?${new URLSearchParams({ from: latest.from, to: latest.to }).toString()}`}
          replace
        />
      );
    }
  }
  const errors = fieldErrorsOf(report.error);
  const signedOut = state.status === 'signed-out';
  const current = `${location.pathname}${location.search}`;
  return (
    <>
      <p className="desk-print-hide">
        <Link to="/reports">All reports</Link>
      </p>
      {report.data === undefined ? (
        <h1>{duty === undefined ? 'A mandated report' : `The ${duty.agency}’s report`}</h1>
      ) : (
        <ReportView
          report={report.data}
          mayTrace={mayOpenCases}
          breakdowns={
            statutory && report.data.period.kind === 'statutory' ? (
              <ReportBreakdowns
                data={breakdowns.data}
                error={breakdowns.error}
                loading={breakdowns.isFetching}
              />
            ) : undefined
          }
        />
      )}
      {duties.error !== null && (
        <ProblemAlert error={duties.error} heading="The reporting duties could not be loaded" />
      )}
      {report.isFetching && report.data === undefined && <p aria-live="polite">Building…</p>}
      {report.error !== null && (
        <>
          <ProblemAlert error={report.error} heading="No report for that period" />
          {signedOut && errors.size === 0 && (
            <p>
              <Link to={`/sign-in?next=${encodeURIComponent(current)}`}>Sign in</Link> to build this
              report, or choose one of the statutory periods below.
            </p>
          )}
        </>
      )}
      <section aria-labelledby="period-heading" className="desk-print-hide">
        <h2 id="period-heading">The report for another period</h2>
        {duty !== undefined && duty.periods.length > 0 && (
          <StatutoryChoice
            key={`${from ?? ''} ${to ?? ''}`}
            periods={duty.periods}
            current={{ from: from ?? '', to: to ?? '' }}
            choose={(period) => {
              setParams(period);
            }}
          />
        )}
        {mayOpenCases ? (
          <PeriodForm
            key={`${from ?? ''} ${to ?? ''}`}
            from={from ?? ''}
            to={to ?? ''}
            errors={errors}
            choose={(period) => {
              setParams(period);
            }}
          />
        ) : (
          <p>
            Only the periods the law sets are public: exact counts for any two periods would give
            the count of their difference, down to a single day or person. Reviewers, supervisors
            and auditors may build a report for any period.
          </p>
        )}
      </section>
    </>
  );
}

/** The API's message for each query field it refused (`from`, `to`). */
function fieldErrorsOf(error: unknown): FieldErrors {
  const issues = error instanceof ApiError ? (error.problem.errors ?? []) : [];
  return new Map(issues.map((issue) => [issue.path, issue.message]));
}

function ReportView({
  report,
  mayTrace,
  breakdowns,
}: {
  report: Report;
  mayTrace: boolean;
  breakdowns: ReactNode;
}) {
  const verification = report.law.verification as Verification;
  return (
    <article aria-labelledby="report-headline" className="desk-report">
      <h1 id="report-headline">{report.headline}</h1>
      <dl className="desk-facts">
        <dt>Agency</dt>
        <dd>{report.agency}</dd>
        <dt>Period</dt>
        <dd>
          {report.period.label}
          <br />
          <span>
            {PERIOD_KIND_LABELS[report.period.kind]}
            {report.period.due === undefined ? '' : `; the report was due ${report.period.due}`}.
          </span>
        </dd>
        <dt>The law</dt>
        <dd>
          <a href={report.law.url} rel="noreferrer">
            {report.law.citation}
          </a>{' '}
          {verification in VERIFICATION_LABELS && <VerificationBadge verification={verification} />}
        </dd>
        <dt>Law in force during the period</dt>
        <dd>
          <ul className="desk-plain-list">
            {report.lawInForce.map((version) => (
              <li key={version.version}>
                {version.version}, in force from {version.from}
              </li>
            ))}
          </ul>
        </dd>
        <dt>Data as of</dt>
        <dd>{formatInstant(report.dataAsOf)}</dd>
        <dt>Built on the audit log</dt>
        <dd>
          its first {formatCount(report.audit.size)} entries, Merkle root{' '}
          <code className="desk-hash">{report.audit.rootSha256}</code>
          {report.audit.checkpoint === undefined ? (
            '; no signed checkpoint covers them yet.'
          ) : (
            <details className="desk-checkpoint">
              <summary>The signed checkpoint it was built on</summary>
              <pre className="desk-note">{report.audit.checkpoint}</pre>
            </details>
          )}
        </dd>
      </dl>
      <div className="desk-print-hide">
        <h2 id="downloads-heading">Download this report</h2>
        <ReportDownloads
          jurisdiction={report.jurisdiction}
          period={report.period}
          formats={['json', 'csv', 'pdf']}
          about={`the ${report.agencyShort}’s report for ${report.period.label}`}
        />
      </div>
      <Figures report={report} mayTrace={mayTrace} />
      {breakdowns}
      <section aria-labelledby="method-heading">
        <h2 id="method-heading">Method</h2>
        <ul className="usa-list">
          {report.method.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      </section>
    </article>
  );
}

function Figures({ report, mayTrace }: { report: Report; mayTrace: boolean }) {
  return (
    <section aria-labelledby="figures-heading">
      <h2 id="figures-heading">The figures</h2>
      <div className="desk-table-scroll">
        <table className="usa-table usa-table--borderless desk-table desk-report-figures">
          <caption>
            Each figure {report.law.citation} lists, beside its paragraph. Open a figure for the
            law’s words and how the desk counts it.
          </caption>
          <thead>
            <tr>
              <th scope="col">Paragraph</th>
              <th scope="col">Figure</th>
              <th scope="col">Count</th>
              <th scope="col">The records do not settle</th>
              <th scope="col">About the figure</th>
            </tr>
          </thead>
          <tbody>
            {report.figures.map((figure) => (
              <tr key={figure.id} id={`figure-${figure.id}`}>
                <td>¶ {figure.paragraph}</td>
                <th scope="row" className="desk-report-figure">
                  {figure.label}
                  {figure.interpretation !== undefined && (
                    <>
                      {' '}
                      <span className="desk-badge desk-badge--unverified">The desk’s reading</span>
                    </>
                  )}
                </th>
                {figure.status === 'counted' ? (
                  <>
                    <td className="desk-number">{formatCount(figure.value)}</td>
                    <td className="desk-number">{formatCount(figure.unknown)}</td>
                  </>
                ) : (
                  <td colSpan={2}>
                    <strong>{OMITTED_FIGURE_LABELS[figure.status]}.</strong> {figure.reason}
                  </td>
                )}
                <td className="desk-report-about">
                  <FigureAbout figure={figure} />
                  {mayTrace && figure.status === 'counted' && (
                    <FigureCases report={report} figure={figure} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The figure's statute words, method and the desk's reading, behind a disclosure. */
function FigureAbout({ figure }: { figure: Figure }) {
  const body = (
    <>
      <blockquote className="desk-clause__text">{figure.statute}</blockquote>
      <p>
        <strong>How the desk counts it:</strong> {figure.method}
      </p>
      {figure.interpretation !== undefined && (
        <p>
          <strong>The desk’s reading</strong> (an interpretation, not the law’s words):{' '}
          {figure.interpretation}
        </p>
      )}
    </>
  );
  return (
    <>
      <details className="desk-figure-details">
        <summary>
          The law’s words and the method<span className="usa-sr-only"> for “{figure.label}”</span>
        </summary>
        {body}
      </details>
      {/* Printed, the report carries every figure's words whether or not it was opened. */}
      <div className="desk-print-only">{body}</div>
    </>
  );
}

/** The cases a figure counts, and those the records cannot settle, fetched when first opened. */
function FigureCases({
  report,
  figure,
}: {
  report: Report;
  figure: Extract<Figure, { status: 'counted' }>;
}) {
  const [open, setOpen] = useState(false);
  const traced = useQuery({
    queryKey: ['report-cases', report.jurisdiction, report.period.from, report.period.to],
    queryFn: async () =>
      asReport(
        ok(
          await api.GET('/api/reports/{jurisdiction}/cases', {
            params: {
              path: { jurisdiction: report.jurisdiction },
              query: { from: report.period.from, to: report.period.to },
            },
          }),
        ),
      ),
    enabled: open,
    staleTime: Infinity,
  });
  const behind = traced.data?.figures.find((candidate) => candidate.id === figure.id);
  return (
    <details
      className="desk-figure-cases desk-print-hide"
      onToggle={(event) => {
        if (event.currentTarget.open) setOpen(true);
      }}
    >
      <summary>
        Cases behind this figure<span className="usa-sr-only"> (“{figure.label}”)</span>
      </summary>
      <div aria-live="polite">
        {traced.isFetching && behind === undefined && <p>Loading the cases…</p>}
        {traced.error !== null && (
          <ProblemAlert error={traced.error} heading="The cases could not be loaded" />
        )}
        {behind?.status === 'counted' && (
          <>
            <CaseList heading="Counted" ids={behind.caseIds ?? []} />
            {(behind.unknownCaseIds ?? []).length > 0 && (
              <CaseList
                heading="The records do not settle whether they belong"
                ids={behind.unknownCaseIds ?? []}
              />
            )}
          </>
        )}
      </div>
    </details>
  );
}

function CaseList({ heading, ids }: { heading: string; ids: readonly string[] }) {
  return (
    <>
      <p className="desk-figure-cases__heading">
        {heading}: {formatCount(ids.length)} {ids.length === 1 ? 'case' : 'cases'}
      </p>
      {ids.length > 0 && (
        <ul className="desk-case-ids">
          {ids.map((id) => (
            <li key={id}>
              <Link to={`/cases/${encodeURIComponent(id)}`}>{id}</Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** Any of the agency's statutory periods, which are public. */
function StatutoryChoice({
  periods,
  current,
  choose,
}: {
  periods: readonly { from: string; to: string; label: string }[];
  current: { from: string; to: string };
  choose: (period: { from: string; to: string }) => void;
}) {
  const valueOf = (period: { from: string; to: string }) => `${period.from}/${period.to}`;
  const shown = periods.find((period) => valueOf(period) === valueOf(current));
  const [chosen, setChosen] = useState(valueOf(shown ?? periods.at(-1) ?? current));
  return (
    <form
      className="usa-form desk-period-form"
      onSubmit={(event) => {
        event.preventDefault();
        const period = periods.find((candidate) => valueOf(candidate) === chosen);
        if (period !== undefined) choose({ from: period.from, to: period.to });
      }}
    >
      <div className="usa-form-group">
        <label className="usa-label" htmlFor="statutory-period">
          Statutory period
        </label>
        <select
          id="statutory-period"
          className="usa-select"
          value={chosen}
          onChange={(event) => {
            setChosen(event.target.value);
          }}
        >
          {periods.map((period) => (
            <option key={valueOf(period)} value={valueOf(period)}>
              {period.label}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="usa-button">
        Open the report
      </button>
    </form>
  );
}

/** Build the report for any period: the API judges the days and its words show beside them. */
function PeriodForm({
  from,
  to,
  errors,
  choose,
}: {
  from: string;
  to: string;
  errors: FieldErrors;
  choose: (period: { from: string; to: string }) => void;
}) {
  const [days, setDays] = useState({ from, to });
  return (
    <form
      className="usa-form desk-period-form"
      aria-label="Any period"
      onSubmit={(event) => {
        event.preventDefault();
        choose(days);
      }}
    >
      <Field path="from" label="First day" errors={errors}>
        {(props) => (
          <input
            {...props}
            className="usa-input"
            type="date"
            required
            value={days.from}
            onChange={(event) => {
              setDays({ ...days, from: event.target.value });
            }}
          />
        )}
      </Field>
      <Field path="to" label="Last day" errors={errors}>
        {(props) => (
          <input
            {...props}
            className="usa-input"
            type="date"
            required
            value={days.to}
            onChange={(event) => {
              setDays({ ...days, to: event.target.value });
            }}
          />
        )}
      </Field>
      <button type="submit" className="usa-button">
        Build the report
      </button>
    </form>
  );
}
