import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { AuditError } from './errors.js';
import {
  chainHash,
  genesisPrevHash,
  leafBytes,
  leafHashOf,
  type AuditEntry,
  type JsonValue,
} from './leaf.js';
import { hashLeaf } from './merkle.js';

const entry: AuditEntry = {
  seq: 7,
  at: '2026-03-02T14:05:00.000Z',
  actor: 'clerk.ortiz',
  action: 'case.decide',
  subject: 'case/42',
  payload: { version: 2, status: 'decided', notes: ['é', 1.5, null] },
};
const isBadEntry = (error: unknown) => error instanceof AuditError && error.code === 'bad-entry';

describe('audit leaf', () => {
  test('the canonical bytes are RFC 8785 JSON of every field and the version', () => {
    assert.equal(
      leafBytes(entry).toString('utf8'),
      '{"action":"case.decide","actor":"clerk.ortiz","at":"2026-03-02T14:05:00.000Z",' +
        '"leafVersion":1,"payload":{"notes":["é",1.5,null],"status":"decided","version":2},' +
        '"seq":7,"subject":"case/42"}',
    );
    assert.deepEqual(leafHashOf(entry), hashLeaf(leafBytes(entry)));
  });

  test('key order and extra properties do not change the leaf; every field does', () => {
    const reordered = {
      payload: { notes: ['é', 1.5, null], version: 2, status: 'decided' },
      subject: 'case/42',
      action: 'case.decide',
      actor: 'clerk.ortiz',
      at: '2026-03-02T14:05:00.000Z',
      seq: 7,
      extra: 'not logged',
    };
    assert.deepEqual(leafHashOf(reordered), leafHashOf(entry));
    const changes: Partial<AuditEntry>[] = [
      { seq: 8 },
      { at: '2026-03-02T14:05:00.001Z' },
      { actor: 'clerk.ortiz ' },
      { action: 'case.release' },
      { subject: 'case/43' },
      { payload: { version: 2 } },
    ];
    for (const change of changes) {
      assert.notDeepEqual(leafHashOf({ ...entry, ...change }), leafHashOf(entry));
    }
  });

  test('malformed entries are refused', () => {
    const bad: unknown[] = [
      { ...entry, seq: -1 },
      { ...entry, seq: 1.5 },
      { ...entry, at: '2026-03-02 14:05:00Z' },
      { ...entry, at: '2026-03-02T14:05:00' },
      { ...entry, at: '2026-13-02T14:05:00Z' },
      { ...entry, payload: undefined },
      { ...entry, payload: { n: Number.NaN } },
      { ...entry, payload: { s: '\ud800' } },
    ];
    for (const value of bad) assert.throws(() => leafBytes(value as AuditEntry), isBadEntry);
  });

  test('property: a payload stored as JSON text and read back keeps its leaf hash', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (payload) => {
        const stored = JSON.parse(JSON.stringify(payload)) as JsonValue;
        assert.deepEqual(
          leafHashOf({ ...entry, payload: stored }),
          leafHashOf({ ...entry, payload: payload as JsonValue }),
        );
      }),
    );
  });

  test('the chain starts from 32 zero bytes and is SHA-256(prev || leaf)', () => {
    const leaf = leafHashOf(entry);
    assert.deepEqual(genesisPrevHash(), Buffer.alloc(32));
    const first = chainHash(genesisPrevHash(), leaf);
    assert.deepEqual(first, createHash('sha256').update(Buffer.alloc(32)).update(leaf).digest());
    assert.notDeepEqual(chainHash(first, leaf), first);
    assert.throws(() => chainHash(Buffer.alloc(31), leaf), AuditError);
  });
});
