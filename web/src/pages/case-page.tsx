/**
 * One case, as the API reads it (an audited read): the person and the request, the steps this
 * person may take now, the decision in plain language with the law behind it, the hold clock and
 * the timeline.
 * @module
 */
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, ok } from '../api/client';
import type { CaseRecord } from '../api/case-types';
import type { CaseStep } from '../../../src/desk/case-lifecycle.js';
import { DecisionPanel } from '../components/decision-panel';
import { HoldCountdown } from '../components/hold-countdown';
import { InformationRequests } from '../components/information-requests';
import { ProblemAlert } from '../components/problem-alert';
import { MissingFactLink, RecordCorrection } from '../components/record-correction';
import { StepsPanel } from '../components/steps-panel';
import { Timeline } from '../components/timeline';
import { WhatWouldChange } from '../components/what-would-change';
import { AGENCY_LABELS, FORM_LABELS, labelOf, STATUS_LABELS } from '../labels';
import { formatInstant } from '../time';

export function CasePage() {
  const id = useParams().id ?? '';
  const record = useQuery({
    queryKey: ['case', id],
    queryFn: async () =>
      ok(await api.GET('/api/cases/{id}', { params: { path: { id } } })) as unknown as CaseRecord,
  });
  const steps = useQuery({
    queryKey: ['case', id, 'steps'],
    queryFn: async () => ok(await api.GET('/api/cases/{id}/steps', { params: { path: { id } } })),
  });

  if (record.error !== null) {
    return (
      <>
        <h1>Case</h1>
        <ProblemAlert error={record.error} heading="The case could not be read" />
        <p>
          <Link to="/">Back to the queue</Link>
        </p>
      </>
    );
  }
  if (record.data === undefined) return <p aria-live="polite">Loading the case…</p>;
  const view = record.data;
  const decision = view.decision;
  const holdOutcome = decision?.decision.outcomes.find((outcome) => outcome.action === 'hold');
  const stepList = (steps.data?.steps ?? []) as CaseStep[];

  return (
    <>
      <p className="desk-print-hide">
        <Link to="/">Back to the queue</Link>{' '}
        <button
          type="button"
          className="usa-button usa-button--outline desk-print-button"
          onClick={() => {
            window.print();
          }}
        >
          Print the decision memo
        </button>
      </p>
      <h1>
        {view.person.name} <span className="desk-case-status">{STATUS_LABELS[view.status]}</span>
      </h1>
      <dl className="desk-facts">
        <dt>Agency</dt>
        <dd>{labelOf(AGENCY_LABELS, view.jurisdiction)}</dd>
        <dt>Form</dt>
        <dd>{labelOf(FORM_LABELS, view.form)}</dd>
        <dt>Booking number</dt>
        <dd>{view.custody.bookingNumber}</dd>
        <dt>NYSID</dt>
        <dd>{view.person.nysid ?? '—'}</dd>
        <dt>A-number</dt>
        <dd>{view.person.aNumber ?? '—'}</dd>
        <dt>Received</dt>
        <dd>{formatInstant(view.receivedAt)}</dd>
        <dt>Expected release</dt>
        <dd>{formatInstant(view.expectedReleaseAt)}</dd>
        <dt>Case version</dt>
        <dd>{view.version}</dd>
      </dl>

      {steps.error !== null && (
        <ProblemAlert error={steps.error} heading="Your steps could not be listed" />
      )}
      {steps.data !== undefined && (
        <StepsPanel
          id={view.id}
          version={steps.data.version}
          status={steps.data.status}
          steps={stepList}
          outcomes={decision?.decision.outcomes ?? []}
        />
      )}

      <section aria-labelledby="hold-heading">
        <h2 id="hold-heading">Hold clock</h2>
        {view.hold === null ? (
          <p>
            No hold has been started.
            {holdOutcome?.hold?.until === undefined
              ? ''
              : ` If one is, its latest lawful end is ${formatInstant(holdOutcome.hold.until)}.`}
          </p>
        ) : (
          <dl className="desk-facts">
            <dt>Started</dt>
            <dd>{formatInstant(view.hold.startedAt)}</dd>
            <dt>Lawful end</dt>
            <dd>
              {view.status === 'holding' ? (
                <HoldCountdown until={view.hold.until} />
              ) : (
                formatInstant(view.hold.until)
              )}
            </dd>
          </dl>
        )}
        {holdOutcome?.hold?.clock !== undefined &&
          holdOutcome.hold.clock.excludedDays.length > 0 && (
            <p>
              Days the clock skips:{' '}
              {holdOutcome.hold.clock.excludedDays
                .map((day) => `${day.date} (${day.holiday ?? day.reason})`)
                .join(', ')}
              .
            </p>
          )}
      </section>

      {decision === null ? (
        <section aria-labelledby="decision-heading">
          <h2 id="decision-heading">Decision</h2>
          <p>Not decided yet.</p>
        </section>
      ) : (
        <DecisionPanel
          decision={decision}
          missingFacts={view.missingFacts}
          // A to-do item links to its form field only for someone whose steps correct that field.
          fieldLink={(missing) =>
            missing.step !== null && stepList.includes(missing.step) ? (
              <MissingFactLink path={missing.field} />
            ) : (
              <code>{missing.field}</code>
            )
          }
        />
      )}

      {decision !== null && <WhatWouldChange caseId={view.id} decisionId={decision.id} />}

      <RecordCorrection view={view} steps={stepList} />

      <InformationRequests caseId={view.id} />

      <Timeline events={view.events} />
    </>
  );
}
