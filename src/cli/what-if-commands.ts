/**
 * `what-if replay`: cases decided again under another law, from a file, the desk's store or an
 * imported ICE release's rows, through the same core and services as the API. Each action imports
 * what it uses, so `--help` loads none of it.
 * @module
 */
import { Option, type Command } from '@commander-js/extra-typings';
import { fileProblem, UsageError, wholeNumber } from './cli-errors.js';
import { consoleAs, databaseOption, withDesk } from './desk-commands.js';

type Write = (text: string) => Promise<void>;

/** The service's field names as this command's options. */
const OPTION_OF: Record<string, string> = {
  'source.jurisdiction': '--agency',
  'source.from': '--from',
  'source.to': '--to',
  source: '--from/--to',
};

/** The same for a release's rows. */
const RELEASE_OPTION_OF: Record<string, string> = {
  'source.release': '--release',
  'source.state': '--state',
  'source.facility': '--facility',
  'source.from': '--from',
  'source.to': '--to',
  source: '--release',
};

interface ReleaseOptions {
  release: number;
  state?: string;
  facility?: string;
  from?: string;
  to?: string;
  includeDuplicates?: true;
  iceDatabase?: string;
  database?: string;
}

export function registerWhatIfCommands(program: Command, write: Write): void {
  const whatIf = program
    .command('what-if')
    .description('decide cases again under another law and say what would change');
  whatIf
    .command('replay')
    .description(
      'replay cases under another law: a jurisdiction (its law on each case’s dates), or one pinned to a version or date',
    )
    .requiredOption(
      '--under <law>',
      'e.g. texas, california, nyc-doc@LL22/2013, nyc-nypd@2014-01-01, texas@SB 4',
    )
    .option(
      '--amend <file>',
      'a JSON amendment to the version --under pins (docs/what-if.md#amendments)',
    )
    .addOption(
      new Option(
        '--file <file>',
        'cases as a JSON array, NDJSON or the intake CSV (- for standard input)',
      ).conflicts(['agency', 'from', 'to', 'release']),
    )
    .option('--agency <jurisdiction>', "the desk's cases of this agency, e.g. nyc-doc")
    .addOption(
      new Option(
        '--release <id>',
        'the rows of this imported ICE release (its import id: `ice stats` lists the imports)',
      )
        .argParser((text) => wholeNumber('--release', text, 1, 2_147_483_647))
        .conflicts(['agency']),
    )
    .option('--state <state>', 'with --release: only facilities in this state, e.g. TX or Texas')
    .option('--facility <text>', 'with --release: only facilities whose name holds this')
    .option(
      '--include-duplicates',
      'with --release: replay rows flagged as likely duplicates too (left out by default)',
    )
    .option(
      '--ice-database <path>',
      'with --release: the DuckDB file (default: $DESK_ICE_DATABASE or <data dir>/ice.duckdb)',
    )
    .option('--from <date>', 'first day received (with --release: prepared), YYYY-MM-DD')
    .option('--to <date>', 'last day received (with --release: prepared), YYYY-MM-DD')
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['text', 'json', 'csv'] as const)
        .default('text' as const),
    )
    .addOption(databaseOption())
    .action(async (options) => {
      const { JURISDICTIONS } = await import('../law/jurisdictions.js');
      const { amendedChoice, LawChoiceError, parseLawChoice, resolveLawChoice } =
        await import('../what-if/law-choice.js');
      const { readAmendment } = await import('../what-if/amendment.js');
      const amendment =
        options.amend === undefined ? undefined : await amendmentFile(options.amend);
      let under;
      try {
        const choice = parseLawChoice(options.under, JURISDICTIONS);
        under = resolveLawChoice(
          amendment === undefined ? choice : amendedChoice(choice, readAmendment(amendment)),
          JURISDICTIONS,
        );
      } catch (error) {
        if (!(error instanceof LawChoiceError)) throw error;
        throw new UsageError(
          error.field === 'under'
            ? `--${error.message}`
            : `--amend ${options.amend}: ${error.message}`,
        );
      }
      const { replay } = await import('../what-if/replay.js');
      const { engine } = await import('../index.js');
      const output = await import('../what-if/replay-output.js');
      if (options.release === undefined) {
        for (const flag of ['state', 'facility', 'includeDuplicates', 'iceDatabase'] as const) {
          if (options[flag] !== undefined) {
            throw new UsageError(
              `--${flag.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} goes with --release`,
            );
          }
        }
      }
      if (options.release !== undefined) {
        const { cases, release } = await releaseCases({ ...options, release: options.release });
        const result = { ...replay(cases, under, engine), release };
        if (options.format === 'json') {
          for (const chunk of output.replayJsonChunks(result)) await write(chunk);
        } else if (options.format === 'csv') {
          await write(output.replayCsv(result));
        } else {
          const { releaseInputText } = await import('../what-if/ice-release-cases-text.js');
          await write(releaseInputText(release) + output.replayText(result));
        }
        return;
      }
      const cases =
        options.file === undefined ? await deskCases(options) : await fileCases(options.file);
      const result = replay(cases, under, engine);
      if (options.format === 'json') {
        for (const chunk of output.replayJsonChunks(result)) await write(chunk);
      } else {
        await write((options.format === 'csv' ? output.replayCsv : output.replayText)(result));
      }
    });
}

