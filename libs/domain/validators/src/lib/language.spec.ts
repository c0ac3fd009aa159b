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
    ['An', 'en'],
    ['an', 'en'],
    ['Ang.', 'en'],
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
    ['Al', 'de'],
    ['ger', 'de'],
    ['Néerlandais', 'nl'],
    ['Nederlands', 'nl'],
    ['Dutch', 'nl'],
    ['dut', 'nl'],
    ['Italien', 'it'],
    ['Italiano', 'it'],
    ['Portugais', 'pt'],
    ['Português', 'pt'],
    ['pt-BR', 'pt'],
    ['Po', 'pt'],
    ['zgh', 'zgh'],
    ['ⵜⴰⵎⴰⵣⵉⵖⵜ', 'zgh'],
    ['Tamazight', 'zgh'],
    ['Amazighe', 'zgh'],
    ['الأمازيغية', 'zgh'],
    ['ber', 'zgh'],
    ['zgh-Tfng-MA', 'zgh'],
    [' fr ', 'fr'],
    ['Français / French', 'fr'],
  ])('resolves %j to %s', (input, expected) => {
    expect(resolveLanguage(input)).toEqual({ ok: true, value: expected });
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
