/**
 * A release that cannot be imported at all (truncated, corrupt, not a known format): the import
 * stops and keeps nothing from it. The message names the file and the problem.
 * @module
 */
export class IceFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'IceFileError';
  }
}
