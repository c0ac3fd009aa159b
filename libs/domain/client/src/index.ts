export * from './lib/fields';
export * from './lib/statuses';
export * from './lib/languages';
export * from './lib/errors';
export * from './lib/client-draft';
export * from './lib/api-errors';
export * from './lib/import-errors';
