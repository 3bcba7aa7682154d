/**
 * The mandated reports. The duties, periods and figures are public (the law requires them
 * published); the cases behind a figure are for the roles that may open them, and reading them is
 * audited (src/services/report-service.ts).
 * @module
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { localDateSchema } from '../../engine/case.js';
import { reportCsv } from '../../reports/report-csv.js';
import { reportPdf } from '../../reports/report-pdf.js';
import type { DeskContext } from '../../services/desk-context.js';
import {
  dashboard,
  publicBreakdowns,
  publicReport,
  reportDuties,
  tracedReport,
} from '../../services/report-service.js';
import { actorOf, allow, type DeskEnv } from '../desk-env.js';
import { problemResponses } from '../problem.js';

const dutySchema = z
  .object({
    jurisdiction: z.string(),
    agency: z.string(),
    agencyShort: z.string(),
    periods: z
      .array(
        z.object({
          from: z.string(),
          to: z.string(),
          due: z.string(),
          label: z.string(),
          version: z.string(),
          citation: z.string(),
        }),
      )
      .readonly(),
  })
  .meta({ id: 'ReportDuty' });

const figureCommon = {
  id: z.string(),
  paragraph: z.string().describe('The statute’s paragraph, e.g. "2.iii".'),
  label: z.string(),
  statute: z.string().describe('The paragraph’s own words.'),
  method: z.string().describe('How the desk finds the figure in its records.'),
  interpretation: z.string().optional().describe('Where the desk reads the text: inferred.'),
};

const countedSchema = z.object({
  ...figureCommon,
  status: z.literal('counted'),
  unit: z.enum(['detainers', 'persons', 'requests', 'responses']),
  value: z.number().int(),
  unknown: z.number().int().describe('How many more may belong: the records do not say.'),
  caseIds: z.array(z.string()).readonly().optional().describe('Only in the report with its cases.'),
  unknownCaseIds: z.array(z.string()).readonly().optional(),
});

const omittedSchema = z.object({
  ...figureCommon,
  status: z.enum(['not-required', 'not-recorded']),
  reason: z.string(),
});

const auditSchema = z
  .object({
    size: z.number().int(),
    rootSha256: z.string(),
    checkpoint: z.string().optional().describe('The latest signed checkpoint at or below it.'),
  })
  .describe('The audit log the figures were built on.');

const reportSchema = z
  .object({
    jurisdiction: z.string(),
    agency: z.string(),
    agencyShort: z.string(),
    period: z.object({
      kind: z.enum(['statutory', 'custom']),
      from: z.string(),
      to: z.string(),
      due: z.string().optional(),
      label: z.string(),
    }),
    law: z.object({
      clauseId: z.string(),
      version: z.string(),
      citation: z.string(),
      url: z.string(),
      verification: z.string(),
    }),
    lawInForce: z.array(z.object({ version: z.string(), from: z.string() })).readonly(),
    headline: z.string(),
    method: z.array(z.string()).readonly(),
    figures: z.array(z.discriminatedUnion('status', [countedSchema, omittedSchema])).readonly(),
    dataAsOf: z.string(),
    audit: auditSchema,
  })
  .meta({ id: 'Report' });

const figureValueSchema = z
  .object({ value: z.number().int(), unknown: z.number().int() })
  .nullable()
  .describe('Null where the period’s text does not ask for the figure.');

const dashboardRowSchema = z.object({
  from: z.string(),
  to: z.string(),
  label: z.string(),
  kind: z.enum(['statutory', 'custom']),
  due: z.string().optional(),
  citation: z.string(),
  figures: z.object({
    received: figureValueSchema,
    held: figureValueSchema,
    transferred: figureValueSchema,
    'not-honored': figureValueSchema,
  }),
  reasons: z
    .array(
      z.object({
        sub: z.enum(['i', 'ii', 'iii', 'iv']),
        label: z.string(),
        value: z.number().int(),
        unknown: z.number().int(),
      }),
    )
    .readonly()
    .describe(
      'The reasons federal immigration authorities gave for the detainers received (the first paragraph’s (i)–(iv)), where the period’s text counts them; a detainer may give several.',
    ),
});

const dashboardSchema = z
  .object({
    dataAsOf: z.string(),
    audit: auditSchema,
    agencies: z
      .array(
        z.object({
          jurisdiction: z.string(),
          agency: z.string(),
          agencyShort: z.string(),
          periods: z.array(dashboardRowSchema).readonly(),
        }),
      )
      .readonly(),
    published: z
      .array(
        z.object({
          jurisdiction: z.string(),
          published: z.string().describe('The period as the source names it.'),
          periodNote: z.string(),
          received: z.number().int().optional(),
          honored: z.number().int().optional(),
          transferred: z.number().int().optional(),
          notHonored: z.number().int().optional(),
          sources: z.array(z.object({ url: z.string(), note: z.string() })).readonly(),
          verification: z.literal('secondary'),
          readings: z
            .array(
              z.object({
                basis: z.string(),
                from: z.string(),
                to: z.string(),
                computed: dashboardRowSchema
                  .nullable()
                  .describe('The desk’s figures where the reading is a statutory period.'),
              }),
            )
            .readonly(),
        }),
      )
      .readonly(),
  })
  .meta({ id: 'Dashboard' });

const publishedTotalSchema = z.object({
  key: z.string(),
  value: z.number().int().nullable(),
});

const breakdownsSchema = z
  .object({
    jurisdiction: z.string(),
    agencyShort: z.string(),
    period: z.object({
      kind: z.enum(['statutory', 'custom']),
      from: z.string(),
      to: z.string(),
      label: z.string(),
    }),
    columns: z
      .array(
        z.object({
          id: z.string(),
          label: z.string(),
          unit: z.enum(['detainers', 'persons', 'requests', 'responses']),
          total: z.number().int(),
        }),
      )
      .readonly(),
    tables: z
      .array(
        z.object({
          id: z.string(),
          dimension: z.enum(['month', 'facility', 'charge', 'nationality']),
          label: z.string(),
          withheld: z
            .boolean()
            .describe('No entry is published: the table could not be protected.'),
          rows: z.array(z.string()).readonly(),
          columns: z.array(z.string()).readonly(),
          cells: z
            .array(z.array(z.number().int().nullable()).readonly())
            .readonly()
            .describe('Null where suppressed; nothing says why.'),
          floors: z
            .array(z.array(z.number().int()).readonly())
            .readonly()
            .optional()
            .describe('What a reader knows each cell is at least (a named row has 11 or more).'),
          rowTotals: z.array(publishedTotalSchema).readonly().optional(),
          columnTotals: z.array(publishedTotalSchema).readonly().optional(),
          grandTotal: publishedTotalSchema.optional(),
        }),
      )
      .readonly(),
    method: z.array(z.string()).readonly(),
  })
  .meta({ id: 'Breakdowns' });

const reportParams = z.object({ jurisdiction: z.string().min(1).max(50) });
const reportQuery = z.object({
  from: localDateSchema.describe('First day of the period.'),
  to: localDateSchema.describe('Last day of the period; a day that has ended.'),
});

export function registerReportRoutes(app: OpenAPIHono<DeskEnv>, ctx: DeskContext): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/reports',
      tags: ['Reports'],
      security: [],
      summary: 'Each agency’s reporting duty and its statutory periods',
      description: 'Public. The periods that have ended, oldest first, with the text in force.',
      responses: {
        200: {
          description: 'Every reporting duty encoded.',
          content: { 'application/json': { schema: z.array(dutySchema).readonly() } },
        },
        ...problemResponses,
      },
    }),
    (c) => c.json(reportDuties(ctx), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/dashboard',
      tags: ['Reports'],
      security: [],
      summary: 'The public dashboard: every agency’s figures by period, and what was published',
      description:
        'Public. For each agency and statutory period, the received, held, transferred and ' +
        'not-honored figures the desk computes; and each figure the agencies are reported to ' +
        'have published, beside the desk’s figure for every reading of its period.',
      responses: {
        200: {
          description: 'The dashboard.',
          content: { 'application/json': { schema: dashboardSchema } },
        },
        ...problemResponses,
      },
    }),
    async (c) => c.json(await dashboard(ctx), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/reports/{jurisdiction}',
      tags: ['Reports'],
      security: [],
      summary: 'A mandated report for a period (public)',
      description:
        'Public: each figure with its definition, never a case. A statutory period gives the ' +
        'statutory report; any other period is built under the text in force on its last day ' +
        'and labelled as such. `format=csv` gives one row per figure; `format=pdf` the printable ' +
        'report (figures, chart, definitions, method and audit state), both as a download.',
      request: {
        params: reportParams,
        query: reportQuery.extend({ format: z.enum(['json', 'csv', 'pdf']).default('json') }),
      },
      responses: {
        200: {
          description: 'The report.',
          content: {
            'application/json': { schema: reportSchema },
            'text/csv': { schema: z.string() },
            'application/pdf': {
              schema: z.string().meta({ format: 'binary' }).describe('The report as a PDF.'),
            },
          },
        },
        ...problemResponses,
      },
    }),
    async (c) => {
      const { format, ...period } = c.req.valid('query');
      const report = await publicReport(ctx, c.get('actor'), {
        ...c.req.valid('param'),
        ...period,
      });
      if (format === 'json') return c.json(report, 200);
      const name = `${report.jurisdiction}-${report.period.from}-${report.period.to}.${format}`;
      c.header('content-disposition', `attachment; filename="${name}"`);
      if (format === 'pdf') {
        return c.body(new Uint8Array(await reportPdf(report)), 200, {
          'content-type': 'application/pdf',
        });
      }
      return c.body(reportCsv(report), 200, { 'content-type': 'text/csv; charset=utf-8' });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/reports/{jurisdiction}/breakdowns',
      tags: ['Reports'],
      security: [],
      summary: 'A statutory period’s figures by month, facility, charge and nationality (public)',
      description:
        'Public, for statutory periods that overlap no later one. Cells of 1 to 10 are ' +
        'suppressed, and more cells besides where needed, so that no suppressed value can be ' +
        'worked out from the totals, the other cells or the other tables (docs/reports.md).',
      request: { params: reportParams, query: reportQuery },
      responses: {
        200: {
          description: 'The suppressed tables.',
          content: { 'application/json': { schema: breakdownsSchema } },
        },
        ...problemResponses,
      },
    }),
    async (c) =>
      c.json(
        await publicBreakdowns(ctx, { ...c.req.valid('param'), ...c.req.valid('query') }),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/reports/{jurisdiction}/cases',
      tags: ['Reports'],
      middleware: [allow('report.cases')] as const,
      summary: 'A mandated report with the cases behind each figure (audited)',
      description:
        'The report with, for each figure, the ids of the cases it counts and of those the ' +
        'records cannot settle. For reviewers, supervisors and auditors; each read is recorded ' +
        'in the audit log.',
      request: { params: reportParams, query: reportQuery },
      responses: {
        200: {
          description: 'The report with its cases.',
          content: { 'application/json': { schema: reportSchema } },
        },
        ...problemResponses,
      },
    }),
    async (c) =>
      c.json(
        await tracedReport(ctx, actorOf(c), { ...c.req.valid('param'), ...c.req.valid('query') }),
        200,
      ),
  );
}
