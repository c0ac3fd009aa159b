import { Readable } from 'node:stream';
import { Tenancy } from '../../../database/tenancy';
import { BlobBackend, rechunk } from './storage';

/** Bytes per stored_file_chunk row: a few round trips per document, little memory per transfer. */
export const CHUNK_BYTES = 256 * 1024;

/**
 * The default backend: the bytes in `stored_file_chunk`, one row per CHUNK_BYTES. Every chunk is written
 * and read in its own short tenant transaction, so a slow upload or download never holds a database
 * connection (the embedded database has only one) and RLS applies to every chunk.
 */
export class PostgresBlobBackend extends BlobBackend {
  readonly kind = 'postgres' as const;

  constructor(private readonly tenancy: Tenancy) {
    super();
  }

  async write(firmId: string, fileId: string, source: AsyncIterable<Buffer>): Promise<void> {
    let seq = 0;
    for await (const chunk of rechunk(source, CHUNK_BYTES)) {
      const current = seq++;
      await this.tenancy.forFirm(firmId, (em) =>
        em.query(`INSERT INTO stored_file_chunk (file_id, firm_id, seq, data) VALUES ($1, $2, $3, $4)`, [
          fileId,
          firmId,
          current,
          chunk,
        ]),
      );
    }
  }

  read(firmId: string, fileId: string): Readable {
    const tenancy = this.tenancy;
    async function* chunks(): AsyncGenerator<Buffer> {
      for (let seq = 0; ; seq++) {
        const rows: { data: Buffer }[] = await tenancy.forFirm(firmId, (em) =>
          em.query(`SELECT data FROM stored_file_chunk WHERE file_id = $1 AND seq = $2`, [fileId, seq]),
        );
        if (rows.length === 0) return;
        yield rows[0].data;
      }
    }
    return Readable.from(chunks(), { objectMode: false });
  }

  async remove(): Promise<void> {
    // The chunks reference their stored_file row ON DELETE CASCADE: FileStore deletes that row.
  }

  async check(): Promise<boolean> {
    return true;
  }
}
