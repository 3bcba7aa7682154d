/**
 * The audit log's signing key lives in a file outside the database (created on first use, readable
 * only by its owner), so someone who can rewrite the database cannot also re-sign its history.
 * @module
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import {
  generateSigningKey,
  parseSigningKey,
  serializeSigningKey,
  verifierKeyOf,
} from '../audit/checkpoint.js';
import type { AuditSigner } from '../services/audit-service.js';
import type { DeskConfig } from './desk-config.js';

export function loadAuditSigner(
  config: Pick<DeskConfig, 'auditKeyFile' | 'auditOrigin'>,
): AuditSigner {
  if (!existsSync(config.auditKeyFile)) {
    const key = generateSigningKey(config.auditOrigin);
    writeFileSync(config.auditKeyFile, serializeSigningKey(key), { mode: 0o600, flag: 'wx' });
  }
  const key = parseSigningKey(readFileSync(config.auditKeyFile, 'utf8'));
  return { origin: config.auditOrigin, key, verifier: verifierKeyOf(key) };
}
