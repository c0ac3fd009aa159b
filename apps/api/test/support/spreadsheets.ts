import ExcelJS from 'exceljs';
import JSZip from 'jszip';

/** An .xlsx written by exceljs (the way most of our fixtures are made). */
export async function workbookBuffer(
  build: (workbook: ExcelJS.Workbook) => void | Promise<void>,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await build(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A zip of the given parts, deflated (or stored). */
export async function zipBuffer(
  files: Record<string, string | Buffer>,
  compression: 'DEFLATE' | 'STORE' = 'DEFLATE',
): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(files)) zip.file(name, content);
  return zip.generateAsync({ type: 'nodebuffer', compression, compressionOptions: { level: 9 } });
}

/** Re-zips an .xlsx with some parts replaced (or removed when null). */
export async function patchXlsx(
  xlsx: Buffer,
  parts: Record<string, string | Buffer | null>,
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  for (const [name, content] of Object.entries(parts)) {
    if (content === null) zip.remove(name);
    else zip.file(name, content);
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** The text of one part of an .xlsx. */
export async function xlsxPart(xlsx: Buffer, name: string): Promise<string> {
  const file = (await JSZip.loadAsync(xlsx)).file(name);
  if (!file) throw new Error(`no part ${name}`);
  return file.async('string');
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const PACKAGE_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Feuil1" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = (withStrings: boolean) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>${
  withStrings
    ? '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
    : ''
}</Relationships>`;

/** A hand-written one-sheet .xlsx: for the cases no spreadsheet program writes (hostile or odd parts). */
export async function rawXlsx(parts: {
  sheetData?: string;
  sheetXml?: string;
  sharedStrings?: string;
  workbook?: string;
  extra?: Record<string, string | Buffer>;
  compression?: 'DEFLATE' | 'STORE';
}): Promise<Buffer> {
  const sheetXml =
    parts.sheetXml ??
    `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${parts.sheetData ?? ''}</sheetData></worksheet>`;
  const files: Record<string, string | Buffer> = {
    '[Content_Types].xml': CONTENT_TYPES,
    '_rels/.rels': PACKAGE_RELS,
    'xl/workbook.xml': parts.workbook ?? WORKBOOK,
    'xl/_rels/workbook.xml.rels': WORKBOOK_RELS(parts.sharedStrings !== undefined),
    'xl/worksheets/sheet1.xml': sheetXml,
    ...(parts.sharedStrings !== undefined ? { 'xl/sharedStrings.xml': parts.sharedStrings } : {}),
    ...parts.extra,
  };
  return zipBuffer(files, parts.compression);
}

/**
 * Rewrites the inflated size an entry declares, in its local header and in the central directory — what a
 * zip bomb that lies about its size does.
 */
export function forgeDeclaredSize(zip: Buffer, entryName: string, size: number): Buffer {
  const out = Buffer.from(zip);
  const name = Buffer.from(entryName);
  let patched = 0;
  for (let i = 0; i + 46 < out.length; i++) {
    const signature = out.readUInt32LE(i);
    if (signature === 0x04034b50) {
      const nameLength = out.readUInt16LE(i + 26);
      if (out.subarray(i + 30, i + 30 + nameLength).equals(name)) {
        out.writeUInt32LE(size, i + 22);
        patched++;
      }
    } else if (signature === 0x02014b50) {
      const nameLength = out.readUInt16LE(i + 28);
      if (out.subarray(i + 46, i + 46 + nameLength).equals(name)) {
        out.writeUInt32LE(size, i + 24);
        patched++;
      }
    }
  }
  if (patched < 2) throw new Error(`entry ${entryName} not found`);
  return out;
}

/** The start of an OLE compound file (legacy .xls and password-protected workbooks). */
export function oleFile(streamName?: string): Buffer {
  const header = Buffer.alloc(4096);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  if (streamName) Buffer.from(streamName, 'utf16le').copy(header, 1024);
  else Buffer.from('Workbook', 'utf16le').copy(header, 1024);
  return header;
}
