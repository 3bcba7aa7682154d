/**
 * A file named on the command line for a long read (`cases import`): a missing, unreadable,
 * empty or binary file is one line naming it before any work starts, and progress is the share
 * of its bytes read so far.
 * @module
 */
import type { ReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { fileProblem, UsageError } from './cli-errors.js';
import { progressBar } from './progress.js';

export interface NamedInput {
  file: string;
  stream: ReadStream;
  size: number;
}

/** How much of the start is checked for NUL bytes, which no CSV or JSON text holds. */
const SNIFF_BYTES = 8192;

export async function openInput(file: string): Promise<NamedInput> {
  let handle;
  try {
    handle = await open(file);
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${fileProblem(error)}`);
  }
  try {
    const stats = await handle.stat();
    if (stats.isDirectory()) throw new UsageError(`cannot read ${file}: it is a directory`);
    const start = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(start, 0, SNIFF_BYTES, 0);
    if (bytesRead === 0) throw new UsageError(`${file} is empty: there is nothing to import`);
    if (start.subarray(0, bytesRead).includes(0)) {
      throw new UsageError(`${file} is not a text file (it holds NUL bytes): give CSV or JSON`);
    }
    return { file, stream: handle.createReadStream({ start: 0 }), size: stats.size };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** A bar for the file on a terminal: `tick` after each record, `stop` before printing. */
export function fileProgress(input: NamedInput): { tick(): void; stop(): void } {
  const bar = progressBar(input.file);
  return {
    tick: () => bar?.update(input.stream.bytesRead, input.size, 'reading'),
    stop: () => bar?.stop(),
  };
}
