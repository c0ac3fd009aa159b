import { FIELD_KEYS, FIELD_LABELS, FieldKey, TEMPLATE_FIELD_KEYS } from '@passerelle/domain-client';
import { lookupKey, validateClient } from '@passerelle/domain-validators';
import { HEADER_SYNONYMS } from './header-synonyms';
import {
  applyMapping,
  columnKeys,
  headerSignature,
  suggestMapping,
  toColumnMapping,
  toSavedMapping,
} from './mapping';

const columnsOf = (mapping: ReturnType<typeof suggestMapping>) =>
  Object.fromEntries(Object.entries(mapping).map(([field, s]) => [field, s?.column]));

const templateRow = [
  'Atlas Conseil SARL',
  '12 boulevard Mohammed V',
  '20000',
  'Casablanca',
  'Maroc',
  '001561191000066',
  '1234567',
  'MA64011519000001205000534921',
  'fr',
  'Nadia Benali',
  'ar',
  'nadia@atlas.ma',
];

describe('suggestMapping', () => {
  it.each(['fr', 'en', 'ar'] as const)('maps the %s template headers exactly', (lang) => {
    const headers = TEMPLATE_FIELD_KEYS.map((field) => FIELD_LABELS[field][lang]);
    const mapping = suggestMapping(headers, [templateRow]);
    TEMPLATE_FIELD_KEYS.forEach((field, column) => {
      expect(mapping[field]).toMatchObject({ column, reason: 'template_header' });
      expect(mapping[field]?.confidence).toBeGreaterThanOrEqual(1);
    });
  });

  it('ignores case, accents, spaces and punctuation in headers', () => {
    const mapping = suggestMapping(
      ['  NOM CLIENT ', 'adresse', 'CODE-POSTAL', 'ville*', 'PAYS', 'i.c.e.'],
      [],
    );
    expect(columnsOf(mapping)).toEqual({ name: 0, address: 1, postalCode: 2, city: 3, country: 4, ice: 5 });
  });

  it('recognises synonyms', () => {
    const headers = [
      'Raison sociale',
      'Siège social',
      'CP',
      'Localité',
      'Country',
      'N° ICE',
      'Identifiant fiscal',
      'RIB',
      'Courriel',
      'Gérant',
    ];
    const mapping = suggestMapping(headers, []);
    expect(columnsOf(mapping)).toEqual({
      name: 0,
      address: 1,
      postalCode: 2,
      city: 3,
      country: 4,
      ice: 5,
      taxId: 6,
      iban: 7,
      contactEmail: 8,
      contactName: 9,
    });
    expect(mapping.name).toEqual({ column: 0, confidence: 0.9, reason: 'synonym' });
  });

  it.each([
    ['Société', 'name'],
    ['Company', 'name'],
    ['E-mail', 'contactEmail'],
    ['email', 'contactEmail'],
    ['Adresse e-mail', 'contactEmail'],
    ['IBAN / RIB', 'iban'],
    ['Langue du contact', 'contactLanguage'],
    ['البريد الإلكتروني', 'contactEmail'],
    ['Zip code', 'postalCode'],
  ] as [string, FieldKey][])('maps %j to %s', (header, field) => {
    expect(suggestMapping([header], [])[field]).toMatchObject({ column: 0 });
  });

  it('finds a synonym inside a longer header, with lower confidence', () => {
    const mapping = suggestMapping(['Raison sociale du client (obligatoire)'], []);
    expect(mapping.name).toEqual({ column: 0, confidence: 0.6, reason: 'header_contains' });
  });

  it('recognises columns by their values whatever the header', () => {
    const rows = [
      ['001561191000066', 'x', 'MA64011519000001205000534921', 'a@b.ma', 'Maroc'],
      ['002163624000014', 'y', '011780000000000000123437', 'c@d.ma', 'France'],
      ['001527456000081', 'z', 'FR7630006000011234567890189', 'e@f.ma', 'المغرب'],
    ];
    const mapping = suggestMapping(['Identifiant', 'Notes', 'Compte', 'Contact1', 'Colonne E'], rows);
    expect(mapping.ice).toMatchObject({ column: 0, reason: 'values' });
    expect(mapping.iban).toMatchObject({ column: 2 });
    expect(mapping.contactEmail).toMatchObject({ column: 3, reason: 'values' });
    expect(mapping.country).toMatchObject({ column: 4, reason: 'values' });
    expect(mapping.name).toBeUndefined();
  });

  it('lets values outweigh a header that contradicts them', () => {
    // the "IF" column actually holds ICEs; the real IF column is headed "Numéro"
    const rows = [
      ['001561191000066', '1234567'],
      ['002163624000014', '7654321'],
    ];
    const mapping = suggestMapping(['IF', 'Numéro'], rows);
    expect(mapping.ice).toMatchObject({ column: 0, reason: 'values' });
    expect(mapping.taxId).toMatchObject({ column: 1, reason: 'values' });
  });

  it('grows more confident when header and values agree', () => {
    const mapping = suggestMapping(['Courriel'], [['a@b.ma'], ['c@d.ma']]);
    expect(mapping.contactEmail).toEqual({ column: 0, confidence: 0.95, reason: 'synonym' });
  });

  it('never maps two fields to one column, nor one field to two columns', () => {
    const headers = ['Contact', 'Contact', 'Email', 'E-mail', 'Langue', 'Langue contact', 'Langue'];
    const mapping = suggestMapping(headers, []);
    const columns = Object.values(mapping).map((s) => s?.column);
    expect(new Set(columns).size).toBe(columns.length);
    expect(columnsOf(mapping)).toEqual({ contactName: 0, contactEmail: 2, language: 4, contactLanguage: 5 });
  });

  it('leaves unknown columns unmapped', () => {
    expect(suggestMapping(['Téléphone', 'Remarques', ''], [['0522000000', 'RAS', '']])).toEqual({});
  });

  it('ignores a sample of empty cells', () => {
    expect(suggestMapping(['Colonne'], [[null], ['  ']])).toEqual({});
  });
});

