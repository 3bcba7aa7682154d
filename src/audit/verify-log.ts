/**
 * Verifies a whole stored audit log, sharing nothing with the writer.
 *
 * `verifyLog({ entries, head?, checkpoints, verifierKey, trustedCheckpoint?, observe? })` →
 * `Promise<LogReport>`:
 * - `entries`: the stored rows in seq order, sync or async iterable, each the entry's fields with
 *   its payload as the stored JSON text, plus `leafHash`, `prevHash` (hex text or bytes) and
 *   `subtreeHashes` (hex text, the perfect subtrees the entry completes; see tree-nodes.ts);
 * - `head`: the stored head (size, chain hash of the last entry, compact range of the tree);
 * - `checkpoints`: the stored checkpoint notes; `trustedCheckpoint`: one held outside the database;
 * - `observe`: called with each entry that parsed, for checks of what the entries recorded.
 *
 * It re-derives every leaf hash from the row, follows the prev-hash chain, rebuilds the Merkle tree
 * and compares the subtree hashes stored along it, every checkpoint's root at its size and the
 * head, checks signatures, and checks consecutive checkpoints against each other. Each problem
 * names the seq (and checkpoint size) it concerns; `firstBadSeq` is the lowest named seq. Rows are
 * streamed: memory is O(log n) for the tree plus the checkpoints.
 *
 * What it proves: entries covered by a checkpoint the verifier trusts were not edited, removed or
 * reordered. A history rewritten and re-signed with the key is caught only by `trustedCheckpoint`.
 * @module
 */
import { AuditError } from './errors.js';
import { parseCheckpoint, verifyCheckpoint, type VerifierKey } from './checkpoint.js';
import { chainHash, genesisPrevHash, leafHashOf, type AuditEntry, type JsonValue } from './leaf.js';
import { HASH_SIZE, TreeBuilder, hashChildren } from './merkle.js';
import { hashesFromHex, hashesToHex } from './tree-nodes.js';

export interface StoredEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  payloadJson: string;
  leafHash: string | Uint8Array;
  prevHash: string | Uint8Array;
  subtreeHashes?: string | undefined;
}

export interface StoredHead {
  size: number;
  lastHash: string;
  compactRange: string;
}

export interface VerifyLogInput {
  entries: Iterable<StoredEntry> | AsyncIterable<StoredEntry>;
  head?: StoredHead | undefined;
  checkpoints: readonly string[];
  verifierKey: VerifierKey;
  trustedCheckpoint?: string | undefined;
  observe?: ((entry: AuditEntry) => void) | undefined;
}

export type LogProblemCode =
  | 'seq-gap'
  | 'seq-order'
  | 'bad-entry'
  | 'leaf-hash-mismatch'
  | 'chain-mismatch'
  | 'subtree-mismatch'
  | 'head-mismatch'
  | 'checkpoint-invalid'
  | 'checkpoint-mismatch'
  | 'checkpoint-beyond-log'
  | 'checkpoints-inconsistent'
  | 'trusted-checkpoint-invalid'
  | 'trusted-checkpoint-mismatch'
  | 'trusted-checkpoint-beyond-log';

export interface LogProblem {
  seq?: number;
  checkpointSize?: number;
  /** The stored row the problem is about, e.g. `case/<id>` (see verify-records.ts). */
  subject?: string;
  code: LogProblemCode | RecordProblemCode;
  message: string;
}

export type RecordProblemCode = 'record-unaudited' | 'record-mismatch' | 'record-missing';

export interface LogReport {
  ok: boolean;
  /** Rows read. */
  entries: number;
  /** Stored checkpoints whose signature verified. */
  checkpoints: number;
  firstBadSeq?: number;
  problems: LogProblem[];
}

interface Anchor {
  size: number;
  root: Buffer;
  trusted: boolean;
  matches?: boolean;
}

