export * from './lib/documents-api';
