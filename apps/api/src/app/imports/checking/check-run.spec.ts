import { CheckRun, type PackedRow } from './check-run';

const mapping = {
  name: 0,
  address: 1,
  postalCode: 2,
  city: 3,
  country: 4,
  ice: 5,
  taxId: 6,
  language: 7,
  contactName: 8,
  contactEmail: 9,
};
const ICE = '001525587000007';
const pack = (row: number, cells: unknown[]): PackedRow => [row, JSON.stringify(cells)];
const good = (n: number, email: string, ice = ICE) => [
  'Atlas ' + n,
  '1, rue',
  '20250',
  'Rabat',
  'MA',
  ice,
  '1234567',
  'fr',
  'Karim',
  email,
];

describe('CheckRun (inside the import thread)', () => {
  it('adds up a batch, serialises its findings for import_issue and keeps the valid rows’ keys', () => {
    const run = new CheckRun({ mapping, software: {}, dedupe: true });
    const result = run.checkBatch([
      pack(2, good(2, 'A@Atlas.ma')),
      pack(3, good(3, 'a@atlas.ma', '002345678000031')),
      pack(4, [...good(4, 'b@atlas.ma').slice(0, 3), '']),
    ]);
    expect(result).toMatchObject({ rows: 3, valid: 1, invalid: 2, warnings: 2, duplicates: 1 });
    expect(JSON.parse(result.issuesJson)).toEqual([
      [2, 0, 'warning', 'contactLanguage', 'contact_language_defaulted', 'fr', null],
      [3, 0, 'warning', 'contactLanguage', 'contact_language_defaulted', 'fr', null],
      [3, 1, 'error', 'contactEmail', 'duplicate_in_file', '2', 9],
      // no country: ICE and IF are not required (their rule depends on it)
      [4, 0, 'error', 'city', 'required', null, 3],
      [4, 1, 'error', 'country', 'required', null, 4],
      [4, 2, 'error', 'language', 'required', null, 7],
      [4, 3, 'error', 'contactName', 'required', null, 8],
    ]);
    expect(result.issueCount).toBe(JSON.parse(result.issuesJson).length);
    expect(run.keys(0, 10)).toEqual([[2, ICE, 'a@atlas.ma']]);
  });

  it('gives the valid rows as the insert’s columns', () => {
    const run = new CheckRun({ mapping, software: {}, dedupe: false });
    const columns = run.columns([
      pack(2, good(2, 'x@atlas.ma')),
      pack(5, ['', '']),
      pack(6, good(6, 'y@atlas.ma', '002345678000031')),
    ]);
    expect(columns.rows).toEqual([2, 6]);
    expect(columns.name).toEqual(['Atlas 2', 'Atlas 6']);
    expect(columns.ice).toEqual([ICE, '002345678000031']);
    expect(columns.contactLanguage).toEqual(['fr', 'fr']);
    expect(columns.shareDocuments).toEqual([false, false]);
    expect(columns.accountingSoftwareId).toEqual([null, null]);
  });
});
