/**
 * A warrant of arrest issued by a federal judge or federal magistrate judge for a crime, read
 * from `request.judicialWarrant`. Illinois (5 ILCS 805/15) and Oregon (ORS 181A.820) let an
 * agency act on such a warrant where they forbid acting on an immigration detainer. An
 * administrative warrant (I-200, I-205) is recorded elsewhere and never counts; nor does a
 * warrant of a state judge or an immigration judge ("other"). A what-if amendment may drop it,
 * as it drops the judicial-warrant condition elsewhere (src/law/amendable.ts).
 * @module
 */
import type { Condition, FactValue, MissingFact } from '../../engine/condition.js';
import { derived } from '../../engine/condition.js';
import { UNKNOWN, type Tri } from '../../engine/tri.js';
import { droppable } from '../amendable.js';

const PATH = 'request.judicialWarrant';

export function federalCriminalWarrant(spec: {
  label: string;
  cites: readonly string[];
  /** Oregon's exception is only for a charge under the federal criminal immigration laws. */
  forImmigrationCrime: boolean;
}): Condition {
  const condition = derived({
    label: spec.label,
    cites: spec.cites,
    evaluate(ctx) {
      const warrant = ctx.case.request.judicialWarrant;
      if (!warrant || warrant.presented === UNKNOWN) {
        return {
          value: UNKNOWN,
          facts: [{ path: `${PATH}.presented`, value: UNKNOWN }],
          missing: [
            {
              path: `${PATH}.presented`,
              question: 'Did federal authorities present a warrant signed by a judge?',
              decidedBy: 'clerk',
            },
          ],
        };
      }
      const facts: FactValue[] = [{ path: `${PATH}.presented`, value: warrant.presented }];
      if (!warrant.presented) return { value: false, facts, reason: 'no warrant was presented' };
      facts.push({ path: `${PATH}.issuer`, value: warrant.issuer });
      if (warrant.issuer === 'state-judge' || warrant.issuer === 'other') {
        return { value: false, facts, reason: 'not issued by a federal judge or magistrate judge' };
      }
      const missing: MissingFact[] = [];
      if (warrant.issuer === 'unknown') {
        missing.push({
          path: `${PATH}.issuer`,
          question: 'Was the warrant issued by a federal judge or a federal magistrate judge?',
          decidedBy: 'clerk',
        });
      }
      const elements = [
        {
          name: 'probableCause' as const,
          question: 'Is the warrant based on probable cause?',
          failed: 'the warrant is not based on probable cause',
        },
        ...(spec.forImmigrationCrime
          ? [
              {
                name: 'federalCriminalImmigrationLaw' as const,
                question: 'Is the warrant for a crime under the federal immigration laws?',
                failed: 'the warrant is not for a crime under the federal immigration laws',
              },
            ]
          : []),
      ];
      for (const element of elements) {
        const value: Tri = warrant[element.name] ?? UNKNOWN;
        facts.push({ path: `${PATH}.${element.name}`, value });
        if (value === false) return { value: false, facts, reason: element.failed };
        if (value === UNKNOWN) {
          missing.push({
            path: `${PATH}.${element.name}`,
            question: element.question,
            decidedBy: 'clerk',
          });
        }
      }
      return missing.length > 0 ? { value: UNKNOWN, facts, missing } : { value: true, facts };
    },
  });
  return droppable(condition, 'dropJudicialWarrant');
}
