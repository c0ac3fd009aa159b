import type { Lang } from './i18n';

// The one home of number and date formatting in the web app: every formatter takes its locale from
// intlLocale(). Components use I18n's date()/dateTime()/number(), which follow the current language;
// presentational components given a `lang` input call these functions directly.

/**
 * The Intl locale each UI language formats numbers and dates with. Arabic as Moroccan administrations write
 * it: `ar-MA` with Latin digits (`nu-latn`, never Arabic-Indic ones), e.g. « 30 نونبر 2026 », « 1.234 ».
 */
const INTL_LOCALES: Readonly<Record<Lang, string>> = { fr: 'fr', en: 'en', ar: 'ar-MA-u-nu-latn' };

export function intlLocale(lang: Lang): string {
  return INTL_LOCALES[lang];
}

/** "1 234" (fr, narrow no-break space), "1,234" (en) or "1.234" (ar): counts shown to people. */
export function formatNumber(value: number, lang: Lang): string {
  return new Intl.NumberFormat(intlLocale(lang)).format(value);
}

const SIZE_UNITS: Readonly<Record<Lang, readonly string[]>> = {
  fr: ['o', 'Ko', 'Mo', 'Go'],
  en: ['B', 'KB', 'MB', 'GB'],
  ar: ['بايت', 'كيلوبايت', 'ميغابايت', 'غيغابايت'],
};

/** "820 o", "12,5 Ko", "3,4 Mo" (fr), "820 B", "12.5 KB", "3.4 MB" (en), « 3,4 ميغابايت » (ar). */
export function formatSize(bytes: number, lang: Lang): string {
  const units = SIZE_UNITS[lang];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${new Intl.NumberFormat(intlLocale(lang), { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}

/** A moment as people read it: "30 nov. 2026, 10:05" (fr), "30 Nov 2026, 10:05" (en); '' when absent. */
export function formatDate(iso: string | null | undefined, lang: Lang): string {
  return formatDateTime(iso, lang, 'medium');
}

/** A moment with the month in words: "30 novembre 2026 à 10:05" (fr), « 30 نونبر 2026 في 10:05 » (ar). */
export function formatDateTime(
  iso: string | null | undefined,
  lang: Lang,
  dateStyle: 'medium' | 'long' = 'long',
): string {
  const date = parse(iso);
  return date
    ? new Intl.DateTimeFormat(intlLocale(lang), { dateStyle, timeStyle: 'short' }).format(date)
    : '';
}

/** A day without the time: "30 nov. 2026" (fr), "Nov 30, 2026" (en), « 30‏/11‏/2026 » (ar); '' when absent. */
export function formatDay(iso: string | null | undefined, lang: Lang): string {
  const date = parse(iso);
  return date ? new Intl.DateTimeFormat(intlLocale(lang), { dateStyle: 'medium' }).format(date) : '';
}

function parse(iso: string | null | undefined): Date | undefined {
  if (!iso) return undefined;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
