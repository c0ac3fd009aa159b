export * from './lib/i18n';
export * from './lib/translate-pipe';
export * from './lib/directionality';
export * from './lib/format';
export * from './lib/accept-language-interceptor';
export * from './lib/i18n-title-strategy';
export type { Messages, MessageKey } from './lib/messages/messages';
