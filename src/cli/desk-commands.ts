/**
 * The desk's administration commands: serve, migrate, users, demo. They open the store named by
 * `--database` / `DESK_DATABASE` and call the same application services as the HTTP API, as the
 * console actor (someone with a shell on the server is its administrator).
 *
 * Each action imports what it uses (`await import(…)`), so `--help` loads none of it: add imports
 * inside actions, not at the top of this file (main.ts, and `--help` loads this file).
 * @module
 */
import { dirname, join } from 'node:path';
import { Argument, Option, type Command } from '@commander-js/extra-typings';
import { ROLES, type Actor, type Role } from '../auth/roles.js';
import type { ConfigOptions, DeskConfig } from '../server/desk-config.js';
import type { DeskContext } from '../services/desk-context.js';
import { fileProblem, UsageError, wholeNumber } from './cli-errors.js';

type Write = (text: string) => Promise<void>;
/** Marks the run as done with problems (exit code 1: rejected records, a failed verification). */
type Fail = () => void;

export const databaseOption = () =>
  new Option(
    '--database <url>',
    'sqlite:<file> or postgres://… (default: $DESK_DATABASE or sqlite:data/desk.db)',
  );

/** The configuration from options and environment; a bad setting is the user's to fix. */
async function configOf(options: ConfigOptions): Promise<DeskConfig> {
  const { deskConfig } = await import('../server/desk-config.js');
  try {
    return deskConfig(options);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

export async function withDesk<T>(
  options: ConfigOptions,
  run: (ctx: DeskContext, config: DeskConfig) => Promise<T>,
): Promise<T> {
  const config = await configOf(options);
  const { openNamedStore } = await import('./open-databases.js');
  const { deskContext } = await import('../services/desk-context.js');
  const store = await openNamedStore(config.databaseUrl);
  try {
    return await run(deskContext(store), config);
  } finally {
    await store.close();
  }
}

/** A file named on the command line, read whole; a missing or unreadable one is named. */
async function readNamedFile(option: string, file: string): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`${option}: cannot read ${file}: ${fileProblem(error)}`);
  }
}

const DEMO_PASSWORD = 'demo-password-1';

/** The demo desk opens at the start of today (UTC), so loading it twice in a day changes nothing. */
const demoDay = () => `${new Date().toISOString().slice(0, 10)}T00:00:00.000Z`;

/** The console actor in a role: bulk work is a supervisor's, verification an auditor's. */
export const consoleAs = (actor: Actor, role: Role): Actor => ({ ...actor, role });

const seedOption = () =>
  new Option('--seed <n>', 'the demo’s random seed')
    .default(2017)
    .argParser((text) => wholeNumber('--seed', text, 0, 2 ** 32 - 1));

