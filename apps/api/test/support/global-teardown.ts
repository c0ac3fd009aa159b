import { dropScratchDatabase } from '@passerelle/testing';

export default async function globalTeardown(): Promise<void> {
  const url = process.env['INT_DATABASE_URL'];
  if (url && !process.env['KEEP_TEST_DATABASE']) await dropScratchDatabase(url);
}
