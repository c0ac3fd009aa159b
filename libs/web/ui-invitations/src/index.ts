export * from './lib/invitation-status-chip/invitation-status-chip';
export * from './lib/bulk-run-card/bulk-run-card';
