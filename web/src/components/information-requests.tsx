/**
 * ICE's requests for information about the person, on the case page: each request with the law's
 * answer for every item asked (the engine decides item by item), what was answered, and forms to
 * record a new request and its answer. The API refuses to record the disclosure of an item the law
 * does not allow, and a role that may not handle requests; the page shows its words.
 * @module
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SubmitEvent } from 'react';
import { api, ok } from '../api/client';
import type { paths } from '../api/openapi';
import type { InformationItem, InformationRequestView } from '../api/case-types';
import { INFORMATION_LABELS, OUTCOME_LABELS } from '../labels';
import { formatInstant } from '../time';
import { ProblemAlert } from './problem-alert';

type NewRequest =
  paths['/api/cases/{id}/information-requests']['post']['requestBody']['content']['application/json'];
type Purpose = NonNullable<NewRequest['purpose']>;

const PURPOSE_LABELS: Record<Purpose, string> = {
  'civil-immigration-enforcement': 'Enforcing civil immigration law',
  'unrelated-to-civil-immigration-enforcement': 'Unrelated to civil immigration enforcement',
  unknown: 'Not known',
};

const ITEMS = Object.keys(INFORMATION_LABELS) as InformationItem[];
const instantOf = (local: string) => new Date(local).toISOString();
const checked = (form: FormData, name: string) =>
  form
    .getAll(name)
    .filter((value): value is InformationItem => ITEMS.some((item) => item === value));

export function InformationRequests({ caseId }: { caseId: string }) {
  const queryClient = useQueryClient();
  const key = ['case', caseId, 'information'];
  const requests = useQuery({
    queryKey: key,
    queryFn: async () =>
      ok(
        await api.GET('/api/cases/{id}/information-requests', { params: { path: { id: caseId } } }),
      ) as unknown as InformationRequestView[],
  });
  const record = useMutation({
    mutationFn: async (body: NewRequest) =>
      ok(
        await api.POST('/api/cases/{id}/information-requests', {
          params: { path: { id: caseId } },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' ? value : '';
    };
    const required = text('info-required');
    record.mutate({
      receivedAt: text('info-received') === '' ? '' : instantOf(text('info-received')),
      information: checked(form, 'info-item'),
      purpose: text('info-purpose') as Purpose,
      ...(required === '' ? {} : { requiredByLaw: required === 'yes' }),
    });
  };

  return (
    <section aria-labelledby="information-heading">
      <h2 id="information-heading">Requests for information</h2>
      {requests.error !== null && (
        <ProblemAlert error={requests.error} heading="The requests could not be read" />
      )}
      {requests.data?.length === 0 && <p>None recorded.</p>}
      {requests.data?.map((request) => (
        <InformationRequest key={request.id} caseId={caseId} request={request} />
      ))}
      <form className="usa-form desk-print-hide" onSubmit={submit}>
        <fieldset className="usa-fieldset">
          <legend className="usa-legend">Record a request for information</legend>
          {record.error !== null && (
            <ProblemAlert error={record.error} heading="The request was not recorded" />
          )}
          <label className="usa-label" htmlFor="info-received">
            Received at
          </label>
          <input
            className="usa-input"
            type="datetime-local"
            id="info-received"
            name="info-received"
          />
          <label className="usa-label" htmlFor="info-purpose">
            What the request is for
          </label>
          <select
            className="usa-select"
            id="info-purpose"
            name="info-purpose"
            defaultValue="unknown"
          >
            {Object.entries(PURPOSE_LABELS).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
          <label className="usa-label" htmlFor="info-required">
            Answering is otherwise required by law (a subpoena, a court order)
          </label>
          <select className="usa-select" id="info-required" name="info-required" defaultValue="">
            <option value="">Not known</option>
            <option value="yes">Yes</option>
            <option value="no">No</option>
          </select>
          <fieldset className="usa-fieldset">
            <legend className="usa-legend">What is asked for</legend>
            {ITEMS.map((item) => (
              <div className="usa-checkbox" key={item}>
                <input
                  className="usa-checkbox__input"
                  type="checkbox"
                  id={`info-item-${item}`}
                  name="info-item"
                  value={item}
                />
                <label className="usa-checkbox__label" htmlFor={`info-item-${item}`}>
                  {INFORMATION_LABELS[item]}
                </label>
              </div>
            ))}
          </fieldset>
          <button className="usa-button" type="submit" disabled={record.isPending}>
            Record the request
          </button>
        </fieldset>
      </form>
    </section>
  );
}

function InformationRequest({
  caseId,
  request,
}: {
  caseId: string;
  request: InformationRequestView;
}) {
  const queryClient = useQueryClient();
  const answer = useMutation({
    mutationFn: async (disclosed: InformationItem[]) =>
      ok(
        await api.POST('/api/cases/{id}/information-requests/{requestId}/answer', {
          params: { path: { id: caseId, requestId: request.id } },
          body: { disclosed },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['case', caseId, 'information'] }),
  });
  const headingId = `information-${request.id}`;
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    answer.mutate(checked(new FormData(event.currentTarget), 'disclose'));
  };
  return (
    <article className="desk-outcome" aria-labelledby={headingId}>
      <h3 id={headingId}>
        Request received {formatInstant(request.receivedAt)}:{' '}
        {request.status === 'answered' ? `answered by ${request.answeredBy ?? ''}` : 'open'}
      </h3>
      <ul>
        {request.decision.outcomes.map((outcome) => (
          <li key={outcome.item ?? outcome.action}>
            <strong>
              {outcome.item === undefined ? outcome.action : INFORMATION_LABELS[outcome.item]}
            </strong>
            : {OUTCOME_LABELS[outcome.status]}. {outcome.explanation}
          </li>
        ))}
      </ul>
      {request.status === 'open' && (
        <form className="usa-form desk-print-hide" onSubmit={submit}>
          <fieldset className="usa-fieldset">
            <legend className="usa-legend">Record the answer: the items given</legend>
            {answer.error !== null && (
              <ProblemAlert error={answer.error} heading="The answer was not recorded" />
            )}
            {request.request.information.map((item) => (
              <div className="usa-checkbox" key={item}>
                <input
                  className="usa-checkbox__input"
                  type="checkbox"
                  id={`disclose-${request.id}-${item}`}
                  name="disclose"
                  value={item}
                />
                <label className="usa-checkbox__label" htmlFor={`disclose-${request.id}-${item}`}>
                  {INFORMATION_LABELS[item]}
                </label>
              </div>
            ))}
            <button className="usa-button" type="submit" disabled={answer.isPending}>
              Record the answer
            </button>
          </fieldset>
        </form>
      )}
    </article>
  );
}
