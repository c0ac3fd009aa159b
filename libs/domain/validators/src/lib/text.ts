/*
 * Character-level helpers shared by the normalisers and by tools/country-index/generate.ts (which must build
 * its keys with exactly the function the runtime uses to look them up).
 */

/** Zero-width and bidi-control characters that copy-paste brings along (common around Arabic text). */
export function isInvisible(c: number): boolean {
  return (
    (c >= 0x80 && c <= 0x9f) || // C1 controls
    c === 0x00ad ||
    c === 0x061c ||
    c === 0x180e ||
    (c >= 0x200b && c <= 0x200f) ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2060 && c <= 0x2064) ||
    (c >= 0x2066 && c <= 0x2069) ||
    c === 0xfeff
  );
}

/** Any kind of space, including no-break and narrow no-break spaces (French thousands separators). */
export function isSpace(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** Separators people type between groups of an identifier's digits: spaces, dots, hyphens and dashes. */
export function isGroupSeparator(c: number): boolean {
  return (
    isSpace(c) ||
    c === 0x2e ||
    c === 0x2d ||
    (c >= 0x2010 && c <= 0x2015) ||
    c === 0x2212 ||
    c === 0xfe58 ||
    c === 0xfe63 ||
    c === 0xff0d
  );
}

/** Value 0–9 of an ASCII, Arabic-Indic (٠–٩) or Extended Arabic-Indic (۰–۹) digit; -1 for anything else. */
export function digitValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x660 && c <= 0x669) return c - 0x660;
  if (c >= 0x6f0 && c <= 0x6f9) return c - 0x6f0;
  return -1;
}

const ASCII_DIGITS = /^[0-9]+$/;
const GROUPED_ASCII_DIGITS = /^[0-9][0-9 .\-\u00a0\u202f]*$/;
const ASCII_GROUP_SEPARATORS = /[ .\-\u00a0\u202f]/g;

/**
 * The digits of an identifier typed by a person, as ASCII: group separators and invisible characters are
 * dropped, Arabic-Indic digits converted. Returns null when any other character is present, '' when
 * nothing but separators was typed.
 */
export function extractDigits(text: string): string | null {
  if (ASCII_DIGITS.test(text)) return text;
  if (GROUPED_ASCII_DIGITS.test(text)) return text.replace(ASCII_GROUP_SEPARATORS, '');
  let digits = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const d = digitValue(c);
    if (d >= 0) digits += String.fromCharCode(0x30 + d);
    else if (!isGroupSeparator(c) && !isInvisible(c)) return null;
  }
  return digits;
}

/** Remainder modulo 97 of a string of ASCII digits of any length, without big integers. */
export function mod97(digits: string): number {
  let remainder = 0;
  for (let i = 0; i < digits.length; i++) {
    remainder = remainder * 10 + digits.charCodeAt(i) - 0x30;
    // reduce only when needed: below 10^14, one more digit stays an exact double
    if (remainder >= 1e14) remainder %= 97;
  }
  return remainder % 97;
}

/** A number written the way a spreadsheet exports a large numeric cell: 1.56119E+14, 1,81E+21. */
export const SCIENTIFIC_NOTATION = /^\s*[0-9]+(?:[.,][0-9]+)?\s*[eE]\s*\+?\s*[0-9]+\s*$/;

// Also the C0/C1 control characters other than white space: a NUL pasted from a PDF or an old export is
// invisible to people and PostgreSQL refuses it in text.
const INVISIBLE_CHARS =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
const SPACE_RUNS = /[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;

/**
 * Free text (names, addresses, cities): invisible characters removed, runs of spaces collapsed, trimmed,
 * Unicode NFC. Zero-width (non-)joiners are kept: they are meaningful in some scripts.
 */
export function cleanText(text: string): string {
  // Most cells are already clean: one scan proves it without allocating.
  let previousSpace = true; // a leading space is not clean
  let composed = true; // below U+0300 every character is already in NFC
  let clean = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20) {
      if (previousSpace) {
        clean = false;
        break;
      }
      previousSpace = true;
    } else if (c < 0x20 || c === 0x7f) {
      clean = false;
      break;
    } else {
      if (c >= 0x300) composed = false;
      if (c >= 0x80) {
        if (isSpace(c) || isInvisible(c)) {
          clean = false;
          break;
        }
      }
      previousSpace = false;
    }
  }
  if (clean && !previousSpace) return composed ? text : text.normalize('NFC');
  return text.replace(INVISIBLE_CHARS, '').replace(SPACE_RUNS, ' ').trim().normalize('NFC');
}

