/**
 * Users, sign-in and tokens: accounts with one role each, password sign-in with throttling,
 * server-side sessions, and API tokens for system integrations. Every change is audited.
 * @module
 */
import { z } from 'zod';
import { hashPassword, passwordProblem, verifyPassword } from '../auth/password.js';
import { ROLES, requirePermission, type Actor, type Role } from '../auth/roles.js';
import { newSecretToken, tokenHash } from '../auth/secret-token.js';
import { DeskError, parseInput } from '../desk/errors.js';
import { appendAudit } from '../store/audit-writer.js';
import { prepareQuery } from '../store/compiled-query.js';
import type { UserRow } from '../store/schema.js';
import type { DeskContext } from './desk-context.js';

/** The actor for commands run on the server's own console (`detainer-desk users create`, …). */
export const CONSOLE_ACTOR: Actor = { id: 'console', username: 'console', role: 'admin' };

const SESSION_HOURS = 12;
/** After this many failures in a row, each further failure locks the account for longer. */
const FREE_FAILURES = 5;
const MAX_LOCK_MINUTES = 60;

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  isService: boolean;
  disabled: boolean;
  createdAt: string;
}

const viewOf = (row: UserRow): UserView => ({
  id: row.id,
  username: row.username,
  displayName: row.displayName,
  role: row.role as Role,
  isService: row.isService === 1,
  disabled: row.disabled === 1,
  createdAt: row.createdAt,
});

export const newUserSchema = z
  .strictObject({
    username: z
      .string()
      .regex(/^[a-z][a-z0-9._-]{2,39}$/, 'must be 3-40 lower-case letters, digits, dots, dashes'),
    displayName: z.string().trim().min(1).max(200),
    role: z.enum(ROLES),
    password: z
      .string()
      .superRefine((password, ctx) => {
        const problem = passwordProblem(password);
        if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
      })
      .optional()
      .describe('Absent for a system integration, which signs in with API tokens only.'),
  })
  .describe('A new account.');

export async function createUser(
  ctx: DeskContext,
  actor: Actor,
  input: unknown,
): Promise<UserView> {
  requirePermission(actor, 'users.manage');
  const user = parseInput(newUserSchema, input);
  const passwordHash = user.password === undefined ? null : await hashPassword(user.password);
  return ctx.store.transaction(async (trx) => {
    const taken = await trx
      .selectFrom('users')
      .select('id')
      .where('username', '=', user.username)
      .executeTakeFirst();
    if (taken !== undefined) {
      throw new DeskError('conflict', `the username ${user.username} is taken`, [
        { path: 'username', message: 'is taken' },
      ]);
    }
    const row: UserRow = {
      id: ctx.newId(),
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      passwordHash,
      isService: user.password === undefined ? 1 : 0,
      disabled: 0,
      failedLogins: 0,
      lockedUntil: null,
      createdAt: ctx.now(),
    };
    await trx.insertInto('users').values(row).execute();
    await appendAudit(ctx, trx, {
      at: row.createdAt,
      actor: actor.username,
      action: 'user.create',
      subject: `user/${row.username}`,
      payload: { role: row.role, isService: row.isService === 1 },
    });
    return viewOf(row);
  });
}

export async function listUsers(ctx: DeskContext, actor: Actor): Promise<UserView[]> {
  requirePermission(actor, 'users.manage');
  const rows = await ctx.store.db.selectFrom('users').selectAll().orderBy('username').execute();
  return rows.map(viewOf);
}

export async function setUserDisabled(
  ctx: DeskContext,
  actor: Actor,
  username: string,
  disabled: boolean,
): Promise<UserView> {
  requirePermission(actor, 'users.manage');
  return ctx.store.transaction(async (trx) => {
    const row = await trx
      .selectFrom('users')
      .selectAll()
      .where('username', '=', username)
      .executeTakeFirst();
    if (row === undefined) throw DeskError.notFound('user', username);
    await trx
      .updateTable('users')
      .set({ disabled: disabled ? 1 : 0 })
      .where('id', '=', row.id)
      .execute();
    if (disabled) {
      await trx.deleteFrom('sessions').where('userId', '=', row.id).execute();
      await trx
        .updateTable('apiTokens')
        .set({ revokedAt: ctx.now() })
        .where('userId', '=', row.id)
        .execute();
    }
    await appendAudit(ctx, trx, {
      at: ctx.now(),
      actor: actor.username,
      action: disabled ? 'user.disable' : 'user.enable',
      subject: `user/${username}`,
      payload: {},
    });
    return viewOf({ ...row, disabled: disabled ? 1 : 0 });
  });
}

export interface Session {
  token: string;
  csrfToken: string;
  expiresAt: string;
  user: UserView;
}

const loginSchema = z.strictObject({
  username: z.string().min(1).max(40),
  password: z.string().min(1).max(200),
});

/**
 * Signs in with a password. Failures are counted per account; past five in a row the account is
 * locked for 1, 2, 4 … up to 60 minutes, and the answer never says whether the username exists.
 */
