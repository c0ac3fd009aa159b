import { sniffSpreadsheet } from './imports';

const bytes = (...values: (number | string)[]) =>
  Uint8Array.from(
    values.flatMap((value) => (typeof value === 'string' ? [...value].map((c) => c.charCodeAt(0)) : [value])),
  );
const utf16le = (value: string) => [...value].flatMap((c) => [c.charCodeAt(0), 0]);
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

describe('sniffSpreadsheet', () => {
  it('reads a zip as .xlsx and text (UTF-8, UTF-16 with BOM, Windows-1252) as CSV', () => {
    expect(sniffSpreadsheet(bytes('PK', 3, 4, 20, 0))).toEqual({ ok: true, format: 'xlsx' });
    expect(sniffSpreadsheet(bytes('PK', 5, 6))).toEqual({ ok: true, format: 'xlsx' });
    expect(sniffSpreadsheet(new TextEncoder().encode('Nom client;Ville\nCèdre;Fès\n'))).toEqual({
      ok: true,
      format: 'csv',
    });
    expect(sniffSpreadsheet(bytes(0xff, 0xfe, ...utf16le('Nom;Ville')))).toEqual({ ok: true, format: 'csv' });
    expect(sniffSpreadsheet(bytes('C', 0xe8, 'dre;F', 0xe8, 's'))).toEqual({ ok: true, format: 'csv' });
  });

  it('names what is not a spreadsheet', () => {
    expect(sniffSpreadsheet(new Uint8Array())).toEqual({ ok: false, code: 'empty_file' });
    expect(sniffSpreadsheet(bytes('%PDF-1.7'))).toEqual({
      ok: false,
      code: 'unsupported_file_type',
      hint: 'PDF',
    });
    expect(sniffSpreadsheet(bytes(0x89, 'PNG', 0x0d, 0x0a))).toEqual({
      ok: false,
      code: 'unsupported_file_type',
      hint: 'PNG',
    });
    expect(sniffSpreadsheet(bytes('RIFF', 0, 0, 0, 0, 'WEBP'))).toEqual({
      ok: false,
      code: 'unsupported_file_type',
      hint: 'WEBP',
    });
    expect(sniffSpreadsheet(bytes('Nom', 0, 'Ville'))).toEqual({ ok: false, code: 'binary_content' });
  });

  it('tells a legacy .xls from a password-protected workbook (both OLE containers)', () => {
    expect(sniffSpreadsheet(bytes(...OLE, 0, 0, ...utf16le('Workbook')))).toEqual({
      ok: false,
      code: 'legacy_xls',
    });
    expect(
      sniffSpreadsheet(bytes(...OLE, 0, 0, ...utf16le('EncryptedInfo'), ...utf16le('EncryptedPackage'))),
    ).toEqual({
      ok: false,
      code: 'encrypted_workbook',
    });
  });
});
