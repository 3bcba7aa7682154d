/**
 * The engine's decision as the API describes it in its OpenAPI document: the shapes of
 * src/engine/decision.ts, clause.ts and condition.ts, and the desk's record of a decision
 * (src/services/case-service.ts). The server sends the engine's objects as they are; these schemas
 * only describe them. The type checks at the end fail to compile when the engine's types drift
 * from them, and every answer of the API tests is checked against the document
 * (src/testing/openapi-conformance.ts).
 * @module
 */
import { z } from 'zod';
import { informationAnswerSchema, informationRequestSchema } from '../desk/information-request.js';
import type { ClauseRef } from '../engine/clause.js';
import type { MissingFact, TraceStep } from '../engine/condition.js';
import type { Decision } from '../engine/decision.js';
import type { DecisionView } from '../services/case-service.js';

const tri = z.union([z.boolean(), z.literal('unknown')]);
const status = z.enum(['required', 'allowed', 'not-allowed', 'needs-information']);
const action = z.enum(['hold', 'notify', 'transfer', 'information']);

export const clauseRefSchema = z
  .object({
    id: z.string().describe('Stable across versions, e.g. nyc.9-131.b.'),
    version: z.string().describe('The enactment this version comes from, e.g. LL58/2014.'),
    citation: z.string(),
    validFrom: z.string(),
    validTo: z.string().optional(),
    textSha256: z.string().describe('SHA-256 of the encoded text.'),
    url: z.string(),
    verification: z
      .enum(['verbatim', 'reconstructed', 'secondary', 'inferred', 'unverified', 'amendment'])
      .describe('How far the encoded text is backed by a primary source.'),
  })
  .meta({ id: 'ClauseRef' });

export const missingFactSchema = z
  .object({
    path: z
      .string()
      .describe('The fact’s JSON path in the case, e.g. request.judicialWarrant.withDetainer.'),
    question: z.string(),
    decidedBy: z.enum(['clerk', 'legal-reviewer']),
  })
  .meta({ id: 'MissingFact' });

const factValue = z.object({ path: z.string(), value: z.unknown() });

const considered = z.object({
  rule: z.string(),
  value: z.union([z.literal(false), z.literal('unknown')]),
  clauses: z.array(clauseRefSchema).readonly(),
  failed: z
    .array(
      z.object({
        condition: z.string(),
        reason: z.string().optional(),
        facts: z.array(factValue).readonly().optional(),
      }),
    )
    .readonly(),
});

const holdClock = z.object({
  startsAt: z.string(),
  until: z.string(),
  hours: z.number(),
  excludedDays: z
    .array(
      z.object({
        date: z.string(),
        reason: z.enum(['saturday', 'sunday', 'holiday']),
        holiday: z.string().optional(),
      }),
    )
    .readonly(),
});

const actionOutcome = z
  .object({
    action,
    item: z.string().optional().describe('For information requests: which item.'),
    status,
    explanation: z.string(),
    lawDate: z.object({
      date: z.string(),
      basis: z.enum(['otherwise-release-time', 'decision-time']),
      note: z.string().optional(),
    }),
    lawHash: z.string().describe('SHA-256 over every clause in force on the law date.'),
    controlling: z.array(clauseRefSchema).readonly(),
    considered: z.array(considered).readonly(),
    missing: z.array(missingFactSchema).readonly(),
    hold: z
      .object({
        rule: z.string(),
        clauses: z.array(clauseRefSchema).readonly(),
        until: z.string().optional(),
        clock: holdClock.optional(),
        missing: z.array(missingFactSchema).readonly().optional(),
      })
      .optional(),
    interpretations: z.array(z.string()).readonly(),
  })
  .meta({ id: 'ActionOutcome' });

const notice = z
  .object({ id: z.string(), text: z.string(), clauses: z.array(clauseRefSchema).readonly() })
  .meta({ id: 'Notice' });

const traceStep = z.object({
  condition: z.string(),
  cites: z.array(z.string()).readonly(),
  value: tri,
  reason: z.string().optional(),
  facts: z.array(factValue).readonly().optional(),
  missing: z.array(missingFactSchema).readonly().optional(),
});

export const decisionSchema = z
  .object({
    caseId: z.string().optional(),
    jurisdiction: z.object({ id: z.string(), name: z.string() }),
    timeZone: z.string(),
    outcomes: z.array(actionOutcome).readonly(),
    duties: z.array(notice).readonly(),
    cautions: z.array(notice).readonly(),
    unverified: z
      .array(clauseRefSchema)
      .readonly()
      .describe('Every clause relied on whose text is not verified verbatim.'),
    missing: z.array(missingFactSchema).readonly(),
    trace: z.array(traceStep).readonly().optional(),
  })
  .meta({ id: 'Decision' });

const custodyAction = z.enum(['hold', 'notify', 'transfer']);

export const decisionViewSchema = z
  .object({
    id: z.string(),
    decidedAt: z.string(),
    decidedBy: z.string(),
    status: z.string().describe('The review status: pending-review, confirmed, overridden, …'),
    decision: decisionSchema,
    override: z
      .array(z.object({ action: custodyAction, status: status.exclude(['needs-information']) }))
      .nullable(),
    overrideReason: z.string().nullable(),
    overrideBy: z.string().nullable(),
    reviewedBy: z.string().nullable(),
    reviewedAt: z.string().nullable(),
    effective: z.array(
      z.object({
        action: custodyAction,
        status,
        overridden: z.boolean(),
        holdUntil: z.string().optional(),
      }),
    ),
    warnings: z.array(z.object({ path: z.string(), message: z.string() })),
  })
  .describe('The frozen engine decision, its review and the effective outcomes.')
  .meta({ id: 'CaseDecision' });

export const informationRequestViewSchema = z
  .object({
    id: z.string(),
    caseId: z.string(),
    receivedAt: z.string(),
    request: informationRequestSchema,
    decision: decisionSchema.describe('The decision for each item asked for.'),
    status: z.enum(['open', 'answered']),
    answer: informationAnswerSchema.nullable().describe('What was answered; null while open.'),
    answeredAt: z.string().nullable(),
    answeredBy: z.string().nullable(),
  })
  .meta({ id: 'InformationRequest' });

/** Compiles only when `T` fits what schema `S` describes. */
type Fits<T, S extends z.ZodType> = T extends z.output<S> ? true : false;
type Assert<T extends true> = T;

// The engine's and the desk's types must fit the schemas: a field renamed or retyped fails here.
export type SchemasFitTheEngine = [
  Assert<Fits<ClauseRef, typeof clauseRefSchema>>,
  Assert<Fits<MissingFact, typeof missingFactSchema>>,
  Assert<Fits<TraceStep, typeof traceStep>>,
  Assert<Fits<Decision, typeof decisionSchema>>,
  Assert<Fits<DecisionView, typeof decisionViewSchema>>,
];
