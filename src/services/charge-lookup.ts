/**
 * What the intake form shows beside a charge as the clerk types it: the charge code as the engine
 * reads it (or why it cannot), and the entries of the violent-or-serious crime list
 * (NYC Admin. Code § 9-131(a)(7), § 14-154(a)(6)) for that section, or those whose section begins
 * with what was typed. Information only: whether a conviction counts is the engine's decision,
 * with its level, dates and court.
 * @module
 */
import { z } from 'zod';
import { parseInput } from '../desk/errors.js';
import { ChargeCodeError, formatCharge, parseCharge } from '../law/new-york/charge-code.js';
import { VIOLENT_OR_SERIOUS_CRIMES } from '../law/new-york/violent-or-serious-crimes.js';

export const chargeQuerySchema = z.strictObject({
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .describe('A charge code as typed, e.g. PL 120.05(2) or 160.1.'),
});

export interface CrimeListHit {
  /** `PL 120.05`, or with its listed subdivisions: `PL 265.02(2)`. */
  code: string;
  offense: string;
  classText: string;
  subparagraph: string;
  listedFrom: string;
  repealedOn: string | null;
  verification: 'verbatim' | 'inferred';
}

export interface ChargeLookup {
  /** The code as the engine reads it, e.g. `PL 120.05(2) D felony`; null when it cannot. */
  charge: string | null;
  /** Why the code cannot be read, when it cannot. */
  problem: string | null;
  /** The list's entries for the section read, or for sections beginning with the text typed. */
  listed: CrimeListHit[];
}

const MAX_HITS = 10;

function hitsOf(entries: typeof VIOLENT_OR_SERIOUS_CRIMES): CrimeListHit[] {
  return entries.flatMap((entry) =>
    (entry.subdivisions ?? [[]]).map((path) => ({
      code: `${entry.law} ${entry.section}${path.map((part) => `(${part})`).join('')}`,
      offense: entry.offense,
      classText: entry.classText,
      subparagraph: entry.subparagraph,
      listedFrom: entry.listedFrom,
      repealedOn: entry.repealedOn ?? null,
      verification: entry.verification,
    })),
  );
}

export function lookUpCharge(input: unknown): ChargeLookup {
  const { q } = parseInput(chargeQuerySchema, input);
  try {
    const charge = parseCharge(q);
    const listed = VIOLENT_OR_SERIOUS_CRIMES.filter(
      (entry) => entry.law === charge.law && entry.section === charge.section,
    );
    return { charge: formatCharge(charge), problem: null, listed: hitsOf(listed) };
  } catch (error) {
    if (!(error instanceof ChargeCodeError)) throw error;
    // Not a whole code yet: offer the listed sections that begin with what was typed.
    const typed = q.toUpperCase().replace(/\s+/g, ' ');
    const prefix = /^\d/.test(typed) ? `PL ${typed}` : typed;
    const listed = hitsOf(
      VIOLENT_OR_SERIOUS_CRIMES.filter((entry) =>
        `${entry.law} ${entry.section}`.startsWith(prefix),
      ),
    ).slice(0, MAX_HITS);
    return { charge: null, problem: error.reason, listed };
  }
}
