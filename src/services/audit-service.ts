/**
 * The audit log as the desk's users see it: signed checkpoints (C2SP signed notes over the RFC 6962
 * root), full verification of the stored log, and a receipt proving one entry is in the log.
 * @module
 */
import { requirePermission, type Actor } from '../auth/roles.js';
import {
  formatInclusionBundle,
  signCheckpoint,
  type SigningKey,
  type VerifierKey,
} from '../audit/checkpoint.js';
import { inclusionProof, rootOf } from '../audit/merkle.js';
import { verifyLog, type LogReport } from '../audit/verify-log.js';
import { DeskError } from '../desk/errors.js';
import type { DeskContext } from './desk-context.js';

export interface AuditSigner {
  origin: string;
  key: SigningKey;
  verifier: VerifierKey;
}

async function leafHashes(ctx: DeskContext, size?: number): Promise<Buffer[]> {
  let query = ctx.store.db.selectFrom('auditEntries').select('leafHash').orderBy('seq');
  if (size !== undefined) query = query.where('seq', '<', size);
  const rows = await query.execute();
  return rows.map((row) => Buffer.from(row.leafHash, 'hex'));
}

/** The latest signed checkpoint, or undefined before the first. Public: it names no one. */
export async function latestCheckpoint(ctx: DeskContext): Promise<string | undefined> {
  const row = await ctx.store.db
    .selectFrom('auditCheckpoints')
    .select('note')
    .orderBy('size', 'desc')
    .executeTakeFirst();
  return row?.note;
}

/** Signs a checkpoint over the whole log as it stands, and stores it. */
export async function createCheckpoint(
  ctx: DeskContext,
  actor: Actor,
  signer: AuditSigner,
): Promise<string> {
  requirePermission(actor, 'audit.checkpoint');
  return ctx.store.transaction(async (trx) => {
    let headQuery = trx.selectFrom('auditHead').select('size').where('id', '=', 1);
    if (ctx.store.dialect === 'postgres') headQuery = headQuery.forUpdate();
    const { size } = await headQuery.executeTakeFirstOrThrow();
    const existing = await trx
      .selectFrom('auditCheckpoints')
      .select('note')
      .where('size', '=', size)
      .executeTakeFirst();
    if (existing !== undefined) return existing.note;
    const rows = await trx.selectFrom('auditEntries').select('leafHash').orderBy('seq').execute();
    const root = rootOf(rows.map((row) => Buffer.from(row.leafHash, 'hex')));
    const note = signCheckpoint({ origin: signer.origin, size, root }, signer.key);
    await trx.insertInto('auditCheckpoints').values({ size, at: ctx.now(), note }).execute();
    return note;
  });
}

/** Re-derives every leaf, the chain, the tree and every checkpoint; names the first problem. */
export async function verifyAuditLog(
  ctx: DeskContext,
  actor: Actor,
  verifier: VerifierKey,
  trustedCheckpoint?: string,
): Promise<LogReport> {
  requirePermission(actor, 'audit.read');
  const checkpoints = await ctx.store.db
    .selectFrom('auditCheckpoints')
    .select('note')
    .orderBy('size')
    .execute();
  return verifyLog({
    entries: streamEntries(ctx),
    checkpoints: checkpoints.map((row) => row.note),
    verifierKey: verifier,
    trustedCheckpoint,
  });
}

async function* streamEntries(ctx: DeskContext) {
  const page = 5000;
  for (let from = 0; ; from += page) {
    const rows = await ctx.store.db
      .selectFrom('auditEntries')
      .selectAll()
      .orderBy('seq')
      .limit(page)
      .offset(from)
      .execute();
    for (const row of rows) {
      yield {
        seq: row.seq,
        at: row.at,
        actor: row.actor,
        action: row.action,
        subject: row.subject,
        payload: JSON.parse(row.payloadJson) as unknown,
        leafHash: row.leafHash,
        prevHash: row.prevHash,
      };
    }
    if (rows.length < page) return;
  }
}

/** A self-contained receipt (c2sp.org/tlog-proof@v1) that entry `seq` is in the latest checkpoint. */
export async function entryReceipt(ctx: DeskContext, actor: Actor, seq: number): Promise<string> {
  requirePermission(actor, 'audit.read');
  const row = await ctx.store.db
    .selectFrom('auditCheckpoints')
    .select(['size', 'note'])
    .orderBy('size', 'desc')
    .executeTakeFirst();
  if (row === undefined || seq >= row.size) {
    throw new DeskError(
      'not-found',
      `no signed checkpoint covers entry ${String(seq)} yet: sign one first`,
    );
  }
  const hashes = await leafHashes(ctx, row.size);
  return formatInclusionBundle({
    index: seq,
    proof: inclusionProof(hashes, seq, row.size),
    checkpoint: row.note,
  });
}

export interface AuditEntryView {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  payload: unknown;
  leafHash: string;
}

export async function listAuditEntries(
  ctx: DeskContext,
  actor: Actor,
  from: number,
  limit: number,
): Promise<AuditEntryView[]> {
  requirePermission(actor, 'audit.read');
  const rows = await ctx.store.db
    .selectFrom('auditEntries')
    .selectAll()
    .where('seq', '>=', from)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    action: row.action,
    subject: row.subject,
    payload: JSON.parse(row.payloadJson) as unknown,
    leafHash: row.leafHash,
  }));
}
