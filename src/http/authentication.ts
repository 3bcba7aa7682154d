/**
 * Who is calling: a browser session (HttpOnly SameSite cookie, with the session's CSRF token
 * required on every unsafe request) or a system integration's bearer API token.
 * @module
 */
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { resolveApiToken, resolveSession } from '../services/user-service.js';
import type { DeskContext } from '../services/desk-context.js';
import type { DeskEnv } from './desk-env.js';
import { problem } from './problem.js';

export const SESSION_COOKIE = 'dd_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function authentication(ctx: DeskContext): MiddlewareHandler<DeskEnv> {
  return async (c, next) => {
    c.set('actor', undefined);
    c.set('sessionToken', undefined);
    const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    if (bearer !== undefined) {
      const actor = await resolveApiToken(ctx, bearer);
      if (actor === undefined) return problem(c, 'unauthenticated', 'the API token is not valid');
      c.set('actor', actor);
      return next();
    }
    const token = getCookie(c, SESSION_COOKIE);
    if (token !== undefined) {
      const session = await resolveSession(ctx, token);
      if (session !== undefined) {
        if (!SAFE_METHODS.has(c.req.method) && c.req.header(CSRF_HEADER) !== session.csrfToken) {
          return problem(
            c,
            'forbidden',
            `send the session's CSRF token in the ${CSRF_HEADER} header`,
          );
        }
        c.set('actor', session.actor);
        c.set('sessionToken', token);
      }
    }
    return next();
  };
}
