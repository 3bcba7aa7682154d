/**
 * The desk's HTTP API: JSON over Hono, every route declared with its Zod schemas so the same
 * definitions validate requests and publish the OpenAPI 3.1 document (`/api/openapi.json`, with a
 * reading page at `/api/docs`). Errors are RFC 9457 problem details; every request has an id and
 * a log line.
 * @module
 */
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { methodNotAllowed } from 'hono/method-not-allowed';
import { secureHeaders } from 'hono/secure-headers';
import { pino, type Logger } from 'pino';
import { z } from 'zod';
import type { DeskContext } from '../services/desk-context.js';
import { registerApiDocs } from './api-docs.js';
import { registerWebApp } from './web-app.js';
import { authentication } from './authentication.js';
import { bodyLimit } from './body-limit.js';
import type { DeskEnv } from './desk-env.js';
import { apiDocument } from './api-document.js';
import { knownQueryParameters } from './known-query.js';
import { problem, problemFor, problemResponses } from './problem.js';
import { requestLog } from './request-log.js';
import { wellFormedJson } from './well-formed-json.js';
import { registerAuditRoutes, type AuditOptions } from './routes/audit-routes.js';
import { registerCaseRoutes } from './routes/case-routes.js';
import { registerIntakeCheckRoutes } from './routes/intake-check-routes.js';
import { registerWhatWouldChangeRoutes } from './routes/what-would-change-routes.js';
import { registerSearchRoutes } from './routes/search-routes.js';
import { registerStepRoutes } from './routes/step-routes.js';
import { registerLawRoutes } from './routes/law-routes.js';
import { registerReportRoutes } from './routes/report-routes.js';
import { registerReplayRoutes } from './routes/replay-routes.js';
import { registerEnforcementRequestRoutes } from './routes/enforcement-request-routes.js';
import {
  registerSessionRoutes,
  signInPolicy,
  type SessionOptions,
} from './routes/session-routes.js';
import { registerUserRoutes } from './routes/user-routes.js';
import { registerIceRoutes } from './routes/ice-routes.js';
import type { IceDatabaseSource } from '../ice/ice-database.js';
import { pathOf } from '../desk/errors.js';

export interface AppOptions extends SessionOptions, AuditOptions {
  /** The ICE release analytics behind the public /api/ice routes. */
  ice: IceDatabaseSource;
  /** Where each request's line and each unexpected error go; nowhere without one. */
  logger?: Logger;
}

const SILENT = pino({ level: 'silent' });

export { OPENAPI_INFO } from './api-document.js';

/**
 * An app that gives every request an id and a log line, and answers invalid requests, unknown
 * paths and thrown errors as problem details: the desk's, and the one a route module's tests mount
 * its routes on.
 */
export function problemApp(logger: Logger = SILENT): OpenAPIHono<DeskEnv> {
  const app = new OpenAPIHono<DeskEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        return problem(
          c,
          'invalid-input',
          'the request has invalid fields',
          result.error.issues.flatMap((issue) =>
            // One error per unknown field, named, rather than one for the object holding them.
            issue.code === 'unrecognized_keys'
              ? issue.keys.map((key) => ({
                  path: pathOf([...issue.path, key]),
                  message: 'not a field of this request',
                }))
              : [{ path: pathOf(issue.path), message: issue.message }],
          ),
        );
      }
      return undefined;
    },
  });
  app.use('*', requestLog(logger));
  app.onError((error, c) => problemFor(c, error, logger));
  app.notFound((c) => problem(c, 'not-found', `no route ${c.req.method} ${c.req.path}`));
  return app;
}

/**
 * The API answers only JSON and text: nothing in it may run script, be framed, or use the
 * browser's devices. The reading page at /api/docs sets its own, wider policy.
 */
const SECURITY_HEADERS = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'none'"],
    frameAncestors: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'none'"],
  },
  xFrameOptions: 'DENY',
  permissionsPolicy: {
    camera: [],
    microphone: [],
    geolocation: [],
    payment: [],
    usb: [],
    serial: [],
    hid: [],
    displayCapture: [],
    browsingTopics: [],
  },
  overwrite: false,
});

/** Answers hold case files and sessions: no browser or proxy may keep a copy. */
const noStore: MiddlewareHandler = async (c, next) => {
  await next();
  if (!c.res.headers.has('cache-control')) c.res.headers.set('Cache-Control', 'no-store');
};

export function createApp(ctx: DeskContext, options: AppOptions): OpenAPIHono<DeskEnv> {
  const app = problemApp(options.logger);
  app.use('*', SECURITY_HEADERS);
  app.use('*', noStore);
  app.use(
    '*',
    methodNotAllowed({
      app,
      onMethodNotAllowed: (c, methods) =>
        problem(c, 'method-not-allowed', `${c.req.path} takes ${methods.join(', ')}`, [], {
          Allow: methods.join(', '),
        }),
    }),
  );
  app.use(
    '/api/*',
    bodyLimit(1024 * 1024, (c) => problem(c, 'invalid-input', 'the body is larger than 1 MiB')),
  );
  app.use('/api/*', wellFormedJson());
  app.use('/api/*', authentication(ctx, signInPolicy(options)));

  app.use('/api/*', knownQueryParameters(app));

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/health',
      tags: ['Server'],
      summary: 'Whether the server is up, and its kind of store (public)',
      security: [],
      responses: {
        200: {
          description: 'Up.',
          content: {
            'application/json': {
              schema: z.object({ ok: z.literal(true), store: z.enum(['sqlite', 'postgres']) }),
            },
          },
        },
        ...problemResponses,
      },
    }),
    (c) => c.json({ ok: true as const, store: ctx.store.dialect }, 200),
  );
  registerSessionRoutes(app, ctx, options);
  registerCaseRoutes(app, ctx);
  registerIntakeCheckRoutes(app, ctx);
  registerWhatWouldChangeRoutes(app, ctx);
  registerSearchRoutes(app, ctx);
  registerStepRoutes(app, ctx);
  registerLawRoutes(app);
  registerReportRoutes(app, ctx);
  registerReplayRoutes(app, ctx, options.ice);
  registerEnforcementRequestRoutes(app, ctx);
  registerUserRoutes(app, ctx);
  registerAuditRoutes(app, ctx, options);
  registerIceRoutes(app, options.ice);

  let document: ReturnType<typeof apiDocument> | undefined;
  app.get('/api/openapi.json', (c) => c.json((document ??= apiDocument(app))));
  registerApiDocs(app);
  // Last: the web app answers only the GET paths no API route took, never under /api.
  registerWebApp(app);
  return app;
}
