/**
 * Correction forms declared rather than written out. A form names the fields of what it corrects
 * (a section of the record, an entry of a list, the request): how each shows a stored value and
 * writes the value the person gives. From that, this draws the fields and reads back only what
 * changed: a field left as drawn keeps its stored value exactly. A list's entries are drawn with a
 * box to remove each and a button to add new ones, and read back as an edit of the list by index as
 * stored (`replace`/`remove`/`add`, as src/desk/record-correction.ts takes it) or as the whole new
 * list. Each read also pairs the paths of the body sent with the fields they came from, so the
 * API's words about `history.convictions.replace[0].with.charge` show beside the field they name.
 * @module
 */
import { Fragment, useRef, useState, type ReactNode } from 'react';
import { Field, fieldId, type FieldErrors } from './field';

/** What the person entered: a field's trimmed text ('' when absent), every ticked box of a name. */
export interface FormValues {
  text: (name: string) => string;
  all: (name: string) => string[];
}

export function formValues(form: HTMLFormElement): FormValues {
  const data = new FormData(form);
  return {
    text: (name) => {
      const value = data.get(name);
      return typeof value === 'string' ? value.trim() : '';
    },
    all: (name) => data.getAll(name).filter((value) => typeof value === 'string'),
  };
}

/** A path in the body sent, and the path of the field it came from. */
export type PathPair = readonly [body: string, field: string];

/** Where fields are drawn: their path's prefix and the words that begin their labels ('' for none). */
export interface Place {
  path: string;
  label: string;
}

interface Read<T> {
  value: T;
  pairs: PathPair[];
}

export interface EntryField<T> {
  render: (place: Place, entry: T, errors: FieldErrors) => ReactNode;
  /** `entry` as the fields before this one left it; `drawn` as the form drew it. */
  read: (place: Place, entry: T, drawn: T, values: FormValues) => Read<T>;
}

export type Control =
  | { kind: 'text' | 'date' | 'datetime' }
  | { kind: 'select'; options: Readonly<Record<string, string>>; unrecorded?: string };

export const TEXT: Control = { kind: 'text' };
export const DATE: Control = { kind: 'date' };
export const DATETIME: Control = { kind: 'datetime' };
export const select = (options: Readonly<Record<string, string>>, unrecorded?: string): Control =>
  unrecorded === undefined ? { kind: 'select', options } : { kind: 'select', options, unrecorded };

const TRI_LABELS = { yes: 'Yes', no: 'No', unknown: 'Not known' } as const;
const YES_NO_LABELS = { yes: 'Yes', no: 'No' } as const;

/** A yes / no / not known answer, as the record keeps it (`true`, `false`, `'unknown'`). */
export const tri = (unrecorded?: string) => select(TRI_LABELS, unrecorded);
export const yesNo = (unrecorded?: string) => select(YES_NO_LABELS, unrecorded);

const labelIn = (place: Place, label: string) =>
  place.label === '' ? label.charAt(0).toUpperCase() + label.slice(1) : `${place.label}: ${label}`;

/** A copy of `entry` with `key` set to `value`, or without it when `value` is undefined. */
export function withKey<T extends object>(entry: T, key: string, value: unknown): T {
  // Spread over a key already there keeps its place, so an unchanged field reads back the same.
  return (
    value === undefined
      ? Object.fromEntries(Object.entries(entry).filter(([name]) => name !== key))
      : { ...entry, [key]: value }
  ) as T;
}

/** How a field of an entry shows as text in the form and is written back from it. */
export interface Codec<T> {
  of: (entry: T) => string;
  set: (entry: T, text: string) => T;
}

const valueAt = (entry: object, key: string) => (entry as Record<string, unknown>)[key];

/** A field kept as the text entered; an emptied optional one is removed. */
export const textOf = <T extends object>(key: string, optional = true): Codec<T> => ({
  of: (entry) => (valueAt(entry, key) as string | undefined) ?? '',
  set: (entry, text) => withKey(entry, key, optional && text === '' ? undefined : text),
});

