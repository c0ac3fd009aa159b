import fc from 'fast-check';
import { SUPPORTED_LANGUAGES } from '@passerelle/domain-client';
import { resolveLanguage } from './language';

describe('resolveLanguage', () => {
  it.each([
    ['fr', 'fr'],
    ['FR', 'fr'],
    ['fra', 'fr'],
    ['fre', 'fr'],
    ['fr-FR', 'fr'],
    ['fr_MA', 'fr'],
    ['Français', 'fr'],
    ['francais', 'fr'],
    ['FRANÇAIS', 'fr'],
    ['French', 'fr'],
    ['الفرنسية', 'fr'],
    ['Fr', 'fr'],
    ['Fran', 'fr'],
    ['Franç.', 'fr'],
    ['Ang.', 'en'],
    ['Angl', 'en'],
    ['Englis', 'en'],
    ['Anglais', 'en'],
    ['English', 'en'],
    ['en-GB', 'en'],
    ['eng', 'en'],
    ['الإنجليزية', 'en'],
    ['الانجليزية', 'en'],
    ['Arabe', 'ar'],
    ['Ar', 'ar'],
    ['ara', 'ar'],
    ['العربية', 'ar'],
    ['العربيه', 'ar'],
    ['عربي', 'ar'],
    ['Darija', 'ar'],
    ['ar-MA', 'ar'],
    ['Espagnol', 'es'],
    ['Español', 'es'],
    ['Esp', 'es'],
    ['spa', 'es'],
    ['Allemand', 'de'],
    ['Deutsch', 'de'],
    ['All.', 'de'],
    ['Allem', 'de'],
    ['Alemán', 'de'],
    ['ger', 'de'],
    ['deu', 'de'],
    ['Néerlandais', 'nl'],
    ['Nederlands', 'nl'],
    ['Dutch', 'nl'],
    ['dut', 'nl'],
    ['Italien', 'it'],
    ['Italiano', 'it'],
    ['Portugais', 'pt'],
    ['Português', 'pt'],
    ['pt-BR', 'pt'],
    ['Port.', 'pt'],
    ['por', 'pt'],
    ['zgh', 'zgh'],
    ['ⵜⴰⵎⴰⵣⵉⵖⵜ', 'zgh'],
    ['Tamazight', 'zgh'],
    ['Amazighe', 'zgh'],
    ['الأمازيغية', 'zgh'],
    ['ber', 'zgh'],
    ['Amaz', 'zgh'],
    ['Néerl.', 'nl'],
    ['Holl', 'nl'],
    ['Ital', 'it'],
    ['Esp', 'es'],
    ['Arab', 'ar'],
    ['zgh-Tfng-MA', 'zgh'],
    [' fr ', 'fr'],
    ['Français / French', 'fr'],
  ])('resolves %j to %s', (input, expected) => {
    expect(resolveLanguage(input)).toEqual({ ok: true, value: expected });
  });

  describe('forms people write', () => {
    it.each([
      // Arabic, with or without the article, in every letter form
      ['عربية', 'ar'],
      ['العربيه', 'ar'],
      ['عربيه', 'ar'],
      ['فرنسية', 'fr'],
      ['الفرنسيه', 'fr'],
      ['انجليزية', 'en'],
      ['إنجليزية', 'en'],
      ['اسبانية', 'es'],
      ['المانية', 'de'],
      ['أمازيغية', 'zgh'],
      ['الفصحى', 'ar'],
      // a region or variant in brackets or after a hyphen or underscore
      ['French (France)', 'fr'],
      ['Français (Maroc)', 'fr'],
      ['Anglais (UK)', 'en'],
      ['Arabe (Maroc)', 'ar'],
      ['Arabe (Darija)', 'ar'],
      ['Amazighe (tifinagh)', 'zgh'],
      ['Español (España)', 'es'],
      ['Deutsch (Österreich)', 'de'],
      ['العربية (المغرب)', 'ar'],
      ['Français-Maroc', 'fr'],
      ['English_US', 'en'],
      ['Tamazight (Standard marokkanisch)', 'zgh'],
      // ISO 639-2 and 639-3
      ['FRE', 'fr'],
      ['Fra', 'fr'],
      ['ARA', 'ar'],
      ['ary', 'ar'],
      ['ENG', 'en'],
      ['GER', 'de'],
      ['SPA', 'es'],
      ['ZGH', 'zgh'],
    ])('resolves %j to %s', (input, expected) => {
      expect(resolveLanguage(input)).toEqual({ ok: true, value: expected });
    });

    it('reads two letters as an ISO 639-1 code, never as the start of a name', () => {
      expect(resolveLanguage('Ne')).toEqual({ ok: false, code: 'unsupported_language' }); // Nepali
      expect(resolveLanguage('Né')).toEqual({ ok: false, code: 'unsupported_language' });
      expect(resolveLanguage('An')).toEqual({ ok: false, code: 'unsupported_language' }); // Aragonese
      expect(resolveLanguage('Al')).toEqual({ ok: false, code: 'unsupported_language' });
      expect(resolveLanguage('Po')).toEqual({ ok: false, code: 'unsupported_language' });
      expect(resolveLanguage('Nl')).toEqual({ ok: true, value: 'nl' });
    });

    it('takes the start of a name only from three letters and when one language fits', () => {
      expect(resolveLanguage('Ara')).toEqual({ ok: true, value: 'ar' }); // also its ISO 639-2 code
      expect(resolveLanguage('Tam')).toEqual({ ok: true, value: 'zgh' });
      // « Por » starts Portuguese and nothing else supported, but « Pol » starts none
      expect(resolveLanguage('Pol')).toEqual({ ok: false, code: 'unsupported_language' });
      // « Ing » (inglés, inglese) is English only; « In » is Indonesian's old code
      expect(resolveLanguage('Ing')).toEqual({ ok: true, value: 'en' });
      expect(resolveLanguage('In')).toEqual({ ok: false, code: 'unsupported_language' });
    });

    it('refuses a qualifier that is another language', () => {
      expect(resolveLanguage('Français (Arabe)')).toEqual({
        ok: false,
        code: 'ambiguous_language',
        hint: 'fr, ar',
      });
      expect(resolveLanguage('Français-Anglais')).toEqual({
        ok: false,
        code: 'ambiguous_language',
        hint: 'fr, en',
      });
      expect(resolveLanguage('Japonais (Japon)')).toEqual({ ok: false, code: 'unsupported_language' });
    });

    it.each(['N/A', '#N/A', '-', '--', 'néant', 'Aucune', '?'])(
      'reads the placeholder %j as an empty cell',
      (input) => {
        expect(resolveLanguage(input)).toEqual({ ok: false, code: 'required' });
      },
    );
  });

  it('resolves every supported language’s name in fr, en, ar, es, de, and its own', () => {
    const missed: string[] = [];
    for (const language of SUPPORTED_LANGUAGES) {
      for (const locale of ['fr', 'en', 'ar', 'es', 'de', language]) {
        const name = new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' }).of(language);
        if (!name) continue;
        for (const spelling of [name, name.toUpperCase(), name.normalize('NFD').replace(/\p{M}/gu, '')]) {
          const answer = resolveLanguage(spelling);
          if (!answer.ok || answer.value !== language) missed.push(`${locale}:${spelling}`);
        }
      }
    }
    expect(missed).toEqual([]);
  });

  it('never changes its answer for case, accents, a region in brackets or the Arabic article', () => {
    const names: [string, string][] = [];
    for (const language of SUPPORTED_LANGUAGES)
      for (const locale of ['fr', 'en', 'ar', 'es', 'de'])
        names.push([new Intl.DisplayNames([locale], { type: 'language' }).of(language) as string, language]);
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.constantFrom('', ' (Maroc)', ' (France)', '-MA', '_FR', ' (UK)', ' (المغرب)'),
        fc.boolean(),
        ([name, language], region, upper) => {
          let spelling = (upper ? name.toUpperCase() : name.toLowerCase()) + region;
          if (spelling.startsWith('ال')) spelling = spelling.slice(2);
          expect(resolveLanguage(spelling)).toEqual({ ok: true, value: language });
        },
      ),
      { numRuns: 500 },
    );
  });

  it.each([
    ['ja', 'unsupported_language'],
    ['Japonais', 'unsupported_language'],
    ['Russian', 'unsupported_language'],
    ['日本語', 'unsupported_language'],
    ['xx', 'unsupported_language'],
    ['tlh', 'unsupported_language'],
    ['ja-JP', 'unsupported_language'],
    ['Klingon', 'unknown_language'],
    ['Elfique', 'unknown_language'],
    ['Françaisss', 'unknown_language'],
    ['!!', 'unknown_language'],
    ['', 'required'],
    ['   ', 'required'],
    [null, 'required'],
    [42, 'unknown_language'],
  ])('refuses %j with %s', (input, code) => {
    expect(resolveLanguage(input)).toMatchObject({ ok: false, code });
  });

  it('refuses several languages in one cell, naming them', () => {
    expect(resolveLanguage('Français / Arabe')).toEqual({
      ok: false,
      code: 'ambiguous_language',
      hint: 'fr, ar',
    });
    expect(resolveLanguage('fr, en')).toEqual({ ok: false, code: 'ambiguous_language', hint: 'fr, en' });
    expect(resolveLanguage('Arabe et Français')).toEqual({
      ok: false,
      code: 'ambiguous_language',
      hint: 'ar, fr',
    });
  });
});
