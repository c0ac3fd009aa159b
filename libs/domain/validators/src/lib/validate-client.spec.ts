import { ALWAYS_REQUIRED_FIELD_KEYS } from '@passerelle/domain-client';
import { RawClientRow } from './cell';
import { isBlank, normalizePostalCode, parseBoolean, validateClient } from './validate-client';

const moroccan: RawClientRow = {
  name: 'Atlas Conseil SARL',
  address: '12, boulevard Mohammed V',
  postalCode: '20000',
  city: 'Casablanca',
  country: 'Maroc',
  ice: '001561191000066',
  taxId: '1234567',
  iban: '011519000001205000534921',
  language: 'Français',
  contactName: 'Nadia Benali',
  contactLanguage: 'Arabe',
  contactEmail: 'Nadia@Atlas-Conseil.MA',
  shareDocuments: 'oui',
  accountingSoftwareId: 'sage-100',
};

const french: RawClientRow = {
  name: 'Dupont & Fils',
  address: '8 rue de la Paix',
  postalCode: '75002',
  city: 'Paris',
  country: 'France',
  iban: 'FR76 3000 6000 0112 3456 7890 189',
  language: 'fr',
  contactName: 'Jean Dupont',
  contactLanguage: 'fr',
  contactEmail: 'jean@dupont.fr',
};

const fieldsOf = (row: RawClientRow) =>
  validateClient(row).errors.map((e) => `${e.field}:${e.code}${e.hint ? `(${e.hint})` : ''}`);

