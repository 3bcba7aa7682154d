/**
 * The empty lines of a CSV file, numbered as DuckDB's CSV reader numbers lines: its records, so a
 * line break inside a quoted value does not start a new line. DuckDB skips empty lines without a
 * trace, so the importer finds them here to give each row its number in the file. Quoting is
 * RFC 4180's (a doubled quote inside a quoted value is a quote), as the importer reads the file.
 * @module
 */
import { createReadStream } from 'node:fs';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** 1-based numbers of the records that hold nothing (a carriage return alone counts as nothing). */
export async function emptyLines(file: string): Promise<number[]> {
  const found: number[] = [];
  let line = 1;
  let quoted = false;
  let empty = true;
  for await (const chunk of createReadStream(file, {
    highWaterMark: 1 << 20,
  }) as AsyncIterable<Buffer>) {
    for (const byte of chunk) {
      if (quoted) {
        if (byte === QUOTE) quoted = false;
      } else if (byte === QUOTE) {
        quoted = true;
        empty = false;
      } else if (byte === LF) {
        if (empty) found.push(line);
        line += 1;
        empty = true;
      } else if (byte !== CR) {
        empty = false;
      }
    }
  }
  return found;
}
