import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hardening (issue 7): optimistic concurrency on the client record (`version`, bumped by every edit of its
 * fields) and what a person needs to recognise their sessions (device, last activity).
 */
export class Hardening1764480000000 implements MigrationInterface {
  name = 'Hardening1764480000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE client ADD COLUMN version integer NOT NULL DEFAULT 1`);
    await q.query(`ALTER TABLE session ADD COLUMN user_agent varchar(200)`);
    await q.query(`ALTER TABLE session ADD COLUMN last_seen_at timestamptz NOT NULL DEFAULT now()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE session DROP COLUMN last_seen_at, DROP COLUMN user_agent`);
    await q.query(`ALTER TABLE client DROP COLUMN version`);
  }
}
