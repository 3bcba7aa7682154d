/**
 * What the importer learns from a release's bytes in one streaming pass: their SHA-256 (a
 * re-import of the same bytes is recognised whatever the file is called), the size, the container
 * (from the first bytes, never the file name) and whether the text has an empty line anywhere (if
 * so, a CSV's empty lines are found one by one, to number its rows as the file does).
 * @module
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { IceFileError } from './ice-file-error.js';

export type Container = 'xlsx' | 'parquet' | 'csv';

export interface ReleaseFile {
  path: string;
  sha256: string;
  size: number;
  container: Container;
  hasEmptyLine: boolean;
}

const ZIP = Buffer.from('PK\x03\x04', 'latin1'); // every xlsx is a zip archive
const PARQUET = Buffer.from('PAR1', 'latin1');
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]); // the binary .xls of Excel 97–2003

function containerOf(file: string, head: Buffer): Container {
  if (head.subarray(0, 4).equals(ZIP)) return 'xlsx';
  if (head.subarray(0, 4).equals(PARQUET)) return 'parquet';
  if (head.subarray(0, 4).equals(OLE2)) {
    throw new IceFileError(file, 'it is a binary Excel 97–2003 (.xls) workbook: save it as xlsx');
  }
  return 'csv';
}

const hasEmptyLine = (bytes: Buffer) => bytes.includes('\n\n') || bytes.includes('\n\r\n');

/** Reads the file once; `onBytes` is told each chunk's length. */
export async function scanRelease(
  file: string,
  onBytes: (bytes: number) => void = () => undefined,
): Promise<ReleaseFile> {
  const hash = createHash('sha256');
  let size = 0;
  let head: Buffer | undefined;
  let empty = false;
  // The end of the previous chunk, so an empty line across two chunks is seen; a newline before
  // the start makes an empty first line count too.
  let tail: Buffer = Buffer.from('\n');
  try {
    for await (const chunk of createReadStream(file, {
      highWaterMark: 1 << 20,
    }) as AsyncIterable<Buffer>) {
      hash.update(chunk);
      size += chunk.length;
      head ??= chunk;
      if (!empty)
        empty = hasEmptyLine(Buffer.concat([tail, chunk.subarray(0, 2)])) || hasEmptyLine(chunk);
      tail = chunk.subarray(-2);
      onBytes(chunk.length);
    }
  } catch (error) {
    throw new IceFileError(
      file,
      `cannot be read (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  if (head === undefined) throw new IceFileError(file, 'the file is empty');
  return {
    path: file,
    sha256: hash.digest('hex'),
    size,
    container: containerOf(file, head),
    hasEmptyLine: empty,
  };
}
