/**
 * What the law engine asks of `node:crypto` (`src/engine/clause.ts` and `jurisdiction.ts` hash
 * each clause's text and each period's law with SHA-256), for the browser, where the defender's
 * calculator runs the engine itself so the client's facts never leave the page. The build points
 * `node:crypto` here (web/vite.config.ts); the hashes are the same bytes as Node's.
 * @module
 */
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

interface Hash {
  update: (text: string, encoding?: 'utf8') => Hash;
  digest: (encoding: 'hex') => string;
}

/** SHA-256 only: the engine asks for nothing else; another would be a new use to port. */
export function createHash(algorithm: string): Hash {
  if (algorithm !== 'sha256') throw new Error(`createHash('${algorithm}') is not in the browser`);
  const hash = sha256.create();
  const api: Hash = {
    update: (text) => {
      hash.update(utf8ToBytes(text));
      return api;
    },
    digest: () => bytesToHex(hash.digest()),
  };
  return api;
}
