/**
 * Corrections of a case's record, field by field. A correction names only what changes: a field
 * given is replaced, `null` removes an optional field, and a field left out stays as stored. Lists
 * of entries (convictions, pending cases, custody charges) are edited entry by entry:
 *
 * - `replace: [{ at, with }]` puts a new entry in place of one stored;
 * - `remove: [at, …]` takes entries out;
 * - `add: [entry, …]` appends entries;
 * - `all: [entry, …]` replaces the whole list (alone: with no other edit of that list).
 *
 * `at` names a stored entry by its index in the list as stored (from 0) or by its `id`; every `at`
 * refers to the list before the edit, and may name an entry once. Replacements are made in place,
 * then removals, then additions at the end. Lists of ticked boxes (probable cause, priorities,
 * actions, administrative warrants) are small and given whole.
 *
 * No schema here has a default: a default would fill a field the correction left out and
 * overwrite what is stored.
 * @module
 */
import { z } from 'zod';
import {
  MAX_RECORD_ENTRIES,
  convictionSchema,
  instantSchema,
  localDateSchema,
  pendingCaseSchema,
  recordedFactSchema,
  triSchema,
} from '../engine/case.js';
import type { FieldIssue } from '../engine/errors.js';
import { DeskError } from './errors.js';
import { lawDateSchema } from './date-checks.js';
import {
  custodyChargeSchema,
  detainerRequestSchema,
  judicialWarrantInputSchema,
  personSchema,
  text,
  type Intake,
} from './intake.js';

const entryRef = z
  .union([z.number().int().min(0), z.string().min(1).max(100)])
  .describe('A stored entry: its index in the list as stored (from 0), or its id.');

function listEdit<S extends z.ZodType>(entry: S) {
  return z
    .strictObject({
      all: z.array(entry).max(MAX_RECORD_ENTRIES).optional().describe('The whole new list.'),
      replace: z
        .array(z.strictObject({ at: entryRef, with: entry }))
        .max(MAX_RECORD_ENTRIES)
        .optional()
        .describe('Entries put in place of stored ones.'),
      remove: z
        .array(entryRef)
        .max(MAX_RECORD_ENTRIES)
        .optional()
        .describe('Stored entries taken out.'),
      add: z.array(entry).max(MAX_RECORD_ENTRIES).optional().describe('Entries appended.'),
    })
    .refine((edit) => Object.keys(edit).length > 0, 'give all, replace, remove or add')
    .refine(
      (edit) => edit.all === undefined || Object.keys(edit).length === 1,
      'all replaces the whole list: give it alone',
    )
    .describe('An edit of a list: entries replaced, removed or added, or the whole list.');
}
type ListEdit<T> = {
  all?: T[];
  replace?: { at: number | string; with: T }[];
  remove?: (number | string)[];
  add?: T[];
};

const removable = <S extends z.ZodType>(schema: S) => schema.nullable().optional();

const atLeastOne = (value: object) => Object.keys(value).length > 0;

export const historyCorrectionSchema = z
  .strictObject({
    searchCompleted: triSchema.optional(),
    searchedAt: removable(instantSchema),
    convictions: listEdit(convictionSchema).optional(),
    pendingCases: listEdit(pendingCaseSchema).optional(),
    criminalWarrant: removable(recordedFactSchema),
    knownGangMember: removable(recordedFactSchema),
    terroristScreeningMatch: removable(recordedFactSchema),
    warrantOfRemoval: removable(recordedFactSchema),
    finalOrderOfRemoval: removable(recordedFactSchema),
    reenteredAfterRemoval: removable(recordedFactSchema),
    proofOfLawfulStatus: removable(triSchema),
  })
  .refine(atLeastOne, 'name at least one field of the history')
  .describe('Fields of the criminal history to change; the others stay as stored.')
  .meta({ id: 'HistoryCorrection' });

