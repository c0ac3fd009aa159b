import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Activation (issue 9): invitations, their links, bulk runs, and client users.
 *
 * - `invitation`: one row per sending, kept as history. `sending` is an internal state (a worker holds the
 *   row until `lease_until`); the API shows it as `queued`. At most one live invitation per client is a
 *   unique index, so two concurrent "Activate" clicks cannot both succeed.
 * - `invitation_link`: the SHA-256 of every link sent for an invitation (the first e-mail, a retry after a
 *   worker crash, reminders). Only hashes are stored. A "capability" policy lets the public invitation page
 *   read the one row whose hash it was given, before the firm is known — like the session lookup.
 * - `invitation_bulk` (+ `_skip`): a bulk activation and the clients it left out, with their reason.
 * - `app_user.client_id`: a `client` user belongs to exactly one client of its firm.
 * - `invitation_sweep_candidates()`: the work the sweeper finds across firms (stale queued rows, expired
 *   leases, reminders and expiries due, unfinished bulk runs). It runs as the owner through a SELECT-only
 *   policy for that role, so the application role itself still cannot read another firm's rows.
 */
export class Invitations1764500000000 implements MigrationInterface {
  name = 'Invitations1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE client ADD CONSTRAINT client_firm_id_key UNIQUE (firm_id, id)`);

    await q.query(`ALTER TABLE app_user ADD COLUMN client_id uuid`);
    await q.query(`
      ALTER TABLE app_user ADD CONSTRAINT app_user_client_fk FOREIGN KEY (firm_id, client_id)
        REFERENCES client (firm_id, id) ON DELETE CASCADE`);
    await q.query(`
      ALTER TABLE app_user ADD CONSTRAINT app_user_client_role CHECK ((role = 'client') = (client_id IS NOT NULL))`);
    await q.query(
      `CREATE UNIQUE INDEX app_user_client_key ON app_user (client_id) WHERE client_id IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE invitation_bulk (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        firm_id uuid NOT NULL REFERENCES firm(id) ON DELETE CASCADE,
        created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        source varchar(16) NOT NULL CHECK (source IN ('clients', 'import_batch', 'filter')),
        client_ids uuid[],
        import_batch_id uuid,
        filter jsonb,
        total integer,
        processed integer NOT NULL DEFAULT 0,
        expanded_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT invitation_bulk_firm_id_key UNIQUE (firm_id, id)
      )`);
    await q.query(
      `CREATE INDEX invitation_bulk_firm_created_idx ON invitation_bulk (firm_id, created_at DESC)`,
    );
    await q.query(`
      CREATE TABLE invitation_bulk_skip (
        bulk_id uuid NOT NULL,
        firm_id uuid NOT NULL,
        client_id uuid NOT NULL,
        reason varchar(32) NOT NULL,
        PRIMARY KEY (bulk_id, client_id),
        CONSTRAINT invitation_bulk_skip_bulk_fk FOREIGN KEY (firm_id, bulk_id)
          REFERENCES invitation_bulk (firm_id, id) ON DELETE CASCADE
      )`);

    await q.query(`
      CREATE TABLE invitation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        firm_id uuid NOT NULL REFERENCES firm(id) ON DELETE CASCADE,
        client_id uuid NOT NULL,
        bulk_id uuid,
        status varchar(16) NOT NULL DEFAULT 'queued' CHECK (status IN
          ('queued', 'sending', 'sent', 'accepted', 'failed', 'expired', 'revoked')),
        email varchar(254) NOT NULL,
        language varchar(3) NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        lease_until timestamptz,
        next_attempt_at timestamptz,
        last_smtp_reply varchar(1000),
        message_id varchar(255),
        reminders_sent smallint NOT NULL DEFAULT 0,
        last_reminder_at timestamptz,
        created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        accepted_user_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        accepted_at timestamptz,
        failed_at timestamptz,
        revoked_at timestamptz,
        expired_at timestamptz,
        expires_at timestamptz NOT NULL,
        CONSTRAINT invitation_firm_id_key UNIQUE (firm_id, id),
        CONSTRAINT invitation_client_fk FOREIGN KEY (firm_id, client_id)
          REFERENCES client (firm_id, id) ON DELETE CASCADE,
        CONSTRAINT invitation_bulk_fk FOREIGN KEY (firm_id, bulk_id)
          REFERENCES invitation_bulk (firm_id, id)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX invitation_live_key ON invitation (client_id) WHERE status IN ('queued', 'sending', 'sent')`,
    );
    await q.query(`CREATE INDEX invitation_firm_created_idx ON invitation (firm_id, created_at DESC, id)`);
    await q.query(
      `CREATE INDEX invitation_firm_status_idx ON invitation (firm_id, status, created_at DESC, id)`,
    );
    await q.query(`CREATE INDEX invitation_client_idx ON invitation (firm_id, client_id, created_at DESC)`);
    await q.query(
      `CREATE INDEX invitation_bulk_idx ON invitation (bulk_id, status) WHERE bulk_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX invitation_pending_idx ON invitation (updated_at) WHERE status IN ('queued', 'sending')`,
    );
    await q.query(`CREATE INDEX invitation_sent_idx ON invitation (sent_at) WHERE status = 'sent'`);

