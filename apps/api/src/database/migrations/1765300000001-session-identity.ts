import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every authenticated request starts by resolving its session cookie. Under RLS that took a transaction of six
 * round trips (begin; the token's hash as the scope; the session; the session's firm as the scope; the user;
 * commit) — on the benchmark machine ~3 ms of a 6 ms request (issue 15). app_session_identity() answers in one
 * statement: the session whose token hash is given, with its user. It sees only what the two RLS policies
 * would have let the same caller see in two steps: the session row of that hash (policy session_by_token), then
 * that session's user in that session's firm (policy app_user_tenant) — the hash is the secret, as before.
 * RLS is forced on both tables, owner included: as for the sweepers' functions, the owner (who runs the
 * function) gets a read policy of its own; passerelle_app, which requests run as, does not.
 */
export class SessionIdentity1765300000001 implements MigrationInterface {
  name = 'SessionIdentity1765300000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$ BEGIN
        EXECUTE format('CREATE POLICY session_identity ON session FOR SELECT TO %I USING (true)', current_user);
        EXECUTE format('CREATE POLICY app_user_identity ON app_user FOR SELECT TO %I USING (true)', current_user);
      END $$`);
    await q.query(`
      CREATE FUNCTION app_session_identity(hash text)
      RETURNS TABLE (session_id uuid, firm_id uuid, user_id uuid, expires_at timestamptz,
                     last_seen_at timestamptz, role varchar, language varchar, client_id uuid,
                     deactivated_at timestamptz)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT s.id, s.firm_id, u.id, s.expires_at, s.last_seen_at, u.role, u.language, u.client_id,
               u.deactivated_at
          FROM session s JOIN app_user u ON u.id = s.user_id AND u.firm_id = s.firm_id
         WHERE s.token_hash = $1::bpchar
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION app_session_identity(text) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION app_session_identity(text) TO passerelle_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION app_session_identity(text)`);
    await q.query(`DROP POLICY session_identity ON session`);
    await q.query(`DROP POLICY app_user_identity ON app_user`);
  }
}
