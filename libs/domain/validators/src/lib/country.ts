import { COUNTRY_ALIASES } from './country-aliases';
import { CellInput, Check, fail, ok } from './cell';
import { isArabicLetter, isPlaceholder, nameKey, normalizeName } from './text';
import countryIndex from './generated/country-index.json';

interface CountryIndex {
  icu: string;
  cldr: string;
  'i18n-iso-countries': string;
  generated: string;
  alpha3: Record<string, string>;
  /** per country, '|'-separated keys of its names in the product's languages */
  codes: Record<string, string>;
  /** per country, '|'-separated keys of its names in every other locale */
  other: Record<string, string>;
  ambiguous: Record<string, string[]>;
}

const INDEX = countryIndex as CountryIndex;

/** Version of the ICU/CLDR data the committed index was generated from. */
export const COUNTRY_INDEX_ICU_VERSION: string = INDEX.icu;

/** The kept sources of country names the committed index was generated from, with their versions. */
export const COUNTRY_INDEX_SOURCES: Readonly<{ cldr: string; icu: string; 'i18n-iso-countries': string }> = {
  cldr: INDEX.cldr,
  icu: INDEX.icu,
  'i18n-iso-countries': INDEX['i18n-iso-countries'],
};

/** Every ISO 3166-1 alpha-2 code, plus Kosovo's user-assigned XK, sorted. */
export const COUNTRY_CODES: readonly string[] = Object.keys(INDEX.codes).sort();

const ALPHA2 = new Set(COUNTRY_CODES);
const ALPHA3 = new Map(Object.entries(INDEX.alpha3));
const NAMES = new Map<string, string>();
/** key → candidates as the error hint gives them: 'CD, CG' */
const AMBIGUOUS = new Map<string, string>();
/** Keys of names in the product's languages and of the aliases: the only candidates of a near match. */
const PRIMARY_KEYS: string[] = [];

for (const [code, keys] of Object.entries(INDEX.codes)) {
  if (!keys) continue;
  for (const key of keys.split('|')) {
    NAMES.set(key, code);
    PRIMARY_KEYS.push(key);
  }
}
for (const [code, keys] of Object.entries(INDEX.other)) {
  if (keys) for (const key of keys.split('|')) NAMES.set(key, code);
}
for (const [key, codes] of Object.entries(INDEX.ambiguous)) AMBIGUOUS.set(key, codes.join(', '));
for (const [alias, target] of Object.entries(COUNTRY_ALIASES)) {
  const key = nameKey(alias);
  if (typeof target === 'string') {
    NAMES.set(key, target);
    AMBIGUOUS.delete(key);
    PRIMARY_KEYS.push(key);
  } else {
    NAMES.delete(key);
    AMBIGUOUS.set(key, [...target].sort().join(', '));
  }
}

/*
 * Official names by rule. « République fédérale d'Allemagne », "Kingdom of Spain", « جمهورية ألبانيا »: the
 * government-form words and the small words around them are dropped and what is left is looked up. Words are
 * compared after normalizeName, so accents, case and the Arabic article do not matter here.
 */
