/**
 * The law's text, public: the statute text and sources of the clauses decisions cite, for the web
 * app's case page (each controlling clause beside its text) and anyone checking a decision.
 * @module
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
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
}
