/**
 * The desk's record of requests from non-local law enforcement agencies for the city's support or
 * assistance intended to further immigration enforcement, which § 10-178(d) requires each agency
 * to keep "including any response or actions taken in response", for the quarterly report to the
 * Speaker (src/reports/quarterly-requests.ts).
 *
 * The record is about agencies, never people: the report is "an anonymized compilation or
 * summary". It has no field for a person; the free text (what was asked, what was done, why a
 * record is withheld) is short and refused when it holds something shaped like an identifier (an
 * A-number, a NYSID, a Social Security number, a date of birth, a long number such as a booking or
 * case number). A name cannot be recognised by shape: the forms and the docs say not to write one.
 * @module
 */
import { z } from 'zod';
import { instantSchema } from '../engine/case.js';
import { lawDateSchema } from './date-checks.js';

/** The desk's own agencies, and any other city agency named in words. */
export const RECEIVING_AGENCIES = ['nyc-doc', 'nyc-nypd', 'nyc-probation', 'other'] as const;
export type ReceivingAgency = (typeof RECEIVING_AGENCIES)[number];

export const RECEIVING_AGENCY_LABELS: Readonly<Record<ReceivingAgency, string>> = Object.freeze({
  'nyc-doc': 'Department of Correction',
  'nyc-nypd': 'Police Department',
  'nyc-probation': 'Department of Probation',
  other: 'Another city agency (named)',
});

/**
 * The non-local law enforcement agencies that ask most often, and two named in words: a state's
 * police (which state's) and any other.
 */
export const REQUESTING_AGENCIES = [
  'ice',
  'hsi',
  'cbp',
  'us-marshals',
  'fbi',
  'dea',
  'atf',
  'state-police',
  'other',
] as const;
export type RequestingAgency = (typeof REQUESTING_AGENCIES)[number];

export const REQUESTING_AGENCY_LABELS: Readonly<Record<RequestingAgency, string>> = Object.freeze({
  ice: 'U.S. Immigration and Customs Enforcement (ICE)',
  hsi: 'Homeland Security Investigations (HSI)',
  cbp: 'U.S. Customs and Border Protection (CBP)',
  'us-marshals': 'U.S. Marshals Service',
  fbi: 'Federal Bureau of Investigation (FBI)',
  dea: 'Drug Enforcement Administration (DEA)',
  atf: 'Bureau of Alcohol, Tobacco, Firearms and Explosives (ATF)',
  'state-police': 'A state’s police (named)',
  other: 'Another non-local law enforcement agency (named)',
});

/** The agencies whose record needs a name in words. */
const NAMED_RECEIVING: readonly ReceivingAgency[] = ['other'];
const NAMED_REQUESTING: readonly RequestingAgency[] = ['state-police', 'other'];

export const RESPONSE_KINDS = ['agreed', 'declined', 'partly'] as const;
export type ResponseKind = (typeof RESPONSE_KINDS)[number];

export const RESPONSE_KIND_LABELS: Readonly<Record<ResponseKind, string>> = Object.freeze({
  agreed: 'Agreed',
  declined: 'Declined',
  partly: 'Partly agreed',
});

/** The two grounds on which § 10-178(d) does not require a request disclosed, word for word. */
export const WITHHOLDING_GROUNDS = {
  investigation: {
    clause: '§ 10-178(d)(i)',
    text: 'such disclosure would interfere with law enforcement investigations',
  },
  'public-safety': {
    clause: '§ 10-178(d)(ii)',
    text: 'such disclosure is related to actions taken pursuant to clause (i) of subdivision e of this section and would compromise public safety',
  },
} as const;
export type WithholdingGround = keyof typeof WITHHOLDING_GROUNDS;
export const WITHHOLDING_GROUND_IDS = Object.keys(WITHHOLDING_GROUNDS) as [
  WithholdingGround,
  ...WithholdingGround[],
];

export const TEXT_LIMITS = { agencyName: 100, asked: 500, actions: 500, reason: 500 } as const;

/** Shapes that identify a person, with what to call them in a refusal. */
const IDENTIFIER_SHAPES: readonly (readonly [RegExp, string])[] = [
  [/\bA[- ]?\d{3}[- ]?\d{3}[- ]?\d{2,3}\b/i, 'an A-number'],
  [/\b\d{8}[A-Z]\b/i, 'a NYSID'],
  [/\b\d{3}-\d{2}-\d{4}\b/, 'a Social Security number'],
  [/\b(?:DOB|D\.O\.B\.?|date of birth|born on)\b/i, 'a date of birth'],
  [/\d{7,}/, 'a long number (a booking, case or other identifying number)'],
];

/** What in `text` looks like a person's identifier, if anything. */
export function identifierIn(text: string): string | undefined {
  return IDENTIFIER_SHAPES.find(([shape]) => shape.test(text))?.[1];
}

const anonymized = (schema: z.ZodString) =>
  schema.superRefine((text, ctx) => {
    const found = identifierIn(text);
    if (found !== undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `seems to hold ${found}: the record is anonymized, so write what was asked and done without identifying anyone`,
      });
    }
  });

/** Free text about a request: what was asked, what was done, why it is withheld. Never a name. */
const freeText = (max: number, min = 1) => anonymized(z.string().trim().min(min).max(max));

