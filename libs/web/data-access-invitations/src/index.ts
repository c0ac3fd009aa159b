export * from './lib/invitations-api';
export * from './lib/bulk-invitation-runs';
export * from './lib/dev-outbox';
export * from './lib/activation';
