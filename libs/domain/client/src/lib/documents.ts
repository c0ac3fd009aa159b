import type { UiLanguage } from './languages';

/**
 * Client documents (issue 12): the categories, accepted file types, limits and rules that the API enforces
 * and the web app checks before an upload. The one home of these rules.
 */

export const DOCUMENT_CATEGORIES = ['invoice', 'receipt', 'bank_statement', 'other'] as const;
export type DocumentCategory = (typeof DOCUMENT_CATEGORIES)[number];

export const DOCUMENT_CATEGORY_LABELS: Readonly<Record<DocumentCategory, Record<UiLanguage, string>>> = {
  invoice: { fr: 'Facture', en: 'Invoice', ar: 'فاتورة' },
  receipt: { fr: 'Reçu / ticket', en: 'Receipt', ar: 'وصل / تذكرة' },
  bank_statement: { fr: 'Relevé bancaire', en: 'Bank statement', ar: 'كشف حساب بنكي' },
  other: { fr: 'Autre', en: 'Other', ar: 'أخرى' },
};

export function isDocumentCategory(value: unknown): value is DocumentCategory {
  return typeof value === 'string' && (DOCUMENT_CATEGORIES as readonly string[]).includes(value);
}

/** `new` until the firm marks it processed (and back). */
export const DOCUMENT_STATUSES = ['new', 'processed'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** Where a document stands on its way to the accounting software's inbox (e-mail delivery). */
export const DOCUMENT_DELIVERY_STATUSES = ['none', 'queued', 'sent', 'failed'] as const;
export type DocumentDeliveryStatus = (typeof DOCUMENT_DELIVERY_STATUSES)[number];

/** The accepted file types, identified by their first bytes (never by name or declared Content-Type). */
export const DOCUMENT_KINDS = ['pdf', 'jpeg', 'png', 'heic', 'webp', 'xml'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_KIND_INFO: Readonly<
  Record<DocumentKind, { contentType: string; extension: string; label: string }>
> = {
  pdf: { contentType: 'application/pdf', extension: 'pdf', label: 'PDF' },
  jpeg: { contentType: 'image/jpeg', extension: 'jpg', label: 'JPEG' },
  png: { contentType: 'image/png', extension: 'png', label: 'PNG' },
  heic: { contentType: 'image/heic', extension: 'heic', label: 'HEIC' },
  webp: { contentType: 'image/webp', extension: 'webp', label: 'WebP' },
  xml: { contentType: 'application/xml', extension: 'xml', label: 'XML (UBL)' },
};

/** "PDF, JPEG, PNG, HEIC, WebP, XML (UBL)": what error messages and the drop zone name. */
export const ACCEPTED_DOCUMENT_TYPES_TEXT = DOCUMENT_KINDS.map((kind) => DOCUMENT_KIND_INFO[kind].label).join(
  ', ',
);

/** The `accept` attribute of a file picker (a hint for the picker only: the content decides). */
export const DOCUMENT_ACCEPT_ATTRIBUTE = [
  ...DOCUMENT_KINDS.map((kind) => DOCUMENT_KIND_INFO[kind].contentType),
  '.pdf',
  '.jpg',
  '.jpeg',
  '.png',
  '.heic',
  '.heif',
  '.webp',
  '.xml',
].join(',');

/** Default per-file limit (the API's DOCUMENT_MAX_FILE_MB); the API's answer is authoritative. */
export const DEFAULT_DOCUMENT_MAX_FILE_MB = 20;

/** A client may delete its upload this long after it, as long as the firm has not downloaded it. */
export const DOCUMENT_DELETE_WINDOW_HOURS = 24;

/** Bytes at the start of a file that sniffDocumentKind() looks at. */
export const DOCUMENT_SNIFF_BYTES = 8192;

/** A document's accounting period: `YYYY-MM`. */
export const DOCUMENT_PERIOD_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

export function isDocumentPeriod(value: unknown): value is string {
  return typeof value === 'string' && DOCUMENT_PERIOD_PATTERN.test(value);
}

/** Characters of a note the client may attach to an upload. */
export const DOCUMENT_NOTE_MAX_LENGTH = 500;

/** Whether the client may still delete a document it uploaded. */
export function clientMayDeleteDocument(
  document: { uploadedAt: Date | string; firmDownloadedAt: Date | string | null },
  now: Date = new Date(),
): boolean {
  if (document.firmDownloadedAt) return false;
  const uploaded = new Date(document.uploadedAt).getTime();
  return now.getTime() - uploaded < DOCUMENT_DELETE_WINDOW_HOURS * 3_600_000;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** ISO-BMFF brands of HEIF images stored with HEVC (HEIC); `mif1`/`msf1` only with an HEVC compatible brand. */
const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs']);
const HEIF_GENERIC_BRANDS = new Set(['mif1', 'msf1']);
/** Root elements of the e-invoice XML vocabularies: UBL 2.x documents and UN/CEFACT CII (Factur-X). */
const E_INVOICE_ROOTS = new Set(['Invoice', 'CreditNote', 'DebitNote', 'CrossIndustryInvoice']);

function startsWith(head: Uint8Array, bytes: readonly number[], offset = 0): boolean {
  if (head.length < offset + bytes.length) return false;
  return bytes.every((byte, i) => head[offset + i] === byte);
}

function ascii(head: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...head.subarray(from, Math.min(to, head.length)));
}

/**
 * The accepted type a file's first bytes (at least the first DOCUMENT_SNIFF_BYTES, or the whole file)
 * show, or null. Pure: the API decides with it, the web app uses it to warn before uploading.
 */
export function sniffDocumentKind(head: Uint8Array): DocumentKind | null {
  if (ascii(head, 0, 5) === '%PDF-') return 'pdf';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, PNG_SIGNATURE)) return 'png';
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return 'webp';
  if (isHeic(head)) return 'heic';
  if (isEInvoiceXml(head)) return 'xml';
  return null;
}

