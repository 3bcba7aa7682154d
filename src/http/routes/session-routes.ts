/**
 * Signing in and out. The session token travels only in an HttpOnly, SameSite=Strict cookie; the
 * CSRF token is returned in the body for the page to send back in a header.
 * @module
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { rateLimiter } from 'hono-rate-limiter';
import { z } from 'zod';
import { ROLES } from '../../auth/roles.js';
import type { DeskContext } from '../../services/desk-context.js';
import { login, logout, resolveSession } from '../../services/user-service.js';
import { SESSION_COOKIE } from '../authentication.js';
import { actorOf, type DeskEnv } from '../desk-env.js';
import { problem, problemResponses } from '../problem.js';

const sessionSchema = z
  .object({
    user: z.object({
      username: z.string(),
      displayName: z.string().optional(),
      role: z.enum(ROLES),
    }),
    csrfToken: z.string().describe('Send it in the X-CSRF-Token header of every unsafe request.'),
    expiresAt: z.string().optional(),
  })
  .meta({ id: 'Session' });

const tags = ['Session'];

/** The peer address; requests made in-process (tests) share one bucket. */
function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'in-process';
  }
}

export interface SessionOptions {
  /** Mark the cookie Secure; on by default, off only for plain-HTTP development. */
  secureCookies: boolean;
  /** Sign-in attempts allowed per client address in 15 minutes. */
  loginLimit: number;
}

export function registerSessionRoutes(
  app: OpenAPIHono<DeskEnv>,
  ctx: DeskContext,
  options: SessionOptions,
): void {
  app.use(
    '/api/session',
    rateLimiter<DeskEnv>({
      windowMs: 15 * 60_000,
      limit: options.loginLimit,
      standardHeaders: 'draft-7',
      keyGenerator: clientAddress,
      skip: (c) => c.req.method !== 'POST',
      handler: (c) =>
        problem(
          c,
          'too-many-requests',
          'too many sign-in attempts from this address; wait 15 minutes',
        ),
    }),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/session',
      tags,
      summary: 'Sign in with a username and password',
      request: {
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z.strictObject({
                username: z.string().min(1).max(40),
                password: z.string().min(1).max(200),
              }),
            },
          },
        },
      },
      responses: {
        200: {
          description: 'Signed in; the session cookie is set.',
          content: { 'application/json': { schema: sessionSchema } },
        },
        ...problemResponses,
        429: { description: 'Too many attempts.' },
      },
    }),
    async (c) => {
      const session = await login(ctx, c.req.valid('json'));
      setCookie(c, SESSION_COOKIE, session.token, {
        httpOnly: true,
        sameSite: 'Strict',
        secure: options.secureCookies,
        path: '/',
        expires: new Date(session.expiresAt),
      });
      return c.json(
        { user: session.user, csrfToken: session.csrfToken, expiresAt: session.expiresAt },
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
      const session = token === undefined ? undefined : await resolveSession(ctx, token);
      return c.json(
        {
          user: { username: actor.username, role: actor.role },
          csrfToken: session?.csrfToken ?? '',
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
}
