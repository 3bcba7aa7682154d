/**
 * `detainer-desk`: the command-line face of Detainer Desk. The law engine's commands read cases and
 * print decisions, explanations, the encoded law and the case format; the desk's commands
 * (desk-commands.ts) serve, migrate, manage users, import and export, and verify the audit log.
 * It decides nothing itself. Dates that
 * depend on "today" are read here, at the edge, and passed to the pure engine.
 *
 * Exit codes: 0 done; 1 rejected lines or records, or a failed audit verification; 2 bad input or
 * usage; 70 an internal error.
 * @module
 */
import { Command, CommanderError, Option } from '@commander-js/extra-typings';
import { realpathSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { CaseError, engine, evaluate, parseCase } from '../index.js';
import { caseJsonSchema } from '../engine/case.js';
import type { Decision } from '../index.js';
import { addDays, isLocalDate, localDateOf } from '../engine/dates.js';
import { explainDecision, VERIFICATION_MEANING } from '../engine/explain.js';
import type { Jurisdiction } from '../engine/jurisdiction.js';
import { lawHtml, renderLaw } from '../engine/render-law.js';
import { LAW_CASE_TABLES } from '../law/law-case-tables.js';
import { DeskError } from '../desk/errors.js';
import { registerDeskCommands } from './desk-commands.js';
import { registerIceImportCommand } from './ice-import-command.js';
import { registerIceStatsCommand } from './ice-stats-command.js';

const EXIT = { ok: 0, rejected: 1, usage: 2, internal: 70 } as const;

/** A mistake in what the user gave us: shown as one line, never with a stack trace. */
class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Input that is not JSON: what is wrong and where (1-based line and column). */
class JsonError extends Error {
  override readonly name = 'JsonError';

  constructor(
    readonly problem: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${problem} at line ${line}, column ${column}`);
  }
}

/** Thrown inside the JSON scanner: the offset of the first bad character. */
class BadJsonAt extends Error {
  constructor(readonly offset: number) {
    super(`not JSON from offset ${offset}`);
  }
}

/** Runs the CLI on `argv` (as `process.argv`) and returns the exit code; `now` is "today". */
export async function run(argv: readonly string[], now: Date = new Date()): Promise<number> {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    // A reader that stops early (`| head`) has all it wants: stop quietly.
    if (error.code === 'EPIPE') process.exit(EXIT.ok);
    throw error;
  });
  let exitCode: number = EXIT.ok;
  const program = new Command('detainer-desk')
    .description(
      'Decide immigration detainer and information requests under the law in force, and run the agency desk.',
    )
    .exitOverride()
    .showHelpAfterError();

  program
    .command('evaluate')
    .description('decide one case given as JSON, or a batch given as NDJSON (one case per line)')
    .argument('[file]', 'the case file; - or nothing for standard input', '-')
    .option('--explain', 'print a plain-language explanation instead of JSON')
    .option('--trace', 'include every condition the engine tested')
    .addOption(
      new Option('--ndjson', 'batch: one case per line in, one JSON result per line out').conflicts(
        'explain',
      ),
    )
    .action(async (file, options) => {
      const trace = options.trace === true;
      if (options.ndjson) {
        exitCode = await evaluateBatch(file, trace);
        return;
      }
      const text = await readInput(file);
      let input: unknown;
      try {
        input = parseJson(text);
      } catch (error) {
        if (!(error instanceof JsonError)) throw error;
        throw new UsageError(`${describeSource(file)} is not valid JSON: ${error.message}`);
      }
      const decision = evaluate(parseCase(input), { trace });
      await write(
        options.explain ? explainDecision(decision) : `${JSON.stringify(decision, null, 2)}\n`,
      );
    });

  const law = program.command('law').description('read the encoded law');
  law
    .command('list')
    .description('every jurisdiction with its clause versions')
    .action(async () => {
      await write(listLaw([...engine.jurisdictions.values()]));
    });
  law
    .command('show')
    .description('the law in force on a date, with its rules and legal tests, as a document')
    .argument('<jurisdiction>', `one of: ${[...engine.jurisdictions.keys()].join(', ')}`)
    .addOption(
      new Option(
        '--date <YYYY-MM-DD>',
        'the day whose law to show (default: today there)',
      ).conflicts('allVersions'),
    )
    .option('--all-versions', 'every version of every clause instead of one day’s law')
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['md', 'html'] as const)
        .default('md' as const),
    )
    .action(async (id, options) => {
      const jurisdiction = engine.jurisdictions.get(id);
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
      await write(options.format === 'html' ? lawHtml(markdown, title) : markdown);
    });

  program
    .command('schema')
    .description('print the JSON Schema of the case format')
    .action(async () => {
      await write(`${JSON.stringify(caseJsonSchema(), null, 2)}\n`);
    });

  const rejected = () => {
    exitCode = EXIT.rejected;
  };
  registerDeskCommands(program, write, rejected);
  const ice = program
    .command('ice')
    .description("import ICE's public FOIA detainer releases and count them");
  registerIceImportCommand(ice, write, rejected);
  registerIceStatsCommand(ice, write);

  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    return reportError(error);
  }
}

function reportError(error: unknown): number {
  // Commander has already printed its own message (or the help).
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  if (error instanceof CaseError) {
    process.stderr.write(`detainer-desk: the case was rejected (${error.code}):\n`);
    for (const issue of error.issues) process.stderr.write(`  ${issue.path}: ${issue.message}\n`);
    return EXIT.usage;
  }
  if (error instanceof DeskError) {
    process.stderr.write(`detainer-desk: ${error.message}\n`);
    for (const issue of error.issues) process.stderr.write(`  ${issue.path}: ${issue.message}\n`);
    return EXIT.usage;
  }
  if (error instanceof UsageError) {
    process.stderr.write(`detainer-desk: ${error.message}\n`);
    return EXIT.usage;
  }
  process.stderr.write(
    `detainer-desk: internal error, please report it:\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  return EXIT.internal;
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

function fileProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

function parseJson(text: string): unknown {
  // Editors on Windows often save a byte-order mark; JSON.parse refuses it.
  const json = text.startsWith('\uFEFF') ? text.slice(1) : text;
  try {
    return JSON.parse(json) as unknown;
  } catch (error) {
    // V8's message does not always give the position, so find it.
    const offset = jsonErrorOffset(json);
    if (offset === undefined) throw error;
    const before = json.slice(0, offset);
    const problem =
      offset >= json.length
        ? 'unexpected end of input'
        : `unexpected ${JSON.stringify(json.charAt(offset))}`;
    throw new JsonError(problem, before.split('\n').length, offset - before.lastIndexOf('\n'));
  }
}

/** The offset of the first character that makes `text` invalid JSON (RFC 8259), if any. */
function jsonErrorOffset(text: string): number | undefined {
  let at = 0;
  const fail = () => new BadJsonAt(at);
  const space = () => {
    while (at < text.length && ' \t\n\r'.includes(text.charAt(at))) at++;
  };
  const expect = (char: string) => {
    if (text.charAt(at) !== char) throw fail();
    at++;
  };
  const string = () => {
    expect('"');
    for (;;) {
      if (at >= text.length) throw fail();
      const char = text.charAt(at);
      if (char === '"') {
        at++;
        return;
      }
      if (char < ' ') throw fail();
      if (char === '\\') {
        at++;
        const escape = text.charAt(at);
        if (escape === 'u') {
          for (let i = 1; i <= 4; i++) {
            at++;
            if (!/[0-9a-fA-F]/.test(text.charAt(at))) throw fail();
          }
        } else if (escape === '' || !'"\\/bfnrt'.includes(escape)) {
          throw fail();
        }
      }
      at++;
    }
  };
  /** `open item, item... close`, or an empty `open close`; `at` is on `open`. */
  const sequence = (close: string, item: () => void) => {
    at++;
    space();
    if (text.charAt(at) !== close) {
      item();
      space();
      while (text.charAt(at) !== close) {
        expect(',');
        item();
        space();
      }
    }
    at++;
  };
  const member = () => {
    space();
    string();
    space();
    expect(':');
    value();
  };
  const number = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const value = (): void => {
    space();
    const char = text.charAt(at);
    if (char === '{') {
      sequence('}', member);
    } else if (char === '[') {
      sequence(']', value);
    } else if (char === '"') {
      string();
    } else if (char === 't' || char === 'f' || char === 'n') {
      for (const letter of { t: 'true', f: 'false', n: 'null' }[char]) expect(letter);
    } else {
      number.lastIndex = at;
      if (!number.test(text)) throw fail();
      at = number.lastIndex;
    }
  };
  try {
    value();
    space();
    if (at < text.length) throw fail();
    return undefined;
  } catch (error) {
    if (error instanceof BadJsonAt) return error.offset;
    throw error;
  }
}

type LineResult =
  | { line: number; decision: Decision }
  | { line: number; error: { code: string; issues: { path: string; message: string }[] } };

/** Decides NDJSON line by line, so memory stays bounded however long the batch. */
async function evaluateBatch(file: string, trace: boolean): Promise<number> {
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
  for await (const text of createInterface({ input, crlfDelay: Infinity })) {
    line++;
    if (text.trim() === '') continue;
    const result = decideLine(text, line, trace);
    if ('decision' in result) decided++;
    else rejected++;
    await write(`${JSON.stringify(result)}\n`);
  }
  process.stderr.write(`${decided} decided, ${rejected} rejected\n`);
  return rejected > 0 ? EXIT.rejected : EXIT.ok;
}

function decideLine(text: string, line: number, trace: boolean): LineResult {
  try {
    return { line, decision: evaluate(parseCase(parseJson(text)), { trace }) };
  } catch (error) {
    if (error instanceof CaseError) {
      return { line, error: { code: error.code, issues: [...error.issues] } };
    }
    if (error instanceof JsonError) {
      const message = `not valid JSON: ${error.problem} at column ${error.column}`;
      return { line, error: { code: 'invalid-json', issues: [{ path: '(json)', message }] } };
    }
    // A bug must not stop the batch either; the line says what happened.
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`detainer-desk: internal error on line ${line}: ${message}\n`);
    return { line, error: { code: 'internal-error', issues: [{ path: '(case)', message }] } };
  }
}

/** Writes to standard output, waiting when the reader is slower than we are. */
async function write(text: string): Promise<void> {
  if (!process.stdout.write(text)) await once(process.stdout, 'drain');
}

function listLaw(jurisdictions: readonly Jurisdiction[]): string {
  const lines: string[] = [];
  for (const jurisdiction of jurisdictions) {
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

/** True when this file is the program Node was asked to run, not a module imported by another. */
function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

if (isEntryPoint()) process.exitCode = await run(process.argv);