export async function verifyLog(input: VerifyLogInput): Promise<LogReport> {
  const problems: LogProblem[] = [];
  const stored = input.checkpoints.flatMap((note, position) => {
    const anchor = readAnchor(
      note,
      input.verifierKey,
      false,
      problems,
      `stored checkpoint ${position}`,
    );
    return anchor === undefined ? [] : [anchor];
  });
  const trusted =
    input.trustedCheckpoint === undefined
      ? undefined
      : readAnchor(
          input.trustedCheckpoint,
          input.verifierKey,
          true,
          problems,
          'trusted checkpoint',
        );
  const anchors = trusted === undefined ? stored : [...stored, trusted];
  const bySize = new Map<number, Anchor[]>();
  for (const anchor of anchors)
    bySize.set(anchor.size, [...(bySize.get(anchor.size) ?? []), anchor]);

  const tree = new TreeBuilder();
  let lastMatchedSize = 0;
  const checkAnchors = () => {
    const atSize = bySize.get(tree.size);
    if (atSize === undefined) return;
    const rebuilt = tree.root();
    for (const anchor of atSize) {
      anchor.matches = rebuilt.equals(anchor.root);
      if (anchor.matches) continue;
      problems.push({
        checkpointSize: anchor.size,
        code: anchor.trusted ? 'trusted-checkpoint-mismatch' : 'checkpoint-mismatch',
        message:
          `the ${anchor.trusted ? 'trusted' : 'stored'} checkpoint at size ${anchor.size} has root ` +
          `${anchor.root.toString('hex')} but the stored entries rebuild ${rebuilt.toString('hex')}: ` +
          `an entry in seq ${lastMatchedSize}..${anchor.size - 1} was changed, removed or reordered`,
      });
    }
    if (atSize.some((anchor) => anchor.matches)) lastMatchedSize = tree.size;
  };
  checkAnchors();

  let expectedSeq = 0;
  let chain = genesisPrevHash();
  const storedTree = new StoredTree();
  for await (const row of input.entries) {
    const seq = row.seq;
    if (seq !== expectedSeq) {
      problems.push(
        seq > expectedSeq
          ? {
              seq: expectedSeq,
              code: 'seq-gap',
              message: `seq ${expectedSeq}..${seq - 1} missing here: the row after seq ${expectedSeq - 1} is seq ${seq}`,
            }
          : {
              seq,
              code: 'seq-order',
              message: `seq ${seq} comes after seq ${expectedSeq - 1}: rows are duplicated or out of order`,
            },
      );
    }
    // A late row does not move the expectation back, so one misplaced row is one problem.
    expectedSeq = Number.isSafeInteger(seq) ? Math.max(expectedSeq, seq + 1) : expectedSeq + 1;

    let leaf: Buffer | undefined;
    try {
      const entry = entryOf(row);
      leaf = leafHashOf(entry);
      input.observe?.(entry);
    } catch (error) {
      problems.push({ seq, code: 'bad-entry', message: messageOf(error) });
    }
    const storedLeaf = hashFrom(row.leafHash);
    if (leaf !== undefined && !storedLeaf?.equals(leaf)) {
      problems.push({
        seq,
        code: 'leaf-hash-mismatch',
        message: `entry ${seq} does not hash to its stored leaf hash: its content or hash was changed`,
      });
    }
    const storedPrev = hashFrom(row.prevHash);
    if (!storedPrev?.equals(chain)) {
      problems.push({
        seq,
        code: 'chain-mismatch',
        message:
          `the prev hash stored with seq ${seq} does not follow from the rows before it: ` +
          `seq ${seq} or the row before it was changed, or a row was removed`,
      });
    }
    // The chain follows the stored hashes, so one altered row breaks one link, not every later one.
    const chainLeaf = storedLeaf ?? leaf ?? Buffer.alloc(HASH_SIZE);
    chain = chainHash(storedPrev ?? chain, chainLeaf);
    if (!storedTree.append(chainLeaf, row.subtreeHashes)) {
      problems.push({
        seq,
        code: 'subtree-mismatch',
        message: `the subtree hashes stored with seq ${seq} are not the hashes of the stored nodes below them: proofs from them would fail`,
      });
    }
    // The tree follows the content, which is what the checkpoints signed.
    tree.append(leaf ?? chainLeaf);
    checkAnchors();
  }
  if (input.head !== undefined) problems.push(...headProblems(input.head, storedTree, chain));

  for (const anchor of anchors) {
    if (anchor.size <= tree.size) continue;
    problems.push({
      seq: tree.size,
      checkpointSize: anchor.size,
      code: anchor.trusted ? 'trusted-checkpoint-beyond-log' : 'checkpoint-beyond-log',
      message:
        `the ${anchor.trusted ? 'trusted' : 'stored'} checkpoint covers ${anchor.size} entries but ` +
        `the log has ${tree.size}: seq ${tree.size}..${anchor.size - 1} were removed`,
    });
  }
  problems.push(...inconsistentPairs(stored));

  const seqs = problems.flatMap((problem) => (problem.seq === undefined ? [] : [problem.seq]));
  const report: LogReport = {
    ok: problems.length === 0,
    entries: tree.size,
    checkpoints: stored.length,
    problems,
  };
  if (seqs.length > 0) report.firstBadSeq = Math.min(...seqs);
  return report;
}

/**
 * The tree as stored: the leaf hashes and the subtree hashes stored with the entries, from which
 * proofs are built and the head's compact range (which checkpoints sign) is kept. Each stored
 * subtree hash must be the hash of the two stored nodes below it, so one bad row is one problem;
 * whether the leaves are the entries' is the leaf hash check, and the roots the checkpoints' check.
 */
