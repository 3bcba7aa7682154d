/**
 * Signing in and sessions. A password sign-in gives the same answer, at the same cost, whether or
 * not the username names an account; failed attempts are counted in the store against the name
 * typed and the client's address (`sign-in-guard.ts`); every attempt is audited, never with what
 * was typed unless it names an account. A session ends after 12 hours, or sooner when idle.
 * @module
 */
import { z } from 'zod';
import { UNUSABLE_PASSWORD_HASH, verifyPassword } from '../auth/password.js';
import { PERMISSIONS, type Actor, type Permission, type Role } from '../auth/roles.js';
import { newSecretToken, tokenHash } from '../auth/secret-token.js';
import { DeskError, parseInput } from '../desk/errors.js';
import { appendAudit } from '../store/audit-writer.js';
import { prepareQuery } from '../store/compiled-query.js';
import type { UserRow } from '../store/schema.js';
import type { DeskContext } from './desk-context.js';
import { reserveAttempt, settleSuccess, signInKeys, SignInLocked } from './sign-in-guard.js';
import { viewOf, type UserView } from './user-service.js';

export const SESSION_HOURS = 12;
/** The audit log's name for a username that names no account: what was typed is not kept. */
export const UNKNOWN_ACCOUNT = '(unknown)';
/** How often a session's last activity is written: idle time is measured to the minute. */
const ACTIVITY_GRANULARITY_MS = 60_000;

export interface SignInPolicy {
  /** Failed sign-ins allowed per client address in 15 minutes. */
  readonly addressLimit: number;
  /** Minutes without a request after which a session ends (CJIS: 30). */
  readonly idleMinutes: number;
}

/** Who is signing in, as far as the network says. */
export interface SignInClient {
  readonly address: string;
}

export interface Session {
  token: string;
  csrfToken: string;
  expiresAt: string;
  /** The password was set by an administrator: nothing else is allowed until it is changed. */
  passwordChangeRequired: boolean;
  user: UserView;
}

export const loginSchema = z.strictObject({
  username: z.string().min(1).max(40),
  password: z.string().min(1).max(200),
});

/** What a role may do, from the one table, so a face can offer only that (the API still checks). */
export function permissionsOf(role: Role): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((permission) =>
    (PERMISSIONS[permission] as readonly Role[]).includes(role),
  );
}

type Refusal = 'unknown-account' | 'disabled' | 'no-password' | 'wrong-password';

function refusalOf(row: UserRow | undefined): Refusal | undefined {
  if (row === undefined) return 'unknown-account';
  if (row.disabled === 1) return 'disabled';
  if (row.passwordHash === null) return 'no-password';
  return undefined;
}

/**
 * Signs in with a password. Five failures in a row with one username (an account's or not) lock
 * it for 1, 2, 4 … up to 60 minutes; `addressLimit` failures from one address in 15 minutes lock
 * the address for the rest of them.
 */
