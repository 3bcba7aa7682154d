/**
 * The hashes the audit log keeps of the desk's stored records, so anyone holding the database can
 * check a stored row against the entries that recorded it (src/audit/verify-records.ts).
 *
 * - `storedTextSha256(text)`: hex SHA-256 of a stored text exactly as stored (UTF-8), such as
 *   `cases.intake_json` (the `intakeSha256` of intake and correction entries) and an information
 *   request's `request_json`, `decision_json` and `answer_json` (`requestJsonSha256` and
 *   `decisionJsonSha256` of its recording entry, `answerJsonSha256` of its answer's).
 * - `decisionSha256(row)`: hex SHA-256 of the RFC 8785 JSON of a stored decision row, every column
 *   as stored except `status`: `{ id, caseId, decidedAt, decidedBy, decisionJson, lawHashes,
 *   overrideJson, overrideReason, overrideBy, reviewedBy, reviewedAt }`. The status is kept beside
 *   it (`decisionStatus`), because correcting the record supersedes a decision without touching it.
 * - `decisionAudit(row)`: the two fields the decide and review entries carry.
 * - `enforcementRequestSha256(row)`: hex SHA-256 of the RFC 8785 JSON of a stored § 10-178(d)
 *   request row, every column as stored (the `recordSha256` of its record and respond entries).
 * @module
 */
import { createHash } from 'node:crypto';
import { canonicalize } from 'json-canonicalize';

export interface StoredDecision {
  id: string;
  caseId: string;
  decidedAt: string;
  decidedBy: string;
  decisionJson: string;
  lawHashes: string;
  status: string;
  overrideJson: string | null;
  overrideReason: string | null;
  overrideBy: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
}

/** A stored § 10-178(d) request (`enforcement_requests`), every column. */
export interface StoredEnforcementRequest {
  id: string;
  receivingAgency: string;
  receivingAgencyName: string | null;
  requestingAgency: string;
  requestingAgencyName: string | null;
  receivedAt: string;
  asked: string;
  responseKind: string | null;
  responseActions: string | null;
  respondedAt: string | null;
  respondedBy: string | null;
  withheldGround: string | null;
  withheldReason: string | null;
  recordedBy: string;
  recordedAt: string;
}

export function enforcementRequestSha256(row: StoredEnforcementRequest): string {
  return storedTextSha256(canonicalize(row));
}

export function storedTextSha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function decisionSha256(row: StoredDecision): string {
  // Picked one by one, so a column added later never changes the hash of the rows logged before.
  const { id, caseId, decidedAt, decidedBy, decisionJson, lawHashes } = row;
  const { overrideJson, overrideReason, overrideBy, reviewedBy, reviewedAt } = row;
  const hashed = { id, caseId, decidedAt, decidedBy, decisionJson, lawHashes };
  const review = { overrideJson, overrideReason, overrideBy, reviewedBy, reviewedAt };
  return storedTextSha256(canonicalize({ ...hashed, ...review }));
}

export function decisionAudit(row: StoredDecision): {
  decisionSha256: string;
  decisionStatus: string;
} {
  return { decisionSha256: decisionSha256(row), decisionStatus: row.status };
}
