export * from './lib/auth-store';
export * from './lib/auth-guards';
export * from './lib/api-error';
export * from './lib/session-expired-interceptor';
export * from './lib/password-reset-api';
export * from './lib/link-page';
