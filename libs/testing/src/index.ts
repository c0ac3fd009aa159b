// Test-only helpers around the real services (PostgreSQL, Redis, an SMTP peer). Never imported by product code.
export * from './lib/services';
export * from './lib/smtp';
export * from './lib/processes';
export * from './lib/s3';
