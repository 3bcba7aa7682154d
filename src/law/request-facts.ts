/**
 * Facts of a request that the state laws read the same way, whatever the jurisdiction: which item
 * of an information request is being decided. (NYC's own reading, which also records the item
 * among the facts read, is in src/law/nyc/record-facts.ts.)
 * @module
 */
import type { InformationItem } from '../engine/case.js';
import type { Condition } from '../engine/condition.js';
import { fact } from '../engine/condition.js';

/** The item of an information request being decided is one of `items`. */
export function itemIs(
  label: string,
  items: readonly InformationItem[],
  cites: readonly string[],
): Condition {
  return fact({
    label,
    cites,
    path: 'request.information',
    question: 'What information is asked for?',
    read: (ctx) => ctx.item !== undefined && items.includes(ctx.item),
  });
}
