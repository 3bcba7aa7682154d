/**
 * The law, public: each jurisdiction's law on a timeline and the law in force on a day, each
 * clause's text beside the rules encoded from it (the web app's law browser); the statute text and sources of the clauses decisions cite (the web app's case
 * page shows each controlling clause beside its text), and a charge code read as the engine reads
 * it beside the crime list's entries for it (the intake form's charge autocomplete).
 * @module
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { chargeQuerySchema, lookUpCharge } from '../../services/charge-lookup.js';
import {
  clauseQuerySchema,
  clauseTexts,
  lawInForce,
  lawQuerySchema,
  lawTimelines,
} from '../../services/law-text.js';
import type { DeskEnv } from '../desk-env.js';
import { problemResponses } from '../problem.js';

const verificationSchema = z.enum([
  'verbatim',
  'reconstructed',
  'secondary',
  'inferred',
  'unverified',
  'amendment',
]);
const actionSchema = z.enum(['hold', 'notify', 'transfer', 'information']);

const clauseTextSchema = z
  .object({
    id: z.string(),
    version: z.string(),
    citation: z.string(),
    title: z.string(),
    validFrom: z.string(),
    validTo: z.string().nullable(),
    effective: z.string().describe('How the dates follow from the enactment.'),
    text: z.string().describe('The encoded text, as enacted.'),
    textSha256: z.string().describe('The SHA-256 decisions carry for this text.'),
    url: z.string(),
    verification: verificationSchema,
    note: z.string().nullable(),
  })
  .meta({ id: 'ClauseText' });

const lawTimelineSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    timeZone: z.string(),
    lastVerifiedOn: z.string().describe('The last day the texts were checked against sources.'),
    periods: z.array(
      z.object({
        from: z.string(),
        to: z.string().nullable().describe('The last day of the period; null while in force.'),
        begins: z
          .array(
            z.object({
              id: z.string(),
              version: z.string(),
              citation: z.string(),
              verification: verificationSchema,
            }),
          )
          .describe('The clause versions that come into force on `from`.'),
      }),
    ),
  })
  .meta({ id: 'LawTimeline' });

const outcomeTextSchema = z.object({
  status: z.enum(['required', 'allowed', 'not-allowed']),
  explanation: z.string(),
  cites: z.array(z.string()).describe('The clause ids the outcome cites.'),
  holdLimit: z.string().nullable(),
});

const lawInForceSchema = z
  .object({
    jurisdiction: z.object({ id: z.string(), name: z.string() }),
    date: z.string(),
    from: z.string().describe('The first day of the period with the same law.'),
    hash: z.string().describe('The law hash decisions on this date carry.'),
    lastVerifiedOn: z.string(),
    unchecked: z.boolean().describe('The date is after the texts were last checked.'),
    decidedBy: z.array(z.object({ action: actionSchema, title: z.string(), clause: z.string() })),
    clauses: z.array(
      clauseTextSchema.extend({
        rules: z.array(
          z.object({
            action: actionSchema,
            title: z.string(),
            base: outcomeTextSchema,
            exceptions: z.array(outcomeTextSchema.extend({ label: z.string() })),
          }),
        ),
        defines: z.array(z.string()).describe('The terms the clause defines.'),
        duties: z.array(z.object({ id: z.string(), text: z.string() })),
        cautions: z.array(z.object({ id: z.string(), text: z.string() })),
      }),
    ),
  })
  .meta({ id: 'LawInForce' });

const chargeLookupSchema = z
  .object({
    charge: z.string().nullable().describe('The code as the engine reads it; null when it cannot.'),
    problem: z.string().nullable().describe('Why the code cannot be read.'),
    listed: z.array(
      z.object({
        code: z.string(),
        offense: z.string(),
        classText: z.string(),
        subparagraph: z.string(),
        listedFrom: z.string(),
        repealedOn: z.string().nullable(),
        verification: z.enum(['verbatim', 'inferred']),
      }),
    ),
  })
  .meta({ id: 'ChargeLookup' });

export function registerLawRoutes(app: OpenAPIHono<DeskEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/law/clauses',
      tags: ['Law'],
      security: [],
      summary: 'The text of a clause, each version or one',
      description: 'Public: the law names no one. An unknown id or version is an empty list.',
      request: { query: clauseQuerySchema },
      responses: {
        200: {
          description: 'The clause’s versions, oldest first.',
          content: { 'application/json': { schema: z.array(clauseTextSchema) } },
        },
        ...problemResponses,
      },
    }),
    (c) => c.json(clauseTexts(c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/law/charges',
      tags: ['Law'],
      security: [],
      summary: 'Read a charge code, beside the violent-or-serious crime list',
      description:
        'Public. The code as the engine reads it (or why it cannot), and the entries of NYC’s ' +
        'violent-or-serious crime list for its section, or for the sections that begin with ' +
        'what was typed. Information only: a conviction counts by the engine’s decision.',
      request: { query: chargeQuerySchema },
      responses: {
        200: {
          description: 'The reading and the list entries.',
          content: { 'application/json': { schema: chargeLookupSchema } },
        },
        ...problemResponses,
      },
    }),
    (c) => c.json(lookUpCharge(c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/law/jurisdictions',
      tags: ['Law'],
      security: [],
      summary: 'Each jurisdiction’s law on a timeline',
      description:
        'Public. The periods in which none of a jurisdiction’s clauses changes, oldest first, ' +
        'with the clause versions that come into force at the start of each.',
      responses: {
        200: {
          description: 'Every jurisdiction the engine decides for.',
          content: { 'application/json': { schema: z.array(lawTimelineSchema) } },
        },
        ...problemResponses,
      },
    }),
    (c) => c.json(lawTimelines(), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/law/in-force',
      tags: ['Law'],
      security: [],
      summary: 'The law of a jurisdiction in force on a day',
      description:
        'Public. Each clause in force with its text, id, version and verification, beside the ' +
        'rules, definitions, duties and cautions the engine encodes from it; which clause ' +
        'decides each action. An unknown jurisdiction is a 404.',
      request: { query: lawQuerySchema },
      responses: {
        200: {
          description: 'The law in force.',
          content: { 'application/json': { schema: lawInForceSchema } },
        },
        ...problemResponses,
      },
    }),
    (c) => c.json(lawInForce(c.req.valid('query')), 200),
  );
}
