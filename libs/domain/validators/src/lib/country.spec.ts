import fc from 'fast-check';
import { formatFieldError, formatWarning } from '@passerelle/domain-client';
import { COUNTRY_ALIASES } from './country-aliases';
import {
  COUNTRY_CODES,
  COUNTRY_INDEX_ICU_VERSION,
  COUNTRY_INDEX_SOURCES,
  resolveCountry,
  withinOneEdit,
} from './country';
import countryIndex from './generated/country-index.json';
import { nameKey } from './text';

const keysOf = (lists: Record<string, string>, code: string): string[] =>
  lists[code] ? lists[code].split('|') : [];

describe('country index', () => {
  it('records the versions of both sources and the date it was generated', () => {
    expect(COUNTRY_INDEX_ICU_VERSION).toMatch(/^\d+\.\d+/);
    expect(countryIndex.icu).toBe(COUNTRY_INDEX_ICU_VERSION);
    expect(COUNTRY_INDEX_SOURCES['i18n-iso-countries']).toBe(
      // the pinned devDependency the generator read
      require('i18n-iso-countries/package.json').version,
    );
    expect(COUNTRY_INDEX_SOURCES.cldr).toMatch(/^\d+\.\d+/);
    expect(countryIndex.generated).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(countryIndex.locales).toBeGreaterThan(100);
  });

  it('covers the 249 ISO 3166-1 countries and Kosovo, with alpha-3 codes', () => {
    expect(COUNTRY_CODES).toHaveLength(250);
    expect(COUNTRY_CODES).toContain('XK');
    expect(Object.keys(countryIndex.alpha3)).toHaveLength(250);
    expect(new Set(Object.values(countryIndex.alpha3)).size).toBe(250);
    for (const code of COUNTRY_CODES) {
      const index = countryIndex as unknown as { codes: Record<string, string> };
      expect(keysOf(index.codes, code).length).toBeGreaterThan(0);
    }
  });

  it('holds lookup keys only, each under one country', () => {
    const index = countryIndex as unknown as { codes: Record<string, string>; other: Record<string, string> };
    const seen = new Set<string>();
    for (const lists of [index.codes, index.other]) {
      for (const code of COUNTRY_CODES) {
        for (const key of keysOf(lists, code)) {
          expect(nameKey(key)).toBe(key);
          expect(seen.has(key)).toBe(false);
          seen.add(key);
        }
      }
    }
    for (const key of Object.keys(countryIndex.ambiguous)) expect(seen.has(key)).toBe(false);
  });

  it('stays small enough for the web bundle (it was 402,056 characters with CLDR alone)', () => {
    expect(JSON.stringify(countryIndex).length).toBeLessThan(380_000);
  });

  it('points every alias at real codes', () => {
    for (const target of Object.values(COUNTRY_ALIASES)) {
      for (const code of typeof target === 'string' ? [target] : target)
        expect(COUNTRY_CODES).toContain(code);
    }
  });
});