const agencyName = anonymized(
  z
    .string()
    .trim()
    .min(2)
    .max(TEXT_LIMITS.agencyName)
    .regex(
      /^\p{L}[\p{L}\p{N} .,'’&()/-]*$/u,
      "must start with a letter and hold only letters, digits, spaces and . , ' & ( ) / -",
    ),
).describe('The agency’s name in words, e.g. "New Jersey State Police".');

export const withholdingSchema = z
  .strictObject({
    ground: z
      .enum(WITHHOLDING_GROUND_IDS)
      .describe(
        '`investigation`: § 10-178(d)(i), disclosure would interfere with law enforcement ' +
          'investigations; `public-safety`: § 10-178(d)(ii), disclosure relates to actions ' +
          'under a cooperative arrangement of subdivision e(i) and would compromise public safety.',
      ),
    reason: freeText(TEXT_LIMITS.reason, 20).describe(
      'Why the ground applies, at least 20 characters, naming no person.',
    ),
  })
  .describe('The request is left out of the quarterly report, on one of the statute’s grounds.')
  .meta({ id: 'EnforcementRequestWithholding' });
export type Withholding = z.output<typeof withholdingSchema>;

const responseFields = {
  kind: z.enum(RESPONSE_KINDS).describe('Agreed, declined, or agreed in part.'),
  actions: freeText(TEXT_LIMITS.actions).describe(
    'The response and any actions taken, in words, at most 500 characters, naming no person.',
  ),
  respondedAt: instantSchema
    .optional()
    .describe('When the agency responded; now when absent. Not before the request.'),
};

export const enforcementResponseSchema = z
  .strictObject(responseFields)
  .describe('The agency’s response to the request and the actions taken.')
  .meta({ id: 'EnforcementRequestResponse' });
export type EnforcementResponse = z.output<typeof enforcementResponseSchema>;

/** Responding later: the response, and optionally a withholding decided with it. */
export const respondSchema = z
  .strictObject({
    ...responseFields,
    withheld: withholdingSchema.optional(),
  })
  .describe(
    'The response to a recorded request; `withheld` leaves it out of the quarterly report.',
  );
export type RespondInput = z.output<typeof respondSchema>;

export const enforcementRequestSchema = z
  .strictObject({
    receivingAgency: z
      .enum(RECEIVING_AGENCIES)
      .describe('The city agency that received the request: DOC, NYPD, Probation, or another.'),
    receivingAgencyName: agencyName
      .optional()
      .describe('Only for `other`: the city agency’s name, e.g. "Department of Sanitation".'),
    requestingAgency: z
      .enum(REQUESTING_AGENCIES)
      .describe('The non-local law enforcement agency that asked.'),
    requestingAgencyName: agencyName
      .optional()
      .describe('Only for `state-police` and `other`: the agency’s name in words.'),
    receivedAt: lawDateSchema.describe('When the request was received; not in the future.'),
    asked: freeText(TEXT_LIMITS.asked).describe(
      'The support or assistance asked for, in words, at most 500 characters, naming no person.',
    ),
    response: enforcementResponseSchema.optional(),
    withheld: withholdingSchema.optional(),
  })
  .superRefine((request, ctx) => {
    const named = (
      path: 'receivingAgencyName' | 'requestingAgencyName',
      needed: boolean,
      what: string,
    ) => {
      const given = request[path] !== undefined;
      if (needed && !given) {
        ctx.addIssue({ code: 'custom', path: [path], message: `is required for ${what}` });
      } else if (!needed && given) {
        ctx.addIssue({
          code: 'custom',
          path: [path],
          message: `is only for ${what}; the agency chosen has its own name`,
        });
      }
    };
    named(
      'receivingAgencyName',
      NAMED_RECEIVING.includes(request.receivingAgency),
      'another city agency',
    );
    named(
      'requestingAgencyName',
      NAMED_REQUESTING.includes(request.requestingAgency),
      'a state’s police or another agency',
    );
  })
  .describe(
    'A request from a non-local law enforcement agency for support or assistance intended to ' +
      'further immigration enforcement (§ 10-178(d)). Anonymized: it names agencies, never a person.',
  )
  .meta({ id: 'NewEnforcementRequest' });
export type NewEnforcementRequest = z.output<typeof enforcementRequestSchema>;

/** The agency as the report groups it: a known one by its id, a named one by its name. */
export interface AgencyRef {
  readonly id: string;
  readonly label: string;
}

/** Collapses spaces, so "New  Jersey State Police " and "New Jersey State Police" are one. */
const normalName = (name: string) => name.trim().replace(/\s+/g, ' ');

export function receivingAgencyRef(agency: string, name: string | null): AgencyRef {
  if (name !== null && NAMED_RECEIVING.includes(agency as ReceivingAgency)) {
    return { id: `${agency}:${normalName(name).toLowerCase()}`, label: normalName(name) };
  }
  const labels: Readonly<Record<string, string | undefined>> = RECEIVING_AGENCY_LABELS;
  return { id: agency, label: labels[agency] ?? agency };
}

export function requestingAgencyRef(agency: string, name: string | null): AgencyRef {
  if (name !== null && NAMED_REQUESTING.includes(agency as RequestingAgency)) {
    return { id: `${agency}:${normalName(name).toLowerCase()}`, label: normalName(name) };
  }
  const labels: Readonly<Record<string, string | undefined>> = REQUESTING_AGENCY_LABELS;
  return { id: agency, label: labels[agency] ?? agency };
}
