/**
 * Signed checkpoints (C2SP tlog-checkpoint on a C2SP signed-note, Ed25519 from node:crypto) and
 * the one-entry receipt (C2SP tlog-proof@v1).
 *
 * - Note text: `origin\nsize\nbase64(root)\n`, a blank line, then `— <key name> base64(key ID ||
 *   signature)\n`, key ID = SHA-256(key name || 0x0A || 0x01 || 32-byte public key)[:4].
 * - `generateSigningKey(name)` → `SigningKey` `{ name, privateKeyPem }` (PKCS#8 PEM);
 *   `serializeSigningKey(key)` / `parseSigningKey(text)` store it as one JSON text;
 *   `verifierKeyOf(key)` → `VerifierKey` `{ name, keyId, publicKey }`;
 *   `formatVerifierKey(key)` / `parseVerifierKey(text)`: the signed-note verifier key form
 *   `name+hex(key ID)+base64(0x01 || public key)`, safe to publish.
 * - `signCheckpoint({ origin, size, root }, key)` → note text.
 * - `parseCheckpoint(text)` → `ParsedCheckpoint` (no signature checked).
 * - `verifyCheckpoint(text, verifierKey)` → the `ParsedCheckpoint` once a signature by that key
 *   verifies. Other keys' lines are ignored (rotation, witnesses); a bad signature by the key, or
 *   none at all, is an error.
 * - `formatInclusionBundle({ index, proof, checkpoint, extra? })`, `parseInclusionBundle(text)` and
 *   `verifyInclusionBundle(text, leafHash, verifierKey)` → the verified checkpoint.
 *
 * Every failure throws `AuditError` ('bad-note', 'bad-checkpoint', 'bad-key', 'bad-signature',
 * 'no-valid-signature', 'bad-bundle', or a proof error from the inclusion check).
 * @module
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { AuditError } from './errors.js';
import { HASH_SIZE } from './merkle.js';
import { verifyInclusion } from './proof.js';

export interface Checkpoint {
  origin: string;
  size: number;
  root: Uint8Array;
}

export interface NoteSignature {
  keyName: string;
  keyId: Buffer;
  signature: Buffer;
}

export interface ParsedCheckpoint extends Checkpoint {
  root: Buffer;
  /** Lines after the root hash; C2SP allows them but does not recommend them. */
  extensions: string[];
  /** The signed text: the body, up to and including its last newline. */
  body: string;
  signatures: NoteSignature[];
}

export interface SigningKey {
  name: string;
  privateKeyPem: string;
}

export interface VerifierKey {
  name: string;
  keyId: Buffer;
  publicKey: Buffer;
}

export interface InclusionBundle {
  index: number;
  proof: readonly Uint8Array[];
  checkpoint: string;
  /** Opaque and unauthenticated, per tlog-proof. */
  extra?: Uint8Array;
}

const ED25519 = 0x01;
const SIGNATURE_PREFIX = '\u2014 ';
// signed-note asks verifiers to cap signatures and to accept at least 16.
const MAX_SIGNATURES = 100;
const BUNDLE_HEADER = 'c2sp.org/tlog-proof@v1';
const DECIMAL = /^(0|[1-9][0-9]*)$/;

export function generateSigningKey(name: string): SigningKey {
  checkKeyName(name);
  const { privateKey } = generateKeyPairSync('ed25519');
  return { name, privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString() };
}

export function serializeSigningKey(key: SigningKey): string {
  return `${JSON.stringify({ name: key.name, privateKeyPem: key.privateKeyPem })}\n`;
}

export function parseSigningKey(text: string): SigningKey {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AuditError('bad-key', 'a signing key is JSON with name and privateKeyPem');
  }
  const { name, privateKeyPem } = (value ?? {}) as Record<string, unknown>;
  if (typeof name !== 'string' || typeof privateKeyPem !== 'string') {
    throw new AuditError('bad-key', 'a signing key is JSON with name and privateKeyPem');
  }
  const key = { name, privateKeyPem };
  checkKeyName(name);
  privateKeyOf(key);
  return key;
}

export function verifierKeyOf(key: SigningKey): VerifierKey {
  const jwk = createPublicKey(privateKeyOf(key)).export({ format: 'jwk' });
  const publicKey = Buffer.from(jwk.x ?? '', 'base64url');
  return { name: key.name, keyId: keyIdOf(key.name, publicKey), publicKey };
}

export function formatVerifierKey(key: VerifierKey): string {
  const encoded = Buffer.concat([Buffer.from([ED25519]), key.publicKey]).toString('base64');
  return `${key.name}+${key.keyId.toString('hex')}+${encoded}`;
}

