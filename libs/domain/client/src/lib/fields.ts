import { UI_LANGUAGES, type UiLanguage } from './languages';

/** Languages in which field labels exist: every UI language (the template's header row can be in any of them). */
export const LABEL_LANGUAGES = UI_LANGUAGES;
export type LabelLanguage = UiLanguage;

/** The twelve columns of the import template, in template order (columns A–L). */
export const TEMPLATE_FIELD_KEYS = [
  'name',
  'address',
  'postalCode',
  'city',
  'country',
  'ice',
  'taxId',
  'iban',
  'language',
  'contactName',
  'contactLanguage',
  'contactEmail',
] as const;
export type TemplateFieldKey = (typeof TEMPLATE_FIELD_KEYS)[number];

/** Every field of the client record: the template columns plus the two form-only settings. */
export const FIELD_KEYS = [...TEMPLATE_FIELD_KEYS, 'shareDocuments', 'accountingSoftwareId'] as const;
export type FieldKey = (typeof FIELD_KEYS)[number];

export type TemplateColumnLetter = 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I' | 'J' | 'K' | 'L';

export const TEMPLATE_COLUMNS: { readonly [K in TemplateFieldKey]: TemplateColumnLetter } = {
  name: 'A',
  address: 'B',
  postalCode: 'C',
  city: 'D',
  country: 'E',
  ice: 'F',
  taxId: 'G',
  iban: 'H',
  language: 'I',
  contactName: 'J',
  contactLanguage: 'K',
  contactEmail: 'L',
};

/** UI labels; the French one is the default and the template header in French. */
export const FIELD_LABELS: { readonly [K in FieldKey]: { readonly [L in LabelLanguage]: string } } = {
  name: { fr: 'Nom client', en: 'Client name', ar: 'اسم العميل' },
  address: { fr: 'Adresse', en: 'Address', ar: 'العنوان' },
  postalCode: { fr: 'Code postal', en: 'Postal code', ar: 'الرمز البريدي' },
  city: { fr: 'Ville', en: 'City', ar: 'المدينة' },
  country: { fr: 'Pays', en: 'Country', ar: 'البلد' },
  ice: { fr: 'ICE', en: 'ICE', ar: 'التعريف الموحد للمقاولة' },
  taxId: { fr: 'IF', en: 'Tax ID (IF)', ar: 'التعريف الضريبي' },
  iban: { fr: 'IBAN', en: 'IBAN', ar: 'رقم الحساب البنكي الدولي' },
  language: { fr: 'Langue', en: 'Language', ar: 'اللغة' },
  contactName: { fr: 'Contact', en: 'Contact', ar: 'جهة الاتصال' },
  contactLanguage: { fr: 'Langue contact', en: 'Contact language', ar: 'لغة جهة الاتصال' },
  contactEmail: { fr: 'E-mail du contact', en: 'Contact e-mail', ar: 'البريد الإلكتروني لجهة الاتصال' },
  shareDocuments: {
    fr: 'Partager les documents avec votre cabinet comptable',
    en: 'Share documents with your accounting firm',
    ar: 'مشاركة الوثائق مع مكتب المحاسبة',
  },
  accountingSoftwareId: { fr: 'Logiciel de comptabilité', en: 'Accounting software', ar: 'برنامج المحاسبة' },
};

/** Maximum lengths (in characters, after trimming) of the free-text fields. */
export const FIELD_MAX_LENGTH = {
  name: 160,
  address: 200,
  city: 100,
  contactName: 160,
  accountingSoftwareId: 100,
} as const satisfies Partial<Record<FieldKey, number>>;

/**
 * Fields whose values are Latin identifiers or addresses (digits, IBAN letters, e-mail): written left to right
 * even inside an Arabic page (the web app isolates them with `<bdi dir="ltr">` / `dir="ltr"` inputs).
 */
export const LEFT_TO_RIGHT_FIELD_KEYS = [
  'postalCode',
  'ice',
  'taxId',
  'iban',
  'contactEmail',
] as const satisfies readonly FieldKey[];

export function isLeftToRightField(field: string): boolean {
  return (LEFT_TO_RIGHT_FIELD_KEYS as readonly string[]).includes(field);
}

export function isFieldKey(value: unknown): value is FieldKey {
  return typeof value === 'string' && (FIELD_KEYS as readonly string[]).includes(value);
}

export function fieldLabel(field: FieldKey, lang: LabelLanguage = 'fr'): string {
  return FIELD_LABELS[field][lang];
}

/**
 * Labels of the fields of the other forms (account, settings), by form field key, in every UI language: the
 * API names them in its error messages (« Votre nom — ce champ est obligatoire »).
 */
export const FORM_FIELD_LABELS = {
  firmName: { fr: 'Nom du cabinet', en: 'Firm name', ar: 'اسم مكتب المحاسبة' },
  personName: { fr: 'Votre nom', en: 'Your name', ar: 'اسمك' },
  email: { fr: 'Adresse e-mail', en: 'E-mail address', ar: 'عنوان البريد الإلكتروني' },
  password: { fr: 'Mot de passe', en: 'Password', ar: 'كلمة المرور' },
  currentPassword: { fr: 'Mot de passe actuel', en: 'Current password', ar: 'كلمة المرور الحالية' },
  uiLanguage: { fr: 'Langue', en: 'Language', ar: 'اللغة' },
  role: { fr: 'Rôle', en: 'Role', ar: 'الدور' },
  memberName: { fr: 'Nom du collaborateur', en: 'Colleague’s name', ar: 'اسم المتعاون' },
  mailLanguage: { fr: 'Langue de l’e-mail', en: 'E-mail language', ar: 'لغة البريد الإلكتروني' },
  softwareLabel: { fr: 'Libellé', en: 'Label', ar: 'التسمية' },
  softwareProduct: { fr: 'Logiciel', en: 'Software', ar: 'البرنامج' },
  deliveryMethod: { fr: 'Mode de transmission', en: 'Delivery method', ar: 'طريقة الإرسال' },
  deliveryEmail: {
    fr: 'Adresse e-mail de réception du logiciel',
    en: "Software's inbox address",
    ar: 'عنوان البريد الإلكتروني لاستقبال البرنامج',
  },
  exportFormat: { fr: "Format d'export", en: 'Export format', ar: 'صيغة التصدير' },
  exportFrequency: { fr: "Fréquence d'export", en: 'Export frequency', ar: 'وتيرة التصدير' },
  isDefault: { fr: 'Logiciel par défaut', en: 'Default software', ar: 'البرنامج الافتراضي' },
} as const satisfies Record<string, Readonly<Record<UiLanguage, string>>>;

/**
 * Fields every client needs whatever its country and settings (validateClient answers `required` for each
 * when empty; ICE/IF in Morocco and the contact e-mail and software when sharing are required by rule). The
 * import's column mapping asks for a column for each.
 */
export const ALWAYS_REQUIRED_FIELD_KEYS = [
  'name',
  'address',
  'postalCode',
  'city',
  'country',
  'language',
  'contactName',
] as const satisfies readonly FieldKey[];
