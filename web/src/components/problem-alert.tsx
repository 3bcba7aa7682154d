import { ApiError } from '../api/client';

/** An API refusal or failure in the words of its problem details. */
export function ProblemAlert({ error, heading }: { error: unknown; heading?: string }) {
  const title =
    error instanceof ApiError ? error.problem.title : (heading ?? 'Something went wrong');
  const detail = error instanceof Error ? error.message : String(error);
  return (
    <div className="usa-alert usa-alert--error" role="alert">
      <div className="usa-alert__body">
        <h2 className="usa-alert__heading">{heading ?? title}</h2>
        <p className="usa-alert__text">{detail}</p>
      </div>
    </div>
  );
}