export function registerDeskCommands(program: Command, write: Write, fail: Fail): void {
  registerCaseCommands(program, write, fail);
  registerAuditCommands(program, write, fail);
  program
    .command('serve')
    .description('serve the desk’s HTTP API and pages')
    .addOption(databaseOption())
    .option('--host <host>', 'address to listen on (default: $HOST or 127.0.0.1)')
    .option('--port <port>', 'port to listen on (default: $PORT or 8080)')
    .action(async (options) => {
      await serveUntilStopped(options, write);
    });

  program
    .command('start')
    .description(
      'load the demo caseload (and a synthetic ICE release) if the store is empty, then serve (what `npm start` runs)',
    )
    .addOption(databaseOption())
    .option('--host <host>', 'address to listen on')
    .option('--port <port>', 'port to listen on')
    .addOption(seedOption())
    .action(async (options) => {
      const config = await configOf(options);
      await assertCanServe(config);
      await withDesk(options, async (ctx) => {
        const { loadDemoUnlessLoaded } = await import('../demo/load-demo.js');
        const report = await withDemoProgress((onProgress) =>
          ctx.store.withoutSyncWaits(() =>
            loadDemoUnlessLoaded(ctx.store, join(dirname(config.auditKeyFile), 'demo-load.json'), {
              seed: options.seed,
              now: demoDay(),
              users: { password: DEMO_PASSWORD },
              onProgress,
              onStart: (resumed) =>
                write(
                  resumed
                    ? 'Finishing the demo load that was interrupted (synthetic people only)…\n'
                    : 'Loading the demo caseload (synthetic people only)…\n',
                ),
            }),
          ),
        );
        if (report !== undefined) {
          await write(`${JSON.stringify(report)}\n`);
          await loadDemoIce(config.iceDatabase, options.seed, write);
        }
      });
      await serveUntilStopped(options, write, true);
    });

  program
    .command('migrate')
    .description('bring the database schema up to date')
    .addOption(databaseOption())
    .action(async (options) => {
      await withDesk(options, async (ctx) => {
        const { migrateToLatest } = await import('../store/open-store.js');
        const applied = await migrateToLatest(ctx.store);
        await write(
          `schema up to date at ${ctx.store.location}${applied.length > 0 ? ` (applied ${applied.join(', ')})` : ''}\n`,
        );
      });
    });

  const users = program
    .command('users')
    .description('manage accounts (run on the server, as its administrator)');
  users
    .command('create')
    .description('create an account; the first admin is made this way')
    .argument('<username>')
    .addOption(
      new Option('--role <role>', 'the account’s role').choices(ROLES).makeOptionMandatory(),
    )
    .option('--name <display name>', 'the name shown in the desk')
    .option(
      '--password-file <file>',
      'read the password from this file (else one is generated and printed once)',
    )
    .option('--service', 'a system integration: no password, signs in with API tokens')
    .addOption(databaseOption())
    .action(async (username, options) => {
      const generated = options.passwordFile === undefined && options.service !== true;
      const password = options.service
        ? undefined
        : options.passwordFile !== undefined
          ? (await readNamedFile('--password-file', options.passwordFile)).trimEnd()
          : (await import('node:crypto')).randomBytes(18).toString('base64url');
      await withDesk(options, async (ctx) => {
        const { CONSOLE_ACTOR, createUser } = await import('../services/user-service.js');
        const user = await createUser(ctx, CONSOLE_ACTOR, {
          username,
          displayName: options.name ?? username,
          role: options.role,
          password,
        });
        await write(`created ${user.username} (${user.role})\n`);
        if (generated && password !== undefined)
          await write(`password (shown once): ${password}\n`);
      });
    });
  users
    .command('list')
    .description('every account')
    .addOption(databaseOption())
    .action(async (options) => {
      await withDesk(options, async (ctx) => {
        const { CONSOLE_ACTOR, listUsers } = await import('../services/user-service.js');
        for (const user of await listUsers(ctx, CONSOLE_ACTOR)) {
          await write(
            `${user.username}\t${user.role}\t${user.disabled ? 'disabled' : 'active'}\t${user.displayName}\n`,
          );
        }
      });
    });
  for (const [verb, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    users
      .command(verb)
      .description(
        disabled ? 'disable an account and end its sessions and tokens' : 'enable an account',
      )
      .argument('<username>')
      .addOption(databaseOption())
      .action(async (username, options) => {
        await withDesk(options, async (ctx) => {
          const { CONSOLE_ACTOR, setUserDisabled } = await import('../services/user-service.js');
          await setUserDisabled(ctx, CONSOLE_ACTOR, username, disabled);
          await write(`${username} ${disabled ? 'disabled' : 'enabled'}\n`);
        });
      });
  }
  users
    .command('role')
    .description('give an account another role (never the last administrator)')
    .argument('<username>')
    .addArgument(new Argument('<role>', 'the new role').choices(ROLES))
    .addOption(databaseOption())
    .action(async (username, role, options) => {
      await withDesk(options, async (ctx) => {
        const { CONSOLE_ACTOR, setUserRole } = await import('../services/user-service.js');
        await setUserRole(ctx, CONSOLE_ACTOR, username, { role });
        await write(`${username} is now ${role}\n`);
      });
    });
  users
    .command('reset-password')
    .description('set a person’s password; they must change it at their next sign-in')
    .argument('<username>')
    .option(
      '--password-file <file>',
      'read the password from this file (else one is generated and printed once)',
    )
    .addOption(databaseOption())
    .action(async (username, options) => {
      const password =
        options.passwordFile !== undefined
          ? (await readNamedFile('--password-file', options.passwordFile)).trimEnd()
          : (await import('node:crypto')).randomBytes(18).toString('base64url');
      await withDesk(options, async (ctx) => {
        const { CONSOLE_ACTOR, resetPassword } = await import('../services/user-service.js');
        await resetPassword(ctx, CONSOLE_ACTOR, username, { password });
        await write(`${username}: password set; to be changed at the next sign-in\n`);
        if (options.passwordFile === undefined) await write(`password (shown once): ${password}\n`);
      });
    });
  users
    .command('token')
    .description('issue an API token for a system integration (shown once)')
    .argument('<username>')
    .requiredOption('--name <name>', 'what the token is for')
    .option('--days <n>', 'days until it expires (default 90, at most 365)', (text) =>
      wholeNumber('--days', text, 1, 365),
    )
    .addOption(databaseOption())
    .action(async (username, options) => {
      await withDesk(options, async (ctx) => {
        const { CONSOLE_ACTOR, createApiToken } = await import('../services/user-service.js');
        const { token, expiresAt } = await createApiToken(
          ctx,
          CONSOLE_ACTOR,
          username,
          options.name,
          options.days,
        );
        await write(`${token}\n`);
        await write(`expires ${expiresAt}\n`);
      });
    });
  users
    .command('tokens')
    .description('list a system integration’s API tokens (id, name, expiry; never the tokens)')
    .argument('<username>')
    .addOption(databaseOption())
    .action(async (username, options) => {
      await withDesk(options, async (ctx) => {
        const { CONSOLE_ACTOR, listApiTokens } = await import('../services/user-service.js');
        for (const token of await listApiTokens(ctx, CONSOLE_ACTOR, username)) {
          const state = token.revokedAt === null ? `expires ${token.expiresAt}` : 'revoked';
          await write(`${token.id}\t${token.name}\t${state}\n`);
        }
      });
    });
  users
    .command('revoke-token')
    .description('revoke one API token')
    .argument('<username>')
    .argument('<token-id>')
    .addOption(databaseOption())
    .action(async (username, tokenId, options) => {
      await withDesk(options, async (ctx) => {
        const { CONSOLE_ACTOR, revokeApiToken } = await import('../services/user-service.js');
        await revokeApiToken(ctx, CONSOLE_ACTOR, username, tokenId);
        await write(`revoked ${tokenId}\n`);
      });
    });

  program
    .command('demo')
    .description(
      'load the synthetic demo caseload and the synthetic ICE release (reproducible by seed)',
    )
    .addOption(databaseOption())
    .addOption(seedOption())
    .option('--password <password>', 'the demo accounts’ password', DEMO_PASSWORD)
    .action(async (options) => {
      await withDesk(options, async (ctx, config) => {
        const { loadDemo } = await import('../demo/load-demo.js');
        const report = await withDemoProgress((onProgress) =>
          ctx.store.withoutSyncWaits(() =>
            loadDemo(ctx.store, {
              seed: options.seed,
              now: demoDay(),
              users: { password: options.password },
              onProgress,
            }),
          ),
        );
        await write(`${JSON.stringify(report, null, 2)}\n`);
        await loadDemoIce(config.iceDatabase, options.seed, write);
      });
    });
}

/**
 * The demo's synthetic ICE release, labelled "SYNTHETIC DEMO RELEASE — not ICE data", imported
 * into the ICE analytics database unless it holds a real release (src/demo/load-demo-ice.ts).
 */
async function loadDemoIce(path: string, seed: number, write: Write): Promise<void> {
  const { demoIceSummary, loadDemoIceRelease } = await import('../demo/load-demo-ice.js');
  const report = await loadDemoIceRelease(path, { seed, now: demoDay() });
  await write(demoIceSummary(report, path));
}

function registerCaseCommands(program: Command, write: Write, fail: Fail): void {
  const cases = program.command('cases').description('bulk import and export of case files');
  cases
    .command('import')
    .description(
      'record detainer requests from a CSV or JSON/NDJSON file; bad records go to a rejects report',
    )
    .argument('<file>')
    .addOption(
      new Option('--format <format>', 'file format (default: from the extension)').choices([
        'csv',
        'json',
      ] as const),
    )
    .option('--rejects <file>', 'write rejected records here as NDJSON (line, errors)')
    .addOption(databaseOption())
    .action(async (file, options) => {
      const format = options.format ?? (file.toLowerCase().endsWith('.csv') ? 'csv' : 'json');
      const { fileProgress, openInput } = await import('./file-input.js');
      const input = await openInput(file);
      const { readIntakeCsv } = await import('../import/intake-csv.js');
      const { readIntakeJson } = await import('../import/intake-json.js');
      const records = format === 'csv' ? readIntakeCsv(input.stream) : readIntakeJson(input.stream);
      await withDesk(options, async (ctx) => {
        const { CONSOLE_ACTOR } = await import('../services/user-service.js');
        const { importCases } = await import('../services/case-import.js');
        const progress = fileProgress(input);
        let sofar = { read: 0, created: 0, alreadyRecorded: 0, rejected: [] as unknown[] };
        let report;
        try {
          report = await importCases(
            ctx,
            consoleAs(CONSOLE_ACTOR, 'supervisor'),
            records,
            (running) => {
              sofar = running;
              progress.tick();
            },
          );
        } catch (error) {
          // csv-parse stops at text that is not CSV (an unclosed quote): name where, and what was kept.
          if (!(
            error instanceof Error &&
            'code' in error &&
            String(error.code).startsWith('CSV_')
          )) {
            throw error;
          }
          throw new UsageError(
            `${file} is not valid CSV: ${error.message}; the ${String(sofar.read)} records before it were read (${String(sofar.created)} recorded, ${String(sofar.rejected.length)} rejected)`,
          );
        } finally {
          progress.stop();
        }
        await write(
          `read ${String(report.read)}: ${String(report.created)} recorded, ${String(report.alreadyRecorded)} already recorded, ${String(report.rejected.length)} rejected\n`,
        );
        for (const reject of report.rejected.slice(0, 20)) {
          await write(
            `  line ${String(reject.line)}: ${reject.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}\n`,
          );
        }
        if (options.rejects !== undefined) {
          const { writeFile } = await import('node:fs/promises');
          const lines = report.rejected.map((reject) => `${JSON.stringify(reject)}\n`).join('');
          try {
            await writeFile(options.rejects, lines);
          } catch (error) {
            throw new UsageError(
              `--rejects: cannot write ${options.rejects}: ${fileProblem(error)} (the records were imported)`,
            );
          }
          await write(`rejects written to ${options.rejects}\n`);
        }
        if (report.rejected.length > 0) fail();
      });
    });
  cases
    .command('export')
    .description('print case files: NDJSON (everything) or CSV (one summary row per case)')
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['ndjson', 'csv'] as const)
        .default('ndjson' as const),
    )
    .option('--status <status>', 'only cases in this status')
    .option('--jurisdiction <id>', 'only cases under this jurisdiction')
    .option('--received-from <instant>', 'received at or after')
    .option('--received-before <instant>', 'received before')
    .addOption(databaseOption())
    .action(async (options) => {
      await withDesk(options, async (ctx) => {
        const { stringify } = await import('csv-stringify/sync');
        const { CONSOLE_ACTOR } = await import('../services/user-service.js');
        const { exportCases } = await import('../services/case-export.js');
        const filter = {
          status: options.status,
          jurisdiction: options.jurisdiction,
          receivedFrom: options.receivedFrom,
          receivedBefore: options.receivedBefore,
        };
        if (options.format === 'csv') {
          await write(
            stringify([
              ['id', 'jurisdiction', 'form', 'received_at', 'status', 'closed_as', 'hold_until'],
            ]),
          );
        }
        for await (const view of exportCases(ctx, consoleAs(CONSOLE_ACTOR, 'supervisor'), filter)) {
          await write(
            options.format === 'csv'
              ? stringify([
                  [
                    view.id,
                    view.jurisdiction,
                    view.form,
                    view.receivedAt,
                    view.status,
                    view.closedAs ?? '',
                    view.holdUntil ?? '',
                  ],
                ])
              : `${JSON.stringify(view)}\n`,
          );
        }
      });
    });
}

