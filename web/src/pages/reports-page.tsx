/**
 * The public dashboard of the mandated reports (`/reports`, no sign-in): for each agency, every
 * statutory period with the figures the desk computes (received, held past release, transferred,
 * not honoured), each linked to its report and its downloads, and a trend chart with its table;
 * then each figure the agencies are reported to have published, beside the desk's figure for
 * every reading of its period that is a statutory one (others are not public); and how the
 * figures are made. Everything shown is the API's (`GET /api/dashboard`); the charts are drawn
 * from src/reports/report-charts.ts.
 * @module
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { api, ok } from '../api/client';
import type { components } from '../api/openapi';
import { ProblemAlert } from '../components/problem-alert';
import { ReportChart } from '../components/report-chart';
import { countText, formatCount, ReportDownloads, reportPath } from '../components/report-links';
import { DASHBOARD_FIGURE_LABELS, PUBLISHED_FIGURE_LABELS } from '../labels';
import { useSession } from '../session';
import { formatInstant } from '../time';
import {
  reasonsChart,
  reasonsTable,
  shortPeriodLabel,
  trendChart,
  trendTable,
  type ReasonPoint,
  type ReportChartOption,
  type TrendPoint,
} from '../../../src/reports/report-charts.js';

type Dashboard = components['schemas']['Dashboard'];
type AgencyFigures = Dashboard['agencies'][number];
type Row = AgencyFigures['periods'][number];
type Published = Dashboard['published'][number];
type FigureKey = keyof Row['figures'];
type PublishedKey = keyof typeof PUBLISHED_FIGURE_LABELS;

const FIGURE_KEYS = Object.keys(DASHBOARD_FIGURE_LABELS) as FigureKey[];

export function ReportsPage() {
  const dashboard = useQuery({
    queryKey: ['dashboard'],
    queryFn: async () => ok(await api.GET('/api/dashboard')),
    staleTime: 60_000,
  });
  return (
    <>
      <h1>Reports</h1>
      <p className="usa-intro">
        The figures the law requires New York City’s agencies to publish about civil immigration
        detainers, computed from the desk’s own records, period by period, each with its full
        report. Beside them, the figures the agencies are reported to have published.
      </p>
      {dashboard.error !== null && (
        <ProblemAlert error={dashboard.error} heading="The reports could not be loaded" />
      )}
      {dashboard.isPending && <p aria-live="polite">Loading the reports…</p>}
      {dashboard.data !== undefined && <DashboardView dashboard={dashboard.data} />}
    </>
  );
}

function DashboardView({ dashboard }: { dashboard: Dashboard }) {
  const { state } = useSession();
  // A report for a period the law does not set is for the roles that may open a report's cases.
  const mayOpenAnyPeriod =
    state.status === 'signed-in' &&
    !state.passwordChangeRequired &&
    state.user.permissions.includes('report.cases');
  const named = new Map(dashboard.agencies.map((agency) => [agency.jurisdiction, agency]));
  return (
    <>
      <p>
        Data as of {formatInstant(dashboard.dataAsOf)}, from the first{' '}
        {formatCount(dashboard.audit.size)} entries of the desk’s audit log (root{' '}
        <code className="desk-hash">{dashboard.audit.rootSha256}</code>).{' '}
        <a href="/api/dashboard" download="dashboard.json">
          The dashboard as JSON
        </a>
        .
      </p>
      <nav aria-label="On this page" className="desk-page-nav">
        <ul>
          {dashboard.agencies.map((agency) => (
            <li key={agency.jurisdiction}>
              <a href={`#agency-${agency.jurisdiction}`}>{agency.agency}</a>
            </li>
          ))}
          {dashboard.published.length > 0 && (
            <li>
              <a href="#published">What the agencies published</a>
            </li>
          )}
          <li>
            <a href="#method">How the figures are made</a>
          </li>
        </ul>
      </nav>
      {dashboard.agencies.map((agency) => (
        <AgencySection key={agency.jurisdiction} agency={agency} />
      ))}
      {dashboard.published.length > 0 && (
        <section aria-labelledby="published">
          <h2 id="published">What the agencies published, beside the desk’s figures</h2>
          <p>
            Each figure below is as a secondary source reports the agency published it, with the
            source. Where the source leaves open which period it means, every reading is a column;
            the desk’s own figures are beside it for each reading that is a statutory period.
          </p>
          {dashboard.published.map((entry) => (
            <PublishedView
              key={`${entry.jurisdiction} ${entry.published}`}
              entry={entry}
              agency={named.get(entry.jurisdiction)}
              mayOpenAnyPeriod={mayOpenAnyPeriod}
            />
          ))}
        </section>
      )}
      <Methodology />
    </>
  );
}

function FigureCell({ figure }: { figure: Row['figures'][FigureKey] }) {
  if (figure === null) {
    return (
      <td>
        <Absent why="not asked for by the period’s text" />
      </td>
    );
  }
  return <td className="desk-number">{countText(figure)}</td>;
}

function AgencySection({ agency }: { agency: AgencyFigures }) {
  const headingId = `agency-${agency.jurisdiction}`;
  const points = useMemo(
    () =>
      agency.periods.map((row): TrendPoint => {
        const point: { -readonly [K in keyof TrendPoint]: TrendPoint[K] } = {
          label: shortPeriodLabel(row.from, row.to),
        };
        if (row.figures.received !== null) point.received = row.figures.received.value;
        if (row.figures.held !== null) point.held = row.figures.held.value;
        if (row.figures.transferred !== null) point.transferred = row.figures.transferred.value;
        if (row.figures['not-honored'] !== null) {
          point.notHonored = row.figures['not-honored'].value;
        }
        return point;
      }),
    [agency],
  );
  const chart = useMemo(
    () => ({
      option: slantedPeriods(trendChart(points, { agency: agency.agencyShort })),
      table: trendTable(points, { agency: agency.agencyShort }),
    }),
    [points, agency.agencyShort],
  );
  // The periods whose text counts the reasons given; none before LL22/2013.
  const reasons = useMemo(() => {
    const counted = agency.periods
      .filter((row) => row.reasons.length > 0)
      .map((row): ReasonPoint => ({
        label: shortPeriodLabel(row.from, row.to),
        reasons: row.reasons,
      }));
    return counted.length === 0
      ? undefined
      : {
          option: slantedPeriods(reasonsChart(counted, { agency: agency.agencyShort })),
          table: reasonsTable(counted, { agency: agency.agencyShort }),
        };
  }, [agency]);
  return (
    <section aria-labelledby={headingId} className="desk-report-agency">
      <h2 id={headingId}>{agency.agency}</h2>
      {agency.periods.length === 0 ? (
        <p>No statutory period of this agency’s duty has ended yet.</p>
      ) : (
        <>
          <div className="desk-table-scroll">
            <table className="usa-table usa-table--borderless desk-table">
              <caption>
                The {agency.agencyShort}’s statutory reporting periods, with the figures the desk
                computes for each
              </caption>
              <thead>
                <tr>
                  <th scope="col">Period</th>
                  <th scope="col">The law</th>
                  {FIGURE_KEYS.map((key) => (
                    <th key={key} scope="col">
                      {DASHBOARD_FIGURE_LABELS[key]}
                    </th>
                  ))}
                  <th scope="col">Download</th>
                </tr>
              </thead>
              <tbody>
                {agency.periods.map((row) => (
                  <tr key={row.from}>
                    <th scope="row">
                      <Link to={reportPath(agency.jurisdiction, row)}>{row.label}</Link>
                    </th>
                    <td>{row.citation}</td>
                    {FIGURE_KEYS.map((key) => (
                      <FigureCell key={key} figure={row.figures[key]} />
                    ))}
                    <td>
                      <ReportDownloads
                        jurisdiction={agency.jurisdiction}
                        period={row}
                        formats={['json', 'csv']}
                        about={`the ${agency.agencyShort}’s report for ${row.label}`}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ReportChart
            heading={`The ${agency.agencyShort}’s figures by statutory period`}
            option={chart.option}
            table={chart.table}
          />
          {reasons !== undefined && (
            <ReportChart
              heading={`Reasons given for the detainers the ${agency.agencyShort} received`}
              option={reasons.option}
              table={reasons.table}
            />
          )}
        </>
      )}
    </section>
  );
}

/**
 * The rows of a published figure's table: each figure published or computed, the published one
 * and the desk's of the same name on one row; the agencies published "honoured", the desk counts
 * holds past release, and each keeps its own row.
 */
