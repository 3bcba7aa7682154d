/**
 * Whether a zip archive (an xlsx) is whole: every entry inflates to its recorded length and
 * CRC-32. exceljs's streaming reader does not check this: on a damaged sheet it stops early and
 * returns the rows it got as if the sheet ended there. So each entry is inflated and checked once,
 * streaming, before any row is read: one extra decompression pass, in bounded memory. Layout from
 * PKWARE's APPNOTE.TXT (§4.3.7 local header, §4.3.12 central directory, §4.3.14–16 ZIP64 and the
 * end of central directory).
 * @module
 */
import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { createInflateRaw, crc32 } from 'node:zlib';

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const END64 = 0x06064b50;
const END64_LOCATOR = 0x07064b50;
const MAX_END = 22 + 0xffff; // the end record and the longest comment
const MAX_DIRECTORY = 64 * 1024 * 1024; // far beyond any xlsx's few dozen entries

interface Entry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

async function bytes(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

const u64 = (buffer: Buffer, at: number) => Number(buffer.readBigUInt64LE(at));

/** The central directory's place and size, or why it cannot be found. */
async function directoryOf(handle: FileHandle, size: number) {
  const tailStart = Math.max(0, size - MAX_END);
  const tail = await bytes(handle, tailStart, size - tailStart);
  let at = tail.length - 22;
  while (
    at >= 0 &&
    !(tail.readUInt32LE(at) === END && at + 22 + tail.readUInt16LE(at + 20) === tail.length)
  ) {
    at -= 1;
  }
  if (at < 0) return 'its zip directory is missing';
  let count = tail.readUInt16LE(at + 10);
  let length = tail.readUInt32LE(at + 12);
  let start = tail.readUInt32LE(at + 16);
  if (count === 0xffff || length === 0xffffffff || start === 0xffffffff) {
    const locator = await bytes(handle, tailStart + at - 20, 20);
    if (locator.length < 20 || locator.readUInt32LE(0) !== END64_LOCATOR) {
      return 'its ZIP64 directory locator is missing';
    }
    const end64 = await bytes(handle, u64(locator, 8), 56);
    if (end64.length < 56 || end64.readUInt32LE(0) !== END64)
      return 'its ZIP64 end record is missing';
    count = u64(end64, 32);
    length = u64(end64, 40);
    start = u64(end64, 48);
  }
  if (length > MAX_DIRECTORY || start + length > size) return 'its zip directory is cut off';
  return { count, length, start };
}

function entriesOf(directory: Buffer, count: number): Entry[] | string {
  const entries: Entry[] = [];
  let at = 0;
  for (let index = 0; index < count; index += 1) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL) {
      return `its zip directory is damaged at entry ${index + 1}`;
    }
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    const entry: Entry = {
      name: directory.toString('utf8', at + 46, at + 46 + nameLength),
      method: directory.readUInt16LE(at + 10),
      crc: directory.readUInt32LE(at + 16),
      compressedSize: directory.readUInt32LE(at + 20),
      size: directory.readUInt32LE(at + 24),
      offset: directory.readUInt32LE(at + 42),
    };
    // ZIP64 extra field: 64-bit values, in this order, for the 32-bit fields set to all ones.
    const extra = directory.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
    for (let field = 0; field + 4 <= extra.length; field += 4 + extra.readUInt16LE(field + 2)) {
      if (extra.readUInt16LE(field) !== 0x0001) continue;
      let value = field + 4;
      for (const key of ['size', 'compressedSize', 'offset'] as const) {
        if (entry[key] === 0xffffffff && value + 8 <= extra.length) {
          entry[key] = u64(extra, value);
          value += 8;
        }
      }
    }
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The entry's length and CRC-32 as its bytes inflate, or why they cannot be read. */
async function checkEntry(file: string, handle: FileHandle, size: number, entry: Entry) {
  const local = await bytes(handle, entry.offset, 30);
  if (local.length < 30 || local.readUInt32LE(0) !== LOCAL) return 'its header is missing';
  const start = entry.offset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  if (start + entry.compressedSize > size) return 'it is cut off';
  if (entry.method !== 0 && entry.method !== 8)
    return `its compression method ${entry.method} is unknown`;
  if (entry.compressedSize === 0) return entry.size === 0 ? null : 'it is empty';
  const raw = createReadStream(file, { start, end: start + entry.compressedSize - 1 });
  const data = entry.method === 8 ? raw.pipe(createInflateRaw()) : raw;
  let crc = 0;
  let length = 0;
  try {
    for await (const chunk of data as AsyncIterable<Buffer>) {
      crc = crc32(chunk, crc);
      length += chunk.length;
    }
  } catch (error) {
    raw.destroy();
    return `it does not inflate (${error instanceof Error ? error.message : String(error)})`;
  }
  if (length !== entry.size || crc !== entry.crc) return 'its contents do not match its checksum';
  return null;
}

/** Null when the zip archive is whole, else why not (naming the damaged entry). */
export async function zipDamage(file: string): Promise<string | null> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const head = await bytes(handle, 0, 4);
    if (head.length < 4 || head.readUInt32LE(0) !== LOCAL) return 'it is not a zip archive';
    const directory = await directoryOf(handle, size);
    if (typeof directory === 'string') return directory;
    const entries = entriesOf(
      await bytes(handle, directory.start, directory.length),
      directory.count,
    );
    if (typeof entries === 'string') return entries;
    for (const entry of entries) {
      const damage = await checkEntry(file, handle, size, entry);
      if (damage !== null) return `its part ${entry.name} is damaged: ${damage}`;
    }
    return null;
  } finally {
    await handle.close();
  }
}
