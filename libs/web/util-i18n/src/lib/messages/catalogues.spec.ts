import { ar } from './ar';
import { en } from './en';
import { fr } from './fr';

type Tree = { readonly [key: string]: string | Tree };

/** Every leaf of a message tree as [dotted key, text]. */
function leaves(node: Tree, prefix = ''): [string, string][] {
  return Object.entries(node).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value]] : leaves(value, `${prefix}${key}.`),
  );
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const ARABIC_LETTER = /[\u0621-\u064A]/;
/** What is left of a message once its placeholders, digits, punctuation and spaces are removed. */
const words = (text: string) => text.replace(/\{\w+\}/g, '').replace(/[\s\p{P}\p{S}\d]/gu, '');

/**
 * Values that are the same in every language on purpose: the product's name, each language's own name, file
 * formats, a dash, and messages made only of placeholders.
 */
const SAME_IN_EVERY_LANGUAGE = new Set([
  'app.name',
  'lang.fr',
  'lang.en',
  'lang.ar',
  'team.inviteDialog.languages.fr',
  'team.inviteDialog.languages.en',
  'team.inviteDialog.languages.ar',
  'accountingSoftware.format.csv',
  'accountingSoftware.format.xlsx',
  'common.none',
]);

describe('message catalogues', () => {
  const catalogues = { fr, en, ar } as const;
  const french = leaves(fr);

  it.each(Object.keys(catalogues))('%s has exactly the French keys, none empty', (lang) => {
    const entries = leaves(catalogues[lang as keyof typeof catalogues]);
    expect(entries.map(([key]) => key).sort()).toEqual(french.map(([key]) => key).sort());
    expect(entries.filter(([, text]) => text.trim() === '').map(([key]) => key)).toEqual([]);
  });

  it.each(['en', 'ar'] as const)('%s keeps the placeholders of each French message', (lang) => {
    const translated = new Map(leaves(catalogues[lang]));
    const mismatched = french
      .filter(([key, text]) => placeholders(text).join() !== placeholders(translated.get(key) ?? '').join())
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });

  it('writes every Arabic message in Arabic letters (identifiers and placeholders aside)', () => {
    const notArabic = leaves(ar)
      .filter(([key, text]) => !SAME_IN_EVERY_LANGUAGE.has(key) && words(text) !== '')
      .filter(([, text]) => !ARABIC_LETTER.test(text))
      .map(([key, text]) => `${key}: ${text}`);
    expect(notArabic).toEqual([]);
  });

  // A single word may be the same in French and English (« Contact », « Documents »); a phrase may not.
  it.each(['en', 'ar'] as const)('%s copies no French phrase as is', (lang) => {
    const translated = new Map(leaves(catalogues[lang]));
    const isPhrase = (text: string) => (text.replace(/\{\w+\}/g, '').match(/\p{L}{2,}/gu) ?? []).length >= 3;
    const copied = french
      .filter(([key, text]) => !SAME_IN_EVERY_LANGUAGE.has(key) && isPhrase(text))
      .filter(([key, text]) => translated.get(key) === text)
      .map(([key, text]) => `${key}: ${text}`);
    expect(copied).toEqual([]);
  });

  it('says « عميل » for client and « مكتب المحاسبة » for the firm, as the glossary does', () => {
    expect(ar.nav.clients).toBe('العملاء');
    expect(ar.shell.firm).toBe('مكتب المحاسبة');
    expect(ar.activation.openFolder).toBe('فتح ملف العميل');
    // No second word for the same notion: « زبون » (customer) and « شركة المحاسبة » never appear.
    const all = leaves(ar).map(([, text]) => text);
    expect(all.filter((text) => /زبون|زبائن|شركة المحاسبة/.test(text))).toEqual([]);
  });
});
