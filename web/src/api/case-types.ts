/**
 * The shapes inside a case as the desk's own TypeScript types (the OpenAPI document describes the
 * same shapes; src/http/decision-schema.ts checks that they fit), imported as types only, so the
 * app reads them exactly as the server writes them and fails to compile when they change.
 * @module
 */
import type { components } from './openapi';
import type { Intake, Person } from '../../../src/desk/intake.js';
import type { CaseEventView, DecisionView } from '../../../src/services/case-service.js';

export type { ActionOutcome, Notice } from '../../../src/engine/decision.js';
export type { InformationItem } from '../../../src/engine/case.js';
export type { ClauseRef } from '../../../src/engine/clause.js';
export type { InformationRequestView } from '../../../src/services/information-service.js';
export type { MissingFact } from '../../../src/engine/condition.js';

export type CaseRecord = Omit<
  components['schemas']['Case'],
  'person' | 'custody' | 'decision' | 'events'
> & {
  person: Person;
  custody: Intake['custody'];
  decision: DecisionView | null;
  events: CaseEventView[];
};
export type ClauseText = components['schemas']['ClauseText'];
