import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bulk import (issue 10). Every table is a tenant table (RLS enabled and forced, firm_id policy):
 *
 * - import_batch: one upload and what became of it (status, mapping, counts, error, who and when).
 * - import_file_chunk: the uploaded file itself, in 1 MB chunks, so that whichever process runs a job can
 *   read it (never only one API process's disk).
 * - import_row: the file's non-blank rows as read (cells as JSON), so parsing happens once.
 * - import_issue: the check's findings per row and field (errors, warnings, rows to skip); messages are
 *   rendered at read time in the reader's language.
 * - import_mapping: a firm's saved column mappings, found again by header signature.
 *
 * Clients remember the batch that created them (list, undo) and an import key (file SHA-256 + row) that
 * makes importing the same file twice, or retrying a job, create nothing twice (ON CONFLICT DO NOTHING).
 *
 * Bulk inserts fill client_search set-based: the per-row trigger is skipped while the transaction-local
 * setting app.bulk_client_insert is 'on', and client_search_fill_batch() inserts the batch's search rows in
 * one statement. Keep its column list in step with client_search_sync().
 */
export class Imports1764600000000 implements MigrationInterface {
  name = 'Imports1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE import_mapping (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        firm_id uuid NOT NULL REFERENCES firm(id) ON DELETE CASCADE,
        name varchar(80) NOT NULL,
        signature varchar(40) NOT NULL,
        fields jsonb NOT NULL,
        created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        CONSTRAINT import_mapping_firm_id_key UNIQUE (firm_id, id)
      )`);
    await q.query(`CREATE UNIQUE INDEX import_mapping_name_key ON import_mapping (firm_id, lower(name))`);
    await q.query(`CREATE INDEX import_mapping_signature_idx ON import_mapping (firm_id, signature)`);

    await q.query(`
      CREATE TABLE import_batch (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        firm_id uuid NOT NULL REFERENCES firm(id) ON DELETE CASCADE,
        created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        status varchar(16) NOT NULL CHECK (status IN
          ('parsing', 'mapping', 'checking', 'checked', 'importing', 'imported', 'failed')),
        revision integer NOT NULL DEFAULT 1,
        file_name varchar(255) NOT NULL,
        file_size integer NOT NULL,
        file_sha256 char(64) NOT NULL,
        format varchar(8),
        encoding varchar(16),
        delimiter varchar(4),
        sheets jsonb NOT NULL DEFAULT '[]',
        sheet varchar(255),
        header_row integer,
        headers jsonb NOT NULL DEFAULT '[]',
        row_count integer NOT NULL DEFAULT 0,
        mapping jsonb,
        suggestions jsonb,
        mapping_source varchar(16) CHECK (mapping_source IN ('suggested', 'saved', 'user')),
        saved_mapping_id uuid,
        saved_mapping_name varchar(80),
        progress_done integer NOT NULL DEFAULT 0,
        progress_total integer NOT NULL DEFAULT 0,
        summary jsonb,
        import_mode varchar(16) CHECK (import_mode IN ('all', 'valid_only')),
        error_code varchar(40),
        error_hint varchar(255),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        checked_at timestamptz,
        imported_at timestamptz,
        CONSTRAINT import_batch_firm_id_key UNIQUE (firm_id, id),
        CONSTRAINT import_batch_saved_mapping_fk FOREIGN KEY (firm_id, saved_mapping_id)
          REFERENCES import_mapping (firm_id, id) ON DELETE SET NULL (saved_mapping_id)
      )`);
    await q.query(
      `CREATE INDEX import_batch_firm_created_idx ON import_batch (firm_id, created_at DESC, id)`,
    );
    await q.query(`CREATE INDEX import_batch_sha_idx ON import_batch (firm_id, file_sha256)`);

    await q.query(`
      CREATE TABLE import_file_chunk (
        batch_id uuid NOT NULL,
        firm_id uuid NOT NULL,
        seq integer NOT NULL,
        data bytea NOT NULL,
        PRIMARY KEY (batch_id, seq),
        FOREIGN KEY (firm_id, batch_id) REFERENCES import_batch (firm_id, id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE import_row (
        batch_id uuid NOT NULL,
        firm_id uuid NOT NULL,
        row_number integer NOT NULL,
        cells jsonb NOT NULL,
        PRIMARY KEY (batch_id, row_number),
        FOREIGN KEY (firm_id, batch_id) REFERENCES import_batch (firm_id, id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE import_issue (
        batch_id uuid NOT NULL,
        firm_id uuid NOT NULL,
        row_number integer NOT NULL,
        seq smallint NOT NULL,
        severity varchar(8) NOT NULL CHECK (severity IN ('error', 'warning', 'skip')),
        field varchar(32) NOT NULL,
        code varchar(40) NOT NULL,
        hint varchar(255),
        column_index integer,
        PRIMARY KEY (batch_id, row_number, seq),
        FOREIGN KEY (firm_id, batch_id) REFERENCES import_batch (firm_id, id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX import_issue_field_idx ON import_issue (batch_id, field, row_number)`);
    await q.query(`CREATE INDEX import_issue_code_idx ON import_issue (batch_id, code, row_number)`);

    await q.query(`ALTER TABLE client ADD COLUMN import_batch_id uuid`);
    await q.query(`ALTER TABLE client ADD COLUMN import_key varchar(80)`);
    await q.query(`
      ALTER TABLE client ADD CONSTRAINT client_import_batch_fk FOREIGN KEY (firm_id, import_batch_id)
        REFERENCES import_batch (firm_id, id) ON DELETE SET NULL (import_batch_id)`);
    await q.query(
      `CREATE UNIQUE INDEX client_import_key ON client (firm_id, import_key) WHERE import_key IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX client_import_batch_idx ON client (firm_id, import_batch_id) WHERE import_batch_id IS NOT NULL`,
    );

    for (const table of [
      'import_mapping',
      'import_batch',
      'import_file_chunk',
      'import_row',
      'import_issue',
    ]) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO passerelle_app`);
      await q.query(`
        CREATE POLICY ${table}_tenant ON ${table}
        USING (firm_id = app_current_firm()) WITH CHECK (firm_id = app_current_firm())`);
    }

    await q.query(`DROP TRIGGER client_search_sync ON client`);
    await q.query(`
      CREATE TRIGGER client_search_sync AFTER INSERT OR UPDATE ON client
      FOR EACH ROW WHEN (current_setting('app.bulk_client_insert', true) IS DISTINCT FROM 'on')
      EXECUTE FUNCTION client_search_sync()`);
    await q.query(`
      CREATE FUNCTION client_search_fill_batch(batch uuid) RETURNS integer LANGUAGE plpgsql SECURITY DEFINER
      SET search_path = public, pg_temp AS $$
      DECLARE inserted integer;
      BEGIN
        INSERT INTO client_search (client_id, firm_id, search_text, name_key, city_key, country, status,
                                   share_documents, accounting_software_id, archived, created_at, updated_at)
        SELECT c.id, c.firm_id, c.search_text, c.name_sort, c.city_sort, c.country, c.status,
               c.share_documents, c.accounting_software_id, c.archived_at IS NOT NULL, c.created_at, c.updated_at
          FROM client c
         WHERE c.firm_id = app_current_firm() AND c.import_batch_id = batch
        ON CONFLICT (client_id) DO NOTHING;
        GET DIAGNOSTICS inserted = ROW_COUNT;
        RETURN inserted;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION client_search_fill_batch(uuid) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION client_search_fill_batch(uuid) TO passerelle_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS client_search_fill_batch(uuid)`);
    await q.query(`DROP TRIGGER client_search_sync ON client`);
    await q.query(`
      CREATE TRIGGER client_search_sync AFTER INSERT OR UPDATE ON client
      FOR EACH ROW EXECUTE FUNCTION client_search_sync()`);
    await q.query(`DROP INDEX IF EXISTS client_import_batch_idx, client_import_key`);
    await q.query(`ALTER TABLE client DROP CONSTRAINT IF EXISTS client_import_batch_fk`);
    await q.query(
      `ALTER TABLE client DROP COLUMN IF EXISTS import_key, DROP COLUMN IF EXISTS import_batch_id`,
    );
    await q.query(
      `DROP TABLE IF EXISTS import_issue, import_row, import_file_chunk, import_batch, import_mapping`,
    );
  }
}