function registerAuditCommands(program: Command, write: Write, fail: Fail): void {
  const audit = program.command('audit').description('the tamper-evident audit log');
  audit
    .command('verify')
    .description(
      're-derive every entry, the chain, the Merkle tree, the head and every signed checkpoint, and check every stored record against its entries; one line per problem',
    )
    .option(
      '--trusted <file>',
      'a checkpoint kept outside the database, which the log must still contain',
    )
    .addOption(databaseOption())
    .action(async (options) => {
      const trusted =
        options.trusted === undefined
          ? undefined
          : await readNamedFile('--trusted', options.trusted);
      await withDesk(options, async (ctx, config) => {
        const { CONSOLE_ACTOR } = await import('../services/user-service.js');
        const { verifyAuditLog } = await import('../services/audit-service.js');
        const { loadAuditSigner } = await import('../server/audit-signer.js');
        const signer = loadAuditSigner(config);
        const report = await verifyAuditLog(
          ctx,
          consoleAs(CONSOLE_ACTOR, 'auditor'),
          signer.verifier,
          trusted,
        );
        if (report.ok) {
          await write(
            `audit log verified: ${String(report.entries)} entries, ${String(report.checkpoints)} checkpoints; ` +
              `${String(report.records.cases)} cases, ${String(report.records.decisions)} decisions, ` +
              `${String(report.records.informationRequests)} information requests, ` +
              `${String(report.records.enforcementRequests)} § 10-178 requests match it; ` +
              `what the reports read of ${String(report.records.reportFacts)} cases matches their records\n`,
          );
        } else {
          await write(`AUDIT LOG FAILED VERIFICATION:\n`);
          for (const problem of report.problems) {
            const where =
              [
                problem.seq === undefined ? '' : `entry ${String(problem.seq)}`,
                problem.subject ?? '',
                problem.checkpointSize === undefined
                  ? ''
                  : `checkpoint at size ${String(problem.checkpointSize)}`,
              ]
                .filter((part) => part !== '')
                .join(', ') || 'log';
            await write(`  ${where}: ${problem.code}: ${problem.message}\n`);
          }
          fail();
        }
      });
    });
  audit
    .command('checkpoint')
    .description(
      'sign a checkpoint over the log as it stands and print it (keep a copy outside the database)',
    )
    .addOption(databaseOption())
    .action(async (options) => {
      await withDesk(options, async (ctx, config) => {
        const { CONSOLE_ACTOR } = await import('../services/user-service.js');
        const { createCheckpoint } = await import('../services/audit-service.js');
        const { loadAuditSigner } = await import('../server/audit-signer.js');
        await write(await createCheckpoint(ctx, CONSOLE_ACTOR, loadAuditSigner(config)));
      });
    });
  audit
    .command('prove')
    .description(
      'print a receipt (c2sp.org/tlog-proof@v1) that entry N is in the latest checkpoint',
    )
    .argument('<seq>', 'the entry’s sequence number (0 is the first)', (text) =>
      wholeNumber('seq', text, 0, Number.MAX_SAFE_INTEGER),
    )
    .addOption(databaseOption())
    .action(async (seq, options) => {
      await withDesk(options, async (ctx) => {
        const { CONSOLE_ACTOR } = await import('../services/user-service.js');
        const { entryReceipt } = await import('../services/audit-service.js');
        await write(await entryReceipt(ctx, consoleAs(CONSOLE_ACTOR, 'auditor'), seq));
      });
    });
}

