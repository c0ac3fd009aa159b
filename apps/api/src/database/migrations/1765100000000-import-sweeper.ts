import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Import steps whose job was lost are run again (ImportSweeper): a process killed mid-step with the
 * in-process queue, or Redis restarted empty, used to leave a batch `parsing`, `checking` or `importing`
 * for ever.
 * - `import_batch.imported_by`: who asked for the import (the clients' creator and the audit's actor when
 *   the sweeper queues the step again).
 * - `import_sweep_candidates()`: running batches untouched for a while, across firms. It runs as the owner
 *   through a SELECT-only policy for that role, so the application role itself still cannot read another
 *   firm's batches (as `invitation_sweep_candidates`).
 */
export class ImportSweeper1765100000000 implements MigrationInterface {
  name = 'ImportSweeper1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE import_batch ADD COLUMN imported_by uuid REFERENCES app_user (id) ON DELETE SET NULL`,
    );
    await q.query(`
      DO $$ BEGIN
        EXECUTE format('CREATE POLICY import_batch_sweeper ON import_batch FOR SELECT TO %I USING (true)', current_user);
      END $$`);
    await q.query(`
      CREATE FUNCTION import_sweep_candidates(stale_seconds int, max_rows int)
      RETURNS TABLE (id uuid, firm_id uuid, status text, revision int, step_attempts int, import_mode text,
                     imported_by uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT b.id, b.firm_id, b.status::text, b.revision, b.step_attempts::int, b.import_mode::text,
               b.imported_by
          FROM import_batch b
         WHERE b.status IN ('parsing', 'checking', 'importing')
           AND b.updated_at < now() - make_interval(secs => stale_seconds)
         ORDER BY b.updated_at LIMIT max_rows
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION import_sweep_candidates(int, int) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION import_sweep_candidates(int, int) TO passerelle_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS import_sweep_candidates(int, int)`);
    await q.query(`DROP POLICY IF EXISTS import_batch_sweeper ON import_batch`);
    await q.query(`ALTER TABLE import_batch DROP COLUMN IF EXISTS imported_by`);
  }
}
