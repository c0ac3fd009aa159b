import { resolve } from 'node:path';
import { register } from 'tsconfig-paths';

/**
 * Jest loads globalSetup/globalTeardown outside its own module resolver, so the workspace path aliases
 * (@passerelle/*) are registered here for them.
 */
export function registerWorkspacePaths(): void {
  const root = resolve(__dirname, '../../../..');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { compilerOptions } = require(resolve(root, 'tsconfig.base.json'));
  register({ baseUrl: root, paths: compilerOptions.paths });
}
