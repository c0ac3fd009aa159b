import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Arabic becomes a UI language (issue 14): a user's saved language may be `ar` (UI_LANGUAGES in
 * libs/domain/client). A client user who accepts an Arabic invitation starts in Arabic. The list is written
 * out, not imported: a migration is a snapshot of the schema at its date.
 */
export class ArabicUi1765000000000 implements MigrationInterface {
  name = 'ArabicUi1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user DROP CONSTRAINT app_user_language_check`);
    await q.query(
      `ALTER TABLE app_user ADD CONSTRAINT app_user_language_check CHECK (language IN ('fr', 'en', 'ar'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE app_user SET language = 'fr' WHERE language = 'ar'`);
    await q.query(`ALTER TABLE app_user DROP CONSTRAINT app_user_language_check`);
    await q.query(
      `ALTER TABLE app_user ADD CONSTRAINT app_user_language_check CHECK (language IN ('fr', 'en'))`,
    );
  }
}
