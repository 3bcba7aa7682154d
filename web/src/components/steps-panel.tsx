/**
 * The steps this person may take on the case now, as the API lists them (GET /api/cases/{id}/steps):
 * the app decides nothing. Each step is sent with If-Match; a refusal shows the API's reason, and a
 * 412 (someone else changed the case) reloads it and says what it is now.
 * @module
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { api, ApiError, ok } from '../api/client';
import type { ActionOutcome } from '../api/case-types';
import type { CaseStep } from '../../../src/desk/case-lifecycle.js';
import { ACTION_LABELS, OUTCOME_LABELS, STATUS_LABELS, STEP_LABELS } from '../labels';
import { ProblemAlert } from './problem-alert';

type CaseStatus = keyof typeof STATUS_LABELS;

/** Steps taken with one button (and an optional reason); the others have their own forms. */
const BUTTON_STEPS: readonly CaseStep[] = [
  'decide',
  'confirm',
  'approve-override',
  'reject-override',
  'start-hold',
  'notify-ice',
  'released',
  'transferred-to-ice',
  'ice-did-not-come',
  'released-despite-detainer',
  'cancel',
];

const OVERRIDE_STATUSES = ['required', 'allowed', 'not-allowed'] as const;

interface StepInput {
  reason?: string;
  outcomes?: {
    action: Exclude<ActionOutcome['action'], 'information'>;
    status: (typeof OVERRIDE_STATUSES)[number];
  }[];
}

async function takeStep(id: string, version: number, step: CaseStep, input: StepInput) {
  const params = { path: { id }, header: { 'if-match': `"${String(version)}"` } };
  const reason = input.reason === undefined || input.reason === '' ? {} : { reason: input.reason };
  switch (step) {
    case 'decide':
      return ok(await api.POST('/api/cases/{id}/decision', { params }));
    case 'confirm':
      return ok(await api.POST('/api/cases/{id}/decision/confirm', { params, body: {} }));
    case 'propose-override':
      return ok(
        await api.POST('/api/cases/{id}/decision/override', {
          params,
          body: { outcomes: input.outcomes ?? [], reason: input.reason ?? '' },
        }),
      );
    case 'approve-override':
      return ok(await api.POST('/api/cases/{id}/decision/override/approve', { params }));
    case 'reject-override':
      return ok(await api.POST('/api/cases/{id}/decision/override/reject', { params }));
    case 'start-hold':
      return ok(await api.POST('/api/cases/{id}/hold', { params, body: reason }));
    case 'notify-ice':
      return ok(await api.POST('/api/cases/{id}/ice-notice', { params, body: reason }));
    case 'cancel':
      return ok(await api.POST('/api/cases/{id}/cancellation', { params, body: reason }));
    case 'released':
    case 'released-despite-detainer':
    case 'transferred-to-ice':
    case 'ice-did-not-come':
      return ok(
        await api.POST('/api/cases/{id}/release', { params, body: { kind: step, ...reason } }),
      );
    case 'update-record':
    case 'correct-request':
      throw new Error(`${STEP_LABELS[step]} has its own form`);
  }
}

