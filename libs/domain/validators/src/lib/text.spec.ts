import fc from 'fast-check';
import { cleanText, extractDigits, isPlaceholder, lookupKey, mod97, nameKey, normalizeName } from './text';

describe('lookupKey', () => {
  it.each([
    ['Côte d’Ivoire', "cote d'ivoire", 'COTE-D-IVOIRE', 'Cote  d Ivoire'],
    ['Émirats arabes unis', 'EMIRATS ARABES UNIS', 'emirats-arabes-unis'],
    ['Weißrussland', 'WEISSRUSSLAND'],
    ['الإمارات', 'الامارات', 'الأمارات', 'الآمارات', 'ٱلإمارات'],
    ['السعودية', 'السعوديه', 'الـسـعـوديـة', 'السُّعُودِيَّة'],
    ['مصطفى', 'مصطفي'],
    ['Ελλάδα', 'ΕΛΛΑΔΑ', 'ελλαδα'],
    ['ﻣﺼﺮ', 'مصر'],
  ])('gives one key to %j and its variants', (...variants) => {
    const keys = new Set(variants.map(lookupKey));
    expect(keys.size).toBe(1);
    expect([...keys][0]).not.toBe('');
  });

  it('keeps the vowel signs of Indic scripts (they tell words apart)', () => {
    expect(lookupKey('घाना')).not.toBe(lookupKey('गिनी'));
    expect(lookupKey('घाना')).toBe('घाना');
  });
});

describe('extractDigits', () => {
  it('drops group separators and reads Arabic-Indic digits', () => {
    expect(extractDigits('001 561-191.000 066')).toBe('001561191000066');
    expect(extractDigits('٠٠١٥٦١ ۱۹۱')).toBe('001561191');
    expect(extractDigits(' \u200e ')).toBe('');
    expect(extractDigits('12a3')).toBeNull();
  });
});

describe('mod97', () => {
  it('works beyond the safe-integer range', () => {
    expect(mod97('001810007800020110620318')).toBe(0);
    expect(mod97('001810007800020110620319')).toBe(1);
    expect(mod97('97')).toBe(0);
  });
});

describe('cleanText', () => {
  it.each([
    ['Société Atlas SARL', 'Société Atlas SARL'],
    ['  Société   Atlas\tSARL\n', 'Société Atlas SARL'],
    ['Soci\u0065\u0301t\u00e9', 'Société'],
    ['\u200fشركة الأطلس\u200f', 'شركة الأطلس'],
    ['Atlas\u0000 Négoce\u0007', 'Atlas Négoce'],
    ['Atlas\u0085\u009fSARL', 'AtlasSARL'],
    ['Atlas\u00a0SARL', 'Atlas SARL'],
    ['', ''],
  ])('cleans %j to %j', (input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });
});

describe('normalizeName', () => {
  it.each([
    ['Côte d’Ivoire', 'cote d ivoire'],
    ["  RÉPUBLIQUE   fédérale d'Allemagne ", 'republique federale d allemagne'],
    ['Weißrussland', 'weissrussland'],
    ['WEIẞRUSSLAND', 'weissrussland'],
    ['ΕΛΛΆΣ', 'ελλασ'],
    ['المملكة المغربية', 'مملكه مغربيه'],
    ['الإمارات العربية المتحدة', 'امارات عربيه متحده'],
    ['الـسـعـوديـة', 'سعوديه'],
    ['ڤنزويلا', 'فنزويلا'],
    ['ال', 'ال'],
    ['الالبانيا', 'بانيا'],
  ])('reads %j as %j', (input, expected) => {
    expect(normalizeName(input)).toBe(expected);
  });

  it('drops the Arabic article, however the alef and hamza are written', () => {
    const keys = new Set(['المغرب', 'مغرب', 'ٱلمغرب', 'المَغْرِب', 'الـمـغـرب'].map(nameKey));
    expect([...keys]).toEqual(['مغرب']);
    expect(nameKey('ألمانيا')).toBe(nameKey('المانيا'));
    expect(nameKey('العربية')).toBe(nameKey('عربيه'));
  });

  it('is idempotent, whatever the text', () => {
    const arabic = fc.constantFrom(...'الأإآٱءؤئةهىيـًٌٍَُِّْ ڤکیھۀ'.split(''));
    const mixed = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.string({
        unit: fc.oneof(arabic, fc.constantFrom('ß', 'ẞ', 'Σ', 'ς', 'İ', 'ﬀ', 'é', ' ', '-', '.')),
      }),
    );
    fc.assert(
      fc.property(mixed, (text) => {
        const once = normalizeName(text);
        expect(normalizeName(once)).toBe(once);
        expect(nameKey(text)).toBe(once.replace(/ /g, ''));
      }),
      { numRuns: 5000 },
    );
  });

  it('never depends on case or accents', () => {
    const latin = fc.string({
      unit: fc.constantFrom(...'abcdeéèêëàâçîïôûüñöäßœ -'.split('')),
      maxLength: 15,
    });
    fc.assert(
      fc.property(latin, (text) => {
        const plain = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
        expect(nameKey(text.toUpperCase())).toBe(nameKey(text));
        expect(nameKey(plain)).toBe(nameKey(text));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('isPlaceholder', () => {
  it.each(['N/A', 'n/a', 'N.A.', '#N/A', '#NA', '-', '--', '---', '—', '–', '.', '...', '?', '??', '- -', 'néant',
    'NEANT', 'Aucun', 'aucune', 'NULL', 'null', 'None', 'Inconnu', 'non renseigné', 'sans objet', ' n / a ',
    '\u200fN/A\u200f', 'لا يوجد', 'بدون'])('reads %j as "nothing here"', (input) => {
    expect(isPlaceholder(input)).toBe(true);
  }); // prettier-ignore

  it.each(['NA', 'na', 'ND', 'non', 'no', 'x', '0', '00', 'Maroc', 'Casablanca', 'Nadia', 'Néerlandais', 'Andorre',
    'Société Atlas', 'a@b.ma', '', '   ', 'N/A Conseil'])('reads %j as a value (or blank)', (input) => {
    expect(isPlaceholder(input)).toBe(false);
  }); // prettier-ignore
});
