import { register } from 'tsconfig-paths';
import { resolve } from 'node:path';

// globalSetup/globalTeardown run in this process, outside jest's resolver: teach Node the @passerelle/* aliases.
const root = resolve(__dirname, '../..');
register({ baseUrl: root, paths: require(resolve(root, 'tsconfig.base.json')).compilerOptions.paths });

/** Integration tests: real PostgreSQL (TEST_DATABASE_URL) and Redis (TEST_REDIS_URL), run in band. */
module.exports = {
  displayName: 'api-int',
  preset: '../../jest.preset.js',
  testMatch: ['<rootDir>/test/**/*.int-spec.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60_000,
  coverageDirectory: '../../coverage/apps/api-int',
};
