/**
 * Pure verifiers of RFC 6962 proofs, following transparency-dev/merkle proof/verify.go
 * and its conformance vectors (testdata/) exactly.
 *
 * - `verifyInclusion(index, size, leafHash, proof, root)`: requires `index < size`, a 32-byte leaf
 *   hash and exactly as many proof hashes as the tree shape needs.
 * - `verifyConsistency(size1, size2, root1, root2, proof)`: `size2 < size1` is an error; a proof
 *   from size 0 is meaningless (an error, even to size 0); equal sizes need an empty proof and equal
 *   roots; otherwise the proof must be non-empty and of the exact length.
 *
 * Both return nothing on success and throw `AuditError` (a `RootMismatchError` with both roots when
 * the proof computes another root). Sizes and indices may be `number` or `bigint`; the bit
 * arithmetic runs on BigInt so trees beyond 2^32 (and up to 2^64, as in Go) are handled.
 * @module
 */
import { AuditError, RootMismatchError } from './errors.js';
import { checkHash, hashChildren } from './merkle.js';

export function verifyInclusion(
  index: number | bigint,
  size: number | bigint,
  leafHash: Uint8Array,
  proof: readonly Uint8Array[],
  root: Uint8Array,
): void {
  verifyMatch(
    rootFromInclusionProof(toUint(index, 'index'), toUint(size, 'size'), leafHash, proof),
    root,
  );
}

export function verifyConsistency(
  size1: number | bigint,
  size2: number | bigint,
  root1: Uint8Array,
  root2: Uint8Array,
  proof: readonly Uint8Array[],
): void {
  verifyMatch(
    rootFromConsistencyProof(toUint(size1, 'size1'), toUint(size2, 'size2'), proof, root1),
    root2,
  );
}

function rootFromInclusionProof(
  index: bigint,
  size: bigint,
  leafHash: Uint8Array,
  proof: readonly Uint8Array[],
): Uint8Array {
  if (index >= size) {
    throw new AuditError('index-out-of-range', `index is beyond size: ${index} >= ${size}`);
  }
  checkHash(leafHash, 'leaf hash');
  const { inner, border } = decomposeInclusionProof(index, size);
  if (proof.length !== inner + border) {
    throw new AuditError(
      'wrong-proof-length',
      `wrong proof size ${proof.length}, want ${inner + border}`,
    );
  }
  const below = chainInner(leafHash, proof.slice(0, inner), index);
  return chainBorderRight(below, proof.slice(inner));
}

function rootFromConsistencyProof(
  size1: bigint,
  size2: bigint,
  proof: readonly Uint8Array[],
  root1: Uint8Array,
): Uint8Array {
  if (size2 < size1) {
    throw new AuditError('size2-below-size1', `size2 (${size2}) < size1 (${size1})`);
  }
  // Before the equal-sizes case: the conformance vectors reject 0 -> 0 too.
  if (size1 === 0n) {
    throw new AuditError('empty-tree', 'consistency proof from empty tree is meaningless');
  }
  if (size1 === size2) {
    if (proof.length > 0) {
      throw new AuditError('proof-not-empty', 'size1=size2, but proof is not empty');
    }
    return root1;
  }
  if (proof.length === 0) throw new AuditError('empty-proof', 'empty proof');

  const decomposed = decomposeInclusionProof(size1 - 1n, size2);
  const shift = trailingZeros(size1);
  // shift < inner whenever size1 < size2.
  const inner = decomposed.inner - shift;
  const { border } = decomposed;

  // The proof starts with the root of the subtree of size 2^shift holding leaf size1-1, unless
  // that subtree is the whole old tree, whose root the verifier already has.
  const isWholeOldTree = size1 === 1n << BigInt(shift);
  const seed = isWholeOldTree ? root1 : proof[0]!;
  const start = isWholeOldTree ? 0 : 1;
  if (proof.length !== start + inner + border) {
    throw new AuditError(
      'wrong-proof-length',
      `wrong proof size ${proof.length}, want ${start + inner + border}`,
    );
  }
  // What remains is a suffix of the inclusion proof of leaf size1-1 in the tree of size2.
  const rest = proof.slice(start);
  const innerPart = rest.slice(0, inner);
  const borderPart = rest.slice(inner);
  const mask = (size1 - 1n) >> BigInt(shift);

  const hash1 = chainBorderRight(chainInnerRight(seed, innerPart, mask), borderPart);
  verifyMatch(hash1, root1);
  return chainBorderRight(chainInner(seed, innerPart, mask), borderPart);
}

/**
 * Splits the inclusion proof of `index` in a tree of `size` where the paths to `index` and to
 * `size - 1` meet: `inner` hashes below that point, `border` hashes along the right border above.
 */
function decomposeInclusionProof(index: bigint, size: bigint): { inner: number; border: number } {
  const inner = bitLength(index ^ (size - 1n));
  return { inner, border: onesCount(index >> BigInt(inner)) };
}

function chainInner(seed: Uint8Array, proof: readonly Uint8Array[], index: bigint): Uint8Array {
  let hash = seed;
  proof.forEach((sibling, level) => {
    hash = bit(index, level) ? hashChildren(sibling, hash) : hashChildren(hash, sibling);
  });
  return hash;
}

/** Like chainInner, but only the left siblings: the hash of the subtree's earlier version. */
function chainInnerRight(
  seed: Uint8Array,
  proof: readonly Uint8Array[],
  index: bigint,
): Uint8Array {
  let hash = seed;
  proof.forEach((sibling, level) => {
    if (bit(index, level)) hash = hashChildren(sibling, hash);
  });
  return hash;
}

function chainBorderRight(seed: Uint8Array, proof: readonly Uint8Array[]): Uint8Array {
  let hash = seed;
  for (const sibling of proof) hash = hashChildren(sibling, hash);
  return hash;
}

function verifyMatch(calculated: Uint8Array, expected: Uint8Array): void {
  if (!Buffer.from(calculated).equals(expected)) throw new RootMismatchError(expected, calculated);
}

function bit(value: bigint, position: number): boolean {
  return ((value >> BigInt(position)) & 1n) === 1n;
}

function bitLength(value: bigint): number {
  return value === 0n ? 0 : value.toString(2).length;
}

function onesCount(value: bigint): number {
  let count = 0;
  for (const digit of value.toString(2)) if (digit === '1') count += 1;
  return count;
}

function trailingZeros(value: bigint): number {
  let count = 0;
  for (let rest = value; rest > 0n && (rest & 1n) === 0n; rest >>= 1n) count += 1;
  return count;
}

function toUint(value: number | bigint, what: string): bigint {
  if (typeof value === 'number' && !Number.isSafeInteger(value)) {
    throw new AuditError('bad-size', `${what} ${value} is not a safe integer`);
  }
  const big = BigInt(value);
  if (big < 0n) throw new AuditError('bad-size', `${what} ${big} is negative`);
  return big;
}
