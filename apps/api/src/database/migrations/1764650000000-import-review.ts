import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bulk import, part 2 (issue 11): fixing a batch before importing it, and undoing an import.
 *
 * - import_correction: a cell corrected in the browser (PATCH /api/imports/{id}/rows/{row}). import_row.cells
 *   holds the corrected text, so every later step reads the rows as they now are; this table keeps the
 *   original cell, who corrected it and when (one row per row and field: a second correction of the same
 *   cell keeps the first original). Each imported client's timeline lists its row's corrections.
 * - import_row_key: every data row's unique keys (normalised ICE, lower-case contact e-mail) as the check
 *   of `checked_at` saw them, so a correction finds the rows it now repeats — or no longer repeats — without
 *   reading the whole file again. Computed on the first correction after a check (import_key_set records
 *   for which check), then kept up to date by each correction.
 * - import_batch.status gains `undone`: the clients the import created were removed.
 */
export class ImportReview1764650000000 implements MigrationInterface {
  name = 'ImportReview1764650000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE import_batch DROP CONSTRAINT import_batch_status_check`);
    await q.query(`
      ALTER TABLE import_batch ADD CONSTRAINT import_batch_status_check CHECK (status IN
        ('parsing', 'mapping', 'checking', 'checked', 'importing', 'imported', 'failed', 'undone'))`);

    await q.query(`
      CREATE TABLE import_correction (
        batch_id uuid NOT NULL,
        firm_id uuid NOT NULL,
        row_number integer NOT NULL,
        field varchar(32) NOT NULL,
        column_index integer NOT NULL,
        original jsonb,
        value text NOT NULL,
        corrected_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        corrected_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (batch_id, row_number, field),
        FOREIGN KEY (firm_id, batch_id) REFERENCES import_batch (firm_id, id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE import_key_set (
        batch_id uuid PRIMARY KEY,
        firm_id uuid NOT NULL,
        checked_at timestamptz NOT NULL,
        FOREIGN KEY (firm_id, batch_id) REFERENCES import_batch (firm_id, id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE import_row_key (
        batch_id uuid NOT NULL,
        firm_id uuid NOT NULL,
        row_number integer NOT NULL,
        ice varchar(15),
        email varchar(320),
        PRIMARY KEY (batch_id, row_number),
        FOREIGN KEY (firm_id, batch_id) REFERENCES import_batch (firm_id, id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX import_row_key_ice_idx ON import_row_key (batch_id, ice, row_number)`);
    await q.query(`CREATE INDEX import_row_key_email_idx ON import_row_key (batch_id, email, row_number)`);

    for (const table of ['import_correction', 'import_key_set', 'import_row_key']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO passerelle_app`);
      await q.query(`
        CREATE POLICY ${table}_tenant ON ${table}
        USING (firm_id = app_current_firm()) WITH CHECK (firm_id = app_current_firm())`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS import_row_key, import_key_set, import_correction`);
    await q.query(`UPDATE import_batch SET status = 'imported' WHERE status = 'undone'`);
    await q.query(`ALTER TABLE import_batch DROP CONSTRAINT import_batch_status_check`);
    await q.query(`
      ALTER TABLE import_batch ADD CONSTRAINT import_batch_status_check CHECK (status IN
        ('parsing', 'mapping', 'checking', 'checked', 'importing', 'imported', 'failed'))`);
  }
}
