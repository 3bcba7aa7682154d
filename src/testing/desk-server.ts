/**
 * The real desk server for end-to-end tests: a fresh store, one account per role, listening on a
 * free port, its log kept in memory, and a small client that signs in like a browser (session
 * cookie + CSRF header) or like an integration (bearer token). Every answer the client (or
 * `desk.fetch`) receives is checked against the server's own OpenAPI document; one that the
 * document does not describe fails the test that asked.
 * @module
 */
import { AssertionError } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROLES, type Role } from '../auth/roles.js';
import { deskConfig } from '../server/desk-config.js';
import { createLogger } from '../server/logger.js';
import { startServer } from '../server/start-server.js';
import { deskContext, type DeskContext } from '../services/desk-context.js';
import { CONSOLE_ACTOR, createUser } from '../services/user-service.js';
import {
  conformanceChecker,
  type ConformanceCheck,
  type OpenApiDocument,
} from './openapi-conformance.js';
import type { TestStoreKind } from './test-stores.js';

export const TEST_PASSWORD = 'correct horse battery staple';

export interface ApiResponse {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
}

export interface Client {
  request: (
    method: string,
    path: string,
    options?: { body?: unknown; headers?: Record<string, string>; raw?: string },
  ) => Promise<ApiResponse>;
}

export interface TestDesk {
  url: string;
  ctx: DeskContext;
  /** A signed-in client for the account of this role (usernames are the role names). */
  as(username: Role | 'reviewer2'): Promise<Client>;
  anonymous: Client;
  /** `fetch` on the server's URL, its answer checked against the OpenAPI document. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** Every line the server logged, as written. */
  logs: string[];
  /** The ICE analytics database the server reads (`/api/ice/*`); created on first use. */
  iceDatabase: string;
  close(): Promise<void>;
}

/** Fetches, and fails unless the answer is one the OpenAPI document describes. */
async function checkedFetch(
  check: ConformanceCheck,
  url: string,
  path: string,
  init: RequestInit = {},
): Promise<Response> {
  const response = await fetch(`${url}${path}`, init);
  // The bytes as sent (a PDF is not text), and as text for the check.
  const bytes = new Uint8Array(await response.arrayBuffer());
  const text = new TextDecoder().decode(bytes);
  const method = init.method ?? 'GET';
  const problems = check({
    method,
    path,
    status: response.status,
    headers: response.headers,
    text,
  });
  if (problems.length > 0) {
    throw new AssertionError({
      message: `the OpenAPI document disagrees:\n${problems.join('\n')}`,
    });
  }
  const empty = text === '' || response.status === 204 || response.status === 304;
  return new Response(empty ? null : bytes, {
    status: response.status,
    headers: response.headers,
  });
}

async function call(
  check: ConformanceCheck,
  url: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  options: { body?: unknown; headers?: Record<string, string>; raw?: string } = {},
): Promise<ApiResponse> {
  const body =
    options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const response = await checkedFetch(check, url, path, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
      ...options.headers,
    },
    body,
  });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}

export async function startTestDesk(
  kind: TestStoreKind,
  env: Record<string, string> = {},
): Promise<TestDesk> {
  const { store, dispose } = await kind.open();
  const dataDir = mkdtempSync(join(tmpdir(), 'desk-e2e-'));
  const ctx = deskContext(store);
  for (const role of ROLES) {
    await createUser(ctx, CONSOLE_ACTOR, {
      username: role,
      displayName: `Test ${role}`,
      role,
      password: TEST_PASSWORD,
    });
  }
  await createUser(ctx, CONSOLE_ACTOR, {
    username: 'reviewer2',
    displayName: 'Second reviewer',
    role: 'reviewer',
    password: TEST_PASSWORD,
  });
  const config = deskConfig(
    { dataDir, port: '0', database: 'unused' },
    { DESK_INSECURE_COOKIES: '1', DESK_LOGIN_LIMIT: '1000', ...env },
  );
  const logs: string[] = [];
  const logger = createLogger('info', { write: (line: string) => logs.push(line) });
  const server = await startServer(ctx, config, logger);
  const document = (await (
    await fetch(`${server.url}/api/openapi.json`)
  ).json()) as OpenApiDocument;
  const check = conformanceChecker(document);
  const sessions = new Map<string, Client>();
  const anonymous: Client = {
    request: (method, path, options) => call(check, server.url, method, path, {}, options),
  };
  return {
    url: server.url,
    ctx,
    anonymous,
    fetch: (path, init) => checkedFetch(check, server.url, path, init),
    logs,
    iceDatabase: config.iceDatabase,
    async as(username) {
      const cached = sessions.get(username);
      if (cached !== undefined) return cached;
      const login = await checkedFetch(check, server.url, '/api/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: TEST_PASSWORD }),
      });
      if (login.status !== 200)
        throw new Error(`sign-in as ${username} failed: ${String(login.status)}`);
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      const client: Client = {
        request: (method, path, options) =>
          call(check, server.url, method, path, { cookie, 'x-csrf-token': csrfToken }, options),
      };
      sessions.set(username, client);
      return client;
    },
    async close() {
      await server.close();
      await dispose();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
