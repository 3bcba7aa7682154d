/**
 * What `evaluate`, `law list`, `law show` and `schema` do once chosen: read cases, ask the engine,
 * print. Loaded only when one of them runs (main.ts holds the command table), because the law and
 * the case schema take longer to load than the rest of the CLI together; the explanation, the law
 * renderer and the legal test tables are loaded only by the commands that print them.
 * @module
 */
import { open, readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { CaseError, engine, evaluate, parseCase } from '../index.js';
import type { Case, Decision } from '../index.js';
import { caseJsonSchema } from '../engine/case.js';
import { addDays, isLocalDate, localDateOf } from '../engine/dates.js';
import type { Jurisdiction } from '../engine/jurisdiction.js';
import { HoldClockError } from '../engine/time/hold-clock.js';
import { EXIT, fileProblem, UsageError } from './cli-errors.js';
import { JsonError, parseJson } from './json-text.js';

type Write = (text: string) => Promise<void>;

export async function evaluateOne(
  file: string,
  options: { explain: boolean; trace: boolean; whatWouldChange?: boolean },
  write: Write,
): Promise<void> {
  const source = describeSource(file);
  let input: unknown;
  try {
    input = parseJson(await readInput(file));
  } catch (error) {
    if (!(error instanceof JsonError)) throw error;
    throw new UsageError(`${source} is not valid JSON: ${error.message}`);
  }
  let decided: { input: Case; decision: Decision };
  try {
    decided = decide(input, options.trace);
  } catch (error) {
    if (!(error instanceof CaseError)) throw error;
    throw new UsageError(`${source}: the case was rejected (${error.code}): ${error.message}`);
  }
  const { decision } = decided;
  if (!options.explain) {
    const changes = options.whatWouldChange ? await changesFor(decided.input) : undefined;
    const output = changes ? { ...decision, whatWouldChange: changes } : decision;
    await write(`${JSON.stringify(output, null, 2)}\n`);
    return;
  }
  const { explainDecision } = await import('../engine/explain.js');
  const { whatWouldChangeText } = await import('../what-if/what-would-change-text.js');
  await write(
    `${explainDecision(decision)}\n${whatWouldChangeText(await changesFor(decided.input))}`,
  );
}

/** The smallest sets of fact changes that would change each action (loaded only when asked). */
async function changesFor(input: Case) {
  const { whatWouldChange } = await import('../what-if/what-would-change.js');
  return whatWouldChange(engine, input);
}

/**
 * Validates and decides. A date the hold clock cannot count from (its holiday calendar ends in
 * 2100) is the case's fault, not a bug: it is reported as a rejected case.
 */
function decide(input: unknown, trace: boolean): { input: Case; decision: Decision } {
  try {
    const parsed = parseCase(input);
    return { input: parsed, decision: evaluate(parsed, { trace }) };
  } catch (error) {
    if (!(error instanceof HoldClockError)) throw error;
    throw CaseError.at('date-outside-law', '(hold clock)', error.message);
  }
}

function describeSource(file: string): string {
  return file === '-' ? 'standard input' : file;
}

async function readInput(file: string): Promise<string> {
  if (file !== '-') {
    try {
      return await readFile(file, 'utf8');
    } catch (error) {
      throw new UsageError(`cannot read ${file}: ${fileProblem(error)}`);
    }
  }
  if (process.stdin.isTTY) {
    throw new UsageError('no case given: name a file, or pipe the case to standard input');
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

type LineResult =
  | { line: number; decision: Decision }
  | { line: number; error: { code: string; issues: { path: string; message: string }[] } };

/** Decides NDJSON line by line, so memory stays bounded however long the batch. */
export async function evaluateBatch(file: string, trace: boolean, write: Write): Promise<number> {
  let input: NodeJS.ReadableStream;
  if (file === '-') {
    if (process.stdin.isTTY) {
      throw new UsageError('no cases given: name a file, or pipe NDJSON to standard input');
    }
    input = process.stdin;
  } else {
    try {
      input = (await open(file)).createReadStream({ encoding: 'utf8' });
    } catch (error) {
      throw new UsageError(`cannot read ${file}: ${fileProblem(error)}`);
    }
  }
  let line = 0;
  let decided = 0;
  let rejected = 0;
  try {
    for await (const text of createInterface({ input, crlfDelay: Infinity })) {
      line++;
      if (text.trim() === '') continue;
      const result = decideLine(text, line, trace);
      if ('decision' in result) decided++;
      else rejected++;
      await write(`${JSON.stringify(result)}\n`);
    }
  } catch (error) {
    // A directory opens but cannot be read.
    if ((error as NodeJS.ErrnoException).code === undefined) throw error;
    throw new UsageError(`cannot read ${describeSource(file)}: ${fileProblem(error)}`);
  }
  process.stderr.write(`${String(decided)} decided, ${String(rejected)} rejected\n`);
  return rejected > 0 ? EXIT.rejected : EXIT.ok;
}

function decideLine(text: string, line: number, trace: boolean): LineResult {
  try {
    return { line, decision: decide(parseJson(text), trace).decision };
  } catch (error) {
    if (error instanceof CaseError) {
      return { line, error: { code: error.code, issues: [...error.issues] } };
    }
    if (error instanceof JsonError) {
      const message = `not valid JSON: ${error.problem} at column ${String(error.column)}`;
      return { line, error: { code: 'invalid-json', issues: [{ path: '(json)', message }] } };
    }
    // A bug must not stop the batch either; the line says what happened.
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`detainer-desk: internal error on line ${String(line)}: ${message}\n`);
    return { line, error: { code: 'internal-error', issues: [{ path: '(case)', message }] } };
  }
}

export async function listLaw(): Promise<string> {
  const { VERIFICATION_MEANING } = await import('../engine/explain.js');
  const lines: string[] = [];
  for (const jurisdiction of engine.jurisdictions.values()) {
    lines.push(`${jurisdiction.id}: ${jurisdiction.name}`);
    lines.push(`  texts last checked against their sources on ${jurisdiction.lastVerifiedOn}`);
    const rows = jurisdiction.clauses.map((clause) => [
      clause.id,
      clause.version,
      `${clause.validFrom} – ${clause.validTo === undefined ? 'in force' : addDays(clause.validTo, -1)}`,
      clause.verification === 'verbatim'
        ? 'verbatim'
        : `! ${clause.verification.toUpperCase()}: ${VERIFICATION_MEANING[clause.verification]}`,
    ]);
    const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column]!.length)));
    for (const row of rows) {
      const cells = row.map((cell, column) => cell.padEnd(widths[column] ?? 0));
      lines.push(`  ${cells.join('  ').trimEnd()}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

export async function showLaw(
  id: string,
  options: { date?: string; allVersions?: true; format: 'md' | 'html' },
  now: Date,
): Promise<string> {
  const jurisdiction: Jurisdiction | undefined = engine.jurisdictions.get(id);
  if (!jurisdiction) {
    throw new UsageError(
      `unknown jurisdiction "${id}"; known: ${[...engine.jurisdictions.keys()].join(', ')}`,
    );
  }
  if (options.date !== undefined && !isLocalDate(options.date)) {
    throw new UsageError(
      `--date: "${options.date}" is not a real calendar date written YYYY-MM-DD`,
    );
  }
  const date = options.date ?? localDateOf(now.getTime(), jurisdiction.timeZone);
  const { lawHtml, renderLaw } = await import('../engine/render-law.js');
  const { LAW_CASE_TABLES } = await import('../law/law-case-tables.js');
  let markdown: string;
  try {
    markdown = renderLaw(
      jurisdiction,
      options.allVersions ? { allVersions: true } : { date },
      LAW_CASE_TABLES,
    );
  } catch (error) {
    if (!(error instanceof CaseError)) throw error;
    throw new UsageError(error.issues.map((i) => `--${i.path}: ${i.message}`).join('; '));
  }
  const title = options.allVersions
    ? `${jurisdiction.name}: every version`
    : `${jurisdiction.name} on ${date}`;
  return options.format === 'html' ? lawHtml(markdown, title) : markdown;
}

export function schemaText(): string {
  return `${JSON.stringify(caseJsonSchema(), null, 2)}\n`;
}
