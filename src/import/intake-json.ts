/**
 * Intakes from JSON: one array of intake documents, or NDJSON (one per line). A line that is not
 * JSON is reported with its number; the rest are still read.
 * @module
 */
import type { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import type { ImportRecord } from './intake-csv.js';

export async function* readIntakeJson(source: Readable): AsyncGenerator<ImportRecord> {
  let line = 0;
  let buffered: string[] | undefined;
  for await (const text of createInterface({ input: source, crlfDelay: Infinity })) {
    line += 1;
    if (buffered !== undefined) {
      buffered.push(text);
      continue;
    }
    const trimmed = text.trim();
    if (trimmed === '') continue;
    if (line === 1 && trimmed.startsWith('[')) {
      buffered = [text];
      continue;
    }
    try {
      yield { line, input: JSON.parse(trimmed) as unknown };
    } catch (error) {
      yield { line, input: undefined, problem: `not JSON: ${(error as Error).message}` };
    }
  }
  if (buffered === undefined) return;
  let documents: unknown;
  try {
    documents = JSON.parse(buffered.join('\n'));
  } catch (error) {
    yield { line: 1, input: undefined, problem: `not JSON: ${(error as Error).message}` };
    return;
  }
  if (!Array.isArray(documents)) {
    yield { line: 1, input: undefined, problem: 'a JSON file must hold an array of intakes' };
    return;
  }
  let index = 0;
  for (const input of documents) {
    index += 1;
    yield { line: index, input };
  }
}