function isHeic(head: Uint8Array): boolean {
  if (head.length < 16 || ascii(head, 4, 8) !== 'ftyp') return false;
  const boxSize = ((head[0] << 24) | (head[1] << 16) | (head[2] << 8) | head[3]) >>> 0;
  if (boxSize < 16 || boxSize > 4096) return false;
  const major = ascii(head, 8, 12);
  if (HEIC_BRANDS.has(major)) return true;
  if (!HEIF_GENERIC_BRANDS.has(major)) return false;
  for (let offset = 16; offset + 4 <= Math.min(boxSize, head.length); offset += 4)
    if (HEIC_BRANDS.has(ascii(head, offset, offset + 4))) return true;
  return false;
}

/**
 * An XML e-invoice: after an optional BOM, the XML declaration, comments and processing instructions, the
 * root element is one of E_INVOICE_ROOTS (any namespace prefix). A DOCTYPE is refused (entity expansion);
 * so is any other XML — SVG or XHTML could carry scripts.
 */
function isEInvoiceXml(head: Uint8Array): boolean {
  let text: string;
  try {
    if (startsWith(head, [0xff, 0xfe])) text = new TextDecoder('utf-16le').decode(head.subarray(2));
    else if (startsWith(head, [0xfe, 0xff])) text = new TextDecoder('utf-16be').decode(head.subarray(2));
    else
      text = new TextDecoder('utf-8').decode(startsWith(head, [0xef, 0xbb, 0xbf]) ? head.subarray(3) : head);
  } catch {
    return false;
  }
  let rest = text;
  for (;;) {
    rest = rest.replace(/^[\s]+/, '');
    if (rest.startsWith('<?')) {
      const end = rest.indexOf('?>');
      if (end < 0) return false;
      rest = rest.slice(end + 2);
    } else if (rest.startsWith('<!--')) {
      const end = rest.indexOf('-->');
      if (end < 0) return false;
      rest = rest.slice(end + 3);
    } else break;
  }
  const root = /^<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[\s/>]/.exec(rest);
  return root !== null && E_INVOICE_ROOTS.has(root[1]);
}

/** A sent file name without path, control/bidi characters or reserved punctuation (to store or to show). */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  return (
    base
      .normalize('NFC')
      // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed here
      .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
      .replace(/[\\/:*?"<>|]/g, '_')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^\.+/, '')
  );
}

/** Longest stored file name, in characters (the extension is kept when a name is shortened). */
export const DOCUMENT_FILE_NAME_MAX = 180;

/**
 * A file name safe to store, list and put in Content-Disposition: no path, no control or bidi-override
 * characters, none of \ / : * ? " < > |, no leading dots, at most DOCUMENT_FILE_NAME_MAX characters. The
 * extension matches the sniffed type (a "facture.pdf.exe" that is really a PDF becomes "facture.pdf.exe.pdf").
 */
export function sanitizeDocumentFileName(raw: string, kind: DocumentKind): string {
  let name = cleanFileName(raw);
  const extension = DOCUMENT_KIND_INFO[kind].extension;
  const accepted = kind === 'jpeg' ? ['jpg', 'jpeg'] : kind === 'heic' ? ['heic', 'heif'] : [extension];
  const dot = name.lastIndexOf('.');
  const current = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  let suffix = '';
  if (!accepted.includes(current)) suffix = `.${extension}`;
  else {
    suffix = name.slice(dot);
    name = name.slice(0, dot);
  }
  if (!name) name = 'document';
  const room = DOCUMENT_FILE_NAME_MAX - suffix.length;
  const chars = Array.from(name);
  if (chars.length > room) name = chars.slice(0, room).join('').trimEnd();
  return `${name}${suffix}`;
}
