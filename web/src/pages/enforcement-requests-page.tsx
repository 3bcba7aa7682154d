/**
 * The § 10-178(d) record: a clerk records each request from a non-local law enforcement agency
 * for the city's support or assistance intended to further immigration enforcement, and the
 * response and actions taken; the requests recorded, a page at a time, each open one with a form
 * for its response; and the quarterly report to the Speaker built from them. The record names
 * agencies, never a person: the API refuses text shaped like an identifier, in its own words beside
 * the field.
 * @module
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, ok } from '../api/client';
import type { components, paths } from '../api/openapi';
import { CodeOptions } from '../components/code-options';
import { Field, fieldErrorsOf, type FieldErrors } from '../components/field';
import { FormPanel, formText } from '../components/form-panel';
import { Pager } from '../components/pager';
import { ProblemAlert } from '../components/problem-alert';
import { useSession } from '../session';
import { formatInstant } from '../time';

type Schemas = components['schemas'];
type NewRequest = Schemas['NewEnforcementRequest'];
type RequestView = Schemas['EnforcementRequest'];
type Response = Schemas['EnforcementRequestResponse'];
type Withholding = Schemas['EnforcementRequestWithholding'];
type Respond =
  paths['/api/enforcement-requests/{id}/response']['post']['requestBody']['content']['application/json'];
type Report = Schemas['QuarterlyRequestsReport'];
type Counts = Schemas['QuarterlyRequestCounts'];

const RECEIVING_LABELS: Record<NewRequest['receivingAgency'], string> = {
  'nyc-doc': 'Department of Correction',
  'nyc-nypd': 'Police Department',
  'nyc-probation': 'Department of Probation',
  other: 'Another city agency (name it below)',
};

const REQUESTING_LABELS: Record<NewRequest['requestingAgency'], string> = {
  ice: 'U.S. Immigration and Customs Enforcement (ICE)',
  hsi: 'Homeland Security Investigations (HSI)',
  cbp: 'U.S. Customs and Border Protection (CBP)',
  'us-marshals': 'U.S. Marshals Service',
  fbi: 'Federal Bureau of Investigation (FBI)',
  dea: 'Drug Enforcement Administration (DEA)',
  atf: 'Bureau of Alcohol, Tobacco, Firearms and Explosives (ATF)',
  'state-police': 'A state’s police (name it below)',
  other: 'Another agency (name it below)',
};

const RESPONSE_LABELS: Record<Response['kind'], string> = {
  agreed: 'Agreed',
  declined: 'Declined',
  partly: 'Agreed in part',
};

const GROUND_LABELS: Record<Withholding['ground'], string> = {
  investigation: '§ 10-178(d)(i): disclosure would interfere with law enforcement investigations',
  'public-safety':
    '§ 10-178(d)(ii): related to a cooperative arrangement under subdivision e(i), and disclosure would compromise public safety',
};

const PAGE_SIZE = 10;
const NO_PERSON =
  'Describe the request, not the person: no name, date of birth, A-number, NYSID or booking number.';

/** A `datetime-local` value in the browser's zone, as the instant the API takes. */
const instantOf = (local: string) => (local === '' ? '' : new Date(local).toISOString());
const optional = (text: string) => (text.trim() === '' ? undefined : text);

/** The response and withholding a form gives, under `prefix` (`response.`, `withheld.`, …). */
function responseOf(form: FormData, prefix: string): Response | undefined {
  const kind = formText(form, `${prefix}kind`);
  if (kind === '') return undefined;
  const respondedAt = formText(form, `${prefix}respondedAt`);
  return {
    kind: kind as Response['kind'],
    actions: formText(form, `${prefix}actions`),
    ...(respondedAt === '' ? {} : { respondedAt: instantOf(respondedAt) }),
  };
}

function withholdingOf(form: FormData, prefix: string): Withholding | undefined {
  const ground = formText(form, `${prefix}ground`);
  if (ground === '') return undefined;
  return { ground: ground as Withholding['ground'], reason: formText(form, `${prefix}reason`) };
}

