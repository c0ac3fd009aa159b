import type { FileProblemCode } from './import-errors';

/**
 * Bulk import (SPEC §6): the accepted spreadsheet types, the default limits and the first-bytes check that
 * the API applies at upload and the web app applies before sending a file. The one home of these rules.
 */

/** Default limits (the API's IMPORT_MAX_FILE_MB, IMPORT_MAX_ROWS, IMPORT_MAX_COLUMNS; its answer wins). */
export const DEFAULT_IMPORT_MAX_FILE_MB = 20;
export const DEFAULT_IMPORT_MAX_ROWS = 100_000;
export const DEFAULT_IMPORT_MAX_COLUMNS = 60;

/** The `accept` attribute of the import's file picker (a hint for the picker only: the content decides). */
export const IMPORT_ACCEPT_ATTRIBUTE = [
  '.xlsx',
  '.csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/csv',
].join(',');

/** What the first bytes of a file say: how to read it, or why it is not a spreadsheet. */
export type SpreadsheetSniff =
  { ok: true; format: 'xlsx' | 'csv' } | { ok: false; code: FileProblemCode; hint?: string };

/** Bytes at the start of a file that sniffSpreadsheet() looks at (the NUL-byte check of text files). */
export const SPREADSHEET_SNIFF_BYTES = 8192;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** "EncryptedPackage" in UTF-16LE: the stream a password-protected .xlsx keeps inside an OLE container. */
const ENCRYPTED_PACKAGE = Array.from('EncryptedPackage').flatMap((c) => [c.charCodeAt(0), 0]);

/** Binary formats people upload by mistake, named in the error so they know what they sent. */
const KNOWN_BINARY: readonly { name: string; signature: readonly number[]; offset?: number }[] = [
  { name: 'PDF', signature: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: 'PNG', signature: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'JPEG', signature: [0xff, 0xd8, 0xff] },
  { name: 'GIF', signature: [0x47, 0x49, 0x46, 0x38] },
  { name: 'WEBP', signature: [0x57, 0x45, 0x42, 0x50], offset: 8 },
  { name: 'RAR', signature: [0x52, 0x61, 0x72, 0x21] },
  { name: '7Z', signature: [0x37, 0x7a, 0xbc, 0xaf] },
  { name: 'GZIP', signature: [0x1f, 0x8b] },
];

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0): boolean =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

function contains(bytes: Uint8Array, sequence: readonly number[]): boolean {
  const first = sequence[0];
  for (let i = bytes.indexOf(first); i >= 0 && i + sequence.length <= bytes.length;) {
    if (startsWith(bytes, sequence, i)) return true;
    i = bytes.indexOf(first, i + 1);
  }
  return false;
}

/**
 * Decides from the first bytes (never from the name alone) how to read a file, or why it is not a
 * spreadsheet: an empty file, another binary format, a legacy .xls (BIFF) or a password-protected workbook
 * (both OLE containers). A zip is read as .xlsx; anything textual as CSV. Pure: the API decides with it, the
 * web app uses it to refuse a file before sending it.
 */
export function sniffSpreadsheet(head: Uint8Array): SpreadsheetSniff {
  if (head.length === 0) return { ok: false, code: 'empty_file' };
  if (startsWith(head, ZIP) || startsWith(head, EMPTY_ZIP)) return { ok: true, format: 'xlsx' };
  if (startsWith(head, OLE))
    return { ok: false, code: contains(head, ENCRYPTED_PACKAGE) ? 'encrypted_workbook' : 'legacy_xls' };
  for (const known of KNOWN_BINARY) {
    if (startsWith(head, known.signature, known.offset))
      return { ok: false, code: 'unsupported_file_type', hint: known.name };
  }
  // UTF-16 text starts with its byte-order mark; any other text has no NUL byte in its first kilobytes.
  const utf16 = startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff]);
  if (!utf16 && head.subarray(0, SPREADSHEET_SNIFF_BYTES).includes(0))
    return { ok: false, code: 'binary_content' };
  return { ok: true, format: 'csv' };
}
