import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Client documents (issue 12) and the file store every upload goes through.
 *
 * - `stored_file`: one uploaded file's metadata (size, SHA-256, which backend holds the bytes). A file is
 *   `writing` while its bytes arrive and `stored` once they are all durable; a `writing` row older than
 *   an hour is an upload that died half-way, removed by the storage sweeper (stored_file_abandoned()).
 * - `stored_file_chunk`: the bytes, in chunks, when PostgreSQL is the backend (the default). Uploads and
 *   downloads go chunk by chunk, each in its own short transaction: a file is never whole in memory and a
 *   slow client never holds a connection. STORAGE EXTERNAL: PDFs and images are already compressed, so
 *   TOAST does not try again.
 * - `document`: a file a client shared with its firm. `(client_id, sha256)` is unique: the same file
 *   uploaded twice is the same document (the second upload is answered as a duplicate).
 * - `document_delivery`: a document's e-mail to the accounting software's inbox (see DocumentDelivery).
 *
 * All three are tenant tables (RLS enabled and forced, firm policy). `document` also honours the
 * transaction-local `app.client_id`, set for a client user: even a query that forgot its client filter sees
 * only that user's own client.
 */
export class Documents1764700000000 implements MigrationInterface {
  name = 'Documents1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE stored_file (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        firm_id uuid NOT NULL REFERENCES firm(id) ON DELETE CASCADE,
        backend varchar(16) NOT NULL CHECK (backend IN ('postgres', 's3')),
        status varchar(16) NOT NULL DEFAULT 'writing' CHECK (status IN ('writing', 'stored')),
        size bigint,
        sha256 char(64),
        created_at timestamptz NOT NULL DEFAULT now(),
        stored_at timestamptz,
        CONSTRAINT stored_file_firm_id_key UNIQUE (firm_id, id),
        CONSTRAINT stored_file_complete CHECK (status = 'writing' OR (size IS NOT NULL AND sha256 IS NOT NULL))
      )`);
    await q.query(
      `CREATE INDEX stored_file_writing_idx ON stored_file (created_at) WHERE status = 'writing'`,
    );
    await q.query(`
      CREATE TABLE stored_file_chunk (
        file_id uuid NOT NULL,
        firm_id uuid NOT NULL,
        seq integer NOT NULL,
        data bytea NOT NULL,
        PRIMARY KEY (file_id, seq),
        CONSTRAINT stored_file_chunk_file_fk FOREIGN KEY (firm_id, file_id)
          REFERENCES stored_file (firm_id, id) ON DELETE CASCADE
      )`);
    await q.query(`ALTER TABLE stored_file_chunk ALTER COLUMN data SET STORAGE EXTERNAL`);

    await q.query(`
      CREATE TABLE document (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        firm_id uuid NOT NULL REFERENCES firm(id) ON DELETE CASCADE,
        client_id uuid NOT NULL,
        file_id uuid NOT NULL,
        file_name varchar(255) NOT NULL,
        content_type varchar(100) NOT NULL,
        kind varchar(8) NOT NULL CHECK (kind IN ('pdf', 'jpeg', 'png', 'heic', 'webp', 'xml')),
        size bigint NOT NULL,
        sha256 char(64) NOT NULL,
        category varchar(16) NOT NULL DEFAULT 'other'
          CHECK (category IN ('invoice', 'receipt', 'bank_statement', 'other')),
        period char(7) CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        note varchar(500),
        search_text text NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'processed')),
        uploaded_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        processed_at timestamptz,
        processed_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        firm_downloaded_at timestamptz,
        CONSTRAINT document_firm_id_key UNIQUE (firm_id, id),
        CONSTRAINT document_client_fk FOREIGN KEY (firm_id, client_id)
          REFERENCES client (firm_id, id) ON DELETE CASCADE,
        CONSTRAINT document_file_fk FOREIGN KEY (firm_id, file_id) REFERENCES stored_file (firm_id, id)
      )`);
    await q.query(`CREATE UNIQUE INDEX document_client_sha256_key ON document (client_id, sha256)`);
    await q.query(`CREATE INDEX document_client_uploaded_idx ON document (client_id, uploaded_at DESC, id)`);
    await q.query(`CREATE INDEX document_firm_new_idx ON document (firm_id, client_id) WHERE status = 'new'`);
    await q.query(`CREATE INDEX document_file_idx ON document (file_id)`);

    // E-mail delivery to the accounting software's inbox: one row per document, the same lifecycle as an
    // invitation's (queued → sending under a lease → sent, or back to queued with a delay, or failed).
    await q.query(`
      CREATE TABLE document_delivery (
        document_id uuid PRIMARY KEY,
        firm_id uuid NOT NULL,
        email varchar(254) NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sending', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        lease_until timestamptz,
        next_attempt_at timestamptz,
        last_smtp_reply varchar(1000),
        message_id varchar(255),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        failed_at timestamptz,
        CONSTRAINT document_delivery_document_fk FOREIGN KEY (firm_id, document_id)
          REFERENCES document (firm_id, id) ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE INDEX document_delivery_pending_idx ON document_delivery (updated_at) WHERE status IN ('queued', 'sending')`,
    );

    for (const table of ['stored_file', 'stored_file_chunk', 'document_delivery']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO passerelle_app`);
      await q.query(`
        CREATE POLICY ${table}_tenant ON ${table}
        USING (firm_id = app_current_firm()) WITH CHECK (firm_id = app_current_firm())`);
    }
    await q.query(`ALTER TABLE document ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE document FORCE ROW LEVEL SECURITY`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON document TO passerelle_app`);
    await q.query(`
      CREATE POLICY document_tenant ON document
      USING (firm_id = app_current_firm()
             AND (app_setting('app.client_id') IS NULL OR client_id = app_setting('app.client_id')::uuid))
      WITH CHECK (firm_id = app_current_firm()
             AND (app_setting('app.client_id') IS NULL OR client_id = app_setting('app.client_id')::uuid))`);

    // The storage sweeper's cross-firm view of abandoned uploads: read by the owner through the SECURITY
    // DEFINER function below only; requests run as passerelle_app, to which this policy does not apply.
    await q.query(`
      DO $$ BEGIN
        EXECUTE format('CREATE POLICY stored_file_sweeper ON stored_file FOR SELECT TO %I USING (true)', current_user);
      END $$`);
    await q.query(`
      CREATE FUNCTION stored_file_abandoned(age_seconds int, max_rows int)
      RETURNS TABLE (id uuid, firm_id uuid, backend varchar)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT f.id, f.firm_id, f.backend FROM stored_file f
         WHERE f.status = 'writing' AND f.created_at < now() - make_interval(secs => age_seconds)
         ORDER BY f.created_at LIMIT max_rows
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION stored_file_abandoned(int, int) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION stored_file_abandoned(int, int) TO passerelle_app`);

    // The delivery sweeper's cross-firm view, as for invitations: deliveries still queued a while after they
    // should have gone (their job was lost) and ones whose sending lease ran out (a worker died mid-send).
    await q.query(`
      DO $$ BEGIN
        EXECUTE format('CREATE POLICY document_delivery_sweeper ON document_delivery FOR SELECT TO %I USING (true)', current_user);
      END $$`);
    await q.query(`
      CREATE FUNCTION document_delivery_candidates(stale_seconds int, max_rows int)
      RETURNS TABLE (document_id uuid, firm_id uuid, attempts int)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT d.document_id, d.firm_id, d.attempts FROM document_delivery d
         WHERE (d.status = 'queued'
                AND coalesce(d.next_attempt_at, d.updated_at) < now() - make_interval(secs => stale_seconds))
            OR (d.status = 'sending' AND d.lease_until < now())
         ORDER BY d.updated_at LIMIT max_rows
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION document_delivery_candidates(int, int) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION document_delivery_candidates(int, int) TO passerelle_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS document_delivery_candidates(int, int)`);
    await q.query(`DROP FUNCTION IF EXISTS stored_file_abandoned(int, int)`);
    await q.query(`DROP TABLE IF EXISTS document_delivery, document, stored_file_chunk, stored_file`);
  }
}
