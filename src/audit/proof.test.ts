import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { AuditError, RootMismatchError } from './errors.js';
import { consistencyProof, hashChildren, hashLeaf, inclusionProof, rootOf } from './merkle.js';
import { verifyConsistency, verifyInclusion } from './proof.js';

/** transparency-dev/merkle's test data, kept in the repository (see its README and LICENSE). */
const vectorsDir = join(
  dirname(fileURLToPath(import.meta.url)),
  'testdata',
  'rfc6962-proof-vectors',
);

interface Vector {
  leafIdx?: bigint;
  treeSize?: bigint;
  size1?: bigint;
  size2?: bigint;
  root?: string;
  root1?: string;
  root2?: string;
  leafHash?: string;
  proof: string[] | null;
  desc: string;
  wantErr: boolean;
}

// Sizes go up to 2^64 - 1, beyond what JSON.parse keeps exact: read them as BigInt.
function readVector(path: string): Vector {
  const text = readFileSync(path, 'utf8').replace(
    /"(leafIdx|treeSize|size1|size2)":\s*(\d+)/g,
    '"$1": "$2"',
  );
  const raw = JSON.parse(text) as Record<string, unknown>;
  for (const key of ['leafIdx', 'treeSize', 'size1', 'size2']) {
    if (typeof raw[key] === 'string') raw[key] = BigInt(raw[key]);
  }
  return raw as unknown as Vector;
}

const b64 = (text: string | undefined) => Buffer.from(text ?? '', 'base64');
const isCode = (code: string) => (error: unknown) =>
  error instanceof AuditError && error.code === code;

function vectorFiles(kind: 'inclusion' | 'consistency'): string[] {
  return readdirSync(join(vectorsDir, kind), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => join(vectorsDir, kind, name));
}

describe('conformance: transparency-dev/merkle testdata', () => {
  for (const kind of ['inclusion', 'consistency'] as const) {
    test(`every ${kind} case, every wantErr mutation`, () => {
      const files = vectorFiles(kind);
      assert.equal(files.length, 98, `${kind} cases`);
      for (const file of files) {
        const v = readVector(file);
        const proof = (v.proof ?? []).map(b64);
        const run = () => {
          if (kind === 'inclusion') {
            verifyInclusion(v.leafIdx!, v.treeSize!, b64(v.leafHash), proof, b64(v.root));
          } else {
            verifyConsistency(v.size1!, v.size2!, b64(v.root1), b64(v.root2), proof);
          }
        };
        const name = `${relative(vectorsDir, file)} (${v.desc})`;
        if (v.wantErr) assert.throws(run, AuditError, name);
        else assert.doesNotThrow(run, name);
      }
    });
  }
});

describe('proof verification edge rules', () => {
  const leaves = Array.from({ length: 8 }, (_, i) => hashLeaf(Buffer.from([i])));
  const root = (size: number) => rootOf(leaves.slice(0, size));

  test('index must be below size', () => {
    assert.throws(() => {
      verifyInclusion(8, 8, leaves[0]!, [], root(8));
    }, isCode('index-out-of-range'));
    assert.throws(() => {
      verifyInclusion(0, 0, leaves[0]!, [], root(0));
    }, isCode('index-out-of-range'));
  });

  test('sizes must be non-negative safe integers', () => {
    assert.throws(() => {
      verifyInclusion(-1, 8, leaves[0]!, [], root(8));
    }, isCode('bad-size'));
    assert.throws(() => {
      verifyInclusion(0, 2 ** 53, leaves[0]!, [], root(8));
    }, isCode('bad-size'));
    assert.throws(() => {
      verifyConsistency(1.5, 8, root(1), root(8), []);
    }, isCode('bad-size'));
  });

  test('the leaf hash must be 32 bytes and the proof exactly as long as the tree needs', () => {
    const path = inclusionProof(leaves, 3, 8);
    assert.throws(() => {
      verifyInclusion(3, 8, leaves[3]!.subarray(1), path, root(8));
    }, isCode('bad-hash'));
    assert.throws(() => {
      verifyInclusion(3, 8, leaves[3]!, path.slice(1), root(8));
    }, isCode('wrong-proof-length'));
    assert.throws(() => {
      verifyInclusion(3, 8, leaves[3]!, [...path, leaves[0]!], root(8));
    }, isCode('wrong-proof-length'));
    const proof = consistencyProof(leaves, 3, 8);
    assert.throws(() => {
      verifyConsistency(3, 8, root(3), root(8), [...proof, leaves[0]!]);
    }, isCode('wrong-proof-length'));
  });

  test('consistency from size 0 is an error, even to size 0', () => {
    assert.throws(() => {
      verifyConsistency(0, 0, root(0), root(0), []);
    }, isCode('empty-tree'));
    assert.throws(() => {
      verifyConsistency(0, 8, root(0), root(8), []);
    }, isCode('empty-tree'));
    assert.throws(() => {
      verifyConsistency(0, 8, root(0), root(8), [root(8)]);
    }, isCode('empty-tree'));
  });

  test('equal sizes need an empty proof and equal roots', () => {
    verifyConsistency(5, 5, root(5), root(5), []);
    assert.throws(() => {
      verifyConsistency(5, 5, root(5), root(5), [leaves[0]!]);
    }, isCode('proof-not-empty'));
    assert.throws(
      () => {
        verifyConsistency(5, 5, root(5), root(6), []);
      },
      (error: unknown) =>
        error instanceof RootMismatchError &&
        Buffer.from(error.expectedRoot).equals(root(6)) &&
        Buffer.from(error.calculatedRoot).equals(root(5)),
    );
  });

  test('size2 below size1 and an empty proof between different sizes are errors', () => {
    assert.throws(() => {
      verifyConsistency(6, 5, root(6), root(5), []);
    }, isCode('size2-below-size1'));
    assert.throws(() => {
      verifyConsistency(5, 6, root(5), root(6), []);
    }, isCode('empty-proof'));
  });

  test('a root mismatch carries the expected and calculated roots', () => {
    const path = inclusionProof(leaves, 2, 8);
    assert.throws(
      () => {
        verifyInclusion(2, 8, leaves[2]!, path, root(7));
      },
      (error: unknown) =>
        error instanceof RootMismatchError &&
        error.code === 'root-mismatch' &&
        Buffer.from(error.expectedRoot).equals(root(7)) &&
        Buffer.from(error.calculatedRoot).equals(root(8)),
    );
  });
});