describe('saved mappings', () => {
  const headers = ['Client', 'Rue', 'CP', 'Ville', 'Pays', 'Identifiant', 'Mail'];
  const confirmed = { name: 0, address: 1, postalCode: 2, city: 3, country: 4, ice: 5, contactEmail: 6 };

  it('gives one signature to the same headers in any order, case or spacing', () => {
    const signature = headerSignature(headers);
    expect(signature).toMatch(/^v1:7:[0-9a-f]{14}$/);
    expect(headerSignature(['mail', ' PAYS', 'ville', 'cp', 'identifiant', 'RUE', 'client ', ''])).toBe(
      signature,
    );
    expect(headerSignature([...headers, 'Téléphone'])).not.toBe(signature);
    expect(headerSignature(['Client', 'Client'])).not.toBe(headerSignature(['Client']));
  });

  it('applies a saved mapping whose signature matches, even with columns reordered', () => {
    const saved = toSavedMapping('Export Sage', headers, confirmed);
    const reordered = ['Mail', 'Identifiant', 'Client', 'Rue', 'CP', 'Ville', 'Pays'];
    const mapping = suggestMapping(reordered, [], [saved]);
    expect(columnsOf(mapping)).toEqual({
      contactEmail: 0,
      ice: 1,
      name: 2,
      address: 3,
      postalCode: 4,
      city: 5,
      country: 6,
    });
    expect(mapping.ice).toEqual({
      column: 1,
      confidence: 1,
      reason: 'saved_mapping',
      savedMapping: 'Export Sage',
    });
  });

  it('keeps fields the user left unmapped unmapped', () => {
    const saved = toSavedMapping('Sans email', headers, { ...confirmed, contactEmail: undefined });
    const mapping = suggestMapping(headers, [], [saved]);
    expect(mapping.contactEmail).toBeUndefined();
    expect(mapping.name?.reason).toBe('saved_mapping');
  });

  it('ignores saved mappings of other header rows', () => {
    const saved = toSavedMapping('Autre', ['A', 'B'], { name: 0, ice: 1 });
    expect(suggestMapping(headers, [], [saved]).name).toMatchObject({ column: 0, reason: 'synonym' });
  });

  it('tells repeated headers apart', () => {
    expect(columnKeys(['Tel', 'tél', '', 'Nom'])).toEqual(['tel', 'tel#2', '', 'nom']);
  });
});

describe('applyMapping', () => {
  it('picks each mapped field from its column, ready for validateClient', () => {
    const headers = TEMPLATE_FIELD_KEYS.map((field) => FIELD_LABELS[field].fr);
    const mapping = suggestMapping(headers, [templateRow]);
    const raw = applyMapping(mapping, templateRow);
    expect(raw.ice).toBe('001561191000066');
    expect(raw.contactEmail).toBe('nadia@atlas.ma');
    expect(validateClient(raw).errors).toEqual([]);
    expect(applyMapping(toColumnMapping(mapping), templateRow)).toEqual(raw);
  });

  it('leaves out unmapped fields and columns beyond the row', () => {
    expect(applyMapping({ name: 0, city: 5 }, ['Atlas', 'x'])).toEqual({ name: 'Atlas' });
  });
});

describe('header synonyms', () => {
  it('never names two fields with one normalised header', () => {
    const owner = new Map<string, FieldKey>();
    for (const field of FIELD_KEYS) {
      for (const synonym of [
        ...HEADER_SYNONYMS[field],
        FIELD_LABELS[field].fr,
        FIELD_LABELS[field].en,
        FIELD_LABELS[field].ar,
      ]) {
        const key = lookupKey(synonym);
        expect(key).not.toBe('');
        if (owner.has(key)) expect(`${synonym}: ${owner.get(key)}`).toBe(`${synonym}: ${field}`);
        owner.set(key, field);
      }
    }
  });
});
