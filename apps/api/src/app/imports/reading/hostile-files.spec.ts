import {
  forgeDeclaredSize,
  oleFile,
  patchXlsx,
  rawXlsx,
  workbookBuffer,
  zipBuffer,
} from '../../../../test/support/spreadsheets';
import { DEFAULT_READ_LIMITS, type ReadLimits } from './limits';
import { readSpreadsheet } from './read-spreadsheet';

const read = (bytes: Buffer, limits: Partial<ReadLimits> = {}) =>
  readSpreadsheet(bytes, { limits: { ...DEFAULT_READ_LIMITS, ...limits } });

/** Each guard answers a stable code quickly: measured, not asserted as a timing (see the benchmark). */
async function refusal(bytes: Buffer, limits: Partial<ReadLimits> = {}) {
  try {
    await read(bytes, limits);
  } catch (error) {
    return { code: (error as { code?: string }).code, hint: (error as { hint?: string }).hint };
  }
  throw new Error('the file was accepted');
}

const XXE =
  '<?xml version="1.0"?><!DOCTYPE workbook [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>' +
  '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
  '<sheets><sheet name="&xxe;" sheetId="1" r:id="rId1"/></sheets></workbook>';
const LAUGHS =
  '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
  '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>' +
  '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol3;</t></si></sst>';

