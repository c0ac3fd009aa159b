export * from './lib/imports-api';
export * from './lib/import-batch-state';
