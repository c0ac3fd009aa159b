import { COUNTRY_ALIASES } from './country-aliases';
import { COUNTRY_CODES, COUNTRY_INDEX_ICU_VERSION, resolveCountry } from './country';
import countryIndex from './generated/country-index.json';

describe('country index', () => {
  it('records the ICU version and date it was generated with', () => {
    expect(COUNTRY_INDEX_ICU_VERSION).toMatch(/^\d+\.\d+/);
    expect(countryIndex.icu).toBe(COUNTRY_INDEX_ICU_VERSION);
    expect(countryIndex.generated).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(countryIndex.locales).toBeGreaterThan(100);
  });

  it('covers the 249 ISO 3166-1 countries with alpha-3 codes', () => {
    expect(COUNTRY_CODES).toHaveLength(249);
    expect(Object.keys(countryIndex.alpha3)).toHaveLength(249);
    expect(new Set(Object.values(countryIndex.alpha3)).size).toBe(249);
    for (const code of COUNTRY_CODES) expect(countryIndex.codes[code as 'MA'].length).toBeGreaterThan(0);
  });

  it('stays small enough for the web bundle', () => {
    expect(JSON.stringify(countryIndex).length).toBeLessThan(700_000);
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
    'Marokko',
    'ⵍⵎⵖⵔⵉⴱ',
    'ma',
    'MA',
    'MAR',
    'mar',
    ' maroc ',
    'MAROC',
    'Marruecos',
    'Marocco',
    'Marrocos',
    'モロッコ',
    '摩洛哥',
    'Марокко',
    'Royaume du Maroc',
    'المملكة المغربية',
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
    ['الإمارات العربية المتحدة', 'AE'],
    ['الامارات العربية المتحدة', 'AE'],
    ['Côte d’Ivoire', 'CI'],
    ["cote d'ivoire", 'CI'],
    ['COTE-D-IVOIRE', 'CI'],
    ['Ivory Coast', 'CI'],
    ['الجزائر', 'DZ'],
    ['Algérie', 'DZ'],
    ['Tunisie', 'TN'],
    ['تونس', 'TN'],
    ['Mauritanie', 'MR'],
    ['موريتانيا', 'MR'],
    ['السعودية', 'SA'],
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

  it('says when a name matches several countries, with the candidates', () => {
    expect(resolveCountry('Congo')).toEqual({ ok: false, code: 'ambiguous_country', hint: 'CD, CG' });
    expect(resolveCountry('الكونغو')).toMatchObject({ ok: false, code: 'ambiguous_country' });
    expect(resolveCountry('Corée')).toEqual({ ok: false, code: 'ambiguous_country', hint: 'KP, KR' });
  });

  it.each(['Atlantide', 'XX', 'XXX', 'Marocq', 'Marocc', 'Maroc Maroc', '12', '---', 'EU'])(
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
