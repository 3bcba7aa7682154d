/**
 * What the calculator found: each action's outcome under each law side by side, then under each
 * law in turn the outcome with the engine's explanation, the facts it still needs, the
 * controlling clauses with their text (read from the law the page carries), the readings the
 * text does not settle, and what would change it: the smallest sets of facts that, changed, give
 * the action another outcome, each found by deciding the changed facts again
 * (src/what-if/what-would-change.ts). Every word of law is the engine's.
 * @module
 */
import type { ActionOutcome, Notice } from '../api/case-types';
import { ACTION_LABELS, OUTCOME_LABELS } from '../labels';
import { clauseTextOf } from '../../../src/what-if/calculator-law.js';
import type { LawDecision } from '../../../src/what-if/calculator.js';
import type { OutcomeChanges } from '../../../src/what-if/what-would-change.js';
import {
  changeSetSentence,
  citationsOf,
  SEARCH_STOPPED,
} from '../../../src/what-if/what-would-change-text.js';
import { ClauseList } from './clause-list';

const outcomeKey = (outcome: Pick<ActionOutcome, 'action' | 'item'>) =>
  outcome.item === undefined ? outcome.action : `${outcome.action}-${outcome.item}`;

/** The law's name and day, as a column and a section are headed. */
const lawName = ({ law, decision }: LawDecision) => `${decision.jurisdiction.name}, ${law.date}`;

function Status({ outcome }: { outcome: ActionOutcome | undefined }) {
  if (outcome === undefined) return <>Not asked</>;
  return (
    <span className={`desk-outcome__status desk-outcome__status--${outcome.status}`}>
      {OUTCOME_LABELS[outcome.status]}
    </span>
  );
}

export function SideBySide({ decisions }: { decisions: readonly LawDecision[] }) {
  const actions = decisions[0]?.decision.outcomes ?? [];
  return (
    <div className="desk-table-scroll">
      <table className="usa-table usa-table--borderless">
        <caption>Each action under each law</caption>
        <thead>
          <tr>
            <th scope="col">Action</th>
            {decisions.map((entry, index) => (
              <th scope="col" key={index}>
                {lawName(entry)}
                {index === 0 ? ' (the law in force)' : ''}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {actions.map((action) => (
            <tr key={outcomeKey(action)}>
              <th scope="row">{ACTION_LABELS[action.action]}</th>
              {decisions.map((entry, index) => (
                <td key={index}>
                  <Status
                    outcome={entry.decision.outcomes.find(
                      (outcome) => outcomeKey(outcome) === outcomeKey(action),
                    )}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The decision under one law, action by action; `index` keeps its headings' ids apart. */
export function LawDecisionView({ entry, index }: { entry: LawDecision; index: number }) {
  const headingId = `law-${String(index)}`;
  const { decision } = entry;
  return (
    <section aria-labelledby={headingId} className="desk-calculator-law">
      <h3 id={headingId}>
        {index === 0 ? 'The law in force: ' : 'Compared: '}
        {lawName(entry)}
      </h3>
      {decision.outcomes.map((outcome) => (
        <Outcome
          key={outcomeKey(outcome)}
          outcome={outcome}
          changes={entry.changes.outcomes.find(
            (changes) => outcomeKey(changes) === outcomeKey(outcome),
          )}
          complete={entry.changes.complete}
          timeZone={decision.timeZone}
          headingId={`${headingId}-${outcomeKey(outcome)}`}
        />
      ))}
      <Notices heading="Cautions" notices={decision.cautions} />
    </section>
  );
}

/** An instant as the jurisdiction's clock reads it, its zone named. */
const inZone = (instant: string, timeZone: string) =>
  `${new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
    new Date(instant),
  )} (${timeZone})`;

function Outcome({
  outcome,
  changes,
  complete,
  timeZone,
  headingId,
}: {
  outcome: ActionOutcome;
  changes: OutcomeChanges | undefined;
  complete: boolean;
  timeZone: string;
  headingId: string;
}) {
  return (
    <article className="desk-outcome" aria-labelledby={headingId}>
      <h4 id={headingId}>
        {ACTION_LABELS[outcome.action]} <Status outcome={outcome} />
      </h4>
      <p>{outcome.explanation}</p>
      <p className="desk-outcome__law-date">
        Law of {outcome.lawDate.date}
        {outcome.hold?.until === undefined
          ? ''
          : `. Latest lawful end of a hold begun at noon that day: ${inZone(outcome.hold.until, timeZone)}`}
      </p>
      {outcome.missing.length > 0 && (
        <>
          <h5>Not known, and needed to decide</h5>
          <ul>
            {outcome.missing.map((missing) => (
              <li key={missing.path}>{missing.question}</li>
            ))}
          </ul>
        </>
      )}
      {outcome.controlling.length > 0 && (
        <>
          <h5>Controlling law</h5>
          <ClauseList clauses={outcome.controlling} textOf={clauseTextOf} />
        </>
      )}
      {outcome.interpretations.length > 0 && (
        <>
          <h5>Readings the text does not settle</h5>
          <ul>
            {outcome.interpretations.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </>
      )}
      {changes !== undefined && <WhatWouldChange changes={changes} complete={complete} />}
    </article>
  );
}

/**
 * Each set of changes as one sentence, the CLI's and the case page's (what-would-change-text),
 * with the clauses that would then control.
 */
function WhatWouldChange({ changes, complete }: { changes: OutcomeChanges; complete: boolean }) {
  return (
    <>
      <h5>What would change it</h5>
      {!complete && <p>{SEARCH_STOPPED}</p>}
      {changes.nothing !== undefined ? (
        <p>Nothing within these facts changes it.</p>
      ) : (
        <ul className="desk-calculator-changes">
          {changes.changeSets.map((set, index) => (
            <li key={index}>
              {changeSetSentence(changes, set)} ({citationsOf(set.controlling)}).
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function Notices({ heading, notices }: { heading: string; notices: readonly Notice[] }) {
  if (notices.length === 0) return null;
  return (
    <>
      <h4>{heading}</h4>
      <ul className="desk-notices">
        {notices.map((notice) => (
          <li key={notice.id}>
            <p>{notice.text}</p>
            <ClauseList clauses={notice.clauses} textOf={clauseTextOf} />
          </li>
        ))}
      </ul>
    </>
  );
}
