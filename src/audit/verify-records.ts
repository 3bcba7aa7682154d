/**
 * Checks the desk's stored records against what the audit log says happened to them, so a row
 * changed, added or removed in the database without the desk is found and named.
 *
 * `RecordLedger`: `observe(entry)` each verified entry in seq order (verify-log.ts's `observe`),
 * then `checkCase`, `checkDecision` and `checkInformationRequest` each stored row, then `missing()`
 * for the rows the log recorded that are no longer stored. Each problem names the row (`subject`)
 * and the entry it contradicts (`seq`). What is compared:
 *
 * - a case: its record (`intake_json`) against the `intakeSha256` of the latest intake or
 *   correction entry, and the columns taken from the record (jurisdiction, form, received,
 *   expected release) against the record; status and version against the latest step's entry;
 *   the lawful end of a hold against the `until` of its start-hold entry; when the hold started,
 *   ICE was told and the case closed, and how it closed, against the latest such step's entry
 *   (its `at` and `closedAs`); and the custody events on the case's timeline, one for each such
 *   step logged, at the time its entry holds. Entries written before the desk logged `at` and
 *   `closedAs` are checked for what they hold: that the step was logged, and its event is there.
 * - a decision: `decisionSha256` (src/audit/record-hashes.ts) of the latest entry naming it, and
 *   its status: `decisionStatus` of that entry, or `superseded` once the record changed after it.
 *   Decisions logged before the desk kept that hash are checked for their entry only.
 * - an information request: its stored request, decision and answer JSON against the
 *   `requestJsonSha256`, `decisionJsonSha256` and `answerJsonSha256` of the entries that recorded
 *   and answered it, its received time against its request, who answered against the answer
 *   entry's actor and when against its `answeredAt`, and that it is answered exactly when an
 *   answer was logged. Entries written before the desk kept those hashes are checked for their
 *   presence only.
 * - a § 10-178(d) request from a non-local agency: the whole stored row against the
 *   `recordSha256` of the latest entry that recorded or answered it (the quarterly report to the
 *   Speaker is counted from these rows).
 * @module
 */
import { RELEASE_KINDS } from '../desk/case-lifecycle.js';
import type { AuditEntry, JsonValue } from './leaf.js';
import {
  decisionSha256,
  enforcementRequestSha256,
  storedTextSha256,
  type StoredDecision,
  type StoredEnforcementRequest,
} from './record-hashes.js';
import type { LogProblem } from './verify-log.js';

export interface StoredCase {
  id: string;
  status: string;
  version: number;
  intakeJson: string;
  jurisdiction: string;
  form: string;
  receivedAt: string;
  expectedReleaseAt: string | null;
  holdStartedAt: string | null;
  holdUntil: string | null;
  iceNotifiedAt: string | null;
  closedAt: string | null;
  closedAs: string | null;
}

/** An event on a case's timeline that a custody step recorded (kind in CUSTODY_EVENT_KINDS). */
export interface StoredCustodyEvent {
  id: string;
  caseId: string;
  kind: string;
  at: string;
  detailsJson: string;
}

export interface StoredInformationRequest {
  id: string;
  caseId: string;
  receivedAt: string;
  requestJson: string;
  decisionJson: string;
  status: string;
  answerJson: string | null;
  answeredAt: string | null;
  answeredBy: string | null;
}

interface Said<T> {
  seq: number;
  value: T;
}

/** A custody step as its entry logged it: the timeline event it recorded, and when (if logged). */
interface CustodyStep {
  seq: number;
  event: string;
  at?: string;
}

interface CaseTrail {
  intake?: number;
  record?: Said<string>;
  state?: Said<{ status: string; version: number }>;
  hold?: Said<string>;
  /** The custody steps logged, in log order. */
  steps: CustodyStep[];
  seen?: boolean;
}

interface DecisionTrail {
  caseId: string;
  last: number;
  hashed?: Said<{ sha256: string; status: string }>;
  seen?: boolean;
}

interface InformationTrail {
  caseId: string;
  request?: number;
  answer?: number;
  /** The SHA-256 each entry holds of a stored JSON column, by the payload field holding it. */
  hashes: Map<string, Said<string>>;
  answeredBy?: Said<string>;
  answeredAt?: Said<string>;
  seen?: boolean;
}

/** Each closing step, by its audit action, and the `closed_as` (and timeline event) it stores. */
const CLOSINGS = new Map<string, string>([
  ...RELEASE_KINDS.map((kind) => [`case.${kind}`, kind] as const),
  ['case.cancel', 'cancelled-by-ice'],
]);

