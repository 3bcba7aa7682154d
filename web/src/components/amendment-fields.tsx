/**
 * The amendment a replay may apply to the version it is pinned to (docs/what-if.md#amendments):
 * crimes added to or removed from the list, another look-back, the judicial-warrant condition
 * dropped, a shorter hold limit. The form only writes the amendment the API reads; the API checks
 * it, and its refusal names the change (`amendment.changes[1].years`), which is shown beside the
 * field that made that change.
 * @module
 */
import type { components } from '../api/openapi';
import { Field, type FieldErrors } from './field';

export type Amendment = components['schemas']['Amendment'];
type Change = Amendment['changes'][number];

export interface AmendmentDraft {
  readonly title: string;
  /** Charge codes, one a line or separated by commas. */
  readonly add: string;
  readonly remove: string;
  /** Years, or empty to keep the law's; `noLookBack` sets none. */
  readonly years: string;
  readonly noLookBack: boolean;
  readonly dropJudicialWarrant: boolean;
  readonly holdHours: string;
}

export const EMPTY_AMENDMENT: AmendmentDraft = {
  title: '',
  add: '',
  remove: '',
  years: '',
  noLookBack: false,
  dropJudicialWarrant: false,
  holdHours: '',
};

const codes = (text: string) =>
  text
    .split(/[\n,;]+/)
    .map((code) => code.trim())
    .filter((code) => code !== '');

/** A whole number as typed; anything else is a problem for its field (NaN would reach the API as null). */
function wholeNumber(text: string, field: string, problems: Map<string, string>): number {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) problems.set(field, 'Write a whole number, e.g. 10.');
  return Number(trimmed);
}

/** The changes the draft makes, in the form's order, and what in it cannot be sent. */
function changesOf(draft: AmendmentDraft, problems = new Map<string, string>()): Change[] {
  const changes: Change[] = [];
  if (codes(draft.add).length > 0) changes.push({ kind: 'add-crimes', crimes: codes(draft.add) });
  if (codes(draft.remove).length > 0) {
    changes.push({ kind: 'remove-crimes', crimes: codes(draft.remove) });
  }
  if (draft.noLookBack) changes.push({ kind: 'look-back', years: null });
  else if (draft.years.trim() !== '') {
    changes.push({
      kind: 'look-back',
      years: wholeNumber(draft.years, 'amendment.years', problems),
    });
  }
  if (draft.dropJudicialWarrant) changes.push({ kind: 'drop-judicial-warrant' });
  if (draft.holdHours.trim() !== '') {
    changes.push({
      kind: 'hold-limit',
      hours: wholeNumber(draft.holdHours, 'amendment.holdHours', problems),
    });
  }
  return changes;
}

/**
 * The amendment to send (none when the draft changes nothing), or the fields that cannot be sent
 * as typed; the API checks the rest.
 */
export function amendmentOf(draft: AmendmentDraft): {
  amendment?: Amendment;
  problems: FieldErrors;
} {
  const problems = new Map<string, string>();
  const changes = changesOf(draft, problems);
  if (problems.size > 0) return { problems };
  return changes.length === 0
    ? { problems }
    : { amendment: { title: draft.title, changes }, problems };
}

/** Which field of the form each kind of change comes from. */
const FIELD_OF: Record<Change['kind'], string> = {
  'add-crimes': 'amendment.add',
  'remove-crimes': 'amendment.remove',
  'look-back': 'amendment.years',
  'drop-judicial-warrant': 'amendment.dropJudicialWarrant',
  'hold-limit': 'amendment.holdHours',
};

/** The API's refusals of an amendment, moved from the change it names to the field that made it. */
export function amendmentFieldErrors(errors: FieldErrors, draft: AmendmentDraft): FieldErrors {
  const changes = changesOf(draft);
  return new Map(
    [...errors].map(([path, message]) => {
      const change = /^amendment\.changes\[(\d+)\]/.exec(path);
      const kind = change ? changes[Number(change[1])]?.kind : undefined;
      return [kind ? FIELD_OF[kind] : path, message];
    }),
  );
}

