import {
  FIELD_LABELS,
  FIELD_MAX_LENGTH,
  TEMPLATE_COLUMNS,
  TEMPLATE_FIELD_KEYS,
  type LabelLanguage,
  type TemplateFieldKey,
} from '@passerelle/domain-client';
import ExcelJS from 'exceljs';
import { TEMPLATE_EXAMPLES } from './template-content';

/** Rows prepared for data entry (Text format on identifier columns, language drop-downs). */
const PREPARED_ROWS = 5000;
const TEXT_COLUMNS: readonly TemplateFieldKey[] = ['postalCode', 'ice', 'taxId', 'iban'];
const LANGUAGE_COLUMNS: readonly TemplateFieldKey[] = ['language', 'contactLanguage'];

const LANGUAGE_CHOICES: { readonly [L in LabelLanguage]: readonly string[] } = {
  fr: [
    'Français',
    'Anglais',
    'Arabe',
    'Espagnol',
    'Allemand',
    'Néerlandais',
    'Italien',
    'Portugais',
    'Amazighe',
  ],
  en: ['French', 'English', 'Arabic', 'Spanish', 'German', 'Dutch', 'Italian', 'Portuguese', 'Tamazight'],
  ar: [
    'الفرنسية',
    'الإنجليزية',
    'العربية',
    'الإسبانية',
    'الألمانية',
    'الهولندية',
    'الإيطالية',
    'البرتغالية',
    'الأمازيغية',
  ],
};

const TEXT: {
  readonly [L in LabelLanguage]: {
    sheet: string;
    exampleNote: string;
    heading: string;
    intro: readonly string[];
    columns: readonly [string, string, string];
    rules: { readonly [K in TemplateFieldKey]: string };
  };
} = {
  fr: {
    sheet: 'Instructions',
    exampleNote:
      'Exemple : cette ligne est ignorée à l’import. Remplacez-la ou ajoutez vos clients en dessous.',
    heading: 'Importer vos clients dans Passerelle',
    intro: [
      'Une ligne par client, à partir de la ligne 3 (la ligne 2 est un exemple, ignorée à l’import).',
      'Gardez la ligne d’en-tête. Les colonnes ICE, IF, IBAN et Code postal sont au format Texte : ne les changez pas, sinon Excel supprime les zéros en tête.',
      'Vous pouvez aussi importer votre propre tableau : Passerelle vous proposera la correspondance des colonnes.',
    ],
    columns: ['Colonne', 'Champ', 'Règle'],
    rules: {
      name: `Obligatoire, ${FIELD_MAX_LENGTH.name} caractères au maximum.`,
      address: `Adresse du siège, obligatoire, ${FIELD_MAX_LENGTH.address} caractères au maximum.`,
      postalCode:
        'Obligatoire. Maroc : exactement 5 chiffres. Ailleurs : 2 à 12 lettres, chiffres, espaces ou tirets.',
      city: `Obligatoire, ${FIELD_MAX_LENGTH.city} caractères au maximum.`,
      country:
        'Obligatoire : nom du pays dans n’importe quelle langue (Maroc, Morocco, المغرب) ou code ISO (MA, FR).',
      ice: '15 chiffres avec clé de contrôle. Obligatoire au Maroc, à laisser vide ailleurs.',
      taxId: 'Identifiant fiscal : 7 ou 8 chiffres. Obligatoire au Maroc, à laisser vide ailleurs.',
      iban: 'Facultatif. Maroc : MA64 suivi du RIB de 24 chiffres (le RIB seul est accepté).',
      language: 'Obligatoire : choisissez dans la liste (ou code : fr, en, ar…).',
      contactName: `Nom et prénom du dirigeant, obligatoire, ${FIELD_MAX_LENGTH.contactName} caractères au maximum.`,
      contactLanguage: 'Langue de l’e-mail d’invitation ; vide : celle de l’entreprise.',
      contactEmail: 'Adresse e-mail du contact, unique dans votre cabinet ; nécessaire pour l’inviter.',
    },
  },
  en: {
    sheet: 'Instructions',
    exampleNote: 'Example: this row is skipped on import. Replace it or add your clients below it.',
    heading: 'Importing your clients into Passerelle',
    intro: [
      'One row per client, from row 3 on (row 2 is an example, skipped on import).',
      'Keep the header row. The ICE, Tax ID, IBAN and Postal code columns are formatted as Text: keep them so, or Excel drops leading zeros.',
      'You can also import your own spreadsheet: Passerelle will propose how its columns match.',
    ],
    columns: ['Column', 'Field', 'Rule'],
    rules: {
      name: `Required, at most ${FIELD_MAX_LENGTH.name} characters.`,
      address: `Head office address, required, at most ${FIELD_MAX_LENGTH.address} characters.`,
      postalCode:
        'Required. Morocco: exactly 5 digits. Elsewhere: 2 to 12 letters, digits, spaces or hyphens.',
      city: `Required, at most ${FIELD_MAX_LENGTH.city} characters.`,
      country:
        'Required: the country name in any language (Maroc, Morocco, المغرب) or its ISO code (MA, FR).',
      ice: '15 digits with check digits. Required in Morocco, leave empty elsewhere.',
      taxId: 'Tax identifier (IF): 7 or 8 digits. Required in Morocco, leave empty elsewhere.',
      iban: 'Optional. Morocco: MA64 followed by the 24-digit RIB (the RIB alone is accepted).',
      language: 'Required: pick from the list (or a code: fr, en, ar…).',
      contactName: `The manager’s full name, required, at most ${FIELD_MAX_LENGTH.contactName} characters.`,
      contactLanguage: 'Language of the invitation e-mail; empty: the company’s.',
      contactEmail: 'The contact’s e-mail address, unique in your firm; needed to invite them.',
    },
  },
  ar: {
    sheet: 'تعليمات',
    exampleNote: 'مثال: يتم تجاهل هذا السطر عند الاستيراد. استبدله أو أضف عملاءك تحته.',
    heading: 'استيراد عملائك إلى Passerelle',
    intro: [
      'سطر واحد لكل عميل ابتداءً من السطر 3 (السطر 2 مثال يتم تجاهله).',
      'احتفظ بسطر العناوين. أعمدة التعريف الموحد والتعريف الضريبي والحساب البنكي والرمز البريدي بصيغة نص: لا تغيّرها.',
      'يمكنك أيضاً استيراد جدولك الخاص: سيقترح Passerelle مطابقة الأعمدة.',
    ],
    columns: ['العمود', 'الحقل', 'القاعدة'],
    rules: {
      name: `إلزامي، ${FIELD_MAX_LENGTH.name} حرفاً كحد أقصى.`,
      address: `عنوان المقر، إلزامي، ${FIELD_MAX_LENGTH.address} حرفاً كحد أقصى.`,
      postalCode: 'إلزامي. المغرب: 5 أرقام بالضبط.',
      city: `إلزامي، ${FIELD_MAX_LENGTH.city} حرفاً كحد أقصى.`,
      country: 'إلزامي: اسم البلد بأي لغة أو رمزه (MA، FR).',
      ice: '15 رقماً مع مفتاح التحقق. إلزامي في المغرب.',
      taxId: '7 أو 8 أرقام. إلزامي في المغرب.',
      iban: 'اختياري. المغرب: MA64 متبوعاً برقم الحساب البنكي المكون من 24 رقماً.',
      language: 'إلزامي: اختر من القائمة.',
      contactName: 'الاسم الكامل للمسير، إلزامي.',
      contactLanguage: 'لغة رسالة الدعوة؛ إذا تُرك فارغاً: لغة الشركة.',
      contactEmail: 'البريد الإلكتروني لجهة الاتصال، فريد داخل مكتبكم.',
    },
  },
};