export function EnforcementRequestsPage() {
  const { state } = useSession();
  const permissions = state.status === 'signed-in' ? state.user.permissions : [];
  const mayRecord = permissions.includes('enforcement-request.record');
  return (
    <>
      <h1>Requests from non-local law enforcement</h1>
      <p>
        Administrative Code § 10-178(d): whenever a city officer or employee receives a request from
        a non-local law enforcement agency for the city to provide support or assistance intended to
        further immigration enforcement, the agency records the request and any response or actions
        taken. The records are summarised, anonymized, in a quarterly report to the Speaker of the
        Council. Detainers and the information requests recorded on cases are counted in the annual
        reports instead.
      </p>
      {mayRecord && <RecordForm />}
      <RequestList mayRespond={mayRecord} />
      <QuarterlyReport />
    </>
  );
}

function RecordForm() {
  const queryClient = useQueryClient();
  const record = useMutation({
    mutationFn: async (body: NewRequest) =>
      ok(await api.POST('/api/enforcement-requests', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['enforcement-requests'] }),
  });
  const errors = fieldErrorsOf(record.error);
  return (
    <section aria-labelledby="record-heading">
      <h2 id="record-heading">Record a request</h2>
      <FormPanel
        legend="The request"
        sending={record}
        refused="The request was not recorded"
        done={(view) => (
          <p className="usa-alert usa-alert--success usa-alert--slim" role="status">
            Recorded: the request from {view.requestingAgencyLabel} to {view.receivingAgencyLabel},
            received {formatInstant(view.receivedAt)}.
          </p>
        )}
        submit="Record the request"
        onSubmit={(form) => {
          const response = responseOf(form, 'response.');
          const withheld = withholdingOf(form, 'withheld.');
          const receivingAgencyName = optional(formText(form, 'receivingAgencyName'));
          const requestingAgencyName = optional(formText(form, 'requestingAgencyName'));
          record.mutate({
            receivingAgency: formText(form, 'receivingAgency') as NewRequest['receivingAgency'],
            ...(receivingAgencyName === undefined ? {} : { receivingAgencyName }),
            requestingAgency: formText(form, 'requestingAgency') as NewRequest['requestingAgency'],
            ...(requestingAgencyName === undefined ? {} : { requestingAgencyName }),
            receivedAt: instantOf(formText(form, 'receivedAt')),
            asked: formText(form, 'asked'),
            ...(response === undefined ? {} : { response }),
            ...(withheld === undefined ? {} : { withheld }),
          });
        }}
      >
        <Field path="receivingAgency" label="Received by" errors={errors}>
          {(props) => (
            <select className="usa-select" defaultValue="nyc-doc" {...props}>
              <CodeOptions labels={RECEIVING_LABELS} />
            </select>
          )}
        </Field>
        <Field
          path="receivingAgencyName"
          label="The city agency’s name"
          hint="Only for another city agency, e.g. Department of Homeless Services."
          errors={errors}
        >
          {(props) => <input className="usa-input" maxLength={100} {...props} />}
        </Field>
        <Field path="requestingAgency" label="Requested by" errors={errors}>
          {(props) => (
            <select className="usa-select" defaultValue="ice" {...props}>
              <CodeOptions labels={REQUESTING_LABELS} />
            </select>
          )}
        </Field>
        <Field
          path="requestingAgencyName"
          label="The requesting agency’s name"
          hint="Only for a state’s police or another agency, e.g. New Jersey State Police."
          errors={errors}
        >
          {(props) => <input className="usa-input" maxLength={100} {...props} />}
        </Field>
        <Field path="receivedAt" label="Received at" errors={errors}>
          {(props) => <input className="usa-input" type="datetime-local" {...props} />}
        </Field>
        <Field
          path="asked"
          label="The support or assistance asked for"
          hint={`At most 500 characters. ${NO_PERSON}`}
          errors={errors}
        >
          {(props) => <textarea className="usa-textarea" maxLength={500} {...props} />}
        </Field>
        <ResponseFields prefix="response." errors={errors} optionalKind />
        <WithholdingFields prefix="withheld." errors={errors} />
      </FormPanel>
    </section>
  );
}

