/**
 * The canonical leaf of one audit entry, and the hash chain over leaves.
 *
 * - `AuditEntry`: `{ seq, at, actor, action, subject, payload }`; `seq` is the leaf index (from 0,
 *   no gaps), `at` an ISO 8601 instant with an explicit offset, `payload` any JSON value.
 * - `leafBytes(entry)`: RFC 8785 (JCS) JSON of every field plus `leafVersion: 1`, as UTF-8. The
 *   version is inside the hashed bytes so a later encoding can never collide with this one.
 * - `leafHashOf(entry)`: the RFC 6962 leaf hash of those bytes, the tree's leaf.
 * - `chainHash(prevHash, leafHash)` = SHA-256(prevHash || leafHash); the prev hash of seq 0 is
 *   `genesisPrevHash()` (32 zero bytes). A linear check over this chain pinpoints the first
 *   altered row; the Merkle tree carries the proofs.
 *
 * A malformed entry throws `AuditError('bad-entry')`.
 * @module
 */
import { createHash } from 'node:crypto';
import { canonicalize } from 'json-canonicalize';
import { AuditError } from './errors.js';
import { HASH_SIZE, checkHash, hashLeaf } from './merkle.js';

export const LEAF_VERSION = 1;

export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  payload: JsonValue;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function hasLoneSurrogate(value: unknown): boolean {
  if (typeof value === 'string') return LONE_SURROGATE.test(value);
  if (Array.isArray(value)) return value.some(hasLoneSurrogate);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).some(
      ([key, item]) => LONE_SURROGATE.test(key) || hasLoneSurrogate(item),
    );
  }
  return false;
}

export function leafBytes(entry: AuditEntry): Buffer {
  const { seq, at, actor, action, subject, payload } = entry;
  if (!Number.isSafeInteger(seq) || seq < 0) {
    throw new AuditError('bad-entry', `seq ${String(seq)} is not a non-negative integer`);
  }
  if (!INSTANT.test(at) || Number.isNaN(Date.parse(at))) {
    throw new AuditError(
      'bad-entry',
      `entry ${seq}: "at" ${JSON.stringify(at)} is not an ISO instant`,
    );
  }
  // Fields are picked one by one so extra properties on the object never reach the hash.
  const leaf = { leafVersion: LEAF_VERSION, seq, at, actor, action, subject, payload };
  let text: string;
  try {
    text = canonicalize(leaf);
  } catch (error) {
    throw new AuditError('bad-entry', `entry ${seq} is not canonical JSON: ${String(error)}`);
  }
  // A missing payload would silently drop out of the JSON; the types allow none, storage might.
  if ((payload as JsonValue | undefined) === undefined) {
    throw new AuditError('bad-entry', `entry ${seq} has no JSON payload`);
  }
  // RFC 8785 hashes I-JSON, where a lone UTF-16 surrogate has no UTF-8 bytes of its own.
  if (hasLoneSurrogate(leaf)) {
    throw new AuditError('bad-entry', `entry ${seq} has a lone UTF-16 surrogate`);
  }
  return Buffer.from(text, 'utf8');
}

export function leafHashOf(entry: AuditEntry): Buffer {
  return hashLeaf(leafBytes(entry));
}

export function genesisPrevHash(): Buffer {
  return Buffer.alloc(HASH_SIZE);
}

export function chainHash(prevHash: Uint8Array, leafHash: Uint8Array): Buffer {
  checkHash(prevHash, 'prev hash');
  checkHash(leafHash, 'leaf hash');
  return createHash('sha256').update(prevHash).update(leafHash).digest();
}
