import { SUPPORTED_LANGUAGES, SupportedLanguage } from '@passerelle/domain-client';
import { CellInput, Check, fail, ok } from './cell';
import { lookupKey } from './text';

/**
 * Names of each supported language in each supported language (CLDR's, reviewed), plus the everyday forms
 * people type: Arabic adjectives (عربي, فرنسي), regional names (castillan, flamand), Darija for Arabic.
 */
const LANGUAGE_NAMES: { readonly [L in SupportedLanguage]: readonly string[] } = {
  fr: ['français', 'French', 'الفرنسية', 'فرنسي', 'francés', 'Französisch', 'Frans', 'francese', 'francês', 'ⵜⴰⴼⵔⴰⵏⵙⵉⵙⵜ'],
  en: ['anglais', 'English', 'الإنجليزية', 'الإنكليزية', 'إنجليزي', 'إنكليزي', 'inglés', 'Englisch', 'Engels', 'inglese', 'inglês', 'ⵜⴰⵏⴳⵍⵉⵣⵜ'],
  ar: ['arabe', 'Arabic', 'العربية', 'عربي', 'árabe', 'Arabisch', 'arabo', 'ⵜⴰⵄⵔⴰⴱⵜ', 'darija', 'الدارجة', 'arabe marocain', 'Moroccan Arabic'],
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

/**
 * Abbreviations French-speaking staff type in a language column. They win over the ISO codes of languages
 * the product does not support ('an' is Aragonese, 'ne' Nepali): nobody here means those.
 */
const FRENCH_ABBREVIATIONS: Readonly<Record<string, SupportedLanguage>> = {
  An: 'en',
  Ang: 'en',
  Angl: 'en',
  Fran: 'fr',
  Franç: 'fr',
  Arab: 'ar',
  Esp: 'es',
  Espa: 'es',
  Al: 'de',
  All: 'de',
  Allem: 'de',
  Né: 'nl',
  Néer: 'nl',
  Néerl: 'nl',
  Holl: 'nl',
  Ital: 'it',
  Po: 'pt',
  Port: 'pt',
  Amaz: 'zgh',
};

const KNOWN = new Map<string, SupportedLanguage>();
for (const language of SUPPORTED_LANGUAGES) {
  for (const code of LANGUAGE_CODES[language]) KNOWN.set(code, language);
  for (const name of LANGUAGE_NAMES[language]) KNOWN.set(lookupKey(name), language);
}
for (const [abbreviation, language] of Object.entries(FRENCH_ABBREVIATIONS))
  KNOWN.set(lookupKey(abbreviation), language);

/** ISO 639-1: to recognise a real language the product does not support (unsupported vs unknown). */
const ISO_639_1 =
  'aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu';

let otherLanguageNames: Set<string> | undefined;

/** Names of all ISO 639-1 languages in French, English, Arabic and their own language, from Intl. */
function isOtherLanguageName(key: string): boolean {
  if (!otherLanguageNames) {
    const names = new Set<string>();
    const codes = ISO_639_1.split(' ');
    const addName = (locale: string, code: string) => {
      try {
        const name = new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' }).of(code);
        if (name) names.add(lookupKey(name));
      } catch {
        // a runtime without data for this locale recognises fewer names; the answer stays an error
      }
    };
    for (const code of codes) {
      for (const locale of ['fr', 'en', 'ar']) addName(locale, code);
      addName(code, code);
    }
    otherLanguageNames = names;
  }
  return otherLanguageNames.has(key);
}

const CODE_SHAPED = /^[a-z]{2,3}$/;
const LOCALE_TAG = /^\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})+\s*$/;
const SEVERAL = /[/,;&+|]|\s[-–]\s|\s(?:et|and|ou|or|y|und|e|و)\s/;

const cache = new Map<string, Check<string>>();

function resolveText(text: string): Check<string> {
  const key = lookupKey(text);
  if (!key) return text.trim() ? fail('unknown_language') : fail('required');
  const known = KNOWN.get(key);
  if (known) return ok(known);
  const tag = LOCALE_TAG.exec(text);
  if (tag) {
    const base = KNOWN.get(tag[1].toLowerCase());
    return base && LANGUAGE_CODES[base].includes(tag[1].toLowerCase())
      ? ok(base)
      : fail('unsupported_language');
  }
  if (SEVERAL.test(text)) {
    const found = new Set<string>();
    for (const part of text.split(SEVERAL)) {
      const one = KNOWN.get(lookupKey(part));
      if (one) found.add(one);
    }
    if (found.size === 1) return ok([...found][0]);
    if (found.size > 1) return fail('ambiguous_language', [...found].join(', '));
  }
  if (CODE_SHAPED.test(key) || isOtherLanguageName(key)) return fail('unsupported_language');
  return fail('unknown_language');
}

/**
 * ISO 639-1 code (or 'zgh') of a supported language typed as a code (fr, FRA, fr-FR, en_US), a name in any
 * supported language (Français, Anglais, English, العربية, ⵜⴰⵎⴰⵣⵉⵖⵜ) or a French abbreviation (An → en).
 * A real language outside the list, or any other 2–3 letter code, is `unsupported_language`; several
 * languages in one cell `ambiguous_language`; anything else `unknown_language`.
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