async function fileCases(file: string) {
  const { readReplayCases, ReplayInputError } = await import('../what-if/replay-input.js');
  const text = await readText(file);
  try {
    // The command line takes as many as memory allows: the caps are the server's.
    return readReplayCases(text, { maxCases: Number.MAX_SAFE_INTEGER });
  } catch (error) {
    if (!(error instanceof ReplayInputError)) throw error;
    throw new UsageError(`${file === '-' ? 'standard input' : file}: ${error.message}`);
  }
}

/** The amendment file's JSON, not yet checked: readAmendment names its bad fields. */
async function amendmentFile(file: string): Promise<unknown> {
  const text = await readText(file, '--amend');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UsageError(`--amend ${file}: not JSON: ${(error as Error).message}`);
  }
}

async function readText(file: string, option = '--file'): Promise<string> {
  if (file === '-') {
    if (process.stdin.isTTY) {
      throw new UsageError(`${option} -: nothing given: pipe it to standard input`);
    }
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }
  const { readFile } = await import('node:fs/promises');
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`${option}: cannot read ${file}: ${fileProblem(error)}`);
  }
}

async function deskCases(options: {
  agency?: string;
  from?: string;
  to?: string;
  database?: string;
}) {
  const { agency, from, to } = options;
  if (agency === undefined || from === undefined || to === undefined) {
    throw new UsageError(
      'give --file, --release, or --agency with --from and --to for the desk’s cases',
    );
  }
  return withDesk(options, async (ctx) => {
    const { deskCaseOf, readDeskCases } = await import('../services/replay-service.js');
    const { CONSOLE_ACTOR } = await import('../services/user-service.js');
    const { DeskError } = await import('../desk/errors.js');
    // The console reads the cases as an auditor would, and the read is audited.
    try {
      const rows = await readDeskCases(ctx, consoleAs(CONSOLE_ACTOR, 'auditor'), {
        kind: 'desk',
        jurisdiction: agency,
        from,
        to,
      });
      return rows.map(deskCaseOf);
    } catch (error) {
      if (!(error instanceof DeskError) || error.code !== 'invalid-input') throw error;
      throw new UsageError(
        error.issues
          .map((issue) => `${OPTION_OF[issue.path] ?? issue.path}: ${issue.message}`)
          .join('; '),
      );
    }
  });
}

/** A release's rows as cases, read as an auditor would (the read is audited), and its summary. */
async function releaseCases(options: ReleaseOptions) {
  return withDesk(options, async (ctx, config) => {
    const { existsSync } = await import('node:fs');
    const path = options.iceDatabase ?? config.iceDatabase;
    // Reading must not create an empty database where the user mistyped a path.
    if (!existsSync(path)) {
      throw new UsageError(
        `--ice-database: no ICE database at ${path}: run \`detainer-desk ice import FILE…\` first`,
      );
    }
    const { iceDatabaseAt } = await import('../ice/ice-database.js');
    const { readReleaseRows, releaseInput } = await import('../services/replay-release.js');
    const { ReleaseCases } = await import('../what-if/ice-release-cases.js');
    const { JURISDICTIONS } = await import('../law/jurisdictions.js');
    const { CONSOLE_ACTOR } = await import('../services/user-service.js');
    const { DeskError } = await import('../desk/errors.js');
    let read;
    try {
      read = await readReleaseRows(ctx, iceDatabaseAt(path), consoleAs(CONSOLE_ACTOR, 'auditor'), {
        kind: 'release',
        release: options.release,
        ...(options.state === undefined ? {} : { state: options.state }),
        ...(options.facility === undefined ? {} : { facility: options.facility }),
        ...(options.from === undefined ? {} : { from: options.from }),
        ...(options.to === undefined ? {} : { to: options.to }),
        includeDuplicates: options.includeDuplicates === true,
      });
    } catch (error) {
      if (!(error instanceof DeskError) || error.code !== 'invalid-input') throw error;
      throw new UsageError(
        error.issues
          .map((issue) => `${RELEASE_OPTION_OF[issue.path] ?? issue.path}: ${issue.message}`)
          .join('; '),
      );
    }
    const mapper = new ReleaseCases(JURISDICTIONS, {
      includeDuplicates: read.filter.includeDuplicates,
    });
    const cases = [];
    for (const row of read.rows) {
      const given = mapper.caseOf(row);
      if (given !== undefined) cases.push(given);
    }
    return { cases, release: releaseInput(read, mapper.summary()) };
  });
}
