/**
 * What the engine answers. Every outcome carries its controlling clauses, the clauses it
 * considered that did not fire (and on what fact), and any facts still missing.
 *
 * A decision is read-only: clause lists, notices and considered entries are shared between
 * outcomes and between decisions (they are the same for thousands of cases). The types say so,
 * and what is shared is frozen, so a change throws instead of changing the next decision: copy
 * what you want to change.
 * @module
 */
import type { InformationItem } from './case.js';
import type { ClauseRef } from './clause.js';
import type { FactValue, MissingFact, TraceStep } from './condition.js';
import type { ExcludedDay, HoldClock } from './time/hold-clock.js';
import type { Tri } from './tri.js';

export type Action = 'hold' | 'notify' | 'transfer' | 'information';
export type Status = 'required' | 'allowed' | 'not-allowed' | 'needs-information';

export interface LawDate {
  /** The day whose law decided this action (in the agency's time zone). */
  readonly date: string;
  /** Which event the statute makes decisive for this action. */
  readonly basis: 'otherwise-release-time' | 'decision-time';
  /** Set when the decisive event was not recorded and another date stood in for it. */
  readonly note?: string;
}

/** A condition that failed (or could not be decided), with the facts it read. */
export interface FailedCondition {
  readonly condition: string;
  readonly reason?: string;
  readonly facts?: readonly FactValue[];
}

/** A condition of the law that was tested and did not decide the outcome. */
export interface Considered {
  readonly rule: string;
  readonly value: Exclude<Tri, true>;
  readonly clauses: readonly ClauseRef[];
  readonly failed: readonly FailedCondition[];
}

/** A hold clock as a decision carries it. */
export type DecidedHoldClock = Readonly<Omit<HoldClock, 'excludedDays'>> & {
  readonly excludedDays: readonly Readonly<ExcludedDay>[];
};

export interface HoldLimitOutcome {
  readonly rule: string;
  readonly clauses: readonly ClauseRef[];
  /** The latest lawful end of the hold; absent when a fact needed to compute it is missing. */
  readonly until?: string;
  readonly clock?: DecidedHoldClock;
  readonly missing?: readonly MissingFact[];
}

export interface ActionOutcome {
  readonly action: Action;
  /** For information requests: which item. */
  readonly item?: InformationItem;
  readonly status: Status;
  readonly explanation: string;
  readonly lawDate: LawDate;
  /** SHA-256 over the ids, versions and text hashes of every clause in force on the law date. */
  readonly lawHash: string;
  readonly controlling: readonly ClauseRef[];
  readonly considered: readonly Considered[];
  readonly missing: readonly MissingFact[];
  readonly hold?: HoldLimitOutcome;
  /** Encoding choices the text does not settle; a legal reviewer should know about them. */
  readonly interpretations: readonly string[];
}

export interface Notice {
  readonly id: string;
  readonly text: string;
  readonly clauses: readonly ClauseRef[];
}

export interface Decision {
  readonly caseId?: string;
  readonly jurisdiction: Readonly<{ id: string; name: string }>;
  readonly timeZone: string;
  readonly outcomes: readonly ActionOutcome[];
  /** What the agency must do whatever it decides (tell the person, keep a record). */
  readonly duties: readonly Notice[];
  /** Warnings a reviewer should read: court rulings, law past its last verification. */
  readonly cautions: readonly Notice[];
  /** Every clause relied on whose text is not verified verbatim. */
  readonly unverified: readonly ClauseRef[];
  /** Every missing fact across outcomes, each once. */
  readonly missing: readonly MissingFact[];
  readonly trace?: readonly TraceStep[];
}