const COMPARED: readonly {
  label: string;
  published?: PublishedKey;
  desk?: FigureKey;
}[] = [
  { label: DASHBOARD_FIGURE_LABELS.received, published: 'received', desk: 'received' },
  { label: PUBLISHED_FIGURE_LABELS.honored, published: 'honored' },
  { label: DASHBOARD_FIGURE_LABELS.held, desk: 'held' },
  { label: DASHBOARD_FIGURE_LABELS.transferred, published: 'transferred', desk: 'transferred' },
  {
    label: DASHBOARD_FIGURE_LABELS['not-honored'],
    published: 'notHonored',
    desk: 'not-honored',
  },
];

function Absent({ why }: { why: string }) {
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="usa-sr-only">{why}</span>
    </>
  );
}

/** The periods' names slanted, so a dozen twelve-month periods fit under the chart. */
function slantedPeriods(option: ReportChartOption): ReportChartOption {
  const axis = option.xAxis;
  if (axis === undefined || Array.isArray(axis) || axis.type !== 'category') return option;
  return { ...option, xAxis: { ...axis, axisLabel: { ...axis.axisLabel, rotate: 40 } } };
}

/** The desk's figures for a reading of a published period, or null where not computed here. */
function computedOf(reading: Published['readings'][number]): Row | null {
  return reading.computed;
}

