export * from './lib/own-folder/own-folder';
export * from './lib/staff-client-folder/staff-client-folder';
