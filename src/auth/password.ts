/**
 * Password hashing with scrypt from node:crypto (RFC 7914): memory-hard, no native dependency.
 * Stored as `scrypt$N$r$p$salt$hash` so the cost can be raised later without breaking old hashes.
 * @module
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const COST = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, KEY_LENGTH, { ...options, maxmem: 128 * 1024 * 1024 }, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}

const encode = (salt: string, key: string) =>
  ['scrypt', COST.N, COST.r, COST.p, salt, key].join('$');

/**
 * The hash of a random password no one knows, at the cost of real ones. Sign-in checks a password
 * against it when the account does not exist, cannot sign in with a password, or is disabled, so
 * every refusal takes as long as a wrong password for a real account.
 */
export const UNUSABLE_PASSWORD_HASH = encode(
  'SufOx3eqSU01JiZUaBcGIA==',
  'HvC5lkt32MqGPRoRLljnv8qTewBC3uunEjDba7aIBy0=',
);

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, COST);
  return encode(salt.toString('base64'), key.toString('base64'));
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || salt === undefined || key === undefined) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
