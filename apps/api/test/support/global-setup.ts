import { createScratchDatabase } from '@passerelle/testing';
import { runMigrations } from '../../src/database/data-source';

/** One scratch database for the whole run, migrated once (tests share it and use unique firms). */
export default async function globalSetup(): Promise<void> {
  const url = await createScratchDatabase('passerelle_int');
  await runMigrations({ url, embedded: false });
  process.env['INT_DATABASE_URL'] = url;
}
