/**
 * Correcting a case on its page, field by field: each form sends only the fields the person
 * changed (POST /api/cases/{id}/record, or a reviewer's POST /api/cases/{id}/request with a
 * reason), so the rest of the record is never re-typed. Each form is declared (entry-fields.tsx):
 * the fields of its section and of each list's entries; lists are edited entry by entry, by the
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
  ACTION_LABELS,
  ADMINISTRATIVE_WARRANT_LABELS,
  CONVICTION_DISPOSITION_LABELS,
  COURT_LABELS,
  DATABASE_FACT_LABELS,
  FORM_LABELS,
  ISSUER_LABELS,
  OFFENSE_LEVEL_LABELS,
  PENDING_DISPOSITION_LABELS,
  PRIORITY_LABELS,
  PROBABLE_CAUSE_LABELS,
  SOURCE_LABELS,
  STATUS_LABELS,
} from '../labels';
import {
  boxesField,
  changedKeys,
  DATE,
  DATETIME,
  EntryFields,
  EntryList,
  fieldPathOf,
  formValues,
  groupField,
  instantOf,
  listEdit,
  listField,
  readEntry,
  RemoveBox,
  sameJson,
  select,
  TEXT,
  textOf,
  tri,
  triOf,
  valueField,
  withKey,
  yesNo,
  type EntryField,
  type ListSpec,
  type PathPair,
} from './entry-fields';
import { Field, fieldId, type FieldErrors } from './field';
import { ProblemAlert } from './problem-alert';

type RecordBody = components['schemas']['RecordCorrection'];
type RequestBody = components['schemas']['RequestCorrection'];
// The OpenAPI document leaves a case's history and request open: the desk's own types read them.
type Person = Intake['person'];
type Custody = Intake['custody'];
type CustodyCharge = Custody['charges'][number];
type History = Intake['history'];
type Conviction = History['convictions'][number];
type Equivalence = NonNullable<Conviction['equivalence']>;
type RecordedFact = NonNullable<History['criminalWarrant']>;
type Period = NonNullable<Conviction['incarceration']>[number];
type PendingCase = History['pendingCases'][number];
type PendingCharge = PendingCase['charges'][number];
type Request = Intake['request'];
type Warrant = NonNullable<Request['judicialWarrant']>;
type AdministrativeWarrant = Request['administrativeWarrants'][number];
type Officer = NonNullable<Request['issuingOfficer']>;

const REQUESTER_LABELS: Record<Request['requester'], string> = {
  ice: 'ICE',
  cbp: 'CBP',
  'other-dhs-civil-ina': 'Another DHS officer enforcing civil immigration law',
  'other-federal-immigration-duties': 'Another federal officer with immigration-related duties',
  'other-federal': 'Another federal officer',
  unknown: 'Not recorded',
};

const REQUESTED_ACTION_LABELS: Record<NonNullable<Request['actions']>[number], string> = {
  hold: ACTION_LABELS.hold,
  notify: ACTION_LABELS.notify,
  transfer: ACTION_LABELS.transfer,
};

const SEX_LABELS: Record<NonNullable<Person['sex']>, string> = {
  female: 'Female',
  male: 'Male',
  other: 'Other',
  unknown: 'Not known',
};

const PERSON_FIELDS: readonly EntryField<Person>[] = [
  valueField({ name: 'name', label: 'full name', control: TEXT, codec: textOf('name', false) }),
  valueField({
    name: 'dateOfBirth',
    label: 'date of birth',
    control: DATE,
    codec: textOf('dateOfBirth'),
  }),
  valueField({
    name: 'nysid',
    label: 'NYSID',
    hint: 'A changed NYSID or A-number links the case to the person on record with it, or to a new one.',
    control: TEXT,
    codec: textOf('nysid'),
  }),
  valueField({ name: 'aNumber', label: 'A-number', control: TEXT, codec: textOf('aNumber') }),
  valueField({ name: 'fbiNumber', label: 'FBI number', control: TEXT, codec: textOf('fbiNumber') }),
  valueField({
    name: 'sex',
    label: 'sex',
    control: select(SEX_LABELS, 'Not recorded'),
    codec: textOf('sex'),
  }),
  valueField({
    name: 'citizenship',
    label: 'citizenship, as the detainer states it',
    control: TEXT,
    codec: textOf('citizenship'),
  }),
];

/** Where a history entry came from, when it was recorded, and the record's own id for it. */
function provenanceFields<T extends object>(): EntryField<T>[] {
  return [
    valueField<T>({
      name: 'source',
      label: 'where this record came from',
      control: select(SOURCE_LABELS),
      codec: textOf('source', false),
    }),
    valueField<T>({
      name: 'recordedAt',
      label: 'when this entry was recorded',
      control: DATETIME,
      codec: instantOf('recordedAt'),
    }),
    valueField<T>({
      name: 'id',
      label: 'the record’s own identifier for this entry',
      control: TEXT,
      codec: textOf('id'),
    }),
  ];
}

