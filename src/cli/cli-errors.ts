/**
 * The CLI's exit codes and the errors its commands throw for what the user gave them. Kept free
 * of imports: every command loads it, and `--help` must stay fast.
 *
 * Exit codes: 0 done; 1 rejected lines or records, or a failed check; 2 bad input or usage; 70 an
 * internal error (a bug).
 * @module
 */
export const EXIT = { ok: 0, rejected: 1, usage: 2, internal: 70 } as const;

/** A mistake in what the user gave us: shown as one line, never with a stack trace. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** What a file-system error means to the person who named the file. */
export function fileProblem(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'it is a directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOTDIR':
      return 'a folder on its path is a file';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/** A whole number within bounds, from an option or argument; else a UsageError naming it. */
export function wholeNumber(name: string, text: string, min: number, max: number): number {
  const n = /^[+-]?\d+$/.test(text.trim()) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    const range =
      max === Number.MAX_SAFE_INTEGER ? `≥ ${String(min)}` : `${String(min)}–${String(max)}`;
    throw new UsageError(`${name}: "${text}" is not a whole number ${range}`);
  }
  return n;
}
