/**
 * The desk's errors are data: a stable code, a message a clerk can act on, and for bad input the
 * fields at fault. The faces map codes to HTTP statuses or exit codes.
 * @module
 */
import type { z } from 'zod';
import type { FieldIssue } from '../engine/errors.js';

export type DeskErrorCode =
  | 'invalid-input'
  | 'not-found'
  | 'conflict'
  | 'precondition-failed'
  | 'precondition-required'
  | 'invalid-transition'
  | 'not-lawful'
  | 'unauthenticated'
  | 'forbidden'
  | 'too-many-requests'
  | 'unavailable';

export class DeskError extends Error {
  readonly code: DeskErrorCode;
  readonly issues: readonly FieldIssue[];

  constructor(code: DeskErrorCode, message: string, issues: readonly FieldIssue[] = []) {
    super(message);
    this.name = 'DeskError';
    this.code = code;
    this.issues = issues;
  }

  static invalid(issues: readonly FieldIssue[]): DeskError {
    const summary = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
    return new DeskError('invalid-input', `invalid input: ${summary}`, issues);
  }

  static notFound(what: string, id: string): DeskError {
    return new DeskError('not-found', `no ${what} with id ${id}`);
  }
}

/** A JSON path for a Zod issue path, e.g. `history.convictions[2].judgmentDate`. */
export function pathOf(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(body)';
  return path
    .map((key, index) =>
      typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`,
    )
    .join('');
}

/** Parses input with a schema, or throws `invalid-input` naming every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw DeskError.invalid(
    result.error.issues.map((issue) => ({ path: pathOf(issue.path), message: issue.message })),
  );
}
