import { MessageSyntaxError, formatMessage, parseMessage, type MessageParams } from './message-format';
import type { Lang } from './i18n';

const CLIENTS = '{count, plural, =0 {aucun client} one {# client} other {# clients}}';
const ARABIC_CLIENTS =
  '{count, plural, zero {لا يوجد أي عميل} one {عميل واحد} two {عميلان} few {# عملاء} many {# عميلًا} other {# عميل}}';
const NNBSP = '\u202f'; // French groups thousands with a narrow no-break space
const FSI = '\u2068';
const PDI = '\u2069';

const format = (source: string, params: MessageParams, lang: Lang = 'fr', isolate = false) =>
  formatMessage(source, params, lang, { isolate });

describe('formatMessage', () => {
  it('leaves text without placeholders as is, and # outside a plural is an ordinary character', () => {
    expect(format('Paramètres', {})).toBe('Paramètres');
    expect(format('Étape #{n} sur {total}', { n: 2, total: 3 })).toBe('Étape #2 sur 3');
  });

  it('replaces {placeholders}, numbers in the locale, and leaves unknown ones visible', () => {
    expect(format('Bonjour, {name}', { name: 'Salma' })).toBe('Bonjour, Salma');
    expect(format('{done} sur {total}', { done: 1234, total: 5000 }, 'fr')).toBe(
      `1${NNBSP}234 sur 5${NNBSP}000`,
    );
    expect(format('{done} of {total}', { done: 1234, total: 5000 }, 'en')).toBe('1,234 of 5,000');
    expect(format('Bonjour, {name}', {})).toBe('Bonjour, {name}');
    // Only the parameters' own keys count, not Object.prototype's.
    expect(format('{constructor}', {})).toBe('{constructor}');
  });

  it('isolates text parameters for a right-to-left page, not numbers', () => {
    expect(format('أُرسلت الدعوة إلى {email}', { email: 'k@atlas.ma' }, 'ar', true)).toBe(
      `أُرسلت الدعوة إلى ${FSI}k@atlas.ma${PDI}`,
    );
    expect(format('{count}', { count: 3 }, 'ar', true)).toBe('3');
  });

  it('uses the singular for 0 and 1 in French, « =0 » first, then the plural', () => {
    const french = '{count, plural, one {# client} other {# clients}}';
    expect(format(french, { count: 0 })).toBe('0 client');
    expect(format(french, { count: 1 })).toBe('1 client');
    expect(format(french, { count: 1.5 })).toBe('1,5 client');
    expect(format(french, { count: 2 })).toBe('2 clients');
    expect(format(CLIENTS, { count: 0 })).toBe('aucun client');
    expect(format(CLIENTS, { count: 1 })).toBe('1 client');
    expect(format(CLIENTS, { count: 12345 })).toBe(`12${NNBSP}345 clients`);
    // French has a « many » category (1 000 000, « de clients »): without that branch, « other » answers.
    expect(new Intl.PluralRules('fr').select(1_000_000)).toBe('many');
    expect(format(CLIENTS, { count: 1_000_000 })).toBe(`1${NNBSP}000${NNBSP}000 clients`);
  });

  it('uses the plural for 0 in English', () => {
    const english = '{count, plural, one {# client} other {# clients}}';
    expect(format(english, { count: 0 }, 'en')).toBe('0 clients');
    expect(format(english, { count: 1 }, 'en')).toBe('1 client');
    expect(format(english, { count: 1000 }, 'en')).toBe('1,000 clients');
  });

  it('picks every Arabic category as Intl.PluralRules does, with ar-MA numbers', () => {
    const cases: [number, string, string][] = [
      [0, 'zero', 'لا يوجد أي عميل'],
      [1, 'one', 'عميل واحد'],
      [2, 'two', 'عميلان'],
      [3, 'few', '3 عملاء'],
      [10, 'few', '10 عملاء'],
      [11, 'many', '11 عميلًا'],
      [99, 'many', '99 عميلًا'],
      [100, 'other', '100 عميل'],
      [102, 'other', '102 عميل'],
      [103, 'few', '103 عملاء'],
      [111, 'many', '111 عميلًا'],
      [1000, 'other', '1.000 عميل'],
      [12345, 'many', '12.345 عميلًا'],
    ];
    const rules = new Intl.PluralRules('ar-MA-u-nu-latn');
    for (const [count, category, text] of cases) {
      expect(rules.select(count), `${count}`).toBe(category);
      expect(format(ARABIC_CLIENTS, { count }, 'ar'), `${count}`).toBe(text);
    }
  });

  it('falls back to « other » when the category has no branch', () => {
    const message = '{count, plural, one {# client} other {# clients}}';
    expect(format(message, { count: 2 }, 'ar')).toBe('2 clients');
    expect(format(message, { count: 0 }, 'ar')).toBe('0 clients');
  });

  it('matches =n exactly, before the category', () => {
    const message = '{count, plural, =1 {un seul client} =2 {deux clients} one {# client} other {# clients}}';
    expect(format(message, { count: 1 })).toBe('un seul client');
    expect(format(message, { count: 2 })).toBe('deux clients');
    expect(format(message, { count: 0 })).toBe('0 client');
    expect(format(message, { count: 3 })).toBe('3 clients');
  });

  it('fills placeholders and further plurals inside a branch; # is the innermost plural’s number', () => {
    const message =
      '{count, plural, one {# document de {name}} other {# documents de {clients, plural, one {# client} other {# clients de {firm}}}}}';
    expect(format(message, { count: 1, name: 'Atlas', clients: 4, firm: 'X' })).toBe('1 document de Atlas');
    expect(format(message, { count: 7, clients: 1, name: 'Atlas', firm: 'X' })).toBe(
      '7 documents de 1 client',
    );
    expect(format(message, { count: 7, clients: 3, firm: 'Cabinet Atlas' })).toBe(
      '7 documents de 3 clients de Cabinet Atlas',
    );
    expect(
      format(
        '{count, plural, one {# document de {name}} other {# documents de {name}}}',
        { count: 2, name: 'a@b.ma' },
        'ar',
        true,
      ),
    ).toBe(`2 documents de ${FSI}a@b.ma${PDI}`);
  });

  it('writes # in the language’s locale: ar-MA with Latin digits, fr with narrow spaces', () => {
    const message = '{count, plural, one {# ligne} other {# lignes}}';
    expect(format(message, { count: 1234567 }, 'ar')).toBe('1.234.567 lignes');
    expect(format(message, { count: 1234567 }, 'fr')).toBe(`1${NNBSP}234${NNBSP}567 lignes`);
    expect(format(message, { count: 1234567 }, 'en')).toBe('1,234,567 lignes');
  });

  it('gives a plural that receives text its « other » branch with the text as #, and {name} when absent', () => {
    expect(format(CLIENTS, { count: '1 234' })).toBe('1 234 clients');
    expect(format(CLIENTS, {})).toBe('{count} clients');
    expect(format(CLIENTS, { count: Number.NaN })).toBe('NaN clients');
  });

  it('accepts spaces and line breaks between the parts of a plural', () => {
    expect(format('{ count ,plural,\n  one {# client}\n  other {# clients} }', { count: 2 })).toBe(
      '2 clients',
    );
  });

  it.each([
    ['an unclosed placeholder', 'Bonjour {name'],
    ['an unclosed plural', '{count, plural, one {# client} other {# clients}'],
    ['an unclosed branch', '{count, plural, one {# client other {# clients}}'],
    ['a stray closing brace', 'Bonjour} {name}'],
    ['an empty placeholder', 'Bonjour {}'],
    ['a plural without « other »', '{count, plural, one {# client}}'],
    ['an unsupported argument type', '{gender, select, male {il} other {elle}}'],
    ['an unknown category', '{count, plural, several {# clients} other {# clients}}'],
    ['« = » without digits', '{count, plural, =x {aucun} other {# clients}}'],
    ['a repeated branch', '{count, plural, one {a} one {b} other {c}}'],
    ['a repeated exact branch', '{count, plural, =1 {a} =1 {b} other {c}}'],
    ['a branch without braces', '{count, plural, one # client other {# clients}}'],
    ['no comma after plural', '{count, plural one {# client} other {# clients}}'],
  ])('shows a message with %s as written instead of throwing', (_, source) => {
    expect(() => parseMessage(source)).toThrow(MessageSyntaxError);
    expect(format(source, { count: 2, name: 'Salma', gender: 'male' })).toBe(source);
  });

  it('says where a message goes wrong', () => {
    expect(() => parseMessage('{count, plural, one {# client}}')).toThrow(
      'the plural of « count » has no « other » branch (at character 30)',
    );
    expect(() => parseMessage('{count, plural, several {x} other {y}}')).toThrow(
      '« several » is not a plural category (zero, one, two, few, many, other) (at character 16)',
    );
    expect(() => parseMessage('ab}')).toThrow('this « } » closes nothing (at character 2)');
  });

  it('refuses plurals nested deeper than four levels, and survives hostile input without overflowing', () => {
    const nested = (depth: number): string =>
      depth === 0 ? '#' : `{n, plural, other {${nested(depth - 1)}}}`;
    expect(format(nested(4), { n: 5 })).toBe('5');
    expect(() => parseMessage(nested(5))).toThrow('plurals are nested too deeply');

    const deep = '{n, plural, other {'.repeat(50_000);
    expect(format(deep, { n: 1 })).toBe(deep);
    const braces = '{'.repeat(200_000);
    expect(format(braces, {})).toBe(braces);
    const longText = `${'a'.repeat(200_000)} {name}`;
    expect(format(longText, { name: 'b' })).toBe(`${'a'.repeat(200_000)} b`);
  });

  it('parses a message into text, placeholders, plurals and #', () => {
    const [plural, text] = parseMessage('{count, plural, =0 {aucun} one {# de {name}} other {#}} !');
    expect(text).toBe(' !');
    expect(plural).toEqual({
      type: 'plural',
      name: 'count',
      exact: new Map([[0, ['aucun']]]),
      categories: {
        one: [{ type: 'pound' }, ' de ', { type: 'placeholder', name: 'name' }],
        other: [{ type: 'pound' }],
      },
    });
  });
});
