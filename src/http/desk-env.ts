/**
 * What a request carries through the HTTP layer: its id, who is acting (absent for the public)
 * and how they signed in.
 * @module
 */
import type { Context, MiddlewareHandler } from 'hono';
import { requirePermission, type Actor, type Permission } from '../auth/roles.js';
import { DeskError } from '../desk/errors.js';

export interface DeskEnv {
  Variables: {
    requestId: string;
    actor: Actor | undefined;
    sessionToken: string | undefined;
    /** Why the session the request came with gives no actor (it expired, …), for the 401. */
    signedOutBecause: string | undefined;
  };
}

export function actorOf(c: Context<DeskEnv>): Actor {
  const actor = c.get('actor');
  if (actor === undefined) {
    throw new DeskError(
      'unauthenticated',
      c.get('signedOutBecause') ?? 'sign in, or send an API token',
    );
  }
  return actor;
}

/** The case version from If-Match: `"7"`, `W/"7"` or `7`. */
export function ifMatchOf(c: Context): number | undefined {
  const header = c.req.header('if-match');
  if (header === undefined) return undefined;
  const version = Number(/^(?:W\/)?"?(\d+)"?$/.exec(header.trim())?.[1]);
  if (!Number.isSafeInteger(version)) {
    throw new DeskError('invalid-input', 'If-Match must be the case version as an ETag, e.g. "3"', [
      { path: 'If-Match', message: 'must be an ETag such as "3"' },
    ]);
  }
  return version;
}

export const etagOf = (version: number) => `"${String(version)}"`;

/**
 * Route guard: refuses a caller whose role lacks the permission before the body is even read.
 * The services check again, so the CLI and the API meet the same rule.
 */
export function allow(permission: Permission): MiddlewareHandler<DeskEnv> {
  return async (c, next) => {
    requirePermission(actorOf(c), permission);
    await next();
  };
}
