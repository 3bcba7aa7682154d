/**
 * ICE's public detainer releases, counted: the same questions as `detainer-desk ice stats |
 * refusers | series`, for a page of linked tables and a time-series chart in the manner of TRAC's
 * detainer tool. Public, without sign-in: the data is ICE's published FOIA data and every answer is
 * an aggregate (no row, no person id). Each row carries the filter that drills into it; every
 * answer carries its caveats in words.
 * @module
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import type { IceDatabaseSource } from '../../ice/ice-database.js';
import {
  iceImports,
  iceRefusers,
  iceSeries,
  iceStats,
  SERIES_INTERVALS,
} from '../../ice/analysis/ice-stats.js';
import { iceNycComparison } from '../../ice/analysis/nyc-comparison.js';
import { DIMENSIONS, statsFilterSchema } from '../../ice/analysis/stats-request.js';
import { SYNTHETIC_RELEASE_LABEL } from '../../ice/synthetic-release.js';
import type { DeskEnv } from '../desk-env.js';
import { integerParam, integerParamOr } from '../integer-param.js';
import { problemResponses } from '../problem.js';

const tags = ['ICE detainer data'];

const filterQuery = statsFilterSchema.omit({ includeDuplicates: true }).extend({
  import: integerParam(1).optional().describe('Only rows from this import.'),
  includeDuplicates: z
    .enum(['true', 'false'])
    .optional()
    .describe('true: count rows flagged as likely duplicates (left out by default).'),
});
type FilterQuery = z.output<typeof filterQuery>;

const filterOf = ({ includeDuplicates, ...filter }: FilterQuery) => ({
  ...filter,
  includeDuplicates: includeDuplicates === 'true',
});

/** `year,outcome`: the allowed values, in the document as well as in the check. */
const BY_PATTERN = new RegExp(`^(${DIMENSIONS.join('|')})(,(${DIMENSIONS.join('|')}))*$`);

function byProblem(by: string): string {
  const unknown = by.split(',').filter((name) => !(DIMENSIONS as readonly string[]).includes(name));
  return unknown.length > 0 && unknown.every((name) => name.trim() !== '')
    ? `unknown dimension ${unknown.map((name) => `"${name}"`).join(', ')}; allowed: ${DIMENSIONS.join(', ')}`
    : `must be dimensions separated by commas, without spaces: ${DIMENSIONS.join(', ')}`;
}

const count = z.number().int();
const countsShape = {
  detainers: count,
  booked: count.describe('Lift reason "Booked into Detention".'),
  declined: count.describe('Lift reason "Detainer Declined by LEA" (undercounted: see caveats).'),
  lifted: count.describe('Lifted by ICE (prosecutorial discretion, case closed, not removable…).'),
  blank: count.describe('No lift reason recorded.'),
  other: count.describe('Other lift reasons, listed in `otherLiftReasons`.'),
  declineRate: z.number().nullable().describe('declined ÷ detainers; null when there are none.'),
  declineRateOfRecorded: z
    .number()
    .nullable()
    .describe('declined ÷ detainers with a recorded lift reason; null when there are none.'),
};
const drillSchema = z
  .record(z.string(), z.unknown())
  .describe('The query parameters that select exactly this row’s detainers.');
const rowSchema = z
  .object({
    key: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
    ...countsShape,
    agencyInferred: z.boolean().describe('The agency was matched by an inferred name pattern.'),
    drill: drillSchema.nullable(),
  })
  .meta({ id: 'IceStatsRow' });
const caveatSchema = z.object({ id: z.string(), text: z.string() }).meta({ id: 'IceCaveat' });
const syntheticSchema = z
  .boolean()
  .describe(
    `The demo's made-up release, labelled "${SYNTHETIC_RELEASE_LABEL}": its figures are not ICE's.`,
  );
