import { HttpStatus } from '@nestjs/common';

export type UiLang = 'fr' | 'en';

/** Stable machine codes for API errors outside the client-record rules (those live in libs/domain). */
export const API_ERROR_MESSAGES = {
  required: { fr: 'Ce champ est obligatoire.', en: 'This field is required.' },
  too_long: { fr: 'Ce texte est trop long.', en: 'This text is too long.' },
  too_short: { fr: 'Ce texte est trop court.', en: 'This text is too short.' },
  invalid_email: { fr: "L'adresse e-mail n'est pas valide.", en: 'The e-mail address is not valid.' },
  invalid_value: { fr: "Cette valeur n'est pas acceptée.", en: 'This value is not accepted.' },
  invalid_request: { fr: 'La requête contient des erreurs.', en: 'The request contains errors.' },
  already_exists: { fr: 'Cette valeur est déjà utilisée.', en: 'This value is already in use.' },
  email_taken: {
    fr: 'Un compte existe déjà avec cette adresse e-mail.',
    en: 'An account already exists with this e-mail address.',
  },
  weak_password: {
    fr: 'Le mot de passe doit contenir au moins 10 caractères.',
    en: 'The password must be at least 10 characters long.',
  },
  invalid_credentials: { fr: 'E-mail ou mot de passe incorrect.', en: 'Wrong e-mail or password.' },
  unauthenticated: { fr: 'Veuillez vous connecter.', en: 'Please sign in.' },
  forbidden: { fr: "Vous n'avez pas accès à cette action.", en: 'You are not allowed to do this.' },
  csrf_failed: {
    fr: 'Jeton de sécurité manquant ou invalide : rechargez la page.',
    en: 'Missing or invalid security token: reload the page.',
  },
  not_found: { fr: 'Introuvable.', en: 'Not found.' },
  rate_limited: {
    fr: 'Trop de tentatives. Réessayez dans une minute.',
    en: 'Too many attempts. Try again in a minute.',
  },
  payload_too_large: { fr: 'La requête est trop volumineuse.', en: 'The request is too large.' },
  internal: {
    fr: 'Une erreur inattendue est survenue. Réessayez ; si elle persiste, contactez le support.',
    en: 'An unexpected error occurred. Try again; if it persists, contact support.',
  },
} as const satisfies Record<string, Record<UiLang, string>>;

export type ApiErrorCode = keyof typeof API_ERROR_MESSAGES;

export interface FieldProblem {
  code: string;
  /** Language-neutral detail for domain codes (expected length, suggestion…), see libs/domain/client. */
  hint?: string;
  message?: string;
}

/** A domain failure with its HTTP status and stable code; rendered by ApiExceptionFilter. */
export class AppError extends Error {
  constructor(
    readonly status: HttpStatus,
    readonly code: ApiErrorCode,
    readonly fields?: Record<string, FieldProblem>,
  ) {
    super(code);
    this.name = 'AppError';
  }

  static notFound(): AppError {
    return new AppError(HttpStatus.NOT_FOUND, 'not_found');
  }
}

export function messageFor(code: string, lang: UiLang): string {
  const entry = (API_ERROR_MESSAGES as Record<string, Record<UiLang, string>>)[code];
  return entry ? entry[lang] : API_ERROR_MESSAGES.invalid_value[lang];
}

/** The request's language: the signed-in user's choice, else Accept-Language, else French. */
export function requestLanguage(req: {
  auth?: { language?: string };
  headers: Record<string, unknown>;
}): UiLang {
  if (req.auth?.language === 'en' || req.auth?.language === 'fr') return req.auth.language;
  const header = String(req.headers['accept-language'] ?? '');
  const first = header.split(',')[0]?.trim().slice(0, 2).toLowerCase();
  return first === 'en' ? 'en' : 'fr';
}