export function parseVerifierKey(text: string): VerifierKey {
  // Names have no '+', but base64 may: only the first two separate fields.
  const [name, idHex, ...rest] = text.trim().split('+');
  const encoded = rest.join('+');
  const keyData = decodeBase64(encoded);
  if (
    name === undefined ||
    idHex === undefined ||
    !/^[0-9a-f]{8}$/.test(idHex) ||
    keyData?.length !== 33 ||
    keyData[0] !== ED25519
  ) {
    throw new AuditError('bad-key', 'a verifier key is name+hex(key ID)+base64(0x01 || key)');
  }
  checkKeyName(name);
  const publicKey = keyData.subarray(1);
  const keyId = keyIdOf(name, publicKey);
  if (keyId.toString('hex') !== idHex) {
    throw new AuditError('bad-key', `verifier key ${name}: key ID ${idHex} does not match its key`);
  }
  return { name, keyId, publicKey };
}

export function signCheckpoint(checkpoint: Checkpoint, key: SigningKey): string {
  const { origin, size, root } = checkpoint;
  if (origin === '' || /[\n\r]/.test(origin) || hasControlCharacter(origin)) {
    throw new AuditError('bad-checkpoint', 'the origin must be one non-empty line');
  }
  if (!Number.isSafeInteger(size) || size < 0) {
    throw new AuditError('bad-checkpoint', `tree size ${size} is not a non-negative integer`);
  }
  if (root.length !== HASH_SIZE) {
    throw new AuditError('bad-checkpoint', `the root has ${root.length} bytes, want ${HASH_SIZE}`);
  }
  const body = `${origin}\n${size}\n${Buffer.from(root).toString('base64')}\n`;
  const signature = sign(null, Buffer.from(body, 'utf8'), privateKeyOf(key));
  const { keyId } = verifierKeyOf(key);
  const encoded = Buffer.concat([keyId, signature]).toString('base64');
  return `${body}\n${SIGNATURE_PREFIX}${key.name} ${encoded}\n`;
}

export function parseCheckpoint(text: string): ParsedCheckpoint {
  const { body, signatures } = parseNote(text);
  const lines = body.slice(0, -1).split('\n');
  const [origin, sizeText, rootText] = lines;
  if (lines.length < 3 || lines.some((line) => line === '')) {
    throw new AuditError(
      'bad-checkpoint',
      'a checkpoint has origin, size and root on non-empty lines',
    );
  }
  const size = Number(sizeText);
  if (!DECIMAL.test(sizeText!) || !Number.isSafeInteger(size)) {
    throw new AuditError(
      'bad-checkpoint',
      `tree size ${JSON.stringify(sizeText)} is not a decimal`,
    );
  }
  const root = decodeBase64(rootText!);
  if (root?.length !== HASH_SIZE) {
    throw new AuditError('bad-checkpoint', 'the root hash is not base64 of 32 bytes');
  }
  return { origin: origin!, size, root, extensions: lines.slice(3), body, signatures };
}

export function verifyCheckpoint(text: string, verifierKey: VerifierKey): ParsedCheckpoint {
  const checkpoint = parseCheckpoint(text);
  const publicKey = publicKeyOf(verifierKey);
  let verified = false;
  for (const line of checkpoint.signatures) {
    if (line.keyName !== verifierKey.name || !line.keyId.equals(verifierKey.keyId)) continue;
    if (!verify(null, Buffer.from(checkpoint.body, 'utf8'), publicKey, line.signature)) {
      throw new AuditError('bad-signature', `the signature by ${verifierKey.name} does not verify`);
    }
    verified = true;
  }
  if (!verified) {
    throw new AuditError(
      'no-valid-signature',
      `no signature by ${verifierKey.name} (key ID ${verifierKey.keyId.toString('hex')})`,
    );
  }
  return checkpoint;
}

export function formatInclusionBundle(bundle: InclusionBundle): string {
  const { index, proof, checkpoint, extra } = bundle;
  const { size } = parseCheckpoint(checkpoint);
  if (!Number.isSafeInteger(index) || index < 0 || index >= size) {
    throw new AuditError('bad-bundle', `index ${index} is not in the checkpoint's tree of ${size}`);
  }
  if (proof.some((hash) => hash.length !== HASH_SIZE)) {
    throw new AuditError('bad-bundle', `every proof hash must have ${HASH_SIZE} bytes`);
  }
  const lines = [BUNDLE_HEADER];
  if (extra !== undefined) lines.push(`extra ${Buffer.from(extra).toString('base64')}`);
  lines.push(`index ${index}`, ...proof.map((hash) => Buffer.from(hash).toString('base64')));
  return `${lines.join('\n')}\n\n${checkpoint}`;
}

