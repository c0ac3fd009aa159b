import type { LabelLanguage, TemplateFieldKey } from '@passerelle/domain-client';

/**
 * The template's example row, in each template language: it passes validation, and an import skips any row
 * whose name is one of these (so the template re-uploaded untouched gives 0 rows, while a firm that types
 * over the example imports its own row).
 */
export const TEMPLATE_EXAMPLES: {
  readonly [L in LabelLanguage]: { readonly [K in TemplateFieldKey]: string };
} = {
  fr: {
    name: 'Exemple — Atlas Négoce SARL (ligne ignorée à l’import)',
    address: '12, rue Ibn Batouta',
    postalCode: '20250',
    city: 'Casablanca',
    country: 'Maroc',
    ice: '001525587000007',
    taxId: '12345678',
    iban: 'MA64007780000123456789012396',
    language: 'Français',
    contactName: 'Karim Benjelloun',
    contactLanguage: 'Arabe',
    contactEmail: 'karim.benjelloun@exemple.ma',
  },
  en: {
    name: 'Example — Atlas Trading LLC (row skipped on import)',
    address: '12, rue Ibn Batouta',
    postalCode: '20250',
    city: 'Casablanca',
    country: 'Morocco',
    ice: '001525587000007',
    taxId: '12345678',
    iban: 'MA64007780000123456789012396',
    language: 'French',
    contactName: 'Karim Benjelloun',
    contactLanguage: 'Arabic',
    contactEmail: 'karim.benjelloun@example.ma',
  },
  ar: {
    name: 'مثال — شركة الأطلس للتجارة (سطر يتم تجاهله عند الاستيراد)',
    address: '12، زنقة ابن بطوطة',
    postalCode: '20250',
    city: 'الدار البيضاء',
    country: 'المغرب',
    ice: '001525587000007',
    taxId: '12345678',
    iban: 'MA64007780000123456789012396',
    language: 'العربية',
    contactName: 'كريم بنجلون',
    contactLanguage: 'العربية',
    contactEmail: 'karim.benjelloun@example.ma',
  },
};

const EXAMPLE_NAMES = new Set(Object.values(TEMPLATE_EXAMPLES).map((example) => example.name));

/** Whether a row's name cell is the template's example. */
export function isTemplateExample(name: unknown): boolean {
  return typeof name === 'string' && EXAMPLE_NAMES.has(name.trim());
}
