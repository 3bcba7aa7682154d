/**
 * One form sent to the API: its fields under a legend, the API's refusal above them, what was
 * done once it was, and the button that sends it (disabled while it is being sent).
 * @module
 */
import type { ReactNode } from 'react';
import { ProblemAlert } from './problem-alert';

export function FormPanel<Answer>({
  legend,
  large = false,
  sending,
  refused,
  done,
  submit,
  onSubmit,
  children,
}: {
  legend: string;
  large?: boolean;
  /** The mutation that sends it: its error, whether it is under way, and the API's answer. */
  sending: { error: unknown; isPending: boolean; data: Answer | undefined };
  /** The heading above the API's refusal. */
  refused: string;
  /** What was done, from the API's answer, shown once there is one. */
  done: (answer: Answer) => ReactNode;
  submit: string;
  onSubmit: (form: FormData) => void;
  children: ReactNode;
}) {
  return (
    <form
      className="usa-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(new FormData(event.currentTarget));
      }}
    >
      <fieldset className="usa-fieldset">
        <legend className={large ? 'usa-legend usa-legend--large' : 'usa-legend'}>{legend}</legend>
        {sending.error !== null && <ProblemAlert error={sending.error} heading={refused} />}
        {sending.data !== undefined && done(sending.data)}
        {children}
        <button className="usa-button" type="submit" disabled={sending.isPending}>
          {submit}
        </button>
      </fieldset>
    </form>
  );
}

/** A field's text in a form sent, as typed (a password's spaces count); empty when absent. */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}
