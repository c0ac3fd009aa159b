export * from './lib/display-names';
export * from './lib/client-status-chip/client-status-chip';
export * from './lib/client-table/client-table';
export * from './lib/accounting-software-form/accounting-software-form';
