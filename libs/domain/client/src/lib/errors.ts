import { FieldKey, fieldLabel, isFieldKey } from './fields';
import { UI_LANGUAGES, type UiLanguage } from './languages';

/**
 * Stable machine codes of validation errors. API responses, import reports and the web app all carry these;
 * never rename one (add a new code instead).
 */
export const ERROR_CODES = [
  'required',
  'too_long',
  'invalid_format',
  'invalid_length',
  'invalid_checksum',
  'invalid_bank_code',
  'all_zeros',
  'precision_lost',
  'leading_zeros_lost',
  'unknown_country',
  'ambiguous_country',
  'unknown_language',
  'ambiguous_language',
  'unsupported_language',
  'invalid_email',
  'multiple_emails',
  'invalid_boolean',
  'not_applicable',
  'duplicate_in_file',
  'already_exists',
  'unknown_accounting_software',
  'cell_error',
  'already_imported',
  // Generic field problems of the API's other forms (sign-up, settings…)
  'too_short',
  'invalid_value',
  'password_too_short',
  'password_too_common',
  'password_repeated',
  'unsupported_product_delivery',
  'out_of_range',
  'wrong_password',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Codes of warnings: the value is accepted, but a person should look at it. */
export const WARNING_CODES = [
  'leading_zeros_restored',
  'possible_email_typo',
  'contact_language_defaulted',
  'invitation_language_fallback',
  'country_near_match',
] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

/**
 * `hint` is language-neutral data that completes the message: an expected length ('15', '7-8'), candidate
 * codes ('CD, CG'), a maximum length, a row number, a suggested value. Never prose.
 */
export interface FieldError {
  field: FieldKey;
  code: ErrorCode;
  hint?: string;
}

export interface Warning {
  code: WarningCode;
  /** set by validateClient; absent on a single normaliser's result */
  field?: FieldKey;
  hint?: string;
}

/** Messages exist in every UI language. */
export const MESSAGE_LANGUAGES = UI_LANGUAGES;
export type MessageLanguage = UiLanguage;

type MessageBuilder = (hint: string | undefined, field: FieldKey | undefined) => string;
type Catalogue<C extends string> = { readonly [K in C]: { readonly [L in MessageLanguage]: MessageBuilder } };

const withHint = (text: string, hint: string | undefined, wrap: (h: string) => string): string =>
  hint ? `${text} ${wrap(hint)}` : text;
const isMoroccanId = (field: FieldKey | undefined): boolean => field === 'ice' || field === 'taxId';
const isDigitsOnly = (field: FieldKey | undefined): boolean => field === 'ice' || field === 'taxId';
/**
 * An Arabic counted noun: after 3–10 the plural (« 7 أو 8 أرقام »), after 11 and more the accusative
 * singular (« 15 رقمًا »). `count` is the number as written, possibly « 7 أو 8 » (the last one decides).
 */
const arCount = (count: string, plural: string, singular: string): string => {
  const last = Number(count.match(/\d+/g)?.pop());
  return `${count} ${last >= 3 && last <= 10 ? plural : singular}`;
};

/** « Congo-Kinshasa (CD) »: a country named in the message's language by the runtime's CLDR data. */
function countryWithCode(code: string, lang: MessageLanguage): string {
  let name: string | undefined;
  try {
    name = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' }).of(code);
  } catch {
    // a runtime without region names still says which code
  }
  return name && name !== code ? `${name} (${code})` : code;
}

/** « Congo-Brazzaville (CG) ou Congo-Kinshasa (CD) » from the hint 'CD, CG'. */
function countryChoices(hint: string, lang: MessageLanguage): string {
  const choices = hint.split(', ').map((code) => countryWithCode(code, lang));
  try {
    return new Intl.ListFormat([lang], { type: 'disjunction' }).format(choices);
  } catch {
    return choices.join({ fr: ' ou ', en: ' or ', ar: ' أو ' }[lang]);
  }
}

const ERROR_MESSAGES: Catalogue<ErrorCode> = {
  required: {
    fr: () => 'ce champ est obligatoire',
    en: () => 'this field is required',
    ar: () => 'هذه الخانة إلزامية',
  },
  too_long: {
    fr: (h) => withHint('le texte est trop long', h, (x) => `(${x} caractères au maximum)`),
    en: (h) => withHint('the text is too long', h, (x) => `(at most ${x} characters)`),
    ar: (h) => withHint('النص طويل جدًا', h, (x) => `(${arCount(x, 'أحرف', 'حرفًا')} على الأكثر)`),
  },
  invalid_format: {
    fr: (h, f) =>
      isDigitsOnly(f)
        ? 'seuls des chiffres sont acceptés'
        : f === 'postalCode'
          ? h === 'MA'
            ? 'le code postal marocain comporte 5 chiffres'
            : 'le code postal comporte 2 à 12 lettres, chiffres, espaces ou tirets'
          : f === 'iban'
            ? 'le format de l’IBAN ou du RIB est invalide'
            : 'le format est invalide',
    en: (h, f) =>
      isDigitsOnly(f)
        ? 'only digits are accepted'
        : f === 'postalCode'
          ? h === 'MA'
            ? 'a Moroccan postal code has 5 digits'
            : 'a postal code has 2 to 12 letters, digits, spaces or hyphens'
          : f === 'iban'
            ? 'the IBAN or RIB format is invalid'
            : 'the format is invalid',
    ar: (h, f) =>
      isDigitsOnly(f)
        ? 'لا تُقبل إلا الأرقام'
        : f === 'postalCode'
          ? h === 'MA'
            ? 'يتكون الرمز البريدي المغربي من 5 أرقام'
            : 'يتكون الرمز البريدي من 2 إلى 12 حرفًا أو رقمًا أو مسافة أو شرطة'
          : f === 'iban'
            ? 'صيغة IBAN أو RIB غير صحيحة'
            : 'الصيغة غير صحيحة',
  },
  // hint: '15', '7-8' (digits of an ICE or IF) or '27' (characters of an IBAN)
  invalid_length: {
    fr: (h, f) =>
      !h
        ? 'la longueur est incorrecte'
        : isDigitsOnly(f)
          ? `le numéro doit comporter ${h.replace('-', ' ou ')} chiffres`
          : `la longueur est incorrecte (${h.replace('-', ' ou ')} caractères attendus)`,
    en: (h, f) =>
      !h
        ? 'the length is wrong'
        : isDigitsOnly(f)
          ? `the number must have ${h.replace('-', ' or ')} digits`
          : `the length is wrong (${h.replace('-', ' or ')} characters expected)`,
    ar: (h, f) =>
      !h
        ? 'الطول غير صحيح'
        : isDigitsOnly(f)
          ? `يجب أن يتكون الرقم من ${arCount(h.replace('-', ' أو '), 'أرقام', 'رقمًا')}`
          : `الطول غير صحيح (المنتظر ${arCount(h.replace('-', ' أو '), 'أحرف', 'حرفًا')})`,
  },
  invalid_checksum: {
    fr: () => 'le numéro est invalide (clé de contrôle)',
    en: () => 'the number is invalid (check digits)',
    ar: () => 'الرقم غير صحيح (مفتاح التحقق)',
  },
  all_zeros: {
    fr: () => 'un numéro composé uniquement de zéros n’est pas valide',
    en: () => 'a number made only of zeros is not valid',
    ar: () => 'رقم مكوَّن من أصفار فقط غير صالح',
  },
  invalid_bank_code: {
    fr: () => 'le code banque du RIB est invalide',
    en: () => 'the RIB bank code is invalid',
    ar: () => 'رمز البنك في RIB غير صحيح',
  },
  precision_lost: {
    fr: () =>
      'Excel a enregistré ce numéro comme un nombre et des chiffres ont été perdus : formatez la colonne en Texte et ressaisissez-le',
    en: () =>
      'Excel stored this identifier as a number and digits were lost: format the column as Text and enter it again',
    ar: () => 'سجَّل Excel هذا المعرِّف كعدد فضاعت منه أرقام: نسِّق العمود بتنسيق «نص» ثم أعد إدخاله',
  },
  leading_zeros_lost: {
    fr: () => 'les zéros en tête ont été perdus (cellule numérique) : formatez la colonne en Texte',
    en: () => 'leading zeros were lost (numeric cell): format the column as Text',
    ar: () => 'ضاعت الأصفار في بداية الرقم (خلية رقمية): نسِّق العمود بتنسيق «نص»',
  },
  unknown_country: {
    fr: () => 'pays inconnu : indiquez son nom ou son code ISO (MA, FR…)',
    en: () => 'unknown country: enter its name or its ISO code (MA, FR…)',
    ar: () => 'بلد غير معروف: أدخل اسمه أو رمزه ISO (MA، FR…)',
  },
  ambiguous_country: {
    fr: (h) =>
      h
        ? `ce nom désigne plusieurs pays : précisez ${countryChoices(h, 'fr')}`
        : 'ce nom désigne plusieurs pays : indiquez le code ISO',
    en: (h) =>
      h
        ? `this name matches several countries: choose ${countryChoices(h, 'en')}`
        : 'this name matches several countries: enter the ISO code',
    ar: (h) =>
      h
        ? `هذا الاسم يطابق عدة بلدان: حدِّد ${countryChoices(h, 'ar')}`
        : 'هذا الاسم يطابق عدة بلدان: أدخل رمز ISO',
  },
  unknown_language: {
    fr: () => 'langue inconnue : indiquez son nom ou son code (fr, en, ar…)',
    en: () => 'unknown language: enter its name or its code (fr, en, ar…)',
    ar: () => 'لغة غير معروفة: أدخل اسمها أو رمزها (fr، en، ar…)',
  },
  ambiguous_language: {
    fr: (h) => withHint('une seule langue est attendue', h, (x) => `(${x})`),
    en: (h) => withHint('a single language is expected', h, (x) => `(${x})`),
    ar: (h) => withHint('يُنتظر إدخال لغة واحدة فقط', h, (x) => `(${x})`),
  },
  unsupported_language: {
    fr: () => 'langue non prise en charge (acceptées : fr, en, ar, es, de, nl, it, pt, zgh)',
    en: () => 'language not supported (accepted: fr, en, ar, es, de, nl, it, pt, zgh)',
    ar: () => 'لغة غير مدعومة (المقبولة: fr، en، ar، es، de، nl، it، pt، zgh)',
  },
  invalid_email: {
    fr: () => 'l’adresse e-mail est invalide',
    en: () => 'the e-mail address is invalid',
    ar: () => 'عنوان البريد الإلكتروني غير صحيح',
  },
  multiple_emails: {
    fr: () => 'une seule adresse e-mail est acceptée',
    en: () => 'only one e-mail address is accepted',
    ar: () => 'يُقبل عنوان بريد إلكتروني واحد فقط',
  },
  invalid_boolean: {
    fr: () => 'valeur attendue : oui ou non',
    en: () => 'expected value: yes or no',
    ar: () => 'القيمة المنتظرة: نعم أو لا',
  },
  not_applicable: {
    fr: (_h, f) =>
      isMoroccanId(f)
        ? 'ne concerne que les entreprises marocaines : laissez vide'
        : 'ce champ doit rester vide ici',
    en: (_h, f) =>
      isMoroccanId(f)
        ? 'applies to Moroccan companies only: leave empty'
        : 'this field must be left empty here',
    ar: (_h, f) =>
      isMoroccanId(f) ? 'يخص المقاولات المغربية فقط: اتركه فارغًا' : 'يجب أن تبقى هذه الخانة فارغة هنا',
  },
  duplicate_in_file: {
    fr: (h) => withHint('valeur en double dans le fichier', h, (x) => `(ligne ${x})`),
    en: (h) => withHint('duplicate value in the file', h, (x) => `(row ${x})`),
    ar: (h) => withHint('قيمة مكررة في الملف', h, (x) => `(السطر ${x})`),
  },
  already_exists: {
    fr: (_h, f) => (f ? 'un autre client du cabinet a déjà cette valeur' : 'cette valeur est déjà utilisée'),
    en: (_h, f) => (f ? 'another client of the firm already has this value' : 'this value is already in use'),
    ar: (_h, f) => (f ? 'عميل آخر لمكتب المحاسبة يحمل هذه القيمة مسبقًا' : 'هذه القيمة مستعملة مسبقًا'),
  },
  unknown_accounting_software: {
    fr: () => 'configuration de logiciel de comptabilité inconnue',
    en: () => 'unknown accounting software configuration',
    ar: () => 'إعداد برنامج المحاسبة غير معروف',
  },
  too_short: {
    fr: (h) => withHint('le texte est trop court', h, (x) => `(${x} caractères au minimum)`),
    en: (h) => withHint('the text is too short', h, (x) => `(at least ${x} characters)`),
    ar: (h) => withHint('النص قصير جدًا', h, (x) => `(${arCount(x, 'أحرف', 'حرفًا')} على الأقل)`),
  },
  invalid_value: {
    fr: () => 'cette valeur n’est pas acceptée',
    en: () => 'this value is not accepted',
    ar: () => 'هذه القيمة غير مقبولة',
  },
  password_too_short: {
    fr: (h) => `le mot de passe doit contenir au moins ${h ?? PASSWORD_MIN_LENGTH} caractères`,
    en: (h) => `the password must be at least ${h ?? PASSWORD_MIN_LENGTH} characters long`,
    ar: (h) =>
      `يجب أن تتكون كلمة المرور من ${arCount(h ?? String(PASSWORD_MIN_LENGTH), 'أحرف', 'حرفًا')} على الأقل`,
  },
  password_too_common: {
    fr: () => 'ce mot de passe figure dans les listes de mots de passe courants : choisissez-en un autre',
    en: () => 'this password appears in lists of common passwords: choose another one',
    ar: () => 'كلمة المرور هذه واردة في قوائم كلمات المرور الشائعة: اختر كلمة أخرى',
  },
  password_repeated: {
    fr: () => 'un seul caractère répété n’est pas un mot de passe : variez les caractères',
    en: () => 'one repeated character is not a password: use different characters',
    ar: () => 'حرف واحد مكرر ليس كلمة مرور: نوِّع الأحرف',
  },
  wrong_password: {
    fr: () => 'le mot de passe est incorrect',
    en: () => 'the password is wrong',
    ar: () => 'كلمة المرور غير صحيحة',
  },
  out_of_range: {
    fr: (h) => withHint('la valeur est hors limites', h, (x) => `(${x})`),
    en: (h) => withHint('the value is out of range', h, (x) => `(${x})`),
    ar: (h) => withHint('القيمة خارج الحدود المسموح بها', h, (x) => `(${x})`),
  },
  already_imported: {
    fr: () => 'cette ligne de ce fichier a déjà été importée',
    en: () => 'this row of this file was already imported',
    ar: () => 'سبق استيراد هذا السطر من هذا الملف',
  },
  cell_error: {
    fr: (h) =>
      withHint(
        'la cellule contient une erreur Excel',
        h,
        (x) => `(${x}) : corrigez la formule ou saisissez la valeur`,
      ),
    en: (h) =>
      withHint('the cell holds an Excel error', h, (x) => `(${x}): fix the formula or type the value`),
    ar: (h) => withHint('تحتوي الخلية على خطأ Excel', h, (x) => `(${x}): صحِّح الصيغة أو أدخل القيمة`),
  },
  unsupported_product_delivery: {
    fr: (h) =>
      withHint('ce logiciel ne reçoit pas les documents de cette façon', h, (x) => `(possible : ${x})`),
    en: (h) => withHint('this software does not take documents this way', h, (x) => `(possible: ${x})`),
    ar: (h) => withHint('هذا البرنامج لا يستقبل الوثائق بهذه الطريقة', h, (x) => `(الممكن: ${x})`),
  },
};

/** Password rules shared by the API and the web forms (the common-password list is checked by the API). */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

/** A password made of one character repeated ("aaaaaaaaaa", "1111111111") is refused whatever its length. */
export function isRepeatedCharacter(password: string): boolean {
  const chars = [...password];
  return chars.length > 0 && chars.every((c) => c === chars[0]);
}

const WARNING_MESSAGES: Catalogue<WarningCode> = {
  leading_zeros_restored: {
    fr: (h) => withHint('cellule numérique : zéros en tête rétablis', h, (x) => `(${x})`),
    en: (h) => withHint('numeric cell: leading zeros restored', h, (x) => `(${x})`),
    ar: (h) => withHint('خلية رقمية: أُعيدت الأصفار في بداية الرقم', h, (x) => `(${x})`),
  },
  possible_email_typo: {
    fr: (h) => (h ? `vérifiez l’adresse : vouliez-vous dire ${h} ?` : 'vérifiez l’adresse'),
    en: (h) => (h ? `check the address: did you mean ${h}?` : 'check the address'),
    ar: (h) => (h ? `تحقَّق من العنوان: هل تقصد ${h}؟` : 'تحقَّق من العنوان'),
  },
  contact_language_defaulted: {
    fr: (h) => withHint('non renseignée : langue de l’entreprise utilisée', h, (x) => `(${x})`),
    en: (h) => withHint('not given: the company language is used', h, (x) => `(${x})`),
    ar: (h) => withHint('غير محددة: اعتُمدت لغة المقاولة', h, (x) => `(${x})`),
  },
  invitation_language_fallback: {
    fr: (h) =>
      withHint('l’e-mail d’invitation sera envoyé en français', h, (x) => `(pas de modèle en « ${x} »)`),
    en: (h) => withHint('the invitation e-mail will be sent in French', h, (x) => `(no template in “${x}”)`),
    ar: (h) => withHint('سيُرسَل البريد الإلكتروني للدعوة بالفرنسية', h, (x) => `(لا يوجد نموذج بلغة «${x}»)`),
  },
  country_near_match: {
    fr: (h) =>
      h ? `lu comme ${countryWithCode(h, 'fr')} : vérifiez l’orthographe` : 'vérifiez l’orthographe',
    en: (h) => (h ? `read as ${countryWithCode(h, 'en')}: check the spelling` : 'check the spelling'),
    ar: (h) => (h ? `قُرئ على أنه ${countryWithCode(h, 'ar')}: تحقَّق من الإملاء` : 'تحقَّق من الإملاء'),
  },
};

function compose(text: string, lang: MessageLanguage, field: FieldKey | undefined): string {
  return withLabel(text, field ? fieldLabel(field, lang) : undefined);
}

function withLabel(text: string, label: string | undefined): string {
  return label ? `${label} — ${text}` : text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A field problem of any form, labelled with that form's own label: « Votre nom — ce champ est obligatoire ».
 * `clientField` is set only for the client record's fields (their messages can be more specific).
 */
export function formatProblem(
  code: ErrorCode,
  lang: MessageLanguage,
  options: { label?: string; clientField?: FieldKey; hint?: string } = {},
): string {
  const field = isFieldKey(options.clientField) ? options.clientField : undefined;
  return withLabel(ERROR_MESSAGES[code][lang](options.hint, field), options.label);
}

/** « ICE — le numéro est invalide (clé de contrôle) »; without a field, just the capitalised message. */
export function formatError(
  code: ErrorCode,
  lang: MessageLanguage = 'fr',
  field?: FieldKey,
  hint?: string,
): string {
  return compose(ERROR_MESSAGES[code][lang](hint, field), lang, field);
}

export function formatWarning(
  code: WarningCode,
  lang: MessageLanguage = 'fr',
  field?: FieldKey,
  hint?: string,
): string {
  return compose(WARNING_MESSAGES[code][lang](hint, field), lang, field);
}

export function formatFieldError(error: FieldError, lang: MessageLanguage = 'fr'): string {
  return formatError(error.code, lang, error.field, error.hint);
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
