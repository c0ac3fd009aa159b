import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Import rows get their position in the file (0, 1, 2…, blank rows skipped), so the steps read a file in
 * bounded pages (`position` from n to n + 2,000) whatever the planner believes: right after a parse the
 * table's statistics are stale, and "the rows after row N, first 2,000" was planned as a scan of every
 * later row and a sort — each page reading the rest of the file.
 */
export class ImportRowPosition1764600000002 implements MigrationInterface {
  name = 'ImportRowPosition1764600000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE import_row ADD COLUMN position integer`);
    await q.query(`
      UPDATE import_row r SET position = o.position
        FROM (SELECT batch_id, row_number, row_number() OVER (PARTITION BY batch_id ORDER BY row_number) - 1 AS position
                FROM import_row) o
       WHERE o.batch_id = r.batch_id AND o.row_number = r.row_number`);
    await q.query(`ALTER TABLE import_row ALTER COLUMN position SET NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX import_row_position_key ON import_row (batch_id, position)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS import_row_position_key`);
    await q.query(`ALTER TABLE import_row DROP COLUMN IF EXISTS position`);
  }
}