/** Each custody step, by its audit action, and the kind of the timeline event it records. */
const CUSTODY_EVENTS = new Map<string, string>([
  ['case.start-hold', 'hold-started'],
  ['case.notify-ice', 'ice-notified'],
  ...CLOSINGS,
]);

const CLOSING_EVENTS: ReadonlySet<string> = new Set(CLOSINGS.values());

export const CUSTODY_EVENT_KINDS: readonly string[] = [...new Set(CUSTODY_EVENTS.values())];

const CASE_SUBJECT = /^case\/([^/]+)$/;
const ENFORCEMENT_SUBJECT = /^enforcement-request\/([^/]+)$/;
const INFORMATION_SUBJECT = /^case\/([^/]+)\/information\/([^/]+)$/;

/** The information request's stored JSON, by the payload field holding its SHA-256. */
const INFORMATION_HASHES = {
  requestJsonSha256: ['requestJson', 'request_json'],
  decisionJsonSha256: ['decisionJson', 'decision_json'],
  answerJsonSha256: ['answerJson', 'answer_json'],
} as const;

export class RecordLedger {
  readonly #cases = new Map<string, CaseTrail>();
  readonly #decisions = new Map<string, DecisionTrail>();
  readonly #information = new Map<string, InformationTrail>();
  readonly #enforcement = new Map<string, { record: Said<string>; seen?: boolean }>();

  observe(entry: AuditEntry): void {
    const { seq, action, subject } = entry;
    const payload = fieldsOf(entry.payload);
    const enforcementId = ENFORCEMENT_SUBJECT.exec(subject)?.[1];
    if (enforcementId !== undefined && action.startsWith('enforcement-request.')) {
      const { recordSha256 } = payload;
      if (typeof recordSha256 === 'string') {
        this.#enforcement.set(enforcementId, { record: { seq, value: recordSha256 } });
      }
      return;
    }
    const information = INFORMATION_SUBJECT.exec(subject);
    if (information !== null) {
      const [, caseId, id] = information as unknown as [string, string, string];
      const trail: InformationTrail = this.#information.get(id) ?? { caseId, hashes: new Map() };
      if (action === 'information.request') trail.request = seq;
      if (action === 'information.answer') {
        trail.answer = seq;
        trail.answeredBy = { seq, value: entry.actor };
        const { answeredAt } = payload;
        if (typeof answeredAt === 'string') trail.answeredAt = { seq, value: answeredAt };
      }
      for (const field of Object.keys(INFORMATION_HASHES)) {
        const value = payload[field];
        if (typeof value === 'string') trail.hashes.set(field, { seq, value });
      }
      this.#information.set(id, trail);
      return;
    }
    const caseId = CASE_SUBJECT.exec(subject)?.[1];
    if (caseId === undefined || !action.startsWith('case.')) return;
    const trail = this.#cases.get(caseId) ?? { steps: [] };
    if (action === 'case.intake') trail.intake = seq;
    const { intakeSha256, status, version, until, decisionId, at, closedAs } = payload;
    if (typeof intakeSha256 === 'string') trail.record = { seq, value: intakeSha256 };
    if (typeof status === 'string' && typeof version === 'number') {
      trail.state = { seq, value: { status, version } };
    }
    if (action === 'case.start-hold' && typeof until === 'string') {
      trail.hold = { seq, value: until };
    }
    const event = CUSTODY_EVENTS.get(action);
    if (event !== undefined) {
      // A closing entry says how the case closed; entries before it said so only by the action.
      const closing = CLOSINGS.has(action) && typeof closedAs === 'string' ? closedAs : event;
      trail.steps.push({ seq, event: closing, ...(typeof at === 'string' ? { at } : {}) });
    }
    this.#cases.set(caseId, trail);

    if (typeof decisionId === 'string') {
      const decision = this.#decisions.get(decisionId) ?? { caseId, last: seq };
      decision.last = seq;
      const { decisionSha256: sha256, decisionStatus } = payload;
      if (typeof sha256 === 'string' && typeof decisionStatus === 'string') {
        decision.hashed = { seq, value: { sha256, status: decisionStatus } };
      }
      this.#decisions.set(decisionId, decision);
    }
  }

