import { countryCandidates, countryCode, countryOptions, filterCountries, fold } from './country-options';

const suggest = (lang: string, typed: string, count = 6) =>
  filterCountries(countryOptions(lang), typed)
    .slice(0, count)
    .map((option) => option.code);

describe('country options', () => {
  it('offers every country the validators know, Kosovo included, sorted by name in the UI language', () => {
    const fr = countryOptions('fr');
    expect(fr).toHaveLength(250);
    expect(fr.find((option) => option.code === 'XK')?.name).toBe('Kosovo');
    const names = fr.map((option) => option.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'fr')));
    expect(countryOptions('en').find((option) => option.code === 'MA')?.name).toBe('Morocco');
  });

  it('offers everything, alphabetically, when nothing is typed', () => {
    expect(filterCountries(countryOptions('fr'), '  ')).toBe(countryOptions('fr'));
  });

  describe('ranking', () => {
    it('puts the resolved country first, then names that start with what was typed, alphabetically', () => {
      // "ma" is Morocco's ISO code: Maroc first, although Macédoine and Madagascar come before it
      expect(suggest('fr', 'ma')).toEqual(['MA', 'MK', 'MG', 'MY', 'MW', 'MV']);
      expect(suggest('fr', 'MA', 1)).toEqual(['MA']);
      expect(suggest('en', 'ma')).toEqual(['MA', 'MO', 'MG', 'MW', 'MY', 'MV']);
    });

    it('ranks names that start with the text before names with a word that does, before the rest', () => {
      const codes = filterCountries(countryOptions('fr'), 'gui').map((option) => option.code);
      // Guinée, Guinée équatoriale, Guinée-Bissau start with « gui »
      expect(codes.slice(0, 3)).toEqual(['GN', 'GQ', 'GW']);
      // Papouasie-Nouvelle-Guinée only has a word that starts so: after them
      expect(codes.indexOf('PG')).toBeGreaterThan(codes.indexOf('GW'));
      expect(codes).not.toContain('GY'); // Guyana: « guy », not « gui »
    });

    it('suggests the country typed in another language or script first', () => {
      expect(suggest('fr', 'المغرب', 1)).toEqual(['MA']);
      expect(suggest('fr', 'Marokko', 1)).toEqual(['MA']);
      expect(suggest('fr', 'Royaume de Belgique', 1)).toEqual(['BE']);
      expect(suggest('en', 'Allemagne', 1)).toEqual(['DE']);
    });

    it('suggests the country a one-letter slip was meant for', () => {
      expect(suggest('fr', 'Marrocco', 1)).toEqual(['MA']);
      expect(countryCode('Marrocco', ['fr'])).toBe('MA');
    });

    it('offers every candidate of an ambiguous name first, and resolves to none of them', () => {
      expect(suggest('fr', 'Congo', 2)).toEqual(['CD', 'CG']);
      expect(suggest('fr', 'Corée', 2)).toEqual(['KP', 'KR']);
      expect(countryCandidates('Congo')).toEqual(['CD', 'CG']);
      expect(countryCode('Congo', ['fr', 'en'])).toBeUndefined();
    });

    it('matches accents and case loosely', () => {
      expect(suggest('fr', 'emirats', 1)).toEqual(['AE']);
      expect(suggest('fr', 'ÉTATS-UNIS', 1)).toEqual(['US']);
      expect(fold(' Émirats ')).toBe('emirats');
    });

    it('suggests nothing for text that names no country', () => {
      expect(filterCountries(countryOptions('fr'), 'zzz')).toEqual([]);
      expect(countryCandidates('Atlantide')).toEqual([]);
      expect(countryCandidates('N/A')).toEqual([]);
    });
  });

  describe('countryCode', () => {
    it('reads a name the UI offers in any UI language, a code, or any name the resolver accepts', () => {
      expect(countryCode('Maroc', ['fr', 'en'])).toBe('MA');
      expect(countryCode('morocco', ['fr', 'en'])).toBe('MA');
      expect(countryCode('MA', ['fr', 'en'])).toBe('MA');
      expect(countryCode('مغرب', ['fr', 'en'])).toBe('MA');
      expect(countryCode('XK', ['fr', 'en'])).toBe('XK');
      expect(countryCode('', ['fr', 'en'])).toBeUndefined();
    });
  });
});