const triText = (value: unknown) =>
  value === undefined ? '' : value === 'unknown' ? 'unknown' : value === true ? 'yes' : 'no';

/** A yes / no (/ not known) field; an emptied one (Not recorded) is removed. */
export const triOf = <T extends object>(key: string): Codec<T> => ({
  of: (entry) => triText(valueAt(entry, key)),
  set: (entry, text) =>
    withKey(entry, key, text === '' ? undefined : text === 'unknown' ? 'unknown' : text === 'yes'),
});

/** A `datetime-local` value in the browser's zone for an instant ('' when absent). */
export const localOf = (instant: string | undefined) => {
  if (instant === undefined) return '';
  const date = new Date(instant);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/** An instant entered as a local date and time; an emptied one is removed. */
export const instantOf = <T extends object>(key: string): Codec<T> => ({
  of: (entry) => localOf(valueAt(entry, key) as string | undefined),
  set: (entry, text) => withKey(entry, key, text === '' ? undefined : new Date(text).toISOString()),
});

function ControlInput({
  control,
  defaultValue,
  ...props
}: {
  control: Control;
  defaultValue: string;
  id: string;
  name: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}) {
  if (control.kind !== 'select') {
    const type = { text: 'text', date: 'date', datetime: 'datetime-local' }[control.kind];
    return <input className="usa-input" type={type} defaultValue={defaultValue} {...props} />;
  }
  return (
    <select className="usa-select" defaultValue={defaultValue} {...props}>
      {control.unrecorded !== undefined && <option value="">{control.unrecorded}</option>}
      {Object.entries(control.options).map(([code, label]) => (
        <option key={code} value={code}>
          {label}
        </option>
      ))}
    </select>
  );
}

/** A field with one value: a text, a date, a choice. */
export function valueField<T>({
  name,
  label,
  hint,
  control,
  codec,
}: {
  name: string;
  label: string;
  hint?: string;
  control: Control;
  codec: Codec<T>;
}): EntryField<T> {
  return {
    render: (place, entry, errors) => (
      <Field
        path={`${place.path}.${name}`}
        label={labelIn(place, label)}
        hint={hint}
        errors={errors}
      >
        {(props) => <ControlInput control={control} defaultValue={codec.of(entry)} {...props} />}
      </Field>
    ),
    read: (place, entry, drawn, values) => {
      const text = values.text(`${place.path}.${name}`);
      // Left as drawn, it keeps the stored value (a time shown to the minute stays exact).
      return { value: text === codec.of(drawn) ? entry : codec.set(entry, text), pairs: [] };
    },
  };
}

/** Ticked boxes, given whole: one box per code. */
export function boxesField<T, C extends string>({
  name,
  legend,
  labels,
  of,
  set,
}: {
  name: string;
  legend: string;
  labels: Readonly<Record<C, string>>;
  of: (entry: T) => readonly C[];
  set: (entry: T, ticked: C[]) => T;
}): EntryField<T> {
  const sorted = (codes: readonly string[]) => JSON.stringify([...codes].sort());
  return {
    render: (place, entry) => (
      // Where a to-do item about the boxes takes the focus.
      <fieldset className="usa-fieldset" id={fieldId(`${place.path}.${name}`)} tabIndex={-1}>
        <legend className="usa-legend">{labelIn(place, legend)}</legend>
        {Object.entries<string>(labels).map(([code, label]) => {
          const id = fieldId(`${place.path}.${name}.${code}`);
          return (
            <div className="usa-checkbox" key={code}>
              <input
                className="usa-checkbox__input"
                type="checkbox"
                id={id}
                name={`${place.path}.${name}`}
                value={code}
                defaultChecked={(of(entry) as readonly string[]).includes(code)}
              />
              <label className="usa-checkbox__label" htmlFor={id}>
                {label}
              </label>
            </div>
          );
        })}
      </fieldset>
    ),
    read: (place, entry, drawn, values) => {
      const ticked = values.all(`${place.path}.${name}`) as C[];
      return {
        value: sorted(ticked) === sorted(of(drawn)) ? entry : set(entry, ticked),
        pairs: [],
      };
    },
  };
}

/**
 * A group of fields kept together as one optional value of the entry (a conviction's equivalence
 * finding, a recorded database fact): drawn in a fieldset that a to-do item about the group as a
 * whole focuses, read back through its own fields, and removed when `absent` says what the person
 * left is no value at all.
 */
export function groupField<T, G extends object>({
  name,
  legend,
  label,
  hint,
  fields,
  of,
  set,
  blank,
  absent = (group) => Object.keys(group).length === 0,
}: {
  name: string;
  /** The fieldset's legend, after the entry's label. */
  legend: string;
  /** The words that begin its fields' labels, after the entry's label. */
  label: string;
  hint?: string;
  fields: readonly EntryField<G>[];
  of: (entry: T) => G | undefined;
  /** The group as written back; `undefined` removes it. */
  set: (entry: T, group: G | undefined) => T;
  /** The group as drawn when the entry has none. */
  blank: G;
  absent?: (group: G) => boolean;
}): EntryField<T> {
  return {
    render: (place, entry, errors) => {
      const path = `${place.path}.${name}`;
      const id = fieldId(path);
      const error = errors.get(path);
      const described = [
        hint === undefined ? '' : `${id}-hint`,
        error === undefined ? '' : `${id}-error`,
      ].filter((part) => part !== '');
      return (
        // Where a to-do item about the group as a whole takes the focus.
        <fieldset
          className="usa-fieldset desk-conviction"
          id={id}
          tabIndex={-1}
          aria-describedby={described.length === 0 ? undefined : described.join(' ')}
        >
          <legend className="usa-legend">{labelIn(place, legend)}</legend>
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
          <EntryFields
            fields={fields}
            place={{ path, label: labelIn(place, label) }}
            entry={of(entry) ?? blank}
            errors={errors}
          />
        </fieldset>
      );
    },
    read: (place, entry, drawn, values) => {
      const path = `${place.path}.${name}`;
      const shown = of(drawn) ?? blank;
      const { value: group, pairs } = readEntry(fields, { path, label: '' }, shown, values);
      // Left as drawn, the entry keeps what it had (nothing, when the blank was drawn).
      if (sameJson(group, shown)) return { value: entry, pairs };
      return { value: set(entry, absent(group) ? undefined : group), pairs };
    },
  };
}

/** A list of entries, each with its own fields. */
export interface ListSpec<E> {
  legend: string;
  /** Names an entry in labels: "Conviction 2: charge", "New conviction: charge". */
  noun: string;
  /** The add button's words, e.g. "Add a conviction". */
  add: string;
  fields: readonly EntryField<E>[];
  /** A new entry as drawn before the person fills it in. */
  blank: E;
}

/** A list inside an entry (a conviction's periods in custody), read back whole. */
export function listField<T, E>({
  name,
  spec,
  of,
  set,
}: {
  name: string;
  spec: ListSpec<E>;
  of: (entry: T) => readonly E[];
  set: (entry: T, list: E[]) => T;
}): EntryField<T> {
  return {
    render: (place, entry, errors) => (
      <EntryList
        spec={spec}
        path={`${place.path}.${name}`}
        within={place.label}
        entries={of(entry)}
        errors={errors}
      />
    ),
    read: (place, entry, drawn, values) => {
      const { list, pairs } = wholeList(spec, `${place.path}.${name}`, of(drawn), values);
      return { value: sameJson(list, of(drawn)) ? entry : set(entry, list), pairs };
    },
  };
}

export const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Draws the fields of one entry (or section, or the request). */
export function EntryFields<T>({
  fields,
  place,
  entry,
  errors,
}: {
  fields: readonly EntryField<T>[];
  place: Place;
  entry: T;
  errors: FieldErrors;
}) {
  return (
    <>
      {fields.map((field, index) => (
        <Fragment key={index}>{field.render(place, entry, errors)}</Fragment>
      ))}
    </>
  );
}

/** Reads one entry back from the form through its fields, in order. */
export function readEntry<T>(
  fields: readonly EntryField<T>[],
  place: Place,
  drawn: T,
  values: FormValues,
): Read<T> {
  let value = drawn;
  const pairs: PathPair[] = [];
  for (const field of fields) {
    const result = field.read(place, value, drawn, values);
    value = result.value;
    pairs.push(...result.pairs);
  }
  return { value, pairs };
}

/** The fields of a section (or the request) whose value changed: the new value, or null if removed. */
export function changedKeys<T extends object>(drawn: T, corrected: T): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(drawn), ...Object.keys(corrected)])) {
    const was = valueAt(drawn, key);
    const is = valueAt(corrected, key);
    if (!sameJson(was, is)) changes[key] = is === undefined ? null : is;
  }
  return changes;
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/**
 * A list's stored entries, each with its fields and a box to remove it, and the new entries the
 * person adds (a hidden field counts them for the read).
 */
