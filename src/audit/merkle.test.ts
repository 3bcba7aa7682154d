import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { AuditError } from './errors.js';
import {
  TreeBuilder,
  consistencyProof,
  emptyRoot,
  hashChildren,
  hashLeaf,
  inclusionProof,
  rootOf,
} from './merkle.js';
import { verifyConsistency, verifyInclusion } from './proof.js';

// An independent reference: RFC 6962 §2.1 written as literally as possible, recursion and slices.
const sha256 = (...parts: Uint8Array[]) =>
  createHash('sha256').update(Buffer.concat(parts)).digest();
const split = (n: number) => {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
};
function referenceRoot(data: Buffer[]): Buffer {
  if (data.length === 0) return sha256();
  if (data.length === 1) return sha256(Buffer.from([0]), data[0]!);
  const k = split(data.length);
  return sha256(Buffer.from([1]), referenceRoot(data.slice(0, k)), referenceRoot(data.slice(k)));
}
function referencePath(m: number, data: Buffer[]): Buffer[] {
  if (data.length <= 1) return [];
  const k = split(data.length);
  return m < k
    ? [...referencePath(m, data.slice(0, k)), referenceRoot(data.slice(k))]
    : [...referencePath(m - k, data.slice(k)), referenceRoot(data.slice(0, k))];
}
function referenceSubproof(m: number, data: Buffer[], whole: boolean): Buffer[] {
  if (m === data.length) return whole ? [] : [referenceRoot(data)];
  const k = split(data.length);
  return m <= k
    ? [...referenceSubproof(m, data.slice(0, k), whole), referenceRoot(data.slice(k))]
    : [...referenceSubproof(m - k, data.slice(k), false), referenceRoot(data.slice(0, k))];
}

// transparency-dev/merkle testonly/constants.go
const leafInputs = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
].map((hex) => Buffer.from(hex, 'hex'));
const rootHashes = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const hexes = (list: Uint8Array[]) => list.map(hex);

const data64 = Array.from({ length: 64 }, (_, i) => Buffer.from(`audit leaf ${i}`));
const hashes64 = data64.map(hashLeaf);

