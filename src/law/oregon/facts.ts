/**
 * The facts Oregon's laws turn on: what an information request asks for, and the federal
 * magistrate's warrant for an immigration crime (ORS 181A.820(5)).
 * @module
 */
import type { Condition } from '../../engine/condition.js';
import { federalCriminalWarrant } from '../federal/criminal-warrant.js';

/**
 * ORS 181A.820(5): a person charged by the United States with a federal immigration crime and
 * subject to arrest on a warrant issued by a federal magistrate. The case records whether the
 * warrant is for a violation of federal criminal immigration law, read as the statute's list
 * (INA Title II; 18 U.S.C. 1015, 1422-1429, 1505); a district judge's warrant is read as one a
 * federal magistrate could issue.
 */
export function magistrateImmigrationWarrant(cites: readonly string[]): Condition {
  return federalCriminalWarrant({
    label:
      'Charged with a federal immigration crime and subject to arrest on a federal magistrate’s warrant (ORS 181A.820(5))',
    cites,
    forImmigrationCrime: true,
  });
}

export const WARRANT_READING =
  'The statute lists INA Title II and 18 U.S.C. 1015, 1422-1429 and 1505; the case records only ' +
  'that the warrant is for a violation of federal criminal immigration law, read as one of these. ' +
  'A warrant of a federal district judge is read as within "a warrant of arrest issued by a ' +
  'federal magistrate". A legal reviewer should confirm the charge.';
