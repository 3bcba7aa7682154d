/**
 * The statute text behind the clauses decisions cite: every version of a clause, found by its
 * stable id (and version), across every jurisdiction. The law is public; nothing here is audited.
 * @module
 */
import { z } from 'zod';
import type { Verification } from '../engine/clause.js';
import { parseInput } from '../desk/errors.js';
import { JURISDICTIONS } from '../law/jurisdictions.js';

export const clauseQuerySchema = z.strictObject({
  id: z.string().min(1).max(200).describe('The clause’s stable id, e.g. nyc.9-131.b.'),
  version: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('One version, e.g. LL58/2014; every version when absent.'),
});

export interface ClauseText {
  id: string;
  version: string;
  citation: string;
  title: string;
  validFrom: string;
  validTo: string | null;
  effective: string;
  text: string;
  textSha256: string;
  url: string;
  verification: Verification;
  note: string | null;
}

/** Each clause version once (the federal baseline is part of every jurisdiction's law). */
const CLAUSES: ReadonlyMap<string, ClauseText> = new Map(
  JURISDICTIONS.flatMap((jurisdiction) => jurisdiction.clauses).map((clause) => [
    `${clause.id}\n${clause.version}\n${clause.validFrom}`,
    {
      id: clause.id,
      version: clause.version,
      citation: clause.citation,
      title: clause.title,
      validFrom: clause.validFrom,
      validTo: clause.validTo ?? null,
      effective: clause.effective,
      text: clause.text,
      textSha256: clause.textSha256,
      url: clause.url,
      verification: clause.verification,
      note: clause.note ?? null,
    },
  ]),
);

/** The versions of a clause, oldest first; an empty list when the id or version is unknown. */
export function clauseTexts(input: unknown): ClauseText[] {
  const { id, version } = parseInput(clauseQuerySchema, input);
  return [...CLAUSES.values()]
    .filter((clause) => clause.id === id && (version === undefined || clause.version === version))
    .sort((a, b) => a.validFrom.localeCompare(b.validFrom));
}
