/**
 * Proofs from stored subtree hashes, so a root or a proof costs O(log n) reads, not the whole log.
 *
 * The writer stores the root of every perfect subtree of the RFC 6962 tree as the appends complete
 * it (`TreeBuilder`'s `onSubtree`), keyed by `nodePosition`; the leaves are the log's own leaf
 * hashes. Any range a proof needs (`inclusionRanges`, `consistencyRanges`) splits into at most
 * 2 log n such subtrees (`perfectSubtrees`), so a proof is one read of O(log² n) known nodes.
 *
 * - `nodePosition(level, index)`: the subtree's place in the order appends complete subtrees,
 *   leaves included (a post-order numbering, as in a Merkle mountain range): positions only grow
 *   as the log grows, so stored nodes append to their index.
 * - `inclusionProofFromNodes(read, index, size)`, `consistencyProofFromNodes(read, size1, size2)`,
 *   `rootFromNodes(read, size)`: equal to merkle.ts's proofs over every leaf; `read` is given
 *   the distinct subtrees needed and answers their hashes in the same order.
 * - `hashesToHex(hashes)` / `hashesFromHex(text)`: a list of hashes stored as one hex text.
 * @module
 */
import { AuditError } from './errors.js';
import {
  HASH_SIZE,
  checkHash,
  consistencyRanges,
  foldSubtrees,
  inclusionRanges,
  onesIn,
  type LeafRange,
} from './merkle.js';

/** The perfect subtree over leaves `index * 2^level` up to `(index + 1) * 2^level`. */
export interface Subtree {
  level: number;
  index: number;
}

/** Answers the hash of each subtree asked for, in order. */
export type SubtreeReader = (subtrees: readonly Subtree[]) => Promise<readonly Uint8Array[]>;

export function nodePosition(level: number, index: number): number {
  // The subtree is completed by leaf `end - 1`, after the 2m - ones(m) nodes of the first m leaves
  // (m = end - 1: a tree of m leaves has m leaves and m - ones(m) inner perfect subtrees).
  const before = (index + 1) * 2 ** level - 1;
  return 2 * before - onesIn(before) + level;
}

/** The maximal aligned perfect subtrees that make up `range`, left to right. */
export function perfectSubtrees({ start, end }: LeafRange): Subtree[] {
  const subtrees: Subtree[] = [];
  let at = start;
  while (at < end) {
    let width = 1;
    let level = 0;
    while (at % (width * 2) === 0 && at + width * 2 <= end) {
      width *= 2;
      level += 1;
    }
    subtrees.push({ level, index: at / width });
    at += width;
  }
  return subtrees;
}

export async function inclusionProofFromNodes(
  read: SubtreeReader,
  index: number,
  size: number,
): Promise<Buffer[]> {
  return hashesOf(read, inclusionRanges(index, size));
}

export async function consistencyProofFromNodes(
  read: SubtreeReader,
  size1: number,
  size2: number,
): Promise<Buffer[]> {
  return hashesOf(read, consistencyRanges(size1, size2));
}

export async function rootFromNodes(read: SubtreeReader, size: number): Promise<Buffer> {
  if (size === 0) return foldSubtrees([]);
  const [root] = await hashesOf(read, [{ start: 0, end: size }]);
  return root!;
}

/**
 * RFC 6962's hash of each range. Every range here starts on a multiple of a power of two at least
 * its width, so its perfect subtrees shrink left to right and fold from the right to its hash.
 */
async function hashesOf(read: SubtreeReader, ranges: readonly LeafRange[]): Promise<Buffer[]> {
  const parts = ranges.map(perfectSubtrees);
  const keyOf = ({ level, index }: Subtree) => `${String(level)}/${String(index)}`;
  const wanted = new Map<string, Subtree>();
  for (const subtree of parts.flat()) wanted.set(keyOf(subtree), subtree);
  const asked = [...wanted.values()];
  const answers = await read(asked);
  if (answers.length !== asked.length) {
    throw new AuditError(
      'bad-hash',
      `asked for ${asked.length} subtree hashes, got ${answers.length}`,
    );
  }
  answers.forEach((hash, at) => {
    checkHash(hash, `the stored hash of subtree ${keyOf(asked[at]!)}`);
  });
  const hashes = new Map(asked.map((subtree, at) => [keyOf(subtree), answers[at]!]));
  return parts.map((subtrees) =>
    foldSubtrees(subtrees.map((subtree) => hashes.get(keyOf(subtree))!)),
  );
}

export function hashesToHex(hashes: readonly Uint8Array[]): string {
  return hashes.map((hash) => Buffer.from(hash).toString('hex')).join('');
}

export function hashesFromHex(text: string): Buffer[] {
  if (!/^(?:[0-9a-f]{64})*$/.test(text)) {
    throw new AuditError(
      'bad-hash',
      `stored hashes are not hex of ${String(HASH_SIZE)}-byte hashes`,
    );
  }
  const bytes = Buffer.from(text, 'hex');
  const hashes: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += HASH_SIZE)
    hashes.push(bytes.subarray(at, at + HASH_SIZE));
  return hashes;
}