const CUSTODY_FIELDS: readonly EntryField<Custody>[] = [
  valueField({ name: 'facility', label: 'facility', control: TEXT, codec: textOf('facility') }),
  valueField({
    name: 'bookingNumber',
    label: 'booking number',
    control: TEXT,
    codec: textOf('bookingNumber', false),
  }),
  valueField({
    name: 'instantArrestDate',
    label: 'date of the arrest that brought the person into custody',
    control: DATE,
    codec: textOf('instantArrestDate'),
  }),
  valueField({
    name: 'expectedReleaseAt',
    label: 'expected release',
    hint: 'When the person would otherwise be released. Empty it to remove it.',
    control: DATETIME,
    codec: instantOf('expectedReleaseAt'),
  }),
];

const CUSTODY_CHARGES: ListSpec<CustodyCharge> = {
  legend: 'Charges the person is held on',
  noun: 'Custody charge',
  add: 'Add a custody charge',
  fields: [
    valueField({ name: 'charge', label: 'charge', control: TEXT, codec: textOf('charge', false) }),
    valueField({
      name: 'level',
      label: 'level',
      control: select(OFFENSE_LEVEL_LABELS, 'Not recorded'),
      codec: textOf('level'),
    }),
  ],
  blank: { charge: '' },
};

const HISTORY_FIELDS: readonly EntryField<History>[] = [
  valueField({
    name: 'searchCompleted',
    label: 'a criminal-history search was completed',
    control: tri(),
    codec: triOf('searchCompleted'),
  }),
  valueField({
    name: 'searchedAt',
    label: 'when the search was run',
    control: DATETIME,
    codec: instantOf('searchedAt'),
  }),
  valueField({
    name: 'proofOfLawfulStatus',
    label: 'proof of U.S. citizenship or lawful status was found',
    control: tri('Not recorded'),
    codec: triOf('proofOfLawfulStatus'),
  }),
];

/**
 * A recorded database fact (a warrant, a gang or terrorist-screening indication, removal): its
 * answer, where it came from (some laws accept only some sources) and when it was recorded.
 * "Not recorded" removes the fact; its source and time go with it.
 */
const recordedFact = (name: keyof typeof DATABASE_FACT_LABELS, label: string) =>
  groupField<History, Partial<RecordedFact>>({
    name,
    legend: DATABASE_FACT_LABELS[name],
    label,
    fields: [
      valueField({
        name: 'value',
        label: 'answer',
        control: tri('Not recorded'),
        codec: triOf('value'),
      }),
      valueField({
        name: 'source',
        label: 'where it came from',
        control: select(SOURCE_LABELS),
        codec: textOf('source', false),
      }),
      valueField({
        name: 'recordedAt',
        label: 'when it was recorded',
        control: DATETIME,
        codec: instantOf('recordedAt'),
      }),
    ],
    of: (history) => history[name],
    set: (history, fact) => withKey(history, name, fact),
    blank: { source: 'unknown' },
    absent: (fact) => fact.value === undefined,
  });