// Combining marks of the scripts whose users type without them: Latin/Greek/Cyrillic diacritics, Hebrew
// points, Arabic harakat and hamza marks (after NFKD, أ إ آ ؤ ئ become their base letter + a mark). Vowel
// signs of Indic and South-East Asian scripts are letters of the word and stay.
/* eslint-disable no-misleading-character-class -- a class of lone combining marks, on purpose */
const MARKS =
  /[\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u08d3-\u08ff\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
/* eslint-enable no-misleading-character-class */
const NOT_KEY_CHARS = /[^\p{L}\p{M}\p{N}]|\u0640/gu;
const ARABIC_LETTER_FORMS = /[\u0671\u0629\u0649\u06cc\u06a9\u06be\u06c1]/g;
const ARABIC_BASE: Readonly<Record<string, string>> = {
  '\u0671': '\u0627', // alef wasla → alef
  '\u0629': '\u0647', // taa marbuta → haa
  '\u0649': '\u064a', // alef maqsura → yaa
  '\u06cc': '\u064a', // Farsi yeh → yaa
  '\u06a9': '\u0643', // keheh → kaf
  '\u06be': '\u0647', // heh doachashmee → haa
  '\u06c1': '\u0647', // heh goal → haa
};

/**
 * The key under which a name is looked up: compatibility-decomposed, case-folded, without diacritics,
 * punctuation or spaces, with Arabic letter forms unified (alef variants, taa marbuta/haa, alef
 * maqsura/yaa, tatweel, harakat). "Côte d’Ivoire", "cote d'ivoire" and "COTE-D-IVOIRE" share one key, as do
 * "الإمارات" and "الامارات".
 */
export function lookupKey(text: string): string {
  return text
    .normalize('NFKD')
    .toUpperCase()
    .toLowerCase()
    .replace(MARKS, '')
    .replace(ARABIC_LETTER_FORMS, (c) => ARABIC_BASE[c] ?? c)
    .replace(NOT_KEY_CHARS, '')
    .normalize('NFC');
}

const TATWEEL = /\u0640/g;
const NOT_NAME_CHARS = /[^\p{L}\p{M}\p{N}]+/gu;
const NAME_LETTER_FORMS = /[\u0671\u0629\u0649\u06cc\u06a9\u06be\u06c1\u06a4\u03c2\u00df]/g;
const NAME_BASE: Readonly<Record<string, string>> = {
  ...ARABIC_BASE,
  '\u06a4': '\u0641', // veh (ڤ, the Maghreb's "v") → faa
  // where a word ends, or whether ẞ was capital, must not change a key
  '\u03c2': '\u03c3', // Greek final sigma → sigma
  '\u00df': 'ss', // ß (also from the capital ẞ) → ss, as upper-casing does
};
const ARABIC_ARTICLE = '\u0627\u0644'; // ال

/**
 * A name (country, language) as words to compare: lookupKey's folding — compatibility forms, case, diacritics,
 * Arabic letter forms, tatweel, harakat — with the words kept (single spaces, no punctuation) and the
 * Arabic article ال dropped from the front of each word, so that « المغرب » and « مغرب », « العربية » and
 * « عربية » read alike. Idempotent.
 */
export function normalizeName(text: string): string {
  const words = text
    .normalize('NFKD')
    .toUpperCase()
    .toLowerCase()
    .replace(MARKS, '')
    .replace(NAME_LETTER_FORMS, (c) => NAME_BASE[c] ?? c)
    .replace(TATWEEL, '')
    .replace(NOT_NAME_CHARS, ' ')
    .trim()
    .split(' ');
  const kept: string[] = [];
  for (let word of words) {
    // an article followed by at least two letters, or written apart (« ال سلفادور »)
    while (word.length >= 4 && word.startsWith(ARABIC_ARTICLE)) word = word.slice(2);
    if (word !== ARABIC_ARTICLE || words.length === 1) kept.push(word);
  }
  return kept.join(' ').normalize('NFC');
}

const SPACE = / /g;

/** The key under which country and language names are indexed and looked up: normalizeName without spaces. */
export function nameKey(text: string): string {
  return normalizeName(text).replace(SPACE, '');
}

/** True for Arabic-script letters (U+0600–U+06FF, U+0750–U+077F, U+08A0–U+08FF). */
export function isArabicLetter(c: number): boolean {
  return (c >= 0x600 && c <= 0x6ff) || (c >= 0x750 && c <= 0x77f) || (c >= 0x8a0 && c <= 0x8ff);
}

/**
 * What people type in a spreadsheet cell to say "nothing here": N/A, #N/A, néant, aucun, NULL, -, --, ?, …
 * Compared case- and space-insensitively (accented and plain spellings are both listed). Two-letter country
 * and language codes are never placeholders ("NA" is Namibia), nor is a yes/no word such as "non" or "x".
 */
const PLACEHOLDER_WORDS = [
  'n/a', 'n/a.', 'n.a.', 'n.a', 'n / a', '#n/a', '#na', '#n/d', 'n/d', 'n.d.', '#null!', '#valeur!', '#value!', '#ref!',
  'null', 'nil', 'none', 'nan', 'undefined', 'néant', 'neant', 'aucun', 'aucune', 'rien', 'vide', 'inconnu', 'inconnue',
  'unknown', 'empty', 'sans', 'sans objet', 's/o', 'non renseigné', 'non renseigne', 'non renseignée', 'non renseignee',
  'non communiqué', 'non communique', 'non applicable', 'not applicable', 'ninguno', 'ninguna', 'keine', 'keiner',
  'لا يوجد', 'لا شيء', 'لا شئ', 'لا شىء', 'غير متوفر', 'غير معروف', 'بدون',
]; // prettier-ignore
const PLACEHOLDERS = new Set(PLACEHOLDER_WORDS.map((word) => word.normalize('NFC')));
const FILLER = /^[\s\-‐‑‒–—―−_.…?¿/\\*#~=+]+$/;
const LONGEST_PLACEHOLDER = Math.max(...PLACEHOLDER_WORDS.map((word) => word.length)) + 8;
/** First characters a placeholder can have (ASCII only: any other first character is looked at further). */
const PLACEHOLDER_START = new Uint8Array(0x80);
for (const word of PLACEHOLDER_WORDS) {
  const c = word.charCodeAt(0);
  if (c < 0x80) PLACEHOLDER_START[c] = PLACEHOLDER_START[word.toUpperCase().charCodeAt(0)] = 1;
}
for (const c of ' \t\n\r-_.?/\\*#~=+') PLACEHOLDER_START[c.charCodeAt(0)] = 1;
/** The same beyond ASCII: the placeholders' own first letters and the dashes, ellipsis and ¿ of FILLER. */
const PLACEHOLDER_START_BEYOND_ASCII = new Set([
  ...PLACEHOLDER_WORDS.map((word) => word.charCodeAt(0)).filter((c) => c >= 0x80),
  ...[...'‐‑‒–—―−…¿'].map((c) => c.charCodeAt(0)),
]);

const lowerAscii = (c: number): number => (c >= 0x41 && c <= 0x5a ? c | 0x20 : c);
const isWordStart = (c: number): boolean => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
/** The first three characters, lower-cased, of every placeholder that starts with a letter or '#'. */
const PLACEHOLDER_PREFIXES = new Set<number>();
for (const word of PLACEHOLDER_WORDS) {
  if (word.length >= 3 && word.charCodeAt(1) < 0x80 && word.charCodeAt(2) < 0x80)
    PLACEHOLDER_PREFIXES.add((word.charCodeAt(0) << 14) | (word.charCodeAt(1) << 7) | word.charCodeAt(2));
}

/** A cell that says "nothing here" (see PLACEHOLDER_WORDS); blank text is not a placeholder, just empty. */
export function isPlaceholder(text: string): boolean {
  const n = text.length;
  if (n === 0 || n > LONGEST_PLACEHOLDER) return false;
  // Names, identifiers, e-mail addresses: their first three characters rule nearly all of them out at once
  // (this runs for several fields of every imported row).
  const c0 = text.charCodeAt(0);
  if (c0 >= 0x80) {
    if (!PLACEHOLDER_START_BEYOND_ASCII.has(c0) && !isSpace(c0) && !isInvisible(c0)) return false;
  } else {
    if (PLACEHOLDER_START[c0] === 0) return false;
    if (isWordStart(c0) || c0 === 0x23) {
      if (n < 3) return false;
      const c1 = text.charCodeAt(1);
      const c2 = text.charCodeAt(2);
      if (c1 < 0x80 && c2 < 0x80) {
        const prefix = (lowerAscii(c0) << 14) | (lowerAscii(c1) << 7) | lowerAscii(c2);
        if (!PLACEHOLDER_PREFIXES.has(prefix)) return false;
      }
    }
  }
  const lower = text.toLowerCase();
  if (PLACEHOLDERS.has(lower)) return true;
  const clean = cleanText(lower);
  if (!clean) return false;
  if (FILLER.test(clean)) return true;
  return clean !== lower && PLACEHOLDERS.has(clean);
}
