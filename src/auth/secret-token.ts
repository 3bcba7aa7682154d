/**
 * Session and API tokens: 32 random bytes the holder keeps; the database keeps only their SHA-256,
 * so a copy of the database signs no one in.
 * @module
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export function newSecretToken(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Whether a secret sent by a caller is the expected one, in time that depends on neither: both are
 * hashed first, so even their lengths are compared in constant time.
 */
export function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