describe('resolveCountry', () => {
  it.each([
    'Maroc',
    'Morocco',
    'المغرب',
    'مغرب',
    'Marokko',
    'ⵍⵎⵖⵔⵉⴱ',
    'ma',
    'MA',
    'MAR',
    'mar',
    ' maroc ',
    'MAROC',
    'le Maroc',
    'Marruecos',
    'Marocco',
    'Marrocos',
    'モロッコ',
    '摩洛哥',
    'Марокко',
    'Royaume du Maroc',
    'المملكة المغربية',
    'Kingdom of Morocco',
    'Königreich Marokko',
    'Reino de Marruecos',
    'M.A.',
  ])('resolves %j to MA', (input) => {
    expect(resolveCountry(input)).toEqual({ ok: true, value: 'MA' });
  });

  it.each([
    ['France', 'FR'],
    ['fra', 'FR'],
    ['Belgique', 'BE'],
    ['België', 'BE'],
    ['UK', 'GB'],
    ['U.K.', 'GB'],
    ['Royaume-Uni', 'GB'],
    ['Angleterre', 'GB'],
    ['USA', 'US'],
    ['U.S.A.', 'US'],
    ['États-Unis', 'US'],
    ['etats unis', 'US'],
    ['EAU', 'AE'],
    ['Émirats arabes unis', 'AE'],
    ['Côte d’Ivoire', 'CI'],
    ["cote d'ivoire", 'CI'],
    ['COTE-D-IVOIRE', 'CI'],
    ['Ivory Coast', 'CI'],
    ['Sénégal', 'SN'],
    ['RDC', 'CD'],
    ['Congo-Kinshasa', 'CD'],
    ['Congo-Brazzaville', 'CG'],
    ['Guyane', 'GF'],
    ['Guyana', 'GY'],
    ['Deutschland', 'DE'],
    ['Türkiye', 'TR'],
    ['Turquie', 'TR'],
    ['Schweiz', 'CH'],
    ['Ελλάδα', 'GR'],
    ['ελλαδα', 'GR'],
    ['中国', 'CN'],
    ['Chine', 'CN'],
    ['Hollande', 'NL'],
    ['Pays-Bas', 'NL'],
  ])('resolves %j to %s', (input, code) => {
    expect(resolveCountry(input)).toEqual({ ok: true, value: code });
  });

  describe('Arabic: with or without the article, in every spelling of hamza, alef, taa marbuta and yaa', () => {
    it.each([
      ['المغرب', 'MA'],
      ['مغرب', 'MA'],
      ['الجزائر', 'DZ'],
      ['جزائر', 'DZ'],
      ['تونس', 'TN'],
      ['موريتانيا', 'MR'],
      ['السعودية', 'SA'],
      ['السعوديه', 'SA'],
      ['سعودية', 'SA'],
      ['الإمارات العربية المتحدة', 'AE'],
      ['الامارات العربية المتحدة', 'AE'],
      ['امارات عربية متحدة', 'AE'],
      ['ألمانيا', 'DE'],
      ['المانيا', 'DE'],
      ['إسبانيا', 'ES'],
      ['اسبانيا', 'ES'],
      ['فرنسا', 'FR'],
      ['الـفـرنـسـا', 'FR'],
      ['مِصْر', 'EG'],
      ['الدنمارك', 'DK'],
      ['الدانمرك', 'DK'],
      ['المجر', 'HU'],
      ['هنغاريا', 'HU'],
      ['بيلاروسيا', 'BY'],
      ['البهاما', 'BS'],
      ['جزر البهاما', 'BS'],
      ['المالديف', 'MV'],
      ['الأوروغواي', 'UY'],
      ['الاوروغواي', 'UY'],
      ['جرينلاند', 'GL'],
      ['كوسوفو', 'XK'],
      ['ڤنزويلا', 'VE'],
    ])('resolves %j to %s', (input, code) => {
      expect(resolveCountry(input)).toEqual({ ok: true, value: code });
    });
  });

  describe('official names, by rule', () => {
    it.each([
      // fr
      ['République d’Angola', 'AO'],
      ['Royaume de Belgique', 'BE'],
      ['République fédérale d’Allemagne', 'DE'],
      ['Royaume d’Espagne', 'ES'],
      ['République algérienne démocratique et populaire', 'DZ'],
      ['République tunisienne', 'TN'],
      ['République islamique de Mauritanie', 'MR'],
      ['République arabe d’Égypte', 'EG'],
      ['Royaume hachémite de Jordanie', 'JO'],
      ['République arabe syrienne', 'SY'],
      ['République libanaise', 'LB'],
      ['République du Sénégal', 'SN'],
      ['République de Côte d’Ivoire', 'CI'],
      ['Grand-Duché de Luxembourg', 'LU'],
      ['Principauté de Monaco', 'MC'],
      ['Sultanat d’Oman', 'OM'],
      ['État du Qatar', 'QA'],
      ['République populaire de Chine', 'CN'],
      ['États-Unis du Mexique', 'MX'],
      ['Les États-Unis d’Amérique', 'US'],
      ['Bosnie-et-Herzégovine', 'BA'],
      ['République slovaque', 'SK'],
      ['République togolaise', 'TG'],
      // en
      ['Republic of Albania', 'AL'],
      ['Kingdom of Spain', 'ES'],
      ['Federal Republic of Germany', 'DE'],
      ['Arab Republic of Egypt', 'EG'],
      ['Syrian Arab Republic', 'SY'],
      ['Italian Republic', 'IT'],
      ['Russian Federation', 'RU'],
      ['Islamic Republic of Pakistan', 'PK'],
      ['Hashemite Kingdom of Jordan', 'JO'],
      ['State of Kuwait', 'KW'],
      ['United Republic of Tanzania', 'TZ'],
      ['Kyrgyz Republic', 'KG'],
      ['Togolese Republic', 'TG'],
      ["Lao People's Democratic Republic", 'LA'],
      // es
      ['Reino de España', 'ES'],
      ['República Francesa', 'FR'],
      ['República Federal de Alemania', 'DE'],
      ['República Argelina Democrática y Popular', 'DZ'],
      ['República Italiana', 'IT'],
      ['Estado Plurinacional de Bolivia', 'BO'],
      ['Estados Unidos Mexicanos', 'MX'],
      // de
      ['Bundesrepublik Deutschland', 'DE'],
      ['Königreich Spanien', 'ES'],
      ['Republik Österreich', 'AT'],
      ['Italienische Republik', 'IT'],
      ['Tunesische Republik', 'TN'],
      ['Volksrepublik China', 'CN'],
      ['Fürstentum Liechtenstein', 'LI'],
      ['Großherzogtum Luxemburg', 'LU'],
      // ar
      ['جمهورية ألبانيا', 'AL'],
      ['المملكة الأردنية الهاشمية', 'JO'],
      ['الجمهورية الجزائرية الديمقراطية الشعبية', 'DZ'],
      ['الجمهورية التونسية', 'TN'],
      ['الجمهورية الفرنسية', 'FR'],
      ['الجمهورية الإسلامية الموريتانية', 'MR'],
      ['جمهورية مصر العربية', 'EG'],
      ['الجمهورية العربية السورية', 'SY'],
      ['الجمهورية اللبنانية', 'LB'],
      ['الاتحاد الروسي', 'RU'],
      ['جمهورية ألمانيا الاتحادية', 'DE'],
      ['سلطنة عمان', 'OM'],
      ['دولة قطر', 'QA'],
      ['دولة الإمارات العربية المتحدة', 'AE'],
      ['الجمهورية القيرغيزية', 'KG'],
      ['جمهورية الأوروغواي الشرقية', 'UY'],
    ])('resolves %j to %s', (input, code) => {
      expect(resolveCountry(input)).toEqual({ ok: true, value: code });
    });

    it('tells the two Congos, the two Koreas and the two Chinas apart by the words of the official name', () => {
      expect(resolveCountry('République du Congo')).toEqual({ ok: true, value: 'CG' });
      expect(resolveCountry('République démocratique du Congo')).toEqual({ ok: true, value: 'CD' });
      expect(resolveCountry('Congo (Rép. dém.)')).toEqual({ ok: true, value: 'CD' });
      expect(resolveCountry('Congo (RDC)')).toEqual({ ok: true, value: 'CD' });
      expect(resolveCountry('جمهورية الكونغو الديمقراطية')).toEqual({ ok: true, value: 'CD' });
      expect(resolveCountry('Republic of Korea')).toEqual({ ok: true, value: 'KR' });
      expect(resolveCountry("Democratic People's Republic of Korea")).toEqual({ ok: true, value: 'KP' });
      expect(resolveCountry('جمهورية كوريا')).toEqual({ ok: true, value: 'KR' });
      expect(resolveCountry('République de Chine')).toEqual({ ok: true, value: 'TW' });
      expect(resolveCountry('Republik China (Taiwan)')).toEqual({ ok: true, value: 'TW' });
      expect(resolveCountry('جمهورية الصين الشعبية')).toEqual({ ok: true, value: 'CN' });
    });

    it('reads a name with a qualifier or an island word', () => {
      expect(resolveCountry('Palaos (Palau)')).toEqual({ ok: true, value: 'PW' });
      expect(resolveCountry('Îles du Cap-Vert')).toEqual({ ok: true, value: 'CV' });
      expect(resolveCountry('Île Maurice')).toEqual({ ok: true, value: 'MU' });
      expect(resolveCountry('Cayman')).toEqual({ ok: true, value: 'KY' });
      expect(resolveCountry('Guyane (France)')).toEqual({ ok: true, value: 'GF' });
      expect(resolveCountry('Casablanca (Maroc)')).toEqual({ ok: true, value: 'MA' });
    });

    it('does not turn a form word alone into a country', () => {
      for (const input of ['République', 'Royaume', 'Republic of', 'جمهورية', 'Bundesrepublik'])
        expect(resolveCountry(input)).toEqual({ ok: false, code: 'unknown_country' });
    });
  });

  describe('one typing slip in a long name', () => {
    it.each([
      ['Marrocco', 'MA'],
      ['Marocc', 'MA'],
      ['Allmagne', 'DE'],
      ['Espange', 'ES'],
      ['Tunisei', 'TN'],
      ['Mauritanei', 'MR'],
      ['Switzerlnd', 'CH'],
      ['المسكيك', 'MX'],
      ['صيربيا', 'RS'],
      ['موريتانبا', 'MR'],
    ])('accepts %j as %s with a warning naming it', (input, code) => {
      expect(resolveCountry(input)).toEqual({
        ok: true,
        value: code,
        warnings: [{ code: 'country_near_match', hint: code }],
      });
    });

    it('never near-matches a short name, two slips, or a slip that fits several countries', () => {
      expect(resolveCountry('Marocq')).toEqual({ ok: false, code: 'unknown_country' }); // Maroc has 5 letters
      expect(resolveCountry('Irqa')).toEqual({ ok: false, code: 'unknown_country' });
      expect(resolveCountry('Marrokoo')).toEqual({ ok: false, code: 'unknown_country' }); // Marrocos: 2 slips
      expect(resolveCountry('Mauritanieee')).toEqual({ ok: false, code: 'unknown_country' });
    });

    it('reports a slip that fits two countries as ambiguous, with both', () => {
      // one letter from Austria, and one from Australia
      expect(resolveCountry('Austrlia')).toEqual({ ok: false, code: 'ambiguous_country', hint: 'AT, AU' });
      // Slovakia is one letter away, Slovenia two: not ambiguous
      expect(resolveCountry('Slovaia')).toEqual({
        ok: true,
        value: 'SK',
        warnings: [{ code: 'country_near_match', hint: 'SK' }],
      });
    });
  });

  it('says when a name matches several countries, with the candidates', () => {
    expect(resolveCountry('Congo')).toEqual({ ok: false, code: 'ambiguous_country', hint: 'CD, CG' });
    expect(resolveCountry('Kongo')).toEqual({ ok: false, code: 'ambiguous_country', hint: 'CD, CG' });
    expect(resolveCountry('الكونغو')).toEqual({ ok: false, code: 'ambiguous_country', hint: 'CD, CG' });
    expect(resolveCountry('Corée')).toEqual({ ok: false, code: 'ambiguous_country', hint: 'KP, KR' });
    expect(resolveCountry('Guiana')).toEqual({ ok: false, code: 'ambiguous_country', hint: 'GF, GY' });
    expect(resolveCountry('Saint-Martin')).toEqual({ ok: false, code: 'ambiguous_country', hint: 'MF, SX' });
    expect(resolveCountry('سانت مارتن')).toEqual({ ok: false, code: 'ambiguous_country', hint: 'MF, SX' });
  });

  it('names the candidates in the user’s language', () => {
    const error = { field: 'country' as const, code: 'ambiguous_country' as const, hint: 'CD, CG' };
    expect(formatFieldError(error, 'fr')).toBe(
      'Pays — ce nom désigne plusieurs pays : précisez Congo-Kinshasa (CD) ou Congo-Brazzaville (CG)',
    );
    expect(formatFieldError(error, 'en')).toBe(
      'Country — this name matches several countries: choose Congo - Kinshasa (CD) or Congo - Brazzaville (CG)',
    );
    expect(formatWarning('country_near_match', 'fr', 'country', 'MA')).toBe(
      'Pays — lu comme Maroc (MA) : vérifiez l’orthographe',
    );
    expect(formatWarning('country_near_match', 'en', 'country', 'MA')).toBe(
      'Country — read as Morocco (MA): check the spelling',
    );
  });

  it('accepts Kosovo', () => {
    for (const input of ['XK', 'xk', 'XKK', 'XKX', 'Kosovo', 'كوسوفو', 'Косово', 'République du Kosovo'])
      expect(resolveCountry(input)).toEqual({ ok: true, value: 'XK' });
  });

  it('reads two letters as an ISO code first', () => {
    expect(resolveCountry('NA')).toEqual({ ok: true, value: 'NA' }); // Namibia, not a placeholder
    expect(resolveCountry('ne')).toEqual({ ok: true, value: 'NE' });
    expect(resolveCountry('Ch')).toEqual({ ok: true, value: 'CH' });
  });

  it.each(['N/A', 'n/a', '#N/A', '-', '--', '—', 'néant', 'Aucun', 'NULL', '?', ' n / a '])(
    'reads the placeholder %j as an empty cell',
    (input) => {
      expect(resolveCountry(input)).toEqual({ ok: false, code: 'required' });
    },
  );

  it.each(['Atlantide', 'XX', 'XXX', 'Maroc Maroc', '12', 'EU', 'Europe', 'Afrique', 'Paris', 'Casablanca'])(
    'does not guess %j',
    (input) => {
      expect(resolveCountry(input)).toEqual({ ok: false, code: 'unknown_country' });
    },
  );

  it('treats empty cells as missing and numbers as unknown', () => {
    expect(resolveCountry('')).toEqual({ ok: false, code: 'required' });
    expect(resolveCountry('  ')).toEqual({ ok: false, code: 'required' });
    expect(resolveCountry(null)).toEqual({ ok: false, code: 'required' });
    expect(resolveCountry(504)).toEqual({ ok: false, code: 'unknown_country' });
  });

  it('answers the same for a repeated spelling (cached)', () => {
    const first = resolveCountry('Belgique');
    expect(resolveCountry('Belgique')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
  });
});

/** Every country's name in the product's main languages, as the runtime's CLDR gives it. */
const NAMES: [string, string][] = [];
for (const lang of ['fr', 'en', 'ar', 'es', 'de']) {
  const names = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });
  for (const code of COUNTRY_CODES) {
    const name = names.of(code);
    if (name && name !== code) NAMES.push([name, code]);
  }
}

