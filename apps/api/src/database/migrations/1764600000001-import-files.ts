import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Import spreadsheets are kept by the one FileStore (stored_file: PostgreSQL chunks, or S3), like client
 * documents: the batch points to its stored file, and the import's own chunk table goes. No foreign key:
 * stored_file comes with a later migration (1764700000000), and the batch's file is removed by the import
 * itself when the file is refused.
 */
export class ImportFiles1764600000001 implements MigrationInterface {
  name = 'ImportFiles1764600000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE import_batch ADD COLUMN file_id uuid`);
    await q.query(`DROP TABLE import_file_chunk`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE import_file_chunk (
        batch_id uuid NOT NULL,
        firm_id uuid NOT NULL,
        seq integer NOT NULL,
        data bytea NOT NULL,
        PRIMARY KEY (batch_id, seq),
        FOREIGN KEY (firm_id, batch_id) REFERENCES import_batch (firm_id, id) ON DELETE CASCADE
      )`);
    await q.query(`ALTER TABLE import_file_chunk ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE import_file_chunk FORCE ROW LEVEL SECURITY`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON import_file_chunk TO passerelle_app`);
    await q.query(`
      CREATE POLICY import_file_chunk_tenant ON import_file_chunk
      USING (firm_id = app_current_firm()) WITH CHECK (firm_id = app_current_firm())`);
    await q.query(`ALTER TABLE import_batch DROP COLUMN file_id`);
  }
}
