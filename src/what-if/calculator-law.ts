/**
 * The law the calculator shows beside the facts, read from the bundle the page already carries
 * rather than asked of the API, so no request names a client's charge or the clauses their facts
 * turned on: a typed charge as the engine reads it (the intake form's autocomplete, same words),
 * and the text of each clause a decision cites.
 * @module
 */
import type { ClauseRef } from '../engine/clause.js';
import { DeskError } from '../desk/errors.js';
import { lookUpCharge, type ChargeLookup } from '../services/charge-lookup.js';
import { clauseTexts, type ClauseText } from '../services/law-text.js';

/** The charge as typed, read as GET /api/law/charges reads it; a refused query reads as nothing. */
export function chargeLookup(typed: string): ChargeLookup | undefined {
  try {
    return lookUpCharge({ q: typed });
  } catch (error) {
    // Only the query's own bounds (empty, over 200 characters): the field's check says so.
    if (error instanceof DeskError) return undefined;
    throw error;
  }
}

/** The version of the clause a decision cites, with its statute text. */
export function clauseTextOf(clause: ClauseRef): ClauseText | undefined {
  return clauseTexts({ id: clause.id, version: clause.version }).find(
    (text) => text.validFrom === clause.validFrom,
  );
}
