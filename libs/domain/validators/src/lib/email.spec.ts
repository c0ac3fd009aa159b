import fc from 'fast-check';
import isEmail from 'validator/lib/isEmail';
import { EMAIL_OPTIONS, isStrictEmail, normalizeEmail, suggestDomain } from './email';

describe('normalizeEmail', () => {
  it.each([
    ['contact@example.ma', 'contact@example.ma'],
    ['User.Name@Example.COM', 'User.Name@example.com'],
    ['  user@example.com\u00a0', 'user@example.com'],
    ['\ufeffuser@example.com\u200b', 'user@example.com'],
    ['us\u200ber@exam\u200dple.com', 'user@example.com'],
    ['mailto:user@example.com', 'user@example.com'],
    ['MAILTO:user@example.com?subject=Bonjour', 'user@example.com'],
    ['user@example.com;', 'user@example.com'],
    ['contact@société.ma', 'contact@xn--socit-esab.ma'],
    ['contact@SOCIÉTÉ.ma', 'contact@xn--socit-esab.ma'],
    ['info@مثال.المغرب', 'info@xn--mgbh0fb.xn--mgbc0a9azcg'],
    ["o'brien+tag@example.co.uk", "o'brien+tag@example.co.uk"],
    ['a_b-c@sub.example-domain.ma', 'a_b-c@sub.example-domain.ma'],
  ])('accepts %j as %s', (input, expected) => {
    expect(normalizeEmail(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    [null, 'required'],
    ['', 'required'],
    ['\u200b ', 'required'],
    ['user.example.com', 'invalid_email'],
    ['user@localhost', 'invalid_email'],
    ['user@192.168.0.1', 'invalid_email'],
    ['user@[192.168.0.1]', 'invalid_email'],
    ['a@b.c', 'invalid_email'],
    ['.user@example.com', 'invalid_email'],
    ['user.@example.com', 'invalid_email'],
    ['user..name@example.com', 'invalid_email'],
    ['user name@example.com', 'invalid_email'],
    ['Jean Dupont <jean@example.com>', 'invalid_email'],
    ['<jean@example.com>', 'invalid_email'],
    ['"jean dupont"@example.com', 'invalid_email'],
    ['andré@example.com', 'invalid_email'],
    ['user@exa_mple.com', 'invalid_email'],
    ['user@-example.com', 'invalid_email'],
    ['user@example..com', 'invalid_email'],
    ['user@example.com.', 'invalid_email'],
    ['user@example.123', 'invalid_email'],
    ['user@exa/mple.com', 'invalid_email'],
    ['a@b@example.com', 'invalid_email'],
    [`${'a'.repeat(65)}@example.com`, 'invalid_email'],
    [`user@${'a'.repeat(250)}.com`, 'invalid_email'],
    [42, 'invalid_email'],
    ['a@example.com; b@example.com', 'multiple_emails'],
    ['a@example.com,b@example.com', 'multiple_emails'],
    ['a@example.com b@example.com', 'multiple_emails'],
    ['a@example.com / b@example.com', 'multiple_emails'],
  ])('refuses %j with %s', (input, code) => {
    expect(normalizeEmail(input)).toMatchObject({ ok: false, code });
  });

  it.each([
    ['jean@gmail.con', 'jean@gmail.com'],
    ['jean@gmial.com', 'jean@gmail.com'],
    ['jean@gmai.com', 'jean@gmail.com'],
    ['jean@gmail.co', 'jean@gmail.com'],
    ['jean@gmail.fr', 'jean@gmail.com'],
    ['jean@hotmial.com', 'jean@hotmail.com'],
    ['jean@hotmail.frr', 'jean@hotmail.fr'],
    ['Jean@Yahou.fr', 'Jean@yahoo.fr'],
    ['jean@menara.mma', 'jean@menara.ma'],
    ['jean@entreprise.con', 'jean@entreprise.com'],
  ])('accepts %j with a typo warning suggesting %s', (input, suggestion) => {
    const result = normalizeEmail(input);
    expect(result.ok).toBe(true);
    expect(result.ok && result.warnings).toEqual([{ code: 'possible_email_typo', hint: suggestion }]);
  });

  it.each([
    'jean@gmail.com',
    'jean@mail.com',
    'jean@email.com',
    'jean@ymail.com',
    'jean@hotmail.fr',
    'jean@live.fr',
  ])('does not warn about %s', (address) => {
    expect(normalizeEmail(address)).toEqual({ ok: true, value: address });
  });

  it('suggests nothing for an unrelated domain', () => {
    expect(suggestDomain('entreprise.ma')).toBeUndefined();
    expect(suggestDomain('gmail.com')).toBeUndefined();
  });
});

describe('isStrictEmail', () => {
  const strict = (address: string) => isEmail(address, { ...EMAIL_OPTIONS });

  it('answers exactly as validator.js isEmail with the strict options', () => {
    const chars = fc.constantFrom(...'aZ09._-+@"\' !#%&*/=?^`{|}~()<>[]:;,\\éأ'.split(''));
    const label = fc.stringMatching(/^[a-z0-9-]{0,12}$/);
    const domain = fc.array(label, { minLength: 1, maxLength: 4 }).map((labels) => labels.join('.'));
    const local = fc.array(chars, { maxLength: 20 }).map((c) => c.join(''));
    const address = fc.oneof(
      fc.tuple(local, domain).map(([l, d]) => `${l}@${d}`),
      fc.tuple(fc.stringMatching(/^[a-z0-9.]{0,70}$/), domain).map(([l, d]) => `${l}@${d}`),
      fc.array(chars, { maxLength: 40 }).map((c) => c.join('')),
    );
    fc.assert(
      fc.property(address, (value) => {
        expect(isStrictEmail(value)).toBe(strict(value));
      }),
      { numRuns: 10_000 },
    );
  });

  it('agrees on the edge cases of length', () => {
    for (const value of [
      `${'a'.repeat(64)}@example.com`,
      `${'a'.repeat(65)}@example.com`,
      `a@${'b'.repeat(63)}.com`,
      `a@${'b'.repeat(64)}.com`,
      `a@${`${'b'.repeat(60)}.`.repeat(4)}com`,
    ]) {
      expect(isStrictEmail(value)).toBe(strict(value));
    }
    expect(isStrictEmail(`${'a'.repeat(64)}@example.com`)).toBe(true);
  });
});
