import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How many times the batch's current step has started. A step that keeps failing for an unexpected reason
 * (not the file's fault) is retried by the queue; the last attempt marks the batch failed (`internal`)
 * instead of leaving it "parsing" or "importing" forever.
 */
export class ImportStepAttempts1764600000003 implements MigrationInterface {
  name = 'ImportStepAttempts1764600000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE import_batch ADD COLUMN step_attempts smallint NOT NULL DEFAULT 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE import_batch DROP COLUMN step_attempts`);
  }
}
