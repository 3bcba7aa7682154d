/**
 * The one database schema, as Kysely sees it, for SQLite and PostgreSQL alike. Instants are ISO 8601
 * text in UTC, documents are JSON text, and flags are integers, so that both dialects store the
 * same values. Columns are snake_case in SQL and camelCase here (Kysely's CamelCasePlugin).
 * @module
 */
import type { Insertable, Selectable } from 'kysely';

export interface PersonTable {
  id: string;
  name: string;
  dateOfBirth: string | null;
  nysid: string | null;
  fbiNumber: string | null;
  aNumber: string | null;
  createdAt: string;
}

export interface CaseTable {
  id: string;
  /** SHA-256 of the canonical intake: the same request submitted twice is one case. */
  intakeKey: string;
  personId: string;
  jurisdiction: string;
  status: string;
  /** Optimistic concurrency: bumped by every change, sent as the ETag. */
  version: number;
  form: string;
  receivedAt: string;
  expectedReleaseAt: string | null;
  /** The intake document (person, custody, history, request) as last updated. */
  intakeJson: string;
  holdStartedAt: string | null;
  holdUntil: string | null;
  iceNotifiedAt: string | null;
  closedAt: string | null;
  closedAs: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface DecisionTable {
  id: string;
  caseId: string;
  decidedAt: string;
  decidedBy: string;
  /** The engine's decision as it was, frozen with the law version hashes inside it. */
  decisionJson: string;
  lawHashes: string;
  /** proposed | confirmed | override-pending | overridden | superseded */
  status: string;
  overrideJson: string | null;
  overrideReason: string | null;
  overrideBy: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
}

export interface CaseEventTable {
  id: string;
  caseId: string;
  kind: string;
  at: string;
  recordedBy: string;
  recordedAt: string;
  detailsJson: string;
}

export interface InformationRequestTable {
  id: string;
  caseId: string;
  receivedAt: string;
  requestJson: string;
  decisionJson: string;
  status: string;
  answerJson: string | null;
  answeredAt: string | null;
  answeredBy: string | null;
  createdAt: string;
}

export interface UserTable {
  id: string;
  username: string;
  displayName: string;
  role: string;
  passwordHash: string | null;
  /** 1 for a system integration that signs in with API tokens only. */
  isService: number;
  disabled: number;
  /** 1 after an administrator set the password: the person must choose a new one first. */
  mustChangePassword: number;
  createdAt: string;
}

export interface SessionTable {
  /** SHA-256 of the session token; the token itself is only in the user's cookie. */
  tokenHash: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
  /** The last request made with it (to the minute): the session ends when idle too long. */
  lastSeenAt: string;
}

export interface ApiTokenTable {
  id: string;
  tokenHash: string;
  userId: string;
  name: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
}

/**
 * Failed sign-ins counted against a key: `account:` and the SHA-256 of the username typed (never
 * the text: it may be a password typed in the wrong field), or `address:` and the client address.
 */
export interface SignInFailureTable {
  key: string;
  failures: number;
  windowEndsAt: string;
  lockedUntil: string | null;
}

export interface AuditEntryTable {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  payloadJson: string;
  leafHash: string;
  prevHash: string;
  /**
   * The roots of the perfect subtrees of the Merkle tree this entry completes, level 1 up, as one
   * hex text ('' when none): with the leaf hashes, every node a proof needs (src/audit/tree-nodes.ts).
   */
  subtreeHashes: string;
}

/** One row: the size of the log and the chain hash of its last entry, locked by each append. */
export interface AuditHeadTable {
  id: number;
  size: number;
  lastHash: string;
  /** The roots of the tree's perfect subtrees, largest first, as one hex text: its root, kept. */
  compactRange: string;
}

export interface AuditCheckpointTable {
  size: number;
  at: string;
  note: string;
}

/**
 * A request from a non-local law enforcement agency for the city's support or assistance intended
 * to further immigration enforcement, and the response (§ 10-178(d); src/desk/enforcement-request.ts).
 * Anonymized by design: agencies, times and short text, never a person. The text columns must not
 * name or identify anyone; the desk refuses text shaped like an identifier.
 */
export interface EnforcementRequestTable {
  id: string;
  /** nyc-doc | nyc-nypd | nyc-probation | other (then `receivingAgencyName`) */
  receivingAgency: string;
  receivingAgencyName: string | null;
  /** ice | hsi | cbp | us-marshals | fbi | dea | atf | state-police | other (the last two named) */
  requestingAgency: string;
  requestingAgencyName: string | null;
  receivedAt: string;
  /** The support or assistance asked for, in words (at most 500 characters). */
  asked: string;
  /** agreed | declined | partly; null until the response is recorded. */
  responseKind: string | null;
  /** The response and the actions taken, in words (at most 500 characters). */
  responseActions: string | null;
  respondedAt: string | null;
  respondedBy: string | null;
  /** investigation (§ 10-178(d)(i)) | public-safety (§ 10-178(d)(ii)); null: reported. */
  withheldGround: string | null;
  withheldReason: string | null;
  recordedBy: string;
  recordedAt: string;
}

/** What the mandated reports read of one case (migration 0008, src/services/report-facts.ts). */
export interface ReportFactsTable {
  caseId: string;
  jurisdiction: string;
  /** The first and the last instant any count reads of the case. */
  firstAt: string;
  lastAt: string;
  /** 1 when `lastAt` is more than a year after `firstAt`. */
  longSpan: number;
  /** The audit entry of the change that wrote the row. */
  auditSeq: number;
  /** The code that derived the row (REPORT_FACTS_REVISION). */
  revision: string;
  /** The case's ReportCase (src/reports/report-case.ts) as JSON. */
  factsJson: string;
}

export interface ReportFactsStateTable {
  id: number;
  revision: string;
}

export interface Database {
  persons: PersonTable;
  cases: CaseTable;
  decisions: DecisionTable;
  caseEvents: CaseEventTable;
  informationRequests: InformationRequestTable;
  enforcementRequests: EnforcementRequestTable;
  users: UserTable;
  sessions: SessionTable;
  apiTokens: ApiTokenTable;
  signInFailures: SignInFailureTable;
  auditEntries: AuditEntryTable;
  auditHead: AuditHeadTable;
  auditCheckpoints: AuditCheckpointTable;
  reportFacts: ReportFactsTable;
  reportFactsState: ReportFactsStateTable;
}

export type CaseRow = Selectable<CaseTable>;
export type DecisionRow = Selectable<DecisionTable>;
export type CaseEventRow = Selectable<CaseEventTable>;
export type UserRow = Selectable<UserTable>;
export type EnforcementRequestRow = Selectable<EnforcementRequestTable>;
export type NewAuditEntry = Insertable<AuditEntryTable>;
