/**
 * `reports list` and `reports build`: the mandated reports from the command line, through the
 * same service as the API. Each action imports what it uses, so `--help` loads none of it.
 * @module
 */
import { Option, type Command } from '@commander-js/extra-typings';
import { fileProblem, UsageError } from './cli-errors.js';
import { consoleAs, databaseOption, withDesk } from './desk-commands.js';

type Write = (text: string) => Promise<void>;

/** Registers `reports` and its annual-report commands; returns it for the quarterly one. */
export function registerReportCommands(program: Command, write: Write): Command {
  const reports = program
    .command('reports')
    .description(
      'the reports each law requires: DOC § 9-131(f), NYPD § 14-154(f), Probation § 9-205(f), and the § 10-178(d) quarterly report',
    );
  reports
    .command('list')
    .description('each agency’s statutory report periods that have ended, with the text in force')
    .addOption(databaseOption())
    .action(async (options) => {
      await withDesk(options, async (ctx) => {
        const { reportDuties } = await import('../services/report-service.js');
        for (const duty of reportDuties(ctx)) {
          await write(`${duty.jurisdiction} (${duty.agency})\n`);
          for (const period of duty.periods) {
            await write(
              `  --from ${period.from} --to ${period.to}  due ${period.due}  ${period.citation}\n`,
            );
          }
        }
      });
    });
  reports
    .command('build')
    .description('build a report for a period: a statutory one, or any other, labelled as such')
    .argument('<jurisdiction>', 'nyc-doc, nyc-nypd or nyc-probation')
    .requiredOption('--from <date>', 'first day of the period, YYYY-MM-DD')
    .requiredOption('--to <date>', 'last day of the period, YYYY-MM-DD')
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['text', 'json', 'csv', 'pdf'] as const)
        .default('text' as const),
    )
    .option('--output <file>', 'write the report to this file (needed for a PDF)')
    .option('--with-cases', 'add the cases behind each figure (recorded in the audit log)')
    .addOption(databaseOption())
    .action(async (jurisdiction, options) => {
      if (options.format === 'pdf' && options.output === undefined) {
        throw new UsageError(
          '--format pdf needs --output <file>: a PDF is not written to a terminal',
        );
      }
      if (options.format === 'pdf' && options.withCases) {
        throw new UsageError(
          '--with-cases: the PDF is the public report and prints no case; leave it out, or use --format text or json',
        );
      }
      const output = async (content: string | Uint8Array) => {
        if (options.output === undefined) {
          // Only text: a PDF always has --output (checked above).
          await write(content as string);
          return;
        }
        const { writeFile } = await import('node:fs/promises');
        try {
          await writeFile(options.output, content);
        } catch (error) {
          throw new UsageError(`--output: cannot write ${options.output}: ${fileProblem(error)}`);
        }
        await write(`report written to ${options.output}\n`);
      };
      await withDesk(options, async (ctx) => {
        const service = await import('../services/report-service.js');
        const request = { jurisdiction, from: options.from, to: options.to };
        // The console may build any period, as an auditor; its cases only when asked.
        const auditor = consoleAs(
          (await import('../services/user-service.js')).CONSOLE_ACTOR,
          'auditor',
        );
        const report = options.withCases
          ? await service.tracedReport(ctx, auditor, request)
          : await service.publicReport(ctx, auditor, request);
        if (options.format === 'json') {
          await output(`${JSON.stringify(report, null, 2)}\n`);
        } else if (options.format === 'csv') {
          const { reportCsv } = await import('../reports/report-csv.js');
          await output(reportCsv(report));
        } else if (options.format === 'pdf') {
          const { reportPdf } = await import('../reports/report-pdf.js');
          await output(await reportPdf(report));
        } else {
          const { reportText } = await import('../reports/report-text.js');
          await output(reportText(report));
        }
      });
    });
  return reports;
}
