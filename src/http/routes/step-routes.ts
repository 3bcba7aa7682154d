/**
 * The steps the signed-in person may take on a case now, so the web app offers only those and
 * holds no permission or lifecycle rule itself (src/services/case-steps.ts).
 * @module
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { CASE_STATUSES } from '../../desk/case-lifecycle.js';
import { stepsForActor } from '../../services/case-steps.js';
import type { DeskContext } from '../../services/desk-context.js';
import { actorOf, allow, etagOf, type DeskEnv } from '../desk-env.js';
import { problemResponses } from '../problem.js';

const caseStepsSchema = z
  .object({
    id: z.string(),
    version: z.number().int(),
    status: z.enum(CASE_STATUSES),
    steps: z
      .array(z.string())
      .describe(
        'The lifecycle steps from this status that this person’s role may take (never approving ' +
          'their own override). Taking one is still checked in full.',
      ),
  })
  .meta({ id: 'CaseSteps' });

export function registerStepRoutes(app: OpenAPIHono<DeskEnv>, ctx: DeskContext): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cases/{id}/steps',
      tags: ['Cases'],
      middleware: [allow('case.read')] as const,
      summary: 'The steps you may take on this case now',
      description: 'Reads only the case’s status and version, no personal details: not audited.',
      request: { params: z.object({ id: z.string().describe('The case id.') }) },
      responses: {
        200: {
          description: 'The case’s status, version (also its ETag) and your steps.',
          content: { 'application/json': { schema: caseStepsSchema } },
        },
        ...problemResponses,
      },
    }),
    async (c) => {
      const steps = await stepsForActor(ctx, actorOf(c), c.req.valid('param').id);
      c.header('ETag', etagOf(steps.version));
      return c.json(steps, 200);
    },
  );
}
