/**
 * The calculator's fields: each a labelled control over a value the page holds (the facts never
 * go into a form the browser could send or remember), with the engine's words for it beside it.
 * A charge is read as it is typed by the same code the intake form asks the API for, run here.
 * @module
 */
import { Field, type FieldErrors } from './field';
import { ChargeInput } from './charge-hint';
import { chargeLookup } from '../../../src/what-if/calculator-law.js';
import type { Answer } from '../../../src/what-if/calculator.js';

interface FieldProps<V> {
  path: string;
  label: string;
  hint?: string;
  value: V;
  onChange: (value: V) => void;
  errors: FieldErrors;
}

const ANSWER_LABELS: Record<Answer, string> = { unknown: 'Not known', yes: 'Yes', no: 'No' };

export function ChoiceField<C extends string>({
  options,
  ...field
}: FieldProps<C> & { options: Readonly<Record<C, string>> }) {
  return (
    <Field path={field.path} label={field.label} hint={field.hint} errors={field.errors}>
      {(props) => (
        <select
          className="usa-select"
          {...props}
          value={field.value}
          onChange={(event) => {
            field.onChange(event.target.value as C);
          }}
        >
          {Object.entries<string>(options).map(([code, label]) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** Yes, no or not known: a fact left not known is never taken as no. */
export function AnswerField(field: FieldProps<Answer>) {
  return <ChoiceField {...field} options={ANSWER_LABELS} />;
}

export function DateField(field: FieldProps<string>) {
  return (
    <Field path={field.path} label={field.label} hint={field.hint} errors={field.errors}>
      {(props) => (
        <input
          className="usa-input"
          type="date"
          {...props}
          value={field.value}
          onChange={(event) => {
            field.onChange(event.target.value);
          }}
        />
      )}
    </Field>
  );
}

/** A charge, completed from the crime list, with how the engine reads it beside it. */
export function ChargeField(field: FieldProps<string>) {
  return (
    <Field path={field.path} label={field.label} hint={field.hint} errors={field.errors}>
      {(props) => (
        <ChargeInput
          {...props}
          value={field.value}
          onChange={field.onChange}
          lookUp={chargeLookup}
        />
      )}
    </Field>
  );
}