/** One published figure: what was published, its sources and period, and the desk's beside it. */
function PublishedView({
  entry,
  agency,
  mayOpenAnyPeriod,
}: {
  entry: Published;
  agency: AgencyFigures | undefined;
  mayOpenAnyPeriod: boolean;
}) {
  const short = agency?.agencyShort ?? entry.jurisdiction;
  const bases = entry.readings.map((reading) => reading.basis);
  // The desk's figures for each reading; a reading the dashboard does not compute (null) is in
  // its own report, linked from the column's heading.
  const readings = entry.readings.map((reading) => ({ ...reading, computed: computedOf(reading) }));
  const headingId = `published-${entry.jurisdiction}-${entry.published.replace(/\W+/g, '-')}`;
  return (
    <article aria-labelledby={headingId} className="desk-published">
      <h3 id={headingId}>
        {short}, {entry.published}
      </h3>
      <p>{entry.periodNote}</p>
      {bases.length > 1 && (
        <p>
          <strong>
            Whether the {short}’s published figures for {entry.published} are for the{' '}
            {bases.join(' or the ')} is not settled.
          </strong>{' '}
          The desk’s figures for each reading are beside them.
        </p>
      )}
      <div className="desk-table-scroll">
        <table className="usa-table usa-table--borderless desk-table">
          <caption>
            The {short}’s published figures for {entry.published} and the desk’s
          </caption>
          <thead>
            <tr>
              <th scope="col">Figure</th>
              <th scope="col">Published</th>
              {readings.map((reading) => (
                <th key={reading.from} scope="col">
                  The desk, {reading.basis}:{' '}
                  {reading.computed === null && !mayOpenAnyPeriod ? (
                    `${reading.from} to ${reading.to}`
                  ) : (
                    <Link to={reportPath(entry.jurisdiction, reading)}>
                      {reading.computed?.label ?? `${reading.from} to ${reading.to}`}
                    </Link>
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {COMPARED.map((row) => {
              const published = row.published === undefined ? undefined : entry[row.published];
              return (
                <tr key={row.label}>
                  <th scope="row">{row.label}</th>
                  <td className="desk-number">
                    {published === undefined ? (
                      <Absent why="not published" />
                    ) : (
                      formatCount(published)
                    )}
                  </td>
                  {readings.map((reading) =>
                    row.desk === undefined ? (
                      <td key={reading.from}>
                        <Absent why="the desk counts no figure by this name" />
                      </td>
                    ) : reading.computed === null ? (
                      <td key={reading.from}>
                        <Absent why="not public: not a period the law sets" />
                      </td>
                    ) : (
                      <FigureCell key={reading.from} figure={reading.computed.figures[row.desk]} />
                    ),
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {readings.some((reading) => reading.computed === null) && (
        <p>
          The desk publishes its own figures only for the periods the law sets, so a reading that is
          not one is left blank here:{' '}
          {mayOpenAnyPeriod
            ? 'its report is linked from its column.'
            : 'reviewers, supervisors and auditors may open its report.'}
        </p>
      )}
      <p>Sources (secondary: as reported, not the agency’s own report):</p>
      <ul>
        {entry.sources.map((source) => (
          <li key={source.url}>
            <a href={source.url} rel="noreferrer">
              {source.note}
            </a>
          </li>
        ))}
      </ul>
    </article>
  );
}

function Methodology() {
  return (
    <section aria-labelledby="method">
      <h2 id="method">How the figures are made</h2>
      <ul className="usa-list">
        <li>
          <strong>Each figure is one the law lists.</strong> Every report counts exactly what the
          agency’s reporting text asks for in the version in force for that period; each report
          quotes the paragraph beside its figure and cites the law.
        </li>
        <li>
          <strong>Counted from what the desk recorded.</strong> A detainer counts on the day it was
          received; a hold, a transfer or a release on the day the desk recorded that it happened,
          as a day in New York. A person or detainer is counted once in a figure.
        </li>
        <li>
          <strong>What the records cannot settle is counted apart.</strong> When a record does not
          say whether a case belongs in a figure (a criminal-history search not finished, a fact not
          recorded), the case is shown as “and N the records do not settle”, never guessed either
          way.
        </li>
        <li>
          <strong>Statutory periods are public.</strong> The rows above are the periods the law
          sets, and their figures are published exactly, as the law requires. Other periods (a
          calendar year, say) are not public, since exact counts for any two periods would give the
          count of their difference; reviewers, supervisors and auditors may build them, each
          labelled as not a statutory period and counted under the text in force on its last day.
        </li>
        <li>
          <strong>The desk’s reading.</strong> Where the law’s words leave a choice, the report
          marks the desk’s reading of them beside the figure.
        </li>
        <li>
          <strong>Checkable.</strong> Each report names the state of the desk’s tamper-evident audit
          log it was built from, so anyone can check it was built from an unaltered log. Reports
          never name a person.
        </li>
        <li>
          <strong>Published figures</strong> are as newspapers and hearings reported them, with
          their sources; they are not the desk’s and may count differently.
        </li>
      </ul>
    </section>
  );
}