/** exceljs validates a whole range with one rule; its typings only know per-cell validation. */
interface RangeValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

/**
 * The import template of SPEC §6.1, generated on the fly: a `Clients` sheet with the twelve headers in the
 * user's language, identifier and postal-code columns formatted as Text, language drop-downs, a frozen
 * header, one example row (skipped on import), and an Instructions sheet explaining every column.
 */
export async function buildTemplate(lang: LabelLanguage): Promise<Buffer> {
  const text = TEXT[lang];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Passerelle';
  const sheet = workbook.addWorksheet('Clients', {
    views: [{ state: 'frozen', ySplit: 1, rightToLeft: lang === 'ar' }],
  });
  sheet.columns = TEMPLATE_FIELD_KEYS.map((field) => ({
    header: FIELD_LABELS[field][lang],
    key: field,
    width:
      field === 'name' || field === 'address' || field === 'contactEmail' ? 32 : field === 'iban' ? 34 : 18,
    style: TEXT_COLUMNS.includes(field) ? { numFmt: '@' } : {},
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };

  const example = sheet.addRow(TEMPLATE_FIELD_KEYS.map((field) => TEMPLATE_EXAMPLES[lang][field]));
  example.font = { italic: true, color: { argb: 'FF7F7F7F' } };
  example.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
  example.getCell(1).note = text.exampleNote;

  for (const field of TEXT_COLUMNS) {
    const letter = TEMPLATE_COLUMNS[field];
    for (let row = 2; row <= PREPARED_ROWS + 1; row++) sheet.getCell(`${letter}${row}`).numFmt = '@';
  }
  const choices = `"${LANGUAGE_CHOICES[lang].join(',')}"`;
  for (const field of LANGUAGE_COLUMNS) {
    const letter = TEMPLATE_COLUMNS[field];
    (sheet as unknown as RangeValidations).dataValidations.add(`${letter}2:${letter}${PREPARED_ROWS + 1}`, {
      type: 'list',
      allowBlank: true,
      formulae: [choices],
      showErrorMessage: false,
    });
  }

  const instructions = workbook.addWorksheet(text.sheet, { views: [{ rightToLeft: lang === 'ar' }] });
  instructions.columns = [{ width: 10 }, { width: 28 }, { width: 100 }];
  instructions.addRow([text.heading]).font = { bold: true, size: 14 };
  for (const line of text.intro) instructions.addRow([line]);
  instructions.addRow([]);
  instructions.addRow([...text.columns]).font = { bold: true };
  for (const field of TEMPLATE_FIELD_KEYS) {
    instructions.addRow([TEMPLATE_COLUMNS[field], FIELD_LABELS[field][lang], text.rules[field]]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
