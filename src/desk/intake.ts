/**
 * What the intake clerk records: the person, the custody, the criminal history (with where each
 * entry came from and when) and the detainer request with every field of the DHS forms. One Zod
 * schema gives the type, the field-level errors and the OpenAPI document.
 * @module
 */
import { z } from 'zod';
import {
  ACTIONS,
  FORMS,
  MAX_RECORD_ENTRIES,
  REQUESTERS,
  instantSchema,
  judicialWarrantSchema,
  levelSchema,
  localDateSchema,
  recordSchema,
  triSchema,
} from '../engine/case.js';
import { JURISDICTIONS } from '../law/jurisdictions.js';
import { lawDateSchema } from './date-checks.js';

const JURISDICTION_IDS = JURISDICTIONS.map((jurisdiction) => jurisdiction.id);

export const text = (max: number) => z.string().trim().min(1).max(max);

/** The engine's record and warrant schemas, named so the OpenAPI document defines them once. */
export const historySchema = recordSchema.meta({ id: 'CriminalHistory' });
export const judicialWarrantInputSchema = judicialWarrantSchema.meta({ id: 'JudicialWarrant' });

export const personSchema = z
  .strictObject({
    name: text(200).describe('Full name as the detainer or the booking record writes it.'),
    dateOfBirth: localDateSchema.optional(),
    nysid: z
      .string()
      .regex(/^\d{7,8}[A-Z]$/, 'must be a NYSID: 7 or 8 digits and a check letter, e.g. 12345678K')
      .optional()
      .describe('New York State Identification number.'),
    fbiNumber: text(20).optional().describe('FBI number (UCN).'),
    aNumber: z
      .string()
      .regex(/^A?\d{8,9}$/, 'must be an alien registration number: 8 or 9 digits, e.g. A012345678')
      .optional()
      .describe('DHS alien registration number (A-number).'),
    sex: z.enum(['female', 'male', 'other', 'unknown']).optional(),
    citizenship: text(100).optional().describe('Citizenship as the detainer states it.'),
  })
  .describe('The person the request is about.')
  .meta({ id: 'Person' });

export const custodyChargeSchema = z.strictObject({
  charge: text(100),
  level: levelSchema.optional(),
});

export const custodySchema = z
  .strictObject({
    facility: text(200).optional().describe('The facility or precinct holding the person.'),
    bookingNumber: text(50).describe('The agency’s booking or inmate number.'),
    instantArrestDate: localDateSchema
      .optional()
      .describe('The date of the arrest that brought the person into custody.'),
    charges: z
      .array(custodyChargeSchema)
      .max(MAX_RECORD_ENTRIES)
      .default([])
      .describe('The charges the person is held on.'),
    expectedReleaseAt: lawDateSchema
      .optional()
      .describe(
        'When the person would otherwise be released, if known; the law in force then decides a hold.',
      ),
  })
  .describe('The custody the person is in.')
  .meta({ id: 'Custody' });

export const PROBABLE_CAUSE_BASES = [
  'final-order-of-removal',
  'removal-proceedings-pending',
  'biometric-and-database-check',
  'statements-or-other-evidence',
  'transferred-for-proceeding',
] as const;

export const ENFORCEMENT_PRIORITIES = [
  'national-security',
  'criminal-street-gang',
  'felony',
  'aggravated-felony',
  'significant-misdemeanor',
  'three-misdemeanors',
] as const;

export const detainerRequestSchema = z
  .strictObject({
    form: z.enum(FORMS).describe('The DHS form.'),
    formRevision: text(20).optional().describe('The form’s revision, e.g. "02/17".'),
    subjectId: text(50).optional(),
    eventNumber: text(50).optional(),
    fileNumber: text(50).optional(),
    issuedOn: localDateSchema.optional().describe('The date on the form.'),
    issuingOffice: text(200).optional().describe('The DHS office in the FROM field.'),
    issuingOfficer: z
      .strictObject({ name: text(200), title: text(200).optional() })
      .optional()
      .describe('The immigration officer who signed the form.'),
    requester: z.enum(REQUESTERS).default('ice'),
    receivedAt: lawDateSchema.describe('When the agency received the request.'),
    probableCause: z
      .array(z.enum(PROBABLE_CAUSE_BASES))
      .max(PROBABLE_CAUSE_BASES.length)
      .default([])
      .describe(
        'The ticked probable-cause boxes: I-247A Box 1 (1-4) or Box 2, I-247D section 1.B or 2.',
      ),
    priorities: z
      .array(z.enum(ENFORCEMENT_PRIORITIES))
      .max(ENFORCEMENT_PRIORITIES.length)
      .default([])
      .describe('The ticked enforcement-priority boxes of the I-247D / I-247N (section 1.A).'),
    actions: z
      .array(z.enum(ACTIONS))
      .max(ACTIONS.length)
      .optional()
      .describe('What is asked; read from the form when absent.'),
    administrativeWarrants: z
      .array(
        z.strictObject({
          form: z.enum(['I-200', 'I-205']),
          signedBy: text(200).optional(),
          signedOn: localDateSchema.optional(),
        }),
      )
      .max(10)
      .default([])
      .describe('Administrative warrants attached by DHS. These are never judicial warrants.'),
    judicialWarrant: judicialWarrantInputSchema.optional(),
    judicialProbableCauseDetermination: triSchema.optional(),
    servedOnPersonAt: instantSchema.optional().describe('When the form was served on the person.'),
  })
  .describe('A detainer request (DHS I-247 family).')
  .meta({ id: 'DetainerRequest' });

export const intakeSchema = z
  .strictObject({
    jurisdiction: z
      .enum(JURISDICTION_IDS as [string, ...string[]])
      .describe('Whose law decides: the agency’s jurisdiction.'),
    person: personSchema,
    custody: custodySchema,
    history: historySchema,
    request: detainerRequestSchema,
  })
  .describe('A detainer request received, with the person, custody and criminal history.')
  .meta({ id: 'Intake' });

export type Intake = z.output<typeof intakeSchema>;
export type IntakeInput = z.input<typeof intakeSchema>;
export type Person = z.output<typeof personSchema>;
export type Custody = z.output<typeof custodySchema>;
export type History = Intake['history'];
export type DetainerRequest = z.output<typeof detainerRequestSchema>;
