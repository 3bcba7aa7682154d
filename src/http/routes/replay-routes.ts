/**
 * Replays under another law as jobs (src/services/replay-service.ts): start one, watch its
 * progress, read its result as JSON or CSV, cancel it. The cases are the desk's, a file's, or an
 * imported ICE release's rows. For reviewers, supervisors and auditors; a job is seen only by the
 * person who started it.
 * @module
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import type { IceDatabaseSource } from '../../ice/ice-database.js';
import type { DeskContext } from '../../services/desk-context.js';
import { MAX_RELEASE_ROWS } from '../../services/replay-release.js';
import {
  MAX_DESK_CASES,
  MAX_FILE_CASES,
  MAX_RUNNING,
  ReplayJobs,
} from '../../services/replay-service.js';
import { SKIP_REASONS } from '../../what-if/ice-release-cases.js';
import { amendmentSchema } from '../../what-if/amendment.js';
import { ANSWERS } from '../../what-if/replay.js';
import { replayCsv } from '../../what-if/replay-output.js';
import { DeskError } from '../../desk/errors.js';
import { actorOf, allow, type DeskEnv } from '../desk-env.js';
import { problemResponses, problemSchema } from '../problem.js';

const under = z
  .string()
  .min(1)
  .max(200)
  .describe(
    'The law to replay under: a jurisdiction ("texas": its law on each case’s dates), or a ' +
      'jurisdiction pinned to a version or a date ("nyc-nypd@LL21/2013", "nyc-doc@2016-05-01").',
  );

const sourceSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('desk'),
      jurisdiction: z.string().max(100).describe('The agency whose cases to replay.'),
      from: z.string().max(10).describe('First day received, YYYY-MM-DD.'),
      to: z.string().max(10).describe('Last day received, YYYY-MM-DD.'),
    }),
    z.strictObject({
      kind: z.literal('file'),
      text: z
        .string()
        .min(1)
        .describe('Cases as a JSON array, NDJSON (one case a line) or the intake CSV.'),
      format: z
        .enum(['json', 'ndjson', 'csv'])
        .optional()
        .describe('Read from the text when absent.'),
    }),
    z.strictObject({
      kind: z.literal('release'),
      release: z
        .number()
        .int()
        .min(1)
        .max(2_147_483_647)
        .describe('The import id of an ICE release, as `GET /api/ice/imports` lists them.'),
      state: z
        .string()
        .min(1)
        .max(60)
        .optional()
        .describe('Only rows of facilities in this state, a name or a code (NY, New York).'),
      facility: z
        .string()
        .min(1)
        .max(200)
        .optional()
        .describe('Only rows of facilities whose name holds this (compared after normalising).'),
      from: z.string().max(10).optional().describe('Prepared on or after, YYYY-MM-DD.'),
      to: z.string().max(10).optional().describe('Prepared on or before, YYYY-MM-DD.'),
      includeDuplicates: z
        .boolean()
        .optional()
        .describe(
          'Replay rows flagged as likely duplicates too (left out and counted by default).',
        ),
    }),
  ])
  .describe(
    'The desk’s cases of an agency received in a period, cases given as text, or an imported ICE ' +
      'release’s detainer rows, each made a case for the jurisdiction its facility falls under.',
  );

const answer = z.enum(ANSWERS as ['required', ...string[]]);
const clauseCited = z.object({ id: z.string(), version: z.string(), citation: z.string() });
const clauseKey = z.string().describe('A clause version, `id@version`; described in `clauses`.');
const answerUnder = z.object({
  status: answer,
  controlling: z.array(clauseKey).readonly(),
  lawHash: z.string().optional(),
  missing: z.array(z.string()).readonly(),
  reason: z.string().optional(),
});
const countsByAnswer = z.record(z.string(), z.number().int());

const releaseInputSchema = z
  .object({
    import: z.object({
      id: z.number().int(),
      fileName: z.string(),
      format: z.string(),
      synthetic: z.boolean().describe('The demo’s synthetic release: made up, not ICE data.'),
    }),
    filter: z.object({
      state: z.string().optional(),
      facility: z.string().optional(),
      from: z.string().optional(),
      to: z.string().optional(),
      includeDuplicates: z.boolean(),
    }),
    rows: z
      .object({ read: z.number().int(), mapped: z.number().int(), skipped: z.number().int() })
      .describe('Rows read = mapped to cases + skipped.'),
    skipped: z
      .array(
        z.object({
          reason: z.enum(SKIP_REASONS),
          text: z.string(),
          rows: z.number().int(),
        }),
      )
      .readonly()
      .describe('Rows that are no case, by reason, most first.'),
    jurisdictions: z
      .array(
        z.object({
          jurisdiction: z.string(),
          cases: z.number().int(),
          inferred: z
            .number()
            .int()
            .describe('Cases matched by a facility name pattern whose ICE spelling is inferred.'),
        }),
      )
      .readonly(),
    unknownFacts: z
      .array(z.object({ path: z.string(), why: z.string(), cases: z.number().int() }))
      .readonly()
      .describe(
        'Facts a release cannot give, left out (so never guessed), with the cases lacking each.',
      ),
  })
  .meta({ id: 'ReplayReleaseInput' });

const resultSchema = z
  .object({
    under: z.object({
      choice: z.string(),
      label: z.string(),
      lawHash: z.string().optional(),
      amendment: amendmentSchema.optional(),
    }),
    cases: z.number().int(),
    changedCases: z.number().int(),
    totals: z
      .array(
        z.object({
          action: z.string(),
          before: countsByAnswer,
          after: countsByAnswer,
          changed: z.number().int(),
          transitions: z
            .array(z.object({ from: answer, to: answer, count: z.number().int() }))
            .readonly(),
        }),
      )
      .readonly(),
    unknown: z.object({
      before: z.number().int(),
      after: z.number().int(),
      either: z.number().int(),
    }),
    newlyMissing: z.array(z.object({ path: z.string(), cases: z.number().int() })).readonly(),
    clauses: z.record(z.string(), clauseCited),
    release: releaseInputSchema
      .optional()
      .describe(
        'For a replay of an ICE release’s rows: what was read, mapped, skipped and left out.',
      ),
    changes: z
      .array(
        z.object({
          key: z.string(),
          jurisdiction: z.string(),
          changes: z
            .array(
              z.object({
                action: z.string(),
                before: answerUnder,
                after: answerUnder,
                madeTheDifference: z.array(clauseKey).readonly(),
              }),
            )
            .readonly(),
        }),
      )
      .readonly(),
  })
  .meta({ id: 'ReplayResult' });

const jobSchema = z
  .object({
    id: z.string(),
    state: z.enum(['running', 'done', 'cancelled', 'failed']),
    under: z.string(),
    source: z.string(),
    startedAt: z.string(),
    finishedAt: z.string().optional(),
    progress: z.object({ done: z.number().int(), total: z.number().int() }),
    result: resultSchema.optional(),
    error: z.string().optional(),
  })
  .meta({ id: 'ReplayJob' });

const idParams = z.object({ id: z.string().max(100) });

export function registerReplayRoutes(
  app: OpenAPIHono<DeskEnv>,
  ctx: DeskContext,
  ice: IceDatabaseSource,
): void {
  const jobs = new ReplayJobs(ctx, undefined, ice);

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/what-if/replays',
      tags: ['What if'],
      middleware: [allow('what-if.replay')] as const,
      summary: 'Start replaying cases under another law',
      description:
        'Reads the cases (the desk’s or a release’s rows, audited; or the text given, every case ' +
        'checked first) and starts the replay; answers 202 with the job’s address. At most ' +
        `${String(MAX_RUNNING)} replays run at once and one per person; a replay takes at most ` +
        `${MAX_DESK_CASES.toLocaleString('en-US')} of the desk’s cases, ` +
        `${MAX_FILE_CASES.toLocaleString('en-US')} given or ` +
        `${MAX_RELEASE_ROWS.toLocaleString('en-US')} rows of a release. An \`amendment\` changes ` +
        'the version `under` pins before the cases are decided (docs/what-if.md#amendments): data ' +
        'only, checked first, cited in every answer it changes.',
      request: {
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z.strictObject({
                under,
                amendment: amendmentSchema.optional(),
                source: sourceSchema,
              }),
            },
          },
        },
      },
      responses: {
        202: {
          description: 'Started.',
          headers: z.object({ Location: z.string() }),
          content: { 'application/json': { schema: jobSchema } },
        },
        ...problemResponses,
        429: {
          description: 'You have a replay running, or the server runs as many as it may.',
          content: { 'application/problem+json': { schema: problemSchema } },
        },
      },
    }),
    async (c) => {
      const job = await jobs.start(actorOf(c), c.req.valid('json'));
      c.header('Location', `/api/what-if/replays/${job.id}`);
      return c.json(job, 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/what-if/replays/{id}',
      tags: ['What if'],
      middleware: [allow('what-if.replay')] as const,
      summary: 'A replay’s progress, then its result',
      description:
        'For the person who started it. `format=csv` gives the finished replay’s changed ' +
        'answers, one a row, as a download (409 while it runs).',
      request: {
        params: idParams,
        query: z.object({ format: z.enum(['json', 'csv']).default('json') }),
      },
      responses: {
        200: {
          description: 'The job.',
          content: {
            'application/json': { schema: jobSchema },
            'text/csv': { schema: z.string() },
          },
        },
        ...problemResponses,
      },
    }),
    (c) => {
      const job = jobs.get(actorOf(c), c.req.valid('param').id);
      if (c.req.valid('query').format === 'json') return c.json(job, 200);
      if (!job.result)
        throw new DeskError('conflict', `the replay is ${job.state}: it has no result`);
      c.header('content-disposition', `attachment; filename="replay-${job.id}.csv"`);
      return c.body(replayCsv(job.result), 200, { 'content-type': 'text/csv; charset=utf-8' });
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/what-if/replays/{id}',
      tags: ['What if'],
      middleware: [allow('what-if.replay')] as const,
      summary: 'Cancel a running replay',
      description: 'Stops it before its next slice of cases; a finished replay is left as it is.',
      request: { params: idParams },
      responses: {
        200: {
          description: 'The job as it now stands.',
          content: { 'application/json': { schema: jobSchema } },
        },
        ...problemResponses,
      },
    }),
    (c) => c.json(jobs.cancel(actorOf(c), c.req.valid('param').id), 200),
  );
}
