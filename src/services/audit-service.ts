/**
 * The audit log as the desk's users see it: signed checkpoints (C2SP signed notes over the RFC 6962
 * root), full verification of the stored log and of the records it vouches for, and a receipt
 * proving one entry is in the log.
 *
 * The tree is kept as the log grows (src/store/audit-writer.ts), so a checkpoint reads the head row
 * and a receipt a few dozen entries, whatever the log's size, and neither holds the log's lock.
 * Every read of the log by a person (entries, checkpoints, receipts, verification) is itself an
 * audit entry, appended after the read: one entry a read, never read back by the read that
 * appends it.
 * @module
 */
import type { Kysely } from 'kysely';
import { requirePermission, type Actor } from '../auth/roles.js';
import {
  formatInclusionBundle,
  signCheckpoint,
  type SigningKey,
  type VerifierKey,
} from '../audit/checkpoint.js';
import type { AuditEntry, JsonValue } from '../audit/leaf.js';
import { foldSubtrees } from '../audit/merkle.js';
import { hashesFromHex, inclusionProofFromNodes, type SubtreeReader } from '../audit/tree-nodes.js';
import {
  verifyLog,
  type LogProblem,
  type LogReport,
  type StoredHead,
} from '../audit/verify-log.js';
import {
  CUSTODY_EVENT_KINDS,
  RecordLedger,
  type StoredCase,
  type StoredCustodyEvent,
} from '../audit/verify-records.js';
import { DeskError } from '../desk/errors.js';
import { appendAudit } from '../store/audit-writer.js';
import type { AuditState } from '../reports/build-report.js';
import type { Database } from '../store/schema.js';
import type { DeskContext } from './desk-context.js';
import { checkReportFacts } from './report-facts.js';

export interface AuditSigner {
  origin: string;
  key: SigningKey;
  verifier: VerifierKey;
}

/** Rows read a query when streaming the log or the records, each page after the last key. */
const PAGE = 5000;

