/**
 * A labelled form field with the API's words for it beside it: the problem details name each bad
 * field by its path in the request (`person.nysid`, `history.convictions[0].charge`), and the
 * field with that path shows the message, linked to the control for screen readers.
 * @module
 */
import type { ReactNode } from 'react';
import { ApiError } from '../api/client';

export type FieldErrors = ReadonlyMap<string, string>;

/**
 * The API's message for each field a refusal names, by its path; `prefix` keeps apart the fields
 * of two forms on one page that send the same names (`account.role`, `role`).
 */
export function fieldErrorsOf(error: unknown, prefix = ''): FieldErrors {
  const issues = error instanceof ApiError ? (error.problem.errors ?? []) : [];
  return new Map(issues.map((issue) => [`${prefix}${issue.path}`, issue.message]));
}

/** An element id for a request path: `history.convictions[0].charge` → `f-history-convictions-0-charge`. */
export const fieldId = (path: string) => `f-${path.replace(/[^\w]+/g, '-').replace(/-$/, '')}`;

export function Field({
  path,
  label,
  hint,
  errors,
  children,
}: {
  path: string;
  label: string;
  hint?: string;
  errors: FieldErrors;
  children: (props: {
    id: string;
    name: string;
    'aria-invalid': boolean;
    'aria-describedby': string | undefined;
  }) => ReactNode;
}) {
  const id = fieldId(path);
  const error = errors.get(path);
  const described = [
    hint === undefined ? '' : `${id}-hint`,
    error === undefined ? '' : `${id}-error`,
  ]
    .filter((part) => part !== '')
    .join(' ');
  return (
    <div
      className={error === undefined ? 'usa-form-group' : 'usa-form-group usa-form-group--error'}
    >
      <label className="usa-label" htmlFor={id}>
        {label}
      </label>
      {hint !== undefined && (
        <div className="usa-hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {error !== undefined && (
        <span className="usa-error-message" id={`${id}-error`}>
          {error}
        </span>
      )}
      {children({
        id,
        name: path,
        'aria-invalid': error !== undefined,
        'aria-describedby': described === '' ? undefined : described,
      })}
    </div>
  );
}
