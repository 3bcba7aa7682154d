import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { TreeBuilder, consistencyProof, hashLeaf, inclusionProof, rootOf } from './merkle.js';
import {
  consistencyProofFromNodes,
  inclusionProofFromNodes,
  nodePosition,
  perfectSubtrees,
  rootFromNodes,
  type SubtreeReader,
} from './tree-nodes.js';

const hex = (list: readonly Uint8Array[]) => list.map((hash) => Buffer.from(hash).toString('hex'));

const leafHashes = Array.from({ length: 1100 }, (_, i) => hashLeaf(Buffer.from(`entry ${i}`)));

/** What the writer stores: every subtree the appends complete, by position; leaves apart. */
function storedNodes(size: number) {
  const nodes = new Map<number, Buffer>();
  const order: number[] = [];
  const tree = new TreeBuilder();
  for (const leaf of leafHashes.slice(0, size)) {
    order.push(nodePosition(0, tree.size));
    tree.append(leaf, (level, index, hash) => {
      const position = nodePosition(level, index);
      order.push(position);
      nodes.set(position, hash);
    });
  }
  let reads = 0;
  const read: SubtreeReader = (subtrees) => {
    reads += 1;
    return Promise.resolve(
      subtrees.map(({ level, index }) =>
        level === 0 ? leafHashes[index]! : nodes.get(nodePosition(level, index))!,
      ),
    );
  };
  return { tree, read, order, reads: () => reads };
}

describe('proofs from stored subtree hashes', () => {
  test('positions number the subtrees in the order appends complete them', () => {
    const { order } = storedNodes(1100);
    assert.deepEqual(
      order,
      order.map((_, at) => at),
    );
  });

  test('a range splits into aligned perfect subtrees, largest first for a right border', () => {
    assert.deepEqual(perfectSubtrees({ start: 0, end: 7 }), [
      { level: 2, index: 0 },
      { level: 1, index: 2 },
      { level: 0, index: 6 },
    ]);
    assert.deepEqual(perfectSubtrees({ start: 8, end: 16 }), [{ level: 3, index: 1 }]);
    assert.deepEqual(perfectSubtrees({ start: 5, end: 5 }), []);
  });

  test('a resumed tree stores the same subtrees and root as one built in one go', () => {
    const whole = storedNodes(1000).tree;
    const resumed = new TreeBuilder(600, storedNodes(600).tree.subtrees);
    for (const leaf of leafHashes.slice(600, 1000)) resumed.append(leaf);
    assert.deepEqual(hex([resumed.root()]), hex([whole.root()]));
    assert.deepEqual(hex(resumed.subtrees), hex(whole.subtrees));
    assert.throws(() => new TreeBuilder(6, [leafHashes[0]!]), /perfect subtrees/);
  });

  test('every size up to 70, then random sizes to 1100: roots and proofs equal the full rebuild', async () => {
    const check = async (size: number, index: number, size1: number) => {
      const { read, reads } = storedNodes(size);
      assert.deepEqual(
        hex([await rootFromNodes(read, size)]),
        hex([rootOf(leafHashes.slice(0, size))]),
      );
      if (size === 0) return;
      assert.deepEqual(
        hex(await inclusionProofFromNodes(read, index, size)),
        hex(inclusionProof(leafHashes, index, size)),
        `inclusion of ${index} in ${size}`,
      );
      assert.deepEqual(
        hex(await consistencyProofFromNodes(read, size1, size)),
        hex(consistencyProof(leafHashes, size1, size)),
        `consistency ${size1} to ${size}`,
      );
      assert.equal(reads(), 3, 'one read a proof');
    };
    for (let size = 0; size <= 70; size += 1) {
      for (let index = 0; index < Math.max(size, 1); index += 1) {
        await check(size, index, index + 1);
      }
    }
    await fc.assert(
      fc.asyncProperty(
        fc
          .integer({ min: 1, max: leafHashes.length })
          .chain((n) =>
            fc.tuple(
              fc.constant(n),
              fc.integer({ min: 0, max: n - 1 }),
              fc.integer({ min: 1, max: n }),
            ),
          ),
        ([size, index, size1]) => check(size, index, size1),
      ),
      { numRuns: 150 },
    );
  });

  test('a proof at a million leaves needs a few dozen subtrees', async () => {
    let asked = 0;
    const read: SubtreeReader = (subtrees) => {
      asked += subtrees.length;
      return Promise.resolve(subtrees.map(() => Buffer.alloc(32)));
    };
    await inclusionProofFromNodes(read, 777_777, 1_000_003);
    assert.ok(asked <= 40, `${asked} subtrees`);
  });
});
