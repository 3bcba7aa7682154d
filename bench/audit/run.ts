/**
 * The audit log at scale: how long a signed checkpoint and an inclusion proof take over a log of
 * `--entries` entries (1,000,000 by default), now that the tree's subtree hashes are stored as the
 * log grows; beside, for comparison, the full rebuild from every leaf that both used to need.
 *
 * The log is written straight into a fresh SQLite file (temporary folder) with prepared statements,
 * each row exactly as the desk's writer stores it (leaf hash, chain hash, subtree hashes; the head
 * with its compact range), so generating it takes seconds, not an intake per entry.
 *
 *   node --import tsx bench/audit/run.ts [--entries 1000000] [--runs 50] [--verify]
 *   npm run bench:audit
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import {
  generateSigningKey,
  verifierKeyOf,
  verifyInclusionBundle,
} from '../../src/audit/checkpoint.js';
import { chainHash, genesisPrevHash, leafHashOf } from '../../src/audit/leaf.js';
import { TreeBuilder, inclusionProof, rootOf } from '../../src/audit/merkle.js';
import { hashesToHex } from '../../src/audit/tree-nodes.js';
import {
  createCheckpoint,
  entryReceipt,
  storedInclusionProof,
  verifyAuditLog,
  type AuditSigner,
} from '../../src/services/audit-service.js';
import { deskContext } from '../../src/services/desk-context.js';
import { appendAudit } from '../../src/store/audit-writer.js';
import { openStore } from '../../src/store/open-store.js';

const { values } = parseArgs({
  options: {
    entries: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '50' },
    verify: { type: 'boolean', default: false },
  },
});
const entries = Number(values.entries);
const runs = Number(values.runs);

const auditor = { id: 'bench', username: 'bench-auditor', role: 'auditor' } as const;
const key = generateSigningKey('bench.example/audit');
const signer: AuditSigner = { origin: 'bench.example/audit', key, verifier: verifierKeyOf(key) };

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

/** Median and maximum of `runs` timings of `work` (after `prepare`, untimed), in milliseconds. */
async function timings(
  work: (run: number) => Promise<unknown>,
  prepare: () => Promise<unknown> = () => Promise.resolve(),
) {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    await prepare();
    const start = process.hrtime.bigint();
    await work(run);
    times.push(ms(start));
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, max: times[times.length - 1]! };
}

