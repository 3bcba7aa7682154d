/**
 * RFC 6962 Merkle tree hashing and proof building (node:crypto SHA-256 only).
 *
 * - `hashLeaf(bytes)` = SHA-256(0x00 || bytes); `hashChildren(l, r)` = SHA-256(0x01 || l || r);
 *   `emptyRoot()` = SHA-256() — the root of the tree of size 0.
 * - `rootOf(leafHashes)`: the Merkle Tree Hash over leaf hashes (not raw leaves).
 * - `inclusionProof(leafHashes, index, size)`: the audit path of leaf `index` in the tree made of
 *   the first `size` leaves, ordered from the leaf's sibling up to the root's child (RFC 6962 §2.1.1).
 * - `consistencyProof(leafHashes, size1, size2)`: RFC 6962 §2.1.2 PROOF(size1, D[size2]);
 *   `0 < size1 <= size2 <= leafHashes.length`.
 * - `inclusionRanges(index, size)` / `consistencyRanges(size1, size2)`: the leaf ranges whose
 *   subtree hashes make up those proofs, in proof order; the proofs above are their hashes over an
 *   array, and src/audit/tree-nodes.ts builds the same proofs from stored subtree hashes.
 * - `TreeBuilder`: appends leaf hashes one at a time and gives the root at the current size in
 *   O(log n) memory (a compact range), for streaming a whole log; it can resume from a stored
 *   compact range and reports each perfect subtree it completes, so a writer can store them.
 *
 * Bad sizes or indices throw `AuditError`. Sizes are plain numbers here: they are bounded by an
 * in-memory array. Only arithmetic is used on them, never 32-bit bitwise operators.
 * @module
 */
import { hash } from 'node:crypto';
import { AuditError } from './errors.js';

export const HASH_SIZE = 32;

const LEAF_PREFIX = Buffer.from([0x00]);
// One scratch buffer for node inputs: crypto.hash is one-shot and synchronous, and more than twice
// as fast as createHash for 65 bytes, which is what rebuilding a large tree costs.
const nodeInput = Buffer.alloc(1 + 2 * HASH_SIZE);

export function hashLeaf(leaf: Uint8Array): Buffer {
  return hash('sha256', Buffer.concat([LEAF_PREFIX, leaf]), 'buffer');
}

export function hashChildren(left: Uint8Array, right: Uint8Array): Buffer {
  // Proofs under verification may carry hashes of any length; they must hash, then mismatch.
  if (left.length !== HASH_SIZE || right.length !== HASH_SIZE) {
    return hash('sha256', Buffer.concat([Buffer.from([0x01]), left, right]), 'buffer');
  }
  nodeInput[0] = 0x01;
  nodeInput.set(left, 1);
  nodeInput.set(right, 1 + HASH_SIZE);
  return hash('sha256', nodeInput, 'buffer');
}

export function emptyRoot(): Buffer {
  return hash('sha256', Buffer.alloc(0), 'buffer');
}

export function checkHash(hash: Uint8Array, what: string): void {
  if (hash.length !== HASH_SIZE) {
    throw new AuditError('bad-hash', `${what} has ${hash.length} bytes, want ${HASH_SIZE}`);
  }
}

/** A perfect subtree completed by an append: leaves `index * 2^level` up to `(index + 1) * 2^level`. */
export type OnSubtree = (level: number, index: number, hash: Buffer) => void;

/**
 * The roots of the perfect subtrees that make up the tree so far, largest (leftmost) first. Their
 * sizes are the binary digits of the tree size, so folding them from the right gives RFC 6962's
 * root, whose left subtree is always the largest power of two below the size.
 */
export class TreeBuilder {
  readonly #subtrees: Buffer[];
  #size: number;

  /** Resumes a tree of `size` leaves from its compact range (`subtrees`, largest first). */
  constructor(size = 0, subtrees: readonly Uint8Array[] = []) {
    if (!Number.isSafeInteger(size) || size < 0 || subtrees.length !== onesIn(size)) {
      throw new AuditError(
        'size-out-of-range',
        `a tree of ${String(size)} leaves is not made of ${String(subtrees.length)} perfect subtrees`,
      );
    }
    subtrees.forEach((hash, index) => {
      checkHash(hash, `subtree hash ${String(index)}`);
    });
    this.#size = size;
    this.#subtrees = subtrees.map((hash) => Buffer.from(hash));
  }

  get size(): number {
    return this.#size;
  }

  /** The compact range: the perfect subtrees' roots, largest first (copies). */
  get subtrees(): Buffer[] {
    return this.#subtrees.map((hash) => Buffer.from(hash));
  }