export const custodyCorrectionSchema = z
  .strictObject({
    facility: removable(text(200)),
    bookingNumber: text(50).optional(),
    instantArrestDate: removable(localDateSchema),
    charges: listEdit(custodyChargeSchema).optional(),
    expectedReleaseAt: removable(lawDateSchema),
  })
  .refine(atLeastOne, 'name at least one field of the custody')
  .describe('Fields of the custody to change; the others stay as stored.')
  .meta({ id: 'CustodyCorrection' });

const person = personSchema.shape;

export const personCorrectionSchema = z
  .strictObject({
    name: person.name.optional(),
    dateOfBirth: removable(person.dateOfBirth.unwrap()),
    nysid: removable(person.nysid.unwrap()),
    fbiNumber: removable(person.fbiNumber.unwrap()),
    aNumber: removable(person.aNumber.unwrap()),
    sex: removable(person.sex.unwrap()),
    citizenship: removable(person.citizenship.unwrap()),
  })
  .refine(atLeastOne, 'name at least one field of the person')
  .describe(
    'Fields of the person to change; the others stay as stored. A changed NYSID or A-number ' +
      'links the case to the person on record with it, or to a new one.',
  )
  .meta({ id: 'PersonCorrection' });

export const recordCorrectionSchema = z
  .strictObject({
    person: personCorrectionSchema.optional(),
    history: historyCorrectionSchema.optional(),
    custody: custodyCorrectionSchema.optional(),
    judicialWarrant: removable(judicialWarrantInputSchema).describe(
      'A judicial warrant that arrived after the request, or a correction of the one recorded.',
    ),
  })
  .refine(atLeastOne, 'give at least one of person, history, custody or judicialWarrant')
  .describe(
    'A correction or completion of the record, field by field; the case must then be decided again.',
  )
  .meta({ id: 'RecordCorrection' });

const request = detainerRequestSchema.shape;

/** The request's fields a reviewer may correct (the judicial warrant is the record's). */
export const requestCorrectionSchema = z
  .strictObject({
    request: z
      .strictObject({
        form: request.form.optional(),
        formRevision: removable(request.formRevision.unwrap()),
        subjectId: removable(request.subjectId.unwrap()),
        eventNumber: removable(request.eventNumber.unwrap()),
        fileNumber: removable(request.fileNumber.unwrap()),
        issuedOn: removable(request.issuedOn.unwrap()),
        issuingOffice: removable(request.issuingOffice.unwrap()),
        issuingOfficer: removable(request.issuingOfficer.unwrap()),
        requester: request.requester.unwrap().optional(),
        receivedAt: request.receivedAt.optional(),
        probableCause: request.probableCause.unwrap().optional(),
        priorities: request.priorities.unwrap().optional(),
        actions: removable(request.actions.unwrap()),
        administrativeWarrants: request.administrativeWarrants.unwrap().optional(),
        judicialProbableCauseDetermination: removable(
          request.judicialProbableCauseDetermination.unwrap(),
        ),
        servedOnPersonAt: removable(request.servedOnPersonAt.unwrap()),
      })
      .refine(atLeastOne, 'name at least one field of the request')
      .describe('Fields of the request to change; the others stay as stored.'),
    reason: z
      .string()
      .trim()
      .min(20, 'must explain the correction in at least 20 characters')
      .max(4000)
      .describe('Why the request as recorded was wrong; kept on the case’s timeline.'),
  })
  .describe('A reviewer’s correction of the detainer request as recorded, with the reason.')
  .meta({ id: 'RequestCorrection' });

export type RecordCorrection = z.output<typeof recordCorrectionSchema>;
export type RequestCorrection = z.output<typeof requestCorrectionSchema>;

/**
 * Applies a record correction to the intake as stored, giving the record to validate again as a
 * whole. Throws `invalid-input` naming the field when an entry named is not in its list.
 */
