export * from './lib/client-documents/client-documents';
export * from './lib/staff-documents/staff-documents';
