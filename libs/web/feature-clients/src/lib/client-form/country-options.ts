import { COUNTRY_CODES, resolveCountry } from '@passerelle/domain-validators';
import { countryName } from '@passerelle/web-ui-clients';

export interface CountryOption {
  code: string;
  name: string;
}

const optionsByLang = new Map<string, readonly CountryOption[]>();
const codeByName = new Map<string, string>();
/** Each option's folded name and the folded words of that name, computed once. */
const foldedNames = new WeakMap<CountryOption, { name: string; words: string[] }>();

const MARKS = /\p{M}/gu;
const WORD_BREAKS = /[\s\-‐’'().,/]+/u;

/** Lower-case, accents removed: "Émirats" matches "emirats". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(MARKS, '').toLocaleLowerCase().trim();
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
 * The countries the typed text designates: one when it is understood (a name this UI offers, or anything the
 * shared resolver accepts: المغرب, Marokko, MA, « Royaume de Belgique », a one-letter slip), the candidates
 * when it is ambiguous (Congo → CD, CG), none otherwise.
 */
export function countryCandidates(text: string): readonly string[] {
  if (!text.trim()) return [];
  const offered = codeByName.get(fold(text));
  if (offered) return [offered];
  const resolved = resolveCountry(text);
  if (resolved.ok) return [resolved.value];
  return resolved.code === 'ambiguous_country' && resolved.hint ? resolved.hint.split(', ') : [];
}

/** The ISO code of what the user typed, when it designates exactly one country. */
export function countryCode(text: string, langs: readonly string[]): string | undefined {
  for (const lang of langs) countryOptions(lang);
  const candidates = countryCandidates(text);
  return candidates.length === 1 ? candidates[0] : undefined;
}

function folded(option: CountryOption): { name: string; words: string[] } {
  let entry = foldedNames.get(option);
  if (!entry) {
    const name = fold(option.name);
    entry = { name, words: name.split(WORD_BREAKS).filter(Boolean) };
    foldedNames.set(option, entry);
  }
  return entry;
}

/**
 * The suggestions for what was typed, best first: the country (or countries, when ambiguous) it designates;
 * the country whose ISO code it is; names that start with it (alphabetically); names with a word that starts
 * with it; names that contain it. "ma" gives Maroc first, then Macédoine du Nord, Madagascar, Malaisie…; so
 * the first option is always the resolved country. Everything, alphabetically, when nothing is typed.
 */
export function filterCountries(options: readonly CountryOption[], typed: string): readonly CountryOption[] {
  const query = fold(typed);
  if (!query) return options;
  const designated = countryCandidates(typed);
  const ranked: { option: CountryOption; rank: number }[] = [];
  options.forEach((option) => {
    const { name, words } = folded(option);
    const at = designated.indexOf(option.code);
    let rank: number;
    if (at >= 0) rank = at;
    else if (option.code.toLowerCase() === query) rank = 100;
    else if (name.startsWith(query)) rank = 200;
    else if (words.some((word) => word.startsWith(query))) rank = 300;
    else if (name.includes(query)) rank = 400;
    else return;
    ranked.push({ option, rank });
  });
  // Array.prototype.sort is stable: equal ranks keep the options' alphabetical order
  return ranked.sort((a, b) => a.rank - b.rank).map(({ option }) => option);
}
