/** Languages of the user interface and of every message (French first: the default). One list, used by API and web. */
export const UI_LANGUAGES = ['fr', 'en', 'ar'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
export const DEFAULT_UI_LANGUAGE: UiLanguage = 'fr';

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

/**
 * Languages a client (company or contact) may be recorded in: ISO 639-1 codes, except Standard Moroccan
 * Tamazight which only has an ISO 639-3 code.
 */
export const SUPPORTED_LANGUAGES = ['fr', 'en', 'ar', 'es', 'de', 'nl', 'it', 'pt', 'zgh'] as const;
export type SupportedLanguage = (typeof SUPPORTED_LANGUAGES)[number];

/** Languages the invitation e-mail exists in; any other contact language falls back to French. */
export const INVITATION_EMAIL_LANGUAGES = ['fr', 'en', 'ar'] as const;
export type InvitationEmailLanguage = (typeof INVITATION_EMAIL_LANGUAGES)[number];

export function isSupportedLanguage(value: unknown): value is SupportedLanguage {
  return typeof value === 'string' && (SUPPORTED_LANGUAGES as readonly string[]).includes(value);
}

export function invitationEmailLanguage(contactLanguage: string | null | undefined): InvitationEmailLanguage {
  return (INVITATION_EMAIL_LANGUAGES as readonly string[]).includes(contactLanguage ?? '')
    ? (contactLanguage as InvitationEmailLanguage)
    : 'fr';
}
