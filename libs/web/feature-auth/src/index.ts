export * from './lib/login/login-page';
export * from './lib/signup/signup-page';
export * from './lib/forgot-password/forgot-password-page';
export * from './lib/reset-password/reset-password-page';
export * from './lib/join-team/join-team-page';