/** What the agency said and did; `optionalKind` lets the request be recorded before it answers. */
function ResponseFields({
  prefix,
  errors,
  optionalKind = false,
}: {
  prefix: string;
  errors: FieldErrors;
  optionalKind?: boolean;
}) {
  return (
    <fieldset className="usa-fieldset">
      <legend className="usa-legend">
        {optionalKind ? 'The response, if one was given yet' : 'The response'}
      </legend>
      <Field path={`${prefix}kind`} label="Response" errors={errors}>
        {(props) => (
          <select className="usa-select" defaultValue={optionalKind ? '' : 'declined'} {...props}>
            {optionalKind && <option value="">No response yet</option>}
            <CodeOptions labels={RESPONSE_LABELS} />
          </select>
        )}
      </Field>
      <Field
        path={`${prefix}actions`}
        label="The response and the actions taken"
        hint={`At most 500 characters. ${NO_PERSON}`}
        errors={errors}
      >
        {(props) => <textarea className="usa-textarea" maxLength={500} {...props} />}
      </Field>
      <Field
        path={`${prefix}respondedAt`}
        label="Responded at"
        hint="Leave empty for now."
        errors={errors}
      >
        {(props) => <input className="usa-input" type="datetime-local" {...props} />}
      </Field>
    </fieldset>
  );
}

function WithholdingFields({ prefix, errors }: { prefix: string; errors: FieldErrors }) {
  return (
    <fieldset className="usa-fieldset">
      <legend className="usa-legend">Left out of the quarterly report?</legend>
      <Field path={`${prefix}ground`} label="Ground" errors={errors}>
        {(props) => (
          <select className="usa-select" defaultValue="" {...props}>
            <option value="">No: reported</option>
            <CodeOptions labels={GROUND_LABELS} />
          </select>
        )}
      </Field>
      <Field
        path={`${prefix}reason`}
        label="Why the ground applies"
        hint={`At least 20 characters, only with a ground. ${NO_PERSON}`}
        errors={errors}
      >
        {(props) => <textarea className="usa-textarea" maxLength={500} {...props} />}
      </Field>
    </fieldset>
  );
}

const STATUS_LABELS = { '': 'All', open: 'Without a response', responded: 'Responded' } as const;
type Status = keyof typeof STATUS_LABELS;

