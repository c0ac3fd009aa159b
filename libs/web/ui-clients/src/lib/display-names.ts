import { formatDateTime, formatDay, type Lang } from '@passerelle/web-util-i18n';

/**
 * Names browsers do not know (CLDR has no display name for every code; Chromium shows "Zgh"), in the UI
 * languages. Standard Moroccan Tamazight is written in Tifinagh: the name says so.
 */
const LANGUAGE_NAME_OVERRIDES: Readonly<Record<string, Readonly<Record<Lang, string>>>> = {
  zgh: { fr: 'Amazighe (tifinagh)', en: 'Amazigh (Tifinagh)', ar: 'الأمازيغية (تيفيناغ)' },
};

const cache = new Map<string, Intl.DisplayNames | null>();

function displayNames(lang: string, type: 'region' | 'language'): Intl.DisplayNames | null {
  const key = `${lang}:${type}`;
  if (!cache.has(key)) {
    try {
      cache.set(key, new Intl.DisplayNames([lang], { type, fallback: 'code' }));
    } catch {
      cache.set(key, null); // a browser without Intl.DisplayNames shows the code
    }
  }
  return cache.get(key) ?? null;
}

/** "Maroc" for `MA` in French, "Morocco" in English; the code itself when the browser cannot tell. */
export function countryName(code: string | null | undefined, lang: string): string {
  if (!code) return '';
  return displayNames(lang, 'region')?.of(code.toUpperCase()) ?? code;
}

/** "Arabe" / "Arabic" for `ar` (the product's own name where browsers have none); the code when unknown. */
export function languageName(code: string | null | undefined, lang: string): string {
  if (!code) return '';
  const override = LANGUAGE_NAME_OVERRIDES[code]?.[lang as Lang];
  if (override) return override;
  const name = displayNames(lang, 'language')?.of(code) ?? code;
  return name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);
}

/**
 * A day (or, `withTime`, a moment with the month in words) in the UI language. Kept for the pages that still
 * import it from here; the formatting itself lives in util-i18n (formatDay, formatDateTime, I18n.date()).
 */
export function formatDate(iso: string | null | undefined, lang: Lang, withTime = false): string {
  return withTime ? formatDateTime(iso, lang, 'long') : formatDay(iso, lang);
}

/** Languages offered first in a language list: the ones a Moroccan firm's clients use most. */
export const COMMON_LANGUAGES: readonly string[] = ['fr', 'ar', 'en', 'zgh', 'es', 'de'];

export interface LanguageOption {
  code: string;
  name: string;
}

/**
 * Options for a language select: every code of `accepted` (the domain's list) named in the UI language,
 * the common ones first in COMMON_LANGUAGES order, then the others alphabetically.
 */
export function languageOptions(accepted: readonly string[], lang: string): LanguageOption[] {
  const common = COMMON_LANGUAGES.filter((code) => accepted.includes(code));
  const others = accepted
    .filter((code) => !common.includes(code))
    .map((code) => ({ code, name: languageName(code, lang) }))
    .sort((a, b) => a.name.localeCompare(b.name, lang));
  return [...common.map((code) => ({ code, name: languageName(code, lang) })), ...others];
}
