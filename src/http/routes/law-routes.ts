/**
 * The law, public: the statute text and sources of the clauses decisions cite (the web app's case
 * page shows each controlling clause beside its text), and a charge code read as the engine reads
 * it beside the crime list's entries for it (the intake form's charge autocomplete).
 * @module
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { chargeQuerySchema, lookUpCharge } from '../../services/charge-lookup.js';
import { clauseQuerySchema, clauseTexts } from '../../services/law-text.js';
import type { DeskEnv } from '../desk-env.js';
import { problemResponses } from '../problem.js';

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
    verification: z.enum(['verbatim', 'reconstructed', 'secondary', 'inferred', 'unverified']),
    note: z.string().nullable(),
  })
  .meta({ id: 'ClauseText' });

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
}
