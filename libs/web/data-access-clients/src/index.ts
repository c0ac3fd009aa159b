export * from './lib/clients-api';
export * from './lib/accounting-software-api';
export * from './lib/describe-error';
