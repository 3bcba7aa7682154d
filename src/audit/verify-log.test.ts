import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { generateSigningKey, signCheckpoint, verifierKeyOf } from './checkpoint.js';
import { chainHash, genesisPrevHash, leafHashOf, type AuditEntry } from './leaf.js';
import { TreeBuilder, rootOf } from './merkle.js';
import { hashesToHex } from './tree-nodes.js';
import { verifyLog, type LogReport, type StoredEntry, type StoredHead } from './verify-log.js';

const key = generateSigningKey('detainer-desk.example/audit');
const verifierKey = verifierKeyOf(key);
const origin = 'detainer-desk.example/audit';

function entry(seq: number, note = 'decided'): AuditEntry {
  return {
    seq,
    at: `2026-03-02T14:${String(seq).padStart(2, '0')}:00.000Z`,
    actor: 'clerk.ortiz',
    action: 'case.decide',
    subject: `case/${seq}`,
    payload: { note, version: seq },
  };
}

/** The row the store writes for an entry: payload as JSON text, hashes as hex. */
function rowOf(value: AuditEntry, prevHash: string, subtreeHashes?: string): StoredEntry {
  const { payload, ...fields } = value;
  return {
    ...fields,
    payloadJson: JSON.stringify(payload),
    leafHash: leafHashOf(value).toString('hex'),
    prevHash,
    subtreeHashes,
  };
}

/** Rows as the store writes them: each prev hash the chain up to the row before. */
function rowsOf(entries: AuditEntry[]): StoredEntry[] {
  let chain = genesisPrevHash();
  const tree = new TreeBuilder();
  return entries.map((value) => {
    const leaf = leafHashOf(value);
    const subtrees: Buffer[] = [];
    tree.append(leaf, (_level, _index, hash) => subtrees.push(hash));
    const row = rowOf(value, chain.toString('hex'), hashesToHex(subtrees));
    chain = chainHash(chain, leaf);
    return row;
  });
}

/** The head the store keeps after `entries`. */
function headOf(entries: AuditEntry[]): StoredHead {
  let chain = genesisPrevHash();
  const tree = new TreeBuilder();
  for (const value of entries) {
    const leaf = leafHashOf(value);
    tree.append(leaf);
    chain = chainHash(chain, leaf);
  }
  return {
    size: tree.size,
    lastHash: chain.toString('hex'),
    compactRange: hashesToHex(tree.subtrees),
  };
}

function checkpointOf(entries: AuditEntry[], size: number, signer = key): string {
  return signCheckpoint(
    { origin, size, root: rootOf(entries.slice(0, size).map(leafHashOf)) },
    signer,
  );
}

const log = Array.from({ length: 12 }, (_, seq) => entry(seq));
const rows = rowsOf(log);
const checkpoints = [4, 8, 12].map((size) => checkpointOf(log, size));
const exported = checkpoints[2]!;

const codes = (report: LogReport) =>
  report.problems.map(({ code, seq, checkpointSize }) => ({ code, seq, checkpointSize }));

