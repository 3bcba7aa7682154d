/**
 * Errors as RFC 9457 problem details: a type, a title, the HTTP status, a detail a person can act
 * on, for bad input the fields at fault, and the request's id (also its `instance`) to find the
 * request in the server's log. An unexpected error is a 500 problem too, logged with that id.
 * @module
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from 'pino';
import { z } from 'zod';
import { CaseError, type FieldIssue } from '../engine/errors.js';
import { DeskError, type DeskErrorCode } from '../desk/errors.js';
import type { DeskEnv } from './desk-env.js';

/** The desk's error codes, and the two only HTTP has. */
export type ProblemCode = DeskErrorCode | 'method-not-allowed' | 'internal-error';

const STATUS: Record<ProblemCode, ContentfulStatusCode> = {
  'invalid-input': 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  'method-not-allowed': 405,
  conflict: 409,
  'invalid-transition': 409,
  'precondition-failed': 412,
  'not-lawful': 422,
  'precondition-required': 428,
  'too-many-requests': 429,
  'internal-error': 500,
  unavailable: 503,
};

const TITLE: Record<ProblemCode, string> = {
  'invalid-input': 'The request has invalid fields',
  unauthenticated: 'Sign in first',
  forbidden: 'Your role may not do this',
  'not-found': 'Not found',
  'method-not-allowed': 'This path does not take that method',
  conflict: 'Conflict',
  'invalid-transition': 'This step cannot follow the case’s current status',
  'precondition-failed': 'The case changed since you read it',
  'not-lawful': 'The law does not allow this step',
  'precondition-required': 'If-Match is required',
  'too-many-requests': 'Too many attempts',
  'internal-error': 'Something went wrong on the server',
  unavailable: 'Not available just now; try again shortly',
};

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().describe('This occurrence: urn:uuid: and the request id.'),
    requestId: z.string().describe('The request id, also sent as X-Request-Id.'),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .describe('An RFC 9457 problem detail.')
  .meta({ id: 'Problem' });

export function problem(
  c: Context,
  code: ProblemCode,
  detail: string,
  errors: readonly FieldIssue[] = [],
  headers: Record<string, string> = {},
): Response {
  const status = STATUS[code];
  const requestId = c.get('requestId') as string;
  return c.body(
    JSON.stringify({
      type: `https://detainer-desk.org/problems/${code}`,
      title: TITLE[code],
      status,
      detail,
      instance: `urn:uuid:${requestId}`,
      requestId,
      ...(errors.length > 0 ? { errors } : {}),
    }),
    status,
    { ...headers, 'content-type': 'application/problem+json' },
  );
}

/** The problem for an error thrown while answering; an unexpected one is logged and is a 500. */
export function problemFor(c: Context, error: unknown, logger: Logger): Response {
  if (error instanceof DeskError) {
    // A 401 says why this caller is signed out (session expired, token revoked, …) if known.
    const signedOutBecause = (c as Context<DeskEnv>).get('signedOutBecause');
    const detail =
      error.code === 'unauthenticated' && signedOutBecause !== undefined
        ? signedOutBecause
        : error.message;
    return problem(c, error.code, detail, error.issues);
  }
  if (error instanceof CaseError) return problem(c, 'invalid-input', error.message, error.issues);
  if (error instanceof HTTPException && error.status === 400) {
    return problem(c, 'invalid-input', error.message, [{ path: '(body)', message: error.message }]);
  }
  if (error instanceof HTTPException) return error.getResponse();
  logger.error(
    { requestId: c.get('requestId') as string, error: describeError(error) },
    'unexpected error',
  );
  return problem(
    c,
    'internal-error',
    'the server could not answer this request; it has been logged under the request id',
  );
}

/**
 * The error's class, code and stack, with quoted text blanked: the database and JSON.parse quote
 * the values they choke on, and a value may be someone's name.
 */
function describeError(error: unknown): { type: string; code?: string; stack: string } {
  const blank = (text: string) => text.replace(/"[^"\n]*"/g, '"…"');
  if (!(error instanceof Error)) return { type: typeof error, stack: '' };
  const code = (error as { code?: unknown }).code;
  return {
    type: error.name,
    ...(typeof code === 'string' ? { code } : {}),
    stack: blank(error.stack ?? error.message),
  };
}

/** Problem responses for the OpenAPI document. */
export const problemResponses = Object.fromEntries(
  Object.entries({
    400: 'Invalid input: the fields at fault and why.',
    401: 'Not signed in.',
    403: 'The role may not do this.',
    404: 'Not found.',
    409: 'The step cannot follow the case’s status, or the record already exists.',
    412: 'The case changed since the If-Match version.',
    422: 'The law does not allow this step.',
    428: 'If-Match is missing.',
    500: 'An unexpected error; the server logged it under the request id.',
  }).map(([status, description]) => [
    status,
    { description, content: { 'application/problem+json': { schema: problemSchema } } },
  ]),
);
