/**
 * The case routes: intake, list, read, correct the record, decide, review, custody steps and ICE
 * information requests. Each handler only translates HTTP to a service call and back.
 * @module
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { rateLimiter } from 'hono-rate-limiter';
import { z } from 'zod';
import { CASE_STATUSES } from '../../desk/case-lifecycle.js';
import {
  informationAnswerSchema,
  informationRequestSchema,
} from '../../desk/information-request.js';
import {
  custodySchema,
  detainerRequestSchema,
  historySchema,
  intakeSchema,
  personSchema,
} from '../../desk/intake.js';
import { recordCorrectionSchema, requestCorrectionSchema } from '../../desk/record-correction.js';
import {
  ANONYMOUS,
  caseFilterSchema,
  correctRequest,
  listCases,
  readCase,
  recordIntake,
  updateRecord,
} from '../../services/case-service.js';
import {
  cancelDetainer,
  custodyStepSchema,
  notifyIce,
  recordRelease,
  releaseSchema,
  startHold,
} from '../../services/custody-service.js';
import type { DeskContext } from '../../services/desk-context.js';
import {
  answerInformationRequest,
  listInformationRequests,
  recordInformationRequest,
} from '../../services/information-service.js';
import {
  confirmDecision,
  decideCase,
  overrideSchema,
  proposeOverride,
  settleOverride,
} from '../../services/review-service.js';
import { actorOf, allow, etagOf, ifMatchOf, type DeskEnv } from '../desk-env.js';
import type { Permission } from '../../auth/roles.js';
import { decisionViewSchema, informationRequestViewSchema } from '../decision-schema.js';
import { integerParamOr } from '../integer-param.js';
import { problem, problemResponses, problemSchema } from '../problem.js';

const json = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const body = <S extends z.ZodType>(schema: S) => ({
  required: true,
  content: { 'application/json': { schema } },
});

const caseId = z.object({ id: z.string().describe('The case id.') });
// Required, as the document says; a request without it is answered 428 (not a 400), as RFC 6585
// asks, so the header stays optional to the validator.
const ifMatch = z.object({
  'if-match': z
    .string()
    .optional()
    .openapi({ param: { required: true } })
    .describe('The case version last read, as its ETag, e.g. "3". Missing: 428.'),
});

const stepResultSchema = z
  .object({ id: z.string(), version: z.number().int(), status: z.enum(CASE_STATUSES) })
  .meta({ id: 'StepResult' })
  .describe('The case after the step: its new version (also sent as the ETag) and status.');

const caseSummarySchema = z
  .object({
    id: z.string(),
    version: z.number().int(),
    status: z.enum(CASE_STATUSES),
    jurisdiction: z.string(),
    form: z.string(),
    receivedAt: z.string(),
    expectedReleaseAt: z.string().nullable(),
    holdUntil: z.string().nullable(),
    closedAs: z.string().nullable(),
  })
  .meta({ id: 'CaseSummary' });

const missingFactSchema = z
  .object({
    fact: z
      .string()
      .describe(
        'The fact as the engine names it in the decision, e.g. record.proofOfLawfulStatus.',
      ),
    field: z
      .string()
      .nullable()
      .describe(
        'The intake field that supplies it, as the corrections name it, e.g. ' +
          'history.proofOfLawfulStatus; null when no field of the desk’s record does.',
      ),
    step: z
      .enum(['update-record', 'correct-request'])
      .nullable()
      .describe(
        'The step that corrects the field: update-record (POST /api/cases/{id}/record) or ' +
          'correct-request (POST /api/cases/{id}/request, a reviewer’s).',
      ),
    suppliedBy: z
      .enum(['clerk', 'legal-reviewer'])
      .describe(
        'Who supplies it: a legal reviewer for the request’s fields and for facts the law leaves ' +
          'to legal judgement, a clerk otherwise.',
      ),
  })
  .meta({ id: 'MissingFactField' });

const caseViewSchema = caseSummarySchema
  .extend({
    person: personSchema,
    custody: custodySchema,
    history: historySchema,
    request: detainerRequestSchema,
    decision: decisionViewSchema.nullable(),
    missingFacts: z
      .array(missingFactSchema)
      .describe(
        'Each fact the current decision is missing (in any outcome), once, with the field of the ' +
          'record that supplies it; empty when there is no decision.',
      ),
    hold: z.object({ startedAt: z.string(), until: z.string(), overdue: z.boolean() }).nullable(),
    iceNotifiedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    events: z
      .array(
        z.object({
          kind: z.string().describe('What happened: received, decided, hold-started, released, …'),
          at: z.string().describe('When it happened.'),
          recordedBy: z.string(),
          recordedAt: z.string(),
          details: z.record(z.string(), z.unknown()).describe('What the step recorded.'),
        }),
      )
      .describe('The case’s timeline, oldest first.'),
    nextSteps: z.array(z.string()).describe('The steps the case may take next.'),
  })
  .meta({ id: 'Case' });

const tags = ['Cases'];

/**
 * Refused reads of a person's records are audited, so they are limited: each signed-in user, and
 * everyone not signed in together, may be refused this many reads per window before further reads
 * are answered 429 without touching the store. Granted reads do not count.
 */
