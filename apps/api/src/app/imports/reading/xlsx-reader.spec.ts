import { workbookBuffer, rawXlsx } from '../../../../test/support/spreadsheets';
import { DEFAULT_READ_LIMITS } from './limits';
import { readSpreadsheet } from './read-spreadsheet';
import { excelDateToIso, isDateFormatCode } from './xlsx-reader';

const limits = DEFAULT_READ_LIMITS;
const RIB_AS_NUMBER = Number('123456789012345678901234');
const read = (bytes: Buffer, sheet?: string) => readSpreadsheet(bytes, { limits, sheet });

describe('xlsx reader', () => {
  it('reads a firm’s own layout: title row, blank rows, cells unwrapped to what they show', async () => {
    const bytes = await workbookBuffer((wb) => {
      wb.addWorksheet('Vide');
      const ws = wb.addWorksheet('Clients 2025');
      ws.getCell('A1').value = 'Liste des clients du cabinet';
      ws.mergeCells('A1:F1');
      ws.getRow(3).values = ['Raison sociale', 'N° ICE', 'RIB', 'Courriel', 'Créé le', 'Actif', 'Note'];
      ws.getRow(5).values = [
        { richText: [{ text: 'Société ', font: { bold: true } }, { text: 'Atlas' }] },
        1234567890123,
        // a 24-digit RIB typed into a numeric cell: Excel keeps a double, digits are gone
        RIB_AS_NUMBER,
        { text: 'Écrire à Karim', hyperlink: 'mailto:karim%40atlas.ma?subject=Bonjour' },
        new Date(Date.UTC(2025, 2, 14)),
        true,
        { formula: 'A5&" SARL"', result: 'Société Atlas SARL' },
      ];
      ws.getRow(6).values = ['  ', null, null, null, null, null, null];
      ws.getRow(7).values = [
        'Fès Négoce',
        '001234567890123',
        { error: '#N/A' },
        'contact@fes.ma',
        { formula: 'DATE(2024,1,31)+0.5', result: 45322.5 },
        false,
        { formula: 'NA()', result: { error: '#N/A' } },
      ];
      ws.getCell('E7').numFmt = 'dd/mm/yyyy hh:mm';
      ws.getCell('B7').numFmt = '@';
      const hidden = wb.addWorksheet('Listes');
      hidden.state = 'hidden';
      hidden.getCell('A1').value = 'fr';
    });

    const result = await read(bytes);
    expect(result).toMatchObject({ format: 'xlsx', sheets: ['Vide', 'Clients 2025'], sheet: 'Clients 2025' });
    expect(result.rows).toEqual([
      { row: 1, cells: ['Liste des clients du cabinet'] },
      { row: 3, cells: ['Raison sociale', 'N° ICE', 'RIB', 'Courriel', 'Créé le', 'Actif', 'Note'] },
      {
        row: 5,
        cells: [
          'Société Atlas',
          { kind: 'number', value: 1234567890123 },
          { kind: 'number', value: RIB_AS_NUMBER },
          'karim@atlas.ma',
          '2025-03-14',
          true,
          'Société Atlas SARL',
        ],
      },
      {
        row: 7,
        cells: [
          'Fès Négoce',
          '001234567890123',
          { kind: 'error', value: '#N/A' },
          'contact@fes.ma',
          '2024-01-31T12:00:00',
          false,
          { kind: 'error', value: '#N/A' },
        ],
      },
    ]);
  });

  it('reads the sheet asked for, and says so when it does not exist', async () => {
    const bytes = await workbookBuffer((wb) => {
      wb.addWorksheet('Un').getCell('A1').value = 'premier';
      wb.addWorksheet('Deux').getCell('B2').value = 'second';
    });
    expect((await read(bytes)).rows).toEqual([{ row: 1, cells: ['premier'] }]);
    expect(await read(bytes, 'Deux')).toMatchObject({
      sheet: 'Deux',
      rows: [{ row: 2, cells: [null, 'second'] }],
    });
    await expect(read(bytes, 'Trois')).rejects.toMatchObject({ code: 'sheet_not_found', hint: 'Trois' });
  });

  it('refuses a workbook without any data', async () => {
    const bytes = await workbookBuffer((wb) => {
      wb.addWorksheet('Feuil1');
    });
    await expect(read(bytes)).rejects.toMatchObject({ code: 'no_data' });
  });

  it('reads inline strings, phonetic runs, Excel escapes and cells without references', async () => {
    const bytes = await rawXlsx({
      sharedStrings:
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2">' +
        '<si><t xml:space="preserve">Ligne 1_x000D_\nLigne 2 &amp; _x005F_x0041_</t></si>' +
        '<si><r><t>東京</t></r><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></si></sst>',
      sheetData:
        '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="C2" t="inlineStr"><is><t>en ligne</t></is></c></row>' +
        '<row><c t="s"><v>1</v></c><c t="str"><f>"x"</f><v>calculé</v></c><c t="n"><v>1E+3</v></c></row>',
    });
    expect((await read(bytes)).rows).toEqual([
      { row: 2, cells: ['Ligne 1\r\nLigne 2 & _x0041_', null, 'en ligne'] },
      { row: 3, cells: ['東京', 'calculé', { kind: 'number', value: 1000 }] },
    ]);
  });

  it('keeps every character of large accented and Arabic text (no character split between chunks)', async () => {
    const words = [
      'Société Générale Élevage',
      'الدار البيضاء — شركة الأطلس',
      'Ouarzazate ⵡⴰⵔⵣⴰⵣⴰⵜ',
      'Çà et là œuvrent 😀',
    ];
    const expected: string[][] = [];
    const bytes = await workbookBuffer((wb) => {
      const ws = wb.addWorksheet('Clients');
      for (let i = 0; i < 4000; i++) {
        const row = [`${words[i % 4]} ${i}`, `${words[(i + 1) % 4]}${'é'.repeat(i % 7)}`, `ل${i}ي`];
        expected.push(row);
        ws.addRow(row);
      }
    });
    const rows = (await read(bytes)).rows;
    expect(rows).toHaveLength(4000);
    let altered = 0;
    rows.forEach((row, i) => row.cells.forEach((cell, j) => (cell === expected[i][j] ? 0 : altered++)));
    expect(altered).toBe(0);
  });

  it('recognises date formats', () => {
    expect(isDateFormatCode('dd/mm/yyyy')).toBe(true);
    expect(isDateFormatCode('[$-40C]d mmmm yyyy;@')).toBe(true);
    expect(isDateFormatCode('[h]:mm:ss')).toBe(true);
    expect(isDateFormatCode('#,##0.00 "dh"')).toBe(false);
    expect(isDateFormatCode('[Red]0.00')).toBe(false);
    expect(isDateFormatCode('General')).toBe(false);
    expect(isDateFormatCode('@')).toBe(false);
    expect(excelDateToIso(45730, false)).toBe('2025-03-14');
    expect(excelDateToIso(1, false)).toBe('1900-01-01');
    expect(excelDateToIso(0, true)).toBe('1904-01-01');
  });
});
