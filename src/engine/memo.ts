/**
 * Remembering pure functions of a short text, for readers of record entries (charge codes) that
 * every decision calls again on the same few hundred texts.
 * @module
 */
import { deepFreeze } from './freeze.js';

/** How many texts are remembered before the memory starts over: input is untrusted. */
const LIMIT = 10_000;

/**
 * `read`, remembered per text, errors included. Answers are shared between callers, so they are
 * frozen here, with everything in them: a caller that changes one gets an error.
 */
export function memoByText<T>(read: (text: string) => T): (text: string) => T {
  const answers = new Map<string, { value: T } | { error: unknown }>();
  return (text) => {
    let answer = answers.get(text);
    if (answer === undefined) {
      try {
        answer = { value: deepFreeze(read(text)) };
      } catch (error) {
        answer = { error };
      }
      if (answers.size >= LIMIT) answers.clear();
      answers.set(text, answer);
    }
    if ('error' in answer) throw answer.error;
    return answer.value;
  };
}
