/**
 * Accounts and API tokens: accounts with one role each, their passwords (changed by their owner,
 * reset by an administrator), and API tokens for system integrations only. Every change is
 * audited; no change may leave the desk without an enabled administrator who can sign in.
 * @module
 */
import type { Transaction } from 'kysely';
import { z } from 'zod';
import { hashPassword, verifyPassword } from '../auth/password.js';
import { passwordProblem } from '../auth/password-policy.js';
import { ROLES, requirePermission, type Actor, type Role } from '../auth/roles.js';
import { newSecretToken, tokenHash } from '../auth/secret-token.js';
import { DeskError, parseInput } from '../desk/errors.js';
import { appendAudit } from '../store/audit-writer.js';
import { prepareQuery } from '../store/compiled-query.js';
import type { Dialect } from '../store/dialect.js';
import type { Database, UserRow } from '../store/schema.js';
import type { DeskContext } from './desk-context.js';
import { reserveAttempt, settleSuccess, signInKeys, SignInLocked } from './sign-in-guard.js';

/** The actor for commands run on the server's own console (`detainer-desk users create`, …). */
export const CONSOLE_ACTOR: Actor = { id: 'console', username: 'console', role: 'admin' };

export const TOKEN_DAYS = { default: 90, max: 365 } as const;

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  isService: boolean;
  disabled: boolean;
  /** The password was set by an administrator; the person must choose a new one first. */
  passwordChangeRequired: boolean;
  createdAt: string;
}

export const viewOf = (row: UserRow): UserView => ({
  id: row.id,
  username: row.username,
  displayName: row.displayName,
  role: row.role as Role,
  isService: row.isService === 1,
  disabled: row.disabled === 1,
  passwordChangeRequired: row.mustChangePassword === 1,
  createdAt: row.createdAt,
});

/** Adds the password policy's verdict on `password` as an issue at `path`. */
function checkPassword(
  password: string | undefined,
  account: { username?: string; displayName?: string },
  path: string,
  ctx: z.RefinementCtx,
): void {
  const problem = password === undefined ? undefined : passwordProblem(password, account);
  if (problem !== undefined) ctx.addIssue({ code: 'custom', path: [path], message: problem });
}

const passwordField = z
  .string()
  .describe(
    'At least 12 characters; not a common password, even with digits or symbols added, and not easy to guess.',
  );

export const newUserSchema = z
  .strictObject({
    username: z
      .string()
      .regex(/^[a-z][a-z0-9._-]{2,39}$/, 'must be 3-40 lower-case letters, digits, dots, dashes'),
    displayName: z.string().trim().min(1).max(200),
    role: z.enum(ROLES),
    password: passwordField
      .optional()
      .describe('Absent for a system integration, which signs in with API tokens only.'),
  })
  .superRefine((user, ctx) => {
    checkPassword(user.password, user, 'password', ctx);
  })
  .describe('A new account.');

export const roleChangeSchema = z.strictObject({ role: z.enum(ROLES) }).describe('A new role.');

export const passwordResetSchema = z
  .strictObject({ password: passwordField })
  .describe('A password the person must change at their next sign-in.');

export const passwordChangeSchema = z
  .strictObject({
    currentPassword: z.string().min(1).max(200),
    newPassword: passwordField,
  })
  .describe('Your current password and the new one.');

export const newTokenSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(100).describe('What the token is for.'),
    expiresInDays: z
      .number()
      .int()
      .min(1)
      .max(TOKEN_DAYS.max)
      .default(TOKEN_DAYS.default)
      .describe('Days until the token stops working.'),
  })
  .describe('A new API token for a system integration.');

async function userNamed(trx: Transaction<Database>, username: string): Promise<UserRow> {
  const row = await trx
    .selectFrom('users')
    .selectAll()
    .where('username', '=', username)
    .executeTakeFirst();
  if (row === undefined) throw DeskError.notFound('user', username);
  return row;
}

const signsInAsAdmin = (row: UserRow) =>
  row.role === 'admin' && row.disabled === 0 && row.isService === 0;

/**
 * Refuses to take away the last enabled administrator who signs in with a password. The
 * administrators' rows stay locked to the end of the transaction (PostgreSQL), so two
 * administrators disabling each other at once cannot both succeed.
 */
