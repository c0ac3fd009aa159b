export * from './lib/invitations-page/invitations-page';
export * from './lib/accept-invitation/accept-invitation-page';
export * from './lib/dev-outbox/dev-outbox-page';
