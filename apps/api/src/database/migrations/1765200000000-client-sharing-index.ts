import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The clients who share their documents, by status then name (issue 15). The list's "sharing" filter was a
 * filter on the rows the status index yields: sorted by status, a page read every client of the statuses
 * that come first — with the benchmark's 100,000-client firm (2,000,000 clients, 200 firms), sorted by
 * status descending, the 33,000 active and failed clients (none sharing) before the first invited one:
 * p95 121 ms (counting its first 10,001 matches: 20 ms more). With this index, which holds the sharing
 * clients only: p95 46 ms; "status active + sharing" (no match) 48 → 18 ms. Partial: clients who do not
 * share (the default, and what an import creates unless the file says otherwise) cost it nothing.
 * On a large live database, build it beforehand with CREATE INDEX CONCURRENTLY under the same name
 * (2,000,000 clients: 4 s).
 */
export class ClientSharingIndex1765200000000 implements MigrationInterface {
  name = 'ClientSharingIndex1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX IF NOT EXISTS client_firm_sharing_status_idx ON client (firm_id, status, name_sort, id)
        WHERE share_documents`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS client_firm_sharing_status_idx`);
  }
}
