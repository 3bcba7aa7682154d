/**
 * Errors as RFC 9457 problem details: a type, a title, the HTTP status, a detail a person can act
 * on, and for bad input the fields at fault.
 * @module
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { CaseError, type FieldIssue } from '../engine/errors.js';
import { DeskError, type DeskErrorCode } from '../desk/errors.js';

const STATUS: Record<DeskErrorCode, ContentfulStatusCode> = {
  'invalid-input': 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'invalid-transition': 409,
  'precondition-failed': 412,
  'not-lawful': 422,
  'precondition-required': 428,
  'too-many-requests': 429,
  unavailable: 503,
};

const TITLE: Record<DeskErrorCode, string> = {
  'invalid-input': 'The request has invalid fields',
  unauthenticated: 'Sign in first',
  forbidden: 'Your role may not do this',
  'not-found': 'Not found',
  conflict: 'Conflict',
  'invalid-transition': 'This step cannot follow the case’s current status',
  'precondition-failed': 'The case changed since you read it',
  'not-lawful': 'The law does not allow this step',
  'precondition-required': 'If-Match is required',
  'too-many-requests': 'Too many attempts',
  unavailable: 'Not available just now; try again shortly',
};

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .describe('An RFC 9457 problem detail.')
  .meta({ id: 'Problem' });

export function problem(
  c: Context,
  code: DeskErrorCode,
  detail: string,
  errors: readonly FieldIssue[] = [],
): Response {
  const status = STATUS[code];
  return c.body(
    JSON.stringify({
      type: `https://detainer-desk.org/problems/${code}`,
      title: TITLE[code],
      status,
      detail,
      ...(errors.length > 0 ? { errors } : {}),
    }),
    status,
    { 'content-type': 'application/problem+json' },
  );
}

export function problemFor(c: Context, error: unknown): Response {
  if (error instanceof DeskError) return problem(c, error.code, error.message, error.issues);
  if (error instanceof CaseError) return problem(c, 'invalid-input', error.message, error.issues);
  if (error instanceof HTTPException && error.status === 400) {
    return problem(c, 'invalid-input', error.message, [{ path: '(body)', message: error.message }]);
  }
  if (error instanceof HTTPException) return error.getResponse();
  throw error;
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
  }).map(([status, description]) => [
    status,
    { description, content: { 'application/problem+json': { schema: problemSchema } } },
  ]),
);
