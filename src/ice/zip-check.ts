/**
 * Whether a zip archive (an xlsx) is whole: every entry inflates to its recorded length and
 * CRC-32. exceljs's streaming reader does not check this: on a damaged sheet it stops early and
 * returns the rows it got as if the sheet ended there. So each entry is inflated and checked once,
 * streaming, before any row is read: one extra decompression pass, in bounded memory. yauzl reads
 * the central directory (a missing end record means the file is cut short) and, with
 * `validateEntrySizes`, fails an entry that inflates short or long; the CRC is checked here.
 * @module
 */
import { crc32 } from 'node:zlib';
import yauzl, { type Entry, type ZipFile } from 'yauzl';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Null when the entry inflates whole, else why not. */
async function entryDamage(zip: ZipFile, entry: Entry): Promise<string | null> {
  let crc = 0;
  try {
    const stream = await zip.openReadStreamPromise(entry);
    for await (const chunk of stream as AsyncIterable<Buffer>) crc = crc32(chunk, crc);
  } catch (error) {
    return `it does not inflate whole (${message(error)})`;
  }
  return crc === entry.crc32 ? null : 'its contents do not match its checksum';
}

/**
 * Null when the zip archive is whole, else why not (naming the damaged entry). `onBytes` is told
 * the compressed size of each entry once it is checked.
 */
export async function zipDamage(
  file: string,
  onBytes: (bytes: number) => void = () => undefined,
): Promise<string | null> {
  let zip: ZipFile;
  try {
    zip = await yauzl.openPromise(file, {
      lazyEntries: true,
      autoClose: false,
      validateEntrySizes: true,
    });
  } catch (error) {
    return `its zip directory cannot be read (${message(error)})`;
  }
  try {
    for await (const entry of zip.eachEntry()) {
      const damage = await entryDamage(zip, entry);
      if (damage !== null) return `its part ${entry.fileName} is damaged: ${damage}`;
      onBytes(entry.compressedSize);
    }
    return null;
  } catch (error) {
    return `its zip directory is damaged (${message(error)})`;
  } finally {
    zip.close();
  }
}