const FACT_FIELDS: readonly EntryField<History>[] = [
  recordedFact('criminalWarrant', 'Criminal warrant'),
  recordedFact('knownGangMember', 'Known gang member'),
  recordedFact('terroristScreeningMatch', 'Terrorist screening match'),
  recordedFact('warrantOfRemoval', 'Warrant of removal'),
  recordedFact('finalOrderOfRemoval', 'Final order of removal'),
  recordedFact('reenteredAfterRemoval', 'Re-entry after removal'),
];

const PERIODS: ListSpec<Period> = {
  legend: 'Periods incarcerated for it',
  noun: 'Period',
  add: 'Add a period',
  fields: [
    valueField({ name: 'from', label: 'first day', control: DATE, codec: textOf('from', false) }),
    valueField({
      name: 'to',
      label: 'last day (empty while still in custody)',
      control: DATE,
      codec: textOf('to'),
    }),
  ],
  blank: { from: '' },
};

const CONVICTIONS: ListSpec<Conviction> = {
  legend: 'Convictions',
  noun: 'Conviction',
  add: 'Add a conviction',
  fields: [
    valueField({ name: 'charge', label: 'charge', control: TEXT, codec: textOf('charge', false) }),
    valueField({
      name: 'level',
      label: 'level',
      control: select(OFFENSE_LEVEL_LABELS, 'Not recorded'),
      codec: textOf('level'),
    }),
    valueField({
      name: 'court',
      label: 'court',
      control: select(COURT_LABELS),
      codec: textOf('court', false),
    }),
    valueField({
      name: 'courtState',
      label: 'state, for another state’s court',
      control: TEXT,
      codec: textOf('courtState'),
    }),
    valueField({
      name: 'disposition',
      label: 'disposition',
      control: select(CONVICTION_DISPOSITION_LABELS),
      codec: textOf('disposition', false),
    }),
    valueField({
      name: 'offenseDate',
      label: 'date of the offence',
      control: DATE,
      codec: textOf('offenseDate'),
    }),
    valueField({
      name: 'judgmentDate',
      label: 'date of judgment',
      control: DATE,
      codec: textOf('judgmentDate'),
    }),
    // Absent means it was not a hate crime: the record keeps only the mark.
    valueField({
      name: 'hateCrime',
      label: 'a hate crime (PL 485.05)',
      control: select({ yes: 'Yes' }, 'No'),
      codec: {
        of: (conviction) => (conviction.hateCrime === true ? 'yes' : ''),
        set: (conviction, text) =>
          withKey(conviction, 'hateCrime', text === 'yes' ? true : undefined),
      },
    }),
    groupField<Conviction, Partial<Equivalence>>({
      name: 'equivalence',
      legend: 'legal reviewer’s equivalence finding',
      label: 'equivalence',
      hint:
        'For a federal or another state’s conviction: without it, the conviction cannot count ' +
        'under NYC law. Empty every field to remove the finding.',
      fields: [
        valueField({
          name: 'newYorkCharge',
          label: 'the New York felony it is equivalent to',
          hint: 'A New York charge code, e.g. PL 120.05(2)',
          control: TEXT,
          codec: textOf('newYorkCharge'),
        }),
        valueField({
          name: 'predicateFelony',
          label: 'a predicate felony conviction under PL 70.06(1)(b)(i)',
          control: tri('Not recorded'),
          codec: triOf('predicateFelony'),
        }),
        valueField({
          name: 'decidedBy',
          label: 'the legal reviewer who made the finding',
          control: TEXT,
          codec: textOf('decidedBy'),
        }),
        valueField({
          name: 'decidedOn',
          label: 'when the finding was made',
          control: DATE,
          codec: textOf('decidedOn'),
        }),
      ],
      of: (conviction) => conviction.equivalence,
      set: (conviction, equivalence) =>
        withKey(conviction, 'equivalence', equivalence as Equivalence | undefined),
      blank: {},
    }),
    ...provenanceFields<Conviction>(),
    // The sentence as the law reads it: time incarcerated for the conviction (NYC's look-back
    // is extended by it). Not recorded and none are different answers.
    valueField({
      name: 'incarceration',
      label: 'sentence served in custody',
      control: select(
        { recorded: 'Recorded: the periods below (none if none is listed)' },
        'Not recorded',
      ),
      codec: {
        of: (conviction) => (conviction.incarceration === undefined ? '' : 'recorded'),
        set: (conviction, text) =>
          withKey(
            conviction,
            'incarceration',
            text === '' ? undefined : (conviction.incarceration ?? []),
          ),
      },
    }),
    listField({
      name: 'incarceration',
      spec: PERIODS,
      of: (conviction) => conviction.incarceration ?? [],
      set: (conviction, periods) => ({ ...conviction, incarceration: periods }),
    }),
  ],
  blank: {
    charge: '',
    court: 'new-york',
    disposition: 'conviction',
    source: 'e-justice-ny',
    incarceration: [],
  },
};

