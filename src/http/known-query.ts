/**
 * A query parameter the route does not declare is a 400 naming it, on every route alike: a typo
 * such as `?stauts=closed` must not quietly list every case. The declared names are read from the
 * routes' own OpenAPI declarations, so the check and the document cannot disagree.
 * @module
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { DeskEnv } from './desk-env.js';
import { problem } from './problem.js';
import { routeOf } from './request-log.js';

export function knownQueryParameters(app: OpenAPIHono<DeskEnv>): MiddlewareHandler<DeskEnv> {
  // Built on first use: every route is registered by then.
  let declared: Map<string, ReadonlySet<string>> | undefined;
  const declaredOf = () => {
    declared ??= new Map(
      app.openAPIRegistry.definitions.flatMap((definition) => {
        if (definition.type !== 'route') return [];
        const { method, path, request } = definition.route;
        const shape = (request?.query as { shape?: Record<string, unknown> } | undefined)?.shape;
        // Hono spells a path parameter `:id` where OpenAPI spells it `{id}`.
        const route = `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`;
        return [[route, new Set(Object.keys(shape ?? {}))] as const];
      }),
    );
    return declared;
  };
  return async (c, next) => {
    const names = declaredOf().get(
      `${c.req.method === 'HEAD' ? 'GET' : c.req.method} ${routeOf(c) ?? ''}`,
    );
    const unknown = Object.keys(c.req.queries()).filter((name) => names?.has(name) === false);
    if (unknown.length === 0) return next();
    const known = names === undefined || names.size === 0 ? 'none' : [...names].join(', ');
    return problem(
      c,
      'invalid-input',
      `unknown query parameter ${unknown.join(', ')} (this route takes: ${known})`,
      unknown.map((name) => ({ path: name, message: 'not a query parameter of this route' })),
    );
  };
}
