export * from './lib/login/login-page';
export * from './lib/signup/signup-page';
