/**
 * `reports quarterly --quarter 2026Q1`: the § 10-178(d) quarterly report of requests from
 * non-local law enforcement, through the same service as the API. Its action imports what it
 * uses, so `--help` loads none of it.
 * @module
 */
import { Option, type Command } from '@commander-js/extra-typings';
import { databaseOption, withDesk } from './desk-commands.js';

type Write = (text: string) => Promise<void>;

/** Adds `quarterly` to the `reports` command. */
export function registerQuarterlyReportCommand(reports: Command, write: Write): void {
  reports
    .command('quarterly')
    .description(
      'the § 10-178(d) quarterly report: requests from non-local law enforcement for support of immigration enforcement, by requesting and receiving agency',
    )
    .requiredOption('--quarter <quarter>', 'a calendar quarter that has ended, e.g. 2026Q1')
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['text', 'json', 'csv'] as const)
        .default('text' as const),
    )
    .addOption(databaseOption())
    .action(async (options) => {
      await withDesk(options, async (ctx) => {
        const { quarterlyRequestsReport } =
          await import('../services/enforcement-request-service.js');
        const report = await quarterlyRequestsReport(ctx, options.quarter);
        const output = await import('../reports/quarterly-requests-output.js');
        if (options.format === 'json') {
          await write(`${JSON.stringify(report, null, 2)}\n`);
        } else if (options.format === 'csv') {
          await write(output.quarterlyCsv(report));
        } else {
          await write(output.quarterlyText(report));
        }
      });
    });
}
