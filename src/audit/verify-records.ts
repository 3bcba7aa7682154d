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
 *   the lawful end of a hold against the `until` of its start-hold entry; whether the hold, the
 *   notice to ICE and the closing are recorded at all, and how the case closed, against the steps
 *   logged. (When those steps happened is on the timeline, which the entries do not hash.)
 * - a decision: `decisionSha256` (src/audit/record-hashes.ts) of the latest entry naming it, and
 *   its status: `decisionStatus` of that entry, or `superseded` once the record changed after it.
 *   Decisions logged before the desk kept that hash are checked for their entry only.
 * - an information request: that its request was logged, and that it is answered exactly when an
 *   answer was logged.
 * @module
 */
import { RELEASE_KINDS } from '../desk/case-lifecycle.js';
import type { AuditEntry, JsonValue } from './leaf.js';
import { decisionSha256, storedTextSha256, type StoredDecision } from './record-hashes.js';
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

export interface StoredInformationRequest {
  id: string;
  caseId: string;
  status: string;
}

interface Said<T> {
  seq: number;
  value: T;
}

interface CaseTrail {
  intake?: number;
  record?: Said<string>;
  state?: Said<{ status: string; version: number }>;
  hold?: Said<string>;
  notified?: number;
  closed?: Said<string>;
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
  seen?: boolean;
}

/** Each closing step, by its audit action, and the `closed_as` it stores. */
const CLOSINGS = new Map<string, string>([
  ...RELEASE_KINDS.map((kind) => [`case.${kind}`, kind] as const),
  ['case.cancel', 'cancelled-by-ice'],
]);

const CASE_SUBJECT = /^case\/([^/]+)$/;
const INFORMATION_SUBJECT = /^case\/([^/]+)\/information\/([^/]+)$/;

export class RecordLedger {
  readonly #cases = new Map<string, CaseTrail>();
  readonly #decisions = new Map<string, DecisionTrail>();
  readonly #information = new Map<string, InformationTrail>();

  observe(entry: AuditEntry): void {
    const { seq, action, subject } = entry;
    const payload = fieldsOf(entry.payload);
    const information = INFORMATION_SUBJECT.exec(subject);
    if (information !== null) {
      const [, caseId, id] = information as unknown as [string, string, string];
      const trail = this.#information.get(id) ?? { caseId };
      if (action === 'information.request') trail.request = seq;
      if (action === 'information.answer') trail.answer = seq;
      this.#information.set(id, trail);
      return;
    }
    const caseId = CASE_SUBJECT.exec(subject)?.[1];
    if (caseId === undefined || !action.startsWith('case.')) return;
    const trail = this.#cases.get(caseId) ?? {};
    if (action === 'case.intake') trail.intake = seq;
    const { intakeSha256, status, version, until, decisionId } = payload;
    if (typeof intakeSha256 === 'string') trail.record = { seq, value: intakeSha256 };
    if (typeof status === 'string' && typeof version === 'number') {
      trail.state = { seq, value: { status, version } };
    }
    if (action === 'case.start-hold' && typeof until === 'string') {
      trail.hold = { seq, value: until };
    }
    if (action === 'case.notify-ice') trail.notified = seq;
    const closedAs = CLOSINGS.get(action);
    if (closedAs !== undefined) trail.closed = { seq, value: closedAs };
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

  checkCase(row: StoredCase): LogProblem[] {
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
    const logged: [string, string | null, number | undefined][] = [
      ['hold start', row.holdStartedAt, trail.hold?.seq],
      ['notice to ICE', row.iceNotifiedAt, trail.notified],
      ['closing time', row.closedAt, trail.closed?.seq],
    ];
    for (const [column, value, seq] of logged) {
      if ((value === null) !== (seq === undefined)) {
        differs(
          column,
          seq ?? trail.state,
          value === null
            ? 'is missing, though its step was logged'
            : 'is set, but no such step was logged',
        );
      }
    }
    if (row.closedAs !== (trail.closed?.value ?? null)) {
      differs(
        'closing',
        trail.closed ?? trail.state,
        `is ${String(row.closedAs)}, but the step logged closed it as ${trail.closed?.value ?? 'nothing'}`,
      );
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
    const answered = row.status === 'answered';
    if (answered === (trail.answer !== undefined)) return [];
    return [
      {
        seq: trail.answer ?? trail.request,
        subject,
        code: 'record-mismatch',
        message: `information request ${row.id} is ${row.status}, but ${answered ? 'no answer was' : 'its answer was'} logged: changed without the desk`,
      },
    ];
  }

  /** Rows the log recorded (by entries before `before`) that no check was given. */
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
