/**
 * What the engine answers. Every outcome carries its controlling clauses, the clauses it
 * considered that did not fire (and on what fact), and any facts still missing.
 *
 * A decision is read-only: clause lists, notices and considered entries are shared between
 * outcomes and between decisions (they are the same for thousands of cases), so copy before
 * changing anything.
 * @module
 */
import type { InformationItem } from './case.js';
import type { ClauseRef } from './clause.js';
import type { FactValue, MissingFact, TraceStep } from './condition.js';
import type { HoldClock } from './time/hold-clock.js';
import type { Tri } from './tri.js';

export type Action = 'hold' | 'notify' | 'transfer' | 'information';
export type Status = 'required' | 'allowed' | 'not-allowed' | 'needs-information';

export interface LawDate {
  /** The day whose law decided this action (in the agency's time zone). */
  date: string;
  /** Which event the statute makes decisive for this action. */
  basis: 'otherwise-release-time' | 'decision-time';
  /** Set when the decisive event was not recorded and another date stood in for it. */
  note?: string;
}

/** A condition of the law that was tested and did not decide the outcome. */
export interface Considered {
  rule: string;
  value: Exclude<Tri, true>;
  clauses: ClauseRef[];
  /** The conditions that failed (or could not be decided), with the facts they read. */
  failed: { condition: string; reason?: string; facts?: readonly FactValue[] }[];
}

export interface HoldLimitOutcome {
  rule: string;
  clauses: ClauseRef[];
  /** The latest lawful end of the hold; absent when a fact needed to compute it is missing. */
  until?: string;
  clock?: HoldClock;
  missing?: MissingFact[];
}

export interface ActionOutcome {
  action: Action;
  /** For information requests: which item. */
  item?: InformationItem;
  status: Status;
  explanation: string;
  lawDate: LawDate;
  /** SHA-256 over the ids, versions and text hashes of every clause in force on the law date. */
  lawHash: string;
  controlling: ClauseRef[];
  considered: Considered[];
  missing: MissingFact[];
  hold?: HoldLimitOutcome;
  /** Encoding choices the text does not settle; a legal reviewer should know about them. */
  interpretations: string[];
}

export interface Notice {
  id: string;
  text: string;
  clauses: ClauseRef[];
}

export interface Decision {
  caseId?: string;
  jurisdiction: { id: string; name: string };
  timeZone: string;
  outcomes: ActionOutcome[];
  /** What the agency must do whatever it decides (tell the person, keep a record). */
  duties: Notice[];
  /** Warnings a reviewer should read: court rulings, law past its last verification. */
  cautions: Notice[];
  /** Every clause relied on whose text is not verified verbatim. */
  unverified: ClauseRef[];
  /** Every missing fact across outcomes, each once. */
  missing: MissingFact[];
  trace?: TraceStep[];
}
