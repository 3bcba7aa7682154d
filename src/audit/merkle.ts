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
 * - `TreeBuilder`: appends leaf hashes one at a time and gives the root at the current size in
 *   O(log n) memory (a compact range), for streaming a whole log.
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

/**
 * The roots of the perfect subtrees that make up the tree so far, largest (leftmost) first. Their
 * sizes are the binary digits of the tree size, so folding them from the right gives RFC 6962's
 * root, whose left subtree is always the largest power of two below the size.
 */
export class TreeBuilder {
  readonly #subtrees: Uint8Array[] = [];
  #size = 0;

  get size(): number {
    return this.#size;
  }

  append(leafHash: Uint8Array): void {
    checkHash(leafHash, `leaf hash ${this.#size}`);
    // A copy, so a caller reusing its buffer cannot change the tree afterwards.
    let node: Uint8Array = Buffer.from(leafHash);
    this.#size += 1;
    // Each trailing zero of the new size is a pair of equal subtrees to merge.
    for (let count = this.#size; count % 2 === 0; count /= 2) {
      node = hashChildren(this.#subtrees.pop()!, node);
    }
    this.#subtrees.push(node);
  }

  root(): Buffer {
    let index = this.#subtrees.length - 1;
    if (index < 0) return emptyRoot();
    let root: Buffer = Buffer.from(this.#subtrees[index]!);
    for (index -= 1; index >= 0; index -= 1) root = hashChildren(this.#subtrees[index]!, root);
    return root;
  }
}

export function rootOf(leafHashes: readonly Uint8Array[]): Buffer {
  return subtreeRoot(leafHashes, 0, leafHashes.length);
}

export function inclusionProof(
  leafHashes: readonly Uint8Array[],
  index: number,
  size: number,
): Buffer[] {
  checkTreeSize(size, leafHashes.length);
  if (!Number.isSafeInteger(index) || index < 0 || index >= size) {
    throw new AuditError(
      'index-out-of-range',
      `leaf index ${index} is not below tree size ${size}`,
    );
  }
  // RFC 6962 PATH(m, D[n]), walked from the root down; the path is read back leaf first.
  const path: Buffer[] = [];
  let start = 0;
  let end = size;
  while (end - start > 1) {
    const split = start + largestPowerOfTwoBelow(end - start);
    if (index < split) {
      path.push(subtreeRoot(leafHashes, split, end));
      end = split;
    } else {
      path.push(subtreeRoot(leafHashes, start, split));
      start = split;
    }
  }
  return path.reverse();
}

export function consistencyProof(
  leafHashes: readonly Uint8Array[],
  size1: number,
  size2: number,
): Buffer[] {
  checkTreeSize(size2, leafHashes.length);
  if (!Number.isSafeInteger(size1) || size1 < 0 || size1 > size2) {
    throw new AuditError('size-out-of-range', `size1 ${size1} is not within 0..${size2}`);
  }
  if (size1 === 0) {
    throw new AuditError('empty-tree', 'a consistency proof from the empty tree is meaningless');
  }
  // RFC 6962 SUBPROOF(m, D[n], b), walked from the root down; `whole` is b: the old tree is the
  // whole current subtree, so the verifier already knows its root and it is left out.
  const proof: Buffer[] = [];
  let oldSize = size1;
  let start = 0;
  let end = size2;
  let whole = true;
  while (oldSize !== end - start) {
    const half = largestPowerOfTwoBelow(end - start);
    if (oldSize <= half) {
      proof.push(subtreeRoot(leafHashes, start + half, end));
      end = start + half;
    } else {
      proof.push(subtreeRoot(leafHashes, start, start + half));
      start += half;
      oldSize -= half;
      whole = false;
    }
  }
  if (!whole) proof.push(subtreeRoot(leafHashes, start, end));
  return proof.reverse();
}

function subtreeRoot(leafHashes: readonly Uint8Array[], start: number, end: number): Buffer {
  const tree = new TreeBuilder();
  for (let index = start; index < end; index += 1) tree.append(leafHashes[index]!);
  return tree.root();
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