function RequestList({ mayRespond }: { mayRespond: boolean }) {
  const [params, setParams] = useSearchParams();
  const offset = Number(params.get('offset') ?? '0');
  const status = (params.get('status') ?? '') as Status;
  const set = (changes: Record<string, string>) => {
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [name, value] of Object.entries(changes)) {
        if (value === '' || value === '0') next.delete(name);
        else next.set(name, value);
      }
      return next;
    });
  };
  const list = useQuery({
    queryKey: ['enforcement-requests', offset, status],
    queryFn: async () =>
      ok(
        await api.GET('/api/enforcement-requests', {
          params: {
            query: { offset, limit: PAGE_SIZE, ...(status === '' ? {} : { status }) },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  return (
    <section aria-labelledby="list-heading">
      <h2 id="list-heading">Requests recorded</h2>
      <div className="usa-form-group">
        <label className="usa-label" htmlFor="list-status">
          Show
        </label>
        <select
          className="usa-select"
          id="list-status"
          value={status}
          onChange={(event) => {
            set({ status: event.target.value, offset: '0' });
          }}
        >
          <CodeOptions labels={STATUS_LABELS} />
        </select>
      </div>
      {list.error !== null && (
        <ProblemAlert error={list.error} heading="The requests could not be read" />
      )}
      {list.data !== undefined && (
        <>
          {list.data.items.length === 0 && <p>None recorded.</p>}
          {list.data.items.map((request) => (
            <RequestCard key={request.id} request={request} mayRespond={mayRespond} />
          ))}
          <Pager
            label="Request pages"
            offset={offset}
            limit={PAGE_SIZE}
            total={list.data.total}
            onOffset={(next) => {
              set({ offset: String(next) });
            }}
          />
        </>
      )}
    </section>
  );
}

function RequestCard({ request, mayRespond }: { request: RequestView; mayRespond: boolean }) {
  const headingId = `request-${request.id}`;
  return (
    <article className="desk-outcome" aria-labelledby={headingId}>
      <h3 id={headingId}>
        From {request.requestingAgencyLabel} to {request.receivingAgencyLabel}, received{' '}
        {formatInstant(request.receivedAt)}
      </h3>
      <dl>
        <dt>Asked</dt>
        <dd>{request.asked}</dd>
        <dt>Response</dt>
        <dd>
          {request.response === null
            ? 'None recorded yet'
            : `${RESPONSE_LABELS[request.response.kind]} (${formatInstant(request.response.respondedAt)}, recorded by ${request.response.respondedBy}): ${request.response.actions}`}
        </dd>
        <dt>Quarterly report</dt>
        <dd>
          {request.withheld === null
            ? 'Counted'
            : `Left out under ${request.withheld.clause}: ${request.withheld.reason}`}
        </dd>
        <dt>Recorded</dt>
        <dd>
          {formatInstant(request.recordedAt)} by {request.recordedBy}
        </dd>
      </dl>
      {mayRespond && request.response === null && <RespondForm request={request} />}
    </article>
  );
}

function RespondForm({ request }: { request: RequestView }) {
  const queryClient = useQueryClient();
  const respond = useMutation({
    mutationFn: async (body: Respond) =>
      ok(
        await api.POST('/api/enforcement-requests/{id}/response', {
          params: { path: { id: request.id } },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['enforcement-requests'] }),
  });
  // Each open request has its own form: its fields' ids and the API's words stay apart.
  const prefix = `r${request.id}.`;
  const errors = fieldErrorsOf(respond.error, prefix);
  return (
    <FormPanel
      legend={`Record the response to the request from ${request.requestingAgencyLabel}`}
      sending={respond}
      refused="The response was not recorded"
      done={() => null}
      submit="Record the response"
      onSubmit={(form) => {
        const respondedAt = formText(form, `${prefix}respondedAt`);
        const withheld = withholdingOf(form, `${prefix}withheld.`);
        respond.mutate({
          kind: formText(form, `${prefix}kind`) as Respond['kind'],
          actions: formText(form, `${prefix}actions`),
          ...(respondedAt === '' ? {} : { respondedAt: instantOf(respondedAt) }),
          ...(withheld === undefined ? {} : { withheld }),
        });
      }}
    >
      <ResponseFields prefix={prefix} errors={errors} />
      <WithholdingFields prefix={`${prefix}withheld.`} errors={errors} />
    </FormPanel>
  );
}

/** The calendar quarter before the one it is now in New York: the last that has ended. */
function lastEndedQuarter(now = new Date()): string {
  const [year, month] = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'America/New_York',
    year: 'numeric',
    month: '2-digit',
  })
    .format(now)
    .split('-')
    .map(Number) as [number, number];
  const quarter = Math.ceil(month / 3) - 1;
  return quarter === 0 ? `${String(year - 1)}Q4` : `${String(year)}Q${String(quarter)}`;
}

const COUNT_HEADINGS = ['Requests', 'Agreed', 'Declined', 'Agreed in part', 'No response yet'];
const countCells = (counts: Counts) =>
  [counts.requests, counts.agreed, counts.declined, counts.partly, counts.noResponse].map(
    (count, index) => <td key={COUNT_HEADINGS[index]}>{count.toLocaleString('en-US')}</td>,
  );

function QuarterlyReport() {
  const [params, setParams] = useSearchParams();
  const quarter = params.get('quarter') ?? lastEndedQuarter();
  const [typed, setTyped] = useState(quarter);
  const report = useQuery({
    queryKey: ['quarterly-report', quarter],
    // The route also answers CSV (format=csv); asked without it, it answers JSON.
    queryFn: async () =>
      ok(
        await api.GET('/api/quarterly-reports/{quarter}', { params: { path: { quarter } } }),
      ) as Report,
    retry: false,
  });
  const errors = fieldErrorsOf(report.error);
  return (
    <section aria-labelledby="quarterly-heading">
      <h2 id="quarterly-heading">The quarterly report (§ 10-178(d))</h2>
      <form
        className="usa-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setParams((current) => {
            const next = new URLSearchParams(current);
            next.set('quarter', typed.trim());
            return next;
          });
        }}
      >
        <Field
          path="quarter"
          label="Quarter"
          hint="A calendar quarter that has ended, e.g. 2026Q1 for January to March 2026."
          errors={errors}
        >
          {(props) => (
            <input
              className="usa-input usa-input--small"
              value={typed}
              onChange={(event) => {
                setTyped(event.target.value);
              }}
              {...props}
            />
          )}
        </Field>
        <button className="usa-button" type="submit">
          Show the report
        </button>
      </form>
      <div aria-live="polite">
        {report.error !== null && (
          <ProblemAlert error={report.error} heading="No report for that quarter" />
        )}
        {report.data !== undefined && <ReportView report={report.data} />}
      </div>
    </section>
  );
}

