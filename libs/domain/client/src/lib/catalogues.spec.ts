import {
  API_ERROR_MESSAGES,
  DOCUMENT_CATEGORIES,
  DOCUMENT_CATEGORY_LABELS,
  ERROR_CODES,
  FIELD_KEYS,
  FIELD_LABELS,
  FORM_FIELD_LABELS,
  UI_LANGUAGES,
  WARNING_CODES,
  apiErrorMessage,
  formatError,
  formatProblem,
  formatWarning,
  type ApiErrorCode,
  type FieldKey,
  type UiLanguage,
} from '../index';

const ARABIC_LETTER = /[\u0621-\u064A]/;
/** Fields whose messages differ from the generic one (digits-only identifiers, postal code, IBAN). */
const SPECIFIC_FIELDS: readonly (FieldKey | undefined)[] = [
  undefined,
  'ice',
  'taxId',
  'postalCode',
  'iban',
  'name',
];
/** Hints that change a message's wording: a limit, a range, a country pair, a row, a key:limit… */
const HINTS: readonly (string | undefined)[] = [
  undefined,
  '15',
  '7-8',
  'MA',
  'CD, CG',
  'keys:1000',
  'downloaded',
];
const API_CODES = Object.keys(API_ERROR_MESSAGES) as ApiErrorCode[];

/** Every rendering of every message of a language: codes × fields × hints. */
function renderings(lang: UiLanguage): { id: string; text: string }[] {
  const out: { id: string; text: string }[] = [];
  for (const code of ERROR_CODES)
    for (const field of SPECIFIC_FIELDS)
      for (const hint of HINTS)
        out.push({ id: `${code}/${field}/${hint}`, text: formatError(code, lang, field, hint) });
  for (const code of WARNING_CODES)
    for (const hint of HINTS)
      out.push({ id: `warning ${code}/${hint}`, text: formatWarning(code, lang, 'country', hint) });
  for (const code of API_CODES)
    for (const hint of HINTS)
      out.push({ id: `api ${code}/${hint}`, text: apiErrorMessage(code, lang, hint) });
  for (const field of FIELD_KEYS) out.push({ id: `label ${field}`, text: FIELD_LABELS[field][lang] });
  for (const [key, labels] of Object.entries(FORM_FIELD_LABELS))
    out.push({ id: `form ${key}`, text: labels[lang] });
  for (const category of DOCUMENT_CATEGORIES)
    out.push({ id: `category ${category}`, text: DOCUMENT_CATEGORY_LABELS[category][lang] });
  return out;
}

describe('message catalogues of the API (every UI language)', () => {
  it('covers fr, en and ar', () => {
    expect(UI_LANGUAGES).toEqual(['fr', 'en', 'ar']);
  });

  it.each(UI_LANGUAGES)('renders every message in %s, none empty, none left with a placeholder', (lang) => {
    const bad = renderings(lang).filter(
      ({ text }) => text.trim() === '' || /undefined|\$\{|\{\w+\}/.test(text),
    );
    expect(bad).toEqual([]);
  });

  it('writes every Arabic message and label in Arabic letters', () => {
    const notArabic = renderings('ar').filter(({ text }) => !ARABIC_LETTER.test(text));
    expect(notArabic).toEqual([]);
  });

  it('translates rather than copies: no Arabic message equals its French or English one', () => {
    const fr = renderings('fr');
    const en = renderings('en');
    const same = renderings('ar').filter(({ text }, i) => text === fr[i].text || text === en[i].text);
    expect(same).toEqual([]);
  });

  it('names the field and the rule in Arabic, with Arabic number agreement', () => {
    expect(formatError('invalid_checksum', 'ar', 'ice')).toBe(
      'التعريف الموحد للمقاولة — الرقم غير صحيح (مفتاح التحقق)',
    );
    expect(formatError('invalid_length', 'ar', 'ice', '15')).toBe(
      'التعريف الموحد للمقاولة — يجب أن يتكون الرقم من 15 رقمًا',
    );
    expect(formatError('invalid_length', 'ar', 'taxId', '7-8')).toBe(
      'التعريف الضريبي — يجب أن يتكون الرقم من 7 أو 8 أرقام',
    );
    expect(formatError('too_long', 'ar', 'name', '160')).toBe(
      'اسم العميل — النص طويل جدًا (160 حرفًا على الأكثر)',
    );
    expect(formatProblem('required', 'ar', { label: FORM_FIELD_LABELS.personName.ar })).toBe(
      'اسمك — هذه الخانة إلزامية',
    );
    expect(formatError('ambiguous_country', 'ar', 'country', 'CD, CG')).toMatch(/^البلد — .+ أو .+\(CG\)$/);
    expect(apiErrorMessage('rate_limited', 'ar', '30')).toBe('محاولات كثيرة جدًا. أعد المحاولة بعد 30 ثانية.');
  });
});
