import { cleanText, extractDigits, lookupKey, mod97 } from './text';

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
