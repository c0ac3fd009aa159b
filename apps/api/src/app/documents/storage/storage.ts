import type { Readable } from 'node:stream';

export type StorageBackendKind = 'postgres' | 's3';

/**
 * Where the bytes of stored files live: PostgreSQL chunks (the default, postgres.ts) or an S3-compatible
 * bucket when S3_URL is set (s3.ts). Exactly one is in use; FileStore (file-store.ts) is the only caller and
 * keeps the metadata (size, SHA-256, status) in the `stored_file` table whichever backend holds the bytes.
 * Both stream: a file is never held whole in memory.
 */
export abstract class BlobBackend {
  abstract readonly kind: StorageBackendKind;

  /**
   * Consumes `source` to its end and keeps the bytes under `fileId`. Rejects when the source throws (a
   * size limit) or the store fails; the caller then calls remove(), so nothing half-written stays.
   */
  abstract write(firmId: string, fileId: string, source: AsyncIterable<Buffer>): Promise<void>;

  /** The file's bytes, fetched piece by piece as the consumer reads. */
  abstract read(firmId: string, fileId: string): Readable;

  /** Forgets the bytes (a missing file is not an error). PostgreSQL chunks go with their stored_file row. */
  abstract remove(firmId: string, fileId: string): Promise<void>;

  abstract check(): Promise<boolean>;
}

/** Collects an async iterable's buffers into pieces of exactly `size` bytes (the last one shorter). */
export async function* rechunk(source: AsyncIterable<Buffer>, size: number): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  for await (const piece of source) {
    let offset = 0;
    while (offset < piece.length) {
      const take = Math.min(size - pendingBytes, piece.length - offset);
      pending.push(piece.subarray(offset, offset + take));
      pendingBytes += take;
      offset += take;
      if (pendingBytes === size) {
        yield Buffer.concat(pending, pendingBytes);
        pending = [];
        pendingBytes = 0;
      }
    }
  }
  if (pendingBytes > 0) yield Buffer.concat(pending, pendingBytes);
}
