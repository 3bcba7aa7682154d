/**
 * A replay's result as JSON, CSV (one row per changed answer, the law choice repeated on each row
 * so a row read alone still says what it is) and text (the totals, then each change). Each is a
 * function of the result alone, so the same replay prints the same bytes.
 * @module
 */
import { stringify } from 'csv-stringify/sync';
import { amendmentText } from './amendment-text.js';
import { ANSWERS, type ClauseKey, type ReplayResult } from './replay.js';

export const REPLAY_CSV_COLUMNS = [
  'case',
  'jurisdiction',
  'action',
  'before',
  'after',
  'before_controlling',
  'after_controlling',
  'made_the_difference',
  'before_missing',
  'after_missing',
  'reason',
  'under',
  'under_law_sha256',
] as const;

const clauses = (list: readonly ClauseKey[]) => list.join('; ');

/**
 * The result as JSON in pieces: everything but the changes laid out, then one change a line, so a
 * replay of a million cases is written without one string of all of it.
 */
export function* replayJsonChunks(result: ReplayResult): Generator<string> {
  const { changes, ...rest } = result;
  const head = JSON.stringify({ ...rest, changes: [] }, null, 2);
  // The empty list closes the text: the changes go in its place.
  yield `${head.slice(0, head.lastIndexOf('[]'))}[`;
  let first = true;
  for (const change of changes) {
    yield `${first ? '' : ','}\n    ${JSON.stringify(change)}`;
    first = false;
  }
  yield `${changes.length === 0 ? '' : '\n  '}]\n}\n`;
}

export function replayJson(result: ReplayResult): string {
  return [...replayJsonChunks(result)].join('');
}

export function replayCsv(result: ReplayResult): string {
  const rows = result.changes.flatMap((change) =>
    change.changes.map((action) => [
      change.key,
      change.jurisdiction,
      action.action,
      action.before.status,
      action.after.status,
      clauses(action.before.controlling),
      clauses(action.after.controlling),
      clauses(action.madeTheDifference),
      action.before.missing.join('; '),
      action.after.missing.join('; '),
      [action.before.reason, action.after.reason].filter((reason) => reason).join('; '),
      result.under.choice,
      result.under.lawHash ?? '',
    ]),
  );
  return stringify(rows, { header: true, columns: [...REPLAY_CSV_COLUMNS] });
}

const number = (value: number) => value.toLocaleString('en-US');

export function replayText(result: ReplayResult): string {
  const lines = [
    `Replayed ${number(result.cases)} cases under ${result.under.label}.`,
    ...(result.under.amendment
      ? amendmentText(result.under.amendment)
          .split('\n')
          .map((line) => `  ${line}`)
      : []),
    `${number(result.changedCases)} cases changed. Answers needing information: ${number(result.unknown.before)} under the law in force, ${number(result.unknown.after)} under the choice, ${number(result.unknown.either)} under either.`,
    '',
  ];
  for (const totals of result.totals) {
    lines.push(`${totals.action}: ${number(totals.changed)} changed`);
    for (const answer of ANSWERS) {
      const before = totals.before[answer];
      const after = totals.after[answer];
      if (before === 0 && after === 0) continue;
      lines.push(`  ${answer.padEnd(18)} ${number(before).padStart(10)} -> ${number(after)}`);
    }
    for (const { from, to, count } of totals.transitions) {
      if (from !== to) lines.push(`  ${from} -> ${to}: ${number(count)}`);
    }
  }
  if (result.newlyMissing.length > 0) {
    lines.push('', 'Facts the chosen law asks for that these cases do not record:');
    for (const { path, cases } of result.newlyMissing) {
      lines.push(`  ${path}: ${number(cases)} cases`);
    }
  }
  if (result.changes.length > 0) lines.push('', 'Changes:');
  for (const change of result.changes) {
    for (const action of change.changes) {
      const why = clauses(action.madeTheDifference);
      lines.push(
        `  ${change.key} ${action.action}: ${action.before.status} -> ${action.after.status}${why ? ` (${why})` : ''}`,
      );
    }
  }
  const cited = Object.entries(result.clauses);
  if (cited.length > 0) lines.push('', 'Clauses:');
  for (const [key, clause] of cited) lines.push(`  ${key}: ${clause.citation}`);
  return `${lines.join('\n')}\n`;
}
