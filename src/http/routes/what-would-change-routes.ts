/**
 * GET /api/cases/{id}/what-would-change: for each action of the case's decision, the smallest
 * sets of fact changes that would change it, each verified by deciding the changed case again.
 * @module
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { clauseRefSchema } from '../decision-schema.js';
import type { DeskContext } from '../../services/desk-context.js';
import { whatWouldChangeForCase } from '../../services/what-would-change-service.js';
import type { DeskEnv } from '../desk-env.js';
import { problemResponses, problemSchema } from '../problem.js';

const statusSchema = z.enum(['required', 'allowed', 'not-allowed', 'needs-information']);

const factChangeSchema = z
  .object({
    path: z
      .string()
      .describe(
        'The fact’s JSON path in the engine’s case, e.g. record.convictions[0].judgmentDate.',
      ),
    from: z.unknown().optional().describe('What the case records there now; absent when nothing.'),
    to: z.unknown().describe('The value that, with the set’s other changes, changes the outcome.'),
    words: z.string().describe('The change in plain English.'),
  })
  .meta({ id: 'FactChange' });

const changeSetSchema = z
  .object({
    changes: z.array(factChangeSchema).readonly(),
    status: statusSchema.exclude(['needs-information']).describe('The status once changed.'),
    controlling: z
      .array(clauseRefSchema)
      .readonly()
      .describe('The clauses controlling the changed outcome.'),
  })
  .meta({ id: 'ChangeSet' });

const whatWouldChangeSchema = z
  .object({
    caseId: z.string().optional(),
    jurisdiction: z.string(),
    decidedAt: z
      .string()
      .describe('The current decision’s time: the changed cases are decided as of it.'),
    maxFacts: z.number().int().describe('The most facts one set changes.'),
    complete: z
      .boolean()
      .describe(
        'False when the search stopped at its limit of decisions (a record with hundreds of ' +
          'entries): the sets given are verified, others may exist, and no action is said to be unchangeable.',
      ),
    outcomes: z
      .array(
        z.object({
          action: z.enum(['hold', 'notify', 'transfer', 'information']),
          item: z.string().optional(),
          status: statusSchema.describe('The status as the record stands.'),
          changeSets: z.array(changeSetSchema).readonly().describe('Fewest changes first.'),
          nothing: z
            .literal('nothing within these facts changes it')
            .optional()
            .describe('Present when no set was found.'),
        }),
      )
      .readonly(),
  })
  .meta({ id: 'WhatWouldChange' });

export function registerWhatWouldChangeRoutes(app: OpenAPIHono<DeskEnv>, ctx: DeskContext): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cases/{id}/what-would-change',
      tags: ['Cases'],
      summary: 'What would change each outcome of the case (audited, and so is a refusal)',
      description:
        'For each action of the current decision, the smallest sets of up to two fact changes that ' +
        'give it another decided status, each checked by deciding the changed case again, with ' +
        'the clauses that would then control; "nothing within these facts changes it" when none ' +
        'does. The record as it stands, decided as of the current decision. 409 before a decision.',
      request: { params: z.object({ id: z.string().describe('The case id.') }) },
      responses: {
        200: {
          description: 'What would change each outcome.',
          content: { 'application/json': { schema: whatWouldChangeSchema } },
        },
        ...problemResponses,
        429: {
          description: 'Too many refused reads: wait for the window to pass.',
          content: { 'application/problem+json': { schema: problemSchema } },
        },
      },
    }),
    // The service checks the role, so that it can audit a refusal too.
    async (c) =>
      c.json(await whatWouldChangeForCase(ctx, c.get('actor'), c.req.valid('param').id), 200),
  );
}
