/**
 * Signing in and out, and changing one's own password. The session token travels only in an
 * HttpOnly, SameSite=Strict cookie; the CSRF token is returned in the body for the page to send
 * back in a header. Throttling lives in the service, in the store.
 * @module
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { PERMISSIONS, ROLES, type Permission } from '../../auth/roles.js';
import type { DeskContext } from '../../services/desk-context.js';
import {
  login,
  loginSchema,
  logout,
  permissionsOf,
  resolveSession,
  type SignInPolicy,
} from '../../services/session-service.js';
import { SignInLocked } from '../../services/sign-in-guard.js';
import { changeOwnPassword, passwordChangeSchema } from '../../services/user-service.js';
import { PASSWORD_CHANGE_PATH, SESSION_COOKIE } from '../authentication.js';
import { actorOf, type DeskEnv } from '../desk-env.js';
import { problemResponses, problemSchema } from '../problem.js';

const sessionSchema = z
  .object({
    user: z.object({
      username: z.string(),
      displayName: z.string().optional(),
      role: z.enum(ROLES),
      permissions: z
        .array(z.enum(Object.keys(PERMISSIONS) as [Permission, ...Permission[]]))
        .describe('What the role may do; the API checks each request all the same.'),
    }),
    csrfToken: z.string().describe('Send it in the X-CSRF-Token header of every unsafe request.'),
    expiresAt: z.string().optional().describe('When the session ends at the latest.'),
    passwordChangeRequired: z
      .boolean()
      .describe(
        `An administrator set the password: nothing else is allowed until POST ${PASSWORD_CHANGE_PATH}.`,
      ),
  })
  .meta({ id: 'Session' });

const tooManyAttempts = {
  description: 'Too many failed sign-ins with this username or from this address.',
  headers: z.object({
    'Retry-After': z.string().describe('Seconds until the lock ends.'),
  }),
  content: { 'application/problem+json': { schema: problemSchema } },
};

const tags = ['Session'];

/** The peer address; requests made in-process (tests) share one. */
function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'in-process';
  }
}

/** Sends a lock's end as Retry-After with the 429 the error becomes. */
async function withRetryAfter<T>(
  c: Context,
  ctx: DeskContext,
  attempt: () => Promise<T>,
): Promise<T> {
  try {
    return await attempt();
  } catch (error) {
    if (error instanceof SignInLocked) {
      const seconds = Math.ceil((Date.parse(error.retryAt) - Date.parse(ctx.now())) / 1000);
      c.header('Retry-After', String(Math.max(1, seconds)));
    }
    throw error;
  }
}

export interface SessionOptions {
  /** Mark the cookie Secure; on by default, off only for plain-HTTP development. */
  secureCookies: boolean;
  /** Failed sign-ins allowed per client address in 15 minutes. */
  loginLimit: number;
  /** Minutes without a request after which a session ends. */
  sessionIdleMinutes: number;
}

export function signInPolicy(options: SessionOptions): SignInPolicy {
  return { addressLimit: options.loginLimit, idleMinutes: options.sessionIdleMinutes };
}

export function registerSessionRoutes(
  app: OpenAPIHono<DeskEnv>,
  ctx: DeskContext,
  options: SessionOptions,
): void {
  const policy = signInPolicy(options);

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/session',
      tags,
      security: [],
      summary: 'Sign in with a username and password',
      description:
        'The answer is the same whether or not the username names an account. Five failures in a ' +
        'row with one username lock it for 1, 2, 4 … up to 60 minutes; too many failures from one ' +
        'address lock the address for the rest of 15 minutes.',
      request: {
        body: { required: true, content: { 'application/json': { schema: loginSchema } } },
      },
      responses: {
        200: {
          description: 'Signed in; the session cookie is set.',
          content: { 'application/json': { schema: sessionSchema } },
        },
        ...problemResponses,
        429: tooManyAttempts,
      },
    }),
    async (c) => {
      const session = await withRetryAfter(c, ctx, () =>
        login(ctx, c.req.valid('json'), { address: clientAddress(c) }, policy),
      );
      setCookie(c, SESSION_COOKIE, session.token, {
        httpOnly: true,
        sameSite: 'Strict',
        secure: options.secureCookies,
        path: '/',
        expires: new Date(session.expiresAt),
      });
      return c.json(
        {
          user: { ...session.user, permissions: permissionsOf(session.user.role) },
          csrfToken: session.csrfToken,
          expiresAt: session.expiresAt,
          passwordChangeRequired: session.passwordChangeRequired,
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/session',
      tags,
      summary: 'Who is signed in',
      description: 'A 401 says why when the session ended (after 12 hours, or when idle).',
      responses: {
        200: {
          description: 'The signed-in user.',
          content: { 'application/json': { schema: sessionSchema } },
        },
        ...problemResponses,
      },
    }),
    async (c) => {
      const actor = actorOf(c);
      const token = c.get('sessionToken');
      const session = token === undefined ? undefined : await resolveSession(ctx, token, policy);
      const live = session?.live === true ? session : undefined;
      return c.json(
        {
          user: {
            username: actor.username,
            role: actor.role,
            permissions: permissionsOf(actor.role),
          },
          csrfToken: live?.csrfToken ?? '',
          expiresAt: live?.expiresAt,
          passwordChangeRequired: live?.passwordChangeRequired ?? false,
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/session',
      tags,
      security: [],
      summary: 'Sign out',
      responses: { 204: { description: 'Signed out.' }, ...problemResponses },
    }),
    async (c) => {
      const token = c.get('sessionToken');
      const actor = c.get('actor');
      if (token !== undefined && actor !== undefined) await logout(ctx, actor, token);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: PASSWORD_CHANGE_PATH,
      tags,
      summary: 'Change your own password',
      description:
        'Needs the current password; a wrong one counts as a failed sign-in. Your other sessions end.',
      request: {
        body: { required: true, content: { 'application/json': { schema: passwordChangeSchema } } },
      },
      responses: {
        204: { description: 'Changed.' },
        ...problemResponses,
        429: tooManyAttempts,
      },
    }),
    async (c) => {
      await withRetryAfter(c, ctx, () =>
        changeOwnPassword(ctx, actorOf(c), c.req.valid('json'), {
          sessionToken: c.get('sessionToken'),
          address: clientAddress(c),
          addressLimit: policy.addressLimit,
        }),
      );
      return c.body(null, 204);
    },
  );
}
