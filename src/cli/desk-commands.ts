/**
 * The desk's administration commands: serve, migrate, users, demo. They open the store named by
 * `--database` / `DESK_DATABASE` and call the same application services as the HTTP API, as the
 * console actor (someone with a shell on the server is its administrator).
 * @module
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { stringify } from 'csv-stringify/sync';
import { Argument, Option, type Command } from '@commander-js/extra-typings';
import { ROLES } from '../auth/roles.js';
import { loadDemo } from '../demo/load-demo.js';
import { deskConfig, type ConfigOptions, type DeskConfig } from '../server/desk-config.js';
import { startServer } from '../server/start-server.js';
import { deskContext, type DeskContext } from '../services/desk-context.js';
import {
  CONSOLE_ACTOR,
  createApiToken,
  createUser,
  listApiTokens,
  listUsers,
  resetPassword,
  revokeApiToken,
  setUserDisabled,
  setUserRole,
} from '../services/user-service.js';
import { migrateToLatest, openStore } from '../store/open-store.js';
import { readIntakeCsv } from '../import/intake-csv.js';
import { readIntakeJson } from '../import/intake-json.js';
import { exportCases } from '../services/case-export.js';
import { importCases } from '../services/case-import.js';
import { createCheckpoint, entryReceipt, verifyAuditLog } from '../services/audit-service.js';
import { loadAuditSigner } from '../server/audit-signer.js';

type Write = (text: string) => Promise<void>;
/** Marks the run as done with problems (exit code 1: rejected records, a failed verification). */
type Fail = () => void;

const databaseOption = () =>
  new Option(
    '--database <url>',
    'sqlite:<file> or postgres://… (default: $DESK_DATABASE or sqlite:data/desk.db)',
  );

async function withDesk<T>(
  options: ConfigOptions,
  run: (ctx: DeskContext, config: DeskConfig) => Promise<T>,
): Promise<T> {
  const config = deskConfig(options);
  const store = await openStore(config.databaseUrl);
  try {
    return await run(deskContext(store), config);
  } finally {
    await store.close();
  }
}

const DEMO_PASSWORD = 'demo-password-1';

/** The demo desk opens at the start of today (UTC), so loading it twice in a day changes nothing. */
const demoDay = () => `${new Date().toISOString().slice(0, 10)}T00:00:00.000Z`;

/** Console actors: bulk work is a supervisor's, verification an auditor's. */
const IMPORT_ACTOR = { ...CONSOLE_ACTOR, role: 'supervisor' } as const;
const EXPORT_ACTOR = IMPORT_ACTOR;
const CONSOLE_AUDITOR = { ...CONSOLE_ACTOR, role: 'auditor' } as const;

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
    .description('load the demo caseload if the store is empty, then serve (what `npm start` runs)')
    .addOption(databaseOption())
    .option('--host <host>', 'address to listen on')
    .option('--port <port>', 'port to listen on')
    .option('--seed <n>', 'the demo’s random seed', '2017')
    .action(async (options) => {
      const config = deskConfig(options);
      const store = await openStore(config.databaseUrl);
      const users = await store.db.selectFrom('users').select('id').limit(1).execute();
      if (users.length === 0) {
        await write('Loading the demo caseload (synthetic people only)…\n');
        const report = await store.withoutSyncWaits(() =>
          loadDemo(store, {
            seed: Number(options.seed),
            now: demoDay(),
            users: { password: DEMO_PASSWORD },
          }),
        );
        await write(`${JSON.stringify(report)}\n`);
      }
      await store.close();
      await serveUntilStopped(options, write, true);
    });

  program
    .command('migrate')
    .description('bring the database schema up to date')
    .addOption(databaseOption())
    .action(async (options) => {
      await withDesk(options, async (ctx) => {
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
          ? (await readFile(options.passwordFile, 'utf8')).trimEnd()
          : randomBytes(18).toString('base64url');
      await withDesk(options, async (ctx) => {
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
          ? (await readFile(options.passwordFile, 'utf8')).trimEnd()
          : randomBytes(18).toString('base64url');
      await withDesk(options, async (ctx) => {
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
    .option('--days <n>', 'days until it expires (default 90, at most 365)', Number)
    .addOption(databaseOption())
    .action(async (username, options) => {
      await withDesk(options, async (ctx) => {
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
        await revokeApiToken(ctx, CONSOLE_ACTOR, username, tokenId);
        await write(`revoked ${tokenId}\n`);
      });
    });

  program
    .command('demo')
    .description('load the synthetic demo caseload (reproducible by seed)')
    .addOption(databaseOption())
    .option('--seed <n>', 'random seed', '2017')
    .option('--password <password>', 'the demo accounts’ password', DEMO_PASSWORD)
    .action(async (options) => {
      await withDesk(options, async (ctx) => {
        const report = await ctx.store.withoutSyncWaits(() =>
          loadDemo(ctx.store, {
            seed: Number(options.seed),
            now: demoDay(),
            users: { password: options.password },
          }),
        );
        await write(`${JSON.stringify(report, null, 2)}\n`);
      });
    });
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
      const source = createReadStream(file);
      const records = format === 'csv' ? readIntakeCsv(source) : readIntakeJson(source);
      await withDesk(options, async (ctx) => {
        const report = await importCases(ctx, IMPORT_ACTOR, records);
        await write(
          `read ${String(report.read)}: ${String(report.created)} recorded, ${String(report.alreadyRecorded)} already recorded, ${String(report.rejected.length)} rejected\n`,
        );
        for (const reject of report.rejected.slice(0, 20)) {
          await write(
            `  line ${String(reject.line)}: ${reject.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}\n`,
          );
        }
        if (options.rejects !== undefined) {
          const out = createWriteStream(options.rejects);
          for (const reject of report.rejected) out.write(`${JSON.stringify(reject)}\n`);
          await new Promise((resolve) => out.end(resolve));
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
        for await (const view of exportCases(ctx, EXPORT_ACTOR, filter)) {
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
      await withDesk(options, async (ctx, config) => {
        const signer = loadAuditSigner(config);
        const trusted =
          options.trusted === undefined ? undefined : readFileSync(options.trusted, 'utf8');
        const report = await verifyAuditLog(ctx, CONSOLE_AUDITOR, signer.verifier, trusted);
        if (report.ok) {
          await write(
            `audit log verified: ${String(report.entries)} entries, ${String(report.checkpoints)} checkpoints; ` +
              `${String(report.records.cases)} cases, ${String(report.records.decisions)} decisions, ` +
              `${String(report.records.informationRequests)} information requests match it\n`,
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
        await write(await createCheckpoint(ctx, CONSOLE_ACTOR, loadAuditSigner(config)));
      });
    });
  audit
    .command('prove')
    .description(
      'print a receipt (c2sp.org/tlog-proof@v1) that entry N is in the latest checkpoint',
    )
    .argument('<seq>')
    .addOption(databaseOption())
    .action(async (seq, options) => {
      await withDesk(options, async (ctx) => {
        await write(await entryReceipt(ctx, CONSOLE_AUDITOR, Number(seq)));
      });
    });
}

async function serveUntilStopped(
  options: ConfigOptions,
  write: Write,
  demo = false,
): Promise<void> {
  const config = deskConfig(options);
  const store = await openStore(config.databaseUrl);
  const server = await startServer(deskContext(store), config);
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