export function EntryList<E>({
  spec,
  path,
  within = '',
  entries,
  errors,
}: {
  spec: ListSpec<E>;
  path: string;
  /** The label of the entry this list is part of, for labels that say whose list it is. */
  within?: string;
  entries: readonly E[];
  errors: FieldErrors;
}) {
  const [added, setAdded] = useState<readonly number[]>([]);
  const nextKey = useRef(0);
  const noun = within === '' ? spec.noun : `${within}, ${lowerFirst(spec.noun)}`;
  const newNoun =
    within === '' ? `New ${lowerFirst(spec.noun)}` : `${within}, new ${lowerFirst(spec.noun)}`;
  return (
    <fieldset className="usa-fieldset">
      <legend className="usa-legend">
        {within === '' ? spec.legend : `${within}: ${lowerFirst(spec.legend)}`}
      </legend>
      {entries.length === 0 && added.length === 0 && <p>None recorded.</p>}
      {entries.map((entry, at) => {
        const place = { path: `${path}[${String(at)}]`, label: `${noun} ${String(at + 1)}` };
        return (
          <div className="desk-conviction" key={at}>
            {/* Where a to-do item about the entry as a whole takes the focus. */}
            <p id={fieldId(place.path)} tabIndex={-1}>
              {place.label}
            </p>
            <EntryFields fields={spec.fields} place={place} entry={entry} errors={errors} />
            <RemoveBox name={`${place.path}.remove`} label={`Remove ${lowerFirst(place.label)}`} />
          </div>
        );
      })}
      {added.map((key, position) => {
        const place = {
          path: `${path}[${String(entries.length + position)}]`,
          label: added.length === 1 ? newNoun : `${newNoun} ${String(position + 1)}`,
        };
        return (
          <div className="desk-conviction" key={`new ${String(key)}`}>
            <p id={fieldId(place.path)} tabIndex={-1}>
              {place.label}
            </p>
            <EntryFields fields={spec.fields} place={place} entry={spec.blank} errors={errors} />
            <button
              type="button"
              className="usa-button usa-button--unstyled"
              onClick={() => {
                setAdded(added.filter((other) => other !== key));
              }}
            >
              Drop {lowerFirst(place.label)}
            </button>
          </div>
        );
      })}
      <input type="hidden" name={`${path}.added`} value={added.length} />
      <p>
        <button
          type="button"
          className="usa-button usa-button--outline"
          onClick={() => {
            setAdded([...added, nextKey.current++]);
          }}
        >
          {within === '' ? spec.add : `${spec.add} to ${lowerFirst(within)}`}
        </button>
      </p>
    </fieldset>
  );
}