export async function login(ctx: DeskContext, input: unknown): Promise<Session> {
  const { username, password } = parseInput(loginSchema, input);
  const refused = new DeskError('unauthenticated', 'wrong username or password');
  const row = await ctx.store.db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', username)
    .executeTakeFirst();
  const now = ctx.now();
  if (row?.lockedUntil != null && Date.parse(row.lockedUntil) > Date.parse(now)) {
    throw new DeskError(
      'too-many-requests',
      `too many failed sign-ins: try again after ${row.lockedUntil}`,
    );
  }
  const ok =
    row !== undefined && row.passwordHash !== null && row.disabled === 0
      ? await verifyPassword(password, row.passwordHash)
      : false;
  // A refusal is committed (the failure count, the audit entry) before it is reported.
  const session = await ctx.store.transaction(async (trx): Promise<Session | undefined> => {
    if (row === undefined || !ok) {
      if (row !== undefined) {
        const failures = row.failedLogins + 1;
        const lockMinutes =
          failures < FREE_FAILURES
            ? 0
            : Math.min(2 ** (failures - FREE_FAILURES), MAX_LOCK_MINUTES);
        await trx
          .updateTable('users')
          .set({
            failedLogins: (eb) => eb('failedLogins', '+', 1),
            lockedUntil:
              lockMinutes === 0
                ? null
                : new Date(Date.parse(now) + lockMinutes * 60_000).toISOString(),
          })
          .where('id', '=', row.id)
          .execute();
      }
      await appendAudit(ctx, trx, {
        at: now,
        actor: username,
        action: 'session.refused',
        subject: `user/${username}`,
        payload: {},
      });
      return undefined;
    }
    await trx
      .updateTable('users')
      .set({ failedLogins: 0, lockedUntil: null })
      .where('id', '=', row.id)
      .execute();
    const token = newSecretToken('dds');
    const csrfToken = newSecretToken('csrf');
    const expiresAt = new Date(Date.parse(now) + SESSION_HOURS * 3_600_000).toISOString();
    await trx
      .insertInto('sessions')
      .values({
        tokenHash: tokenHash(token),
        userId: row.id,
        csrfToken,
        createdAt: now,
        expiresAt,
      })
      .execute();
    await appendAudit(ctx, trx, {
      at: now,
      actor: username,
      action: 'session.start',
      subject: `user/${username}`,
      payload: {},
    });
    return { token, csrfToken, expiresAt, user: viewOf(row) };
  });
  if (session === undefined) throw refused;
  return session;
}

const actorOf = (row: UserRow): Actor => ({
  id: row.id,
  username: row.username,
  role: row.role as Role,
});

/** The actor and CSRF token of a live session, or undefined. */
export async function resolveSession(
  ctx: DeskContext,
  token: string,
): Promise<{ actor: Actor; csrfToken: string } | undefined> {
  const found = await ctx.store.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.userId')
    .selectAll('users')
    .select(['sessions.csrfToken', 'sessions.expiresAt'])
    .where('sessions.tokenHash', '=', tokenHash(token))
    .executeTakeFirst();
  if (found === undefined || found.disabled === 1) return undefined;
  if (Date.parse(found.expiresAt) <= Date.parse(ctx.now())) return undefined;
  return { actor: actorOf(found), csrfToken: found.csrfToken };
}

export async function logout(ctx: DeskContext, actor: Actor, token: string): Promise<void> {
  await ctx.store.transaction(async (trx) => {
    await trx.deleteFrom('sessions').where('tokenHash', '=', tokenHash(token)).execute();
    await appendAudit(ctx, trx, {
      at: ctx.now(),
      actor: actor.username,
      action: 'session.end',
      subject: `user/${actor.username}`,
      payload: {},
    });
  });
}

/** Issues an API token for an account; the token is shown once and only its hash is kept. */
export async function createApiToken(
  ctx: DeskContext,
  actor: Actor,
  username: string,
  name: string,
): Promise<{ token: string; id: string }> {
  requirePermission(actor, 'users.manage');
  return ctx.store.transaction(async (trx) => {
    const user = await trx
      .selectFrom('users')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirst();
    if (user === undefined) throw DeskError.notFound('user', username);
    const token = newSecretToken('ddt');
    const id = ctx.newId();
    await trx
      .insertInto('apiTokens')
      .values({
        id,
        tokenHash: tokenHash(token),
        userId: user.id,
        name,
        createdAt: ctx.now(),
        revokedAt: null,
      })
      .execute();
    await appendAudit(ctx, trx, {
      at: ctx.now(),
      actor: actor.username,
      action: 'token.create',
      subject: `user/${username}`,
      payload: { tokenId: id, name },
    });
    return { token, id };
  });
}

// Every API request looks its token up, so the query is compiled once.
const userByApiToken = prepareQuery((db, values: { tokenHash: string }) =>
  db
    .selectFrom('apiTokens')
    .innerJoin('users', 'users.id', 'apiTokens.userId')
    .selectAll('users')
    .where('apiTokens.tokenHash', '=', values.tokenHash)
    .where('apiTokens.revokedAt', 'is', null),
);

export async function resolveApiToken(ctx: DeskContext, token: string): Promise<Actor | undefined> {
  const found = await userByApiToken.first(ctx.store.db, ctx.store.dialect, {
    tokenHash: tokenHash(token),
  });
  return found === undefined || found.disabled === 1 ? undefined : actorOf(found);
}
