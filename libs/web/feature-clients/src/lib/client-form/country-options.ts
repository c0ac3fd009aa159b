import { COUNTRY_CODES, resolveCountry } from '@passerelle/domain-validators';
import { countryName } from '@passerelle/web-ui-clients';

export interface CountryOption {
  code: string;
  name: string;
}

const optionsByLang = new Map<string, readonly CountryOption[]>();
const codeByName = new Map<string, string>();

/** Lower-case, accents removed: "Émirats" matches "emirats". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase().trim();
}

/** Every country the validators know, named in `lang` by the browser (Intl.DisplayNames), sorted. */
export function countryOptions(lang: string): readonly CountryOption[] {
  let options = optionsByLang.get(lang);
  if (!options) {
    options = COUNTRY_CODES.map((code) => ({ code, name: countryName(code, lang) })).sort((a, b) =>
      a.name.localeCompare(b.name, lang),
    );
    optionsByLang.set(lang, options);
    for (const option of options) codeByName.set(fold(option.name), option.code);
  }
  return options;
}

/**
 * The ISO code of what the user typed: first the names this UI offers (the browser's names may differ
 * slightly from the index's), then anything the shared resolver accepts (المغرب, Marokko, MA…).
 */
export function countryCode(text: string, langs: readonly string[]): string | undefined {
  if (!text.trim()) return undefined;
  for (const lang of langs) countryOptions(lang);
  const offered = codeByName.get(fold(text));
  if (offered) return offered;
  const resolved = resolveCountry(text);
  return resolved.ok ? resolved.value : undefined;
}

/** Options whose name (or code) contains what was typed; everything when nothing is typed. */
export function filterCountries(options: readonly CountryOption[], typed: string): readonly CountryOption[] {
  const query = fold(typed);
  if (!query) return options;
  return options.filter((option) => fold(option.name).includes(query) || option.code.toLowerCase() === query);
}
