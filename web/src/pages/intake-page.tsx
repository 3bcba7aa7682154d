/**
 * Recording a detainer request: the form's type and boxes, the person, custody and the criminal
 * history, in the order of the DHS forms. The API validates: as the clerk leaves a field the form
 * is checked (POST /api/cases/check, which records nothing) and each field shows the API's words
 * for it, as after a refused submit. A recorded request is decided at once and its case page opens.
 * A role whose session lacks `case.intake` is told so instead of being given the form.
 * @module
 */
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FocusEvent, type SubmitEvent } from 'react';
import { useNavigate } from 'react-router';
import { api, ApiError, ok } from '../api/client';
import type { components } from '../api/openapi';
import { ChargeHint } from '../components/charge-hint';
import { Field, fieldId, type FieldErrors } from '../components/field';
import { ProblemAlert } from '../components/problem-alert';
import {
  AGENCY_LABELS,
  FORM_LABELS,
  ISSUER_LABELS,
  PROBABLE_CAUSE_LABELS,
  ROLE_LABELS,
  SOURCE_LABELS,
} from '../labels';
import { useUser } from '../session';

type Intake = components['schemas']['Intake'];
type Request = Intake['request'];
type ProbableCause = NonNullable<Request['probableCause']>[number];
type Tri = 'yes' | 'no' | 'unknown';
type Issuer = NonNullable<NonNullable<Request['judicialWarrant']>['issuer']>;

type Source = NonNullable<NonNullable<Intake['history']>['convictions']>[number]['source'];

interface Conviction {
  charge: string;
  judgmentDate: string;
  source: Source;
}

const triOf = (value: Tri) => (value === 'unknown' ? 'unknown' : value === 'yes');
/** A `datetime-local` value in the browser's zone, as the instant the API takes. */
const instantOf = (local: string) => (local === '' ? undefined : new Date(local).toISOString());
const optional = (text: string) => (text.trim() === '' ? undefined : text.trim());

/** The intake the form says, as POST /api/cases takes it. */
function intakeOf(element: HTMLFormElement, convictions: Conviction[]): Intake {
  const form = new FormData(element);
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : '';
  };
  const presented = text('request.judicialWarrant.presented') as Tri;
  return {
    jurisdiction: text('jurisdiction') as Intake['jurisdiction'],
    person: {
      name: text('person.name'),
      dateOfBirth: optional(text('person.dateOfBirth')),
      nysid: optional(text('person.nysid')),
      aNumber: optional(text('person.aNumber')),
    },
    custody: {
      bookingNumber: text('custody.bookingNumber'),
      facility: optional(text('custody.facility')),
      expectedReleaseAt: instantOf(text('custody.expectedReleaseAt')),
      charges: [],
    },
    history: {
      searchCompleted: triOf(text('history.searchCompleted') as Tri),
      convictions: convictions.map((conviction) => ({
        charge: conviction.charge,
        court: 'new-york',
        disposition: 'conviction',
        judgmentDate: optional(conviction.judgmentDate),
        source: conviction.source,
        incarceration: [],
      })),
      pendingCases: [],
    },
    request: {
      form: text('request.form') as Request['form'],
      receivedAt: instantOf(text('request.receivedAt')) ?? '',
      probableCause: form.getAll('request.probableCause') as ProbableCause[],
      judicialWarrant: {
        presented: triOf(presented),
        issuer: text('request.judicialWarrant.issuer') as Issuer,
      },
    },
  };
}

type Issue = NonNullable<ApiError['problem']['errors']>[number];
const errorsOf = (issues: readonly Issue[] = []): FieldErrors =>
  new Map(issues.map((issue) => [issue.path, issue.message]));

/** How long after the clerk leaves a field the form is checked, so tabbing through sends one. */
const CHECK_DELAY_MS = 300;

export function IntakePage() {
  const user = useUser();
  // The session's permissions say whether the role may record one; the API checks all the same.
  if (!user.permissions.includes('case.intake')) {
    return (
      <>
        <h1>Record a detainer request</h1>
        <div className="usa-alert usa-alert--info" role="status">
          <div className="usa-alert__body">
            <p className="usa-alert__text">
              The {ROLE_LABELS[user.role]} role may not record a detainer request.
            </p>
          </div>
        </div>
      </>
    );
  }
  return <IntakeForm />;
}

