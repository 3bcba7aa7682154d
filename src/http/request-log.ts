/**
 * Every request gets an id, sent back in `X-Request-Id` and in every problem body, and one log
 * line: method, route pattern (never the raw path, which holds ids, nor the query), status,
 * milliseconds, and the account acting (username and role, never a person's name).
 * @module
 */
import { randomUUID } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { Logger } from 'pino';
import type { DeskEnv } from './desk-env.js';

export const REQUEST_ID_HEADER = 'X-Request-Id';

/** The pattern of the route that answered, e.g. `/api/cases/:id`; undefined when none did. */
export function routeOf(c: Context): string | undefined {
  // Middleware is registered for every method ('ALL'); the first route with its own method answers.
  return matchedRoutes(c).find((route) => route.method !== 'ALL')?.path;
}

export function requestLog(logger: Logger): MiddlewareHandler<DeskEnv> {
  return async (c, next) => {
    const started = performance.now();
    // Always our own id: one a client sends could collide with another request's or be forged.
    const requestId = randomUUID();
    c.set('requestId', requestId);
    await next();
    c.res.headers.set(REQUEST_ID_HEADER, requestId);
    const actor = c.get('actor');
    logger.info(
      {
        requestId,
        method: c.req.method,
        route: routeOf(c) ?? null,
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
        ...(actor === undefined ? {} : { user: actor.username, role: actor.role }),
      },
      'request',
    );
  };
}
