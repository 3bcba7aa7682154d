/**
 * The desk's API, typed from its OpenAPI document (`openapi.ts`, generated). The browser sends the
 * session cookie itself; this adds the CSRF token to unsafe requests and reports a lost session,
 * so any page can send the person to sign in again and back.
 * @module
 */
import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './openapi';

/** The parts of the API's problem details the app shows. */
export type Problem = Pick<
  components['schemas']['Problem'],
  'type' | 'title' | 'status' | 'detail' | 'errors'
>;
export type CaseSummary = components['schemas']['CaseSummary'];
export type CaseStatus = CaseSummary['status'];

/** An API answer that was not a success: its problem details, as the server wrote them. */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail || problem.title);
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
let csrfToken = '';
let sessionLost: () => void = () => undefined;

/** The token POST /api/session returned; sent back in X-CSRF-Token on every unsafe request. */
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** Called when an API call answers 401: the session expired or was ended elsewhere. */
export function onSessionLost(listener: () => void): void {
  sessionLost = listener;
}

const session: Middleware = {
  onRequest({ request }) {
    if (!SAFE_METHODS.has(request.method) && csrfToken !== '') {
      request.headers.set('x-csrf-token', csrfToken);
    }
    return request;
  },
  onResponse({ request, response }) {
    // Signing in itself answers 401 for a wrong password; that is not a lost session.
    if (response.status === 401 && new URL(request.url).pathname !== '/api/session') sessionLost();
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: window.location.origin });
api.use(session);

/** The data of a successful answer, or an ApiError carrying the problem details. */
export function ok<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.response.ok) return result.data as T;
  throw new ApiError(problemOf(result.error, result.response));
}

function problemOf(body: unknown, response: Response): Problem {
  if (typeof body === 'object' && body !== null && 'title' in body) return body as Problem;
  return {
    type: 'about:blank',
    title: response.statusText || 'The server did not answer as expected',
    status: response.status,
    detail: `The server answered ${String(response.status)}.`,
  };
}
