/**
 * Correcting a case on its page, field by field: each form sends only the fields the person
 * changed (POST /api/cases/{id}/record, or a reviewer's POST /api/cases/{id}/request with a
 * reason), so the rest of the record is never re-typed. Lists are edited entry by entry, by the
 * entry's index as stored. Every correction goes with If-Match; a 412 reloads the case and names
 * what someone else changed; the API's words about a field show beside it.
 * @module
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode, type SubmitEvent } from 'react';
import { api, ApiError, ok } from '../api/client';
import type { CaseRecord } from '../api/case-types';
import type { components } from '../api/openapi';
import type { CaseStep } from '../../../src/desk/case-lifecycle.js';
import type { Intake } from '../../../src/desk/intake.js';
import {
  FORM_LABELS,
  ISSUER_LABELS,
  PROBABLE_CAUSE_LABELS,
  SOURCE_LABELS,
  STATUS_LABELS,
} from '../labels';
import { Field, fieldId, type FieldErrors } from './field';
import { ProblemAlert } from './problem-alert';

type RecordBody = components['schemas']['RecordCorrection'];
type RequestBody = components['schemas']['RequestCorrection'];
// The OpenAPI document leaves a case's history and request open: the desk's own types read them.
type History = Intake['history'];
type Request = Intake['request'];
type Conviction = NonNullable<History['convictions']>[number];
type PendingCase = NonNullable<History['pendingCases']>[number];
type Source = Conviction['source'];
type Court = PendingCase['court'];
type Issuer = NonNullable<NonNullable<Request['judicialWarrant']>['issuer']>;
type Priority = NonNullable<Request['priorities']>[number];
type Tri = boolean | 'unknown';

const TRI_LABELS = { yes: 'Yes', no: 'No', unknown: 'Not known' } as const;

const COURT_LABELS: Record<Court, string> = {
  'new-york': 'A New York court',
  federal: 'A federal court',
  'other-state': 'Another state’s court',
  unknown: 'Not known',
};

const PRIORITY_LABELS: Record<Priority, string> = {
  'national-security': 'A threat to national security',
  'criminal-street-gang': 'A criminal street gang member',
  felony: 'Convicted of a felony',
  'aggravated-felony': 'Convicted of an aggravated felony',
  'significant-misdemeanor': 'Convicted of a significant misdemeanor',
  'three-misdemeanors': 'Convicted of three or more misdemeanors',
};

/** Where the engine's names for the facts it reads live in the record (src/desk/engine-case.ts). */
const RECORD_PATHS: readonly (readonly [engine: string, record: string])[] = [
  ['otherwiseReleaseAt', 'custody.expectedReleaseAt'],
  ['instantArrestDate', 'custody.instantArrestDate'],
  ['record', 'history'],
];

/** The record field a missing fact names, from the engine's path for it. */
export function recordPathOf(path: string): string {
  const match = RECORD_PATHS.find(
    ([engine]) => path === engine || path.startsWith(`${engine}.`) || path.startsWith(`${engine}[`),
  );
  return match === undefined ? path : match[1] + path.slice(match[0].length);
}

/**
 * A to-do item's link to the form field that supplies it: the field itself, or the nearest field
 * of the entry or section its path names, opened and focused.
 */
export function MissingFactLink({ path }: { path: string }) {
  const candidates = prefixesOf(recordPathOf(path)).map(fieldId);
  return (
    <a
      href={`#${candidates[0] ?? ''}`}
      onClick={(event) => {
        const target = candidates
          .map((id) => document.getElementById(id))
          .find((element) => element !== null);
        if (target === undefined) return;
        event.preventDefault();
        const details = target.closest('details');
        if (details !== null) details.open = true;
        target.focus();
        target.scrollIntoView({ block: 'center' });
      }}
    >
      {path}
    </a>
  );
}

