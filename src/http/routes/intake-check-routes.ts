/**
 * Checking an intake without recording it, so the web form can show a field's problem as the
 * clerk leaves it: the same schema and the same service checks as POST /api/cases, nothing stored.
 * @module
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { intakeSchema } from '../../desk/intake.js';
import { checkIntake } from '../../services/case-service.js';
import type { DeskContext } from '../../services/desk-context.js';
import { actorOf, allow, type DeskEnv } from '../desk-env.js';
import { problemResponses } from '../problem.js';

export function registerIntakeCheckRoutes(app: OpenAPIHono<DeskEnv>, ctx: DeskContext): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cases/check',
      tags: ['Cases'],
      middleware: [allow('case.intake')] as const,
      summary: 'Check a detainer request without recording it',
      description:
        'Answers 204, or the 400 problem POST /api/cases would answer, field by field. Records, ' +
        'decides and audits nothing: it reads no record.',
      request: {
        body: { required: true, content: { 'application/json': { schema: intakeSchema } } },
      },
      responses: { 204: { description: 'POST /api/cases would accept it.' }, ...problemResponses },
    }),
    (c) => {
      checkIntake(ctx, actorOf(c), c.req.valid('json'));
      return c.body(null, 204);
    },
  );
}
