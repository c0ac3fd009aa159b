import { DOCUMENT_ERROR_MESSAGES } from './document-errors';
import { IMPORT_ERROR_MESSAGES } from './import-errors';
import type { UiLanguage } from './languages';

type RequestMessage = string | ((hint: string | undefined) => string);

/**
 * Request-level error codes of the API (the body's `code`) and their messages, in every UI language.
 * Field-level problems (`fields.<key>.code`) use the ErrorCode catalogue in errors.ts. This is the one
 * catalogue: the API renders these, the web app shows what the API sent.
 */
export const API_ERROR_MESSAGES = {
  // hint: `keys:<max>` or `depth:<max>` when a JSON body is refused for its shape
  invalid_request: {
    fr: (h) =>
      h?.startsWith('keys:')
        ? `La requête contient trop de champs (${h.slice(5)} au maximum).`
        : h?.startsWith('depth:')
          ? `La requête est imbriquée trop profondément (${h.slice(6)} niveaux au maximum).`
          : 'La requête contient des erreurs.',
    en: (h) =>
      h?.startsWith('keys:')
        ? `The request has too many fields (at most ${h.slice(5)}).`
        : h?.startsWith('depth:')
          ? `The request is nested too deeply (at most ${h.slice(6)} levels).`
          : 'The request contains errors.',
  },
  email_taken: {
    fr: 'Un compte existe déjà avec cette adresse e-mail.',
    en: 'An account already exists with this e-mail address.',
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
    fr: (h) => `Trop de tentatives. Réessayez dans ${h ?? 60} secondes.`,
    en: (h) => `Too many attempts. Try again in ${h ?? 60} seconds.`,
  },
  payload_too_large: {
    fr: (h) =>
      h ? `La requête est trop volumineuse (${h} au maximum).` : 'La requête est trop volumineuse.',
    en: (h) => (h ? `The request is too large (at most ${h}).` : 'The request is too large.'),
  },
  unsupported_encoding: {
    fr: 'Encodage de contenu non pris en charge : envoyez le corps sans compression.',
    en: 'Unsupported content encoding: send the body uncompressed.',
  },
  unsupported_media_type: {
    fr: 'Type de contenu non pris en charge : envoyez du JSON (application/json).',
    en: 'Unsupported content type: send JSON (application/json).',
  },
  edit_conflict: {
    fr: 'Quelqu’un a modifié cette fiche entre-temps : rechargez-la pour voir ses changements, puis refaites les vôtres.',
    en: 'Someone changed this record in the meantime: reload it to see their changes, then make yours again.',
  },
  conflict: {
    fr: 'Une autre opération vient de modifier ces données : réessayez.',
    en: 'Another operation has just changed this data: try again.',
  },
  last_admin: {
    fr: 'Le cabinet doit garder au moins un administrateur actif.',
    en: 'The firm must keep at least one active administrator.',
  },
  client_no_contact_email: {
    fr: 'Ce client n’a pas d’adresse e-mail de contact : ajoutez-la à sa fiche pour pouvoir l’inviter.',
    en: 'This client has no contact e-mail address: add one to its record to invite it.',
  },
  client_archived: {
    fr: 'Ce client est archivé : restaurez-le avant de l’inviter.',
    en: 'This client is archived: restore it before inviting it.',
  },
  client_already_active: {
    fr: 'Ce client a déjà accepté son invitation : son espace est actif.',
    en: 'This client has already accepted its invitation: its space is active.',
  },
  client_deactivated: {
    fr: 'L’accès de ce client est désactivé : il ne peut pas être invité à nouveau.',
    en: 'This client’s access is deactivated: it cannot be invited again.',
  },
  invitation_in_flight: {
    fr: 'Une invitation est déjà en cours pour ce client : renvoyez-la ou révoquez-la.',
    en: 'An invitation is already under way for this client: resend or revoke it.',
  },
  client_not_found: {
    fr: 'Ce client est introuvable dans votre cabinet.',
    en: 'This client could not be found in your firm.',
  },
  invitation_superseded: {
    fr: 'Une invitation plus récente existe pour ce client : agissez sur celle-ci.',
    en: 'A newer invitation exists for this client: act on that one.',
  },
  invitation_not_revocable: {
    fr: 'Cette invitation n’est plus en cours (acceptée, échouée, expirée ou déjà révoquée) : elle ne peut pas être révoquée.',
    en: 'This invitation is no longer under way (accepted, failed, expired or already revoked): it cannot be revoked.',
  },
  invitation_invalid: {
    fr: 'Ce lien d’invitation n’est pas valide : il a peut-être expiré, été remplacé par un plus récent ou déjà été utilisé. Demandez à votre cabinet de vous envoyer une nouvelle invitation.',
    en: 'This invitation link is not valid: it may have expired, been replaced by a newer one or already been used. Ask your firm to send you a new invitation.',
  },
  // Team and accounts (issue 13)
  email_has_account: {
    fr: 'Cette adresse e-mail a déjà un compte Passerelle (un seul compte par adresse pour l’instant) : invitez une autre adresse.',
    en: 'This e-mail address already has a Passerelle account (one account per address for now): invite another address.',
  },
  already_member: {
    fr: 'Cette personne fait déjà partie de votre cabinet.',
    en: 'This person is already a member of your firm.',
  },
  team_invitation_pending: {
    fr: 'Une invitation est déjà en attente pour cette adresse : renvoyez-la depuis la liste des invitations.',
    en: 'An invitation is already pending for this address: resend it from the list of invitations.',
  },
  team_invitation_closed: {
    fr: 'Cette invitation n’est plus en attente (acceptée ou annulée) : elle ne peut être ni renvoyée ni annulée.',
    en: 'This invitation is no longer pending (accepted or cancelled): it can be neither resent nor cancelled.',
  },
  team_invitation_invalid: {
    fr: 'Ce lien d’invitation n’est pas valide : il a peut-être expiré, été remplacé par un plus récent, été annulé ou déjà servi. Demandez à l’administrateur de votre cabinet de vous inviter à nouveau.',
    en: 'This invitation link is not valid: it may have expired, been replaced by a newer one, been cancelled or already been used. Ask your firm’s administrator to invite you again.',
  },
  account_email_taken: {
    fr: 'Un compte Passerelle existe déjà avec cette adresse e-mail (un seul compte par adresse pour l’instant) : connectez-vous avec ce compte, ou demandez à être invité avec une autre adresse.',
    en: 'A Passerelle account already exists with this e-mail address (one account per address for now): sign in with that account, or ask to be invited with another address.',
  },
  account_deactivated: {
    fr: 'Votre compte a été désactivé. Contactez l’administrateur de votre cabinet pour le réactiver.',
    en: 'Your account has been deactivated. Ask your firm’s administrator to reactivate it.',
  },
  reset_link_invalid: {
    fr: 'Ce lien de réinitialisation n’est pas valide : il a expiré (il ne vaut qu’une heure), a déjà servi ou a été remplacé par un plus récent. Demandez un nouveau lien.',
    en: 'This reset link is not valid: it has expired (it lasts one hour), has already been used or was replaced by a newer one. Ask for a new link.',
  },
  ...IMPORT_ERROR_MESSAGES,
  ...DOCUMENT_ERROR_MESSAGES,
  internal: {
    fr: 'Une erreur inattendue est survenue. Réessayez ; si elle persiste, contactez le support.',
    en: 'An unexpected error occurred. Try again; if it persists, contact support.',
  },
} as const satisfies Record<string, Record<UiLanguage, RequestMessage>>;

export type ApiErrorCode = keyof typeof API_ERROR_MESSAGES;

export function isApiErrorCode(value: unknown): value is ApiErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(API_ERROR_MESSAGES, value);
}

/** The message of a request-level code; `hint` completes it (a limit, a number of seconds). */
export function apiErrorMessage(code: ApiErrorCode, lang: UiLanguage, hint?: string): string {
  const message: RequestMessage = API_ERROR_MESSAGES[code][lang];
  return typeof message === 'string' ? message : message(hint);
}
