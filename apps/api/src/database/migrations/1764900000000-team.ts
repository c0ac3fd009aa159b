import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Team and accounts (issue 13).
 *
 * - `app_user.deactivated_at`: a deactivated user's sessions are deleted and it cannot sign in; its row stays
 *   (audit events and invitations point at it).
 * - `team_invitation`: an admin invites a colleague (admin or member). `pending` until accepted or cancelled;
 *   at most one pending invitation per address and firm. `token_hash` is the SHA-256 of the link of its latest
 *   e-mail, written by the worker that sends it (the raw token exists only in that e-mail), so a resend
 *   revokes the previous link.
 * - `password_reset`: a forgotten-password request of a known, active user. Same token rule; single use
 *   (`used_at`, set by one conditional UPDATE); a newer request revokes the older ones.
 * - `account_mail`: the transactional outbox of these e-mails (team invitation, password reset, "your
 *   password was changed"), on the leased-delivery protocol of invitations and document deliveries
 *   (queued → sending under a lease → sent, back to queued with a delay, or failed); `cancelled` when what it
 *   is about went away before it was sent (an invitation cancelled, a reset superseded).
 *
 * Two capability policies let a link find its one row by the hash of its token before the firm is known, as
 * the client invitation link does; the sweeper reads every firm's pending mail through a SECURITY DEFINER
 * function only.
 */
export class Team1764900000000 implements MigrationInterface {
  name = 'Team1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user ADD COLUMN deactivated_at timestamptz`);
    // The last-admin rule locks a firm's active admins: find them without reading the whole team.
    await q.query(
      `CREATE INDEX app_user_firm_admins_idx ON app_user (firm_id) WHERE role = 'admin' AND deactivated_at IS NULL`,
    );

    await q.query(`
      CREATE TABLE team_invitation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        firm_id uuid NOT NULL REFERENCES firm(id) ON DELETE CASCADE,
        email varchar(254) NOT NULL,
        name varchar(120),
        role varchar(16) NOT NULL CHECK (role IN ('admin', 'member')),
        language varchar(3) NOT NULL CHECK (language IN ('fr', 'en', 'ar')),
        status varchar(16) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'revoked')),
        token_hash char(64) UNIQUE,
        created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        accepted_user_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        revoked_at timestamptz
      )`);
    await q.query(
      `CREATE UNIQUE INDEX team_invitation_pending_key ON team_invitation (firm_id, lower(email)) WHERE status = 'pending'`,
    );
    await q.query(`CREATE INDEX team_invitation_firm_idx ON team_invitation (firm_id, created_at DESC)`);

    await q.query(`
      CREATE TABLE password_reset (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        firm_id uuid NOT NULL REFERENCES firm(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        token_hash char(64) UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz
      )`);
    await q.query(`CREATE INDEX password_reset_user_idx ON password_reset (user_id, created_at DESC)`);

    await q.query(`
      CREATE TABLE account_mail (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        firm_id uuid NOT NULL REFERENCES firm(id) ON DELETE CASCADE,
        kind varchar(24) NOT NULL CHECK (kind IN ('team_invitation', 'password_reset', 'password_changed')),
        subject_id uuid NOT NULL,
        email varchar(254) NOT NULL,
        language varchar(3) NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'queued' CHECK (status IN
          ('queued', 'sending', 'sent', 'failed', 'cancelled')),
        attempts integer NOT NULL DEFAULT 0,
        lease_until timestamptz,
        next_attempt_at timestamptz,
        last_smtp_reply varchar(1000),
        message_id varchar(255),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        failed_at timestamptz
      )`);
    await q.query(
      `CREATE INDEX account_mail_pending_idx ON account_mail (updated_at) WHERE status IN ('queued', 'sending')`,
    );
    await q.query(`CREATE INDEX account_mail_subject_idx ON account_mail (subject_id, created_at DESC)`);

    for (const table of ['team_invitation', 'password_reset', 'account_mail']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO passerelle_app`);
      await q.query(`
        CREATE POLICY ${table}_tenant ON ${table}
        USING (firm_id = app_current_firm()) WITH CHECK (firm_id = app_current_firm())`);
    }
    await q.query(`
      CREATE POLICY team_invitation_by_token ON team_invitation FOR SELECT
      USING (token_hash = app_setting('app.team_invitation_token_hash'))`);
    await q.query(`
      CREATE POLICY password_reset_by_token ON password_reset FOR SELECT
      USING (token_hash = app_setting('app.password_reset_token_hash'))`);

    // The sweeper's cross-firm view, as for invitations and document deliveries: mail still queued a while
    // after it should have gone (its job was lost) and mail whose sending lease ran out (a worker died).
    await q.query(`
      DO $$ BEGIN
        EXECUTE format('CREATE POLICY account_mail_sweeper ON account_mail FOR SELECT TO %I USING (true)', current_user);
      END $$`);
    await q.query(`
      CREATE FUNCTION account_mail_candidates(stale_seconds int, max_rows int)
      RETURNS TABLE (id uuid, firm_id uuid, attempts int)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT m.id, m.firm_id, m.attempts FROM account_mail m
         WHERE (m.status = 'queued'
                AND coalesce(m.next_attempt_at, m.updated_at) < now() - make_interval(secs => stale_seconds))
            OR (m.status = 'sending' AND m.lease_until < now())
         ORDER BY m.updated_at LIMIT max_rows
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION account_mail_candidates(int, int) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION account_mail_candidates(int, int) TO passerelle_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS account_mail_candidates(int, int)`);
    await q.query(`DROP TABLE IF EXISTS account_mail, password_reset, team_invitation`);
    await q.query(`DROP INDEX IF EXISTS app_user_firm_admins_idx`);
    await q.query(`ALTER TABLE app_user DROP COLUMN IF EXISTS deactivated_at`);
  }
}