describe('hostile and broken files', () => {
  it('refuses what is not a spreadsheet by its first bytes', async () => {
    expect(await refusal(Buffer.alloc(0))).toEqual({ code: 'empty_file' });
    expect(await refusal(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'))).toEqual({
      code: 'unsupported_file_type',
      hint: 'PDF',
    });
    expect(await refusal(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toEqual(
      {
        code: 'unsupported_file_type',
        hint: 'PNG',
      },
    );
    expect(await refusal(oleFile())).toEqual({ code: 'legacy_xls' });
    expect(await refusal(oleFile('EncryptedPackage'))).toEqual({ code: 'encrypted_workbook' });
    expect(await refusal(Buffer.from('Nom,Ville\nAtlas\u0000,Rabat\n'))).toEqual({ code: 'binary_content' });
    expect(await refusal(Buffer.concat([Buffer.from('a,b\n'.repeat(5000)), Buffer.from([0])]))).toEqual({
      code: 'binary_content',
    });
    expect(await refusal(await zipBuffer({ 'word/document.xml': '<w:document/>' }))).toEqual({
      code: 'unsupported_file_type',
      hint: 'ZIP',
    });
  });

  it('refuses a file over the size limit before reading it', async () => {
    expect(await refusal(Buffer.alloc(2048, 0x61), { maxBytes: 1024 })).toEqual({
      code: 'file_too_large',
      hint: '0 MB',
    });
    expect(await refusal(Buffer.alloc(21 * 1024 * 1024, 0x61))).toEqual({
      code: 'file_too_large',
      hint: '20 MB',
    });
  });

  it('refuses truncated and damaged zips', async () => {
    const xlsx = await workbookBuffer((wb) => {
      wb.addWorksheet('Clients').addRow(['Nom', 'Ville']);
    });
    expect(await refusal(xlsx.subarray(0, Math.floor(xlsx.length / 2)))).toEqual({ code: 'corrupt_file' });
    expect(await refusal(xlsx.subarray(0, xlsx.length - 10))).toEqual({ code: 'corrupt_file' });
    expect(await refusal(damageEntry(xlsx, 'xl/worksheets/sheet1.xml'))).toEqual({ code: 'corrupt_file' });
    expect(await refusal(damageEntry(xlsx, 'xl/workbook.xml'))).toEqual({ code: 'corrupt_file' });
    const broken = await rawXlsx({ sheetData: '<row r="1"><c r="A1" t="inlineStr"><is><t>ok</t></is></c>' });
    expect(await refusal(broken)).toEqual({ code: 'corrupt_file' });
  });

  it('refuses zip bombs: entry count, declared sizes, ratio, and sizes that lie', async () => {
    const many: Record<string, string> = {};
    for (let i = 0; i < 1001; i++) many[`xl/media/image${i}.txt`] = 'x';
    expect(await refusal(await rawXlsx({ sheetData: '', extra: many }))).toEqual({
      code: 'too_many_zip_entries',
      hint: '1000',
    });

    const zeros = Buffer.alloc(8 * 1024 * 1024);
    const bomb = await rawXlsx({ sheetData: '', extra: { 'xl/media/zeros.bin': zeros } });
    expect(await refusal(bomb)).toEqual({ code: 'inflated_too_large', hint: '300 MB' });
    expect(await refusal(bomb, { maxCompressionRatio: 100_000, maxInflatedBytes: 4 * 1024 * 1024 })).toEqual({
      code: 'inflated_too_large',
      hint: '4 MB',
    });

    // The sheet declares 100 bytes but inflates to megabytes: stopped while inflating.
    const rows = Array.from(
      { length: 20000 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`,
    ).join('');
    const honest = await rawXlsx({ sheetData: rows });
    const liar = forgeDeclaredSize(honest, 'xl/worksheets/sheet1.xml', 100);
    expect(await refusal(liar)).toEqual({ code: 'inflated_too_large' });
  });

  it('refuses a DOCTYPE in any part: XXE and entity expansion', async () => {
    expect(await refusal(await rawXlsx({ workbook: XXE, sheetData: '' }))).toEqual({
      code: 'xml_dtd_forbidden',
    });
    expect(
      await refusal(
        await rawXlsx({ sharedStrings: LAUGHS, sheetData: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' }),
      ),
    ).toEqual({
      code: 'xml_dtd_forbidden',
    });
    const sheetXml =
      '<?xml version="1.0"?><!DOCTYPE x SYSTEM "http://attacker.example/x.dtd"><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>';
    expect(await refusal(await rawXlsx({ sheetXml }))).toEqual({ code: 'xml_dtd_forbidden' });
  });

  it('ignores a <dimension> that claims the whole sheet and data validation over it', async () => {
    const sheetXml =
      '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:XFD1048576"/>' +
      '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Nom</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Atlas</t></is></c></row></sheetData>' +
      '<dataValidations count="1"><dataValidation type="list" sqref="A1:XFD1048576"><formula1>"a,b"</formula1></dataValidation></dataValidations></worksheet>';
    const result = await read(await rawXlsx({ sheetXml }));
    expect(result.rows).toEqual([
      { row: 1, cells: ['Nom'] },
      { row: 2, cells: ['Atlas'] },
    ]);
  });

  it('stops at the column and row caps while streaming', async () => {
    const wide = Array.from(
      { length: 61 },
      (_, i) => `<c r="${colName(i)}1" t="inlineStr"><is><t>h${i}</t></is></c>`,
    ).join('');
    expect(await refusal(await rawXlsx({ sheetData: `<row r="1">${wide}</row>` }))).toEqual({
      code: 'too_many_columns',
      hint: '60',
    });
    expect(await refusal(await rawXlsx({ sheetData: '<row r="1"><c r="XFD1"><v>1</v></c></row>' }))).toEqual({
      code: 'too_many_columns',
      hint: '60',
    });
    // Empty styled cells far to the right are not columns.
    const styled = await rawXlsx({ sheetData: '<row r="1"><c r="A1"><v>1</v></c><c r="XFD1" s="0"/></row>' });
    expect((await read(styled)).rows).toEqual([{ row: 1, cells: [{ kind: 'number', value: 1 }] }]);

    const rows = Array.from(
      { length: 31 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`,
    ).join('');
    expect(await refusal(await rawXlsx({ sheetData: rows }), { maxDataRows: 10 })).toEqual({
      code: 'too_many_rows',
      hint: '10',
    });

    const csvRows = 'a\n'.repeat(31);
    expect(await refusal(Buffer.from(csvRows), { maxDataRows: 10 })).toEqual({
      code: 'too_many_rows',
      hint: '10',
    });
  });

  it('refuses a CSV line with a million columns at once', async () => {
    expect(await refusal(Buffer.from(`${'a,'.repeat(1_000_000)}\n`))).toEqual({
      code: 'too_many_columns',
      hint: '60',
    });
    expect(await refusal(Buffer.from(`${'a;'.repeat(1_000_000)}\n`))).toEqual({
      code: 'too_many_columns',
      hint: '60',
    });
    expect(await refusal(Buffer.from(`a${','.repeat(1_000_000)}\n`))).toEqual({
      code: 'too_many_columns',
      hint: '60',
    });
  });

  it('refuses a huge shared-strings table', async () => {
    const strings = Array.from({ length: 50 }, (_, i) => `<si><t>s${i}</t></si>`).join('');
    const sst = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uniqueCount="999999999">${strings}</sst>`;
    const bytes = await rawXlsx({
      sharedStrings: sst,
      sheetData: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>',
    });
    expect(await refusal(bytes, { maxSharedStrings: 40 })).toEqual({
      code: 'too_many_shared_strings',
      hint: '40',
    });
    expect((await read(bytes)).rows).toEqual([{ row: 1, cells: ['s0'] }]);
  });

  it('refuses an encrypted zip entry', async () => {
    const xlsx = await rawXlsx({ sheetData: '<row r="1"><c r="A1"><v>1</v></c></row>' });
    // The sheet's "encrypted" flag set (as `zip -e` does): it can no longer be read without a password.
    const flagged = setEntryFlag(xlsx, 'xl/worksheets/sheet1.xml', 1);
    expect(await refusal(flagged)).toEqual({ code: 'encrypted_workbook' });
  });

  it('reads a stored (uncompressed) workbook, and one whose parts were dropped', async () => {
    const stored = await rawXlsx({
      sheetData: '<row r="3"><c r="B3"><v>42</v></c></row>',
      compression: 'STORE',
    });
    expect((await read(stored)).rows).toEqual([{ row: 3, cells: [null, { kind: 'number', value: 42 }] }]);
    expect(await refusal(await patchXlsx(stored, { 'xl/worksheets/sheet1.xml': null }))).toEqual({
      code: 'corrupt_file',
    });
    expect(await refusal(await patchXlsx(stored, { 'xl/workbook.xml': null }))).toEqual({
      code: 'unsupported_file_type',
      hint: 'ZIP',
    });
  });
});

/** The offset of an entry's local header. */
function localHeader(zip: Buffer, name: string): number {
  const wanted = Buffer.from(name);
  for (let i = 0; i + 30 < zip.length; i++) {
    if (zip.readUInt32LE(i) !== 0x04034b50) continue;
    const length = zip.readUInt16LE(i + 26);
    if (zip.subarray(i + 30, i + 30 + length).equals(wanted)) return i;
  }
  throw new Error(`no entry ${name}`);
}

/** Flips bytes in the middle of an entry's compressed data. */
function damageEntry(zip: Buffer, name: string): Buffer {
  const out = Buffer.from(zip);
  const header = localHeader(out, name);
  const start = header + 30 + out.readUInt16LE(header + 26) + out.readUInt16LE(header + 28);
  for (let i = start + 2; i < start + 12; i++) out[i] ^= 0x5a;
  return out;
}

/** Sets a general-purpose flag bit of one entry, in its local header and its central-directory record. */
function setEntryFlag(zip: Buffer, name: string, bit: number): Buffer {
  const out = Buffer.from(zip);
  out[localHeader(out, name) + 6] |= bit;
  const wanted = Buffer.from(name);
  for (let i = 0; i + 46 < out.length; i++) {
    if (out.readUInt32LE(i) !== 0x02014b50) continue;
    const length = out.readUInt16LE(i + 28);
    if (out.subarray(i + 46, i + 46 + length).equals(wanted)) out[i + 8] |= bit;
  }
  return out;
}

function colName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
