import { SUPPORTED_LANGUAGES, SupportedLanguage } from '@passerelle/domain-client';
import { CellInput, Check, fail, ok } from './cell';
import { isPlaceholder, nameKey } from './text';

/**
 * Names of each supported language in each supported language and in its own (CLDR's, reviewed; a test
 * checks them against Intl.DisplayNames in fr, en, ar, es, de), plus the everyday forms people type: Arabic
 * adjectives (عربي, فرنسي), regional names (castillan, flamand), Darija and Fusha for Arabic. Looked up
 * through nameKey: « العربية » and « عربية », « Français » and « francais » are one key.
 */
const LANGUAGE_NAMES: { readonly [L in SupportedLanguage]: readonly string[] } = {
  fr: ['français', 'French', 'الفرنسية', 'فرنسي', 'francés', 'Französisch', 'Frans', 'francese', 'francês', 'ⵜⴰⴼⵔⴰⵏⵙⵉⵙⵜ'],
  en: ['anglais', 'English', 'الإنجليزية', 'الإنكليزية', 'إنجليزي', 'إنكليزي', 'inglés', 'Englisch', 'Engels', 'inglese', 'inglês', 'ⵜⴰⵏⴳⵍⵉⵣⵜ'],
  ar: [
    'arabe', 'Arabic', 'العربية', 'عربي', 'árabe', 'Arabisch', 'arabo', 'ⵜⴰⵄⵔⴰⴱⵜ', 'darija', 'الدارجة', 'arabe marocain',
    'Moroccan Arabic', 'arabe standard', 'arabe classique', 'arabe littéraire', 'Standard Arabic', 'Modern Standard Arabic',
    'العربية الفصحى', 'الفصحى',
  ],
  es: ['espagnol', 'Spanish', 'الإسبانية', 'إسباني', 'español', 'castellano', 'castillan', 'Spanisch', 'Spaans', 'spagnolo', 'espanhol', 'ⵜⴰⵙⴱⵏⵢⵓⵍⵉⵜ'],
  de: ['allemand', 'German', 'الألمانية', 'ألماني', 'alemán', 'Deutsch', 'Duits', 'tedesco', 'alemão', 'ⵜⴰⵍⵉⵎⴰⵏⵜ'],
  nl: ['néerlandais', 'hollandais', 'flamand', 'Dutch', 'Flemish', 'الهولندية', 'هولندي', 'neerlandés', 'Niederländisch', 'Nederlands', 'Vlaams', 'olandese', 'holandês', 'ⵜⴰⵀⵓⵍⴰⵏⴷⵉⵜ'],
  it: ['italien', 'Italian', 'الإيطالية', 'إيطالي', 'italiano', 'Italienisch', 'Italiaans', 'ⵜⴰⵟⴰⵍⵢⴰⵏⵜ'],
  pt: ['portugais', 'Portuguese', 'البرتغالية', 'برتغالي', 'portugués', 'Portugiesisch', 'Portugees', 'portoghese', 'português', 'ⵜⴰⴱⵕⵟⵇⵉⵣⵜ'],
  zgh: [
    'amazighe standard marocain', 'Standard Moroccan Tamazight', 'التمازيغية المغربية القياسية', 'tamazight estándar marroquí',
    'Standaard Marokkaanse Tamazight', 'tamazight del Marocco standard', 'tamazirte marroqino padrão', 'ⵜⴰⵎⴰⵣⵉⵖⵜ',
    'Tamazight', 'amazighe', 'amazigh', 'berbère', 'Berber', 'الأمازيغية', 'أمازيغي', 'تمازيغت',
  ],
}; // prettier-ignore

/**
 * ISO 639-1, 639-2 (B and T) and 639-3 codes of the supported languages. Moroccan (ary) and Standard (arb)
 * Arabic are members of the Arabic macrolanguage; 'ber' is ISO 639-2's collective code for Berber languages.
 */
const LANGUAGE_CODES: { readonly [L in SupportedLanguage]: readonly string[] } = {
  fr: ['fr', 'fra', 'fre'],
  en: ['en', 'eng'],
  ar: ['ar', 'ara', 'arb', 'ary'],
  es: ['es', 'spa'],
  de: ['de', 'deu', 'ger'],
  nl: ['nl', 'nld', 'dut'],
  it: ['it', 'ita'],
  pt: ['pt', 'por'],
  zgh: ['zgh', 'ber'],
};

const KNOWN = new Map<string, SupportedLanguage>();
/** [name key, language] of every name, for prefixes ("Angl." → en, "Néerl" → nl). */
const NAME_KEYS: [string, SupportedLanguage][] = [];
for (const language of SUPPORTED_LANGUAGES) {
  for (const code of LANGUAGE_CODES[language]) KNOWN.set(code, language);
  for (const name of LANGUAGE_NAMES[language]) {
    const key = nameKey(name);
    KNOWN.set(key, language);
    NAME_KEYS.push([key, language]);
  }
}

/** ISO 639-1: to recognise a real language the product does not support (unsupported vs unknown). */
const ISO_639_1 =
  'aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu';

let otherLanguageNames: Set<string> | undefined;

/** Names of all ISO 639-1 languages in French, English, Arabic, Spanish, German and their own, from Intl. */
function isOtherLanguageName(key: string): boolean {
  if (!otherLanguageNames) {
    const names = new Set<string>();
    const addNames = (locale: string, codes: readonly string[]) => {
      try {
        const display = new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' });
        for (const code of codes) {
          const name = display.of(code);
          if (name) names.add(nameKey(name));
        }
      } catch {
        // a runtime without data for this locale recognises fewer names; the answer stays an error
      }
    };
    const codes = ISO_639_1.split(' ');
    for (const locale of ['fr', 'en', 'ar', 'es', 'de']) addNames(locale, codes);
    for (const code of codes) addNames(code, [code]);
    otherLanguageNames = names;
  }
  return otherLanguageNames.has(key);
}

