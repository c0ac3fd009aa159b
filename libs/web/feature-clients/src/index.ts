export * from './lib/clients.routes';