export function parseInclusionBundle(text: string): InclusionBundle {
  const lines = text.split('\n');
  let at = 0;
  const next = () => {
    const line = lines[at];
    at += 1;
    // The last element is what follows the final newline: never a whole line.
    if (line === undefined || at === lines.length) {
      throw new AuditError('bad-bundle', 'the proof bundle ends early');
    }
    return line;
  };
  if (next() !== BUNDLE_HEADER) {
    throw new AuditError('bad-bundle', `a proof bundle starts with ${BUNDLE_HEADER}`);
  }
  let line = next();
  let extra: Buffer | undefined;
  if (line.startsWith('extra ')) {
    extra = decodeBase64(line.slice('extra '.length));
    if (extra === undefined) throw new AuditError('bad-bundle', 'the extra data is not base64');
    line = next();
  }
  const indexText = line.startsWith('index ') ? line.slice('index '.length) : '';
  const index = Number(indexText);
  if (!DECIMAL.test(indexText) || !Number.isSafeInteger(index)) {
    throw new AuditError('bad-bundle', 'the proof bundle needs an "index N" line');
  }
  const proof: Buffer[] = [];
  for (line = next(); line !== ''; line = next()) {
    const hash = decodeBase64(line);
    if (hash?.length !== HASH_SIZE) {
      throw new AuditError('bad-bundle', `proof line ${proof.length} is not base64 of 32 bytes`);
    }
    proof.push(hash);
  }
  const checkpoint = lines.slice(at).join('\n');
  if (index >= parseCheckpoint(checkpoint).size) {
    throw new AuditError('bad-bundle', `index ${index} is not in the checkpoint's tree`);
  }
  return extra === undefined ? { index, proof, checkpoint } : { index, proof, checkpoint, extra };
}

export function verifyInclusionBundle(
  text: string,
  leafHash: Uint8Array,
  verifierKey: VerifierKey,
): ParsedCheckpoint {
  const { index, proof, checkpoint } = parseInclusionBundle(text);
  const verified = verifyCheckpoint(checkpoint, verifierKey);
  verifyInclusion(index, verified.size, leafHash, proof, verified.root);
  return verified;
}

function parseNote(text: string): { body: string; signatures: NoteSignature[] } {
  if (Buffer.from(text, 'utf8').toString('utf8') !== text || hasControlCharacter(text)) {
    throw new AuditError('bad-note', 'a signed note is valid UTF-8 without control characters');
  }
  const split = text.lastIndexOf('\n\n');
  const block = split < 0 ? '' : text.slice(split + 2);
  if (block === '' || !block.endsWith('\n')) {
    throw new AuditError('bad-note', 'a signed note ends with a blank line and signature lines');
  }
  const lines = block.slice(0, -1).split('\n');
  if (lines.length > MAX_SIGNATURES) {
    throw new AuditError('bad-note', `more than ${MAX_SIGNATURES} signatures`);
  }
  const signatures = lines.map((line) => {
    const rest = line.startsWith(SIGNATURE_PREFIX) ? line.slice(SIGNATURE_PREFIX.length) : '';
    const space = rest.indexOf(' ');
    const keyName = rest.slice(0, space);
    const bytes = space < 0 ? undefined : decodeBase64(rest.slice(space + 1));
    if (!isKeyName(keyName) || bytes === undefined || bytes.length < 5) {
      throw new AuditError('bad-note', `malformed signature line ${JSON.stringify(line)}`);
    }
    return { keyName, keyId: bytes.subarray(0, 4), signature: bytes.subarray(4) };
  });
  return { body: text.slice(0, split + 1), signatures };
}

function keyIdOf(name: string, publicKey: Uint8Array): Buffer {
  const hash = createHash('sha256')
    .update(name, 'utf8')
    .update(Buffer.from([0x0a, ED25519]))
    .update(publicKey)
    .digest();
  return hash.subarray(0, 4);
}

// Parsed private keys by their PEM: parsing takes milliseconds, more than signing a checkpoint.
const privateKeys = new Map<string, KeyObject>();

function privateKeyOf(key: SigningKey): KeyObject {
  let privateKey = privateKeys.get(key.privateKeyPem);
  if (privateKey !== undefined) return privateKey;
  try {
    privateKey = createPrivateKey(key.privateKeyPem);
  } catch {
    throw new AuditError('bad-key', `signing key ${key.name} is not a PKCS#8 PEM private key`);
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new AuditError('bad-key', `signing key ${key.name} is not an Ed25519 key`);
  }
  privateKeys.set(key.privateKeyPem, privateKey);
  return privateKey;
}

function publicKeyOf(key: VerifierKey): KeyObject {
  if (key.publicKey.length !== 32) {
    throw new AuditError('bad-key', `verifier key ${key.name} is not a 32-byte Ed25519 key`);
  }
  return createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: key.publicKey.toString('base64url') },
    format: 'jwk',
  });
}

function isKeyName(name: string): boolean {
  return name !== '' && !/[\s+]/u.test(name);
}

function checkKeyName(name: string): void {
  if (!isKeyName(name) || hasControlCharacter(name)) {
    throw new AuditError(
      'bad-key',
      `key name ${JSON.stringify(name)} is empty or has a space or +`,
    );
  }
}

function hasControlCharacter(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x20 && code !== 0x0a) return true;
  }
  return false;
}

/** Standard base64 only, with padding and nothing Buffer would silently skip. */
function decodeBase64(text: string): Buffer | undefined {
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : undefined;
}