const ALEF_FORMS = ['ا', 'أ', 'إ', 'آ', 'ٱ'];
const HARAKAT = ['\u064e', '\u064f', '\u0650', '\u0651', '\u0652', '\u064b'];

/** A spelling of `name` that differs only in case, accents, Arabic letter forms, tatweel, harakat, article. */
const respelled = (name: string) =>
  fc.array(fc.nat(), { minLength: name.length * 2 + 2, maxLength: name.length * 2 + 2 }).map((choices) => {
    let out = '';
    const chars = [...name.normalize('NFD')];
    chars.forEach((c, i) => {
      const pick = choices[i];
      if (ALEF_FORMS.includes(c)) out += ALEF_FORMS[pick % ALEF_FORMS.length];
      else if (c === 'ة' || c === 'ه') out += pick % 2 ? 'ة' : 'ه';
      else if (c === 'ى' || (c === 'ي' && i === chars.length - 1)) out += pick % 2 ? 'ى' : 'ي';
      else if (/\p{M}/u.test(c))
        out += pick % 2 ? c : ''; // keep or drop an accent
      else out += pick % 2 ? c.toLocaleUpperCase() : c.toLocaleLowerCase();
      // Arabic letters take tatweel and harakat anywhere inside a word
      if (/[\u0628-\u064a]/.test(c) && /[\u0628-\u064a]/.test(chars[i + 1] ?? '')) {
        if (pick % 5 === 0) out += '\u0640';
        if (pick % 7 === 0) out += HARAKAT[pick % HARAKAT.length];
      }
    });
    // add or drop the Arabic article on the first word
    const last = choices[choices.length - 1];
    if (/^[\u0621-\u064a]/.test(out) && last % 3 === 0)
      out = out.startsWith('ال') && out.length > 4 ? out.slice(2) : `ال${out}`;
    return out;
  });