function readList<E>(spec: ListSpec<E>, path: string, drawn: readonly E[], values: FormValues) {
  const kept: (Read<E> & { at: number })[] = [];
  const removed: number[] = [];
  drawn.forEach((entry, at) => {
    const place = { path: `${path}[${String(at)}]`, label: '' };
    if (values.text(`${place.path}.remove`) === 'yes') removed.push(at);
    else kept.push({ at, ...readEntry(spec.fields, place, entry, values) });
  });
  const count = Number(values.text(`${path}.added`)) || 0;
  const added = Array.from({ length: count }, (_unused, position) => {
    const row = drawn.length + position;
    const place = { path: `${path}[${String(row)}]`, label: '' };
    return { row, ...readEntry(spec.fields, place, spec.blank, values) };
  });
  return { kept, removed, added };
}

/** An entry's pairs, and the entry's own, with the entry's body path in place of its field path. */
const pairsAt = (body: string, field: string, inner: readonly PathPair[]): PathPair[] => [
  [body, field],
  ...inner.map(([innerBody, innerField]): PathPair => [
    body + innerBody.slice(field.length),
    innerField,
  ]),
];

export interface ListEdit<E> {
  replace?: { at: number; with: E }[];
  remove?: number[];
  add?: E[];
}

/** The edit of a list the form says: entries replaced, removed, added; undefined for none. */
export function listEdit<E>(
  spec: ListSpec<E>,
  path: string,
  drawn: readonly E[],
  values: FormValues,
): { edit: ListEdit<E> | undefined; pairs: PathPair[] } {
  const { kept, removed, added } = readList(spec, path, drawn, values);
  const replaced = kept.filter(({ at, value }) => !sameJson(value, drawn[at]));
  const pairs: PathPair[] = [
    ...replaced.flatMap(({ at, pairs: inner }, index) =>
      pairsAt(`${path}.replace[${String(index)}].with`, `${path}[${String(at)}]`, inner),
    ),
    ...removed.map((at, index): PathPair => [
      `${path}.remove[${String(index)}]`,
      `${path}[${String(at)}].remove`,
    ]),
    ...added.flatMap(({ row, pairs: inner }, index) =>
      pairsAt(`${path}.add[${String(index)}]`, `${path}[${String(row)}]`, inner),
    ),
  ];
  const edit: ListEdit<E> = {};
  if (replaced.length > 0) edit.replace = replaced.map(({ at, value }) => ({ at, with: value }));
  if (removed.length > 0) edit.remove = removed;
  if (added.length > 0) edit.add = added.map(({ value }) => value);
  return { edit: Object.keys(edit).length > 0 ? edit : undefined, pairs };
}

