/**
 * An amendment in plain words, for the amendment clause's text, the replay's text output and the
 * web page (which imports only this, not the law). Type-only imports keep it free of the engine.
 * @module
 */
import type { Amendment } from './amendment.js';

/** The amendment in plain words, one sentence a change: the amendment clause's text. */
export function amendmentText(amendment: Amendment): string {
  const sentences = amendment.changes.map((given) => {
    switch (given.kind) {
      case 'add-crimes':
        return `Added to the crime list: ${given.crimes.join(', ')}.`;
      case 'remove-crimes':
        return `Removed from the crime list: ${given.crimes.join(', ')}.`;
      case 'look-back':
        return given.years === null
          ? 'No look-back: a judgment counts however long before the instant arrest it was entered.'
          : `The look-back is ${String(given.years)} years before the instant arrest, extended as the law extends it.`;
      case 'drop-judicial-warrant':
        return 'The judicial-warrant condition is dropped: wherever the law tests for a judicial warrant, the test is read as met.';
      case 'hold-limit':
        return `A hold lasts at most ${String(given.hours)} hours after the time the person would otherwise be released, or less where the law already allows less.`;
    }
  });
  return `${amendment.title}\n${sentences.join('\n')}`;
}