const PENDING_CHARGES: ListSpec<PendingCharge> = {
  legend: 'Charges',
  noun: 'Charge',
  add: 'Add a charge',
  fields: [
    valueField({ name: 'charge', label: 'charge', control: TEXT, codec: textOf('charge', false) }),
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
    ...provenanceFields<PendingCase>(),
    listField({
      name: 'charges',
      spec: PENDING_CHARGES,
      of: (pending) => pending.charges,
      set: (pending, charges) => ({ ...pending, charges }),
    }),
  ],
  blank: {
    court: 'new-york',
    familyCourt: false,
    disposition: 'pending',
    source: 'e-justice-ny',
    charges: [{ charge: '' }],
  },
};

const WARRANT_FIELDS: readonly EntryField<Warrant>[] = [
  valueField({
    name: 'presented',
    label: 'a judicial warrant was presented',
    control: tri(),
    codec: triOf('presented'),
  }),
  valueField({
    name: 'withDetainer',
    label: 'it was presented with the detainer',
    control: tri('Not recorded'),
    codec: triOf('withDetainer'),
  }),
  valueField({
    name: 'presentedAt',
    label: 'when it was presented',
    control: DATETIME,
    codec: instantOf('presentedAt'),
  }),
  valueField({
    name: 'issuer',
    label: 'who signed the judicial warrant',
    control: select(ISSUER_LABELS),
    codec: textOf('issuer', false),
  }),
  valueField({ name: 'judge', label: 'the judge’s name', control: TEXT, codec: textOf('judge') }),
  valueField({ name: 'court', label: 'the court', control: TEXT, codec: textOf('court') }),
  valueField({ name: 'issuedOn', label: 'issued on', control: DATE, codec: textOf('issuedOn') }),
  valueField({
    name: 'probableCause',
    label: 'it is based on probable cause',
    control: tri('Not recorded'),
    codec: triOf('probableCause'),
  }),
  valueField({
    name: 'federalCriminalImmigrationLaw',
    label: 'it is for a violation of federal criminal immigration law',
    control: tri('Not recorded'),
    codec: triOf('federalCriminalImmigrationLaw'),
  }),
];

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

