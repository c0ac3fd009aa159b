export * from './lib/settings-page';
