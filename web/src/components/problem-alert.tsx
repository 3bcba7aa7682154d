import { ApiError } from '../api/client';

/** An API refusal or failure in the words of its problem details, with each field at fault. */
export function ProblemAlert({ error, heading }: { error: unknown; heading?: string }) {
  const problem = error instanceof ApiError ? error.problem : undefined;
  const detail = error instanceof Error ? error.message : String(error);
  return (
    <div className="usa-alert usa-alert--error" role="alert">
      <div className="usa-alert__body">
        <h2 className="usa-alert__heading">
          {heading ?? problem?.title ?? 'Something went wrong'}
        </h2>
        <p className="usa-alert__text">{detail}</p>
        {problem?.errors !== undefined && problem.errors.length > 0 && (
          <ul>
            {problem.errors.map((issue) => (
              <li key={`${issue.path} ${issue.message}`}>
                {issue.path === '' ? '' : <code>{issue.path}</code>}
                {issue.path === '' ? '' : ': '}
                {issue.message}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
