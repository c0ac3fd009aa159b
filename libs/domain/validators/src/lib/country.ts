import { COUNTRY_ALIASES } from './country-aliases';
import { CellInput, Check, fail, ok } from './cell';
import { lookupKey } from './text';
import countryIndex from './generated/country-index.json';

interface CountryIndex {
  icu: string;
  generated: string;
  alpha3: Record<string, string>;
  codes: Record<string, string[]>;
  ambiguous: Record<string, string[]>;
}

const INDEX = countryIndex as CountryIndex;

/** Version of the ICU/CLDR data the committed index was generated from. */
export const COUNTRY_INDEX_ICU_VERSION: string = INDEX.icu;

/** Every ISO 3166-1 alpha-2 code, sorted. */
export const COUNTRY_CODES: readonly string[] = Object.keys(INDEX.codes).sort();

const ALPHA2 = new Set(COUNTRY_CODES);
const ALPHA3 = new Map(Object.entries(INDEX.alpha3));
const NAMES = new Map<string, string>();
const AMBIGUOUS = new Map<string, string>();

for (const [code, keys] of Object.entries(INDEX.codes)) for (const key of keys) NAMES.set(key, code);
for (const [key, codes] of Object.entries(INDEX.ambiguous)) AMBIGUOUS.set(key, codes.join(', '));
for (const [alias, target] of Object.entries(COUNTRY_ALIASES)) {
  const key = lookupKey(alias);
  if (typeof target === 'string') {
    NAMES.set(key, target);
    AMBIGUOUS.delete(key);
  } else {
    NAMES.delete(key);
    AMBIGUOUS.set(key, [...target].sort().join(', '));
  }
}

const TWO_OR_THREE_LETTERS = /^[a-z]{2,3}$/;

// Files repeat the same few spellings thousands of times: remember each raw spelling's answer.
const cache = new Map<string, Check<string>>();

function resolveText(text: string): Check<string> {
  const key = lookupKey(text);
  if (!key) return text.trim() ? fail('unknown_country') : fail('required');
  if (TWO_OR_THREE_LETTERS.test(key)) {
    const code = key.toUpperCase();
    if (key.length === 2 && ALPHA2.has(code)) return ok(code);
    const fromAlpha3 = ALPHA3.get(code);
    if (fromAlpha3) return ok(fromAlpha3);
  }
  const byName = NAMES.get(key);
  if (byName) return ok(byName);
  const candidates = AMBIGUOUS.get(key);
  if (candidates) return fail('ambiguous_country', candidates);
  return fail('unknown_country');
}

/**
 * ISO 3166-1 alpha-2 code of a country typed as an alpha-2 or alpha-3 code in any case, or as its name in
 * any language and script CLDR knows (Maroc, Morocco, المغرب, Marokko, ⵍⵎⵖⵔⵉⴱ), or as a reviewed alias
 * (UK, EAU, Royaume du Maroc). No fuzzy matching: a misspelt name is `unknown_country`, a name shared by
 * several countries (Congo) is `ambiguous_country` with the candidates as hint.
 */
export function resolveCountry(input: CellInput): Check<string> {
  if (typeof input !== 'string')
    return input === null || input === undefined ? fail('required') : fail('unknown_country');
  let result = cache.get(input);
  if (!result) {
    result = Object.freeze(resolveText(input));
    if (cache.size >= 20_000) cache.clear();
    cache.set(input, result);
  }
  return result;
}
