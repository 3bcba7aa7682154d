/**
 * A clause is one dated version of one unit of statute text, with a stable id. The engine cites
 * clauses in every decision: id, version, the SHA-256 of the text we encoded, and the source.
 * @module
 */
import { createHash } from 'node:crypto';

/** The first day the engine decides. Earlier dates are refused, never guessed. */
export const COVERAGE_START = '2000-01-01';

/**
 * How far the encoded text is backed by a primary source:
 * - `verbatim`: copied from the enacted text (bill, statute, regulation);
 * - `reconstructed`: a consolidation of verbatim amendments, not an official text;
 * - `secondary`: known from a reliable summary, not the primary text;
 * - `inferred`: a reading by the researchers, not tied to a text;
 * - `unverified`: not tied to any source we could read;
 * - `amendment`: a user's what-if amendment (src/what-if/amendment.ts), never law in force.
 * Anything but `verbatim` is flagged in every decision that relies on it.
 */
export type Verification =
  'verbatim' | 'reconstructed' | 'secondary' | 'inferred' | 'unverified' | 'amendment';

export interface ClauseSpec {
  /** Stable across versions, e.g. `nyc.9-131.b`. Paragraph numbers move between versions; ids don't. */
  id: string;
  /** The enactment this version comes from, e.g. `LL58/2014`. */
  version: string;
  /** How a lawyer would cite this version. */
  citation: string;
  title: string;
  /** First day in force (inclusive), YYYY-MM-DD. */
  validFrom: string;
  /** First day no longer in force (exclusive); absent while in force. */
  validTo?: string;
  /** How the dates follow from the enactment, e.g. "30 days after enactment on 2014-11-14". */
  effective: string;
  /** The encoded text, as enacted. */
  text: string;
  url: string;
  verification: Verification;
  /** Why the clause is encoded the way it is, where the text leaves room. */
  note?: string;
}

/** What a decision carries about a clause: one frozen object per clause, cited by every decision. */
export interface ClauseRef {
  readonly id: string;
  readonly version: string;
  readonly citation: string;
  readonly validFrom: string;
  readonly validTo?: string;
  readonly textSha256: string;
  readonly url: string;
  readonly verification: Verification;
}

export interface Clause extends Readonly<ClauseSpec> {
  readonly textSha256: string;
  readonly ref: ClauseRef;
}

export function clause(spec: ClauseSpec): Clause {
  const textSha256 = createHash('sha256').update(spec.text, 'utf8').digest('hex');
  const ref: ClauseRef = Object.freeze({
    id: spec.id,
    version: spec.version,
    citation: spec.citation,
    validFrom: spec.validFrom,
    ...(spec.validTo === undefined ? {} : { validTo: spec.validTo }),
    textSha256,
    url: spec.url,
    verification: spec.verification,
  });
  return Object.freeze({ ...spec, textSha256, ref });
}

/**
 * A clause version that records that no provision was in force: before enactment (the
 * default, from COVERAGE_START) or after repeal.
 */
export function notInForce(spec: {
  id: string;
  citation: string;
  title: string;
  validFrom?: string;
  validTo?: string;
  reason: string;
  url: string;
}): Clause {
  return clause({
    id: spec.id,
    version: 'not in force',
    citation: spec.citation,
    title: spec.title,
    validFrom: spec.validFrom ?? COVERAGE_START,
    ...(spec.validTo === undefined ? {} : { validTo: spec.validTo }),
    effective: spec.reason,
    text: `(No provision in force: ${spec.reason}.)`,
    url: spec.url,
    verification: 'verbatim',
  });
}

export function isInForce(clause: Clause, date: string): boolean {
  return clause.validFrom <= date && (clause.validTo === undefined || date < clause.validTo);
}
