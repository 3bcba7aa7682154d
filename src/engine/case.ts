/**
 * The case format: what the engine is told about one detainer or information request, the
 * person's record, and the dates. One Zod schema gives the TypeScript type, the runtime check
 * with field-level errors, and the published JSON Schema (`schemas/case.schema.json`).
 *
 * Facts that can be unrecorded are three-valued (`true`, `false`, `"unknown"`); leaving one out
 * means "unknown". Lists of convictions and pending cases are only taken as complete when
 * `record.searchCompleted` is `true`.
 * @module
 */
import { z } from 'zod';
import { isLocalDate, isTimeZone, parseInstant } from './dates.js';
import { CaseError } from './errors.js';

export const triSchema = z
  .union([z.boolean(), z.literal('unknown')])
  .describe('A three-valued fact: true, false, or "unknown" (not recorded).');

export const localDateSchema = z
  .string()
  .refine(isLocalDate, 'must be a real calendar date written YYYY-MM-DD')
  .meta({ format: 'date' })
  .describe('A calendar date, YYYY-MM-DD.');

export const instantSchema = z
  .string()
  .refine(
    (value) => !Number.isNaN(parseInstant(value)),
    'must be an ISO 8601 date-time with an offset, e.g. 2024-03-08T18:00:00-05:00',
  )
  .meta({ format: 'date-time' })
  .describe('An instant: ISO 8601 date-time with an explicit offset or Z.');

export const SOURCES = Object.freeze([
  'e-justice-ny',
  'court',
  'government-entity',
  'federal-immigration-authorities',
  'agency-records',
  'other',
  'unknown',
] as const);

const sourceSchema = z
  .enum(SOURCES)
  .describe(
    'Where the fact came from: a DCJS e-JusticeNY search, a court, another governmental entity, ' +
      'federal immigration authorities, the agency’s own records, anything else, or not recorded. ' +
      'Some laws only accept facts from some sources.',
  );

/**
 * Free text as a record writes it, bounded: the desk stores and serves every record, so no field
 * may grow without limit.
 */
const recordText = (max: number) => z.string().min(1).max(max);

/** The most entries a list of the record may hold. */
export const MAX_RECORD_ENTRIES = 500;

export const recordedFactSchema = z
  .strictObject({
    value: triSchema,
    source: sourceSchema.default('unknown'),
    recordedAt: instantSchema.optional().describe('When the fact was recorded.'),
  })
  .describe('A recorded yes/no fact about the person, with its source.');

export const OFFENSE_LEVELS = Object.freeze([
  'felony',
  'misdemeanor',
  'violation',
  'infraction',
] as const);
export const levelSchema = z
  .enum(OFFENSE_LEVELS)
  .describe('Offence level, when the charge code does not carry it.');

const courtSchema = z
  .enum(['new-york', 'federal', 'other-state', 'unknown'])
  .describe('Which court system entered the judgment: New York, federal, another state.');

const periodSchema = z
  .strictObject({
    from: localDateSchema.describe('First day in custody.'),
    to: localDateSchema.optional().describe('Last day in custody; absent while still in custody.'),
  })
  .describe('A period of incarceration.');