  /** Checks a stored case, and the custody events on its timeline (`events`), against the log. */
  checkCase(row: StoredCase, events: readonly StoredCustodyEvent[] = []): LogProblem[] {
    const subject = `case/${row.id}`;
    const trail = this.#cases.get(row.id);
    if (trail?.intake === undefined) {
      return [
        unaudited(subject, `case ${row.id} is stored, but no audit entry recorded its intake`),
      ];
    }
    trail.seen = true;
    const problems: LogProblem[] = [];
    const differs = (column: string, said: Said<unknown> | number | undefined, what: string) => {
      const seq = typeof said === 'number' ? said : (said?.seq ?? trail.intake!);
      problems.push({
        seq,
        subject,
        code: 'record-mismatch',
        message: `case ${row.id}: the stored ${column} ${what} (entry ${seq}): changed without the desk`,
      });
    };
    if (trail.record !== undefined && storedTextSha256(row.intakeJson) !== trail.record.value) {
      differs('record', trail.record, 'does not hash to the intakeSha256 its audit entry holds');
    }
    const copied = copiedColumns(row.intakeJson);
    const copies: [string, boolean][] = [
      [
        'jurisdiction',
        copied.jurisdiction === undefined || copied.jurisdiction === row.jurisdiction,
      ],
      ['form', copied.form === undefined || copied.form === row.form],
      [
        'received time',
        copied.receivedAt === undefined || sameInstant(row.receivedAt, copied.receivedAt),
      ],
      [
        'expected release',
        copied.expectedReleaseAt === undefined ||
          sameInstant(row.expectedReleaseAt, copied.expectedReleaseAt),
      ],
    ];
    for (const [column, same] of copies) {
      if (!same) differs(column, trail.record, `does not match the record's own value`);
    }
    const state = trail.state?.value;
    if (state !== undefined && state.status !== row.status) {
      differs(
        'status',
        trail.state,
        `is ${row.status}, but the last step logged left it ${state.status}`,
      );
    }
    if (state !== undefined && state.version !== row.version) {
      differs(
        'version',
        trail.state,
        `is ${row.version}, but the last step logged made it ${state.version}`,
      );
    }
    if (!sameInstant(row.holdUntil, trail.hold?.value ?? null)) {
      differs(
        'hold end',
        trail.hold ?? trail.state,
        'is not the lawful end its start-hold entry holds',
      );
    }
    const latest = (kinds: ReadonlySet<string>) =>
      trail.steps.findLast((step) => kinds.has(step.event));
    const closed = latest(CLOSING_EVENTS);
    const logged: [string, string | null, CustodyStep | undefined][] = [
      ['hold start', row.holdStartedAt, latest(new Set(['hold-started']))],
      ['notice to ICE', row.iceNotifiedAt, latest(new Set(['ice-notified']))],
      ['closing time', row.closedAt, closed],
    ];
    for (const [column, value, step] of logged) {
      if ((value === null) !== (step === undefined)) {
        differs(
          column,
          step?.seq ?? trail.state,
          value === null
            ? 'is missing, though its step was logged'
            : 'is set, but no such step was logged',
        );
      } else if (step?.at !== undefined && !sameInstant(value, step.at)) {
        differs(column, step.seq, `is ${String(value)}, but its step was logged at ${step.at}`);
      }
    }
    if (row.closedAs !== (closed?.event ?? null)) {
      differs(
        'closing',
        closed?.seq ?? trail.state,
        `is ${String(row.closedAs)}, but the step logged closed it as ${closed?.event ?? 'nothing'}`,
      );
    }
    problems.push(...this.#checkTimeline(row.id, trail, events));
    return problems;
  }

  /**
   * Pairs each custody event on the timeline with a step logged of its kind, at the same instant
   * (or any, for an entry that did not log when), and names every event and step left unpaired.
   */
  #checkTimeline(
    caseId: string,
    trail: CaseTrail,
    events: readonly StoredCustodyEvent[],
  ): LogProblem[] {
    const steps = new Set(trail.steps);
    const unpaired: StoredCustodyEvent[] = [];
    const take = (event: StoredCustodyEvent, timed: boolean) => {
      for (const step of steps) {
        if (step.event !== event.kind || (step.at !== undefined) !== timed) continue;
        if (timed && !sameInstant(event.at, step.at!)) continue;
        steps.delete(step);
        return true;
      }
      return false;
    };
    for (const event of events) if (!take(event, true)) unpaired.push(event);
    const problems: LogProblem[] = [];
    const mismatch = (event: StoredCustodyEvent, seq: number | undefined, what: string) =>
      problems.push({
        ...(seq === undefined ? {} : { seq }),
        subject: `case/${caseId}/event/${event.id}`,
        code: seq === undefined ? 'record-unaudited' : 'record-mismatch',
        message: `case ${caseId}: the ${event.kind} event ${event.id} on the timeline ${what}: ${seq === undefined ? 'added' : 'changed'} without the desk`,
      });
    for (const event of unpaired) {
      if (take(event, false)) continue;
      const step = [...steps].find((step) => step.event === event.kind);
      if (step === undefined) {
        mismatch(event, undefined, `is at ${event.at}, but no such step was logged`);
      } else {
        steps.delete(step);
        mismatch(event, step.seq, `is at ${event.at}, but entry ${step.seq} logged ${step.at}`);
      }
    }
    for (const event of events) {
      const until = event.kind === 'hold-started' ? untilOf(event.detailsJson) : undefined;
      if (
        trail.hold !== undefined &&
        until !== undefined &&
        !sameInstant(until, trail.hold.value)
      ) {
        mismatch(event, trail.hold.seq, `holds until ${until}, not the lawful end logged`);
      }
    }
    for (const step of steps) {
      problems.push({
        seq: step.seq,
        subject: `case/${caseId}`,
        code: 'record-missing',
        message: `case ${caseId}: the ${step.event} event${step.at === undefined ? '' : ` at ${step.at}`} that entry ${step.seq} logged is not on the timeline: removed without the desk`,
      });
    }
    return problems;
  }

