/**
 * How an error that stopped a command becomes its exit code and one line on standard error.
 * Mistakes in the input name the input; a bug (exit 70) gets one line saying where its details
 * were written, so a user can report it without reading a stack trace.
 * @module
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeskError } from '../desk/errors.js';
import { CaseError } from '../engine/errors.js';
import { IceFileError } from '../ice/ice-file-error.js';
import { EXIT, UsageError } from './cli-errors.js';

export function reportError(error: unknown): number {
  if (error instanceof UsageError || error instanceof IceFileError) {
    return say(error.message, EXIT.usage);
  }
  if (error instanceof CaseError) {
    return say(`the case was rejected (${error.code}): ${error.message}`, EXIT.usage);
  }
  if (error instanceof DeskError) {
    const fields = error.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
    const message =
      fields === '' || error.message.includes(fields)
        ? error.message
        : `${error.message} (${fields})`;
    // Busy (another process holds the database) is not the user's mistake, nor a bug.
    return say(message, error.code === 'unavailable' ? EXIT.rejected : EXIT.usage);
  }
  return say(
    `internal error, please report it: ${summary(error)}; ${logged(error)}`,
    EXIT.internal,
  );
}

function say(message: string, code: number): number {
  process.stderr.write(`detainer-desk: ${oneLine(message)}\n`);
  return code;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}

function summary(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Writes the whole error to a file only its owner can read, and says where. */
function logged(error: unknown): string {
  const file = join(
    tmpdir(),
    `detainer-desk-error-${String(Date.now())}-${String(process.pid)}.log`,
  );
  const details = error instanceof Error ? (error.stack ?? summary(error)) : String(error);
  try {
    writeFileSync(
      file,
      `${new Date().toISOString()} detainer-desk ${process.argv[2] ?? ''}\n${details}\n`,
      {
        mode: 0o600,
      },
    );
    return `details in ${file}`;
  } catch {
    return 'its details could not be written to a file';
  }
}