const CODE_SHAPED = /^[a-z]{2,3}$/;
const TWO_LETTERS = /^[a-z]{2}$/;
const LOCALE_TAG = /^\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})+\s*$/;
const SEVERAL = /[/,;&+|]|\s[-–]\s|\s(?:et|and|ou|or|y|und|e|و)\s/;
/** « Français (Maroc) », "English (UK)", « Amazighe (tifinagh) » */
const IN_BRACKETS = /^(.+?)\s*[(（[](.+?)[)）\]]\s*$/u;
/** « Français-Maroc », "English_US", « Arabe-Darija » (no spaces around: a spaced dash separates languages) */
const JOINED = /^(.*[^\s\-_])[-_]([^\s\-_]+)$/u;
const MIN_PREFIX = 3;

/** The supported language of whose names (in any supported language) the key is the start, if only one. */
function byPrefix(key: string): Check<string> | undefined {
  if (key.length < MIN_PREFIX) return undefined;
  let found: SupportedLanguage | undefined;
  for (const [name, language] of NAME_KEYS) {
    if (!name.startsWith(key) || found === language) continue;
    if (found) return undefined; // "only when unambiguous"
    found = language;
  }
  return found && ok(found);
}

/** One language, without a qualifier: a code, a name, a locale tag, or the start of a name. */
function resolveOne(text: string, key: string): Check<string> | undefined {
  const known = KNOWN.get(key);
  if (known) return ok(known);
  // A two-letter input is an ISO 639-1 code ("Ne" is Nepali, not the start of Nederlands), never a prefix.
  if (TWO_LETTERS.test(key)) return fail('unsupported_language');
  const tag = LOCALE_TAG.exec(text);
  if (tag) {
    const base = KNOWN.get(tag[1].toLowerCase());
    return base && LANGUAGE_CODES[base].includes(tag[1].toLowerCase())
      ? ok(base)
      : fail('unsupported_language');
  }
  return undefined;
}

/** « Français (Maroc) » is French; « Français (Arabe) » names two languages. */
function byQualifier(text: string): Check<string> | undefined {
  const parts = IN_BRACKETS.exec(text) ?? JOINED.exec(text);
  if (!parts) return undefined;
  const headKey = nameKey(parts[1]);
  const head = resolveOne(parts[1], headKey) ?? byPrefix(headKey);
  if (!head) return isOtherLanguageName(headKey) ? fail('unsupported_language') : undefined;
  if (!head.ok) return head.code === 'unsupported_language' ? head : undefined;
  // a code after the name is a region ("néerlandais_BE", "English (US)"); a name, a second language
  const tailKey = nameKey(parts[2]);
  const tail = CODE_SHAPED.test(tailKey) ? undefined : KNOWN.get(tailKey);
  return tail && tail !== head.value ? fail('ambiguous_language', `${head.value}, ${tail}`) : head;
}

const cache = new Map<string, Check<string>>();

function resolveText(text: string): Check<string> {
  if (isPlaceholder(text)) return fail('required');
  const key = nameKey(text);
  if (!key) return text.trim() ? fail('unknown_language') : fail('required');
  const one = resolveOne(text, key);
  if (one) return one;
  const qualified = byQualifier(text);
  if (qualified) return qualified;
  if (SEVERAL.test(text)) {
    const found = new Set<string>();
    for (const part of text.split(SEVERAL)) {
      const partKey = nameKey(part);
      const single = KNOWN.get(partKey) ?? (byPrefix(partKey) as { value?: string } | undefined)?.value;
      if (single) found.add(single);
    }
    if (found.size === 1) return ok([...found][0]);
    if (found.size > 1) return fail('ambiguous_language', [...found].join(', '));
  }
  const prefix = byPrefix(key);
  if (prefix) return prefix;
  if (CODE_SHAPED.test(key) || isOtherLanguageName(key)) return fail('unsupported_language');
  return fail('unknown_language');
}

/**
 * ISO 639-1 code (or 'zgh') of a supported language typed as:
 *
 * - an ISO 639-1, 639-2 (B/T) or 639-3 code in any case (fr, FRA, fre, ara, deu, zgh) or a locale tag
 *   (fr-FR, en_US); a two-letter input is always read as a code: "Ne" is Nepali (unsupported), not Nederlands;
 * - a name in fr, en, ar, es, de, nl, it, pt or the language itself, with or without the Arabic article
 *   (العربية, عربية), with a region or variant in brackets or after -/_ (« Français (Maroc) », "English_UK");
 * - the start of a name, from three letters and only when it starts the names of one language ("Angl.", « Néerl »).
 *
 * A placeholder (N/A, -) is `required`; a real language outside the list, or any other 2–3 letter code,
 * `unsupported_language`; several languages in one cell `ambiguous_language`; anything else
 * `unknown_language`.
 */
export function resolveLanguage(input: CellInput): Check<string> {
  if (typeof input !== 'string')
    return input === null || input === undefined ? fail('required') : fail('unknown_language');
  let result = cache.get(input);
  if (!result) {
    result = Object.freeze(resolveText(input));
    if (cache.size >= 5_000) cache.clear();
    cache.set(input, result);
  }
  return result;
}
