import { parseMessage, type MessageNode } from '../message-format';
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

/** Every `{name}` placeholder and `{name, plural, …}` argument of a message, sorted, each name once. */
function argumentsOf(text: string): string[] {
  const names = new Set<string>();
  const walk = (nodes: readonly MessageNode[]): void => {
    for (const node of nodes) {
      if (typeof node === 'string' || node.type === 'pound') continue;
      names.add(node.name);
      if (node.type === 'plural') {
        Object.values(node.categories).forEach(walk);
        node.exact.forEach(walk);
      }
    }
  };
  walk(parseMessage(text));
  return [...names].sort();
}

/** Every plural of a message, nested ones included. */
function pluralsOf(nodes: readonly MessageNode[]): Extract<MessageNode, { type: 'plural' }>[] {
  return nodes.flatMap((node) =>
    typeof node !== 'string' && node.type === 'plural'
      ? [
          node,
          ...Object.values(node.categories).flatMap(pluralsOf),
          ...[...node.exact.values()].flatMap(pluralsOf),
        ]
      : [],
  );
}
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

  it.each(Object.keys(catalogues))(
    '%s: every message parses, and every plural has an « other » branch',
    (lang) => {
      const broken: string[] = [];
      let plurals = 0;
      for (const [key, text] of leaves(catalogues[lang as keyof typeof catalogues])) {
        try {
          for (const plural of pluralsOf(parseMessage(text))) {
            plurals++;
            if (plural.categories.other === undefined) broken.push(`${key}: no other`);
          }
        } catch (error) {
          broken.push(`${key}: ${(error as Error).message}`);
        }
      }
      expect(broken).toEqual([]);
      expect(plurals).toBeGreaterThanOrEqual(40);
    },
  );

  it.each(['en', 'ar'] as const)(
    '%s keeps the placeholders and plural arguments of each French message',
    (lang) => {
      const translated = new Map(leaves(catalogues[lang]));
      const mismatched = french
        .filter(([key, text]) => argumentsOf(text).join() !== argumentsOf(translated.get(key) ?? '').join())
        .map(([key]) => key);
      expect(mismatched).toEqual([]);
    },
  );

  it.each(Object.keys(catalogues))('%s never hedges a plural with « (s) », « (x) » or « (e) »', (lang) => {
    const hedged = leaves(catalogues[lang as keyof typeof catalogues])
      .filter(([, text]) => /\((s|x|e|es)\)/.test(text))
      .map(([key, text]) => `${key}: ${text}`);
    expect(hedged).toEqual([]);
  });

  // « {count} clients » reads « 1 clients »: a count followed by a word must be a plural. Allowed: words that do
  // not change with the number (prepositions, « en attente », units, English adjectives and participles).
  const COUNTS =
    /\{(count|total|rows|created|invalid|skip|skipped|done|sent|queued|failed|days|min|max|maxRows|maxMb|clients)\} (\p{L}+)/gu;
  const INVARIABLE: Record<'fr' | 'en', ReadonlySet<string>> = {
    fr: new Set(['sur', 'en', 'Mo']),
    en: new Set(['of', 'MB', 'new', 'selected', 'sent', 'waiting', 'failed', 'skipped', 'created', 'with']),
  };
  it.each(['fr', 'en'] as const)('%s writes a count followed by a noun as a plural', (lang) => {
    const unplural = leaves(catalogues[lang]).flatMap(([key, text]) =>
      [...text.matchAll(COUNTS)].filter((m) => !INVARIABLE[lang].has(m[2])).map((m) => `${key}: ${m[0]}`),
    );
    expect(unplural).toEqual([]);
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