export const convictionSchema = z
  .strictObject({
    id: recordText(100).optional().describe('The record’s own identifier for this entry.'),
    charge: recordText(200).describe(
      'The charge of conviction as the record writes it, e.g. "PL 120.05(2)", "120.05 02 D", ' +
        '"PL 110/160.15", "VTL 600.2(c)". New York charges are parsed; others are kept as text.',
    ),
    level: levelSchema.optional(),
    court: courtSchema,
    courtState: recordText(100).optional().describe('For another state’s court: which state.'),
    disposition: z
      .enum(['conviction', 'youthful-offender', 'juvenile-delinquent', 'unknown'])
      .describe(
        'What the entry records: a judgment of conviction, a youthful-offender adjudication ' +
          '(CPL art. 720 or a comparable status), or a juvenile-delinquency finding (FCA 301.2(1) ' +
          'or comparable). YO and JD adjudications are never convictions under NYC law.',
      ),
    offenseDate: localDateSchema.optional().describe('When the offence was committed.'),
    judgmentDate: localDateSchema.optional().describe('When judgment (CPL 1.20(15)) was entered.'),
    hateCrime: z
      .boolean()
      .optional()
      .describe('The conviction was for a hate crime (PL 485.05); absent means it was not.'),
    incarceration: z
      .array(periodSchema)
      .max(MAX_RECORD_ENTRIES)
      .optional()
      .describe(
        'Periods incarcerated for this conviction. An empty list means none; absent means not ' +
          'recorded. NYC’s five-year look-back is extended by time incarcerated for a violent or ' +
          'serious crime.',
      ),
    equivalence: z
      .strictObject({
        newYorkCharge: recordText(200).describe(
          'The New York felony the out-of-state or federal offence is equivalent to.',
        ),
        predicateFelony: triSchema.describe(
          'The conviction would be a predicate felony conviction under PL 70.06(1)(b)(i).',
        ),
        decidedBy: recordText(200).describe('The legal reviewer who made the finding.'),
        decidedOn: localDateSchema.describe('When the finding was made.'),
      })
      .optional()
      .describe(
        'A legal reviewer’s recorded finding for a federal or other-state conviction. Without it ' +
          'such a conviction cannot count under NYC law and the decision asks for legal review.',
      ),
    source: sourceSchema,
    recordedAt: instantSchema.optional().describe('When the entry was recorded.'),
  })
  .describe('One entry of the person’s criminal history: a conviction or adjudication.');

const pendingChargeSchema = z.strictObject({
  charge: recordText(200).describe('The pending charge as the record writes it.'),
  level: levelSchema.optional(),
  firearmOrAmmunition: z
    .boolean()
    .optional()
    .describe(
      'For PL 265.01: the charge relates to a firearm, rifle, shotgun, bullet or ammunition. Absent means not recorded.',
    ),
});

export const pendingCaseSchema = z
  .strictObject({
    id: recordText(100).optional().describe('The record’s own identifier for this entry.'),
    court: courtSchema,
    familyCourt: z.boolean().default(false).describe('The case is in family court.'),
    charges: z.array(pendingChargeSchema).min(1).max(MAX_RECORD_ENTRIES),
    disposition: z
      .enum(['pending', 'adjourned-in-contemplation-of-dismissal', 'conditional-discharge'])
      .default('pending')
      .describe(
        'Pending, or disposed of by an ACD (CPL 170.55/170.56) or a conditional discharge (CPL ' +
          '410.10), which older NYC laws say is not a pending case.',
      ),
    releasedUnderCpl17070: z
      .boolean()
      .optional()
      .describe(
        'The court released the defendant for failure to replace the misdemeanour complaint with ' +
          'an information (CPL 170.70). Absent means not recorded.',
      ),
    mustBeYouthfulOffender: triSchema
      .optional()
      .describe(
        'If convicted, the court must find the defendant a youthful offender (CPL 720.20(1)(b)).',
      ),
    source: sourceSchema,
    recordedAt: instantSchema.optional().describe('When the entry was recorded.'),
  })
  .describe('A criminal case against the person where judgment has not been entered.');

export const FORMS = Object.freeze([
  'I-247',
  'I-247D',
  'I-247N',
  'I-247X',
  'I-247A',
  'I-247G',
  'other',
] as const);
export const ACTIONS = Object.freeze(['hold', 'notify', 'transfer'] as const);
export const INFORMATION_ITEMS = Object.freeze([
  'release-date',
  'incarceration-status',
  'court-dates',
  'citizenship-or-immigration-status',
  'criminal-history',
  'personal-information',
  'other',
] as const);

export const REQUESTERS = Object.freeze([
  'ice',
  'cbp',
  'other-dhs-civil-ina',
  'other-federal-immigration-duties',
  'other-federal',
  'unknown',
] as const);

export const judicialWarrantSchema = z
  .strictObject({
    presented: triSchema.describe(
      'Federal immigration authorities presented a warrant signed by a judge.',
    ),
    withDetainer: triSchema
      .optional()
      .describe('The judicial warrant was presented at the time the detainer was presented.'),
    presentedAt: instantSchema.optional().describe('When the judicial warrant was presented.'),
    issuer: z
      .enum(['article-iii-judge', 'federal-magistrate-judge', 'state-judge', 'other', 'unknown'])
      .default('unknown')
      .describe(
        'Who issued it. An administrative warrant (I-200, I-205) is never a judicial warrant; ' +
          'record it under administrativeWarrants.',
      ),
    probableCause: triSchema.optional().describe('The warrant is based on probable cause.'),
    federalCriminalImmigrationLaw: triSchema
      .optional()
      .describe('The warrant is for a violation of federal criminal immigration law.'),
    judge: recordText(200).optional(),
    court: recordText(200).optional(),
    issuedOn: localDateSchema.optional(),
  })
  .describe('A warrant issued by a judge, presented with or after the request.');

