/**
 * What a mandated report reads of one case: when the request came, what ICE gave as its reason,
 * what the agency did and when (the timeline's events, never a status column), the information
 * requests and answers, and the facts about the person the law's reporting text asks about,
 * classified once by the law's own tests.
 * @module
 */
import type { InformationItem } from '../engine/case.js';
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
}
