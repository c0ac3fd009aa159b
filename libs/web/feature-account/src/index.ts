export * from './lib/account-page/account-page';