export async function login(
  ctx: DeskContext,
  input: unknown,
  client: SignInClient,
  policy: SignInPolicy,
): Promise<Session> {
  const { username, password } = parseInput(loginSchema, input);
  const now = ctx.now();
  const { dialect } = ctx.store;
  const keys = signInKeys(username, client.address, policy.addressLimit);
  const row = await ctx.store.db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', username)
    .executeTakeFirst();
  const who = row?.username ?? UNKNOWN_ACCOUNT;
  const refused = (reason: string) => ({
    at: now,
    actor: who,
    action: 'session.refused',
    subject: `user/${who}`,
    payload: { reason, address: client.address },
  });

  const lock = await ctx.store.transaction(async (trx) => {
    const found = await reserveAttempt(trx, dialect, keys, now);
    if (found !== undefined) await appendAudit(ctx, trx, refused(`${found.kind}-locked`));
    return found;
  });
  if (lock !== undefined) throw new SignInLocked(lock);

  // Every attempt that got this far costs one scrypt, whether or not the account exists.
  const refusal = refusalOf(row);
  const matches = await verifyPassword(
    password,
    refusal === undefined && row?.passwordHash != null ? row.passwordHash : UNUSABLE_PASSWORD_HASH,
  );
  const session = await ctx.store.transaction(async (trx): Promise<Session | undefined> => {
    if (row === undefined || refusal !== undefined || !matches) {
      await appendAudit(ctx, trx, refused(refusal ?? 'wrong-password'));
      return undefined;
    }
    await settleSuccess(trx, dialect, keys, now);
    const idleSince = new Date(Date.parse(now) - policy.idleMinutes * 60_000).toISOString();
    await trx
      .deleteFrom('sessions')
      .where('userId', '=', row.id)
      .where((eb) => eb.or([eb('expiresAt', '<=', now), eb('lastSeenAt', '<=', idleSince)]))
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
        lastSeenAt: now,
      })
      .execute();
    await appendAudit(ctx, trx, {
      at: now,
      actor: row.username,
      action: 'session.start',
      subject: `user/${row.username}`,
      payload: { address: client.address },
    });
    return {
      token,
      csrfToken,
      expiresAt,
      passwordChangeRequired: row.mustChangePassword === 1,
      user: viewOf(row),
    };
  });
  if (session === undefined) throw new DeskError('unauthenticated', 'wrong username or password');
  return session;
}

export type SessionState =
  | {
      readonly live: true;
      readonly actor: Actor;
      readonly csrfToken: string;
      readonly expiresAt: string;
      readonly passwordChangeRequired: boolean;
    }
  /** The session ended: `reason` says why, for the person to read. */
  | { readonly live: false; readonly reason: string };

// Every request made with a session looks it up, so the query is compiled once.
const sessionByToken = prepareQuery((db, values: { tokenHash: string }) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.userId')
    .select([
      'users.id',
      'users.username',
      'users.role',
      'users.disabled',
      'users.mustChangePassword',
      'sessions.csrfToken',
      'sessions.expiresAt',
      'sessions.lastSeenAt',
    ])
    .where('sessions.tokenHash', '=', values.tokenHash),
);

const touchSession = prepareQuery((db, values: { tokenHash: string; lastSeenAt: string }) =>
  db
    .updateTable('sessions')
    .set({ lastSeenAt: values.lastSeenAt })
    .where('tokenHash', '=', values.tokenHash),
);

/**
 * The session a token names, if any, and whether it is live. A live session's last activity is
 * moved to now (at most once a minute, so most requests write nothing).
 */
export async function resolveSession(
  ctx: DeskContext,
  token: string,
  policy: SignInPolicy,
): Promise<SessionState | undefined> {
  const hash = tokenHash(token);
  const found = await sessionByToken.first(ctx.store.db, ctx.store.dialect, { tokenHash: hash });
  if (found === undefined || found.disabled === 1) return undefined;
  const now = ctx.now();
  const at = Date.parse(now);
  if (Date.parse(found.expiresAt) <= at) {
    return {
      live: false,
      reason: `your session expired: sessions last ${String(SESSION_HOURS)} hours; sign in again`,
    };
  }
  const idleMs = at - Date.parse(found.lastSeenAt);
  if (idleMs >= policy.idleMinutes * 60_000) {
    return {
      live: false,
      reason: `your session expired after ${String(policy.idleMinutes)} minutes without activity; sign in again`,
    };
  }
  if (idleMs >= ACTIVITY_GRANULARITY_MS) {
    await ctx.store.transaction((trx) =>
      touchSession.run(trx, ctx.store.dialect, { tokenHash: hash, lastSeenAt: now }),
    );
  }
  return {
    live: true,
    actor: { id: found.id, username: found.username, role: found.role as Role },
    csrfToken: found.csrfToken,
    expiresAt: found.expiresAt,
    passwordChangeRequired: found.mustChangePassword === 1,
  };
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
