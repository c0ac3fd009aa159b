import {
  clientMayDeleteDocument,
  isDocumentPeriod,
  sanitizeDocumentFileName,
  sniffDocumentKind,
} from './documents';
import { apiErrorMessage } from './api-errors';

const bytes = (...values: (number | string)[]) =>
  Uint8Array.from(
    values.flatMap((value) => (typeof value === 'string' ? [...value].map((c) => c.charCodeAt(0)) : [value])),
  );
const text = (value: string) => new TextEncoder().encode(value);

/** An ISO-BMFF `ftyp` box: size, "ftyp", major brand, minor version, compatible brands. */
function ftyp(major: string, ...compatible: string[]): Uint8Array {
  const size = 16 + 4 * compatible.length;
  return bytes(0, 0, 0, size, 'ftyp', major, 0, 0, 0, 0, ...compatible, 0, 0, 0, 8, 'mdat');
}

describe('sniffDocumentKind', () => {
  it.each([
    ['pdf', text('%PDF-1.7\n%âãÏÓ\n1 0 obj')],
    ['jpeg', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 'JFIF')],
    ['png', bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 'IHDR')],
    ['webp', bytes('RIFF', 0x24, 0, 0, 0, 'WEBPVP8 ')],
    ['heic', ftyp('heic', 'mif1', 'heic')],
    ['heic', ftyp('mif1', 'mif1', 'heic')],
    [
      'xml',
      text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<!-- UBL -->\n<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2">',
      ),
    ],
    [
      'xml',
      text('\ufeff<ubl:CreditNote xmlns:ubl="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2">'),
    ],
    ['xml', text('<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact">')],
  ])('recognises %s', (kind, head) => {
    expect(sniffDocumentKind(head)).toBe(kind);
  });

  it.each([
    ['a Windows executable renamed .pdf', bytes('MZ', 0x90, 0, 3, 0, 0, 0, 4, 0)],
    ['an ELF binary', bytes(0x7f, 'ELF', 2, 1, 1)],
    ['an empty file', new Uint8Array(0)],
    ['HTML', text('<!doctype html><html><script>alert(1)</script>')],
    ['SVG (scripts)', text('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script/></svg>')],
    [
      'XML with a DOCTYPE (entity expansion)',
      text('<?xml version="1.0"?><!DOCTYPE Invoice [<!ENTITY a "b">]><Invoice/>'),
    ],
    ['an AVIF image', ftyp('avif', 'mif1', 'avif')],
    ['a generic HEIF box without an HEVC brand', ftyp('mif1', 'mif1', 'avif')],
    ['a GIF', text('GIF89a')],
    ['a zip (office document)', bytes('PK', 3, 4, 20, 0)],
    ['a PDF marker that is not at the start', text(' %PDF-1.4')],
  ])('refuses %s', (_, head) => {
    expect(sniffDocumentKind(head)).toBeNull();
  });
});

describe('sanitizeDocumentFileName', () => {
  it('keeps a good name as it is', () => {
    expect(sanitizeDocumentFileName('Facture été 2026.pdf', 'pdf')).toBe('Facture été 2026.pdf');
    expect(sanitizeDocumentFileName('IMG_0001.JPEG', 'jpeg')).toBe('IMG_0001.JPEG');
    expect(sanitizeDocumentFileName('فاتورة.pdf', 'pdf')).toBe('فاتورة.pdf');
  });

  it('drops paths, control and bidi characters, and Windows-reserved punctuation', () => {
    expect(sanitizeDocumentFileName('C:\\Users\\me\\..\\facture.pdf', 'pdf')).toBe('facture.pdf');
    expect(sanitizeDocumentFileName('../../etc/passwd', 'pdf')).toBe('passwd.pdf');
    expect(sanitizeDocumentFileName('a\u0000b\r\nc.pdf', 'pdf')).toBe('abc.pdf');
    expect(sanitizeDocumentFileName('invoice\u202egpj.pdf', 'pdf')).toBe('invoicegpj.pdf');
    expect(sanitizeDocumentFileName('a"b<c>d|e?.pdf', 'pdf')).toBe('a_b_c_d_e_.pdf');
    expect(sanitizeDocumentFileName('...hidden.pdf', 'pdf')).toBe('hidden.pdf');
  });

  it('gives the extension of the type found in the content', () => {
    expect(sanitizeDocumentFileName('scan.exe', 'pdf')).toBe('scan.exe.pdf');
    expect(sanitizeDocumentFileName('photo', 'png')).toBe('photo.png');
    expect(sanitizeDocumentFileName('', 'xml')).toBe('document.xml');
    expect(sanitizeDocumentFileName('IMG.HEIF', 'heic')).toBe('IMG.HEIF');
  });

  it('shortens a long name and keeps its extension', () => {
    const name = sanitizeDocumentFileName(`${'é'.repeat(300)}.pdf`, 'pdf');
    expect(Array.from(name)).toHaveLength(180);
    expect(name.endsWith('é.pdf')).toBe(true);
  });
});

describe('document rules', () => {
  it('accepts periods YYYY-MM only', () => {
    expect(isDocumentPeriod('2026-11')).toBe(true);
    expect(isDocumentPeriod('2026-13')).toBe(false);
    expect(isDocumentPeriod('2026-1')).toBe(false);
    expect(isDocumentPeriod('11/2026')).toBe(false);
  });

  it('lets a client delete within 24 hours while the firm has not downloaded it', () => {
    const now = new Date('2026-11-30T12:00:00Z');
    expect(clientMayDeleteDocument({ uploadedAt: '2026-11-29T12:00:01Z', firmDownloadedAt: null }, now)).toBe(
      true,
    );
    expect(clientMayDeleteDocument({ uploadedAt: '2026-11-29T12:00:00Z', firmDownloadedAt: null }, now)).toBe(
      false,
    );
    expect(
      clientMayDeleteDocument(
        { uploadedAt: '2026-11-30T11:00:00Z', firmDownloadedAt: '2026-11-30T11:30:00Z' },
        now,
      ),
    ).toBe(false);
  });

  it('names the file and the accepted types when refusing one', () => {
    expect(apiErrorMessage('document_type_unsupported', 'fr', 'setup.exe')).toBe(
      '« setup.exe » n’est pas d’un type accepté. Types acceptés : PDF, JPEG, PNG, HEIC, WebP ou XML (UBL) (reconnus à leur contenu, pas à leur nom).',
    );
    expect(apiErrorMessage('document_too_large', 'en', '20 MB|scan.pdf')).toBe(
      '“scan.pdf” is too large (at most 20 MB per file): make it smaller (compressed PDF, lighter photo) or split it.',
    );
  });
});
