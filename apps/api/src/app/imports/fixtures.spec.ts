import { suggestMapping, toColumnMapping } from '@passerelle/domain-mapping';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RowChecker } from './checking/row-checker';
import { toCellInputs } from './mapping-state';
import { detectHeaderRow, headerTexts } from './reading/header-row';
import { DEFAULT_READ_LIMITS } from './reading/limits';
import { readSpreadsheet } from './reading/read-spreadsheet';

const dir = join(__dirname, 'fixtures');
const read = (folder: string, name: string) =>
  readSpreadsheet(readFileSync(join(dir, folder, name)), { limits: DEFAULT_READ_LIMITS });

/** Real-looking files kept in the repository: what a firm sends, and what it should never send. */
describe('import fixtures', () => {
  const ok: Record<string, { rows: number; valid: number; mapped: string[]; errors: string[] }> = {
    'modele-rempli.xlsx': {
      rows: 3,
      valid: 3,
      mapped: [
        'name',
        'address',
        'postalCode',
        'city',
        'country',
        'ice',
        'taxId',
        'iban',
        'language',
        'contactName',
        'contactLanguage',
        'contactEmail',
      ],
      errors: [],
    },
    'export-cabinet-windows-1252.csv': {
      rows: 2,
      valid: 2,
      mapped: [
        'name',
        'address',
        'postalCode',
        'city',
        'country',
        'ice',
        'taxId',
        'language',
        'contactName',
        'contactEmail',
      ],
      errors: [],
    },
    'clients-english-bom.csv': {
      rows: 1,
      valid: 1,
      mapped: [
        'name',
        'address',
        'postalCode',
        'city',
        'country',
        'ice',
        'taxId',
        'language',
        'contactName',
        'contactEmail',
      ],
      errors: [],
    },
    'clients-arabe-utf16.csv': {
      rows: 1,
      valid: 0,
      mapped: ['name', 'city', 'country', 'contactEmail'],
      errors: [
        '2:address:required',
        '2:postalCode:required',
        '2:ice:required',
        '2:taxId:required',
        '2:language:required',
        '2:contactName:required',
      ],
    },
  };

  it('lists every kept file in this test', () => {
    expect(readdirSync(join(dir, 'ok')).sort()).toEqual(Object.keys(ok).sort());
    expect(readdirSync(join(dir, 'not-ok')).sort()).toEqual(Object.keys(notOk).sort());
  });

  it.each(Object.entries(ok))('reads, maps and checks %s', async (name, expected) => {
    const result = await read('ok', name);
    const headerRow = detectHeaderRow(result.rows, DEFAULT_READ_LIMITS.headerSearchRows);
    const header = result.rows.find((row) => row.row === headerRow);
    const data = result.rows.filter((row) => row.row > (headerRow ?? 0));
    const mapping = toColumnMapping(suggestMapping(headerTexts(header), data.map(toCellInputs)));
    expect(Object.keys(mapping).sort()).toEqual([...expected.mapped].sort());
    const checker = new RowChecker({ mapping, software: {}, dedupe: true });
    const checked = data.map((row) => checker.check(row));
    expect(checked).toHaveLength(expected.rows);
    expect(checked.filter((row) => row.valid)).toHaveLength(expected.valid);
    const errors = checked.flatMap((row) =>
      row.issues.filter((i) => i.severity === 'error').map((i) => `${i.row}:${i.field}:${i.code}`),
    );
    expect(errors.sort()).toEqual([...expected.errors].sort());
  });

  it('keeps accents and line breaks of the Windows-1252 export', async () => {
    const result = await read('ok', 'export-cabinet-windows-1252.csv');
    expect(result.rows[1].cells.slice(0, 4)).toEqual([
      'Société Générale d’Électricité',
      'Fès',
      '30000',
      '12, avenue Hassan II\r\n2e étage',
    ]);
    expect(result.rows.map((row) => row.row)).toEqual([1, 2, 4]);
  });

  const notOk: Record<string, { code: string; hint?: string }> = {
    'facture.pdf.xlsx': { code: 'unsupported_file_type', hint: 'PDF' },
    'ancien-format.xls': { code: 'legacy_xls' },
    'protege-par-mot-de-passe.xlsx': { code: 'encrypted_workbook' },
    'vide.csv': { code: 'empty_file' },
    'caractere-nul.csv': { code: 'binary_content' },
    'tronque.xlsx': { code: 'corrupt_file' },
    'xxe.xlsx': { code: 'xml_dtd_forbidden' },
    'guillemet-non-ferme.csv': { code: 'csv_malformed', hint: '3' },
  };

  it.each(Object.entries(notOk))('refuses %s', async (name, expected) => {
    await expect(read('not-ok', name)).rejects.toMatchObject({
      name: 'ImportFileError',
      code: expected.code,
      hint: expected.hint,
    });
  });
});
