/**
 * "What would change it" in plain words, for `evaluate --explain`: for each action, each set of
 * changes as one sentence ("a judicial warrant ... would make the hold allowed"), with the
 * clauses that control the changed outcome. Pure.
 * @module
 */
import type { ClauseRef } from '../engine/clause.js';
import type { Action, Status } from '../engine/decision.js';
import type { ChangeSet, OutcomeChanges, WhatWouldChange } from './what-would-change.js';

const ACTION_NAMES: Readonly<Record<Action, string>> = {
  hold: 'the hold',
  notify: 'notifying federal immigration authorities',
  transfer: 'the transfer',
  information: 'sharing',
};

export const STATUS_NAMES: Readonly<Record<Status, string>> = {
  required: 'required',
  allowed: 'allowed',
  'not-allowed': 'not allowed',
  'needs-information': 'undecided until facts are found out',
};

/** "the hold", "sharing the release date". */
export function actionName(outcome: Pick<OutcomeChanges, 'action' | 'item'>): string {
  const name = ACTION_NAMES[outcome.action];
  return outcome.item === undefined ? name : `${name} ${outcome.item.replaceAll('-', ' ')}`;
}

/** "a judicial warrant ... and a judgment ... would make the hold allowed". */
export function changeSetSentence(
  outcome: Pick<OutcomeChanges, 'action' | 'item'>,
  set: ChangeSet,
): string {
  const facts = set.changes.map((change) => change.words).join(' and ');
  return `${facts} would make ${actionName(outcome)} ${STATUS_NAMES[set.status]}`;
}

/** Said when the search stopped at its limit of decisions. */
export const SEARCH_STOPPED =
  'The record is too large to try every change: the search stopped at its limit of decisions, so other changes may exist.';

export function citationsOf(clauses: readonly ClauseRef[]): string {
  return clauses.map((ref) => ref.citation).join('; ');
}

export function whatWouldChangeText(result: WhatWouldChange): string {
  const lines = [
    `WHAT WOULD CHANGE IT (sets of up to ${result.maxFacts} fact changes, each checked by deciding the changed case again)`,
  ];
  if (!result.complete) lines.push(`  ${SEARCH_STOPPED}`);
  for (const outcome of result.outcomes) {
    const name = actionName(outcome);
    const heading = `  ${name[0]!.toUpperCase()}${name.slice(1)}, now ${STATUS_NAMES[outcome.status]}:`;
    if (outcome.nothing) {
      lines.push(`${heading} ${outcome.nothing}.`);
      continue;
    }
    if (outcome.changeSets.length === 0) {
      lines.push(`${heading} none found before the search stopped.`);
      continue;
    }
    lines.push(heading);
    for (const set of outcome.changeSets) {
      lines.push(`    - ${changeSetSentence(outcome, set)} [${citationsOf(set.controlling)}]`);
    }
  }
  return `${lines.join('\n')}\n`;
}
