/**
 * Who is calling: a browser session (HttpOnly SameSite cookie, with the session's CSRF token
 * required on every unsafe request) or a system integration's bearer API token. A session that
 * ended, or whose password an administrator set and that has not chosen a new one, gives no
 * actor; the 401 then says why.
 * @module
 */
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { sameSecret } from '../auth/secret-token.js';
import { resolveSession, type SignInPolicy } from '../services/session-service.js';
import { resolveApiToken } from '../services/user-service.js';
import type { DeskContext } from '../services/desk-context.js';
import type { DeskEnv } from './desk-env.js';
import { problem } from './problem.js';

export const SESSION_COOKIE = 'dd_session';
export const CSRF_HEADER = 'x-csrf-token';
/** The password change itself, and seeing who is signed in or signing out. */
export const PASSWORD_CHANGE_PATH = '/api/session/password';
const OPEN_BEFORE_PASSWORD_CHANGE = new Set(['/api/session', PASSWORD_CHANGE_PATH]);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function authentication(ctx: DeskContext, policy: SignInPolicy): MiddlewareHandler<DeskEnv> {
  return async (c, next) => {
    c.set('actor', undefined);
    c.set('sessionToken', undefined);
    c.set('signedOutBecause', undefined);
    const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    if (bearer !== undefined) {
      const found = await resolveApiToken(ctx, bearer);
      // No actor, like an ended session: the route answers 401, and a refused case read is audited.
      if ('refused' in found) {
        c.set('signedOutBecause', found.refused);
        return next();
      }
      c.set('actor', found.actor);
      return next();
    }
    const token = getCookie(c, SESSION_COOKIE);
    if (token === undefined) return next();
    const session = await resolveSession(ctx, token, policy);
    if (session === undefined) return next();
    if (!session.live) {
      c.set('signedOutBecause', session.reason);
      return next();
    }
    if (
      !SAFE_METHODS.has(c.req.method) &&
      !sameSecret(c.req.header(CSRF_HEADER), session.csrfToken)
    ) {
      return problem(c, 'forbidden', `send the session's CSRF token in the ${CSRF_HEADER} header`);
    }
    if (session.passwordChangeRequired && !OPEN_BEFORE_PASSWORD_CHANGE.has(c.req.path)) {
      c.set(
        'signedOutBecause',
        `an administrator set your password: choose a new one first (POST ${PASSWORD_CHANGE_PATH})`,
      );
      return next();
    }
    c.set('actor', session.actor);
    c.set('sessionToken', token);
    return next();
  };
}