const FORM_WORDS = new Set(
  [
    // fr
    'république', 'rép', 'royaume', 'principauté', 'émirat', 'fédération', 'fédérale', 'fédéral', 'fédérative',
    'fédérés', 'état', 'sultanat', 'commonwealth', 'démocratique', 'dém', 'islamique', 'populaire',
    'socialiste', 'arabe', 'plurinational', 'bolivarienne', 'hachémite', 'coopérative', 'indépendant',
    'orientale', 'confédération', 'union', 'grand', 'grande', 'duché', 'cité', 'unie', 'île', 'îles', 'rd', 'rdc',
    'états', 'unis', 'territoire', 'collectivité', 'département', 'bailliage', 'pays', 'sérénissime',
    'souverain', 'groupe', 'libre', 'associé',
    // en
    'republic', 'kingdom', 'principality', 'emirate', 'federation', 'federal', 'federative', 'federated',
    'state', 'states', 'sultanate', 'democratic', 'islamic', 'people', 'peoples', 'socialist', 'arab',
    'bolivarian', 'hashemite', 'cooperative', 'co', 'operative', 'independent', 'oriental', 'confederation',
    'duchy', 'city', 'united', 'island', 'islands', 'dr', 'drc', 'great', 'territory', 'collectivity',
    'department', 'bailiwick', 'country', 'nation', 'most', 'serene', 'sovereign', 'group', 'free', 'associated',
    // es, pt, it
    'república', 'reino', 'principado', 'emirato', 'federación', 'federativa', 'estado', 'sultanato',
    'mancomunidad', 'democrática', 'islámica', 'popular', 'socialista', 'árabe', 'plurinacional',
    'bolivariana', 'hachemita', 'cooperativa', 'independiente', 'confederación', 'unión', 'gran', 'ducado',
    'ciudad', 'unida', 'unido', 'isla', 'islas', 'repubblica', 'regno', 'principato', 'democratica',
    'ilha', 'ilhas', 'isola', 'isole', 'estados', 'unidos', 'territorio', 'colectividad', 'departamento',
    'bailía', 'país', 'serenísima', 'soberano', 'grupo', 'asociado', 'federativo',
    // de, nl
    'republik', 'bundesrepublik', 'volksrepublik', 'königreich', 'fürstentum', 'föderation', 'bundesstaat',
    'staat', 'demokratische', 'islamische', 'sozialistische', 'arabische', 'plurinationaler', 'bolivarische',
    'haschemitisches', 'kooperative', 'unabhängiger', 'unabhängige', 'östlich', 'eidgenossenschaft',
    'großherzogtum', 'herzogtum', 'vereinigte', 'vereinigtes', 'insel', 'inseln', 'republiek', 'koninkrijk',
    'democratische', 'volksrepubliek', 'föderative', 'föderierte', 'staaten', 'gebiet', 'vogtei',
    'gebietskörperschaft', 'freistaat', 'souveräne',
    // ar
    'جمهورية', 'الجمهورية', 'مملكة', 'المملكة', 'إمارة', 'دولة', 'الاتحادية', 'اتحادية', 'الاتحادي', 'الاتحاد',
    'الديمقراطية', 'الديموقراطية', 'الشعبية', 'الإسلامية', 'العربية', 'الهاشمية', 'المتحدة', 'الاشتراكية',
    'الفيدرالية', 'الفدرالية', 'سلطنة', 'البوليفارية', 'المتعددة', 'القوميات', 'كومنولث', 'دوقية', 'الكبرى',
    'جزر', 'جزيرة', 'التعاونية', 'الشرقية', 'المستقلة', 'مدينة', 'الولايات', 'كومونولث', 'إقليم', 'الفيدرالي',
  ].map(normalizeName),
); // prettier-ignore

/** Words that tell the "democratic" or "people's" state from its namesake (CD from CG, KP from KR). */
const MARKERS = new Set(
  [
    'démocratique', 'dém', 'populaire', 'rd', 'rdc', 'democratic', 'people', 'peoples', 'dr', 'drc',
    'democrática', 'democratica', 'popular', 'demokratische', 'volksrepublik', 'democratische',
    'volksrepubliek', 'الديمقراطية', 'الديموقراطية', 'الشعبية',
  ].map(normalizeName),
); // prettier-ignore

/** An official form without a marker names another state than the name alone: "Republic of China" is TW. */
const UNMARKED_STATE: Readonly<Record<string, string>> = { CN: 'TW' };

/** Ambiguous remainders that a marker settles: [with a marker, without]. */
const SETTLED_BY_MARKER: Readonly<Record<string, readonly [string, string]>> = {
  'CD, CG': ['CD', 'CG'],
  'KP, KR': ['KP', 'KR'],
};

const CONNECTORS = new Set(
  [
    'de', 'du', 'des', 'd', 'la', 'le', 'l', 'les', 'et', 'of', 'the', 'and', 's', 'del', 'el', 'los', 'las',
    'y', 'der', 'die', 'von', 'und', 'do', 'da', 'dos', 'das', 'e', 'di', 'della', 'van', 'het', 'en', 'و',
  ].map(normalizeName),
); // prettier-ignore

/**
 * Adjectival official names (« République algérienne », "Syrian Arab Republic", « الجمهورية التونسية »):
 * an adjective's ending → the endings its country's name may have, most likely first. Tried longest ending
 * first; the first ending that gives a known name wins.
 */