describe('validateClient', () => {
  it('normalises a valid Moroccan client', () => {
    expect(validateClient(moroccan)).toEqual({
      value: {
        name: 'Atlas Conseil SARL',
        address: '12, boulevard Mohammed V',
        postalCode: '20000',
        city: 'Casablanca',
        country: 'MA',
        ice: '001561191000066',
        taxId: '1234567',
        iban: 'MA64011519000001205000534921',
        language: 'fr',
        contactName: 'Nadia Benali',
        contactLanguage: 'ar',
        contactEmail: 'Nadia@atlas-conseil.ma',
        shareDocuments: true,
        accountingSoftwareId: 'sage-100',
      },
      errors: [],
      warnings: [],
    });
  });

  it('normalises a valid foreign client without ICE or IF', () => {
    const result = validateClient(french);
    expect(result.errors).toEqual([]);
    expect(result.value).toMatchObject({
      country: 'FR',
      ice: null,
      taxId: null,
      iban: 'FR7630006000011234567890189',
      shareDocuments: false,
      accountingSoftwareId: null,
    });
  });

  it('reports every missing required field at once', () => {
    expect(fieldsOf({})).toEqual([
      'name:required',
      'address:required',
      'city:required',
      'country:required',
      'postalCode:required',
      'language:required',
      'contactName:required',
    ]);
    expect(validateClient({}).value).toBeUndefined();
  });

  it('requires exactly ALWAYS_REQUIRED_FIELD_KEYS for a foreign client without sharing', () => {
    const required = validateClient({ country: 'France' })
      .errors.filter((error) => error.code === 'required')
      .map((error) => error.field);
    expect([...required, 'country'].sort()).toEqual([...ALWAYS_REQUIRED_FIELD_KEYS].sort());
  });

  it('requires ICE and IF in Morocco', () => {
    expect(fieldsOf({ ...moroccan, ice: '', taxId: null })).toEqual(['ice:required', 'taxId:required']);
  });

  it('refuses ICE and IF outside Morocco', () => {
    expect(fieldsOf({ ...french, ice: '001561191000066', taxId: '1234567' })).toEqual([
      'ice:not_applicable',
      'taxId:not_applicable',
    ]);
  });

  it('still checks identifiers when the country is unknown, without requiring them', () => {
    expect(fieldsOf({ ...moroccan, country: 'Atlantide', ice: '001561191000067' })).toEqual([
      'country:unknown_country',
      'ice:invalid_checksum',
    ]);
    expect(fieldsOf({ ...moroccan, country: 'Atlantide', ice: '', taxId: '' })).toEqual([
      'country:unknown_country',
    ]);
  });

  it('checks the postal code by country', () => {
    expect(fieldsOf({ ...moroccan, postalCode: '2000' })).toEqual(['postalCode:invalid_format(MA)']);
    expect(fieldsOf({ ...moroccan, postalCode: 'AB123' })).toEqual(['postalCode:invalid_format(MA)']);
    expect(fieldsOf({ ...french, postalCode: '7' })).toEqual(['postalCode:invalid_format(FR)']);
    expect(validateClient({ ...french, country: 'UK', postalCode: 'sw1a 1aa' }).value?.postalCode).toBe(
      'SW1A 1AA',
    );
    expect(validateClient({ ...moroccan, postalCode: 20000 }).value?.postalCode).toBe('20000');
  });

  it('requires a contact e-mail and an accounting software when documents are shared', () => {
    expect(fieldsOf({ ...moroccan, contactEmail: '', accountingSoftwareId: ' ' })).toEqual([
      'contactEmail:required',
      'accountingSoftwareId:required',
    ]);
    expect(
      fieldsOf({ ...moroccan, contactEmail: '', accountingSoftwareId: '', shareDocuments: 'non' }),
    ).toEqual([]);
  });

  it('checks an e-mail given without sharing', () => {
    expect(fieldsOf({ ...french, contactEmail: 'jean.dupont.fr' })).toEqual(['contactEmail:invalid_email']);
  });

  it('defaults the contact language to the company language, with a warning', () => {
    const result = validateClient({ ...moroccan, contactLanguage: '' });
    expect(result.value?.contactLanguage).toBe('fr');
    expect(result.warnings).toEqual([
      { field: 'contactLanguage', code: 'contact_language_defaulted', hint: 'fr' },
    ]);
  });

  it('warns that invitations fall back to French for other contact languages', () => {
    const result = validateClient({ ...moroccan, contactLanguage: 'Espagnol' });
    expect(result.value?.contactLanguage).toBe('es');
    expect(result.warnings).toEqual([
      { field: 'contactLanguage', code: 'invitation_language_fallback', hint: 'es' },
    ]);
  });

  it('passes the normalisers’ warnings on with their field', () => {
    const result = validateClient({ ...moroccan, ice: 1561191000066, contactEmail: 'nadia@gmail.con' });
    expect(result.value?.ice).toBe('001561191000066');
    expect(result.warnings).toEqual([
      { field: 'ice', code: 'leading_zeros_restored', hint: '001561191000066' },
      { field: 'contactEmail', code: 'possible_email_typo', hint: 'nadia@gmail.com' },
    ]);
  });

  it('accepts a misspelt country with a warning naming it', () => {
    const result = validateClient({ ...moroccan, country: 'Marrocco' });
    expect(result.value?.country).toBe('MA');
    expect(result.warnings).toEqual([{ field: 'country', code: 'country_near_match', hint: 'MA' }]);
  });

  it('reads placeholders (N/A, néant, -, ?) as empty cells, whatever the field', () => {
    const result = validateClient({
      ...moroccan,
      iban: 'N/A',
      contactLanguage: '-',
      contactEmail: 'néant',
      shareDocuments: '?',
      accountingSoftwareId: '#N/A',
    });
    expect(result.errors).toEqual([]);
    expect(result.value).toMatchObject({
      iban: null,
      contactLanguage: 'fr',
      contactEmail: null,
      shareDocuments: false,
      accountingSoftwareId: null,
    });
    expect(fieldsOf({ ...moroccan, name: 'N/A', ice: 'Aucun', taxId: '--', language: '?' })).toEqual([
      'name:required',
      'ice:required',
      'taxId:required',
      'language:required',
    ]);
    expect(fieldsOf({ ...moroccan, country: 'n/a', city: '—' })).toEqual([
      'city:required',
      'country:required',
    ]);
    // a foreign client with "néant" in the Moroccan columns has left them empty
    expect(validateClient({ ...french, ice: 'néant', taxId: 'N/A' }).errors).toEqual([]);
  });

  it('refuses identifiers made only of zeros', () => {
    expect(fieldsOf({ ...moroccan, ice: '000000000000000', taxId: '0000000' })).toEqual([
      'ice:all_zeros',
      'taxId:all_zeros',
    ]);
  });

  it('limits the length of free text', () => {
    expect(fieldsOf({ ...moroccan, name: 'x'.repeat(161), city: 'y'.repeat(101) })).toEqual([
      'name:too_long(160)',
      'city:too_long(100)',
    ]);
    expect(validateClient({ ...moroccan, name: 'ش'.repeat(160) }).errors).toEqual([]);
  });

  it('cleans free text', () => {
    expect(validateClient({ ...moroccan, name: '  Atlas\u00a0\u00a0Conseil \u200b' }).value?.name).toBe(
      'Atlas Conseil',
    );
  });

  it('reports a row with many problems field by field', () => {
    expect(
      fieldsOf({
        ...moroccan,
        country: 'Congo',
        ice: 'abc',
        iban: 1.81000780000201e21,
        language: 'Klingon',
        contactLanguage: 'ja',
        contactEmail: 'a@x.ma; b@y.ma',
        shareDocuments: 'peut-être',
      }),
    ).toEqual([
      'country:ambiguous_country(CD, CG)',
      'ice:invalid_format',
      'iban:precision_lost',
      'language:unknown_language',
      'contactLanguage:unsupported_language',
      'shareDocuments:invalid_boolean',
      'contactEmail:multiple_emails',
    ]);
  });
});

describe('parseBoolean', () => {
  it.each([
    [true, true],
    [false, false],
    ['Oui', true],
    ['OUI ', true],
    ['yes', true],
    ['x', true],
    ['1', true],
    [1, true],
    ['نعم', true],
    ['non', false],
    ['No', false],
    [0, false],
    ['', false],
    [null, false],
  ])('reads %j as %s', (input, expected) => {
    expect(parseBoolean(input)).toEqual({ ok: true, value: expected });
  });

  it.each(['peut-être', 2, 'vrai ou faux'])('refuses %j', (input) => {
    expect(parseBoolean(input)).toEqual({ ok: false, code: 'invalid_boolean' });
  });
});

describe('helpers', () => {
  it('treats spaces, invisible characters and placeholders as blank', () => {
    expect(isBlank(' \u00a0\u200b')).toBe(true);
    expect(isBlank(' N/A ')).toBe(true);
    expect(isBlank('NA')).toBe(false);
    expect(isBlank(0)).toBe(false);
    expect(isBlank(undefined)).toBe(true);
  });

  it('refuses a fractional numeric postal code', () => {
    expect(normalizePostalCode(20000.5, 'MA')).toEqual({ ok: false, code: 'invalid_format', hint: 'MA' });
  });
});