    await q.query(`
      CREATE TABLE invitation_link (
        token_hash char(64) PRIMARY KEY,
        firm_id uuid NOT NULL,
        invitation_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT invitation_link_invitation_fk FOREIGN KEY (firm_id, invitation_id)
          REFERENCES invitation (firm_id, id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX invitation_link_invitation_idx ON invitation_link (invitation_id)`);

    for (const table of ['invitation_bulk', 'invitation_bulk_skip', 'invitation', 'invitation_link']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO passerelle_app`);
      await q.query(`
        CREATE POLICY ${table}_tenant ON ${table}
        USING (firm_id = app_current_firm()) WITH CHECK (firm_id = app_current_firm())`);
    }
    await q.query(`
      CREATE POLICY invitation_link_by_token ON invitation_link FOR SELECT
      USING (token_hash = app_setting('app.invitation_token_hash'))`);

    // The sweeper's cross-firm view: only the owner (running the SECURITY DEFINER function below) may read
    // every firm's rows; requests run as passerelle_app, to which this policy does not apply.
    for (const table of ['invitation', 'invitation_bulk']) {
      await q.query(`
        DO $$ BEGIN
          EXECUTE format('CREATE POLICY ${table}_sweeper ON ${table} FOR SELECT TO %I USING (true)', current_user);
        END $$`);
    }
    await q.query(`
      CREATE FUNCTION invitation_sweep_candidates(stale_seconds int, reminder_days int[], max_rows int)
      RETURNS TABLE (kind text, id uuid, firm_id uuid, attempts int, reminder int)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        (SELECT 'send', i.id, i.firm_id, i.attempts, 0 FROM invitation i
          WHERE (i.status = 'queued'
                 AND coalesce(i.next_attempt_at, i.updated_at) < now() - make_interval(secs => stale_seconds))
             OR (i.status = 'sending' AND i.lease_until < now())
          ORDER BY i.updated_at LIMIT max_rows)
        UNION ALL
        (SELECT 'expire', i.id, i.firm_id, i.attempts, 0 FROM invitation i
          WHERE i.status = 'sent' AND i.expires_at <= now()
          ORDER BY i.expires_at LIMIT max_rows)
        UNION ALL
        (SELECT 'remind', i.id, i.firm_id, i.attempts, i.reminders_sent + 1 FROM invitation i
          WHERE i.status = 'sent' AND i.expires_at > now()
            AND i.reminders_sent < coalesce(array_length(reminder_days, 1), 0)
            AND i.sent_at + make_interval(days => reminder_days[i.reminders_sent + 1]) <= now()
          ORDER BY i.sent_at LIMIT max_rows)
        UNION ALL
        (SELECT 'bulk', b.id, b.firm_id, 0, 0 FROM invitation_bulk b
          WHERE b.expanded_at IS NULL AND b.updated_at < now() - make_interval(secs => stale_seconds)
          ORDER BY b.updated_at LIMIT max_rows)
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION invitation_sweep_candidates(int, int[], int) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION invitation_sweep_candidates(int, int[], int) TO passerelle_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS invitation_sweep_candidates(int, int[], int)`);
    await q.query(`DROP TABLE IF EXISTS invitation_link, invitation, invitation_bulk_skip, invitation_bulk`);
    await q.query(`DROP INDEX IF EXISTS app_user_client_key`);
    await q.query(`ALTER TABLE app_user DROP CONSTRAINT IF EXISTS app_user_client_role`);
    await q.query(`ALTER TABLE app_user DROP CONSTRAINT IF EXISTS app_user_client_fk`);
    await q.query(`ALTER TABLE app_user DROP COLUMN IF EXISTS client_id`);
    await q.query(`ALTER TABLE client DROP CONSTRAINT IF EXISTS client_firm_id_key`);
  }
}
