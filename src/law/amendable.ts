/**
 * What a what-if amendment may change in the encoded law, declared by the law modules that build
 * the conditions (the crime list and look-back of "convicted of a violent or serious crime", the
 * judicial-warrant condition). A module marks a condition amendable and says how to build it again
 * with the amendment's parameters; `src/what-if/amendment.ts` rebuilds a law period with them.
 * Nothing here runs a user's code: an amendment is data, and only these builders read it.
 * @module
 */
import type { Condition } from '../engine/condition.js';
import { derived } from '../engine/condition.js';
import type { Charge } from './new-york/charge-code.js';

/** The id every amended condition and outcome cites, beside the clauses it changes. */
export const AMENDMENT_CLAUSE_ID = 'what-if.amendment';

/** The parameters an amendment sets; absent ones are left as the law has them. */
export interface AmendmentParameters {
  /** Crimes added to and removed from a crime list, as charge codes read by `parseCharge`. */
  readonly crimes?: { readonly added: readonly Charge[]; readonly removed: readonly Charge[] };
  /** The look-back in years; `null` for none (a judgment counts however old). */
  readonly lookBackYears?: number | null;
  /** The judicial-warrant condition is dropped: read as met. */
  readonly dropJudicialWarrant?: boolean;
}

/** The changes a condition can take: the keys of AmendmentParameters it reads. */
export type AmendableParameter = keyof AmendmentParameters;

export interface Amendable {
  readonly parameters: readonly AmendableParameter[];
  /** The condition as the law would have it with these parameters (all of them set or not). */
  rebuild(parameters: AmendmentParameters): Condition;
}

const amendables = new WeakMap<Condition, Amendable>();

/** Declares how a condition is built again under an amendment; returns the condition. */
export function markAmendable(condition: Condition, amendable: Amendable): Condition {
  amendables.set(condition, amendable);
  return condition;
}

export function amendableOf(condition: Condition): Amendable | undefined {
  return amendables.get(condition);
}

/**
 * Marks a requirement an amendment may drop ("drop the judicial-warrant condition"): dropped, it
 * is read as met wherever the law tests it, so an exception it guarded applies without it and
 * one that applied for its absence no longer does.
 */
export function droppable(condition: Condition, parameter: 'dropJudicialWarrant'): Condition {
  return markAmendable(condition, {
    parameters: [parameter],
    rebuild: () =>
      derived({
        label: `${condition.label}: not required, as the amendment drops it`,
        cites: [...condition.cites, AMENDMENT_CLAUSE_ID],
        evaluate: () => ({ value: true, reason: 'the amendment drops this requirement' }),
      }),
  });
}

/**
 * Whether a conviction's charge is one an amendment's entry names: the same law and section, and
 * a subdivision under the entry's (an entry without one names every subdivision). An entry names
 * the crime's attempt, conspiracy, solicitation and facilitation too, as the list's own
 * subparagraph (iii) follows (i) (§ 9-131(a)(7)(iii)); one that names an anticipatory form names
 * that form only.
 */
export function chargeNamedBy(entry: Charge, charge: Charge): boolean {
  if (entry.law !== charge.law || entry.section !== charge.section) return false;
  if (entry.inchoate && entry.inchoate.kind !== charge.inchoate?.kind) return false;
  return entry.subdivision.every((part, index) => charge.subdivision[index] === part);
}

/** A look-back as the statutes write it ("five", "ten"); another length, an amendment's, in figures. */
export function yearsInWords(years: number): string {
  return years === 5 ? 'five' : years === 10 ? 'ten' : String(years);
}
