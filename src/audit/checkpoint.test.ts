import assert from 'node:assert/strict';
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  verify,
} from 'node:crypto';
import { describe, test } from 'node:test';
import {
  formatInclusionBundle,
  formatVerifierKey,
  generateSigningKey,
  parseCheckpoint,
  parseInclusionBundle,
  parseSigningKey,
  parseVerifierKey,
  serializeSigningKey,
  signCheckpoint,
  verifierKeyOf,
  verifyCheckpoint,
  verifyInclusionBundle,
  type SigningKey,
} from './checkpoint.js';
import { AuditError, RootMismatchError } from './errors.js';
import { hashLeaf, inclusionProof, rootOf } from './merkle.js';

const isCode = (code: string) => (error: unknown) =>
  error instanceof AuditError && error.code === code;

// golang.org/x/mod/sumdb/note's documented example key and signed note.
const goSignerSeed = Buffer.from('AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz', 'base64').subarray(
  1,
);
const goVerifierKey = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const goText =
  'If you think cryptography is the answer to your problem,\n' +
  "then you don't know what your problem is.\n";
const goSignature =
  'x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=';
function keyFromSeed(name: string, seed: Buffer): SigningKey {
  const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]);
  const pem = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }).export({
    format: 'pem',
    type: 'pkcs8',
  });
  return { name, privateKeyPem: pem.toString() };
}

const key = generateSigningKey('detainer-desk.example/audit');
const verifier = verifierKeyOf(key);
const leaves = Array.from({ length: 10 }, (_, i) => hashLeaf(Buffer.from(`entry ${i}`)));
const root = rootOf(leaves);
const note = signCheckpoint({ origin: 'detainer-desk.example/audit', size: 10, root }, key);

