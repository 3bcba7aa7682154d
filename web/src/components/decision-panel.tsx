/**
 * The engine's decision in plain language, action by action: the outcome (and an approved
 * override), its explanation, the controlling clauses with their text, the missing facts as a
 * to-do list, and the cautions and duties. Every word of law comes from the API.
 * @module
 */
import type { ReactNode } from 'react';
import type { ActionOutcome, CaseRecord, Notice } from '../api/case-types';
import { ACTION_LABELS, OUTCOME_LABELS, SUPPLIER_LABELS } from '../labels';
import { formatInstant } from '../time';
import { ClauseList } from './clause-list';

type DecisionView = NonNullable<CaseRecord['decision']>;

const outcomeKey = (outcome: ActionOutcome) =>
  outcome.item === undefined ? outcome.action : `${outcome.action}-${outcome.item}`;

/** The field of the record that supplies a missing fact, as the API names it. */
export type SuppliedField = CaseRecord['missingFacts'][number] & { field: string };

/**
 * `missingFacts` are the API's: for each fact, the field that supplies it and who supplies it;
 * `fieldLink` draws such a field, as a link to the form field for someone who may correct it.
 */
export function DecisionPanel({
  decision,
  missingFacts,
  fieldLink = (missing) => <code>{missing.field}</code>,
}: {
  decision: DecisionView;
  missingFacts: CaseRecord['missingFacts'];
  fieldLink?: (missing: SuppliedField) => ReactNode;
}) {
  const engine = decision.decision;
  return (
    <section aria-labelledby="decision-heading">
      <h2 id="decision-heading">Decision</h2>
      <p>
        Under the law of {engine.jurisdiction.name}, decided {formatInstant(decision.decidedAt)} by{' '}
        {decision.decidedBy}
        {decision.reviewedBy === null
          ? '; not reviewed yet.'
          : `; reviewed by ${decision.reviewedBy} ${formatInstant(decision.reviewedAt)}.`}
      </p>
      {decision.override !== null && (
        <div className="usa-alert usa-alert--info usa-alert--slim">
          <div className="usa-alert__body">
            <p className="usa-alert__text">
              {decision.status === 'overridden' ? 'Override approved' : 'Override proposed'} by{' '}
              {decision.overrideBy}: {decision.overrideReason}
            </p>
          </div>
        </div>
      )}
      {engine.outcomes.map((outcome) => (
        <Outcome
          key={outcomeKey(outcome)}
          outcome={outcome}
          effective={decision.effective.find((entry) => entry.action === outcome.action)}
          missingFacts={missingFacts}
          fieldLink={fieldLink}
        />
      ))}
      <Notices heading="Cautions" notices={engine.cautions} />
      <Notices heading="Duties" notices={engine.duties} />
    </section>
  );
}

function Outcome({
  outcome,
  effective,
  missingFacts,
  fieldLink,
}: {
  outcome: ActionOutcome;
  effective: DecisionView['effective'][number] | undefined;
  missingFacts: CaseRecord['missingFacts'];
  fieldLink: (missing: SuppliedField) => ReactNode;
}) {
  const headingId = `outcome-${outcomeKey(outcome)}`;
  return (
    <article className="desk-outcome" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {ACTION_LABELS[outcome.action]}
        {outcome.item === undefined ? '' : `: ${outcome.item}`}{' '}
        <span className={`desk-outcome__status desk-outcome__status--${outcome.status}`}>
          {OUTCOME_LABELS[outcome.status]}
        </span>
        {effective?.overridden === true && (
          <span className="desk-outcome__status desk-outcome__status--override">
            Overridden: {OUTCOME_LABELS[effective.status]}
          </span>
        )}
      </h3>
      <p>{outcome.explanation}</p>
      <p className="desk-outcome__law-date">
        Law of {outcome.lawDate.date} (
        {outcome.lawDate.basis === 'decision-time'
          ? 'the day of the decision'
          : 'the day of release'}
        ){outcome.lawDate.note === undefined ? '' : `: ${outcome.lawDate.note}`}
        {outcome.hold?.until === undefined
          ? ''
          : `. Latest lawful end of a hold: ${formatInstant(outcome.hold.until)}`}
      </p>
      {outcome.missing.length > 0 && (
        <>
          <h4>To do before this can be decided</h4>
          <ul className="desk-todo">
            {outcome.missing.map((missing) => {
              const supplied = missingFacts.find((entry) => entry.fact === missing.path);
              return (
                <li key={missing.path}>
                  {missing.question}{' '}
                  <span className="desk-todo__who">
                    To be supplied by {SUPPLIER_LABELS[supplied?.suppliedBy ?? missing.decidedBy]}
                    {supplied === undefined || supplied.field === null ? (
                      <>
                        {' '}
                        (no field of the desk’s record holds <code>{missing.path}</code>)
                      </>
                    ) : (
                      <> (field {fieldLink({ ...supplied, field: supplied.field })})</>
                    )}
                  </span>
                </li>
              );
            })}
          </ul>
        </>
      )}
      {outcome.controlling.length > 0 && (
        <>
          <h4>Controlling law</h4>
          <ClauseList clauses={outcome.controlling} />
        </>
      )}
      {outcome.interpretations.length > 0 && (
        <>
          <h4>Readings the text does not settle</h4>
          <ul>
            {outcome.interpretations.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}

function Notices({ heading, notices }: { heading: string; notices: readonly Notice[] }) {
  if (notices.length === 0) return null;
  return (
    <>
      <h3>{heading}</h3>
      <ul className="desk-notices">
        {notices.map((notice) => (
          <li key={notice.id}>
            <p>{notice.text}</p>
            <ClauseList clauses={notice.clauses} />
          </li>
        ))}
      </ul>
    </>
  );
}