class StoredTree {
  readonly range: Buffer[] = [];
  size = 0;

  /** Appends a row's stored hashes; false when its subtree hashes are not the expected ones. */
  append(leafHash: Buffer, subtreeHashes: string | undefined): boolean {
    let stored: Buffer[] | undefined;
    try {
      stored = subtreeHashes === undefined ? undefined : hashesFromHex(subtreeHashes);
    } catch {
      stored = [];
    }
    let node = leafHash;
    let level = 0;
    let matches = true;
    for (let count = this.size + 1; count % 2 === 0; count /= 2) {
      const expected = hashChildren(this.range.pop()!, node);
      const found = stored?.[level];
      if (found !== undefined && !found.equals(expected)) matches = false;
      node = found ?? expected;
      level += 1;
    }
    this.size += 1;
    this.range.push(node);
    return stored === undefined || (matches && stored.length === level);
  }
}

/**
 * The head must describe the entries read: its size, the chain hash after the last entry and the
 * tree's compact range. Entries deleted from the tail with no checkpoint over them leave the head
 * ahead of the entries: only this comparison sees them.
 */
function headProblems(head: StoredHead, tree: StoredTree, chain: Buffer): LogProblem[] {
  if (head.size !== tree.size) {
    const missing = head.size > tree.size;
    return [
      {
        seq: Math.min(head.size, tree.size),
        code: 'head-mismatch',
        message: missing
          ? `the log's head says ${head.size} entries but ${tree.size} are stored: seq ${tree.size}..${head.size - 1} were removed`
          : `the log's head says ${head.size} entries but ${tree.size} are stored: the head was changed`,
      },
    ];
  }
  if (head.lastHash !== chain.toString('hex') || head.compactRange !== hashesToHex(tree.range)) {
    return [
      {
        seq: Math.max(0, head.size - 1),
        code: 'head-mismatch',
        message: `the log's head does not follow from its ${head.size} entries: the head or the last entry was changed`,
      },
    ];
  }
  return [];
}

/**
 * Two signed checkpoints are inconsistent when the same size has two roots, or when the later one
 * matches the rebuilt tree and the earlier one does not: the later tree's prefix is the rebuilt
 * one, so the key signed two histories. (When both mismatch, the entries cannot tell.)
 */
function inconsistentPairs(stored: Anchor[]): LogProblem[] {
  const sorted = [...stored].sort((a, b) => a.size - b.size);
  return sorted.slice(1).flatMap((later, index) => {
    const earlier = sorted[index]!;
    const forked =
      earlier.size === later.size
        ? !earlier.root.equals(later.root)
        : earlier.matches === false && later.matches === true;
    if (!forked) return [];
    return [
      {
        checkpointSize: later.size,
        code: 'checkpoints-inconsistent' as const,
        message:
          `the checkpoints at sizes ${earlier.size} and ${later.size} cannot both be true: ` +
          'the log key signed two different histories',
      },
    ];
  });
}

function readAnchor(
  note: string,
  verifierKey: VerifierKey,
  trusted: boolean,
  problems: LogProblem[],
  what: string,
): Anchor | undefined {
  try {
    const { size, root } = verifyCheckpoint(note, verifierKey);
    return { size, root, trusted };
  } catch (error) {
    const problem: LogProblem = {
      code: trusted ? 'trusted-checkpoint-invalid' : 'checkpoint-invalid',
      message: `${what}: ${messageOf(error)}`,
    };
    const size = sizeOf(note);
    if (size !== undefined) problem.checkpointSize = size;
    problems.push(problem);
    return undefined;
  }
}

function sizeOf(note: string): number | undefined {
  try {
    return parseCheckpoint(note).size;
  } catch {
    return undefined;
  }
}

/** The entry a row stores; its payload is JSON text that must parse. */
function entryOf(row: StoredEntry): AuditEntry {
  let payload: JsonValue;
  try {
    payload = JSON.parse(row.payloadJson) as JsonValue;
  } catch {
    throw new AuditError('bad-entry', `entry ${row.seq}: the stored payload is not JSON`);
  }
  const { seq, at, actor, action, subject } = row;
  return { seq, at, actor, action, subject, payload };
}

function hashFrom(value: string | Uint8Array): Buffer | undefined {
  if (typeof value === 'string') {
    return /^[0-9a-fA-F]{64}$/.test(value) ? Buffer.from(value, 'hex') : undefined;
  }
  return value.length === HASH_SIZE ? Buffer.from(value) : undefined;
}

function messageOf(error: unknown): string {
  if (error instanceof AuditError) return `${error.code}: ${error.message}`;
  throw error;
}
