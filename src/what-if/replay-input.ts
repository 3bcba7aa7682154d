/**
 * Cases to replay, read from text: a JSON array of cases or one case, NDJSON (one case per line),
 * both in the engine's case format (docs/case-format.md), or the desk's flat intake CSV
 * (src/import/intake-csv.ts), each row the detainer as it stood when received. Every case is
 * validated before any is replayed: a file with a bad case replays nothing, and the error names
 * each bad case's line (or position in the array) and field.
 * @module
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { parseCase, type Case } from '../engine/case.js';
import { CaseError } from '../engine/errors.js';
import { engineCaseFor } from '../desk/engine-case.js';
import { intakeSchema } from '../desk/intake.js';
import { intakeFromRow } from '../import/intake-csv.js';
import type { ReplayCase } from './replay.js';

export type ReplayInputFormat = 'json' | 'ndjson' | 'csv';

export interface ReplayInputIssue {
  /** Where the case is: `line 3`, or `case 2` of a JSON array. */
  readonly at: string;
  readonly path: string;
  readonly message: string;
}

/** The most issues an error lists: past that, a file is wrong throughout and more do not help. */
const MAX_ISSUES = 20;

export class ReplayInputError extends Error {
  constructor(readonly issues: readonly ReplayInputIssue[]) {
    const first = issues[0]!;
    const more = issues.length > 1 ? ` (and ${String(issues.length - 1)} more)` : '';
    super(`${first.at}: ${first.path}: ${first.message}${more}`);
    this.name = 'ReplayInputError';
  }
}

/** The format the text is written in, from its first character: `[` or `{` is JSON, else CSV. */
export function detectFormat(text: string): ReplayInputFormat {
  const first = text.replace(/^\uFEFF/, '').trimStart()[0];
  if (first === '[') return 'json';
  if (first === '{') return 'ndjson';
  return 'csv';
}

/**
 * The cases in `text`, each keyed by its `caseId` or where it was read. Refuses more than
 * `maxCases` before validating any.
 */
export function readReplayCases(
  text: string,
  options: { format?: ReplayInputFormat; maxCases: number },
): ReplayCase[] {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') {
    throw new ReplayInputError([{ at: 'input', path: '(file)', message: 'there are no cases' }]);
  }
  const format = options.format ?? detectFormat(body);
  const entries =
    format === 'csv'
      ? csvEntries(body)
      : format === 'json'
        ? jsonEntries(body)
        : ndjsonEntries(body);
  if (entries.length > options.maxCases) {
    throw new ReplayInputError([
      {
        at: 'input',
        path: '(file)',
        message: `${entries.length.toLocaleString('en-US')} cases is more than the ${options.maxCases.toLocaleString('en-US')} a replay takes`,
      },
    ]);
  }
  const issues: ReplayInputIssue[] = [];
  const cases: ReplayCase[] = [];
  for (const entry of entries) {
    if (issues.length >= MAX_ISSUES) break;
    try {
      const input = entry.toCase();
      cases.push({ key: input.caseId ?? entry.at, input });
    } catch (error) {
      if (!(error instanceof CaseError)) throw error;
      for (const issue of error.issues) issues.push({ at: entry.at, ...issue });
    }
  }
  if (issues.length > 0) throw new ReplayInputError(issues.slice(0, MAX_ISSUES));
  if (cases.length === 0) {
    throw new ReplayInputError([{ at: 'input', path: '(file)', message: 'there are no cases' }]);
  }
  return cases;
}

interface Entry {
  at: string;
  toCase: () => Case;
}

/** An entry that cannot be read as a case at all. */
function unreadable(at: string, problem: string): Entry {
  return {
    at,
    toCase: () => {
      throw CaseError.at('invalid-case', '(case)', problem);
    },
  };
}

const notJson = (error: unknown) => `not JSON: ${(error as Error).message}`;

function jsonEntries(text: string): Entry[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return [unreadable('input', notJson(error))];
  }
  if (!Array.isArray(value)) return [{ at: 'case 1', toCase: () => parseCase(value) }];
  return value.map((item, index) => ({
    at: `case ${String(index + 1)}`,
    toCase: () => parseCase(item),
  }));
}

function ndjsonEntries(text: string): Entry[] {
  // One case written over several lines is JSON too.
  try {
    const whole: unknown = JSON.parse(text);
    return [{ at: 'case 1', toCase: () => parseCase(whole) }];
  } catch {
    // Not one value: read line by line.
  }
  const entries: Entry[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const at = `line ${String(index + 1)}`;
    try {
      const value: unknown = JSON.parse(line);
      entries.push({ at, toCase: () => parseCase(value) });
    } catch (error) {
      entries.push(unreadable(at, notJson(error)));
    }
  });
  return entries;
}

function csvEntries(text: string): Entry[] {
  let rows: { record: Record<string, string>; info: { lines: number } }[];
  try {
    rows = parseCsv(text, {
      columns: true,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
    });
  } catch (error) {
    return [unreadable('input', `not CSV: ${(error as Error).message}`)];
  }
  return rows.map(({ record, info }) => {
    const at = `line ${String(info.lines)}`;
    return { at, toCase: () => caseFromIntakeRow(record, at) };
  });
}

/** A row of the intake CSV as the engine's case, decided when it was received. */
function caseFromIntakeRow(row: Record<string, string>, at: string): Case {
  const parsed = intakeSchema.safeParse(intakeFromRow(row));
  if (!parsed.success) {
    throw new CaseError(
      'invalid-case',
      parsed.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.') || '(row)',
        message: issue.message,
      })),
    );
  }
  // The row has no case id of its own: it is known by where it was read.
  return parseCase(engineCaseFor(parsed.data, at, parsed.data.request.receivedAt));
}
