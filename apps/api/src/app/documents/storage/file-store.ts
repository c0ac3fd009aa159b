import { Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { Tenancy } from '../../../database/tenancy';
import { BlobBackend } from './storage';

/** The size limit was crossed while the file streamed in: nothing of it is kept. */
export class FileTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`file larger than ${maxBytes} bytes`);
    this.name = 'FileTooLargeError';
  }
}

export interface SaveOptions<T> {
  /** Refused (FileTooLargeError) as soon as more bytes than this arrive. */
  maxBytes: number;
  /** How many first bytes `inspect` sees (fewer when the file is shorter). */
  headBytes?: number;
  /**
   * Looks at the first bytes before anything is stored (type sniffing); throw to refuse the file. Its result
   * is returned with the saved file.
   */
  inspect?: (head: Buffer) => T;
}

export interface SavedFile<T> {
  id: string;
  size: number;
  sha256: string;
  inspected: T;
}

const DEFAULT_HEAD_BYTES = 8192;

/**
 * The one way uploaded files are kept (client documents, import spreadsheets): streamed into the configured
 * backend with the size limit enforced and the SHA-256 computed on the way, the metadata in `stored_file`.
 * A file is `writing` until every byte is durable; on any failure its row and bytes are removed, and the
 * storage sweeper removes what a crash left behind.
 */
@Injectable()
export class FileStore {
  private readonly logger = new Logger('FileStore');

  constructor(
    private readonly tenancy: Tenancy,
    private readonly backend: BlobBackend,
  ) {}

  get backendKind(): BlobBackend['kind'] {
    return this.backend.kind;
  }

  async save<T = undefined>(
    firmId: string,
    source: Readable,
    options: SaveOptions<T>,
  ): Promise<SavedFile<T>> {
    const iterator = (source as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
    const headBytes = options.headBytes ?? DEFAULT_HEAD_BYTES;
    const headParts: Buffer[] = [];
    let headSize = 0;
    let ended = false;
    while (headSize < headBytes) {
      const next = await iterator.next();
      if (next.done) {
        ended = true;
        break;
      }
      const piece = toBuffer(next.value);
      headParts.push(piece);
      headSize += piece.length;
      if (headSize > options.maxBytes) throw new FileTooLargeError(options.maxBytes);
    }
    const head = Buffer.concat(headParts, headSize);
    const inspected = options.inspect ? options.inspect(head.subarray(0, headBytes)) : (undefined as T);

    const id = await this.tenancy.forFirm(firmId, async (em) => {
      const rows: { id: string }[] = await em.query(
        `INSERT INTO stored_file (firm_id, backend) VALUES ($1, $2) RETURNING id`,
        [firmId, this.backend.kind],
      );
      return rows[0].id;
    });

    const hash = createHash('sha256');
    let size = 0;
    const maxBytes = options.maxBytes;
    async function* metered(): AsyncGenerator<Buffer> {
      hash.update(head);
      size = head.length;
      if (head.length > 0) yield head;
      if (ended) return;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        const piece = toBuffer(next.value);
        size += piece.length;
        if (size > maxBytes) throw new FileTooLargeError(maxBytes);
        hash.update(piece);
        yield piece;
      }
    }

    try {
      await this.backend.write(firmId, id, metered());
      const sha256 = hash.digest('hex');
      await this.tenancy.forFirm(firmId, (em) =>
        em.query(
          `UPDATE stored_file SET status = 'stored', size = $2, sha256 = $3, stored_at = now() WHERE id = $1`,
          [id, size, sha256],
        ),
      );
      return { id, size, sha256, inspected };
    } catch (error) {
      await this.remove(firmId, [id]).catch((cleanup: Error) =>
        this.logger.warn(`Could not remove the unfinished file ${id}: ${cleanup.message}`),
      );
      throw error;
    }
  }

  /** The stored bytes, streamed from the backend as they are read. */
  open(firmId: string, fileId: string): Readable {
    return this.backend.read(firmId, fileId);
  }

  /** Deletes files: their rows (PostgreSQL chunks cascade) and, in S3, their objects. */
  async remove(firmId: string, fileIds: readonly string[]): Promise<void> {
    if (fileIds.length === 0) return;
    await this.tenancy.forFirm(firmId, (em) =>
      em.query(`DELETE FROM stored_file WHERE id = ANY($1::uuid[])`, [fileIds]),
    );
    if (this.backend.kind !== 'postgres')
      for (const id of fileIds) await this.backend.remove(firmId, id).catch(() => undefined);
  }

  /** Uploads that died half-way (process killed mid-stream): their rows and bytes are removed. */
  async sweepAbandoned(ageSeconds: number, maxRows = 500): Promise<number> {
    const rows: { id: string; firm_id: string }[] = await this.tenancy.scoped({}, (em) =>
      em.query(`SELECT id, firm_id FROM stored_file_abandoned($1, $2)`, [ageSeconds, maxRows]),
    );
    const byFirm = new Map<string, string[]>();
    for (const row of rows) byFirm.set(row.firm_id, [...(byFirm.get(row.firm_id) ?? []), row.id]);
    for (const [firmId, ids] of byFirm) await this.remove(firmId, ids);
    return rows.length;
  }

  check(): Promise<boolean> {
    return this.backend.check();
  }
}

function toBuffer(value: unknown): Buffer {
  return Buffer.isBuffer(value) ? value : Buffer.from(value as Uint8Array);
}
