/**
 * The API's OpenAPI 3.1 document, as served at /api/openapi.json and committed as
 * schemas/openapi.json: what the routes declare, plus how to sign in. Every operation needs a
 * session or an API token unless its route declares `security: []` (public); a session's unsafe
 * requests also need the CSRF header.
 * @module
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { DeskEnv } from './desk-env.js';
import { SESSION_COOKIE } from './authentication.js';

export const OPENAPI_INFO = {
  openapi: '3.1.0',
  info: {
    title: 'Detainer Desk API',
    version: '0.1.0',
    description:
      'The agency desk for immigration detainer requests: intake, decision under the law in force, ' +
      'review, hold clock, release, ICE information requests, users and the tamper-evident audit log; ' +
      'and public analytics over ICE’s own FOIA detainer releases (/api/ice/…, no sign-in). ' +
      'Sign in with POST /api/session (cookie + X-CSRF-Token) or send an API token as a Bearer token. ' +
      'Every answer carries an X-Request-Id header; every error is an RFC 9457 problem with that id. ' +
      'A query parameter an operation does not list is a 400 naming it; a method a path does not ' +
      'take is a 405 with an Allow header.',
  },
} as const;

const SECURITY_SCHEMES = {
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: 'The HttpOnly session cookie POST /api/session sets.',
  },
  csrf: {
    type: 'apiKey',
    in: 'header',
    name: 'X-CSRF-Token',
    description: 'The csrfToken POST /api/session returns; every unsafe request of a session.',
  },
  bearer: {
    type: 'http',
    scheme: 'bearer',
    description: 'An API token (ddt_…) issued to a service account.',
  },
} as const;

const SAFE_METHODS = new Set(['get', 'head', 'options']);

interface Operation {
  security?: unknown[];
}

/** The document of `app`'s routes, with its security schemes and each operation's security. */
export function apiDocument(app: OpenAPIHono<DeskEnv>) {
  const document = app.getOpenAPI31Document(OPENAPI_INFO);
  document.components = { ...document.components, securitySchemes: SECURITY_SCHEMES };
  for (const operations of Object.values(document.paths ?? {})) {
    for (const [method, operation] of Object.entries(operations as Record<string, Operation>)) {
      operation.security ??= SAFE_METHODS.has(method)
        ? [{ session: [] }, { bearer: [] }]
        : [{ session: [], csrf: [] }, { bearer: [] }];
    }
  }
  return document;
}