const requestSchema = z
  .strictObject({
    kind: z
      .enum(['detainer', 'information-request'])
      .describe('A detainer (DHS I-247 family) or a request for information about a person.'),
    form: z.enum(FORMS).optional().describe('The DHS form, for a detainer.'),
    formRevision: z.string().optional().describe('The form’s revision date, e.g. "02/17".'),
    requester: z
      .enum(REQUESTERS)
      .default('ice')
      .describe(
        'Who asks: ICE, CBP, another DHS officer charged with civil INA enforcement, another ' +
          'federal officer whose duties include immigration-related criminal enforcement, any ' +
          'other federal officer, or not recorded.',
      ),
    actions: z
      .array(z.enum(ACTIONS))
      .optional()
      .describe(
        'What the detainer asks for. When absent it is read from the form: I-247, I-247D and ' +
          'I-247A ask to hold and notify; I-247N and I-247G to notify; I-247X to transfer.',
      ),
    information: z
      .array(z.enum(INFORMATION_ITEMS))
      .optional()
      .describe('For an information request: what is asked for.'),
    informationPurpose: z
      .enum([
        'civil-immigration-enforcement',
        'unrelated-to-civil-immigration-enforcement',
        'unknown',
      ])
      .default('unknown')
      .describe('Whether the request relates to the enforcement of civil immigration law.'),
    informationRequiredByLaw: triSchema
      .optional()
      .describe('Answering is otherwise required by law (e.g. a subpoena).'),
    informationPubliclyAvailable: triSchema
      .optional()
      .describe('The information asked for is already available to the public.'),
    receivedAt: instantSchema.optional().describe('When the agency received the request.'),
    judicialWarrant: judicialWarrantSchema.optional(),
    judicialProbableCauseDetermination: triSchema
      .optional()
      .describe('A federal judge or magistrate judge has made a probable-cause determination.'),
    administrativeWarrants: z
      .array(z.enum(['I-200', 'I-205']))
      .default([])
      .describe('Administrative warrants attached by DHS. These are not judicial warrants.'),
  })
  .describe('The request from federal authorities.');

export const recordSchema = z
  .strictObject({
    searchCompleted: triSchema
      .default('unknown')
      .describe(
        'A criminal-history search was completed, so the convictions and pending cases listed are ' +
          'all there are. When false or unknown, an empty list proves nothing.',
      ),
    searchedAt: instantSchema.optional().describe('When the search was run.'),
    convictions: z.array(convictionSchema).max(MAX_RECORD_ENTRIES).default([]),
    pendingCases: z.array(pendingCaseSchema).max(MAX_RECORD_ENTRIES).default([]),
    criminalWarrant: recordedFactSchema
      .optional()
      .describe('An outstanding criminal warrant in New York or another U.S. jurisdiction.'),
    knownGangMember: recordedFactSchema
      .optional()
      .describe('Identified as a known gang member in the NCIC database.'),
    terroristScreeningMatch: recordedFactSchema
      .optional()
      .describe('Identified as a possible match in the terrorist screening database.'),
    warrantOfRemoval: recordedFactSchema
      .optional()
      .describe('An outstanding warrant of removal (8 C.F.R. 241.2).'),
    finalOrderOfRemoval: recordedFactSchema
      .optional()
      .describe('Is or has been subject to a final order of removal (8 C.F.R. 1241.1).'),
    reenteredAfterRemoval: recordedFactSchema
      .optional()
      .describe('Illegally re-entered the country after a previous removal or return.'),
    proofOfLawfulStatus: triSchema
      .optional()
      .describe('The person has provided proof of U.S. citizenship or lawful immigration status.'),
  })
  .default({
    searchCompleted: 'unknown',
    convictions: [],
    pendingCases: [],
  })
  .describe('What the agency knows of the person: criminal history and database indications.');

