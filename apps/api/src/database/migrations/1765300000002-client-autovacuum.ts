import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Autovacuum for the client tables at hosted-service scale (issue 15). PostgreSQL's defaults vacuum a table
 * once a fifth of its rows are dead (or, for inserts, new): on 2,000,000 clients, 400,000. One firm that
 * re-imports or updates its 100,000 clients stays below that, and its searches then read every row twice — a
 * dead version and the new one, both pointed at by the search index (benchmark: "cedre" p95 34 → 110 ms until
 * a VACUUM). At 2 % (40,000 rows here, fewer on a smaller database) such an update or a large import is
 * vacuumed and analyzed within a minute or so; vacuuming after inserts also marks the new pages all-visible,
 * which the capped counts' index-only scans need. Per-table settings: the server's own defaults (and an
 * operator's ALTER TABLE … RESET) still apply to every other table.
 */
export class ClientAutovacuum1765300000002 implements MigrationInterface {
  name = 'ClientAutovacuum1765300000002';

  async up(q: QueryRunner): Promise<void> {
    for (const table of TABLES)
      await q.query(
        `ALTER TABLE ${table} SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.02,
                                   autovacuum_vacuum_insert_scale_factor = 0.02)`,
      );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of TABLES)
      await q.query(
        `ALTER TABLE ${table} RESET (autovacuum_vacuum_scale_factor, autovacuum_analyze_scale_factor,
                                     autovacuum_vacuum_insert_scale_factor)`,
      );
  }
}

const TABLES = ['client', 'client_search'];
