/**
 * "What would change the outcome" on the case page: for each action of the current decision, the
 * smallest sets of fact changes the API found (each checked by deciding the changed case again),
 * one sentence each with the clauses that would then control, linked to their source; or that
 * nothing within these facts changes it. The sentences are the CLI's (what-would-change-text).
 * @module
 */
import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../api/client';
import { ACTION_LABELS, INFORMATION_LABELS, OUTCOME_LABELS } from '../labels';
import { changeSetSentence, SEARCH_STOPPED } from '../../../src/what-if/what-would-change-text.js';
import type { WhatWouldChange as Answer } from '../../../src/what-if/what-would-change.js';
import { ProblemAlert } from './problem-alert';

const capitalized = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

export function WhatWouldChange({ caseId, decisionId }: { caseId: string; decisionId: string }) {
  const answer = useQuery({
    // Under the case's key, so a correction that refreshes the case refreshes this too.
    queryKey: ['case', caseId, 'what-would-change', decisionId],
    queryFn: async () =>
      ok(
        await api.GET('/api/cases/{id}/what-would-change', { params: { path: { id: caseId } } }),
      ) as unknown as Answer,
  });
  return (
    <section aria-labelledby="what-would-change-heading" className="desk-what-would-change">
      <h2 id="what-would-change-heading">What would change the outcome</h2>
      {answer.error !== null && (
        <ProblemAlert error={answer.error} heading="What would change it could not be worked out" />
      )}
      {answer.data === undefined ? (
        answer.error === null && <p aria-live="polite">Working out what would change it…</p>
      ) : (
        <>
          <p>
            The fewest changes to the recorded facts (up to {answer.data.maxFacts} at a time) that
            would give each action another outcome. Each was checked by deciding the changed case
            again.
          </p>
          {!answer.data.complete && <p className="usa-alert__text">{SEARCH_STOPPED}</p>}
          {answer.data.outcomes.map((outcome) => {
            const action =
              outcome.item === undefined
                ? ACTION_LABELS[outcome.action]
                : `${ACTION_LABELS[outcome.action]}: ${INFORMATION_LABELS[outcome.item]}`;
            return (
              <article
                key={`${outcome.action}-${outcome.item ?? ''}`}
                aria-label={`What would change: ${action}`}
              >
                <h3>
                  {action}: now {OUTCOME_LABELS[outcome.status].toLowerCase()}
                </h3>
                {outcome.nothing !== undefined ? (
                  <p>{capitalized(outcome.nothing)}.</p>
                ) : outcome.changeSets.length === 0 ? (
                  <p>None found before the search stopped.</p>
                ) : (
                  <ul>
                    {outcome.changeSets.map((set, index) => (
                      <li key={index}>
                        {capitalized(changeSetSentence(outcome, set))} (
                        {set.controlling.map((ref, refIndex) => (
                          <span key={ref.id}>
                            {refIndex > 0 && '; '}
                            <a href={ref.url} rel="noreferrer" target="_blank">
                              {ref.citation}
                            </a>
                          </span>
                        ))}
                        ).
                      </li>
                    ))}
                  </ul>
                )}
              </article>
            );
          })}
        </>
      )}
    </section>
  );
}
