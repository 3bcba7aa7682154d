/**
 * Facts about an information request that NYC's information-sharing limits turn on: § 9-131(h)(1)
 * permits a response that "is unrelated to the enforcement of civil immigration laws" or "is
 * otherwise required by law".
 * @module
 */
import type { Condition } from '../../engine/condition.js';
import { fact } from '../../engine/condition.js';
import { UNKNOWN } from '../../engine/tri.js';

export function informationUnrelatedOrRequired(cites: readonly string[]): Condition[] {
  return [
    fact({
      label: 'The request is unrelated to the enforcement of civil immigration laws',
      cites,
      path: 'request.informationPurpose',
      question: 'Is the request related to the enforcement of civil immigration laws?',
      recorded: (ctx) => ctx.case.request.informationPurpose,
      read: (ctx) => {
        const purpose = ctx.case.request.informationPurpose;
        return purpose === 'unknown'
          ? UNKNOWN
          : purpose === 'unrelated-to-civil-immigration-enforcement';
      },
    }),
    fact({
      label: 'Answering is otherwise required by law',
      cites,
      path: 'request.informationRequiredByLaw',
      question:
        'Is answering otherwise required by law (for example by a subpoena or court order)?',
      read: (ctx) => ctx.case.request.informationRequiredByLaw ?? UNKNOWN,
    }),
  ];
}
