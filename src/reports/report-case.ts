/**
 * What a mandated report reads of one case: when the request came, what ICE gave as its reason,
 * what the agency did and when (the timeline's events, never a status column), the information
 * requests and answers, and the facts about the person the law's reporting text asks about,
 * classified once by the law's own tests.
 * @module
 */
import type { InformationItem, OFFENSE_LEVELS } from '../engine/case.js';
import type { Tri } from '../engine/tri.js';

export interface ReportEvent {
  /** A timeline event kind: hold-started, ice-notified, transferred-to-ice, … */
  readonly kind: string;
  /** When it happened, ISO 8601 in UTC. */
  readonly at: string;
}

export interface ReportInformationRequest {
  readonly id: string;
  readonly receivedAt: string;
  /** Who asked: ice, cbp, … as the desk records requesters. */
  readonly requester: string;
  readonly asked: readonly InformationItem[];
  /** Absent while unanswered; an empty list records a refusal. */
  readonly disclosed?: readonly InformationItem[];
  readonly answeredAt?: string;
}

export interface ReportCase {
  readonly id: string;
  /** The person: reports that count persons count each once. */
  readonly personId: string;
  readonly jurisdiction: string;
  /** When the request was received, ISO 8601 in UTC. */
  readonly receivedAt: string;
  /** The probable-cause boxes ticked on the form and the administrative warrants attached. */
  readonly reasons: readonly string[];
  readonly events: readonly ReportEvent[];
  readonly informationRequests: readonly ReportInformationRequest[];
  /** Facts about the person, named by the jurisdiction's report law (`ReportLaw.subjectFacts`). */
  readonly subject: Readonly<Record<string, Tri>>;
  /**
   * What the public breakdowns (breakdowns.ts) count cases by: the facility holding the person
   * and the person's citizenship as the intake records them, and the custody charges' levels.
   * Absent: not recorded.
   */
  readonly facility?: string;
  readonly citizenship?: string;
  readonly custodyCharges?: readonly ReportCharge[];
}

/** A custody charge as a breakdown reads it: only its level, when the intake gives one. */
export interface ReportCharge {
  readonly level?: (typeof OFFENSE_LEVELS)[number];
}
