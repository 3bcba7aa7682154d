/**
 * Recording a detainer request: the form's type and boxes (probable cause, the I-247D/N's
 * enforcement priorities), the officer who signed it, the I-200/I-205 attached, the judicial
 * warrant, the person, custody and the criminal history (convictions and pending cases, each
 * charge with the API's reading of it), in the order of the DHS forms. The lists of entries are
 * declared with entry-fields.tsx, as the case page's corrections are. The API validates: as the
 * clerk leaves a field the form is checked (POST /api/cases/check, which records nothing) and each
 * field shows the API's words for it, as after a refused submit. A recorded request is decided at
 * once and its case page opens. A role whose session lacks `case.intake` is told so instead of
 * being given the form.
 * @module
 */
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FocusEvent, type SubmitEvent } from 'react';
import { useNavigate } from 'react-router';
import { api, ApiError, ok } from '../api/client';
import type { components } from '../api/openapi';
import { ChargeInput } from '../components/charge-hint';
import {
  DATE,
  EntryList,
  fieldPathOf,
  formValues,
  select,
  TEXT,
  textOf,
  tri,
  triOf,
  valueField,
  wholeList,
  yesNo,
  type Codec,
  type EntryField,
  type ListSpec,
  type PathPair,
} from '../components/entry-fields';
import { Field, fieldId, type FieldErrors } from '../components/field';
import { ProblemAlert } from '../components/problem-alert';
import {
  ADMINISTRATIVE_WARRANT_LABELS,
  AGENCY_LABELS,
  COURT_LABELS,
  FORM_LABELS,
  ISSUER_LABELS,
  OFFENSE_LEVEL_LABELS,
  PENDING_DISPOSITION_LABELS,
  PRIORITY_LABELS,
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

type History = NonNullable<Intake['history']>;
type Source = NonNullable<History['convictions']>[number]['source'];
type PendingCase = NonNullable<History['pendingCases']>[number];
type PendingCharge = PendingCase['charges'][number];
type Priority = NonNullable<Request['priorities']>[number];
type AdministrativeWarrant = NonNullable<Request['administrativeWarrants']>[number];

interface Conviction {
  charge: string;
  judgmentDate: string;
  source: Source;
}

const triValue = (value: Tri) => (value === 'unknown' ? 'unknown' : value === 'yes');
/** A `datetime-local` value in the browser's zone, as the instant the API takes. */
const instantOf = (local: string) => (local === '' ? undefined : new Date(local).toISOString());
const optional = (text: string) => (text.trim() === '' ? undefined : text.trim());

/** The forms whose section 1.A has the enforcement-priority boxes. */
const PRIORITY_FORMS: readonly string[] = ['I-247D', 'I-247N'];

/** A charge typed with the API's reading of it beside it, starting from the entry's. */
function TypedChargeInput({
  defaultValue,
  ...props
}: {
  defaultValue: string;
  id: string;
  name: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}) {
  const [charge, setCharge] = useState(defaultValue);
  return <ChargeInput {...props} value={charge} onChange={setCharge} />;
}

/** An entry's charge, with the charge autocomplete the convictions use. */
function chargeField<T>({
  name,
  label,
  hint,
  codec,
}: {
  name: string;
  label: string;
  hint?: string;
  codec: Codec<T>;
}): EntryField<T> {
  const plain = valueField({ name, label, hint, control: TEXT, codec });
  return {
    render: (place, entry, errors) => (
      <Field
        path={`${place.path}.${name}`}
        label={place.label === '' ? label : `${place.label}: ${label}`}
        hint={hint}
        errors={errors}
      >
        {(props) => <TypedChargeInput defaultValue={codec.of(entry)} {...props} />}
      </Field>
    ),
    read: plain.read,
  };
}

const PENDING_CHARGES: ListSpec<PendingCharge> = {
  legend: 'Charges',
  noun: 'Charge',
  add: 'Add a charge',
  fields: [
    chargeField({
      name: 'charge',
      label: 'charge',
      hint: 'e.g. PL 265.01',
      codec: textOf('charge', false),
    }),
    valueField({
      name: 'level',
      label: 'level',
      control: select(OFFENSE_LEVEL_LABELS, 'Not recorded'),
      codec: textOf('level'),
    }),
    valueField({
      name: 'firearmOrAmmunition',
      label: 'relates to a firearm or ammunition (PL 265.01)',
      control: yesNo('Not recorded'),
      codec: triOf('firearmOrAmmunition'),
    }),
  ],
  blank: { charge: '' },
};

const PENDING_CASES: ListSpec<PendingCase> = {
  legend: 'Pending cases',
  noun: 'Pending case',
  add: 'Add a pending case',
  fields: [
    valueField({
      name: 'court',
      label: 'court',
      control: select(COURT_LABELS),
      codec: textOf('court', false),
    }),
    valueField({
      name: 'familyCourt',
      label: 'in family court',
      control: yesNo(),
      codec: triOf('familyCourt'),
    }),
    valueField({
      name: 'disposition',
      label: 'disposition',
      control: select(PENDING_DISPOSITION_LABELS),
      codec: textOf('disposition', false),
    }),
    valueField({
      name: 'releasedUnderCpl17070',
      label: 'released under CPL 170.70',
      control: yesNo('Not recorded'),
      codec: triOf('releasedUnderCpl17070'),
    }),
    valueField({
      name: 'mustBeYouthfulOffender',
      label: 'if convicted, the court must find a youthful offender (CPL 720.20(1)(b))',
      control: tri('Not recorded'),
      codec: triOf('mustBeYouthfulOffender'),
    }),
    valueField({
      name: 'source',
      label: 'where this record came from',
      control: select(SOURCE_LABELS),
      codec: textOf('source', false),
    }),
    {
      // The charges, each with its own fields, read back whole.
      render: (place, entry, errors) => (
        <EntryList
          spec={PENDING_CHARGES}
          path={`${place.path}.charges`}
          within={place.label}
          entries={entry.charges}
          errors={errors}
        />
      ),
      read: (place, entry, _drawn, values) => {
        const { list, pairs } = wholeList(
          PENDING_CHARGES,
          `${place.path}.charges`,
          entry.charges,
          values,
        );
        return { value: { ...entry, charges: list }, pairs };
      },
    },
  ],
  blank: {
    court: 'new-york',
    familyCourt: false,
    disposition: 'pending',
    source: 'e-justice-ny',
    charges: [{ charge: '' }],
  },
};

const ADMINISTRATIVE_WARRANTS: ListSpec<AdministrativeWarrant> = {
  legend: 'Administrative warrants attached (I-200, I-205): never judicial warrants',
  noun: 'Administrative warrant',
  add: 'Add an administrative warrant',
  fields: [
    valueField({
      name: 'form',
      label: 'form',
      control: select(ADMINISTRATIVE_WARRANT_LABELS),
      codec: textOf('form', false),
    }),
    valueField({ name: 'signedBy', label: 'signed by', control: TEXT, codec: textOf('signedBy') }),
    valueField({ name: 'signedOn', label: 'signed on', control: DATE, codec: textOf('signedOn') }),
  ],
  blank: { form: 'I-200' },
};

interface IntakeRead {
  intake: Intake;
  /** Which field each path of the lists' entries came from (entry-fields.tsx). */
  pairs: PathPair[];
}

/** The intake the form says, as POST /api/cases takes it. */
function intakeOf(element: HTMLFormElement, convictions: Conviction[]): IntakeRead {
  const form = new FormData(element);
  const values = formValues(element);
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : '';
  };
  const pendingCases = wholeList(PENDING_CASES, 'history.pendingCases', [], values);
  const warrants = wholeList(ADMINISTRATIVE_WARRANTS, 'request.administrativeWarrants', [], values);
  const officerName = optional(text('request.issuingOfficer.name'));
  const officerTitle = optional(text('request.issuingOfficer.title'));
  const presented = text('request.judicialWarrant.presented') as Tri;
  const intake: Intake = {
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
      searchCompleted: triValue(text('history.searchCompleted') as Tri),
      convictions: convictions.map((conviction) => ({
        charge: conviction.charge,
        court: 'new-york',
        disposition: 'conviction',
        judgmentDate: optional(conviction.judgmentDate),
        source: conviction.source,
        incarceration: [],
      })),
      pendingCases: pendingCases.list,
    },
    request: {
      form: text('request.form') as Request['form'],
      receivedAt: instantOf(text('request.receivedAt')) ?? '',
      probableCause: form.getAll('request.probableCause') as ProbableCause[],
      // Only drawn for the forms that have them, so another form's request sends none.
      priorities: form.getAll('request.priorities') as Priority[],
      // A title alone is sent with an empty name, for the API to say the name is missing.
      issuingOfficer:
        officerName === undefined && officerTitle === undefined
          ? undefined
          : { name: officerName ?? '', title: officerTitle },
      administrativeWarrants: warrants.list,
      judicialWarrant: {
        presented: triValue(presented),
        issuer: text('request.judicialWarrant.issuer') as Issuer,
      },
    },
  };
  return { intake, pairs: [...pendingCases.pairs, ...warrants.pairs] };
}

