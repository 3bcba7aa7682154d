/**
 * The § 10-178(d) record of requests from non-local law enforcement agencies, and its quarterly
 * report. Recording and responding are for clerks and supervisors, reading the record for them and
 * auditors; the quarterly report is public (agencies, response kinds and counts: it names no one).
 * @module
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  enforcementRequestSchema,
  RECEIVING_AGENCIES,
  REQUESTING_AGENCIES,
  respondSchema,
  RESPONSE_KINDS,
  WITHHOLDING_GROUND_IDS,
} from '../../desk/enforcement-request.js';
import { quarterlyCsv } from '../../reports/quarterly-requests-output.js';
import type { DeskContext } from '../../services/desk-context.js';
import {
  listEnforcementRequests,
  quarterlyRequestsReport,
  recordEnforcementRequest,
  respondToEnforcementRequest,
} from '../../services/enforcement-request-service.js';
import { actorOf, allow, type DeskEnv } from '../desk-env.js';
import { integerParamOr } from '../integer-param.js';
import { problemResponses } from '../problem.js';

const tags = ['Requests from non-local law enforcement'];

const json = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const body = <S extends z.ZodType>(schema: S) => ({
  required: true,
  content: { 'application/json': { schema } },
});

const viewSchema = z
  .object({
    id: z.string(),
    receivingAgency: z.enum(RECEIVING_AGENCIES),
    receivingAgencyName: z.string().nullable(),
    receivingAgencyLabel: z.string(),
    requestingAgency: z.enum(REQUESTING_AGENCIES),
    requestingAgencyName: z.string().nullable(),
    requestingAgencyLabel: z.string(),
    receivedAt: z.string(),
    asked: z.string(),
    response: z
      .object({
        kind: z.enum(RESPONSE_KINDS),
        actions: z.string(),
        respondedAt: z.string(),
        respondedBy: z.string(),
      })
      .nullable()
      .describe('Null until the response is recorded.'),
    withheld: z
      .object({
        ground: z.enum(WITHHOLDING_GROUND_IDS),
        clause: z.string().describe('§ 10-178(d)(i) or (ii).'),
        reason: z.string(),
      })
      .nullable()
      .describe('Null when the request is in the quarterly report.'),
    recordedBy: z.string(),
    recordedAt: z.string(),
  })
  .meta({ id: 'EnforcementRequest' });

const agencyRefSchema = z.object({
  id: z.string().describe('A known agency’s id, or the kind and the name given, lower-cased.'),
  label: z.string(),
});

const countsSchema = z
  .object({
    requests: z.number().int(),
    agreed: z.number().int(),
    declined: z.number().int(),
    partly: z.number().int(),
    noResponse: z.number().int().describe('No response recorded when the report was built.'),
  })
  .meta({ id: 'QuarterlyRequestCounts' });

const quarterlySchema = z
  .object({
    title: z.string(),
    quarter: z.object({
      id: z.string(),
      from: z.string(),
      to: z.string(),
      label: z.string(),
      timeZone: z.string(),
    }),
    law: z.object({
      clauseId: z.string(),
      version: z.string(),
      citation: z.string(),
      url: z.string(),
      verification: z.string(),
    }),
    required: z.boolean().describe('Whether § 10-178(d) required a report for the quarter.'),
    requiredBecause: z.string(),
    submittedTo: z.string(),
    headline: z.string(),
    rows: z
      .array(
        z.object({
          requestingAgency: agencyRefSchema,
          receivingAgency: agencyRefSchema,
          counts: countsSchema,
        }),
      )
      .readonly()
      .describe('Each requesting × receiving agency pair with a reported request.'),
    byRequestingAgency: z
      .array(z.object({ agency: agencyRefSchema, counts: countsSchema }))
      .readonly(),
    byReceivingAgency: z
      .array(z.object({ agency: agencyRefSchema, counts: countsSchema }))
      .readonly(),
    total: countsSchema,
    withheld: z
      .array(
        z.object({
          ground: z.enum(WITHHOLDING_GROUND_IDS),
          clause: z.string(),
          statute: z.string(),
          requests: z.number().int(),
        }),
      )
      .readonly()
      .describe('How many requests were left out on each ground, and nothing else about them.'),
    parts: z
      .array(
        z.object({
          id: z.enum(['record', 'disaggregation', 'withholding', 'other-reports']),
          statute: z.string().describe('The words of § 10-178(d) this part answers.'),
          method: z.string(),
        }),
      )
      .readonly(),
    notes: z.array(z.string()).readonly(),
    dataAsOf: z.string(),
    audit: z.object({
      size: z.number().int(),
      rootSha256: z.string(),
      checkpoint: z.string().optional(),
    }),
  })
  .meta({ id: 'QuarterlyRequestsReport' });

export function registerEnforcementRequestRoutes(
  app: OpenAPIHono<DeskEnv>,
  ctx: DeskContext,
): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/enforcement-requests',
      tags,
      middleware: [allow('enforcement-request.record')] as const,
      summary: 'Record a request from a non-local law enforcement agency (§ 10-178(d))',
      description:
        'A request for the city’s support or assistance intended to further immigration ' +
        'enforcement, with the response if there is one yet. Anonymized: agencies and short ' +
        'text, never a person; text shaped like an identifier is refused. Audited.',
      request: { body: body(enforcementRequestSchema) },
      responses: {
        201: json(viewSchema, 'The request as recorded.'),
        ...problemResponses,
      },
    }),
    async (c) => {
      const view = await recordEnforcementRequest(ctx, actorOf(c), c.req.valid('json'));
      c.header('Location', `/api/enforcement-requests/${view.id}`);
      return c.json(view, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/enforcement-requests/{id}/response',
      tags,
      middleware: [allow('enforcement-request.record')] as const,
      summary: 'Record the response to a request and the actions taken',
      description:
        'Once per request (409 after). Not dated in the future nor before the request. ' +
        '`withheld` leaves the request out of the quarterly report on a ground of § 10-178(d).',
      request: {
        params: z.object({ id: z.string().max(100).describe('The request’s id.') }),
        body: body(respondSchema),
      },
      responses: {
        200: json(viewSchema, 'The request with its response.'),
        ...problemResponses,
      },
    }),
    async (c) =>
      c.json(
        await respondToEnforcementRequest(
          ctx,
          actorOf(c),
          c.req.valid('param').id,
          c.req.valid('json'),
        ),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/enforcement-requests',
      tags,
      middleware: [allow('enforcement-request.read')] as const,
      summary: 'The requests recorded, the latest received first, a page at a time',
      request: {
        query: z.object({
          offset: integerParamOr(0, 0),
          limit: integerParamOr(20, 1, 200),
          status: z
            .enum(['open', 'responded'])
            .optional()
            .describe('Only those without a response yet, or only those with one.'),
        }),
      },
      responses: {
        200: json(
          z.object({
            items: z.array(viewSchema),
            total: z.number().int(),
            limit: z.number().int(),
            offset: z.number().int(),
          }),
          'A page of requests and how many there are.',
        ),
        ...problemResponses,
      },
    }),
    async (c) => c.json(await listEnforcementRequests(ctx, actorOf(c), c.req.valid('query')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/quarterly-reports/{quarter}',
      tags,
      security: [],
      summary: 'The § 10-178(d) quarterly report for a calendar quarter (public)',
      description:
        'Public: the requests received in the quarter, by requesting and receiving agency, with ' +
        'the responses counted by kind; withheld requests left out, with how many on each ' +
        'ground. Agencies and counts only: no words of any record. `format=csv` gives the same ' +
        'figures as a download.',
      request: {
        params: z.object({
          quarter: z
            .string()
            .max(10)
            .describe('A calendar quarter that has ended, e.g. 2026Q1 (January to March).'),
        }),
        query: z.object({ format: z.enum(['json', 'csv']).default('json') }),
      },
      responses: {
        200: {
          description: 'The report.',
          content: {
            'application/json': { schema: quarterlySchema },
            'text/csv': { schema: z.string() },
          },
        },
        ...problemResponses,
      },
    }),
    async (c) => {
      const report = await quarterlyRequestsReport(ctx, c.req.valid('param').quarter);
      if (c.req.valid('query').format === 'json') return c.json(report, 200);
      c.header('content-disposition', `attachment; filename="10-178-${report.quarter.id}.csv"`);
      return c.body(quarterlyCsv(report), 200, { 'content-type': 'text/csv; charset=utf-8' });
    },
  );
}