export function StepsPanel({
  id,
  version,
  status,
  steps,
  outcomes,
}: {
  id: string;
  version: number;
  status: CaseStatus;
  steps: readonly CaseStep[];
  outcomes: readonly ActionOutcome[];
}) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const step = useMutation({
    mutationFn: ({ name, input }: { name: CaseStep; input: StepInput }) =>
      takeStep(id, version, name, input),
    onSuccess: async (_result, { name }) => {
      setReason('');
      setNotice(`Done: ${STEP_LABELS[name]}.`);
      await queryClient.invalidateQueries({ queryKey: ['case', id] });
    },
    onError: async (error) => {
      setNotice(undefined);
      if (error instanceof ApiError && error.problem.status === 412) {
        await queryClient.invalidateQueries({ queryKey: ['case', id] });
      }
    },
  });
  const conflict = step.error instanceof ApiError && step.error.problem.status === 412;
  const buttons = steps.filter((name) => BUTTON_STEPS.includes(name));
  const forms = steps.filter((name) => !BUTTON_STEPS.includes(name) && name !== 'propose-override');

  return (
    <section aria-labelledby="steps-heading" className="desk-steps">
      <h2 id="steps-heading">What you can do now</h2>
      <div aria-live="polite">
        {notice !== undefined && (
          <div className="usa-alert usa-alert--success usa-alert--slim">
            <div className="usa-alert__body">
              <p className="usa-alert__text">{notice}</p>
            </div>
          </div>
        )}
      </div>
      {conflict ? (
        <div className="usa-alert usa-alert--warning" role="alert">
          <div className="usa-alert__body">
            <h3 className="usa-alert__heading">Someone changed this case while you had it open</h3>
            <p className="usa-alert__text">
              Nothing was recorded. The case has been reloaded: it is now{' '}
              {STATUS_LABELS[status].toLowerCase()} (version {version}). Check it, then choose
              again.
            </p>
          </div>
        </div>
      ) : (
        step.error !== null && <ProblemAlert error={step.error} heading="The step was refused" />
      )}
      {steps.length === 0 && <p>Your role has no step to take on this case now.</p>}
      {buttons.length > 0 && (
        <>
          <label className="usa-label" htmlFor="step-reason">
            Reason or note (optional; some steps require one)
          </label>
          <textarea
            className="usa-textarea"
            id="step-reason"
            value={reason}
            onChange={(event) => {
              setReason(event.target.value);
            }}
          />
          <ul className="desk-step-buttons">
            {buttons.map((name) => (
              <li key={name}>
                <button
                  type="button"
                  className="usa-button"
                  disabled={step.isPending}
                  onClick={() => {
                    step.mutate({ name, input: { reason } });
                  }}
                >
                  {STEP_LABELS[name]}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {steps.includes('propose-override') && (
        <OverrideForm
          outcomes={outcomes}
          busy={step.isPending}
          onPropose={(input) => {
            step.mutate({ name: 'propose-override', input });
          }}
        />
      )}
      {forms.length > 0 && (
        <p>
          Also open to you, in the forms below: {forms.map((name) => STEP_LABELS[name]).join('; ')}.
        </p>
      )}
    </section>
  );
}

function OverrideForm({
  outcomes,
  busy,
  onPropose,
}: {
  outcomes: readonly ActionOutcome[];
  busy: boolean;
  onPropose: (input: StepInput) => void;
}) {
  const custody = outcomes.flatMap((outcome) =>
    outcome.action === 'information' ? [] : [{ ...outcome, action: outcome.action }],
  );
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const chosen = custody.flatMap((outcome) => {
      const value = form.get(`override-${outcome.action}`);
      const status = OVERRIDE_STATUSES.find((candidate) => candidate === value);
      return status === undefined ? [] : [{ action: outcome.action, status }];
    });
    const reason = form.get('override-reason');
    onPropose({ outcomes: chosen, reason: typeof reason === 'string' ? reason : '' });
  };
  return (
    <form className="usa-form desk-override" onSubmit={submit}>
      <fieldset className="usa-fieldset">
        <legend className="usa-legend usa-legend--large">Propose an override</legend>
        <p>A second person must approve it. Leave an action unchanged to keep the decision.</p>
        {custody.map((outcome) => (
          <div key={outcome.action}>
            <label className="usa-label" htmlFor={`override-${outcome.action}`}>
              {ACTION_LABELS[outcome.action]} (decided: {OUTCOME_LABELS[outcome.status]})
            </label>
            <select
              className="usa-select"
              id={`override-${outcome.action}`}
              name={`override-${outcome.action}`}
            >
              <option value="">Unchanged</option>
              {OVERRIDE_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {OUTCOME_LABELS[status]}
                </option>
              ))}
            </select>
          </div>
        ))}
        <label className="usa-label" htmlFor="override-reason">
          Reason (required)
        </label>
        <textarea className="usa-textarea" id="override-reason" name="override-reason" />
        <button className="usa-button" type="submit" disabled={busy}>
          Propose the override
        </button>
      </fieldset>
    </form>
  );
}
