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

/** "arabe" / "Arabic" for `ar`; the code itself when unknown. */
export function languageName(code: string | null | undefined, lang: string): string {
  if (!code) return '';
  const name = displayNames(lang, 'language')?.of(code) ?? code;
  return name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);
}

/**
 * A date (and time) in the UI language through Intl — Angular's DatePipe would need locale data
 * registered for every UI language.
 */
export function formatDate(iso: string | null | undefined, lang: string, withTime = false): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(lang, {
    dateStyle: withTime ? 'long' : 'medium',
    ...(withTime ? { timeStyle: 'short' } : {}),
  }).format(date);
}