const REQUEST_FIELDS: readonly EntryField<Request>[] = [
  valueField({
    name: 'form',
    label: 'DHS form',
    control: select(FORM_LABELS),
    codec: textOf('form', false),
  }),
  valueField({
    name: 'formRevision',
    label: 'the form’s revision',
    hint: 'e.g. 02/17',
    control: TEXT,
    codec: textOf('formRevision'),
  }),
  valueField({
    name: 'receivedAt',
    label: 'received at',
    control: DATETIME,
    codec: instantOf('receivedAt'),
  }),
  valueField({
    name: 'requester',
    label: 'who asks',
    control: select(REQUESTER_LABELS),
    codec: textOf('requester', false),
  }),
  valueField({ name: 'subjectId', label: 'subject ID', control: TEXT, codec: textOf('subjectId') }),
  valueField({
    name: 'eventNumber',
    label: 'event number',
    control: TEXT,
    codec: textOf('eventNumber'),
  }),
  valueField({
    name: 'fileNumber',
    label: 'file number',
    control: TEXT,
    codec: textOf('fileNumber'),
  }),
  valueField({
    name: 'issuedOn',
    label: 'the date on the form',
    control: DATE,
    codec: textOf('issuedOn'),
  }),
  valueField({
    name: 'issuingOffice',
    label: 'the DHS office that issued it (FROM)',
    control: TEXT,
    codec: textOf('issuingOffice'),
  }),
  valueField({
    name: 'issuingOfficer.name',
    label: 'the immigration officer who signed it',
    control: TEXT,
    codec: {
      of: (request) => request.issuingOfficer?.name ?? '',
      set: (request, name) =>
        withKey(
          request,
          'issuingOfficer',
          name === '' ? undefined : { ...request.issuingOfficer, name },
        ),
    },
  }),
  valueField({
    name: 'issuingOfficer.title',
    label: 'that officer’s title',
    control: TEXT,
    codec: {
      of: (request) => request.issuingOfficer?.title ?? '',
      set: (request, title) => {
        const officer = request.issuingOfficer;
        if (title !== '') return { ...request, issuingOfficer: { ...officer, title } as Officer };
        return officer === undefined
          ? request
          : withKey(request, 'issuingOfficer', withKey(officer, 'title', undefined));
      },
    },
  }),
  valueField({
    name: 'servedOnPersonAt',
    label: 'when the form was served on the person',
    control: DATETIME,
    codec: instantOf('servedOnPersonAt'),
  }),
  boxesField({
    name: 'actions',
    legend: 'what the detainer asks: none ticked reads it from the form',
    labels: REQUESTED_ACTION_LABELS,
    of: (request) => request.actions ?? [],
    set: (request, actions) =>
      withKey(request, 'actions', actions.length === 0 ? undefined : actions),
  }),
  boxesField({
    name: 'probableCause',
    legend: 'probable cause: the boxes ticked on the form',
    labels: PROBABLE_CAUSE_LABELS,
    of: (request) => request.probableCause,
    set: (request, probableCause) => ({ ...request, probableCause }),
  }),
  boxesField({
    name: 'priorities',
    legend: 'enforcement priorities: the boxes ticked (I-247D and I-247N, section 1.A)',
    labels: PRIORITY_LABELS,
    of: (request) => request.priorities,
    set: (request, priorities) => ({ ...request, priorities }),
  }),
  valueField({
    name: 'judicialProbableCauseDetermination',
    label: 'a federal judge or magistrate judge has found probable cause',
    control: tri('Not recorded'),
    codec: triOf('judicialProbableCauseDetermination'),
  }),
  listField({
    name: 'administrativeWarrants',
    spec: ADMINISTRATIVE_WARRANTS,
    of: (request) => request.administrativeWarrants,
    set: (request, administrativeWarrants) => ({ ...request, administrativeWarrants }),
  }),
];

/**
 * A to-do item's link to the form field that supplies it (the field the API names): the field
 * itself, or the nearest field of the entry or section its path names, opened and focused.
 */