export const californiaFindingsSchema = z
  .strictObject({
    seriousOrViolentFelonyConviction: triSchema
      .optional()
      .describe(
        'Convicted of a serious or violent felony (Penal Code 1192.7(c) or 667.5(c)); § 7282.5(a)(1).',
      ),
    statePrisonFelonyConviction: triSchema
      .optional()
      .describe(
        'Convicted of a felony punishable by imprisonment in state prison; § 7282.5(a)(2).',
      ),
    listedOffenseWithinLookback: triSchema
      .optional()
      .describe(
        'Convicted within 5 years of a listed wobbler misdemeanour or within 15 years of a listed ' +
          'felony (§ 7282.5(a)(3)).',
      ),
    sexOrArsonRegistrant: triSchema
      .optional()
      .describe('A current registrant on the California Sex and Arson Registry; § 7282.5(a)(4).'),
    aggravatedFelonyConviction: triSchema
      .optional()
      .describe('Convicted of a federal aggravated felony (8 U.S.C. 1101(a)(43)); § 7282.5(a)(5).'),
    federalFelonyWarrant: triSchema
      .optional()
      .describe(
        'Identified by ICE as the subject of an outstanding federal felony arrest warrant.',
      ),
    magistrateProbableCause: triSchema
      .optional()
      .describe(
        'Arrested and taken before a magistrate on a serious, violent or state-prison felony charge, ' +
          'with a probable-cause finding (Penal Code 872); § 7282.5(b).',
      ),
    detentionWouldViolateLaw: triSchema
      .optional()
      .describe(
        'Continued detention would violate a federal, state or local law or local policy (TRUST Act).',
      ),
  })
  .describe('Findings that California law asks for, made by the agency.');

export const caseSchema = z
  .strictObject({
    caseId: z.string().optional().describe('The agency’s identifier for the case.'),
    jurisdiction: z
      .string()
      .min(1)
      .describe(
        'Whose law decides: nyc-doc, nyc-nypd, nyc-probation, california, texas, illinois, oregon.',
      ),
    timeZone: z
      .string()
      .refine(isTimeZone, 'must be an IANA time zone, e.g. America/New_York')
      .optional()
      .describe('The agency’s time zone; defaults to the jurisdiction’s.'),
    decisionAt: instantSchema.describe('When the agency makes this decision.'),
    otherwiseReleaseAt: instantSchema
      .optional()
      .describe('When the person would otherwise be released; hold clocks start here.'),
    instantArrestDate: localDateSchema
      .optional()
      .describe(
        'The date of the arrest that brought the person into custody; look-backs end here.',
      ),
    request: requestSchema,
    record: recordSchema,
    findings: z
      .strictObject({ california: californiaFindingsSchema.optional() })
      .default({})
      .describe('Jurisdiction-specific findings made by the agency.'),
  })
  .describe('One detainer or information request to decide.');

/** A case as written (defaults may be left out). */
export type CaseInput = z.input<typeof caseSchema>;
/** A validated case with defaults filled in. */
export type Case = z.output<typeof caseSchema>;
export type Conviction = Case['record']['convictions'][number];
export type PendingCase = Case['record']['pendingCases'][number];
export type RecordedFact = NonNullable<Case['record']['criminalWarrant']>;
export type Source = (typeof SOURCES)[number];
export type Form = (typeof FORMS)[number];
export type RequestedAction = (typeof ACTIONS)[number];
export type InformationItem = (typeof INFORMATION_ITEMS)[number];
export type Requester = (typeof REQUESTERS)[number];

export const CASE_SCHEMA_ID = 'urn:detainer-desk:schema:case';

/** The published JSON Schema of the case format (what a case may be written as). */
export function caseJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(caseSchema, { io: 'input' });
  return { $schema, $id: CASE_SCHEMA_ID, title: 'Detainer Desk case', ...rest };
}

/** Validates untrusted input. Throws a CaseError naming every bad field. */
export function parseCase(input: unknown): Case {
  const result = caseSchema.safeParse(input);
  if (result.success) return result.data;
  throw new CaseError(
    'invalid-case',
    result.error.issues.map((issue) => ({ path: toPath(issue.path), message: issue.message })),
  );
}

function toPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(case)';
  return path
    .map((key, index) =>
      typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`,
    )
    .join('');
}
