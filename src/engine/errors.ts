/**
 * Errors are data: a stable code, the path of the offending field, and a message a clerk can act on.
 * @module
 */

export interface FieldIssue {
  /** JSON path of the field, e.g. `record.convictions[2].judgmentDate`. */
  path: string;
  message: string;
}

/** The case cannot be decided as given: malformed, impossible or outside the encoded law. */
export class CaseError extends Error {
  readonly code: 'invalid-case' | 'unknown-jurisdiction' | 'date-outside-law';
  readonly issues: readonly FieldIssue[];

  constructor(code: CaseError['code'], issues: readonly FieldIssue[]) {
    super(issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '));
    this.name = 'CaseError';
    this.code = code;
    this.issues = issues;
  }

  static at(code: CaseError['code'], path: string, message: string): CaseError {
    return new CaseError(code, [{ path, message }]);
  }
}