export function AmendmentFields({
  draft,
  errors,
  onChange,
}: {
  draft: AmendmentDraft;
  errors: FieldErrors;
  onChange: (draft: AmendmentDraft) => void;
}) {
  const set = (change: Partial<AmendmentDraft>) => {
    onChange({ ...draft, ...change });
  };
  const whole = errors.get('amendment') ?? errors.get('amendment.changes');
  const warrantError = errors.get(FIELD_OF['drop-judicial-warrant']);
  return (
    <fieldset className="usa-fieldset" id="amendment">
      <legend className="usa-legend">Amend the version (optional)</legend>
      <p className="usa-hint">
        Change the pinned version’s law before the cases are decided under it. Leave a field empty
        to keep the law as it is. The amendment is cited in every answer it changes.
      </p>
      {whole !== undefined && <p className="usa-error-message">{whole}</p>}
      <Field path="amendment.title" label="Name of the amendment" errors={errors}>
        {(props) => (
          <input
            {...props}
            className="usa-input"
            value={draft.title}
            maxLength={200}
            onChange={(event) => {
              set({ title: event.target.value });
            }}
          />
        )}
      </Field>
      <CrimeList
        path="amendment.add"
        label="Crimes to add to the list"
        hint="Charge codes, one a line or separated by commas: PL 155.30, or PL 120.05(2) for one subdivision."
        value={draft.add}
        errors={errors}
        onChange={(add) => {
          set({ add });
        }}
      />
      <CrimeList
        path="amendment.remove"
        label="Crimes to remove from the list"
        hint="The same way. A section named removes its attempts and conspiracies too."
        value={draft.remove}
        errors={errors}
        onChange={(remove) => {
          set({ remove });
        }}
      />
      <Field
        path="amendment.years"
        label="Look-back, in years before the instant arrest"
        hint="1 to 100; empty keeps the law’s."
        errors={errors}
      >
        {(props) => (
          <input
            {...props}
            className="usa-input usa-input--xs"
            inputMode="numeric"
            value={draft.years}
            disabled={draft.noLookBack}
            onChange={(event) => {
              set({ years: event.target.value });
            }}
          />
        )}
      </Field>
      <div className="usa-checkbox">
        <input
          className="usa-checkbox__input"
          id="amendment-no-look-back"
          type="checkbox"
          checked={draft.noLookBack}
          onChange={(event) => {
            set({ noLookBack: event.target.checked });
          }}
        />
        <label className="usa-checkbox__label" htmlFor="amendment-no-look-back">
          No look-back: a judgment counts however old
        </label>
      </div>
      <div className="usa-checkbox">
        {warrantError !== undefined && (
          <span className="usa-error-message" id="amendment-drop-warrant-error">
            {warrantError}
          </span>
        )}
        <input
          className="usa-checkbox__input"
          id="amendment-drop-warrant"
          type="checkbox"
          checked={draft.dropJudicialWarrant}
          aria-invalid={warrantError !== undefined}
          aria-describedby={warrantError === undefined ? undefined : 'amendment-drop-warrant-error'}
          onChange={(event) => {
            set({ dropJudicialWarrant: event.target.checked });
          }}
        />
        <label className="usa-checkbox__label" htmlFor="amendment-drop-warrant">
          Drop the judicial-warrant condition
        </label>
      </div>
      <Field
        path="amendment.holdHours"
        label="Hold limit, in hours after otherwise-release"
        hint="1 to 48: an amendment shortens a hold, never lengthens it past the federal limit."
        errors={errors}
      >
        {(props) => (
          <input
            {...props}
            className="usa-input usa-input--xs"
            inputMode="numeric"
            value={draft.holdHours}
            onChange={(event) => {
              set({ holdHours: event.target.value });
            }}
          />
        )}
      </Field>
    </fieldset>
  );
}

function CrimeList({
  path,
  label,
  hint,
  value,
  errors,
  onChange,
}: {
  path: string;
  label: string;
  hint: string;
  value: string;
  errors: FieldErrors;
  onChange: (value: string) => void;
}) {
  return (
    <Field path={path} label={label} hint={hint} errors={errors}>
      {(props) => (
        <textarea
          {...props}
          className="usa-textarea"
          rows={2}
          value={value}
          onChange={(event) => {
            onChange(event.target.value);
          }}
        />
      )}
    </Field>
  );
}
