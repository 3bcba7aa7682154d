/**
 * Case search by booking number, NYSID, A-number or name. The answer names people, so the search
 * is an audited read (src/services/case-search.ts).
 * @module
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { CASE_STATUSES } from '../../desk/case-lifecycle.js';
import { caseSearchSchema, searchCases } from '../../services/case-search.js';
import type { DeskContext } from '../../services/desk-context.js';
import { actorOf, allow, type DeskEnv } from '../desk-env.js';
import { integerParamOr } from '../integer-param.js';
import { problemResponses } from '../problem.js';

const hitSchema = z
  .object({
    id: z.string(),
    version: z.number().int(),
    status: z.enum(CASE_STATUSES),
    jurisdiction: z.string(),
    form: z.string(),
    receivedAt: z.string(),
    holdUntil: z.string().nullable(),
    name: z.string(),
    bookingNumber: z.string(),
    nysid: z.string().nullable(),
    aNumber: z.string().nullable(),
  })
  .meta({ id: 'CaseSearchHit' });

export function registerSearchRoutes(app: OpenAPIHono<DeskEnv>, ctx: DeskContext): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/search/cases',
      tags: ['Cases'],
      middleware: [allow('case.read')] as const,
      summary: 'Find cases by booking number, NYSID, A-number or name (audited)',
      description:
        'A booking number, NYSID or A-number matches whole (case does not matter; an A-number with ' +
        'or without its "A"); any other text matches part of the name. Newest first. The search ' +
        'is recorded in the audit log with the cases it showed.',
      request: {
        query: caseSearchSchema.extend({
          limit: integerParamOr(25, 1, 100),
          offset: integerParamOr(0, 0),
        }),
      },
      responses: {
        200: {
          description: 'A page of matching cases, with the person’s name and identifiers.',
          content: {
            'application/json': {
              schema: z.object({
                items: z.array(hitSchema),
                total: z.number().int(),
                limit: z.number().int(),
                offset: z.number().int(),
              }),
            },
          },
        },
        ...problemResponses,
      },
    }),
    async (c) => c.json(await searchCases(ctx, actorOf(c), c.req.valid('query')), 200),
  );
}
