/**
 * Session and API tokens: 32 random bytes the holder keeps; the database keeps only their SHA-256,
 * so a copy of the database signs no one in.
 * @module
 */
import { createHash, randomBytes } from 'node:crypto';

export function newSecretToken(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