describe('signed checkpoints', () => {
  test('keys and key IDs match Go sumdb/note, the signed-note reference', () => {
    const peter = keyFromSeed('PeterNeumann', goSignerSeed);
    assert.equal(formatVerifierKey(verifierKeyOf(peter)), goVerifierKey);
    const parsed = parseVerifierKey(goVerifierKey);
    assert.equal(parsed.keyId.toString('hex'), 'c74f20a3');
    const blob = Buffer.from(goSignature, 'base64');
    assert.deepEqual(blob.subarray(0, 4), parsed.keyId);
    const publicKey = createPublicKey(createPrivateKey(peter.privateKeyPem));
    assert.ok(verify(null, Buffer.from(goText), publicKey, blob.subarray(4)));
    // transparency-dev/formats' test key whose base64 holds a '+'.
    const plusKey = 'TEST+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6';
    assert.equal(formatVerifierKey(parseVerifierKey(plusKey)), plusKey);
  });

  test('the note is the three-line body, a blank line and one signature line', () => {
    const lines = note.split('\n');
    assert.equal(lines.length, 6);
    assert.deepEqual(lines.slice(0, 4), [
      'detainer-desk.example/audit',
      '10',
      root.toString('base64'),
      '',
    ]);
    assert.equal(lines[5], '');
    const [dash, name, encoded] = lines[4]!.split(' ');
    assert.equal(dash, '\u2014');
    assert.equal(name, key.name);
    const blob = Buffer.from(encoded!, 'base64');
    assert.equal(blob.length, 68);
    const expectedId = createHash('sha256')
      .update(Buffer.concat([Buffer.from(`${key.name}\n`), Buffer.from([1]), verifier.publicKey]))
      .digest()
      .subarray(0, 4);
    assert.deepEqual(blob.subarray(0, 4), expectedId);
    const body = lines.slice(0, 3).join('\n') + '\n';
    assert.ok(
      verify(
        null,
        Buffer.from(body),
        createPublicKey(createPrivateKey(key.privateKeyPem)),
        blob.subarray(4),
      ),
    );
  });

  test('verifying returns the checkpoint', () => {
    const checkpoint = verifyCheckpoint(note, verifier);
    assert.equal(checkpoint.origin, 'detainer-desk.example/audit');
    assert.equal(checkpoint.size, 10);
    assert.deepEqual(checkpoint.root, root);
    assert.deepEqual(checkpoint.extensions, []);
  });

  test('other keys are ignored; a wrong key or a broken signature is an error', () => {
    const witness = generateSigningKey('witness.example/w1');
    const cosigned = note + signCheckpoint(parseCheckpoint(note), witness).split('\n\n')[1]!;
    assert.equal(verifyCheckpoint(cosigned, verifier).size, 10);
    assert.equal(verifyCheckpoint(cosigned, verifierKeyOf(witness)).size, 10);
    assert.throws(
      () => verifyCheckpoint(note, verifierKeyOf(witness)),
      isCode('no-valid-signature'),
    );
    const sameName = verifierKeyOf(generateSigningKey(key.name));
    assert.throws(() => verifyCheckpoint(note, sameName), isCode('no-valid-signature'));
    const edited = note.replace('\n10\n', '\n9\n');
    assert.throws(() => verifyCheckpoint(edited, verifier), isCode('bad-signature'));
    const otherRoot = note.replace(
      root.toString('base64'),
      rootOf(leaves.slice(0, 9)).toString('base64'),
    );
    assert.throws(() => verifyCheckpoint(otherRoot, verifier), isCode('bad-signature'));
  });

  test('extension lines are kept and signed', () => {
    const body = `o.example/log\n1\n${leaves[0]!.toString('base64')}\nextension\n`;
    const parsed = parseCheckpoint(`${body}\n\u2014 o.example/log AAAAAAE=\n`);
    assert.deepEqual(parsed.extensions, ['extension']);
    assert.equal(parsed.body, body);
  });

  test('malformed notes and checkpoints are refused', () => {
    const sig = note.slice(note.indexOf('\n\n'));
    const b64 = root.toString('base64');
    const badNotes: [string, string][] = [
      [note.replace('\n\n', '\n'), 'bad-note'],
      [`o\n1\n${b64}\n\n`, 'bad-note'],
      [note.slice(0, -1), 'bad-note'],
      [note.replace('\u2014 ', '- '), 'bad-note'],
      [note.replace(`\u2014 ${key.name}`, `\u2014 a+b`), 'bad-note'],
      [note.replace('audit\n', 'audit\r\n'), 'bad-note'],
      [note.replace('audit\n', 'au\tdit\n'), 'bad-note'],
      [note + `\u2014 x AAAAAAE=\n`.repeat(100), 'bad-note'],
      [`o\n10${sig}`, 'bad-checkpoint'],
      [`o\n010\n${b64}${sig}`, 'bad-checkpoint'],
      [`o\n-1\n${b64}${sig}`, 'bad-checkpoint'],
      [`o\n1e3\n${b64}${sig}`, 'bad-checkpoint'],
      [`o\n99999999999999999\n${b64}${sig}`, 'bad-checkpoint'],
      [`o\n10\n${b64.slice(0, -1)}${sig}`, 'bad-checkpoint'],
      [`o\n10\n${Buffer.alloc(31).toString('base64')}${sig}`, 'bad-checkpoint'],
      [`o\n10\n${b64}\n\nextra${sig}`, 'bad-checkpoint'],
      [`\n10\n${b64}${sig}`, 'bad-checkpoint'],
    ];
    for (const [text, code] of badNotes) {
      assert.throws(() => verifyCheckpoint(text, verifier), isCode(code), JSON.stringify(text));
    }
  });

  test('signing refuses a bad origin, size or root', () => {
    const sign = (origin: string, size: number, r: Buffer) => () =>
      signCheckpoint({ origin, size, root: r }, key);
    assert.throws(sign('', 1, root), isCode('bad-checkpoint'));
    assert.throws(sign('a\nb', 1, root), isCode('bad-checkpoint'));
    assert.throws(sign('o', -1, root), isCode('bad-checkpoint'));
    assert.throws(sign('o', 1.5, root), isCode('bad-checkpoint'));
    assert.throws(sign('o', 1, root.subarray(1)), isCode('bad-checkpoint'));
  });

  test('signing keys serialise, and bad keys and names are refused', () => {
    const copy = parseSigningKey(serializeSigningKey(key));
    assert.deepEqual(copy, key);
    assert.deepEqual(verifierKeyOf(copy), verifier);
    assert.deepEqual(parseVerifierKey(formatVerifierKey(verifier)), verifier);
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    const ecPem = ec.export({ format: 'pem', type: 'pkcs8' }).toString();
    assert.throws(
      () => parseSigningKey(JSON.stringify({ name: 'n', privateKeyPem: ecPem })),
      isCode('bad-key'),
    );
    assert.throws(() => parseSigningKey('{}'), isCode('bad-key'));
    assert.throws(() => parseSigningKey('not json'), isCode('bad-key'));
    assert.throws(() => generateSigningKey('has space'), isCode('bad-key'));
    assert.throws(() => generateSigningKey('a+b'), isCode('bad-key'));
    assert.throws(() => generateSigningKey(''), isCode('bad-key'));
    assert.throws(
      () => parseVerifierKey(goVerifierKey.replace('c74f20a3', 'c74f20a4')),
      isCode('bad-key'),
    );
    assert.throws(() => parseVerifierKey(goVerifierKey.replace('+AR', '+Ah')), isCode('bad-key'));
    assert.throws(() => parseVerifierKey('PeterNeumann+c74f20a3'), isCode('bad-key'));
  });
});

