/**
 * The audit log over HTTP, after Certificate Transparency's get-sth and get-proof: the latest
 * signed checkpoint and the verifier key are public (they name no one); entries, the list of
 * checkpoints, verification and receipts are for auditors.
 * @module
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { formatVerifierKey } from '../../audit/checkpoint.js';
import {
  createCheckpoint,
  entryReceipt,
  latestCheckpoint,
  listAuditEntries,
  listCheckpoints,
  verifyAuditLog,
  type AuditSigner,
} from '../../services/audit-service.js';
import type { DeskContext } from '../../services/desk-context.js';
import { actorOf, allow, type DeskEnv } from '../desk-env.js';
import { integerParam, integerParamOr } from '../integer-param.js';
import { problemResponses } from '../problem.js';
import { DeskError } from '../../desk/errors.js';

export interface AuditOptions {
  auditSigner: AuditSigner;
}

const tags = ['Audit log'];
const text = (description: string) => ({
  description,
  content: { 'text/plain': { schema: z.string() } },
});

const checkpointSchema = z
  .object({
    size: z.number().int().describe('The entries it covers: 0 to size - 1.'),
    at: z.string().describe('When the desk signed it.'),
    note: z
      .string()
      .describe('The signed note (C2SP tlog-checkpoint), as GET /api/audit/checkpoint gives it.'),
  })
  .meta({ id: 'AuditCheckpoint' });

export function registerAuditRoutes(
  app: OpenAPIHono<DeskEnv>,
  ctx: DeskContext,
  options: AuditOptions,
): void {
  const signer = options.auditSigner;

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/audit/checkpoint',
      tags,
      security: [],
      summary: 'The latest signed checkpoint (C2SP signed note; public)',
      responses: {
        200: text('origin, tree size and root hash, signed with Ed25519.'),
        ...problemResponses,
      },
    }),
    async (c) => {
      const note = await latestCheckpoint(ctx);
      if (note === undefined) throw new DeskError('not-found', 'no checkpoint has been signed yet');
      return c.text(note, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/audit/verifier-key',
      tags,
      security: [],
      summary: 'The public key that verifies checkpoints (public)',
      responses: { 200: text('The verifier key in signed-note form: name+keyid+base64 key.') },
    }),
    (c) => c.text(formatVerifierKey(signer.verifier), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/audit/checkpoints',
      tags,
      middleware: [allow('audit.checkpoint')] as const,
      summary: 'Sign a checkpoint over the log as it stands',
      responses: { 201: text('The new (or unchanged) checkpoint.'), ...problemResponses },
    }),
    async (c) => c.text(await createCheckpoint(ctx, actorOf(c), signer), 201),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/audit/checkpoints',
      tags,
      middleware: [allow('audit.read')] as const,
      summary: 'Every signed checkpoint, newest first, a page at a time (audited)',
      request: {
        query: z.object({
          offset: integerParamOr(0, 0),
          limit: integerParamOr(20, 1, 500),
        }),
      },
      responses: {
        200: {
          description:
            'A page of checkpoints by size, largest first, and how many there are; the read is an audit entry.',
          content: {
            'application/json': {
              schema: z.object({
                items: z.array(checkpointSchema),
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
    async (c) => {
      const { offset, limit } = c.req.valid('query');
      return c.json(await listCheckpoints(ctx, actorOf(c), offset, limit), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/audit/verification',
      tags,
      middleware: [allow('audit.read')] as const,
      summary:
        'Verify the stored log (leaves, chain, tree, head, checkpoints) and every stored record against it',
      responses: {
        200: {
          description:
            'The report: `ok`, what was checked, and `problems`, one for each bad entry or stored row, ' +
            'naming its `seq` and `subject`. The verification is itself an audit entry.',
          content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } },
        },
        ...problemResponses,
      },
    }),
    async (c) => c.json(await verifyAuditLog(ctx, actorOf(c), signer.verifier), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/audit/entries',
      tags,
      middleware: [allow('audit.read')] as const,
      summary: 'Read audit entries in order (the read is itself an audit entry)',
      request: {
        query: z.object({
          from: integerParamOr(0, 0),
          limit: integerParamOr(100, 1, 1000),
        }),
      },
      responses: {
        200: {
          description:
            'Entries from seq `from`, in sequence order; `payloadJson` holds a payload that is not JSON.',
          content: { 'application/json': { schema: z.array(z.record(z.string(), z.unknown())) } },
        },
        ...problemResponses,
      },
    }),
    async (c) => {
      const { from, limit } = c.req.valid('query');
      return c.json(await listAuditEntries(ctx, actorOf(c), from, limit), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/audit/entries/{seq}/receipt',
      tags,
      middleware: [allow('audit.read')] as const,
      summary:
        'A receipt proving the entry is in the latest checkpoint (c2sp.org/tlog-proof@v1; audited)',
      request: { params: z.object({ seq: integerParam(0) }) },
      responses: {
        200: text('The inclusion proof bundle with its checkpoint.'),
        ...problemResponses,
      },
    }),
    async (c) => c.text(await entryReceipt(ctx, actorOf(c), c.req.valid('param').seq), 200),
  );
}