function IntakeForm() {
  const navigate = useNavigate();
  const [convictions, setConvictions] = useState<Conviction[]>([]);
  const latestConvictions = useRef(convictions);
  latestConvictions.current = convictions;
  const formElement = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<FieldErrors>(new Map());
  // Fields the clerk has left; before a submit only their errors show, not those of empty fields ahead.
  const visited = useRef(new Set<string>());
  const submitted = useRef(false);
  const pending = useRef<{ timer?: ReturnType<typeof setTimeout>; sequence: number }>({
    sequence: 0,
  });
  useEffect(
    () => () => {
      clearTimeout(pending.current.timer);
    },
    [],
  );

  const record = useMutation({
    mutationFn: async (intake: Intake) =>
      ok(await api.POST('/api/cases', { params: { query: { decide: 'true' } }, body: intake })),
    onSuccess: (created) => {
      void navigate(`/cases/${created.id}`);
    },
    onError: (error) => {
      submitted.current = true;
      setErrors(errorsOf(error instanceof ApiError ? error.problem.errors : undefined));
    },
  });

  /**
   * Asks the API (POST /api/cases/check, which records nothing) what it would say of the form as it
   * stands when the check is sent, so a conviction removed meanwhile is not checked.
   */
  const check = (element: HTMLFormElement) => {
    clearTimeout(pending.current.timer);
    const sequence = ++pending.current.sequence;
    pending.current.timer = setTimeout(() => {
      const intake = intakeOf(element, latestConvictions.current);
      void api.POST('/api/cases/check', { body: intake }).then((result) => {
        // A later check, or a submit, was sent since; and only a verdict on the form counts.
        if (sequence !== pending.current.sequence) return;
        if (result.response.status !== 204 && result.response.status !== 400) return;
        const found = errorsOf(result.response.status === 400 ? result.error?.errors : []);
        setErrors(
          new Map([...found].filter(([path]) => submitted.current || visited.current.has(path))),
        );
      });
    }, CHECK_DELAY_MS);
  };

  const leave = (event: FocusEvent<HTMLFormElement>) => {
    const { name } = event.target as { name?: unknown };
    if (typeof name === 'string' && name !== '') visited.current.add(name);
    check(event.currentTarget);
  };

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    // A check still waiting would answer for an older form.
    clearTimeout(pending.current.timer);
    pending.current.sequence++;
    record.mutate(intakeOf(event.currentTarget, convictions));
  };

  // A refused submit's field errors are summed up from the latest verdict, so fixing the fields
  // (the checks then pass) takes the summary away; any other refusal stays until the next submit.
  const fieldRefusal =
    record.error instanceof ApiError && (record.error.problem.errors ?? []).length > 0;

  return (
    <>
      <h1>Record a detainer request</h1>
      {record.error !== null && !fieldRefusal && (
        <ProblemAlert error={record.error} heading="The request was not recorded" />
      )}
      {fieldRefusal && errors.size > 0 && <ErrorSummary errors={errors} />}
      <form
        ref={formElement}
        className="usa-form usa-form--large"
        onSubmit={submit}
        onBlur={leave}
        noValidate
      >
        <fieldset className="usa-fieldset">
          <legend className="usa-legend usa-legend--large">The request</legend>
          <Field path="jurisdiction" label="Agency" errors={errors}>
            {(props) => (
              <select className="usa-select" {...props} defaultValue="nyc-doc">
                {Object.entries(AGENCY_LABELS).map(([code, label]) => (
                  <option key={code} value={code}>
                    {label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field path="request.form" label="DHS form" errors={errors}>
            {(props) => (
              <select className="usa-select" {...props} defaultValue="I-247A">
                {Object.entries(FORM_LABELS).map(([code, label]) => (
                  <option key={code} value={code}>
                    {label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field path="request.receivedAt" label="Received at" errors={errors}>
            {(props) => <input className="usa-input" type="datetime-local" {...props} />}
          </Field>
          <fieldset className="usa-fieldset">
            <legend className="usa-legend">Probable cause: the boxes ticked on the form</legend>
            {Object.entries(PROBABLE_CAUSE_LABELS).map(([code, label]) => (
              <div className="usa-checkbox" key={code}>
                <input
                  className="usa-checkbox__input"
                  type="checkbox"
                  id={`pc-${code}`}
                  name="request.probableCause"
                  value={code}
                />
                <label className="usa-checkbox__label" htmlFor={`pc-${code}`}>
                  {label}
                </label>
              </div>
            ))}
          </fieldset>
          <Field
            path="request.judicialWarrant.presented"
            label="A judicial warrant was presented"
            errors={errors}
          >
            {(props) => <TriSelect {...props} />}
          </Field>
          <Field
            path="request.judicialWarrant.issuer"
            label="Who signed the judicial warrant"
            errors={errors}
          >
            {(props) => (
              <select className="usa-select" {...props} defaultValue="unknown">
                {Object.entries(ISSUER_LABELS).map(([code, label]) => (
                  <option key={code} value={code}>
                    {label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </fieldset>

        <fieldset className="usa-fieldset">
          <legend className="usa-legend usa-legend--large">The person</legend>
          <Field path="person.name" label="Full name" errors={errors}>
            {(props) => <input className="usa-input" autoComplete="off" {...props} />}
          </Field>
          <Field path="person.dateOfBirth" label="Date of birth" errors={errors}>
            {(props) => <input className="usa-input" type="date" {...props} />}
          </Field>
          <Field
            path="person.nysid"
            label="NYSID"
            hint="7 or 8 digits and a letter"
            errors={errors}
          >
            {(props) => <input className="usa-input" autoComplete="off" {...props} />}
          </Field>
          <Field path="person.aNumber" label="A-number" errors={errors}>
            {(props) => <input className="usa-input" autoComplete="off" {...props} />}
          </Field>
        </fieldset>

        <fieldset className="usa-fieldset">
          <legend className="usa-legend usa-legend--large">Custody</legend>
          <Field path="custody.bookingNumber" label="Booking number" errors={errors}>
            {(props) => <input className="usa-input" autoComplete="off" {...props} />}
          </Field>
          <Field path="custody.facility" label="Facility" errors={errors}>
            {(props) => <input className="usa-input" {...props} />}
          </Field>
          <Field path="custody.expectedReleaseAt" label="Expected release" errors={errors}>
            {(props) => <input className="usa-input" type="datetime-local" {...props} />}
          </Field>
        </fieldset>

        <fieldset className="usa-fieldset">
          <legend className="usa-legend usa-legend--large">Criminal history</legend>
          <Field
            path="history.searchCompleted"
            label="The criminal history search was completed"
            errors={errors}
          >
            {(props) => <TriSelect {...props} />}
          </Field>
          {convictions.map((conviction, index) => {
            const path = `history.convictions[${String(index)}]`;
            const update = (change: Partial<Conviction>) => {
              setConvictions(
                convictions.map((entry, at) => (at === index ? { ...entry, ...change } : entry)),
              );
            };
            return (
              <fieldset className="usa-fieldset desk-conviction" key={index}>
                <legend className="usa-legend">Conviction {index + 1}</legend>
                <Field
                  path={`${path}.charge`}
                  label="Charge of conviction"
                  hint="e.g. PL 120.05(2)"
                  errors={errors}
                >
                  {(props) => (
                    <>
                      <input
                        className="usa-input"
                        autoComplete="off"
                        list={`${props.id}-codes`}
                        {...props}
                        aria-describedby={[props['aria-describedby'], `${props.id}-lookup`]
                          .filter(Boolean)
                          .join(' ')}
                        value={conviction.charge}
                        onChange={(event) => {
                          update({ charge: event.target.value });
                        }}
                      />
                      <ChargeHint id={props.id} charge={conviction.charge} />
                    </>
                  )}
                </Field>
                <Field path={`${path}.judgmentDate`} label="Date of judgment" errors={errors}>
                  {(props) => (
                    <input
                      className="usa-input"
                      type="date"
                      {...props}
                      value={conviction.judgmentDate}
                      onChange={(event) => {
                        update({ judgmentDate: event.target.value });
                      }}
                    />
                  )}
                </Field>
                <Field path={`${path}.source`} label="Where this record came from" errors={errors}>
                  {(props) => (
                    <select
                      className="usa-select"
                      {...props}
                      value={conviction.source}
                      onChange={(event) => {
                        update({ source: event.target.value as Source });
                      }}
                    >
                      {Object.entries(SOURCE_LABELS).map(([code, label]) => (
                        <option key={code} value={code}>
                          {label}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <button
                  type="button"
                  className="usa-button usa-button--unstyled"
                  onClick={() => {
                    setConvictions(convictions.filter((_entry, at) => at !== index));
                    // Its errors go with it; the others may have moved.
                    if (formElement.current !== null) check(formElement.current);
                  }}
                >
                  Remove conviction {index + 1}
                </button>
              </fieldset>
            );
          })}
          <button
            type="button"
            className="usa-button usa-button--outline"
            onClick={() => {
              setConvictions([...convictions, { charge: '', judgmentDate: '', source: 'unknown' }]);
            }}
          >
            Add a conviction
          </button>
        </fieldset>

        <button className="usa-button" type="submit" disabled={record.isPending}>
          Record and decide
        </button>
      </form>
    </>
  );
}

/** What a refused submit found still wrong, each linked to its field. */
function ErrorSummary({ errors }: { errors: FieldErrors }) {
  return (
    <div className="usa-alert usa-alert--error" role="alert">
      <div className="usa-alert__body">
        <h2 className="usa-alert__heading">The request was not recorded</h2>
        <p className="usa-alert__text">Correct these fields, then record it again:</p>
        <ul>
          {[...errors].map(([path, message]) => (
            <li key={path}>
              <a href={`#${fieldId(path)}`}>
                <code>{path}</code>
              </a>
              : {message}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

function TriSelect(props: {
  id: string;
  name: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}) {
  return (
    <select className="usa-select" {...props} defaultValue="unknown">
      <option value="unknown">Not known</option>
      <option value="yes">Yes</option>
      <option value="no">No</option>
    </select>
  );
}
