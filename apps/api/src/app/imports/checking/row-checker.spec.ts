import { TEMPLATE_EXAMPLES } from '../template/template-content';
import type { SheetRow } from '../reading/cells';
import { RowChecker } from './row-checker';

// name, address, postalCode, city, country, ice, taxId, language, contactName, contactEmail, software
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
  accountingSoftwareId: 10,
};
const ICE_A = '001525587000007';
const ICE_B = '002345678000031';

function row(
  n: number,
  overrides: Partial<Record<keyof typeof mapping, SheetRow['cells'][number]>> = {},
): SheetRow {
  const values: Record<keyof typeof mapping, SheetRow['cells'][number]> = {
    name: `Société ${n}`,
    address: '1, rue de Fès',
    postalCode: '20250',
    city: 'Casablanca',
    country: 'Maroc',
    ice: ICE_A,
    taxId: '1234567',
    language: 'fr',
    contactName: 'Karim',
    contactEmail: `c${n}@atlas.ma`,
    accountingSoftwareId: null,
    ...overrides,
  };
  const cells: SheetRow['cells'] = [];
  for (const [field, column] of Object.entries(mapping))
    cells[column] = values[field as keyof typeof mapping];
  return { row: n, cells };
}

describe('RowChecker', () => {
  const software = {
    'sage 100': 'f1b9c3a0-0000-4000-8000-000000000001',
    'f1b9c3a0-0000-4000-8000-000000000001': 'f1b9c3a0-0000-4000-8000-000000000001',
  };

  it('reports an Excel error value on its field instead of what the validator would say', () => {
    const checker = new RowChecker({ mapping, software, dedupe: true });
    const result = checker.check(
      row(2, { city: { kind: 'error', value: '#REF!' }, ice: { kind: 'error', value: '#N/A' } }),
    );
    expect(result).toMatchObject({ row: 2, valid: false, example: false });
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([
      { row: 2, severity: 'error', field: 'city', code: 'cell_error', hint: '#REF!', column: 3 },
      { row: 2, severity: 'error', field: 'ice', code: 'cell_error', hint: '#N/A', column: 5 },
    ]);
  });

  it('names the first row of a repeated ICE or e-mail (case-insensitive), across calls', () => {
    const checker = new RowChecker({ mapping, software, dedupe: true });
    expect(checker.check(row(2, { contactEmail: 'Karim@Atlas.ma' })).valid).toBe(true);
    const repeated = checker.check(row(3, { ice: ICE_B, contactEmail: 'karim@atlas.ma' }));
    expect(repeated.issues).toContainEqual({
      row: 3,
      severity: 'error',
      field: 'contactEmail',
      code: 'duplicate_in_file',
      hint: '2',
      column: 9,
    });
    const sameIce = checker.check(row(7));
    expect(sameIce.issues.filter((i) => i.severity === 'error')).toEqual([
      { row: 7, severity: 'error', field: 'ice', code: 'duplicate_in_file', hint: '2', column: 5 },
    ]);
    // Without dedupe (the import relies on the check's findings), the same rows are valid drafts.
    const importing = new RowChecker({ mapping, software, dedupe: false });
    importing.check(row(2));
    expect(importing.check(row(7)).draft?.ice).toBe(ICE_A);
  });

  it('resolves the accounting software by label or id, and refuses an unknown one', () => {
    const checker = new RowChecker({ mapping, software, dedupe: false });
    expect(checker.check(row(2, { accountingSoftwareId: 'SAGE 100' })).draft?.accountingSoftwareId).toBe(
      'f1b9c3a0-0000-4000-8000-000000000001',
    );
    const unknown = checker.check(row(3, { accountingSoftwareId: 'Ciel' }));
    expect(unknown.valid).toBe(false);
    expect(unknown.issues.filter((i) => i.severity === 'error')).toEqual([
      {
        row: 3,
        severity: 'error',
        field: 'accountingSoftwareId',
        code: 'unknown_accounting_software',
        column: 10,
      },
    ]);
  });

  it('skips the template’s example row in every language, and only when its name is untouched', () => {
    const checker = new RowChecker({ mapping, software, dedupe: true });
    for (const lang of ['fr', 'en', 'ar'] as const) {
      expect(checker.check(row(2, { name: `  ${TEMPLATE_EXAMPLES[lang].name} ` })).example).toBe(true);
    }
    expect(checker.check(row(3, { name: 'Exemple — Ma société' })).example).toBe(false);
  });

  it('keeps warnings with their field and column, and the row valid', () => {
    const checker = new RowChecker({ mapping, software, dedupe: true });
    const result = checker.check(row(4, { ice: { kind: 'number', value: 1525587000007 } }));
    expect(result.valid).toBe(true);
    expect(result.draft?.ice).toBe(ICE_A);
    expect(result.issues).toEqual([
      { row: 4, severity: 'warning', field: 'ice', code: 'leading_zeros_restored', hint: ICE_A, column: 5 },
      {
        row: 4,
        severity: 'warning',
        field: 'contactLanguage',
        code: 'contact_language_defaulted',
        hint: 'fr',
        column: null,
      },
    ]);
  });
});