describe('resolveCountry properties', () => {
  it('gives every country’s own name in fr, en, ar, es and de its code, or reports it ambiguous', () => {
    const wrong = NAMES.filter(([name, code]) => {
      const answer = resolveCountry(name);
      return answer.ok
        ? answer.value !== code
        : !(answer.code === 'ambiguous_country' && answer.hint?.includes(code));
    });
    expect(wrong).toEqual([]);
  });

  it('never changes its answer for case, accents, Arabic letter forms, tatweel, harakat or the article', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...NAMES).chain(([name]) => fc.tuple(fc.constant(name), respelled(name))),
        ([name, variant]) => {
          expect(resolveCountry(variant)).toEqual(resolveCountry(name));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('reads one slip in a long name as that country (with a warning), or as ambiguous — never as another', () => {
    const index = countryIndex as unknown as { codes: Record<string, string>; other: Record<string, string> };
    const indexed = new Map<string, string>();
    for (const lists of [index.codes, index.other])
      for (const code of COUNTRY_CODES) for (const key of keysOf(lists, code)) indexed.set(key, code);
    for (const [alias, target] of Object.entries(COUNTRY_ALIASES))
      if (typeof target === 'string') indexed.set(nameKey(alias), target);
    const longNames = NAMES.filter(([name]) => {
      const key = nameKey(name);
      return key.length >= 8 && /^[a-z]+$/.test(key) && resolveCountry(name).ok;
    });
    fc.assert(
      fc.property(
        fc.constantFrom(...longNames),
        fc.nat(),
        fc.constantFrom('x', 'q', 'w', ''),
        ([name, code], at, letter) => {
          const key = nameKey(name);
          const i = at % key.length;
          const slipped = key.slice(0, i) + letter + key.slice(i + 1);
          const answer = resolveCountry(slipped);
          if (!answer.ok) {
            expect(answer.code).toBe('ambiguous_country');
            expect(answer.hint?.split(', ')).toContain(code);
          } else if (answer.warnings) {
            expect(answer).toEqual({
              ok: true,
              value: code,
              warnings: [{ code: 'country_near_match', hint: code }],
            });
          } else {
            // the slip happens to spell a name exactly
            expect(indexed.get(slipped)).toBe(answer.value);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('withinOneEdit', () => {
  it.each([
    ['maroc', 'maroc', true],
    ['maroc', 'marocc', true],
    ['maroc', 'mroc', true],
    ['maroc', 'marac', true],
    ['maroc', 'amroc', true],
    ['maroc', 'marco', true],
    ['maroc', 'mraco', false],
    ['maroc', 'maro', true],
    ['maroc', 'ma', false],
    ['مكسيك', 'مسكيك', true],
  ])('%j and %j: %s', (a, b, expected) => {
    expect(withinOneEdit(a, b)).toBe(expected);
    expect(withinOneEdit(b, a)).toBe(expected);
  });

  it('agrees with a plain optimal-string-alignment distance', () => {
    const osa = (a: string, b: string): number => {
      const d = Array.from({ length: a.length + 1 }, (_, i) =>
        Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
      );
      for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
          const cost = a[i - 1] === b[j - 1] ? 0 : 1;
          d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
            d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
      return d[a.length][b.length];
    };
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 7 });
    fc.assert(
      fc.property(word, word, (a, b) => {
        expect(withinOneEdit(a, b)).toBe(osa(a, b) <= 1);
      }),
      { numRuns: 3000 },
    );
  });
});