export function MissingFactLink({ path }: { path: string }) {
  const candidates = prefixesOf(path).map(fieldId);
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

/** A correction to send, and which field each path of its body came from. */
interface Correction<B> {
  body: B;
  pairs: readonly PathPair[];
}

/** One correction form's sending, its outcome and the API's words per field. */
function useCorrection<B>(view: CaseRecord, send: (body: B, ifMatch: string) => Promise<unknown>) {
  const queryClient = useQueryClient();
  const [sentFrom, setSentFrom] = useState<CaseRecord | undefined>(undefined);
  const mutation = useMutation({
    mutationFn: ({ body }: Correction<B>) => send(body, `"${String(view.version)}"`),
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
  const pairs = mutation.variables?.pairs ?? [];
  const errors: FieldErrors = new Map(
    issues.map((issue) => [fieldPathOf(issue.path, pairs), issue.message]),
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
          <PersonForm view={view} send={sendRecord} />
          <CustodyForm view={view} send={sendRecord} />
          <HistoryForm view={view} send={sendRecord} />
          <FactsForm view={view} send={sendRecord} />
          <WarrantForm view={view} send={sendRecord} />
        </section>
      )}
      {steps.includes('correct-request') && <RequestForm view={view} />}
    </>
  );
}

type SendRecord = (body: RecordBody, ifMatch: string) => Promise<unknown>;

const SECTION = (path: string) => ({ path, label: '' });

function PersonForm({ view, send }: { view: CaseRecord; send: SendRecord }) {
  const { mutation, errors, outcome } = useCorrection(view, send);
  const person = view.person;
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const values = formValues(event.currentTarget);
    const corrected = readEntry(PERSON_FIELDS, SECTION('person'), person, values).value;
    mutation.mutate({ body: { person: changedKeys(person, corrected) }, pairs: [] });
  };
  return (
    <details className="desk-correction">
      <summary id={fieldId('person')}>
        Person: name, date of birth, identifiers, citizenship
      </summary>
      {/* Keyed by the case version, so a reload shows the record as it is now. */}
      <form key={view.version} className="usa-form usa-form--large" onSubmit={submit} noValidate>
        {outcome}
        <EntryFields
          fields={PERSON_FIELDS}
          place={SECTION('person')}
          entry={person}
          errors={errors}
        />
        <button className="usa-button" type="submit" disabled={mutation.isPending}>
          Save the person’s corrections
        </button>
      </form>
    </details>
  );
}

function CustodyForm({ view, send }: { view: CaseRecord; send: SendRecord }) {
  const { mutation, errors, outcome } = useCorrection(view, send);
  const custody = view.custody;
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const values = formValues(event.currentTarget);
    const corrected = readEntry(CUSTODY_FIELDS, SECTION('custody'), custody, values).value;
    const charges = listEdit(CUSTODY_CHARGES, 'custody.charges', custody.charges, values);
    const changes = changedKeys(custody, corrected);
    if (charges.edit !== undefined) changes.charges = charges.edit;
    mutation.mutate({ body: { custody: changes }, pairs: charges.pairs });
  };
  return (
    <details className="desk-correction">
      <summary id={fieldId('custody')}>
        Custody: facility, booking number, arrest, expected release, charges
      </summary>
      {/* Keyed by the case version, so a reload shows the record as it is now. */}
      <form key={view.version} className="usa-form usa-form--large" onSubmit={submit} noValidate>
        {outcome}
        <EntryFields
          fields={CUSTODY_FIELDS}
          place={SECTION('custody')}
          entry={custody}
          errors={errors}
        />
        <EntryList
          spec={CUSTODY_CHARGES}
          path="custody.charges"
          entries={custody.charges}
          errors={errors}
        />
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
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const values = formValues(event.currentTarget);
    const corrected = readEntry(HISTORY_FIELDS, SECTION('history'), history, values).value;
    const convictions = listEdit(CONVICTIONS, 'history.convictions', history.convictions, values);
    const pending = listEdit(PENDING_CASES, 'history.pendingCases', history.pendingCases, values);
    const changes = changedKeys(history, corrected);
    if (convictions.edit !== undefined) changes.convictions = convictions.edit;
    if (pending.edit !== undefined) changes.pendingCases = pending.edit;
    mutation.mutate({
      body: { history: changes },
      pairs: [...convictions.pairs, ...pending.pairs],
    });
  };
  return (
    <details className="desk-correction">
      <summary id={fieldId('history')}>
        Criminal history: the search, proof of status, convictions, pending cases
      </summary>
      {/* Keyed by the case version, so a reload shows the record as it is now. */}
      <form key={view.version} className="usa-form usa-form--large" onSubmit={submit} noValidate>
        {outcome}
        <EntryFields
          fields={HISTORY_FIELDS}
          place={SECTION('history')}
          entry={history}
          errors={errors}
        />
        <EntryList
          spec={CONVICTIONS}
          path="history.convictions"
          entries={history.convictions}
          errors={errors}
        />
        <EntryList
          spec={PENDING_CASES}
          path="history.pendingCases"
          entries={history.pendingCases}
          errors={errors}
        />
        <button className="usa-button" type="submit" disabled={mutation.isPending}>
          Save the criminal history corrections
        </button>
      </form>
    </details>
  );
}