function ReportView({ report }: { report: Report }) {
  return (
    <>
      <p className="usa-intro">{report.headline}</p>
      <p>
        {report.quarter.from} to {report.quarter.to} ({report.quarter.timeZone}), under{' '}
        <a href={report.law.url}>{report.law.citation}</a> ({report.law.clauseId},{' '}
        {report.law.verification}). {report.required ? 'Required.' : 'Not required.'}{' '}
        {report.requiredBecause}
      </p>
      <table className="usa-table usa-table--borderless desk-table">
        <caption>Requests by requesting and receiving agency, {report.quarter.id}</caption>
        <thead>
          <tr>
            <th scope="col">Requesting agency</th>
            <th scope="col">Receiving agency</th>
            {COUNT_HEADINGS.map((heading) => (
              <th scope="col" key={heading}>
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.rows.map((row) => (
            <tr key={`${row.requestingAgency.id} ${row.receivingAgency.id}`}>
              <th scope="row">{row.requestingAgency.label}</th>
              <td>{row.receivingAgency.label}</td>
              {countCells(row.counts)}
            </tr>
          ))}
          <tr>
            <th scope="row">Total</th>
            <td />
            {countCells(report.total)}
          </tr>
        </tbody>
      </table>
      <table className="usa-table usa-table--borderless desk-table">
        <caption>Requests left out of the report, by ground</caption>
        <thead>
          <tr>
            <th scope="col">Ground</th>
            <th scope="col">Requests</th>
          </tr>
        </thead>
        <tbody>
          {report.withheld.map((ground) => (
            <tr key={ground.ground}>
              <th scope="row">
                {ground.clause}: {ground.statute}
              </th>
              <td>{ground.requests.toLocaleString('en-US')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <details>
        <summary>How the report is made</summary>
        <ul>
          {report.parts.map((part) => (
            <li key={part.id}>
              “{part.statute}”: {part.method}
            </li>
          ))}
          {report.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      </details>
      <p>
        <a
          className="usa-button usa-button--outline"
          href={`/api/quarterly-reports/${report.quarter.id}?format=csv`}
          download
        >
          Download the {report.quarter.id} report as CSV
        </a>
      </p>
    </>
  );
}