const coverageSchema = z.object({
  imports: z.array(
    z.object({
      importId: count,
      fileName: z.string(),
      format: z.string(),
      synthetic: syntheticSchema,
    }),
  ),
  from: z.string().nullable(),
  to: z.string().nullable(),
});
const answerShape = {
  filter: z.record(z.string(), z.unknown()),
  totals: z.object(countsShape),
  duplicates: z.object({ included: z.boolean(), count }),
  otherLiftReasons: z.array(z.object({ value: z.string(), known: z.boolean(), detainers: count })),
  coverage: coverageSchema,
  caveats: z.array(caveatSchema),
};
const json = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export function registerIceRoutes(app: OpenAPIHono<DeskEnv>, ice: IceDatabaseSource): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/ice/stats',
      tags,
      security: [],
      summary: 'Count ICE detainers grouped by dimensions (public)',
      description:
        'Counts by outcome and decline rates for each group; a `facility` group also groups by ' +
        '`state`. Likely duplicates are left out unless `includeDuplicates=true`.',
      request: {
        query: filterQuery.extend({
          by: z
            .string()
            .max(200)
            .refine((by) => BY_PATTERN.test(by), {
              error: (issue) => byProblem(String(issue.input)),
            })
            .openapi({ pattern: BY_PATTERN.source })
            .optional()
            .describe(`Comma-separated dimensions: ${DIMENSIONS.join(', ')}.`),
        }),
      },
      responses: {
        200: json(
          z
            .object({ by: z.array(z.enum(DIMENSIONS)), rows: z.array(rowSchema), ...answerShape })
            .meta({ id: 'IceStats' }),
          'The groups, totals, coverage and caveats.',
        ),
        ...problemResponses,
      },
    }),
    async (c) => {
      const { by, ...filter } = c.req.valid('query');
      return c.json(
        await ice.use((db) => iceStats(db, { by: by ?? '', filter: filterOf(filter) })),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/ice/refusers',
      tags,
      security: [],
      summary: 'Facilities by recorded declines (public)',
      description:
        'The `top` facilities with at least `minDetainers` detainers, most declines first; the ' +
        'totals are over every facility.',
      request: {
        query: filterQuery.extend({
          top: integerParamOr(20, 1, 500),
          minDetainers: integerParamOr(50, 1),
        }),
      },
      responses: {
        200: json(
          z
            .object({
              rows: z.array(rowSchema),
              ...answerShape,
              top: count,
              minDetainers: count,
              facilities: count,
              facilitiesAtThreshold: count,
            })
            .meta({ id: 'IceRefusers' }),
          'The facilities, totals, coverage and caveats.',
        ),
        ...problemResponses,
      },
    }),
    async (c) => {
      const { top, minDetainers, ...filter } = c.req.valid('query');
      return c.json(
        await ice.use((db) => iceRefusers(db, { filter: filterOf(filter), top, minDetainers })),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/ice/series',
      tags,
      security: [],
      summary: 'Counts per month or year, without gaps, for a chart (public)',
      request: {
        query: filterQuery.extend({ interval: z.enum(SERIES_INTERVALS).default('month') }),
      },
      responses: {
        200: json(
          z
            .object({
              interval: z.enum(SERIES_INTERVALS),
              points: z.array(
                z.object({
                  period: z.union([z.string(), z.number()]),
                  ...countsShape,
                  drill: drillSchema,
                }),
              ),
              ...answerShape,
            })
            .meta({ id: 'IceSeries' }),
          'One point per period from the first to the last counted.',
        ),
        ...problemResponses,
      },
    }),
    async (c) => {
      const { interval, ...filter } = c.req.valid('query');
      return c.json(
        await ice.use((db) => iceSeries(db, { interval, filter: filterOf(filter) })),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/ice/imports',
      tags,
      security: [],
      summary: 'The imported releases: file name, format, counts and dates (public)',
      responses: {
        200: json(
          z
            .object({
              imports: z.array(
                z.object({
                  importId: count,
                  fileName: z.string(),
                  format: z.string(),
                  synthetic: syntheticSchema,
                  importedAt: z.string(),
                  rowsRead: count,
                  rowsLoaded: count,
                  rowsRejected: count,
                  likelyDuplicates: count,
                  firstDate: z.string().nullable(),
                  lastDate: z.string().nullable(),
                }),
              ),
              caveats: z.array(caveatSchema),
            })
            .meta({ id: 'IceImports' }),
          'Every import, oldest first.',
        ),
        ...problemResponses,
      },
    }),
    async (c) => c.json(await ice.use((db) => iceImports(db)), 200),
  );
  const counted = z.object(countsShape);
  const nycReading = z.object({
    basis: z.string().describe('The reading of the published period, e.g. "calendar year".'),
    from: z.string(),
    to: z.string(),
    releases: z
      .enum(['whole', 'part', 'none'])
      .describe('How much of the period the imported releases’ prepare dates span.'),
    agency: counted
      .extend({ drill: drillSchema })
      .describe('ICE’s detainers at the facilities matched to the agency.'),
    newYorkState: counted
      .extend({ drill: drillSchema })
      .describe('ICE’s detainers at every facility in New York State.'),
  });
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/ice/nyc',
      tags,
      security: [],
      summary: 'ICE’s records of New York City beside the agencies’ published figures (public)',
      description:
        'For each figure DOC and NYPD are reported to have published (the same as in ' +
        '`/api/dashboard`), and every reading of its period: the detainers ICE’s imported ' +
        'releases record at the facilities matched to that agency and in New York State, and ' +
        'how far the releases cover the period. Likely duplicates are left out. The two need ' +
        'not match: see the caveats.',
      responses: {
        200: json(
          z
            .object({
              figures: z.array(
                z.object({
                  jurisdiction: z.string(),
                  agency: z.string(),
                  agencyShort: z.string(),
                  published: z.string().describe('The period as the source names it.'),
                  periodNote: z.string(),
                  received: count.optional(),
                  honored: count.optional(),
                  transferred: count.optional(),
                  notHonored: count.optional(),
                  sources: z.array(z.object({ url: z.string(), note: z.string() })).readonly(),
                  verification: z.literal('secondary'),
                  readings: z.array(nycReading),
                }),
              ),
              releasesFrom: z.string().nullable(),
              releasesTo: z.string().nullable(),
              duplicates: z.object({ included: z.boolean(), count }),
              coverage: coverageSchema,
              caveats: z.array(caveatSchema),
            })
            .meta({ id: 'IceNycComparison' }),
          'Each published figure with ICE’s counts for every reading of its period.',
        ),
        ...problemResponses,
      },
    }),
    async (c) => c.json(await ice.use((db) => iceNycComparison(db)), 200),
  );
}