/** The whole list the form says: the entries kept, as corrected, then those added. */
export function wholeList<E>(
  spec: ListSpec<E>,
  path: string,
  drawn: readonly E[],
  values: FormValues,
): { list: E[]; pairs: PathPair[] } {
  const { kept, added } = readList(spec, path, drawn, values);
  const rows = [...kept.map(({ at, ...rest }) => ({ row: at, ...rest })), ...added];
  return {
    list: rows.map(({ value }) => value),
    pairs: rows.flatMap(({ row, pairs: inner }, index) =>
      pairsAt(`${path}[${String(index)}]`, `${path}[${String(row)}]`, inner),
    ),
  };
}

/** The API's words about a body path, moved to the field that path came from. */
export function fieldPathOf(path: string, pairs: readonly PathPair[]): string {
  let best: PathPair | undefined;
  for (const pair of pairs) {
    const [body] = pair;
    const under = path === body || path.startsWith(`${body}.`) || path.startsWith(`${body}[`);
    if (under && (best === undefined || body.length > best[0].length)) best = pair;
  }
  return best === undefined ? path : best[1] + path.slice(best[0].length);
}

export function RemoveBox({ name, label }: { name: string; label: string }) {
  const id = fieldId(name);
  return (
    <div className="usa-checkbox">
      <input className="usa-checkbox__input" type="checkbox" id={id} name={name} value="yes" />
      <label className="usa-checkbox__label" htmlFor={id}>
        {label}
      </label>
    </div>
  );
}
