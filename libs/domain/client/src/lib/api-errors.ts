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
    ar: (h) =>
      h?.startsWith('keys:')
        ? `يحتوي الطلب على خانات كثيرة جدًا (${h.slice(5)} على الأكثر).`
        : h?.startsWith('depth:')
          ? `الطلب متداخل بعمق كبير جدًا (${h.slice(6)} مستويات على الأكثر).`
          : 'يحتوي الطلب على أخطاء.',
  },
  email_taken: {
    fr: 'Un compte existe déjà avec cette adresse e-mail.',
    en: 'An account already exists with this e-mail address.',
    ar: 'يوجد حساب مسبقًا بعنوان البريد الإلكتروني هذا.',
  },
  invalid_credentials: {
    fr: 'E-mail ou mot de passe incorrect.',
    en: 'Wrong e-mail or password.',
    ar: 'البريد الإلكتروني أو كلمة المرور غير صحيحة.',
  },
  unauthenticated: {
    fr: 'Veuillez vous connecter.',
    en: 'Please sign in.',
    ar: 'المرجو تسجيل الدخول.',
  },
  forbidden: {
    fr: "Vous n'avez pas accès à cette action.",
    en: 'You are not allowed to do this.',
    ar: 'لا تملك صلاحية القيام بهذا الإجراء.',
  },
  csrf_failed: {
    fr: 'Jeton de sécurité manquant ou invalide : rechargez la page.',
    en: 'Missing or invalid security token: reload the page.',
    ar: 'رمز الأمان مفقود أو غير صالح: أعد تحميل الصفحة.',
  },
  not_found: {
    fr: 'Introuvable.',
    en: 'Not found.',
    ar: 'غير موجود.',
  },
  rate_limited: {
    fr: (h) => `Trop de tentatives. Réessayez dans ${h ?? 60} secondes.`,
    en: (h) => `Too many attempts. Try again in ${h ?? 60} seconds.`,
    ar: (h) => `محاولات كثيرة جدًا. أعد المحاولة بعد ${h ?? 60} ثانية.`,
  },
  payload_too_large: {
    fr: (h) =>
      h ? `La requête est trop volumineuse (${h} au maximum).` : 'La requête est trop volumineuse.',
    en: (h) => (h ? `The request is too large (at most ${h}).` : 'The request is too large.'),
    ar: (h) => (h ? `حجم الطلب كبير جدًا (${h} على الأكثر).` : 'حجم الطلب كبير جدًا.'),
  },
  unsupported_encoding: {
    fr: 'Encodage de contenu non pris en charge : envoyez le corps sans compression.',
    en: 'Unsupported content encoding: send the body uncompressed.',
    ar: 'ترميز المحتوى غير مدعوم: أرسل المحتوى دون ضغط.',
  },
  unsupported_media_type: {
    fr: 'Type de contenu non pris en charge : envoyez du JSON (application/json).',
    en: 'Unsupported content type: send JSON (application/json).',
    ar: 'نوع المحتوى غير مدعوم: أرسل JSON (application/json).',
  },
  edit_conflict: {
    fr: 'Quelqu’un a modifié cette fiche entre-temps : rechargez-la pour voir ses changements, puis refaites les vôtres.',
    en: 'Someone changed this record in the meantime: reload it to see their changes, then make yours again.',
    ar: 'عدَّل شخص آخر هذه البطاقة في الأثناء: أعد تحميلها للاطلاع على تعديلاته، ثم أعد إدخال تعديلاتك.',
  },
  conflict: {
    fr: 'Une autre opération vient de modifier ces données : réessayez.',
    en: 'Another operation has just changed this data: try again.',
    ar: 'عملية أخرى غيَّرت هذه البيانات للتو: أعد المحاولة.',
  },
  last_admin: {
    fr: 'Le cabinet doit garder au moins un administrateur actif.',
    en: 'The firm must keep at least one active administrator.',
    ar: 'يجب أن يحتفظ مكتب المحاسبة بمسؤول نشيط واحد على الأقل.',
  },
  client_no_contact_email: {
    fr: 'Ce client n’a pas d’adresse e-mail de contact : ajoutez-la à sa fiche pour pouvoir l’inviter.',
    en: 'This client has no contact e-mail address: add one to its record to invite it.',
    ar: 'ليس لهذا العميل عنوان بريد إلكتروني لجهة الاتصال: أضفه إلى بطاقته لتتمكن من دعوته.',
  },
  client_archived: {
    fr: 'Ce client est archivé : restaurez-le avant de l’inviter.',
    en: 'This client is archived: restore it before inviting it.',
    ar: 'هذا العميل مؤرشف: استعده قبل دعوته.',
  },
  client_already_active: {
    fr: 'Ce client a déjà accepté son invitation : son espace est actif.',
    en: 'This client has already accepted its invitation: its space is active.',
    ar: 'سبق لهذا العميل قبول دعوته: فضاؤه مفعَّل.',
  },
  client_deactivated: {
    fr: 'L’accès de ce client est désactivé : il ne peut pas être invité à nouveau.',
    en: 'This client’s access is deactivated: it cannot be invited again.',
    ar: 'وصول هذا العميل معطَّل: لا يمكن دعوته من جديد.',
  },
  invitation_in_flight: {
    fr: 'Une invitation est déjà en cours pour ce client : renvoyez-la ou révoquez-la.',
    en: 'An invitation is already under way for this client: resend or revoke it.',
    ar: 'توجد دعوة جارية لهذا العميل: أعد إرسالها أو ألغها.',
  },
  client_not_found: {
    fr: 'Ce client est introuvable dans votre cabinet.',
    en: 'This client could not be found in your firm.',
    ar: 'هذا العميل غير موجود في مكتب المحاسبة الخاص بك.',
  },
  invitation_superseded: {
    fr: 'Une invitation plus récente existe pour ce client : agissez sur celle-ci.',
    en: 'A newer invitation exists for this client: act on that one.',
    ar: 'توجد دعوة أحدث لهذا العميل: تصرَّف فيها هي.',
  },
  invitation_not_revocable: {
    fr: 'Cette invitation n’est plus en cours (acceptée, échouée, expirée ou déjà révoquée) : elle ne peut pas être révoquée.',
    en: 'This invitation is no longer under way (accepted, failed, expired or already revoked): it cannot be revoked.',
    ar: 'لم تعد هذه الدعوة جارية (مقبولة أو فاشلة أو منتهية الصلاحية أو ملغاة مسبقًا): لا يمكن إلغاؤها.',
  },
  invitation_invalid: {
    fr: 'Ce lien d’invitation n’est pas valide : il a peut-être expiré, été remplacé par un plus récent ou déjà été utilisé. Demandez à votre cabinet de vous envoyer une nouvelle invitation.',
    en: 'This invitation link is not valid: it may have expired, been replaced by a newer one or already been used. Ask your firm to send you a new invitation.',
    ar: 'رابط الدعوة هذا غير صالح: ربما انتهت صلاحيته، أو عُوِّض برابط أحدث، أو سبق استعماله. اطلب من مكتب المحاسبة إرسال دعوة جديدة إليك.',
  },
  // Team and accounts (issue 13)
  email_has_account: {
    fr: 'Cette adresse e-mail a déjà un compte Passerelle (un seul compte par adresse pour l’instant) : invitez une autre adresse.',
    en: 'This e-mail address already has a Passerelle account (one account per address for now): invite another address.',
    ar: 'لعنوان البريد الإلكتروني هذا حساب على Passerelle مسبقًا (حساب واحد لكل عنوان حاليًا): ادعُ عنوانًا آخر.',
  },
  already_member: {
    fr: 'Cette personne fait déjà partie de votre cabinet.',
    en: 'This person is already a member of your firm.',
    ar: 'هذا الشخص عضو في مكتب المحاسبة الخاص بك مسبقًا.',
  },
  team_invitation_pending: {
    fr: 'Une invitation est déjà en attente pour cette adresse : renvoyez-la depuis la liste des invitations.',
    en: 'An invitation is already pending for this address: resend it from the list of invitations.',
    ar: 'توجد دعوة معلَّقة لهذا العنوان: أعد إرسالها من قائمة الدعوات.',
  },
  team_invitation_closed: {
    fr: 'Cette invitation n’est plus en attente (acceptée ou annulée) : elle ne peut être ni renvoyée ni annulée.',
    en: 'This invitation is no longer pending (accepted or cancelled): it can be neither resent nor cancelled.',
    ar: 'لم تعد هذه الدعوة معلَّقة (مقبولة أو ملغاة): لا يمكن إعادة إرسالها ولا إلغاؤها.',
  },
  team_invitation_invalid: {
    fr: 'Ce lien d’invitation n’est pas valide : il a peut-être expiré, été remplacé par un plus récent, été annulé ou déjà servi. Demandez à l’administrateur de votre cabinet de vous inviter à nouveau.',
    en: 'This invitation link is not valid: it may have expired, been replaced by a newer one, been cancelled or already been used. Ask your firm’s administrator to invite you again.',
    ar: 'رابط الدعوة هذا غير صالح: ربما انتهت صلاحيته، أو عُوِّض برابط أحدث، أو أُلغي، أو سبق استعماله. اطلب من مسؤول مكتب المحاسبة دعوتك من جديد.',
  },
  account_email_taken: {
    fr: 'Un compte Passerelle existe déjà avec cette adresse e-mail (un seul compte par adresse pour l’instant) : connectez-vous avec ce compte, ou demandez à être invité avec une autre adresse.',
    en: 'A Passerelle account already exists with this e-mail address (one account per address for now): sign in with that account, or ask to be invited with another address.',
    ar: 'يوجد حساب على Passerelle مسبقًا بعنوان البريد الإلكتروني هذا (حساب واحد لكل عنوان حاليًا): سجِّل الدخول بهذا الحساب، أو اطلب دعوتك بعنوان آخر.',
  },
  account_deactivated: {
    fr: 'Votre compte a été désactivé. Contactez l’administrateur de votre cabinet pour le réactiver.',
    en: 'Your account has been deactivated. Ask your firm’s administrator to reactivate it.',
    ar: 'عُطِّل حسابك. تواصل مع مسؤول مكتب المحاسبة لإعادة تفعيله.',
  },
  reset_link_invalid: {
    fr: 'Ce lien de réinitialisation n’est pas valide : il a expiré (il ne vaut qu’une heure), a déjà servi ou a été remplacé par un plus récent. Demandez un nouveau lien.',
    en: 'This reset link is not valid: it has expired (it lasts one hour), has already been used or was replaced by a newer one. Ask for a new link.',
    ar: 'رابط إعادة التعيين هذا غير صالح: انتهت صلاحيته (ساعة واحدة فقط)، أو سبق استعماله، أو عُوِّض برابط أحدث. اطلب رابطًا جديدًا.',
  },
  ...IMPORT_ERROR_MESSAGES,
  ...DOCUMENT_ERROR_MESSAGES,
  internal: {
    fr: 'Une erreur inattendue est survenue. Réessayez ; si elle persiste, contactez le support.',
    en: 'An unexpected error occurred. Try again; if it persists, contact support.',
    ar: 'حدث خطأ غير متوقع. أعد المحاولة؛ وإن تكرر، تواصل مع الدعم.',
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