/** A busy or forbidden address is found before the store is opened or the demo loaded. */
async function assertCanServe(config: DeskConfig): Promise<void> {
  const { assertCanListen } = await import('./port-check.js');
  await assertCanListen(config.host, config.port);
}

/** Runs `load` with a progress bar on a terminal (the demo takes about 15 s). */
async function withDemoProgress<T>(
  load: (onProgress?: (done: number, total: number) => void) => Promise<T>,
): Promise<T> {
  const { progressBar } = await import('./progress.js');
  const bar = progressBar('demo caseload');
  try {
    return await load(
      bar &&
        ((done, total) => {
          bar.update(done, total, 'cases');
        }),
    );
  } finally {
    bar?.stop();
  }
}

async function serveUntilStopped(
  options: ConfigOptions,
  write: Write,
  demo = false,
): Promise<void> {
  const config = await configOf(options);
  await assertCanServe(config);
  const { openNamedStore } = await import('./open-databases.js');
  const { deskContext } = await import('../services/desk-context.js');
  const { startServer } = await import('../server/start-server.js');
  const { listenProblem } = await import('./port-check.js');
  const store = await openNamedStore(config.databaseUrl);
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer(deskContext(store), config);
  } catch (error) {
    await store.close();
    throw listenProblem(error, config.host, config.port) ?? error;
  }
  await write(`Detainer Desk is serving ${store.location} at ${server.url}\n`);
  await write(`  API documentation: ${server.url}/api/docs\n`);
  if (demo) {
    await write(
      `  Sign in as clerk, reviewer, reviewer2, supervisor, auditor or admin with password ${DEMO_PASSWORD}\n`,
    );
  }
  await new Promise<void>((resolve) => {
    const stop = () => {
      void server
        .close()
        .then(() => store.close())
        .then(resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