  checkDecision(row: StoredDecision): LogProblem[] {
    const subject = `decision/${row.id}`;
    const trail = this.#decisions.get(row.id);
    if (trail === undefined) {
      return [unaudited(subject, `decision ${row.id} is stored, but no audit entry names it`)];
    }
    trail.seen = true;
    const hashed = trail.hashed;
    if (hashed === undefined) return [];
    const problems: LogProblem[] = [];
    if (decisionSha256(row) !== hashed.value.sha256 || row.caseId !== trail.caseId) {
      problems.push({
        seq: hashed.seq,
        subject,
        code: 'record-mismatch',
        message: `decision ${row.id} does not hash to the decisionSha256 of entry ${hashed.seq}: changed without the desk`,
      });
    }
    const recordChanged = (this.#cases.get(trail.caseId)?.record?.seq ?? -1) > trail.last;
    const status = recordChanged ? 'superseded' : hashed.value.status;
    if (row.status !== status) {
      problems.push({
        seq: recordChanged ? this.#cases.get(trail.caseId)!.record!.seq : hashed.seq,
        subject,
        code: 'record-mismatch',
        message: `decision ${row.id} is ${row.status}, but the log leaves it ${status}: changed without the desk`,
      });
    }
    return problems;
  }

  checkInformationRequest(row: StoredInformationRequest): LogProblem[] {
    const subject = `case/${row.caseId}/information/${row.id}`;
    const trail = this.#information.get(row.id);
    if (trail?.request === undefined || trail.caseId !== row.caseId) {
      return [
        unaudited(
          subject,
          `information request ${row.id} is stored, but no audit entry recorded it`,
        ),
      ];
    }
    trail.seen = true;
    const problems: LogProblem[] = [];
    const differs = (seq: number, what: string) =>
      problems.push({
        seq,
        subject,
        code: 'record-mismatch',
        message: `information request ${row.id}: ${what}: changed without the desk`,
      });
    const answered = row.status === 'answered';
    if (answered !== (trail.answer !== undefined)) {
      differs(
        trail.answer ?? trail.request,
        `it is ${row.status}, but ${answered ? 'no answer was' : 'its answer was'} logged`,
      );
    }
    for (const [field, [column, name]] of Object.entries(INFORMATION_HASHES)) {
      const said = trail.hashes.get(field);
      const stored = row[column];
      if (said !== undefined && (stored === null || storedTextSha256(stored) !== said.value)) {
        differs(said.seq, `the stored ${name} does not hash to the ${field} of entry ${said.seq}`);
      }
    }
    if (answered && trail.answeredBy !== undefined && row.answeredBy !== trail.answeredBy.value) {
      differs(
        trail.answeredBy.seq,
        `it was answered by ${String(row.answeredBy)}, but entry ${trail.answeredBy.seq} logged ${trail.answeredBy.value}`,
      );
    }
    if (trail.answeredAt !== undefined && !sameInstant(row.answeredAt, trail.answeredAt.value)) {
      differs(
        trail.answeredAt.seq,
        `it was answered at ${String(row.answeredAt)}, but entry ${trail.answeredAt.seq} logged ${trail.answeredAt.value}`,
      );
    }
    const receivedAt = receivedAtOf(row.requestJson);
    if (receivedAt !== undefined && !sameInstant(row.receivedAt, receivedAt)) {
      differs(trail.request, `the stored received time does not match the request's own value`);
    }
    return problems;
  }

  /** Rows the log recorded (by entries before `before`) that no check was given. */
  checkEnforcementRequest(row: StoredEnforcementRequest): LogProblem[] {
    const subject = `enforcement-request/${row.id}`;
    const trail = this.#enforcement.get(row.id);
    if (trail === undefined) {
      return [unaudited(subject, `request ${row.id} is stored, but no audit entry recorded it`)];
    }
    trail.seen = true;
    if (enforcementRequestSha256(row) === trail.record.value) return [];
    return [
      {
        seq: trail.record.seq,
        subject,
        code: 'record-mismatch',
        message: `request ${row.id} does not hash to the recordSha256 of entry ${trail.record.seq}: changed without the desk`,
      },
    ];
  }

  missing(before = Number.MAX_SAFE_INTEGER): LogProblem[] {
    const gone = (seq: number, subject: string, what: string): LogProblem => ({
      seq,
      subject,
      code: 'record-missing',
      message: `${what} was recorded by entry ${seq} but is no longer stored: removed without the desk`,
    });
    const problems: LogProblem[] = [];
    for (const [id, trail] of this.#cases) {
      if (trail.intake !== undefined && trail.intake < before && trail.seen !== true) {
        problems.push(gone(trail.intake, `case/${id}`, `case ${id}`));
      }
    }
    for (const [id, trail] of this.#decisions) {
      if (trail.last < before && trail.seen !== true) {
        problems.push(gone(trail.last, `decision/${id}`, `decision ${id}`));
      }
    }
    for (const [id, trail] of this.#enforcement) {
      if (trail.record.seq < before && trail.seen !== true) {
        problems.push(gone(trail.record.seq, `enforcement-request/${id}`, `request ${id}`));
      }
    }
    for (const [id, trail] of this.#information) {
      if (trail.request !== undefined && trail.request < before && trail.seen !== true) {
        problems.push(
          gone(
            trail.request,
            `case/${trail.caseId}/information/${id}`,
            `information request ${id}`,
          ),
        );
      }
    }
    return problems;
  }
}

/** The `until` a hold-started event holds, if its details say one. */
function untilOf(detailsJson: string): string | undefined {
  const until = fieldsOf(parsed(detailsJson)).until;
  return typeof until === 'string' ? until : undefined;
}

/** When an information request says it was received, as it says it. */
function receivedAtOf(requestJson: string): string | undefined {
  const receivedAt = fieldsOf(parsed(requestJson)).receivedAt;
  return typeof receivedAt === 'string' ? receivedAt : undefined;
}

function parsed(json: string): JsonValue {
  try {
    return JSON.parse(json) as JsonValue;
  } catch {
    return null;
  }
}

function unaudited(subject: string, message: string): LogProblem {
  return { subject, code: 'record-unaudited', message: `${message}: added without the desk` };
}

function fieldsOf(payload: JsonValue): Record<string, JsonValue | undefined> {
  return typeof payload === 'object' && payload !== null && !Array.isArray(payload) ? payload : {};
}

/** The case columns the desk copies out of the record, as the record gives them. */
function copiedColumns(intakeJson: string): {
  jurisdiction?: string | undefined;
  form?: string | undefined;
  receivedAt?: string | undefined;
  expectedReleaseAt?: string | null;
} {
  let intake: unknown;
  try {
    intake = JSON.parse(intakeJson);
  } catch {
    return {};
  }
  const record = fieldsOf(intake as JsonValue);
  const request = fieldsOf(record.request ?? null);
  const custody = fieldsOf(record.custody ?? null);
  const text = (value: JsonValue | undefined) => (typeof value === 'string' ? value : undefined);
  return {
    jurisdiction: text(record.jurisdiction),
    form: text(request.form),
    receivedAt: text(request.receivedAt),
    expectedReleaseAt: text(custody.expectedReleaseAt) ?? null,
  };
}

/** Instants are stored in UTC and logged as given: the same instant in any offset is the same. */
function sameInstant(stored: string | null, said: string | null): boolean {
  if (stored === said) return true;
  if (stored === null || said === null) return false;
  const instant = Date.parse(said);
  return !Number.isNaN(instant) && Date.parse(stored) === instant;
}