/** `history.convictions[0].charge` → itself, `history.convictions[0]`, `history.convictions`, `history`. */
function prefixesOf(path: string): string[] {
  const prefixes = [path];
  for (
    let cut = path.search(/[.[][^.[]*$/);
    cut > 0;
    cut = path.slice(0, cut).search(/[.[][^.[]*$/)
  )
    prefixes.push(path.slice(0, cut));
  return prefixes;
}

const localOf = (instant: string | undefined) => {
  if (instant === undefined) return '';
  const date = new Date(instant);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
const triKey = (value: Tri | undefined) =>
  value === undefined ? '' : value === 'unknown' ? 'unknown' : value ? 'yes' : 'no';
const triOf = (key: string): Tri => (key === 'unknown' ? 'unknown' : key === 'yes');

/** The form's text for a name ('' when absent). */
const reader = (form: FormData) => (name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
};

/** A field the person changed: the new value, `null` when emptied, nothing when unchanged. */
function changed<T>(entered: string, stored: string, value: (text: string) => T) {
  if (entered === stored) return undefined;
  return entered === '' ? null : value(entered);
}

/** Drops unchanged (undefined) fields so the correction names only what changes. */
function only<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}

/** The record's fields, one level inside each section, that differ between two reads. */
function changesBetween(before: CaseRecord, now: CaseRecord): string[] {
  const changes = before.status === now.status ? [] : ['the status'];
  for (const section of ['person', 'custody', 'history', 'request'] as const) {
    const was = before[section] as Record<string, unknown>;
    const is = now[section] as Record<string, unknown>;
    for (const field of new Set([...Object.keys(was), ...Object.keys(is)])) {
      if (JSON.stringify(was[field]) !== JSON.stringify(is[field]))
        changes.push(`${section}.${field}`);
    }
  }
  if (JSON.stringify(before.decision) !== JSON.stringify(now.decision))
    changes.push('the decision');
  return changes;
}

/** One correction form's sending, its outcome and the API's words per field. */
function useCorrection<B>(view: CaseRecord, send: (body: B, ifMatch: string) => Promise<unknown>) {
  const queryClient = useQueryClient();
  const [sentFrom, setSentFrom] = useState<CaseRecord | undefined>(undefined);
  const mutation = useMutation({
    mutationFn: (body: B) => send(body, `"${String(view.version)}"`),
    onMutate: () => {
      setSentFrom(view);
    },
    onSettled: async (_data, error) => {
      if (error === null || (error instanceof ApiError && error.problem.status === 412)) {
        await queryClient.invalidateQueries({ queryKey: ['case', view.id] });
      }
    },
  });
  const issues = mutation.error instanceof ApiError ? (mutation.error.problem.errors ?? []) : [];
  const errors: FieldErrors = new Map(
    issues.map((issue) => [
      issue.path.startsWith('judicialWarrant') ? `request.${issue.path}` : issue.path,
      issue.message,
    ]),
  );
  const conflict = mutation.error instanceof ApiError && mutation.error.problem.status === 412;
  const outcome: ReactNode = conflict ? (
    <div className="usa-alert usa-alert--warning" role="alert">
      <div className="usa-alert__body">
        <h3 className="usa-alert__heading">Someone changed this case while you had it open</h3>
        <p className="usa-alert__text">
          Nothing was recorded.{' '}
          {sentFrom === undefined || sentFrom.version === view.version
            ? 'Reloading the case…'
            : `The case has been reloaded: it is now ${STATUS_LABELS[view.status].toLowerCase()} (version ${String(view.version)}). Changed: ${changesBetween(sentFrom, view).join(', ') || 'nothing you can see here'}. Check the fields, then correct again.`}
        </p>
      </div>
    </div>
  ) : mutation.error !== null ? (
    <ProblemAlert error={mutation.error} heading="The correction was refused" />
  ) : mutation.isSuccess ? (
    <div className="usa-alert usa-alert--success usa-alert--slim">
      <div className="usa-alert__body">
        <p className="usa-alert__text">
          Corrected. The case must now be decided again under the corrected record.
        </p>
      </div>
    </div>
  ) : null;
  return { mutation, errors, outcome: <div aria-live="polite">{outcome}</div> };
}

export function RecordCorrection({
  view,
  steps,
}: {
  view: CaseRecord;
  steps: readonly CaseStep[];
}) {
  const sendRecord = async (body: RecordBody, ifMatch: string) =>
    ok(
      await api.POST('/api/cases/{id}/record', {
        params: { path: { id: view.id }, header: { 'if-match': ifMatch } },
        body,
      }),
    );
  return (
    <>
      {steps.includes('update-record') && (
        <section aria-labelledby="correct-heading" className="desk-print-hide">
          <h2 id="correct-heading">Correct the record</h2>
          <p>
            Change only what is wrong or missing; every other field stays as recorded. A correction
            sets the decision aside: decide the case again afterwards.
          </p>
          <CustodyForm view={view} send={sendRecord} />
          <HistoryForm view={view} send={sendRecord} />
          <WarrantForm view={view} send={sendRecord} />
        </section>
      )}
      {steps.includes('correct-request') && <RequestForm view={view} />}
    </>
  );
}

type SendRecord = (body: RecordBody, ifMatch: string) => Promise<unknown>;

function CustodyForm({ view, send }: { view: CaseRecord; send: SendRecord }) {
  const { mutation, errors, outcome } = useCorrection(view, send);
  const custody = view.custody;
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = reader(new FormData(event.currentTarget));
    const replace = custody.charges.flatMap((charge, at) => {
      const entered = text(`custody.charges[${String(at)}].charge`);
      return entered === charge.charge || entered === ''
        ? []
        : [{ at, with: { ...charge, charge: entered } }];
    });
    const remove = custody.charges.flatMap((_charge, at) =>
      text(`custody.charges[${String(at)}].remove`) === 'yes' ? [at] : [],
    );
    const added = text(`custody.charges[${String(custody.charges.length)}].charge`);
    const charges = only({
      replace: replace.length > 0 ? replace : undefined,
      remove: remove.length > 0 ? remove : undefined,
      add: added === '' ? undefined : [{ charge: added }],
    });
    mutation.mutate({
      custody: only({
        facility: changed(text('custody.facility'), custody.facility ?? '', (value) => value),
        instantArrestDate: changed(
          text('custody.instantArrestDate'),
          custody.instantArrestDate ?? '',
          (value) => value,
        ),
        expectedReleaseAt: changed(
          text('custody.expectedReleaseAt'),
          localOf(custody.expectedReleaseAt),
          (value) => new Date(value).toISOString(),
        ),
        charges: Object.keys(charges).length > 0 ? charges : undefined,
      }),
    });
  };
  return (
    <details className="desk-correction">
      <summary id={fieldId('custody')}>
        Custody: facility, arrest, expected release, charges
      </summary>
      {/* Keyed by the case version, so a reload shows the record as it is now. */}
      <form key={view.version} className="usa-form usa-form--large" onSubmit={submit} noValidate>
        {outcome}
        <Field path="custody.facility" label="Facility" errors={errors}>
          {(props) => (
            <input className="usa-input" defaultValue={custody.facility ?? ''} {...props} />
          )}
        </Field>
        <Field
          path="custody.instantArrestDate"
          label="Date of the arrest that brought the person into custody"
          errors={errors}
        >
          {(props) => (
            <input
              className="usa-input"
              type="date"
              defaultValue={custody.instantArrestDate ?? ''}
              {...props}
            />
          )}
        </Field>
        <Field
          path="custody.expectedReleaseAt"
          label="Expected release"
          hint="When the person would otherwise be released. Empty it to remove it."
          errors={errors}
        >
          {(props) => (
            <input
              className="usa-input"
              type="datetime-local"
              defaultValue={localOf(custody.expectedReleaseAt)}
              {...props}
            />
          )}
        </Field>
        <fieldset className="usa-fieldset">
          <legend className="usa-legend">Charges the person is held on</legend>
          {custody.charges.map((charge, at) => (
            <div className="desk-conviction" key={`${String(at)} ${charge.charge}`}>
              <Field
                path={`custody.charges[${String(at)}].charge`}
                label={`Charge ${String(at + 1)}`}
                errors={errors}
              >
                {(props) => <input className="usa-input" defaultValue={charge.charge} {...props} />}
              </Field>
              <RemoveBox
                name={`custody.charges[${String(at)}].remove`}
                label={`Remove charge ${String(at + 1)}`}
              />
            </div>
          ))}
          <Field
            path={`custody.charges[${String(custody.charges.length)}].charge`}
            label="Add a charge"
            errors={errors}
          >
            {(props) => <input className="usa-input" {...props} />}
          </Field>
        </fieldset>
        <button className="usa-button" type="submit" disabled={mutation.isPending}>
          Save the custody corrections
        </button>
      </form>
    </details>
  );
}

function HistoryForm({ view, send }: { view: CaseRecord; send: SendRecord }) {
  const { mutation, errors, outcome } = useCorrection(view, send);
  const history = view.history as History;
  const convictions = history.convictions;
  const pending = history.pendingCases;
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = reader(new FormData(event.currentTarget));
    const convictionReplace = convictions.flatMap((conviction, at) => {
      const path = `history.convictions[${String(at)}]`;
      const charge = text(`${path}.charge`);
      const judgmentDate = text(`${path}.judgmentDate`);
      if (charge === conviction.charge && judgmentDate === (conviction.judgmentDate ?? ''))
        return [];
      const corrected: Conviction = { ...conviction, charge };
      if (judgmentDate === '') delete corrected.judgmentDate;
      else corrected.judgmentDate = judgmentDate;
      return [{ at, with: corrected }];
    });
    const removed = (list: readonly unknown[], path: string) =>
      list.flatMap((_entry, at) => (text(`${path}[${String(at)}].remove`) === 'yes' ? [at] : []));
    const newConviction = `history.convictions[${String(convictions.length)}]`;
    const addedConviction = text(`${newConviction}.charge`);
    const newPending = `history.pendingCases[${String(pending.length)}]`;
    const addedPending = text(`${newPending}.charges[0].charge`);
    const convictionEdit = only({
      replace: convictionReplace.length > 0 ? convictionReplace : undefined,
      remove: removed(convictions, 'history.convictions'),
      add:
        addedConviction === ''
          ? undefined
          : [
              {
                charge: addedConviction,
                court: 'new-york' as const,
                disposition: 'conviction' as const,
                source: text(`${newConviction}.source`) as Source,
                incarceration: [],
                ...(text(`${newConviction}.judgmentDate`) === ''
                  ? {}
                  : { judgmentDate: text(`${newConviction}.judgmentDate`) }),
              },
            ],
    });
    if (convictionEdit.remove?.length === 0) delete convictionEdit.remove;
    const pendingEdit = only({
      remove: removed(pending, 'history.pendingCases'),
      add:
        addedPending === ''
          ? undefined
          : [{ court: text(`${newPending}.court`) as Court, charges: [{ charge: addedPending }] }],
    });
    if (pendingEdit.remove?.length === 0) delete pendingEdit.remove;
    const proof = text('history.proofOfLawfulStatus');
    mutation.mutate({
      history: only({
        searchCompleted:
          text('history.searchCompleted') === triKey(history.searchCompleted)
            ? undefined
            : triOf(text('history.searchCompleted')),
        proofOfLawfulStatus: changed(proof, triKey(history.proofOfLawfulStatus), triOf),
        convictions: Object.keys(convictionEdit).length > 0 ? convictionEdit : undefined,
        pendingCases: Object.keys(pendingEdit).length > 0 ? pendingEdit : undefined,
      }),
    } as RecordBody);
  };
  return (
    <details className="desk-correction">
      <summary id={fieldId('history')}>
        Criminal history: the search, proof of status, convictions, pending cases
      </summary>
      {/* Keyed by the case version, so a reload shows the record as it is now. */}
      <form key={view.version} className="usa-form usa-form--large" onSubmit={submit} noValidate>
        {outcome}
        <Field
          path="history.searchCompleted"
          label="A criminal-history search was completed"
          errors={errors}
        >
          {(props) => <TriSelect {...props} defaultValue={triKey(history.searchCompleted)} />}
        </Field>
        <Field
          path="history.proofOfLawfulStatus"
          label="Proof of U.S. citizenship or lawful status was found"
          errors={errors}
        >
          {(props) => (
            <TriSelect
              {...props}
              defaultValue={triKey(history.proofOfLawfulStatus)}
              unrecorded="Not recorded"
            />
          )}
        </Field>
        <fieldset className="usa-fieldset">
          <legend className="usa-legend">Convictions</legend>
          {convictions.length === 0 && <p>None recorded.</p>}
          {convictions.map((conviction, at) => {
            const path = `history.convictions[${String(at)}]`;
            return (
              <div className="desk-conviction" key={`${String(at)} ${conviction.charge}`}>
                <Field
                  path={`${path}.charge`}
                  label={`Conviction ${String(at + 1)}: charge`}
                  errors={errors}
                >
                  {(props) => (
                    <input className="usa-input" defaultValue={conviction.charge} {...props} />
                  )}
                </Field>
                <Field
                  path={`${path}.judgmentDate`}
                  label={`Conviction ${String(at + 1)}: date of judgment`}
                  errors={errors}
                >
                  {(props) => (
                    <input
                      className="usa-input"
                      type="date"
                      defaultValue={conviction.judgmentDate ?? ''}
                      {...props}
                    />
                  )}
                </Field>
                <RemoveBox name={`${path}.remove`} label={`Remove conviction ${String(at + 1)}`} />
              </div>
            );
          })}
          <div className="desk-conviction">
            <Field
              path={`history.convictions[${String(convictions.length)}].charge`}
              label="Add a conviction: charge"
              errors={errors}
            >
              {(props) => <input className="usa-input" {...props} />}
            </Field>
            <Field
              path={`history.convictions[${String(convictions.length)}].judgmentDate`}
              label="Added conviction: date of judgment"
              errors={errors}
            >
              {(props) => <input className="usa-input" type="date" {...props} />}
            </Field>
            <Field
              path={`history.convictions[${String(convictions.length)}].source`}
              label="Added conviction: where this record came from"
              errors={errors}
            >
              {(props) => (
                <select className="usa-select" defaultValue="e-justice-ny" {...props}>
                  {Object.entries(SOURCE_LABELS).map(([code, label]) => (
                    <option key={code} value={code}>
                      {label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
        </fieldset>
        <fieldset className="usa-fieldset">
          <legend className="usa-legend">Pending cases</legend>
          {pending.length === 0 && <p>None recorded.</p>}
          {pending.map((entry, at) => (
            <div
              className="desk-conviction"
              key={`${String(at)} ${entry.charges[0]?.charge ?? ''}`}
            >
              <p id={fieldId(`history.pendingCases[${String(at)}]`)} tabIndex={-1}>
                Pending case {at + 1}: {entry.charges.map((charge) => charge.charge).join(', ')} (
                {COURT_LABELS[entry.court]})
              </p>
              <RemoveBox
                name={`history.pendingCases[${String(at)}].remove`}
                label={`Remove pending case ${String(at + 1)}`}
              />
            </div>
          ))}
          <div className="desk-conviction">
            <Field
              path={`history.pendingCases[${String(pending.length)}].charges[0].charge`}
              label="Add a pending case: charge"
              errors={errors}
            >
              {(props) => <input className="usa-input" {...props} />}
            </Field>
            <Field
              path={`history.pendingCases[${String(pending.length)}].court`}
              label="Added pending case: court"
              errors={errors}
            >
              {(props) => (
                <select className="usa-select" defaultValue="new-york" {...props}>
                  {Object.entries(COURT_LABELS).map(([code, label]) => (
                    <option key={code} value={code}>
                      {label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
        </fieldset>
        <button className="usa-button" type="submit" disabled={mutation.isPending}>
          Save the criminal history corrections
        </button>
      </form>
    </details>
  );
}

function WarrantForm({ view, send }: { view: CaseRecord; send: SendRecord }) {
  const { mutation, errors, outcome } = useCorrection(view, send);
  const warrant = (view.request as Request).judicialWarrant;
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = reader(new FormData(event.currentTarget));
    if (text('request.judicialWarrant.remove') === 'yes') {
      mutation.mutate({ judicialWarrant: null });
      return;
    }
    const stored = warrant ?? { presented: 'unknown', issuer: 'unknown' };
    const presented = triOf(text('request.judicialWarrant.presented'));
    const issuer = text('request.judicialWarrant.issuer') as Issuer;
    const judge = text('request.judicialWarrant.judge');
    // Nothing changed is sent as no correction at all, for the API to say so.
    if (
      presented === stored.presented &&
      issuer === stored.issuer &&
      judge === (stored.judge ?? '')
    ) {
      mutation.mutate({});
      return;
    }
    const corrected: NonNullable<Request['judicialWarrant']> = {
      ...stored,
      presented,
      issuer,
      judge,
    };
    if (judge === '') delete corrected.judge;
    mutation.mutate({ judicialWarrant: corrected });
  };
  return (
    <details className="desk-correction">
      <summary id={fieldId('request.judicialWarrant')}>The judicial warrant</summary>
      {/* Keyed by the case version, so a reload shows the record as it is now. */}
      <form key={view.version} className="usa-form usa-form--large" onSubmit={submit} noValidate>
        {outcome}
        <p>
          {warrant === undefined
            ? 'No judicial warrant is recorded. Record one that arrived after the request here.'
            : 'The judicial warrant as recorded; change what is wrong.'}
        </p>
        <Field
          path="request.judicialWarrant.presented"
          label="A judicial warrant was presented"
          errors={errors}
        >
          {(props) => (
            <TriSelect {...props} defaultValue={triKey(warrant?.presented ?? 'unknown')} />
          )}
        </Field>
        <Field
          path="request.judicialWarrant.issuer"
          label="Who signed the judicial warrant"
          errors={errors}
        >
          {(props) => (
            <select className="usa-select" defaultValue={warrant?.issuer ?? 'unknown'} {...props}>
              {Object.entries(ISSUER_LABELS).map(([code, label]) => (
                <option key={code} value={code}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field path="request.judicialWarrant.judge" label="The judge’s name" errors={errors}>
          {(props) => (
            <input className="usa-input" defaultValue={warrant?.judge ?? ''} {...props} />
          )}
        </Field>
        {warrant !== undefined && (
          <RemoveBox name="request.judicialWarrant.remove" label="Remove the judicial warrant" />
        )}
        <button className="usa-button" type="submit" disabled={mutation.isPending}>
          Save the judicial warrant
        </button>
      </form>
    </details>
  );
}

/** A reviewer's correction of the request as recorded, with the reason the API requires. */
function RequestForm({ view }: { view: CaseRecord }) {
  const { mutation, errors, outcome } = useCorrection(
    view,
    async (body: RequestBody, ifMatch: string) =>
      ok(
        await api.POST('/api/cases/{id}/request', {
          params: { path: { id: view.id }, header: { 'if-match': ifMatch } },
          body,
        }),
      ),
  );
  const request = view.request as Request;
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = reader(form);
    // Ticked boxes are given whole, and only when they differ from those recorded.
    const boxes = <T extends string>(name: string, stored: readonly T[]) => {
      const ticked = form.getAll(name) as T[];
      return JSON.stringify([...ticked].sort()) === JSON.stringify([...stored].sort())
        ? undefined
        : ticked;
    };
    const receivedAt = text('request.receivedAt');
    const officer = text('request.issuingOfficer.name');
    mutation.mutate({
      request: only({
        form:
          text('request.form') === request.form
            ? undefined
            : (text('request.form') as Request['form']),
        receivedAt:
          receivedAt === localOf(request.receivedAt) || receivedAt === ''
            ? undefined
            : new Date(receivedAt).toISOString(),
        probableCause: boxes('request.probableCause', request.probableCause),
        priorities: boxes('request.priorities', request.priorities),
        issuingOfficer: changed(officer, request.issuingOfficer?.name ?? '', (name) => ({
          ...request.issuingOfficer,
          name,
        })),
      }),
      reason: text('reason'),
    });
  };
  return (
    <section aria-labelledby="correct-request-heading" className="desk-print-hide">
      <h2 id="correct-request-heading">Correct the request as recorded</h2>
      {/* Keyed by the case version, so a reload shows the record as it is now. */}
      <form key={view.version} className="usa-form usa-form--large" onSubmit={submit} noValidate>
        {outcome}
        <Field path="request.form" label="DHS form" errors={errors}>
          {(props) => (
            <select className="usa-select" defaultValue={request.form} {...props}>
              {Object.entries(FORM_LABELS).map(([code, label]) => (
                <option key={code} value={code}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field path="request.receivedAt" label="Received at" errors={errors}>
          {(props) => (
            <input
              className="usa-input"
              type="datetime-local"
              defaultValue={localOf(request.receivedAt)}
              {...props}
            />
          )}
        </Field>
        <BoxGroup
          name="request.probableCause"
          legend="Probable cause: the boxes ticked on the form"
          labels={PROBABLE_CAUSE_LABELS}
          ticked={request.probableCause}
        />
        <BoxGroup
          name="request.priorities"
          legend="Enforcement priorities: the boxes ticked (I-247D and I-247N, section 1.A)"
          labels={PRIORITY_LABELS}
          ticked={request.priorities}
        />
        <Field
          path="request.issuingOfficer.name"
          label="The immigration officer who signed it"
          errors={errors}
        >
          {(props) => (
            <input
              className="usa-input"
              defaultValue={request.issuingOfficer?.name ?? ''}
              {...props}
            />
          )}
        </Field>
        <Field
          path="reason"
          label="Why the request as recorded was wrong (at least 20 characters)"
          errors={errors}
        >
          {(props) => <textarea className="usa-textarea" {...props} />}
        </Field>
        <button className="usa-button" type="submit" disabled={mutation.isPending}>
          Correct the request
        </button>
      </form>
    </section>
  );
}

function BoxGroup({
  name,
  legend,
  labels,
  ticked,
}: {
  name: string;
  legend: string;
  labels: Record<string, string>;
  ticked: readonly string[];
}) {
  return (
    <fieldset className="usa-fieldset">
      <legend className="usa-legend">{legend}</legend>
      {Object.entries(labels).map(([code, label]) => (
        <div className="usa-checkbox" key={code}>
          <input
            className="usa-checkbox__input"
            type="checkbox"
            id={fieldId(`${name}.${code}`)}
            name={name}
            value={code}
            defaultChecked={ticked.includes(code)}
          />
          <label className="usa-checkbox__label" htmlFor={fieldId(`${name}.${code}`)}>
            {label}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

function TriSelect({
  defaultValue,
  unrecorded,
  ...props
}: {
  id: string;
  name: string;
  defaultValue: string;
  unrecorded?: string;
  'aria-invalid': boolean;
  'aria-describedby': string | undefined;
}) {
  return (
    <select className="usa-select" defaultValue={defaultValue} {...props}>
      {unrecorded !== undefined && <option value="">{unrecorded}</option>}
      {Object.entries(TRI_LABELS).map(([code, label]) => (
        <option key={code} value={code}>
          {label}
        </option>
      ))}
    </select>
  );
}

function RemoveBox({ name, label }: { name: string; label: string }) {
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
