import { registerWorkspacePaths } from './resolve-paths';

export default async function globalTeardown(): Promise<void> {
  registerWorkspacePaths();
  const { dropScratchDatabase } = await import('@passerelle/testing');
  const url = process.env['INT_DATABASE_URL'];
  if (url && !process.env['KEEP_TEST_DATABASE']) await dropScratchDatabase(url);
}