const ADJECTIVE_ENDINGS: readonly (readonly [string, readonly string[]])[] = (
  [
    ['anische', ['o', 'ien', 'a']],
    ['esische', ['on', 'ien', 'a', '']],
    ['ischen', ['ien', '', 'en', 'land', 'istan']],
    ['ischer', ['ien', '', 'en', 'land', 'istan']],
    ['isches', ['ien', '', 'en', 'land', 'istan']],
    ['ische', ['ien', '', 'en', 'land', 'istan']],
    ['ienne', ['ie', '', 'e', 'ia']],
    ['caine', ['que']],
    ['laise', ['']],
    ['enne', ['e', 'ee', '']],
    ['aise', ['e', '', 'al', 'o', 'a']],
    ['oise', ['e', '', 'a']],
    ['aine', ['', 'e', 'a']],
    ['lese', ['']],
    ['anos', ['o', 'ia', 'a']],
    ['que', ['quie', 'que']],
    ['ian', ['ia', 'y', 'a', '']],
    ['ean', ['ea', 'a', 'e']],
    ['ese', ['', 'on', 'a', 'o']],
    ['ish', ['ey', 'and', '']],
    ['ana', ['ia', 'a', 'o', '']],
    ['esa', ['ia', 'a', 'o', '']],
    ['ina', ['ia', 'a']],
    ['ca', ['quia']],
    ['an', ['a', 'o', '']],
    ['a', ['ia', 'istan', 'stan']],
    ['e', ['ie', 'istan', 'stan', 'ia', 'a']],
    ['ية', ['', 'ا', 'يا', 'ان', 'ستان']],
    ['ي', ['', 'ا', 'يا', 'ان', 'ستان']],
    ['', ['ia', 'ie', 'a', 'e', 's', 'en', 'ien', 'stan', 'istan', 'land']],
  ] as const
).map(([ending, names]) => [nameKey(ending), names.map(nameKey)] as const);

/** The answer for a key: a country, ambiguous candidates (settled by a marker when one applies), or none. */
function byKey(key: string, marked?: boolean): Check<string> | undefined {
  const code = NAMES.get(key);
  if (code) return ok(code);
  const candidates = AMBIGUOUS.get(key);
  if (!candidates) return undefined;
  const settled = marked === undefined ? undefined : SETTLED_BY_MARKER[candidates];
  return settled ? ok(settled[marked ? 0 : 1]) : fail('ambiguous_country', candidates);
}

function byAdjective(word: string, marked: boolean): Check<string> | undefined {
  for (const [ending, names] of ADJECTIVE_ENDINGS) {
    if (!word.endsWith(ending) || word.length - ending.length < 3) continue;
    const stem = word.slice(0, word.length - ending.length);
    for (const name of names) {
      const found = byKey(stem + name, marked);
      if (found) return found;
    }
  }
  return undefined;
}

function trimConnectors(words: string[]): string[] {
  let start = 0;
  let end = words.length;
  while (start < end && CONNECTORS.has(words[start])) start++;
  while (end > start && CONNECTORS.has(words[end - 1])) end--;
  return words.slice(start, end);
}

/**
 * « Royaume de Belgique », "Republic of the Congo", « جمهورية مصر العربية », « République tunisienne »,
 * « Les États-Unis d'Amérique », « Bosnie-et-Herzégovine »: the name once the government-form words, the
 * small words around them and the adjective's ending are set aside. A near match of what is left counts too.
 */
function byOfficialForm(text: string): Check<string> | undefined {
  const words = normalizeName(text).split(' ');
  const trimmed = trimConnectors(words);
  if (trimmed.length > 0 && trimmed.length < words.length) {
    const found = byKey(trimmed.join(''));
    if (found) return found;
  }
  const rest: string[] = [];
  let forms = 0;
  let marked = false;
  for (const word of words) {
    if (FORM_WORDS.has(word)) {
      forms++;
      if (MARKERS.has(word)) marked = true;
    } else rest.push(word);
  }
  const kept = trimConnectors(rest);
  if (kept.length === 0) return undefined;
  const withoutConnectors = kept.filter((word) => !CONNECTORS.has(word));
  if (forms === 0) {
    // only the small words: a leading article, or "and" in a name written with another joiner
    if (kept.length === words.length && withoutConnectors.length === kept.length) return undefined;
    return byKey(kept.join('')) ?? byKey(withoutConnectors.join(''));
  }
  const found =
    byKey(kept.join(''), marked) ??
    byKey(withoutConnectors.join(''), marked) ??
    (withoutConnectors.length === 1 ? byAdjective(withoutConnectors[0], marked) : undefined) ??
    byNearMatch(withoutConnectors.join(''));
  const other = found?.ok && !marked ? UNMARKED_STATE[found.value] : undefined;
  return other ? ok(other) : found;
}

const QUALIFIED = /^(.+?)\s*[(（[](.+?)[)）\]]\s*$/u;

/**
 * « Palaos (Palau) », "Guyane (France)", « Congo (RDC) », « جمهورية الصين (تايوان) »: a name that is an index
 * name as written wins; otherwise a qualifier that is one, if it agrees with the ambiguous name or the name
 * needed a rule to be read; otherwise the name read by rule.
 */