/** The history's recorded database facts: warrants, gang, terrorist screening, removal. */
function FactsForm({ view, send }: { view: CaseRecord; send: SendRecord }) {
  const { mutation, errors, outcome } = useCorrection(view, send);
  const history = view.history as History;
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const values = formValues(event.currentTarget);
    const corrected = readEntry(FACT_FIELDS, SECTION('history'), history, values).value;
    mutation.mutate({ body: { history: changedKeys(history, corrected) }, pairs: [] });
  };
  return (
    <details className="desk-correction">
      <summary>
        Database checks: criminal warrant, gang, terrorist screening, removal and re-entry
      </summary>
      {/* Keyed by the case version, so a reload shows the record as it is now. */}
      <form key={view.version} className="usa-form usa-form--large" onSubmit={submit} noValidate>
        {outcome}
        <p>
          What the databases searched said of the person. A fact counts only when it came from a
          source the law accepts; an answer set to Not recorded removes the fact with its source and
          time.
        </p>
        <EntryFields
          fields={FACT_FIELDS}
          place={SECTION('history')}
          entry={history}
          errors={errors}
        />
        <button className="usa-button" type="submit" disabled={mutation.isPending}>
          Save the database checks
        </button>
      </form>
    </details>
  );
}

/** The correction's `judicialWarrant` is the record's `request.judicialWarrant`. */
const WARRANT_PAIRS: readonly PathPair[] = [['judicialWarrant', 'request.judicialWarrant']];

function WarrantForm({ view, send }: { view: CaseRecord; send: SendRecord }) {
  const { mutation, errors, outcome } = useCorrection(view, send);
  const warrant = (view.request as Request).judicialWarrant;
  const drawn: Warrant = warrant ?? { presented: 'unknown', issuer: 'unknown' };
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const values = formValues(event.currentTarget);
    if (values.text('request.judicialWarrant.remove') === 'yes') {
      mutation.mutate({ body: { judicialWarrant: null }, pairs: WARRANT_PAIRS });
      return;
    }
    const corrected = readEntry(
      WARRANT_FIELDS,
      SECTION('request.judicialWarrant'),
      drawn,
      values,
    ).value;
    // Nothing changed is sent as no correction at all, for the API to say so.
    mutation.mutate({
      body: sameJson(corrected, drawn) ? {} : { judicialWarrant: corrected },
      pairs: WARRANT_PAIRS,
    });
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
        <EntryFields
          fields={WARRANT_FIELDS}
          place={SECTION('request.judicialWarrant')}
          entry={drawn}
          errors={errors}
        />
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
    const values = formValues(event.currentTarget);
    const corrected = readEntry(REQUEST_FIELDS, SECTION('request'), request, values);
    mutation.mutate({
      body: {
        request: changedKeys(request, corrected.value),
        reason: values.text('reason'),
      },
      pairs: corrected.pairs,
    });
  };
  return (
    <section aria-labelledby="correct-request-heading" className="desk-print-hide">
      <h2 id="correct-request-heading">Correct the request as recorded</h2>
      {/* Keyed by the case version, so a reload shows the record as it is now. */}
      <form key={view.version} className="usa-form usa-form--large" onSubmit={submit} noValidate>
        {outcome}
        <EntryFields
          fields={REQUEST_FIELDS}
          place={SECTION('request')}
          entry={request}
          errors={errors}
        />
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