async function keepAnAdministrator(
  trx: Transaction<Database>,
  dialect: Dialect,
  row: UserRow,
): Promise<void> {
  if (!signsInAsAdmin(row)) return;
  const query = trx
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'admin')
    .where('disabled', '=', 0)
    .where('isService', '=', 0);
  const admins = await (dialect === 'postgres' ? query.forUpdate() : query).execute();
  if (admins.every((admin) => admin.id === row.id)) {
    throw new DeskError(
      'conflict',
      `${row.username} is the only enabled administrator: make another one first`,
    );
  }
}

export async function createUser(
  ctx: DeskContext,
  actor: Actor,
  input: unknown,
): Promise<UserView> {
  requirePermission(actor, 'users.manage');
  const user = parseInput(newUserSchema, input);
  const passwordHash = user.password === undefined ? null : await hashPassword(user.password);
  return ctx.store.transaction(async (trx) => {
    const row: UserRow = {
      id: ctx.newId(),
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      passwordHash,
      isService: user.password === undefined ? 1 : 0,
      disabled: 0,
      mustChangePassword: 0,
      createdAt: ctx.now(),
    };
    // Checked by the insert itself: two requests for one username at once get one account.
    const inserted = await trx
      .insertInto('users')
      .values(row)
      .onConflict((conflict) => conflict.column('username').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted === undefined) {
      throw new DeskError('conflict', `the username ${user.username} is taken`, [
        { path: 'username', message: 'is taken' },
      ]);
    }
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

/** Disables an account, ending its sessions and revoking its tokens, or enables it again. */
export async function setUserDisabled(
  ctx: DeskContext,
  actor: Actor,
  username: string,
  disabled: boolean,
): Promise<UserView> {
  requirePermission(actor, 'users.manage');
  return ctx.store.transaction(async (trx) => {
    const row = await userNamed(trx, username);
    if (disabled) await keepAnAdministrator(trx, ctx.store.dialect, row);
    const now = ctx.now();
    await trx
      .updateTable('users')
      .set({ disabled: disabled ? 1 : 0 })
      .where('id', '=', row.id)
      .execute();
    if (disabled) {
      await trx.deleteFrom('sessions').where('userId', '=', row.id).execute();
      await trx
        .updateTable('apiTokens')
        .set({ revokedAt: now })
        .where('userId', '=', row.id)
        .where('revokedAt', 'is', null)
        .execute();
    }
    await appendAudit(ctx, trx, {
      at: now,
      actor: actor.username,
      action: disabled ? 'user.disable' : 'user.enable',
      subject: `user/${username}`,
      payload: {},
    });
    return viewOf({ ...row, disabled: disabled ? 1 : 0 });
  });
}

/** Gives an account another role; it applies to its sessions and tokens from their next request. */
export async function setUserRole(
  ctx: DeskContext,
  actor: Actor,
  username: string,
  input: unknown,
): Promise<UserView> {
  requirePermission(actor, 'users.manage');
  const { role } = parseInput(roleChangeSchema, input);
  return ctx.store.transaction(async (trx) => {
    const row = await userNamed(trx, username);
    if (role !== 'admin') await keepAnAdministrator(trx, ctx.store.dialect, row);
    await trx.updateTable('users').set({ role }).where('id', '=', row.id).execute();
    await appendAudit(ctx, trx, {
      at: ctx.now(),
      actor: actor.username,
      action: 'user.role',
      subject: `user/${username}`,
      payload: { from: row.role, to: role },
    });
    return viewOf({ ...row, role });
  });
}

/**
 * An administrator sets another person's password (they forgot it): the person's sessions end and
 * they must choose a new password at their next sign-in, so a reset never goes unnoticed.
 */
export async function resetPassword(
  ctx: DeskContext,
  actor: Actor,
  username: string,
  input: unknown,
): Promise<UserView> {
  requirePermission(actor, 'users.manage');
  const { password } = parseInput(passwordResetSchema, input);
  if (username === actor.username) {
    throw new DeskError('conflict', 'change your own password with your current one instead');
  }
  const existing = await ctx.store.db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', username)
    .executeTakeFirst();
  if (existing === undefined) throw DeskError.notFound('user', username);
  const problem = passwordProblem(password, existing);
  if (problem !== undefined) throw DeskError.invalid([{ path: 'password', message: problem }]);
  const passwordHash = await hashPassword(password);
  return ctx.store.transaction(async (trx) => {
    const row = await userNamed(trx, username);
    if (row.isService === 1) {
      throw new DeskError('conflict', `${username} is a system integration: it has no password`);
    }
    await trx
      .updateTable('users')
      .set({ passwordHash, mustChangePassword: 1 })
      .where('id', '=', row.id)
      .execute();
    await trx.deleteFrom('sessions').where('userId', '=', row.id).execute();
    await appendAudit(ctx, trx, {
      at: ctx.now(),
      actor: actor.username,
      action: 'user.password-reset',
      subject: `user/${username}`,
      payload: {},
    });
    return viewOf({ ...row, passwordHash, mustChangePassword: 1 });
  });
}

export interface PasswordChangeOptions {
  /** The session the change is made in: it stays; every other session of the person ends. */
  readonly sessionToken: string | undefined;
  readonly address: string;
  readonly addressLimit: number;
}

/**
 * A person changes their own password, giving the current one. A wrong current password counts
 * as a failed sign-in (a session left open must not let anyone guess it).
 */
export async function changeOwnPassword(
  ctx: DeskContext,
  actor: Actor,
  input: unknown,
  options: PasswordChangeOptions,
): Promise<void> {
  const { currentPassword, newPassword } = parseInput(passwordChangeSchema, input);
  const row = await ctx.store.db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', actor.id)
    .executeTakeFirst();
  if (row?.passwordHash == null) {
    throw new DeskError('conflict', `${actor.username} has no password to change`);
  }
  const problem = passwordProblem(newPassword, row);
  if (problem !== undefined) throw DeskError.invalid([{ path: 'newPassword', message: problem }]);
  const now = ctx.now();
  const { dialect } = ctx.store;
  const keys = signInKeys(row.username, options.address, options.addressLimit);
  const refused = (reason: string) => ({
    at: now,
    actor: row.username,
    action: 'user.password-change-refused',
    subject: `user/${row.username}`,
    payload: { reason, address: options.address },
  });
  const lock = await ctx.store.transaction(async (trx) => {
    const found = await reserveAttempt(trx, dialect, keys, now);
    if (found !== undefined) await appendAudit(ctx, trx, refused(`${found.kind}-locked`));
    return found;
  });
  if (lock !== undefined) throw new SignInLocked(lock);
  const matches = await verifyPassword(currentPassword, row.passwordHash);
  const unchanged = matches && (await verifyPassword(newPassword, row.passwordHash));
  const passwordHash = matches && !unchanged ? await hashPassword(newPassword) : undefined;
  await ctx.store.transaction(async (trx) => {
    if (passwordHash === undefined) {
      await appendAudit(ctx, trx, refused(matches ? 'unchanged' : 'wrong-password'));
      return;
    }
    await settleSuccess(trx, dialect, keys, now);
    await trx
      .updateTable('users')
      .set({ passwordHash, mustChangePassword: 0 })
      .where('id', '=', row.id)
      .execute();
    let others = trx.deleteFrom('sessions').where('userId', '=', row.id);
    if (options.sessionToken !== undefined) {
      others = others.where('tokenHash', '!=', tokenHash(options.sessionToken));
    }
    await others.execute();
    await appendAudit(ctx, trx, {
      at: now,
      actor: row.username,
      action: 'user.password-change',
      subject: `user/${row.username}`,
      payload: { address: options.address },
    });
  });
  if (!matches) {
    throw DeskError.invalid([{ path: 'currentPassword', message: 'is not your current password' }]);
  }
  if (unchanged) {
    throw DeskError.invalid([
      { path: 'newPassword', message: 'must differ from your current password' },
    ]);
  }
}

export interface ApiTokenView {
  id: string;
  name: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
}

/**
 * Issues an API token for a system integration; the token is shown once and only its hash is
 * kept. Never for a person's account: its holder would act, and read case files, as that person.
 */
export async function createApiToken(
  ctx: DeskContext,
  actor: Actor,
  username: string,
  name: string,
  expiresInDays?: number,
): Promise<{ token: string; id: string; expiresAt: string }> {
  requirePermission(actor, 'users.manage');
  const input = parseInput(newTokenSchema, { name, expiresInDays });
  return ctx.store.transaction(async (trx) => {
    const user = await userNamed(trx, username);
    if (user.isService === 0) {
      throw new DeskError(
        'conflict',
        `${username} is a person's account: API tokens are only for system integrations (accounts created without a password)`,
      );
    }
    if (user.disabled === 1) throw new DeskError('conflict', `${username} is disabled`);
    const token = newSecretToken('ddt');
    const id = ctx.newId();
    const now = ctx.now();
    const expiresAt = new Date(Date.parse(now) + input.expiresInDays * 86_400_000).toISOString();
    await trx
      .insertInto('apiTokens')
      .values({
        id,
        tokenHash: tokenHash(token),
        userId: user.id,
        name: input.name,
        createdAt: now,
        expiresAt,
        revokedAt: null,
      })
      .execute();
    await appendAudit(ctx, trx, {
      at: now,
      actor: actor.username,
      action: 'token.create',
      subject: `user/${username}`,
      payload: { tokenId: id, name: input.name, expiresAt },
    });
    return { token, id, expiresAt };
  });
}

export async function listApiTokens(
  ctx: DeskContext,
  actor: Actor,
  username: string,
): Promise<ApiTokenView[]> {
  requirePermission(actor, 'users.manage');
  const user = await ctx.store.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', username)
    .executeTakeFirst();
  if (user === undefined) throw DeskError.notFound('user', username);
  return ctx.store.db
    .selectFrom('apiTokens')
    .select(['id', 'name', 'createdAt', 'expiresAt', 'revokedAt'])
    .where('userId', '=', user.id)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
}

/** Revokes one token; revoking it again changes nothing. */
export async function revokeApiToken(
  ctx: DeskContext,
  actor: Actor,
  username: string,
  tokenId: string,
): Promise<ApiTokenView> {
  requirePermission(actor, 'users.manage');
  return ctx.store.transaction(async (trx) => {
    const user = await userNamed(trx, username);
    const token = await trx
      .selectFrom('apiTokens')
      .select(['id', 'name', 'createdAt', 'expiresAt', 'revokedAt'])
      .where('id', '=', tokenId)
      .where('userId', '=', user.id)
      .executeTakeFirst();
    if (token === undefined) throw DeskError.notFound(`API token of ${username}`, tokenId);
    if (token.revokedAt !== null) return token;
    const now = ctx.now();
    await trx.updateTable('apiTokens').set({ revokedAt: now }).where('id', '=', token.id).execute();
    await appendAudit(ctx, trx, {
      at: now,
      actor: actor.username,
      action: 'token.revoke',
      subject: `user/${username}`,
      payload: { tokenId },
    });
    return { ...token, revokedAt: now };
  });
}

// Every API request looks its token up, so the query is compiled once.
const userByApiToken = prepareQuery((db, values: { tokenHash: string }) =>
  db
    .selectFrom('apiTokens')
    .innerJoin('users', 'users.id', 'apiTokens.userId')
    .select([
      'users.id',
      'users.username',
      'users.role',
      'users.disabled',
      'users.isService',
      'apiTokens.expiresAt',
    ])
    .where('apiTokens.tokenHash', '=', values.tokenHash)
    .where('apiTokens.revokedAt', 'is', null),
);

/** The integration an API token acts for, or why the token does not work. */
export async function resolveApiToken(
  ctx: DeskContext,
  token: string,
): Promise<{ actor: Actor } | { refused: string }> {
  const found = await userByApiToken.first(ctx.store.db, ctx.store.dialect, {
    tokenHash: tokenHash(token),
  });
  if (found === undefined || found.disabled === 1 || found.isService === 0) {
    return { refused: 'the API token is not valid' };
  }
  if (Date.parse(found.expiresAt) <= Date.parse(ctx.now())) {
    return { refused: `the API token expired at ${found.expiresAt}: ask for a new one` };
  }
  return { actor: { id: found.id, username: found.username, role: found.role as Role } };
}