function byQualifiedName(text: string): Check<string> | undefined {
  const parts = QUALIFIED.exec(text);
  if (!parts) return undefined;
  const outer = byKey(nameKey(parts[1]));
  if (outer?.ok) return outer;
  const inner = byKey(nameKey(parts[2]));
  if (inner?.ok && (!outer || outer.hint?.split(', ').includes(inner.value))) return inner;
  return byOfficialForm(`${parts[1]} ${parts[2]}`) ?? byOfficialForm(parts[1]) ?? outer;
}

/*
 * Near matches: one typing slip (a letter added, missing, replaced, or two neighbours swapped) in a name of
 * 6 letters or more — 5 in Arabic script, which writes no short vowels and whose keys drop the article —
 * among the names in the product's languages. Accepted only when a single country is that close, and
 * always with a warning naming it.
 */
const NEAR_MIN_LENGTH = 6;
const NEAR_MIN_LENGTH_ARABIC = 5;
let nearBuckets: Map<string, string[]> | undefined;

function nearMinLength(key: string): number {
  return isArabicLetter(key.charCodeAt(0)) ? NEAR_MIN_LENGTH_ARABIC : NEAR_MIN_LENGTH;
}

/** Keys grouped by length and first letter, and by length and last letter: one slip keeps one of the two. */
function buckets(): Map<string, string[]> {
  if (nearBuckets) return nearBuckets;
  nearBuckets = new Map();
  const put = (bucket: string, key: string) => {
    const list = nearBuckets?.get(bucket);
    if (list) list.push(key);
    else nearBuckets?.set(bucket, [key]);
  };
  for (const key of new Set(PRIMARY_KEYS)) {
    if (key.length < nearMinLength(key)) continue;
    put(`${key.length}<${key[0]}`, key);
    put(`${key.length}>${key[key.length - 1]}`, key);
  }
  return nearBuckets;
}

/** Optimal string alignment distance ≤ 1: equal, or one insertion, deletion, substitution or swap apart. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return i + 1 < la && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

function byNearMatch(key: string): Check<string> | undefined {
  if (key.length < nearMinLength(key) - 1) return undefined;
  const all = buckets();
  const codes = new Set<string>();
  for (let length = key.length - 1; length <= key.length + 1; length++) {
    for (const bucket of [`${length}<${key[0]}`, `${length}>${key[key.length - 1]}`]) {
      for (const candidate of all.get(bucket) ?? []) {
        if (withinOneEdit(key, candidate)) codes.add(NAMES.get(candidate) as string);
      }
    }
  }
  if (codes.size === 0) return undefined;
  const sorted = [...codes].sort();
  if (sorted.length > 1) return fail('ambiguous_country', sorted.join(', '));
  return ok(sorted[0], [{ code: 'country_near_match', hint: sorted[0] }]);
}

const TWO_OR_THREE_LETTERS = /^[a-z]{2,3}$/;

function resolveText(text: string): Check<string> {
  if (isPlaceholder(text)) return fail('required');
  const key = nameKey(text);
  if (!key) return text.trim() ? fail('unknown_country') : fail('required');
  if (TWO_OR_THREE_LETTERS.test(key)) {
    const code = key.toUpperCase();
    if (key.length === 2 && ALPHA2.has(code)) return ok(code);
    const fromAlpha3 = ALPHA3.get(code);
    if (fromAlpha3) return ok(fromAlpha3);
  }
  return (
    byKey(key) ?? byQualifiedName(text) ?? byOfficialForm(text) ?? byNearMatch(key) ?? fail('unknown_country')
  );
}

// Files repeat the same few spellings thousands of times: remember each raw spelling's answer.
const cache = new Map<string, Check<string>>();

/**
 * ISO 3166-1 alpha-2 code of a country typed as an alpha-2 or alpha-3 code in any case, or as a name in any
 * language and script (Maroc, Morocco, المغرب, مغرب, Marokko, ⵍⵎⵖⵔⵉⴱ):
 *
 * 1. a placeholder (N/A, néant, -, ?) is an empty cell: `required`;
 * 2. two or three letters are an ISO code first;
 * 3. a name of the index (CLDR and i18n-iso-countries, every locale) or a reviewed alias (UK, EAU);
 * 4. a name with a qualifier in brackets (« Palaos (Palau) »), an official form by rule (« Royaume de
 *    Belgique », "Republic of Albania", « المملكة الأردنية الهاشمية », « République tunisienne »);
 * 5. one typing slip in a long name (« Marrocco », « المسكيك »), only when one country is that close:
 *    accepted with a `country_near_match` warning naming it.
 *
 * A name shared by several countries (Congo) is `ambiguous_country` with the candidate codes as hint; never a
 * guess.
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
