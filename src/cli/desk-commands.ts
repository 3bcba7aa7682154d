/**
 * The desk's administration commands: serve, migrate, users, demo. They open the store named by
 * `--database` / `DESK_DATABASE` and call the same application services as the HTTP API, as the
 * console actor (someone with a shell on the server is its administrator).
 * @module
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Option, type Command } from '@commander-js/extra-typings';
import { ROLES } from '../auth/roles.js';
import { loadDemo } from '../demo/load-demo.js';
import { deskConfig, type ConfigOptions, type DeskConfig } from '../server/desk-config.js';
import { startServer } from '../server/start-server.js';
import { deskContext, type DeskContext } from '../services/desk-context.js';
import {
  CONSOLE_ACTOR,
  createApiToken,
  createUser,
  listUsers,
  setUserDisabled,
} from '../services/user-service.js';
import { migrateToLatest, openStore } from '../store/open-store.js';

type Write = (text: string) => Promise<void>;

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

export function registerDeskCommands(program: Command, write: Write): void {
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
        const report = await loadDemo(store, {
          seed: Number(options.seed),
          now: new Date().toISOString(),
          password: DEMO_PASSWORD,
        });
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
    .command('token')
    .description('issue an API token for an account (shown once)')
    .argument('<username>')
    .requiredOption('--name <name>', 'what the token is for')
    .addOption(databaseOption())
    .action(async (username, options) => {
      await withDesk(options, async (ctx) => {
        const { token } = await createApiToken(ctx, CONSOLE_ACTOR, username, options.name);
        await write(`${token}\n`);
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
        const report = await loadDemo(ctx.store, {
          seed: Number(options.seed),
          now: new Date().toISOString(),
          password: options.password,
        });
        await write(`${JSON.stringify(report, null, 2)}\n`);
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
