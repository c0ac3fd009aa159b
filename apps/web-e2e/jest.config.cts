/** Browser tests: the built product (dist/) driven by Playwright in Debian's Chromium. */
module.exports = {
  displayName: 'web-e2e',
  preset: '../../jest.preset.js',
  testMatch: ['<rootDir>/src/**/*.e2e-spec.ts'],
  testTimeout: 120_000,
};