  append(leafHash: Uint8Array, onSubtree?: OnSubtree): void {
    checkHash(leafHash, `leaf hash ${this.#size}`);
    // A copy, so a caller reusing its buffer cannot change the tree afterwards.
    let node: Buffer = Buffer.from(leafHash);
    let index = this.#size;
    this.#size += 1;
    // Each trailing zero of the new size is a pair of equal subtrees to merge.
    for (let count = this.#size, level = 1; count % 2 === 0; count /= 2, level += 1) {
      node = hashChildren(this.#subtrees.pop()!, node);
      index = Math.floor(index / 2);
      onSubtree?.(level, index, node);
    }
    this.#subtrees.push(node);
  }

  root(): Buffer {
    return foldSubtrees(this.#subtrees);
  }
}

/** The root of the tree whose compact range is `subtrees` (largest first). */
export function foldSubtrees(subtrees: readonly Uint8Array[]): Buffer {
  let index = subtrees.length - 1;
  if (index < 0) return emptyRoot();
  let root: Buffer = Buffer.from(subtrees[index]!);
  for (index -= 1; index >= 0; index -= 1) root = hashChildren(subtrees[index]!, root);
  return root;
}

/** Leaves `start` (included) to `end` (excluded). */
export interface LeafRange {
  start: number;
  end: number;
}

export function rootOf(leafHashes: readonly Uint8Array[]): Buffer {
  return subtreeRoot(leafHashes, { start: 0, end: leafHashes.length });
}

export function inclusionProof(
  leafHashes: readonly Uint8Array[],
  index: number,
  size: number,
): Buffer[] {
  checkTreeSize(size, leafHashes.length);
  return inclusionRanges(index, size).map((range) => subtreeRoot(leafHashes, range));
}

export function consistencyProof(
  leafHashes: readonly Uint8Array[],
  size1: number,
  size2: number,
): Buffer[] {
  checkTreeSize(size2, leafHashes.length);
  return consistencyRanges(size1, size2).map((range) => subtreeRoot(leafHashes, range));
}

/** The ranges of RFC 6962 PATH(index, D[size]), from the leaf's sibling up. */
export function inclusionRanges(index: number, size: number): LeafRange[] {
  checkTreeSize(size, Number.MAX_SAFE_INTEGER);
  if (!Number.isSafeInteger(index) || index < 0 || index >= size) {
    throw new AuditError(
      'index-out-of-range',
      `leaf index ${index} is not below tree size ${size}`,
    );
  }
  // Walked from the root down; the path is read back leaf first.
  const path: LeafRange[] = [];
  let start = 0;
  let end = size;
  while (end - start > 1) {
    const split = start + largestPowerOfTwoBelow(end - start);
    if (index < split) {
      path.push({ start: split, end });
      end = split;
    } else {
      path.push({ start, end: split });
      start = split;
    }
  }
  return path.reverse();
}

/** The ranges of RFC 6962 PROOF(size1, D[size2]); `0 < size1 <= size2`. */
export function consistencyRanges(size1: number, size2: number): LeafRange[] {
  checkTreeSize(size2, Number.MAX_SAFE_INTEGER);
  if (!Number.isSafeInteger(size1) || size1 < 0 || size1 > size2) {
    throw new AuditError('size-out-of-range', `size1 ${size1} is not within 0..${size2}`);
  }
  if (size1 === 0) {
    throw new AuditError('empty-tree', 'a consistency proof from the empty tree is meaningless');
  }
  // RFC 6962 SUBPROOF(m, D[n], b), walked from the root down; `whole` is b: the old tree is the
  // whole current subtree, so the verifier already knows its root and it is left out.
  const proof: LeafRange[] = [];
  let oldSize = size1;
  let start = 0;
  let end = size2;
  let whole = true;
  while (oldSize !== end - start) {
    const half = largestPowerOfTwoBelow(end - start);
    if (oldSize <= half) {
      proof.push({ start: start + half, end });
      end = start + half;
    } else {
      proof.push({ start, end: start + half });
      start += half;
      oldSize -= half;
      whole = false;
    }
  }
  if (!whole) proof.push({ start, end });
  return proof.reverse();
}

function subtreeRoot(leafHashes: readonly Uint8Array[], { start, end }: LeafRange): Buffer {
  const tree = new TreeBuilder();
  for (let index = start; index < end; index += 1) tree.append(leafHashes[index]!);
  return tree.root();
}

/** How many binary ones `n` has: the number of perfect subtrees in a tree of `n` leaves. */
export function onesIn(n: number): number {
  let ones = 0;
  for (let rest = n; rest > 0; rest = Math.floor(rest / 2)) ones += rest % 2;
  return ones;
}

function largestPowerOfTwoBelow(n: number): number {
  let power = 1;
  while (power * 2 < n) power *= 2;
  return power;
}

function checkTreeSize(size: number, available: number): void {
  if (!Number.isSafeInteger(size) || size < 0 || size > available) {
    throw new AuditError('size-out-of-range', `tree size ${size} is not within 0..${available}`);
  }
}