describe('trees beyond 2^32 leaves', () => {
  // A tree whose leaves all share one hash: every subtree's root depends only on its size, so
  // roots and proofs of any size are cheap. The reference is RFC 6962's recursion on BigInt sizes.
  const leaf = hashLeaf(Buffer.from('same'));
  const memo = new Map<bigint, Buffer>([[1n, leaf]]);
  const split = (n: bigint) => {
    let k = 1n;
    while (k * 2n < n) k *= 2n;
    return k;
  };
  const uniformRoot = (n: bigint): Buffer => {
    let known = memo.get(n);
    if (known === undefined) {
      const k = split(n);
      known = hashChildren(uniformRoot(k), uniformRoot(n - k));
      memo.set(n, known);
    }
    return known;
  };
  const path = (m: bigint, n: bigint): Buffer[] => {
    if (n <= 1n) return [];
    const k = split(n);
    return m < k ? [...path(m, k), uniformRoot(n - k)] : [...path(m - k, n - k), uniformRoot(k)];
  };
  const subproof = (m: bigint, n: bigint, whole: boolean): Buffer[] => {
    if (m === n) return whole ? [] : [uniformRoot(n)];
    const k = split(n);
    return m <= k
      ? [...subproof(m, k, whole), uniformRoot(n - k)]
      : [...subproof(m - k, n - k, false), uniformRoot(k)];
  };

  test('synthetic sizes around and far above 2^32, as numbers and as BigInt', () => {
    const cases: [bigint, bigint][] = [
      [2n ** 32n, 2n ** 32n + 1n],
      [2n ** 32n - 1n, 2n ** 32n + 5n],
      [2n ** 33n + 7n, 2n ** 40n + 12345n],
      [3n, 2n ** 52n + 3n],
      [2n ** 62n + 1n, 2n ** 63n + 2n ** 31n],
    ];
    for (const [m, n] of cases) {
      const asNumber = n <= BigInt(Number.MAX_SAFE_INTEGER);
      const index = m - 1n;
      verifyInclusion(index, n, leaf, path(index, n), uniformRoot(n));
      verifyConsistency(m, n, uniformRoot(m), uniformRoot(n), subproof(m, n, true));
      if (asNumber) {
        verifyInclusion(Number(index), Number(n), leaf, path(index, n), uniformRoot(n));
        verifyConsistency(
          Number(m),
          Number(n),
          uniformRoot(m),
          uniformRoot(n),
          subproof(m, n, true),
        );
      }
      assert.throws(() => {
        verifyInclusion(index, n, leaf, path(index, n), uniformRoot(n - 1n));
      }, RootMismatchError);
    }
  });

  test('property: random sizes up to 2^63 verify, and the wrong tree size fails', () => {
    const sizes = fc
      .bigInt({ min: 2n, max: 2n ** 63n })
      .chain((n) => fc.tuple(fc.bigInt({ min: 1n, max: n - 1n }), fc.constant(n)));
    fc.assert(
      fc.property(sizes, ([m, n]) => {
        verifyInclusion(m, n, leaf, path(m, n), uniformRoot(n));
        verifyConsistency(m, n, uniformRoot(m), uniformRoot(n), subproof(m, n, true));
        assert.throws(() => {
          verifyConsistency(m, n, uniformRoot(m), uniformRoot(n), subproof(m, n, true).slice(1));
        }, AuditError);
      }),
      { numRuns: 200 },
    );
  });
});