/** Writes `count` synthetic entries as the desk's writer would, in one transaction. */
function writeLog(file: string, count: number) {
  const database = new Database(file);
  const insert = database.prepare(
    `INSERT INTO audit_entries (seq, at, actor, action, subject, payload_json, leaf_hash, prev_hash,
       subtree_hashes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const tree = new TreeBuilder();
  let chain = genesisPrevHash();
  const start = Date.parse('2026-01-01T00:00:00.000Z');
  database.transaction(() => {
    for (let seq = 0; seq < count; seq += 1) {
      const entry = {
        seq,
        at: new Date(start + seq * 1000).toISOString(),
        actor: 'clerk',
        action: 'case.read',
        subject: `case/bench-${String(seq % 10_000)}`,
        payload: { version: (seq % 7) + 1 },
      };
      const leaf = leafHashOf(entry);
      const subtrees: Buffer[] = [];
      tree.append(leaf, (_level, _index, hash) => subtrees.push(hash));
      insert.run(
        seq,
        entry.at,
        entry.actor,
        entry.action,
        entry.subject,
        JSON.stringify(entry.payload),
        leaf.toString('hex'),
        chain.toString('hex'),
        hashesToHex(subtrees),
      );
      chain = chainHash(chain, leaf);
    }
    database
      .prepare('UPDATE audit_head SET size = ?, last_hash = ?, compact_range = ? WHERE id = 1')
      .run(count, chain.toString('hex'), hashesToHex(tree.subtrees));
  })();
  // The bulk write leaves a large write-ahead log; copied into the database now, not in the timings.
  database.pragma('wal_checkpoint(TRUNCATE)');
  database.close();
}

const dir = mkdtempSync(join(tmpdir(), 'desk-bench-audit-'));
try {
  const file = join(dir, 'desk.db');
  await (await openStore(`sqlite:${file}`)).close();
  let start = process.hrtime.bigint();
  writeLog(file, entries);
  process.stdout.write(
    `${entries.toLocaleString('en-US')} entries written in ${(ms(start) / 1000).toFixed(1)} s\n`,
  );

  const store = await openStore(`sqlite:${file}`);
  const ctx = deskContext(store);
  const append = () =>
    store.transaction((trx) =>
      appendAudit(ctx, trx, {
        at: new Date().toISOString(),
        actor: 'clerk',
        action: 'case.read',
        subject: 'case/bench',
        payload: { version: 1 },
      }),
    );

  // Each checkpoint over a log one entry longer, so each signs a new size.
  const checkpoint = await timings(() => createCheckpoint(ctx, auditor, signer), append);
  const { size } = await store.db.selectFrom('auditHead').select('size').executeTakeFirstOrThrow();
  const seqs = Array.from({ length: runs }, (_, run) => Math.floor(((run + 0.5) / runs) * size));
  const proof = await timings((run) => storedInclusionProof(ctx, seqs[run]!, size));
  const receipt = await timings((run) => entryReceipt(ctx, auditor, seqs[run]!));
  // What any durable write costs here: the commit and the flush of the log to disk it waits for.
  const commit = await timings(() =>
    store.transaction((trx) => sql`UPDATE audit_head SET size = size WHERE id = 1`.execute(trx)),
  );

  // The receipt checks out offline, and the stored proof equals the full rebuild's.
  const leaves = (
    await store.db.selectFrom('auditEntries').select('leafHash').orderBy('seq').execute()
  ).map((row) => Buffer.from(row.leafHash, 'hex'));
  const seq = seqs[runs - 1]!;
  verifyInclusionBundle(await entryReceipt(ctx, auditor, seq), leaves[seq]!, signer.verifier);
  const fromNodes = await storedInclusionProof(ctx, seq, size);
  start = process.hrtime.bigint();
  const rebuiltProof = inclusionProof(leaves, seq, size);
  const rebuildProof = ms(start);
  start = process.hrtime.bigint();
  rootOf(leaves.slice(0, size));
  const rebuildRoot = ms(start);
  if (fromNodes.some((hash, at) => !hash.equals(rebuiltProof[at]!))) {
    throw new Error('the stored proof differs from the rebuilt one');
  }

  const row = (what: string, time: { median: number; max: number }) =>
    `| ${what.padEnd(44)} | ${time.median.toFixed(2).padStart(6)} | ${time.max.toFixed(2).padStart(6)} |\n`;
  process.stdout.write(
    `\n${runs} runs each, log of ${size.toLocaleString('en-US')} entries (ms):\n\n` +
      `| ${'measure'.padEnd(44)} | median |    max |\n| ${'-'.repeat(44)} | -----: | -----: |\n` +
      row('checkpoint: root from the head, sign, store', checkpoint) +
      row('inclusion proof from the stored subtrees', proof) +
      row('receipt: proof, checkpoint, audited read', receipt) +
      row('a durable commit of one row (the disk flush)', commit) +
      `\nthe full rebuild both used to need, leaves already in memory: root ${rebuildRoot.toFixed(0)} ms, one proof ${rebuildProof.toFixed(0)} ms\n`,
  );
  if (values.verify) {
    start = process.hrtime.bigint();
    const report = await verifyAuditLog(ctx, auditor, signer.verifier);
    process.stdout.write(
      `audit verify: ${report.ok ? 'ok' : 'FAILED'}, ${report.entries.toLocaleString('en-US')} entries in ${(ms(start) / 1000).toFixed(1)} s\n`,
    );
  }
  process.stdout.write(
    `load average ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')}\n`,
  );
  await store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