export function applyRecordCorrection(intake: Intake, correction: RecordCorrection): Intake {
  const issues: FieldIssue[] = [];
  const { person, history, custody, judicialWarrant } = correction;
  const next: Intake = {
    ...intake,
    person:
      person === undefined ? intake.person : merged(intake.person, person, 'person', issues, []),
    history:
      history === undefined
        ? intake.history
        : merged(intake.history, history, 'history', issues, ['convictions', 'pendingCases']),
    custody:
      custody === undefined
        ? intake.custody
        : merged(intake.custody, custody, 'custody', issues, ['charges']),
    request:
      judicialWarrant === undefined
        ? intake.request
        : merged(intake.request, { judicialWarrant }, 'request', issues, []),
  };
  if (issues.length > 0) throw DeskError.invalid(issues);
  return next;
}

/** Applies a reviewer's correction of the request to the intake as stored. */
export function applyRequestCorrection(intake: Intake, correction: RequestCorrection): Intake {
  return { ...intake, request: merged(intake.request, correction.request, 'request', [], []) };
}

/**
 * An object with the fields a correction names replaced (`null` removes one) and its listed
 * fields edited entry by entry.
 */
function merged<T extends object>(
  stored: T,
  correction: object,
  path: string,
  issues: FieldIssue[],
  lists: readonly string[],
): T {
  const result = new Map(Object.entries(stored));
  for (const [field, value] of Object.entries(correction)) {
    if (value === undefined) continue;
    if (value === null) result.delete(field);
    else if (lists.includes(field)) {
      const list = (result.get(field) ?? []) as unknown[];
      result.set(field, editedList(list, value as ListEdit<unknown>, `${path}.${field}`, issues));
    } else result.set(field, value);
  }
  return Object.fromEntries(result) as T;
}

function editedList<T>(
  stored: readonly T[],
  edit: ListEdit<T>,
  path: string,
  issues: FieldIssue[],
) {
  if (edit.all !== undefined) return edit.all;
  const named = new Set<number>();
  const indexOf = (at: number | string, where: string): number | undefined => {
    const matches =
      typeof at === 'number'
        ? at < stored.length
          ? [at]
          : []
        : stored.flatMap((entry, index) => ((entry as { id?: string }).id === at ? [index] : []));
    const problem =
      matches.length === 0
        ? `no entry ${JSON.stringify(at)} in the list as stored (${String(stored.length)} entries)`
        : matches.length > 1
          ? `${String(matches.length)} entries have the id ${JSON.stringify(at)}: name one by its index`
          : named.has(matches[0]!)
            ? 'names an entry another edit already names'
            : undefined;
    if (problem !== undefined) {
      issues.push({ path: `${path}.${where}`, message: problem });
      return undefined;
    }
    named.add(matches[0]!);
    return matches[0];
  };
  const result: (T | undefined)[] = [...stored];
  edit.replace?.forEach(({ at, with: entry }, position) => {
    const index = indexOf(at, `replace[${String(position)}].at`);
    if (index !== undefined) result[index] = entry;
  });
  edit.remove?.forEach((at, position) => {
    const index = indexOf(at, `remove[${String(position)}]`);
    if (index !== undefined) result[index] = undefined;
  });
  return [...result.filter((entry) => entry !== undefined), ...(edit.add ?? [])];
}

const SECTIONS = ['person', 'custody', 'history', 'request'] as const;

/**
 * The fields, one level inside each section, whose value differs between two records validated
 * by the intake schema (so their keys are in the same order).
 */
export function changedFields(before: Intake, after: Intake): string[] {
  const changed: string[] = [];
  for (const section of SECTIONS) {
    const was = before[section] as Record<string, unknown>;
    const is = after[section] as Record<string, unknown>;
    for (const field of new Set([...Object.keys(was), ...Object.keys(is)])) {
      if (JSON.stringify(was[field]) !== JSON.stringify(is[field])) {
        changed.push(`${section}.${field}`);
      }
    }
  }
  return changed;
}
