import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts and tenancy. Every tenant table carries firm_id with Row Level Security enabled AND forced, and
 * the application runs as passerelle_app (not owner, not superuser) so policies always apply.
 * Two narrow "capability" policies let the auth flow find a row it already holds the key to — the login
 * e-mail or the session token hash — before the firm is known; nothing else is visible without a firm.
 */
export class Init1764316800000 implements MigrationInterface {
  name = 'Init1764316800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'passerelle_app') THEN
          CREATE ROLE passerelle_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
        END IF;
        IF NOT pg_has_role(current_user, 'passerelle_app', 'MEMBER') THEN
          EXECUTE format('GRANT passerelle_app TO %I', current_user);
        END IF;
      END $$`);
    await q.query(`GRANT USAGE ON SCHEMA public TO passerelle_app`);
    await q.query(`
      CREATE FUNCTION app_current_firm() RETURNS uuid LANGUAGE sql STABLE AS
      $$ SELECT nullif(current_setting('app.firm_id', true), '')::uuid $$`);
    await q.query(`
      CREATE FUNCTION app_setting(name text) RETURNS text LANGUAGE sql STABLE AS
      $$ SELECT nullif(current_setting(name, true), '') $$`);

    await q.query(`
      CREATE TABLE firm (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(160) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        firm_id uuid NOT NULL REFERENCES firm(id) ON DELETE CASCADE,
        email varchar(254) NOT NULL,
        name varchar(120) NOT NULL,
        password_hash text NOT NULL,
        role varchar(16) NOT NULL CHECK (role IN ('admin', 'member', 'client')),
        language varchar(8) NOT NULL DEFAULT 'fr' CHECK (language IN ('fr', 'en')),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_login_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX app_user_email_key ON app_user (lower(email))`);
    await q.query(`CREATE INDEX app_user_firm_idx ON app_user (firm_id)`);
    await q.query(`
      CREATE TABLE session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        firm_id uuid NOT NULL REFERENCES firm(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        token_hash char(64) NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX session_user_idx ON session (user_id)`);
    await q.query(`
      CREATE TABLE audit_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        firm_id uuid NOT NULL REFERENCES firm(id) ON DELETE CASCADE,
        actor_user_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        action varchar(64) NOT NULL,
        target_type varchar(32),
        target_id uuid,
        data jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX audit_event_firm_created_idx ON audit_event (firm_id, created_at DESC)`);
    await q.query(`CREATE INDEX audit_event_target_idx ON audit_event (firm_id, target_type, target_id)`);

    for (const table of ['firm', 'app_user', 'session', 'audit_event']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO passerelle_app`);
    }
    await q.query(`
      CREATE POLICY firm_tenant ON firm
      USING (id = app_current_firm()) WITH CHECK (id = app_current_firm())`);
    for (const table of ['app_user', 'session', 'audit_event']) {
      await q.query(`
        CREATE POLICY ${table}_tenant ON ${table}
        USING (firm_id = app_current_firm()) WITH CHECK (firm_id = app_current_firm())`);
    }
    // Installation-wide facts (e.g. "the demo firm was seeded"): no tenant data, so no RLS.
    await q.query(`
      CREATE TABLE installation_state (
        key varchar(64) PRIMARY KEY,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`GRANT SELECT, INSERT ON installation_state TO passerelle_app`);
    await q.query(`
      CREATE POLICY app_user_login ON app_user FOR SELECT
      USING (lower(email) = app_setting('app.login_email'))`);
    await q.query(`
      CREATE POLICY session_by_token ON session FOR SELECT
      USING (token_hash = app_setting('app.session_token_hash'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS installation_state, audit_event, session, app_user, firm`);
    await q.query(`DROP FUNCTION IF EXISTS app_current_firm()`);
    await q.query(`DROP FUNCTION IF EXISTS app_setting(text)`);
  }
}