describe('verifyLog', () => {
  test('an untouched log verifies, from an array or an async stream', async () => {
    const report = await verifyLog({
      entries: rows,
      checkpoints,
      verifierKey,
      trustedCheckpoint: exported,
    });
    assert.deepEqual(report, { ok: true, entries: 12, checkpoints: 3, problems: [] });
    async function* stream() {
      for (const row of rows) {
        await Promise.resolve();
        yield row;
      }
    }
    assert.equal((await verifyLog({ entries: stream(), checkpoints, verifierKey })).ok, true);
    assert.equal((await verifyLog({ entries: [], checkpoints: [], verifierKey })).ok, true);
    const empty = checkpointOf([], 0);
    assert.equal((await verifyLog({ entries: [], checkpoints: [empty], verifierKey })).ok, true);
  });

  test('an edited payload names its seq', async () => {
    const tampered = rows.map((row) =>
      row.seq === 5 ? { ...row, payloadJson: '{"note":"released","version":5}' } : row,
    );
    const report = await verifyLog({ entries: tampered, checkpoints, verifierKey });
    assert.equal(report.ok, false);
    assert.equal(report.firstBadSeq, 5);
    assert.deepEqual(codes(report), [
      { code: 'leaf-hash-mismatch', seq: 5, checkpointSize: undefined },
      { code: 'checkpoint-mismatch', seq: undefined, checkpointSize: 8 },
      { code: 'checkpoint-mismatch', seq: undefined, checkpointSize: 12 },
    ]);
    assert.match(report.problems[1]!.message, /seq 4\.\.7/);
  });

  test('an edit with its leaf hash recomputed breaks the chain at the next row', async () => {
    const edited = { ...log[5]!, payload: { note: 'released', version: 5 } };
    const tampered = rows.map((row) =>
      row.seq === 5 ? { ...row, ...rowOf(edited, String(row.prevHash), row.subtreeHashes) } : row,
    );
    const report = await verifyLog({ entries: tampered, checkpoints, verifierKey });
    // Seq 5 also completes the subtree over seq 4 and 5, whose stored hash is the original's.
    assert.deepEqual(codes(report).slice(0, 2), [
      { code: 'subtree-mismatch', seq: 5, checkpointSize: undefined },
      { code: 'chain-mismatch', seq: 6, checkpointSize: undefined },
    ]);
    assert.deepEqual(
      codes(report)
        .slice(2)
        .map((p) => p.checkpointSize),
      [8, 12],
    );
  });

  test('a deleted row names the missing seq', async () => {
    const report = await verifyLog({
      entries: rows.filter((row) => row.seq !== 5),
      checkpoints,
      verifierKey,
    });
    assert.equal(report.firstBadSeq, 5);
    assert.deepEqual(codes(report).slice(0, 2), [
      { code: 'seq-gap', seq: 5, checkpointSize: undefined },
      { code: 'chain-mismatch', seq: 6, checkpointSize: undefined },
    ]);
    assert.ok(
      codes(report).some((p) => p.code === 'checkpoint-mismatch' && p.checkpointSize === 8),
    );
  });

  test('swapped rows name the first of them', async () => {
    // The contents of seq 5 and 6 exchanged under their keys, hashes and all.
    const swapped = rows.map((row) => {
      if (row.seq === 5) return { ...rows[6]!, seq: 5 };
      if (row.seq === 6) return { ...rows[5]!, seq: 6 };
      return row;
    });
    const report = await verifyLog({ entries: swapped, checkpoints, verifierKey });
    assert.equal(report.firstBadSeq, 5);
    assert.deepEqual(codes(report)[0], {
      code: 'leaf-hash-mismatch',
      seq: 5,
      checkpointSize: undefined,
    });
    // The rows themselves reordered.
    const reordered = [...rows.slice(0, 5), rows[6]!, rows[5]!, ...rows.slice(7)];
    const second = await verifyLog({ entries: reordered, checkpoints, verifierKey });
    assert.equal(second.firstBadSeq, 5);
    assert.deepEqual(
      codes(second).filter((p) => p.code.startsWith('seq')),
      [
        { code: 'seq-gap', seq: 5, checkpointSize: undefined },
        { code: 'seq-order', seq: 5, checkpointSize: undefined },
      ],
    );
  });

  test('a truncated tail is caught by the stored and the trusted checkpoints', async () => {
    const report = await verifyLog({
      entries: rows.slice(0, 10),
      checkpoints,
      verifierKey,
      trustedCheckpoint: exported,
    });
    assert.equal(report.entries, 10);
    assert.equal(report.firstBadSeq, 10);
    assert.deepEqual(codes(report), [
      { code: 'checkpoint-beyond-log', seq: 10, checkpointSize: 12 },
      { code: 'trusted-checkpoint-beyond-log', seq: 10, checkpointSize: 12 },
    ]);
  });

  test('a truncated tail re-signed with the key is caught only by the exported checkpoint', async () => {
    const resigned = [checkpoints[0]!, checkpoints[1]!, checkpointOf(log, 10)];
    const alone = await verifyLog({
      entries: rows.slice(0, 10),
      checkpoints: resigned,
      verifierKey,
    });
    assert.equal(alone.ok, true);
    const report = await verifyLog({
      entries: rows.slice(0, 10),
      checkpoints: resigned,
      verifierKey,
      trustedCheckpoint: exported,
    });
    assert.deepEqual(codes(report), [
      { code: 'trusted-checkpoint-beyond-log', seq: 10, checkpointSize: 12 },
    ]);

    // Truncated, refilled with other entries to the same size, and re-signed.
    const forged = [...log.slice(0, 10), entry(10, 'forged'), entry(11, 'forged')];
    const refilled = await verifyLog({
      entries: rowsOf(forged),
      checkpoints: [checkpoints[0]!, checkpoints[1]!, checkpointOf(forged, 12)],
      verifierKey,
      trustedCheckpoint: exported,
    });
    assert.deepEqual(codes(refilled), [
      { code: 'trusted-checkpoint-mismatch', seq: undefined, checkpointSize: 12 },
    ]);
    assert.match(refilled.problems[0]!.message, /seq 8\.\.11/);
  });

  test('an edited checkpoint root fails its signature; re-signed, it is inconsistent', async () => {
    const otherRoot = rootOf(log.slice(0, 7).map(leafHashOf)).toString('base64');
    const currentRoot = rootOf(log.slice(0, 8).map(leafHashOf)).toString('base64');
    const edited = [
      checkpoints[0]!,
      checkpoints[1]!.replace(currentRoot, otherRoot),
      checkpoints[2]!,
    ];
    const report = await verifyLog({ entries: rows, checkpoints: edited, verifierKey });
    assert.equal(report.checkpoints, 2);
    assert.deepEqual(codes(report), [
      { code: 'checkpoint-invalid', seq: undefined, checkpointSize: 8 },
    ]);
    assert.match(report.problems[0]!.message, /bad-signature/);

    const forged = [...log.slice(0, 6), entry(6, 'forged'), entry(7, 'forged')];
    const resigned = [checkpoints[0]!, checkpointOf(forged, 8), checkpoints[2]!];
    const fork = await verifyLog({ entries: rows, checkpoints: resigned, verifierKey });
    assert.deepEqual(codes(fork), [
      { code: 'checkpoint-mismatch', seq: undefined, checkpointSize: 8 },
      { code: 'checkpoints-inconsistent', seq: undefined, checkpointSize: 12 },
    ]);
  });

  test('two checkpoints at one size with different roots are inconsistent', async () => {
    const forged = [...log.slice(0, 11), entry(11, 'forged')];
    const report = await verifyLog({
      entries: rows,
      checkpoints: [...checkpoints, checkpointOf(forged, 12)],
      verifierKey,
    });
    assert.deepEqual(codes(report), [
      { code: 'checkpoint-mismatch', seq: undefined, checkpointSize: 12 },
      { code: 'checkpoints-inconsistent', seq: undefined, checkpointSize: 12 },
    ]);
  });

  test('checkpoints under the wrong key are invalid', async () => {
    const other = verifierKeyOf(generateSigningKey(origin));
    const report = await verifyLog({
      entries: rows,
      checkpoints,
      verifierKey: other,
      trustedCheckpoint: exported,
    });
    assert.equal(report.checkpoints, 0);
    assert.deepEqual(codes(report), [
      { code: 'checkpoint-invalid', seq: undefined, checkpointSize: 4 },
      { code: 'checkpoint-invalid', seq: undefined, checkpointSize: 8 },
      { code: 'checkpoint-invalid', seq: undefined, checkpointSize: 12 },
      { code: 'trusted-checkpoint-invalid', seq: undefined, checkpointSize: 12 },
    ]);
    assert.match(report.problems[0]!.message, /no-valid-signature/);
  });

  test('a tail removed past the last checkpoint is caught by the head', async () => {
    const head = headOf(log);
    const report = await verifyLog({
      entries: rows.slice(0, 10),
      head,
      checkpoints: [],
      verifierKey,
    });
    assert.deepEqual(codes(report), [
      { code: 'head-mismatch', seq: 10, checkpointSize: undefined },
    ]);
    assert.match(report.problems[0]!.message, /seq 10\.\.11 were removed/);
    assert.equal((await verifyLog({ entries: rows, head, checkpoints, verifierKey })).ok, true);
    // The head itself edited, its size kept.
    const edited = { ...head, lastHash: headOf(log.slice(0, 11)).lastHash };
    const second = await verifyLog({ entries: rows, head: edited, checkpoints, verifierKey });
    assert.deepEqual(codes(second), [
      { code: 'head-mismatch', seq: 11, checkpointSize: undefined },
    ]);
  });

  test('stored subtree hashes that are not the tree’s name their seq', async () => {
    const broken = rows.map((row) =>
      row.seq === 7 ? { ...row, subtreeHashes: rows[5]!.subtreeHashes } : row,
    );
    const report = await verifyLog({ entries: broken, checkpoints, verifierKey });
    assert.deepEqual(codes(report), [
      { code: 'subtree-mismatch', seq: 7, checkpointSize: undefined },
    ]);
  });

  test('a payload that is not JSON is a bad entry, named, not a crash', async () => {
    const broken = rows.map((row) => (row.seq === 3 ? { ...row, payloadJson: '{"note":' } : row));
    const seen: number[] = [];
    const report = await verifyLog({
      entries: broken,
      checkpoints,
      verifierKey,
      observe: (value) => seen.push(value.seq),
    });
    assert.equal(report.firstBadSeq, 3);
    assert.equal(report.problems[0]!.code, 'bad-entry');
    assert.match(report.problems[0]!.message, /entry 3: the stored payload is not JSON/);
    assert.deepEqual(seen, [0, 1, 2, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  test('malformed rows are problems, not crashes, and the report is plain JSON', async () => {
    const broken = rows.map((row) => {
      if (row.seq === 2) return { ...row, leafHash: 'not hex' };
      if (row.seq === 3) return { ...row, at: 'yesterday' };
      if (row.seq === 4) return { ...row, prevHash: new Uint8Array(3) };
      return row;
    });
    const report = await verifyLog({ entries: broken, checkpoints: ['garbage'], verifierKey });
    assert.deepEqual(codes(report), [
      { code: 'checkpoint-invalid', seq: undefined, checkpointSize: undefined },
      { code: 'leaf-hash-mismatch', seq: 2, checkpointSize: undefined },
      { code: 'bad-entry', seq: 3, checkpointSize: undefined },
      { code: 'chain-mismatch', seq: 4, checkpointSize: undefined },
    ]);
    assert.deepEqual(JSON.parse(JSON.stringify(report)), report);
  });
});
