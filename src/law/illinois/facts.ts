/**
 * The facts the Illinois TRUST Act turns on: the federal criminal warrant of § 15(c) (2017) and
 * § 15(g) (2021), what an information request asks for, and whether it is public.
 * @module
 */
import type { Condition } from '../../engine/condition.js';
import { fact } from '../../engine/condition.js';
import { UNKNOWN } from '../../engine/tri.js';
import { federalCriminalWarrant } from '../federal/criminal-warrant.js';

/**
 * Neither version defines "federal warrant" or "federal criminal warrant"; a warrant of arrest
 * issued by a federal judge or magistrate judge on probable cause is read as one (Fed. R. Crim.
 * P. 4, 9). An I-200 or I-205 never is: § 15(a) names non-judicial (2017) and civil (2021)
 * immigration warrants among what may not be complied with.
 */
export const WARRANT_READING =
  'A warrant of arrest issued by a federal judge or federal magistrate judge on probable cause ' +
  'is read as a federal criminal warrant; an administrative warrant (I-200, I-205) never is. ' +
  'A legal reviewer should confirm the warrant is criminal.';

export function federalWarrant(label: string, cites: readonly string[]): Condition {
  return federalCriminalWarrant({ label, cites, forImmigrationCrime: false });
}

export function publiclyAvailable(cites: readonly string[]): Condition {
  return fact({
    label: 'The information asked for is available to the public',
    cites,
    path: 'request.informationPubliclyAvailable',
    question: 'Is the information asked for already available to the public?',
    read: (ctx) => ctx.case.request.informationPubliclyAvailable ?? UNKNOWN,
  });
}