export const REFUSED_READS = { windowMs: 15 * 60_000, limit: 100 } as const;

const refusedReadResponses = {
  429: {
    description: 'Too many refused reads: wait for the window to pass.',
    content: { 'application/problem+json': { schema: problemSchema } },
  },
};

export function registerCaseRoutes(app: OpenAPIHono<DeskEnv>, ctx: DeskContext): void {
  const refusedReads = rateLimiter<DeskEnv>({
    ...REFUSED_READS,
    standardHeaders: 'draft-7',
    keyGenerator: (c) => c.get('actor')?.username ?? ANONYMOUS,
    skip: (c) => c.req.method !== 'GET',
    skipSuccessfulRequests: true,
    handler: (c) =>
      problem(c, 'too-many-requests', 'too many refused reads of case files; wait 15 minutes'),
  });
  app.use('/api/cases/:id', refusedReads);
  app.use('/api/cases/:id/information-requests', refusedReads);
  app.use('/api/cases/:id/what-would-change', refusedReads);

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cases',
      tags,
      middleware: [allow('case.intake')] as const,
      summary: 'Record a detainer request received (idempotent)',
      description:
        'Stores the person, custody, criminal history and request. The same request submitted twice ' +
        'is one case: the second answer is 200 with the first case. With `decide=true` the engine ' +
        'decides it at once.',
      request: {
        query: z.object({ decide: z.enum(['true', 'false']).optional() }),
        body: body(intakeSchema),
      },
      responses: {
        201: json(stepResultSchema, 'The new case.'),
        200: json(stepResultSchema, 'The case already recorded for this request.'),
        ...problemResponses,
      },
    }),
    async (c) => {
      // The body was validated against intakeSchema on the way in; it is not validated again.
      const { id, created, version, status } = await recordIntake(
        ctx,
        actorOf(c),
        c.req.valid('json'),
        { decide: c.req.valid('query').decide === 'true' },
      );
      c.header('Location', `/api/cases/${id}`);
      c.header('ETag', etagOf(version));
      return c.json({ id, version, status }, created ? 201 : 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cases',
      tags,
      middleware: [allow('case.read')] as const,
      summary: 'List cases, newest first, with filters and pagination',
      request: {
        query: caseFilterSchema.extend({
          limit: integerParamOr(50, 1, 500),
          offset: integerParamOr(0, 0),
        }),
      },
      responses: {
        200: json(
          z.object({
            items: z.array(caseSummarySchema),
            total: z.number().int(),
            limit: z.number().int(),
            offset: z.number().int(),
          }),
          'A page of cases, without personal details.',
        ),
        ...problemResponses,
      },
    }),
    async (c) => c.json(await listCases(ctx, actorOf(c), c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cases/{id}',
      tags,
      summary: 'Read a case and the person’s record (audited, and so is a refusal)',
      request: { params: caseId },
      responses: {
        200: json(caseViewSchema, 'The case; its ETag is its version.'),
        ...problemResponses,
        ...refusedReadResponses,
      },
    }),
    async (c) => {
      // The service checks the role, so that it can audit a refusal too.
      const view = await readCase(ctx, c.get('actor'), c.req.valid('param').id);
      c.header('ETag', etagOf(view.version));
      return c.json(view, 200);
    },
  );

  const step = (
    permission: Permission,
    path: string,
    summary: string,
    description: string,
    schema: z.ZodType | undefined,
    run: (
      actor: ReturnType<typeof actorOf>,
      id: string,
      version: number | undefined,
      input: unknown,
    ) => Promise<{ version: number; status: string }>,
  ) => {
    app.openapi(
      createRoute({
        method: 'post',
        path: `/api/cases/{id}${path}`,
        tags,
        middleware: [allow(permission)] as const,
        summary,
        description,
        request: {
          params: caseId,
          headers: ifMatch,
          ...(schema === undefined ? {} : { body: body(schema) }),
        },
        responses: { 200: json(stepResultSchema, 'The case after the step.'), ...problemResponses },
      }),
      async (c) => {
        const id = c.req.valid('param').id;
        const input: unknown = schema === undefined ? undefined : await c.req.json();
        const { version, status } = await run(actorOf(c), id, ifMatchOf(c), input);
        c.header('ETag', etagOf(version));
        return c.json({ id, version, status: status as (typeof CASE_STATUSES)[number] }, 200);
      },
    );
  };

  step(
    'case.update',
    '/record',
    'Correct or complete the record, field by field',
    'Changes only the fields named: a field given replaces the one stored, `null` removes an ' +
      'optional field, and lists of entries take `replace`, `remove` and `add` by index or id ' +
      '(or `all` for a whole new list). A correction that changes nothing is refused. The case ' +
      'must be decided again.',
    recordCorrectionSchema,
    (actor, id, version, input) => updateRecord(ctx, actor, id, version, input),
  );
  step(
    'case.review',
    '/request',
    'Correct the detainer request as recorded',
    'A reviewer corrects fields of the request (when it was received, the form, the boxes ticked) ' +
      'with a written reason kept on the timeline; the case must be decided again.',
    requestCorrectionSchema,
    (actor, id, version, input) => correctRequest(ctx, actor, id, version, input),
  );
  step(
    'case.decide',
    '/decision',
    'Decide the case under the law in force',
    'Runs the law engine and freezes its decision with the law’s hash.',
    undefined,
    (actor, id, version) => decideCase(ctx, actor, id, version),
  );
  step(
    'case.review',
    '/decision/confirm',
    'Confirm the decision',
    'A reviewer confirms the engine’s decision.',
    z.strictObject({ note: z.string().max(2000).optional() }),
    (actor, id, version, input) => confirmDecision(ctx, actor, id, version, input),
  );
  step(
    'case.review',
    '/decision/override',
    'Propose an override',
    'A reviewer proposes other outcomes, with a written reason; a second person must approve.',
    overrideSchema,
    (actor, id, version, input) => proposeOverride(ctx, actor, id, version, input),
  );
  step(
    'case.approve',
    '/decision/override/approve',
    'Approve an override',
    'Someone other than the proposer approves it.',
    undefined,
    (actor, id, version) => settleOverride(ctx, actor, id, version, true),
  );
  step(
    'case.approve',
    '/decision/override/reject',
    'Reject an override',
    'Someone other than the proposer rejects it.',
    undefined,
    (actor, id, version) => settleOverride(ctx, actor, id, version, false),
  );
  step(
    'case.custody',
    '/hold',
    'Start the hold clock',
    'Only when the reviewed decision allows a hold; the clock ends at the lawful deadline.',
    custodyStepSchema,
    (actor, id, version, input) => startHold(ctx, actor, id, version, input),
  );
  step(
    'case.custody',
    '/ice-notice',
    'Record that ICE was told of the release',
    'Only when the reviewed decision allows notifying ICE.',
    custodyStepSchema,
    (actor, id, version, input) => notifyIce(ctx, actor, id, version, input),
  );
  step(
    'case.custody',
    '/release',
    'Record how custody ended',
    'Released, released despite the detainer, transferred to ICE, or ICE did not come within the hold.',
    releaseSchema,
    (actor, id, version, input) => recordRelease(ctx, actor, id, version, input),
  );
  step(
    'case.custody',
    '/cancellation',
    'Record ICE’s cancellation of the detainer',
    'Closes the case.',
    custodyStepSchema,
    (actor, id, version, input) => cancelDetainer(ctx, actor, id, version, input),
  );

  const informationSchema = informationRequestViewSchema;
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cases/{id}/information-requests',
      tags: ['Information requests'],
      middleware: [allow('information.handle')] as const,
      summary: 'Record an ICE request for information and decide what may be answered',
      request: { params: caseId, body: body(informationRequestSchema) },
      responses: {
        201: json(informationSchema, 'The request with the decision for each item.'),
        ...problemResponses,
      },
    }),
    async (c) =>
      c.json(
        await recordInformationRequest(
          ctx,
          actorOf(c),
          c.req.valid('param').id,
          c.req.valid('json'),
        ),
        201,
      ),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/cases/{id}/information-requests',
      tags: ['Information requests'],
      summary: 'List the information requests about a case (audited, and so is a refusal)',
      request: { params: caseId },
      responses: {
        200: json(z.array(informationSchema), 'The requests.'),
        ...problemResponses,
        ...refusedReadResponses,
      },
    }),
    // The service checks the role, so that it can audit a refusal too.
    async (c) =>
      c.json(await listInformationRequests(ctx, c.get('actor'), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/cases/{id}/information-requests/{requestId}/answer',
      tags: ['Information requests'],
      middleware: [allow('information.handle')] as const,
      summary: 'Record what was answered; items the law forbids are refused',
      request: {
        params: caseId.extend({ requestId: z.string() }),
        body: body(informationAnswerSchema),
      },
      responses: { 200: json(informationSchema, 'The answered request.'), ...problemResponses },
    }),
    async (c) => {
      const { id, requestId } = c.req.valid('param');
      return c.json(
        await answerInformationRequest(ctx, actorOf(c), id, requestId, c.req.valid('json')),
        200,
      );
    },
  );
}
