/**
 * Verifies a whole stored audit log, sharing nothing with the writer.
 *
 * `verifyLog({ entries, checkpoints, verifierKey, trustedCheckpoint? })` → `Promise<LogReport>`:
 * - `entries`: the stored rows in seq order, sync or async iterable, each the entry's fields plus
 *   `leafHash` and `prevHash` (hex text or bytes);
 * - `checkpoints`: the stored checkpoint notes; `trustedCheckpoint`: one held outside the database.
 *
 * It re-derives every leaf hash from the row, follows the prev-hash chain, rebuilds the Merkle tree
 * and compares every checkpoint's root at its size, checks signatures, and checks consecutive
 * checkpoints against each other. Each problem names the seq (and checkpoint size) it concerns;
 * `firstBadSeq` is the lowest named seq. Rows are streamed: memory is O(log n) for the tree plus
 * the checkpoints.
 *
 * What it proves: entries covered by a checkpoint the verifier trusts were not edited, removed or
 * reordered. A history rewritten and re-signed with the key is caught only by `trustedCheckpoint`.
 * @module
 */
import { AuditError } from './errors.js';
import { parseCheckpoint, verifyCheckpoint, type VerifierKey } from './checkpoint.js';
import { chainHash, genesisPrevHash, leafHashOf, type AuditEntry } from './leaf.js';
import { HASH_SIZE, TreeBuilder } from './merkle.js';

export interface StoredEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  payload: unknown;
  leafHash: string | Uint8Array;
  prevHash: string | Uint8Array;
}

export interface VerifyLogInput {
  entries: Iterable<StoredEntry> | AsyncIterable<StoredEntry>;
  checkpoints: readonly string[];
  verifierKey: VerifierKey;
  trustedCheckpoint?: string | undefined;
}

export type LogProblemCode =
  | 'seq-gap'
  | 'seq-order'
  | 'bad-entry'
  | 'leaf-hash-mismatch'
  | 'chain-mismatch'
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
  code: LogProblemCode;
  message: string;
}

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
      leaf = leafHashOf(row as AuditEntry);
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
    // The tree follows the content, which is what the checkpoints signed.
    tree.append(leaf ?? chainLeaf);
    checkAnchors();
  }

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
