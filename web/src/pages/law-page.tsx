/**
 * The law browser, public: each jurisdiction's law as a timeline of periods in which none of its
 * clauses changes; pick a date (or a period) and read the law in force, each clause's statute text
 * beside the rules the engine encodes from it, with the clause ids decisions cite and a badge for
 * how far each text is verified. Everything shown is the API's (`/api/law/…`).
 * @module
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { api, ok } from '../api/client';
import type { components } from '../api/openapi';
import { VerificationBadge } from '../components/clause-list';
import { ProblemAlert } from '../components/problem-alert';
import { OUTCOME_LABELS } from '../labels';

type LawInForce = components['schemas']['LawInForce'];
type LawTimeline = components['schemas']['LawTimeline'];
type ClauseInForce = LawInForce['clauses'][number];
type Outcome = ClauseInForce['rules'][number]['base'];

export function LawPage() {
  const [params, setParams] = useSearchParams();
  const timelines = useQuery({
    queryKey: ['law-timelines'],
    queryFn: async () => ok(await api.GET('/api/law/jurisdictions')),
    staleTime: Infinity,
  });
  const jurisdiction = params.get('jurisdiction') ?? timelines.data?.[0]?.id ?? '';
  const timeline = timelines.data?.find((entry) => entry.id === jurisdiction);
  // Unless a day is asked for, today where the jurisdiction is (en-CA writes YYYY-MM-DD).
  const date =
    params.get('date') ??
    new Intl.DateTimeFormat('en-CA', { timeZone: timeline?.timeZone }).format(new Date());
  const choose = (next: { jurisdiction?: string; date?: string }) => {
    setParams({ jurisdiction, date, ...next });
  };
  return (
    <>
      <h1>The law</h1>
      <p>
        The law the desk decides by, as encoded: pick a place and a day to read the law in force
        then, each clause’s text beside the rules built from it.
      </p>
      {timelines.error !== null && (
        <ProblemAlert error={timelines.error} heading="The law could not be loaded" />
      )}
      {timelines.data !== undefined && (
        <form
          className="usa-form desk-law-choice"
          onSubmit={(event) => {
            event.preventDefault();
          }}
        >
          <label className="usa-label" htmlFor="law-jurisdiction">
            Jurisdiction
          </label>
          <select
            id="law-jurisdiction"
            className="usa-select"
            value={jurisdiction}
            onChange={(event) => {
              choose({ jurisdiction: event.target.value });
            }}
          >
            {timelines.data.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {entry.name}
              </option>
            ))}
          </select>
          <label className="usa-label" htmlFor="law-date">
            Read the law in force on
          </label>
          <input
            id="law-date"
            className="usa-input"
            type="date"
            value={date}
            onChange={(event) => {
              if (event.target.value !== '') choose({ date: event.target.value });
            }}
          />
        </form>
      )}
      {timeline !== undefined && <Timeline timeline={timeline} date={date} choose={choose} />}
      {jurisdiction !== '' && <LawInForceView jurisdiction={jurisdiction} date={date} />}
    </>
  );
}

function Timeline({
  timeline,
  date,
  choose,
}: {
  timeline: LawTimeline;
  date: string;
  choose: (next: { date: string }) => void;
}) {
  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{timeline.name}: versions of the law</h2>
      <p>
        Each period below has the same law throughout. Texts last checked against their sources on{' '}
        {timeline.lastVerifiedOn}.
      </p>
      <ol className="usa-list desk-law-timeline">
        {timeline.periods.map((period) => {
          const current = period.from <= date && (period.to === null || date <= period.to);
          return (
            <li key={period.from}>
              <button
                type="button"
                className={`usa-button ${current ? '' : 'usa-button--outline'}`}
                aria-current={current ? 'true' : undefined}
                onClick={() => {
                  choose({ date: period.from });
                }}
              >
                {period.to === null ? `${period.from} onward` : `${period.from} to ${period.to}`}
              </button>{' '}
              <span>{beginning(period.begins)}</span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** "LL58/2014 (8 clauses); …": the enactments a period begins with, each once. */
function beginning(clauses: LawTimeline['periods'][number]['begins']): string {
  const counts = new Map<string, number>();
  for (const clause of clauses) counts.set(clause.version, (counts.get(clause.version) ?? 0) + 1);
  return [...counts]
    .map(
      ([version, count]) => `${version} (${String(count)} ${count === 1 ? 'clause' : 'clauses'})`,
    )
    .join('; ');
}

