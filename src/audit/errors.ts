/**
 * Errors of the audit core as data: a stable `code` to branch on and a message for people.
 *
 * - `AuditError(code, message)`: every failure of src/audit (bad input, bad proof, bad note).
 * - `RootMismatchError(expectedRoot, calculatedRoot)`: a proof or tree that computes another root,
 *   carrying both, like transparency-dev/merkle's RootMismatchError.
 * @module
 */

export type AuditErrorCode =
  | 'bad-size'
  | 'index-out-of-range'
  | 'size-out-of-range'
  | 'bad-hash'
  | 'wrong-proof-length'
  | 'size2-below-size1'
  | 'proof-not-empty'
  | 'empty-tree'
  | 'empty-proof'
  | 'root-mismatch'
  | 'bad-entry'
  | 'bad-note'
  | 'bad-checkpoint'
  | 'bad-key'
  | 'bad-signature'
  | 'no-valid-signature'
  | 'bad-bundle';

export class AuditError extends Error {
  constructor(
    readonly code: AuditErrorCode,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class RootMismatchError extends AuditError {
  constructor(
    readonly expectedRoot: Uint8Array,
    readonly calculatedRoot: Uint8Array,
  ) {
    super(
      'root-mismatch',
      `calculated root ${Buffer.from(calculatedRoot).toString('hex')} does not match expected root ` +
        Buffer.from(expectedRoot).toString('hex'),
    );
  }
}
