/**
 * Detainer Desk's library API.
 *
 * ```ts
 * import { evaluate, parseCase } from 'detainer-desk';
 * const decision = evaluate(parseCase(json));
 * ```
 * @module
 */
import type { Case } from './engine/case.js';
import type { Decision } from './engine/decision.js';
import { createEngine, type EvaluateOptions } from './engine/evaluate.js';
import { JURISDICTIONS } from './law/jurisdictions.js';

export { parseCase, caseSchema } from './engine/case.js';
export type { Case, CaseInput } from './engine/case.js';
export type { Decision, ActionOutcome, Status, Action } from './engine/decision.js';
export { CaseError } from './engine/errors.js';
export type { EvaluateOptions } from './engine/evaluate.js';

/** The engine over every encoded jurisdiction. */
export const engine = createEngine(JURISDICTIONS);

/** Decides a validated case under the law in force on the dates the statutes make decisive. */
export function evaluate(input: Case, options?: EvaluateOptions): Decision {
  return engine.evaluate(input, options);
}