function LawInForceView({ jurisdiction, date }: { jurisdiction: string; date: string }) {
  const law = useQuery({
    queryKey: ['law-in-force', jurisdiction, date],
    queryFn: async () =>
      ok(await api.GET('/api/law/in-force', { params: { query: { jurisdiction, date } } })),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
  return (
    <div>
      {law.error !== null && <ProblemAlert error={law.error} heading="No law for that day" />}
      {law.data !== undefined && law.error === null && <LawText law={law.data} />}
    </div>
  );
}

function LawText({ law }: { law: LawInForce }) {
  return (
    <>
      <h2>
        {law.jurisdiction.name}: the law in force on {law.date}
      </h2>
      <p>
        The same law since {law.from}. Law hash <code>{law.hash}</code>.
      </p>
      {law.unchecked && (
        <div className="usa-alert usa-alert--warning usa-alert--slim">
          <div className="usa-alert__body">
            <p className="usa-alert__text">
              The texts were last checked against their sources on {law.lastVerifiedOn}; an
              amendment after that day is not reflected here.
            </p>
          </div>
        </div>
      )}
      <table className="usa-table usa-table--borderless">
        <caption>Which clause decides each action</caption>
        <thead>
          <tr>
            <th scope="col">Action</th>
            <th scope="col">Decided by</th>
          </tr>
        </thead>
        <tbody>
          {law.decidedBy.map((entry) => (
            <tr key={entry.action}>
              <th scope="row">{entry.title}</th>
              <td>
                <a href={`#clause-${entry.clause}`}>{entry.clause}</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {law.clauses.map((clause) => (
        <ClauseView key={clause.id} clause={clause} />
      ))}
    </>
  );
}

function ClauseView({ clause }: { clause: ClauseInForce }) {
  const encoded =
    clause.rules.length + clause.defines.length + clause.duties.length + clause.cautions.length;
  return (
    <article
      id={`clause-${clause.id}`}
      className="desk-law-clause"
      aria-labelledby={`clause-${clause.id}-heading`}
    >
      <h3 id={`clause-${clause.id}-heading`}>
        {clause.citation}: {clause.title}
      </h3>
      <p>
        <VerificationBadge verification={clause.verification} /> Clause <code>{clause.id}</code>,
        version {clause.version}; in force from {clause.validFrom}
        {clause.validTo === null ? '' : `; not in force from ${clause.validTo}`}.{' '}
        <a href={clause.url} rel="noreferrer">
          Source
        </a>
      </p>
      <div className="grid-row grid-gap">
        <div className="tablet:grid-col-6">
          <h4>Statute text</h4>
          <blockquote className="desk-clause__text">{clause.text}</blockquote>
          {clause.note !== null && <p>Note: {clause.note}</p>}
        </div>
        <div className="tablet:grid-col-6">
          <h4>What the desk encodes from it</h4>
          {encoded === 0 && <p>Nothing on its own: other clauses cite it.</p>}
          {clause.rules.map((rule) => (
            <div key={rule.action}>
              <h5>Rule: {rule.title}</h5>
              <p>
                Unless an exception below holds: <OutcomeText outcome={rule.base} />
              </p>
              {rule.exceptions.length > 0 && (
                <ol>
                  {rule.exceptions.map((exception) => (
                    <li key={exception.label}>
                      If {exception.label}: <OutcomeText outcome={exception} />
                    </li>
                  ))}
                </ol>
              )}
            </div>
          ))}
          {clause.defines.length > 0 && (
            <p>
              Defines{' '}
              {clause.defines.map((term, index) => (
                <span key={term}>
                  {index > 0 && ', '}
                  <code>{term}</code>
                </span>
              ))}
              .
            </p>
          )}
          {clause.duties.length > 0 && <Obligations heading="Duties" list={clause.duties} />}
          {clause.cautions.length > 0 && <Obligations heading="Cautions" list={clause.cautions} />}
        </div>
      </div>
    </article>
  );
}

function OutcomeText({ outcome }: { outcome: Outcome }) {
  return (
    <>
      <strong>{OUTCOME_LABELS[outcome.status]}.</strong> {outcome.explanation}
      {outcome.holdLimit !== null && ` Hold limit: ${outcome.holdLimit}.`}
      {outcome.cites.length > 0 && ` (${outcome.cites.join(', ')})`}
    </>
  );
}

function Obligations({ heading, list }: { heading: string; list: ClauseInForce['duties'] }) {
  return (
    <>
      <h5>{heading}</h5>
      <ul>
        {list.map((entry) => (
          <li key={entry.id}>
            {entry.text} <code>({entry.id})</code>
          </li>
        ))}
      </ul>
    </>
  );
}