type Issue = NonNullable<ApiError['problem']['errors']>[number];
/** The API's words for each field, moved from the path sent to the field it came from. */
const errorsOf = (issues: readonly Issue[] = [], pairs: readonly PathPair[] = []): FieldErrors =>
  new Map(issues.map((issue) => [fieldPathOf(issue.path, pairs), issue.message]));

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
  // The DHS form chosen: only the I-247D/N have the enforcement-priority boxes.
  const [dhsForm, setDhsForm] = useState<string>('I-247A');
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
    mutationFn: async ({ intake }: IntakeRead) =>
      ok(await api.POST('/api/cases', { params: { query: { decide: 'true' } }, body: intake })),
    onSuccess: (created) => {
      void navigate(`/cases/${created.id}`);
    },
    onError: (error, { pairs }) => {
      submitted.current = true;
      setErrors(errorsOf(error instanceof ApiError ? error.problem.errors : undefined, pairs));
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
      const { intake, pairs } = intakeOf(element, latestConvictions.current);
      void api.POST('/api/cases/check', { body: intake }).then((result) => {
        // A later check, or a submit, was sent since; and only a verdict on the form counts.
        if (sequence !== pending.current.sequence) return;
        if (result.response.status !== 204 && result.response.status !== 400) return;
        const found = errorsOf(result.response.status === 400 ? result.error?.errors : [], pairs);
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
              <select
                className="usa-select"
                {...props}
                value={dhsForm}
                onChange={(event) => {
                  setDhsForm(event.target.value);
                }}
              >
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
            <Boxes name="request.probableCause" idPrefix="pc" labels={PROBABLE_CAUSE_LABELS} />
          </fieldset>
          {PRIORITY_FORMS.includes(dhsForm) && (
            <fieldset className="usa-fieldset" id={fieldId('request.priorities')} tabIndex={-1}>
              <legend className="usa-legend">
                Enforcement priority ({dhsForm} section 1.A): the boxes ticked
              </legend>
              <Boxes name="request.priorities" idPrefix="priority" labels={PRIORITY_LABELS} />
            </fieldset>
          )}
          <Field
            path="request.issuingOfficer.name"
            label="The immigration officer who signed the form"
            errors={errors}
          >
            {(props) => <input className="usa-input" autoComplete="off" {...props} />}
          </Field>
          <Field path="request.issuingOfficer.title" label="That officer’s title" errors={errors}>
            {(props) => <input className="usa-input" autoComplete="off" {...props} />}
          </Field>
          <EntryList
            spec={ADMINISTRATIVE_WARRANTS}
            path="request.administrativeWarrants"
            entries={[]}
            errors={errors}
          />
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
                    <ChargeInput
                      {...props}
                      value={conviction.charge}
                      onChange={(charge) => {
                        update({ charge });
                      }}
                    />
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
          <EntryList
            spec={PENDING_CASES}
            path="history.pendingCases"
            entries={[]}
            errors={errors}
          />
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

/** One tick box per code of a label table, all sent under `name`. */
function Boxes({
  name,
  idPrefix,
  labels,
}: {
  name: string;
  idPrefix: string;
  labels: Readonly<Record<string, string>>;
}) {
  return Object.entries(labels).map(([code, label]) => (
    <div className="usa-checkbox" key={code}>
      <input
        className="usa-checkbox__input"
        type="checkbox"
        id={`${idPrefix}-${code}`}
        name={name}
        value={code}
      />
      <label className="usa-checkbox__label" htmlFor={`${idPrefix}-${code}`}>
        {label}
      </label>
    </div>
  ));
}