function readHead(db: Kysely<Database>): Promise<StoredHead> {
  return db
    .selectFrom('auditHead')
    .select(['size', 'lastHash', 'compactRange'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
}

/**
 * The log as a report built in `db` (a transaction's snapshot) stands on: its size, its root, and
 * the latest signed checkpoint at or below that size, so a reader can ask for a consistency proof.
 */
export async function auditState(db: Kysely<Database>): Promise<AuditState> {
  const head = await readHead(db);
  const checkpoint = await db
    .selectFrom('auditCheckpoints')
    .select('note')
    .where('size', '<=', head.size)
    .orderBy('size', 'desc')
    .executeTakeFirst();
  return {
    size: head.size,
    rootSha256: foldSubtrees(hashesFromHex(head.compactRange)).toString('hex'),
    ...(checkpoint === undefined ? {} : { checkpoint: checkpoint.note }),
  };
}

/** One entry for a person's read of the audit log, appended once the read has succeeded. */
async function auditRead(
  ctx: DeskContext,
  actor: Actor,
  action: string,
  payload: Record<string, unknown>,
): Promise<void> {
  await ctx.store.transaction((trx) =>
    appendAudit(ctx, trx, {
      at: ctx.now(),
      actor: actor.username,
      action,
      subject: 'audit-log',
      payload,
    }),
  );
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

export interface CheckpointView {
  /** The entries it covers: 0 to size - 1. */
  size: number;
  /** When the desk signed it. */
  at: string;
  /** The signed note itself, to keep or compare with a copy held elsewhere. */
  note: string;
}

/**
 * Every signed checkpoint, newest (largest) first, a page at a time: an auditor compares them
 * with copies kept elsewhere. An audited read, like the entries, though checkpoints name no one.
 */
export async function listCheckpoints(
  ctx: DeskContext,
  actor: Actor,
  offset: number,
  limit: number,
): Promise<{ items: CheckpointView[]; total: number; limit: number; offset: number }> {
  requirePermission(actor, 'audit.read');
  const [rows, count] = await Promise.all([
    ctx.store.db
      .selectFrom('auditCheckpoints')
      .select(['size', 'at', 'note'])
      .orderBy('size', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    ctx.store.db
      .selectFrom('auditCheckpoints')
      .select((eb) => eb.fn.countAll<string | number>().as('total'))
      .executeTakeFirstOrThrow(),
  ]);
  await auditRead(ctx, actor, 'audit.checkpoints', { offset, count: rows.length });
  return { items: rows, total: Number(count.total), limit, offset };
}

/**
 * Signs a checkpoint over the log as it stands, and stores it. The head row holds the tree's
 * compact range, so its root is one read, and signing waits for no lock: appends go on meanwhile.
 */
export async function createCheckpoint(
  ctx: DeskContext,
  actor: Actor,
  signer: AuditSigner,
): Promise<string> {
  requirePermission(actor, 'audit.checkpoint');
  const { size, compactRange } = await readHead(ctx.store.db);
  // An idle log is signed once: the server's timer then reads, and writes nothing.
  const signed = await checkpointAt(ctx.store.db, size);
  if (signed !== undefined) return signed;
  const note = signCheckpoint(
    { origin: signer.origin, size, root: foldSubtrees(hashesFromHex(compactRange)) },
    signer.key,
  );
  return ctx.store.transaction(async (trx) => {
    // A checkpoint at this size may be there already (the server's timer, another auditor).
    await trx
      .insertInto('auditCheckpoints')
      .values({ size, at: ctx.now(), note })
      .onConflict((conflict) => conflict.column('size').doNothing())
      .execute();
    return (await checkpointAt(trx, size))!;
  });
}

async function checkpointAt(db: Kysely<Database>, size: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('auditCheckpoints')
    .select('note')
    .where('size', '=', size)
    .executeTakeFirst();
  return row?.note;
}

export interface AuditVerification extends LogReport {
  /** Stored rows checked against the entries that recorded them. */
  /** Stored records that match the entries; `reportFacts`: cases whose report row matches them. */
  records: {
    cases: number;
    decisions: number;
    informationRequests: number;
    enforcementRequests: number;
    reportFacts: number;
  };
}

/**
 * Re-derives every leaf, the chain, the tree and its stored subtree hashes, every checkpoint and
 * the head; then checks every stored case, decision and information request against what the
 * entries recorded of it, and what the reports read of each case against its records. Names each
 * problem. Entries appended meanwhile are left to the next run.
 */
export async function verifyAuditLog(
  ctx: DeskContext,
  actor: Actor,
  verifier: VerifierKey,
  trustedCheckpoint?: string,
): Promise<AuditVerification> {
  requirePermission(actor, 'audit.read');
  // Checkpoints before the head: each one read is then within the entries read.
  const checkpoints = await ctx.store.db
    .selectFrom('auditCheckpoints')
    .select('note')
    .orderBy('size')
    .execute();
  const head = await readHead(ctx.store.db);
  const ledger = new RecordLedger();
  const report = await verifyLog({
    entries: streamEntries(ctx, 0, head.size),
    head,
    checkpoints: checkpoints.map((row) => row.note),
    verifierKey: verifier,
    trustedCheckpoint,
    observe: (entry) => {
      ledger.observe(entry);
    },
  });
  const { problems, records } = await checkRecords(ctx, ledger, head.size);
  const facts = await checkReportFacts(ctx);
  const all = [
    ...report.problems,
    ...problems,
    // A case whose record is named already gives its report row from that record: not named again.
    ...facts.problems
      .filter((problem) => !problems.some((named) => caseOf(named) === problem.caseId))
      .map((problem): LogProblem => ({
        subject: `report-facts/${problem.caseId}`,
        code: 'record-mismatch',
        message: problem.message,
      })),
  ];
  const seqs = all.flatMap((problem) => (problem.seq === undefined ? [] : [problem.seq]));
  const verification: AuditVerification = {
    ok: all.length === 0,
    entries: report.entries,
    checkpoints: report.checkpoints,
    records: { ...records, reportFacts: facts.checked - facts.problems.length },
    problems: all,
  };
  if (seqs.length > 0) verification.firstBadSeq = Math.min(...seqs);
  await auditRead(ctx, actor, 'audit.verify', {
    entries: verification.entries,
    ok: verification.ok,
    problems: all.length,
  });
  return verification;
}

/** The case a problem is about, from its subject `case/<id>` or `case/<id>/…`. */
function caseOf(problem: LogProblem): string | undefined {
  return /^case\/([^/]+)/.exec(problem.subject ?? '')?.[1];
}

/** The stored rows of entries `from` to `to` (excluded), a page at a time by key. */
async function* streamEntries(ctx: DeskContext, from: number, to: number) {
  for (let next = from; next < to;) {
    const rows = await ctx.store.db
      .selectFrom('auditEntries')
      .selectAll()
      .where('seq', '>=', next)
      .where('seq', '<', to)
      .orderBy('seq')
      .limit(PAGE)
      .execute();
    yield* rows;
    if (rows.length < PAGE) return;
    next = rows[rows.length - 1]!.seq + 1;
  }
}

/**
 * Checks every stored record against `ledger`, which has seen the entries before `size`. A row
 * changed by a step logged after `size` would differ: such rows are read again once the ledger has
 * seen the entries appended since, and only a row that still differs is a problem.
 */
async function checkRecords(ctx: DeskContext, ledger: RecordLedger, size: number) {
  const db = ctx.store.db;
  const records = { cases: 0, decisions: 0, informationRequests: 0, enforcementRequests: 0 };
  const suspects = {
    cases: [] as string[],
    decisions: [] as string[],
    information: [] as string[],
    enforcement: [] as string[],
  };
  // Each page of cases with the custody events on their timelines, which are checked with them.
  const checkCases = async (rows: StoredCase[]) => {
    const events = await custodyEventsOf(
      db,
      rows.map((row) => row.id),
    );
    return rows.map((row) => ledger.checkCase(row, events.get(row.id)));
  };
  const cases = (after: string) =>
    db.selectFrom('cases').selectAll().where('id', '>', after).orderBy('id').limit(PAGE).execute();
  for await (const page of pagesOf(cases)) {
    const found = await checkCases(page);
    records.cases += page.length;
    page.forEach((row, i) => {
      if (found[i]!.length > 0) suspects.cases.push(row.id);
    });
  }
  const decisions = (after: string) =>
    db
      .selectFrom('decisions')
      .selectAll()
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .execute();
  for await (const row of rowsOf(decisions)) {
    records.decisions += 1;
    if (ledger.checkDecision(row).length > 0) suspects.decisions.push(row.id);
  }
  const information = (after: string) =>
    db
      .selectFrom('informationRequests')
      .selectAll()
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .execute();
  for await (const row of rowsOf(information)) {
    records.informationRequests += 1;
    if (ledger.checkInformationRequest(row).length > 0) suspects.information.push(row.id);
  }
  const enforcement = (after: string) =>
    db
      .selectFrom('enforcementRequests')
      .selectAll()
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .execute();
  for await (const row of rowsOf(enforcement)) {
    records.enforcementRequests += 1;
    if (ledger.checkEnforcementRequest(row).length > 0) suspects.enforcement.push(row.id);
  }
  const problems: LogProblem[] = [];
  if (Object.values(suspects).some((ids) => ids.length > 0)) {
    const now = await readHead(db);
    for await (const row of streamEntries(ctx, size, now.size)) {
      const entry = parsedEntry(row);
      if (entry !== undefined) ledger.observe(entry);
    }
    const again = <T>(ids: string[], read: (ids: string[]) => Promise<T[]>) =>
      ids.length === 0 ? Promise.resolve([]) : read(ids);
    const cases = await again(suspects.cases, (ids) =>
      db.selectFrom('cases').selectAll().where('id', 'in', ids).execute(),
    );
    problems.push(...(await checkCases(cases)).flat());
    for (const row of await again(suspects.decisions, (ids) =>
      db.selectFrom('decisions').selectAll().where('id', 'in', ids).execute(),
    )) {
      problems.push(...ledger.checkDecision(row));
    }
    for (const row of await again(suspects.information, (ids) =>
      db.selectFrom('informationRequests').selectAll().where('id', 'in', ids).execute(),
    )) {
      problems.push(...ledger.checkInformationRequest(row));
    }
    for (const row of await again(suspects.enforcement, (ids) =>
      db.selectFrom('enforcementRequests').selectAll().where('id', 'in', ids).execute(),
    )) {
      problems.push(...ledger.checkEnforcementRequest(row));
    }
  }
  problems.push(...ledger.missing(size));
  return { problems, records };
}

/** Every page `page` gives, each page after the last id of the one before. */
async function* pagesOf<R extends { id: string }>(page: (after: string) => Promise<R[]>) {
  for (let after = ''; ;) {
    const rows = await page(after);
    if (rows.length > 0) yield rows;
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1]!.id;
  }
}

/** Every row `page` gives, a page at a time. */
async function* rowsOf<R extends { id: string }>(page: (after: string) => Promise<R[]>) {
  for await (const rows of pagesOf(page)) yield* rows;
}

/** The custody events on the timelines of the cases `caseIds`, by case. */
async function custodyEventsOf(
  db: Kysely<Database>,
  caseIds: string[],
): Promise<Map<string, StoredCustodyEvent[]>> {
  const byCase = new Map<string, StoredCustodyEvent[]>();
  if (caseIds.length === 0) return byCase;
  const rows = await db
    .selectFrom('caseEvents')
    .select(['id', 'caseId', 'kind', 'at', 'detailsJson'])
    .where('caseId', 'in', caseIds)
    .where('kind', 'in', CUSTODY_EVENT_KINDS)
    .execute();
  for (const row of rows) byCase.set(row.caseId, [...(byCase.get(row.caseId) ?? []), row]);
  return byCase;
}

function parsedEntry(row: Database['auditEntries']): AuditEntry | undefined {
  try {
    const { seq, at, actor, action, subject } = row;
    return { seq, at, actor, action, subject, payload: JSON.parse(row.payloadJson) as JsonValue };
  } catch {
    return undefined;
  }
}

/** The inclusion proof of entry `seq` in the tree of the first `size` entries, from stored hashes. */
export function storedInclusionProof(
  ctx: DeskContext,
  seq: number,
  size: number,
): Promise<Buffer[]> {
  return inclusionProofFromNodes(storedSubtrees(ctx), seq, size);
}

/** The stored subtree hashes: leaves from their entries, the rest from the entry completing them. */
function storedSubtrees(ctx: DeskContext): SubtreeReader {
  return async (subtrees) => {
    const seqOf = ({ level, index }: { level: number; index: number }) =>
      (index + 1) * 2 ** level - 1;
    const seqs = [...new Set(subtrees.map(seqOf))];
    const rows = await ctx.store.db
      .selectFrom('auditEntries')
      .select(['seq', 'leafHash', 'subtreeHashes'])
      .where('seq', 'in', seqs)
      .execute();
    const bySeq = new Map(rows.map((row) => [row.seq, row]));
    return subtrees.map((subtree) => {
      const row = bySeq.get(seqOf(subtree));
      const hash =
        row === undefined
          ? undefined
          : subtree.level === 0
            ? Buffer.from(row.leafHash, 'hex')
            : hashesFromHex(row.subtreeHashes)[subtree.level - 1];
      if (hash === undefined) {
        throw new DeskError(
          'unavailable',
          `the audit log is damaged near entry ${String(seqOf(subtree))}: run detainer-desk audit verify`,
        );
      }
      return hash;
    });
  };
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
  const receipt = formatInclusionBundle({
    index: seq,
    proof: await storedInclusionProof(ctx, seq, row.size),
    checkpoint: row.note,
  });
  await auditRead(ctx, actor, 'audit.receipt', { seq, size: row.size });
  return receipt;
}

export interface AuditEntryView {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  /** The payload; null, with `payloadJson`, when the stored text is not JSON (see verify). */
  payload: unknown;
  payloadJson?: string;
  leafHash: string;
}

/** Entries from seq `from` on, by key. */
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
  const entries = rows.map((row): AuditEntryView => {
    const entry = parsedEntry(row);
    return {
      seq: row.seq,
      at: row.at,
      actor: row.actor,
      action: row.action,
      subject: row.subject,
      payload: entry?.payload ?? null,
      ...(entry === undefined ? { payloadJson: row.payloadJson } : {}),
      leafHash: row.leafHash,
    };
  });
  await auditRead(ctx, actor, 'audit.list', { from, count: entries.length });
  return entries;
}
