/**
 * `detainer-desk`: the command-line face of Detainer Desk. This module is the command table: the
 * engine's commands (evaluate, law, schema) are defined here, the desk's in desk-commands.ts and
 * ICE's in ice-*-command.ts. It decides nothing itself. Each command loads what it needs only when
 * it runs (`await import(…)` in its action), so `--help` and a typo answer at once; importing a
 * module here or at the top of a command file makes every command pay for it.
 *
 * Exit codes (cli-errors.ts): 0 done; 1 rejected lines or records, or a failed check; 2 bad input
 * or usage; 70 an internal error. Every error is one line on standard error.
 * @module
 */
import { Command, CommanderError, Option } from '@commander-js/extra-typings';
import { once } from 'node:events';
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EXIT } from './cli-errors.js';
import { registerDeskCommands } from './desk-commands.js';
import { registerReportCommands } from './report-commands.js';
import { registerQuarterlyReportCommand } from './quarterly-report-command.js';
import { registerIceImportCommand } from './ice-import-command.js';
import { registerIceStatsCommand } from './ice-stats-command.js';
import { registerWhatIfCommands } from './what-if-commands.js';

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
    // Commander's mistakes (unknown option, missing argument, bad choice) as one line, like ours.
    .configureOutput({
      outputError: (message, write) => {
        write(`detainer-desk: ${message.replace(/^error: /, '').trimEnd()} (see --help)\n`);
      },
    });

  program
    .command('evaluate')
    .description('decide one case given as JSON, or a batch given as NDJSON (one case per line)')
    .argument('[file]', 'the case file; - or nothing for standard input', '-')
    .option('--explain', 'print a plain-language explanation instead of JSON')
    .option('--trace', 'include every condition the engine tested')
    .option(
      '--what-would-change',
      'add, for each action, the smallest sets of fact changes that would change it (always in --explain)',
    )
    .addOption(
      new Option('--ndjson', 'batch: one case per line in, one JSON result per line out').conflicts(
        ['explain', 'whatWouldChange'],
      ),
    )
    .action(async (file, options) => {
      const actions = await import('./engine-actions.js');
      const trace = options.trace === true;
      if (options.ndjson) {
        exitCode = await actions.evaluateBatch(file, trace, write);
        return;
      }
      await actions.evaluateOne(
        file,
        {
          explain: options.explain === true,
          trace,
          whatWouldChange: options.whatWouldChange === true,
        },
        write,
      );
    });

  const law = program.command('law').description('read the encoded law');
  law
    .command('list')
    .description('every jurisdiction with its clause versions')
    .action(async () => {
      const { listLaw } = await import('./engine-actions.js');
      await write(await listLaw());
    });
  law
    .command('show')
    .description('the law in force on a date, with its rules and legal tests, as a document')
    .argument('<jurisdiction>', 'a jurisdiction id, e.g. nyc-doc (`law list` shows them all)')
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
      const { showLaw } = await import('./engine-actions.js');
      await write(await showLaw(id, options, now));
    });

  program
    .command('schema')
    .description('print the JSON Schema of the case format')
    .action(async () => {
      const { schemaText } = await import('./engine-actions.js');
      await write(schemaText());
    });

  const rejected = () => {
    exitCode = EXIT.rejected;
  };
  registerDeskCommands(program, write, rejected);
  registerQuarterlyReportCommand(registerReportCommands(program, write), write);
  const ice = program
    .command('ice')
    .description("import ICE's public FOIA detainer releases and count them");
  registerIceImportCommand(ice, write, rejected);
  registerIceStatsCommand(ice, write);
  registerWhatIfCommands(program, write);

  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    // Commander has already printed its one line (or the help).
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    const { reportError } = await import('./report-error.js');
    return reportError(error);
  }
}

/** Writes to standard output, waiting when the reader is slower than we are. */
async function write(text: string): Promise<void> {
  if (!process.stdout.write(text)) await once(process.stdout, 'drain');
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