describe('merkle', () => {
  test('the empty root is SHA-256 of nothing', () => {
    assert.equal(hex(emptyRoot()), rootHashes[0]);
    assert.equal(hex(rootOf([])), rootHashes[0]);
  });

  test('known answers: the roots of sizes 0..8 from transparency-dev/merkle', () => {
    const leafHashes = leafInputs.map(hashLeaf);
    for (let size = 0; size <= 8; size += 1) {
      assert.equal(hex(rootOf(leafHashes.slice(0, size))), rootHashes[size], `size ${size}`);
      assert.equal(hex(referenceRoot(leafInputs.slice(0, size))), rootHashes[size]);
    }
  });

  test('RFC 6962 §2.1.3 worked examples on the 7-leaf tree', () => {
    const [a, b, c, d, e, f, g] = leafInputs.map(hashLeaf) as [
      Buffer,
      Buffer,
      Buffer,
      Buffer,
      Buffer,
      Buffer,
      Buffer,
    ];
    const leaves = [a, b, c, d, e, f, g];
    const h = hashChildren(c, d);
    const l = hashChildren(hashChildren(e, f), g);
    assert.deepEqual(hexes(inclusionProof(leaves, 0, 7)), hexes([b, h, l]));
    assert.deepEqual(hexes(consistencyProof(leaves, 3, 7)), hexes([c, d, hashChildren(a, b), l]));
    assert.deepEqual(hexes(consistencyProof(leaves, 4, 7)), hexes([l]));
    assert.deepEqual(
      hexes(consistencyProof(leaves, 6, 7)),
      hexes([hashChildren(e, f), g, hashChildren(hashChildren(a, b), h)]),
    );
  });

  test('the tree builder gives the root at every size on the way', () => {
    const tree = new TreeBuilder();
    assert.equal(hex(tree.root()), rootHashes[0]);
    for (const [index, leaf] of leafInputs.entries()) {
      tree.append(hashLeaf(leaf));
      assert.equal(tree.size, index + 1);
      assert.equal(hex(tree.root()), rootHashes[index + 1]);
    }
  });

  test('a caller reusing its buffer does not change the tree', () => {
    const tree = new TreeBuilder();
    const buffer = Buffer.from(hashes64[0]!);
    tree.append(buffer);
    buffer.fill(0);
    assert.equal(hex(tree.root()), hex(hashes64[0]!));
  });

  test('exhaustive 1 <= m <= n <= 64: proofs equal the reference and verify', () => {
    for (let n = 1; n <= 64; n += 1) {
      const data = data64.slice(0, n);
      const root = rootOf(hashes64.slice(0, n));
      assert.equal(hex(root), hex(referenceRoot(data)), `root of ${n}`);
      for (let m = 0; m < n; m += 1) {
        const path = inclusionProof(hashes64, m, n);
        assert.deepEqual(hexes(path), hexes(referencePath(m, data)), `path ${m} in ${n}`);
        verifyInclusion(m, n, hashes64[m]!, path, root);
      }
      for (let m = 1; m <= n; m += 1) {
        const proof = consistencyProof(hashes64, m, n);
        assert.deepEqual(hexes(proof), hexes(referenceSubproof(m, data, true)), `${m} to ${n}`);
        verifyConsistency(m, n, rootOf(hashes64.slice(0, m)), root, proof);
      }
    }
  });

  test('bad sizes and indices are errors', () => {
    const code = (code: string) => (error: unknown) =>
      error instanceof AuditError && error.code === code;
    assert.throws(() => inclusionProof(hashes64, 4, 4), code('index-out-of-range'));
    assert.throws(() => inclusionProof(hashes64, -1, 4), code('index-out-of-range'));
    assert.throws(() => inclusionProof(hashes64, 0, 65), code('size-out-of-range'));
    assert.throws(() => inclusionProof(hashes64, 0, 0), code('index-out-of-range'));
    assert.throws(() => consistencyProof(hashes64, 0, 4), code('empty-tree'));
    assert.throws(() => consistencyProof(hashes64, 5, 4), code('size-out-of-range'));
    assert.throws(() => consistencyProof(hashes64, 1, 65), code('size-out-of-range'));
    assert.throws(() => consistencyProof(hashes64, 1.5, 4), code('size-out-of-range'));
    assert.throws(() => {
      new TreeBuilder().append(Buffer.alloc(31));
    }, code('bad-hash'));
    assert.deepEqual(consistencyProof(hashes64, 4, 4), []);
  });

  test('property: random sizes up to 1100 prove and verify, and one flipped bit fails', () => {
    const leafHashes = Array.from({ length: 1100 }, (_, i) => hashLeaf(Buffer.from(`entry ${i}`)));
    const sized = fc
      .integer({ min: 1, max: leafHashes.length })
      .chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 1, max: n }), fc.nat()));
    fc.assert(
      fc.property(sized, ([n, m, bitSeed]) => {
        const root = rootOf(leafHashes.slice(0, n));
        const path = inclusionProof(leafHashes, m - 1, n);
        verifyInclusion(m - 1, n, leafHashes[m - 1]!, path, root);
        const oldRoot = rootOf(leafHashes.slice(0, m));
        const proof = consistencyProof(leafHashes, m, n);
        verifyConsistency(m, n, oldRoot, root, proof);

        const flip = (list: Buffer[]) => {
          const copy = list.map((hash) => Buffer.from(hash));
          const target = copy[bitSeed % copy.length]!;
          const bit = Math.floor(bitSeed / copy.length) % 256;
          target[Math.floor(bit / 8)]! ^= 1 << (bit % 8);
          return copy;
        };
        const [badLeaf] = flip([leafHashes[m - 1]!]);
        assert.throws(() => {
          verifyInclusion(m - 1, n, badLeaf!, path, root);
        }, AuditError);
        const [badRoot] = flip([root]);
        assert.throws(() => {
          verifyInclusion(m - 1, n, leafHashes[m - 1]!, path, badRoot!);
        }, AuditError);
        assert.throws(() => {
          verifyConsistency(m, n, oldRoot, badRoot!, proof);
        }, AuditError);
        if (path.length > 0) {
          assert.throws(() => {
            verifyInclusion(m - 1, n, leafHashes[m - 1]!, flip(path), root);
          }, AuditError);
        }
        if (proof.length > 0) {
          assert.throws(() => {
            verifyConsistency(m, n, oldRoot, root, flip(proof));
          }, AuditError);
        }
      }),
      { numRuns: 200 },
    );
  });

  test('property: random trees of up to 200 leaves match the reference', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ maxLength: 40 }), { minLength: 1, maxLength: 200 }),
        (raw) => {
          const data = raw.map((bytes) => Buffer.from(bytes));
          assert.equal(hex(rootOf(data.map(hashLeaf))), hex(referenceRoot(data)));
        },
      ),
      { numRuns: 100 },
    );
  });
});
