/**
 * How a new password is judged, after NIST SP 800-63B § 3.1.1.2: length, and not a password
 * attackers try first. No composition rules and no expiry. A password is refused when it is
 * shorter than 12 or longer than 200 characters; when it is on the list of common passwords of
 * @zxcvbn-ts/language-common (about 49,000), also once the digits and symbols around it are taken
 * off (`password1234`, `!!monkey2024`); or when zxcvbn estimates fewer than 10^8 guesses to find
 * it (repeats, sequences, keyboard rows, dates, common words, the account's own names).
 * @module
 */
import { zxcvbn, zxcvbnOptions } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;
/** zxcvbn's score 3: "safely unguessable", at least 10^8 guesses. */
const MIN_GUESSES_LOG10 = 8;

let common: ReadonlySet<string> | undefined;

// Loaded on first use: the list and zxcvbn's tables cost about 100 ms, which only account
// changes should pay.
function commonPasswords(): ReadonlySet<string> {
  if (common === undefined) {
    zxcvbnOptions.setOptions({ dictionary, graphs: adjacencyGraphs });
    common = new Set(dictionary.passwords);
  }
  return common;
}

/** What is wrong with `password` as a new password, or undefined if nothing is. */
export function passwordProblem(
  password: string,
  account: { username?: string; displayName?: string } = {},
): string | undefined {
  // Characters as a person counts them (code points), not UTF-16 units.
  const length = Array.from(password).length;
  if (length < MIN_PASSWORD_LENGTH) {
    return `must be at least ${String(MIN_PASSWORD_LENGTH)} characters`;
  }
  if (length > MAX_PASSWORD_LENGTH) {
    return `must be at most ${String(MAX_PASSWORD_LENGTH)} characters`;
  }
  const lower = password.toLowerCase();
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  const list = commonPasswords();
  if (list.has(lower) || list.has(core)) {
    return 'is a common password (or one with digits or symbols added): choose another';
  }
  const ownNames = [account.username, account.displayName].filter(
    (name): name is string => name !== undefined && name.length > 0,
  );
  if (zxcvbn(password, ownNames).guessesLog10 < MIN_GUESSES_LOG10) {
    return 'is too easy to guess (a repeat, sequence, keyboard row, date, common word or the account’s name): try a few unrelated words';
  }
  return undefined;
}
