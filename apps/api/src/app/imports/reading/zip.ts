import { posix } from 'node:path';
import type { Readable } from 'node:stream';
import * as yauzl from 'yauzl';
import { ImportFileError } from './file-error';
import type { ReadLimits } from './limits';

const RATIO_CHECKED_ABOVE = 1024 * 1024;

/**
 * Random access to the parts of an .xlsx through the zip's central directory (yauzl), with the zip-bomb
 * guards applied before anything is inflated — entry count, each entry's and the total declared inflated
 * size, the compression ratio — and while inflating: yauzl fails a stream that yields more bytes than its
 * entry declared, and the bytes actually inflated are counted against the same cap.
 */
export class ZipReader {
  private inflated = 0;

  private constructor(
    private readonly zip: yauzl.ZipFile,
    private readonly entries: Map<string, yauzl.Entry>,
    private readonly limits: ReadLimits,
  ) {}

  static async open(bytes: Buffer, limits: ReadLimits): Promise<ZipReader> {
    const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
      yauzl.fromBuffer(
        bytes,
        { lazyEntries: true, decodeStrings: true, validateEntrySizes: true, strictFileNames: false },
        (error, zipfile) =>
          error || !zipfile ? reject(new ImportFileError('corrupt_file')) : resolve(zipfile),
      ),
    );
    if (zip.entryCount > limits.maxZipEntries) {
      zip.close();
      throw new ImportFileError('too_many_zip_entries', String(limits.maxZipEntries));
    }
    const entries = await new Promise<Map<string, yauzl.Entry>>((resolve, reject) => {
      const found = new Map<string, yauzl.Entry>();
      let declared = 0;
      zip.on('entry', (entry: yauzl.Entry) => {
        declared += entry.uncompressedSize;
        const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
        if (
          entry.uncompressedSize > limits.maxInflatedBytes ||
          declared > limits.maxInflatedBytes ||
          (entry.uncompressedSize > RATIO_CHECKED_ABOVE && ratio > limits.maxCompressionRatio)
        ) {
          reject(new ImportFileError('inflated_too_large', megabytes(limits.maxInflatedBytes)));
          return;
        }
        if (!entry.fileName.endsWith('/')) found.set(entry.fileName, entry);
        zip.readEntry();
      });
      zip.on('end', () => resolve(found));
      zip.on('error', () => reject(new ImportFileError('corrupt_file')));
      zip.readEntry();
    }).catch((error: unknown) => {
      zip.close();
      throw error;
    });
    return new ZipReader(zip, entries, limits);
  }

  close(): void {
    if (this.zip.isOpen) this.zip.close();
  }

  /** The entry's real name: zip names are case-sensitive, but some writers differ in case from the rels. */
  find(path: string): string | undefined {
    if (this.entries.has(path)) return path;
    const lower = path.toLowerCase();
    for (const name of this.entries.keys()) if (name.toLowerCase() === lower) return name;
    return undefined;
  }

  /** Streams an entry's text to `onText` in pieces, decoded as a stream (a character split across two
   * chunks is decoded whole). Resolves when the entry has been read. */
  async readText(path: string, onText: (text: string) => void): Promise<void> {
    const name = this.find(path);
    const entry = name === undefined ? undefined : this.entries.get(name);
    if (!entry) throw new ImportFileError('corrupt_file');
    if (entry.isEncrypted()) throw new ImportFileError('encrypted_workbook');
    const stream = await new Promise<Readable>((resolve, reject) =>
      this.zip.openReadStream(entry, (error, readable) =>
        error || !readable ? reject(new ImportFileError('corrupt_file')) : resolve(readable),
      ),
    );
    let decoder: TextDecoder | undefined;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        this.inflated += chunk.length;
        if (this.inflated > this.limits.maxInflatedBytes) {
          throw new ImportFileError('inflated_too_large', megabytes(this.limits.maxInflatedBytes));
        }
        decoder ??= new TextDecoder(xmlEncoding(chunk), { fatal: true });
        const text = decoder.decode(chunk, { stream: true });
        if (text) onText(text);
      }
      const rest = decoder?.decode();
      if (rest) onText(rest);
    } catch (error) {
      stream.destroy();
      throw toFileError(error);
    }
  }

  /** A whole (small) part as text. */
  async text(path: string): Promise<string> {
    const parts: string[] = [];
    await this.readText(path, (text) => parts.push(text));
    return parts.join('');
  }
}

/** XML parts are UTF-8 unless they start with a UTF-16 byte-order mark. */
function xmlEncoding(first: Buffer): string {
  if (first[0] === 0xff && first[1] === 0xfe) return 'utf-16le';
  if (first[0] === 0xfe && first[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

function toFileError(error: unknown): Error {
  if (error instanceof ImportFileError) return error;
  const message = error instanceof Error ? error.message : '';
  if (message.startsWith('too many bytes')) return new ImportFileError('inflated_too_large');
  return new ImportFileError('corrupt_file');
}

export function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

/** A relationship target resolved against the part that declares it ("worksheets/sheet1.xml" from
 * "xl/workbook.xml" → "xl/worksheets/sheet1.xml"; "/xl/…" is absolute). */
export function resolvePart(fromPart: string, target: string): string {
  if (target.startsWith('/')) return posix.normalize(target.slice(1));
  return posix.normalize(posix.join(posix.dirname(fromPart), target));
}

/** Where the relationships of a part live: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels". */
export function relsPathOf(part: string): string {
  return posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);
}