describe('tlog-proof bundles', () => {
  const proof = inclusionProof(leaves, 3, 10);
  const bundle = formatInclusionBundle({ index: 3, proof, checkpoint: note });

  test('the layout is header, index, one hash a line, a blank line, the checkpoint', () => {
    assert.equal(
      bundle,
      [
        'c2sp.org/tlog-proof@v1',
        'index 3',
        ...proof.map((h) => h.toString('base64')),
        '',
        note,
      ].join('\n'),
    );
    const withExtra = formatInclusionBundle({
      index: 3,
      proof,
      checkpoint: note,
      extra: Buffer.from('hi'),
    });
    assert.ok(withExtra.startsWith('c2sp.org/tlog-proof@v1\nextra aGk=\nindex 3\n'));
    assert.deepEqual(parseInclusionBundle(withExtra), {
      index: 3,
      proof,
      checkpoint: note,
      extra: Buffer.from('hi'),
    });
    assert.deepEqual(parseInclusionBundle(bundle), { index: 3, proof, checkpoint: note });
  });

  test('a bundle verifies offline against the key and the leaf', () => {
    assert.equal(verifyInclusionBundle(bundle, leaves[3]!, verifier).size, 10);
    for (let index = 0; index < 10; index += 1) {
      const receipt = formatInclusionBundle({
        index,
        proof: inclusionProof(leaves, index, 10),
        checkpoint: note,
      });
      verifyInclusionBundle(receipt, leaves[index]!, verifier);
    }
    const single = signCheckpoint({ origin: 'o', size: 1, root: rootOf(leaves.slice(0, 1)) }, key);
    verifyInclusionBundle(
      formatInclusionBundle({ index: 0, proof: [], checkpoint: single }),
      leaves[0]!,
      verifier,
    );
  });

  test('a wrong leaf, a changed proof, a wrong key or a malformed bundle fails', () => {
    assert.throws(() => verifyInclusionBundle(bundle, leaves[4]!, verifier), RootMismatchError);
    const changed = bundle.replace(proof[0]!.toString('base64'), proof[1]!.toString('base64'));
    assert.throws(() => verifyInclusionBundle(changed, leaves[3]!, verifier), RootMismatchError);
    const witness = verifierKeyOf(generateSigningKey('w'));
    assert.throws(
      () => verifyInclusionBundle(bundle, leaves[3]!, witness),
      isCode('no-valid-signature'),
    );
    const bad = [
      bundle.replace('c2sp.org/tlog-proof@v1', 'c2sp.org/tlog-proof@v2'),
      bundle.replace('index 3', 'index 03'),
      bundle.replace('index 3', 'index 10'),
      bundle.replace('index 3\n', ''),
      bundle.replace(proof[0]!.toString('base64'), 'AAAA'),
      bundle.split('\n\n')[0]!,
    ];
    for (const text of bad)
      assert.throws(() => parseInclusionBundle(text), isCode('bad-bundle'), text);
    assert.throws(
      () => formatInclusionBundle({ index: 10, proof, checkpoint: note }),
      isCode('bad-bundle'),
    );
  });
});
