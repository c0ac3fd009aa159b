import { ImportFileError } from './file-error';

export type SpreadsheetFormat = 'xlsx' | 'csv';

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0): boolean =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** "EncryptedPackage" in UTF-16LE: the stream a password-protected .xlsx keeps inside an OLE container. */
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

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

const TEXT_SAMPLE = 8192;

/**
 * Decides from the first bytes (never from the name alone) how to read a file, and refuses at once what is
 * not a spreadsheet: empty files, other binary formats, legacy .xls (BIFF) and password-protected
 * workbooks (both OLE containers). A zip is read as .xlsx; anything textual as CSV.
 */
export function sniffFormat(bytes: Uint8Array): SpreadsheetFormat {
  if (bytes.length === 0) throw new ImportFileError('empty_file');
  if (startsWith(bytes, ZIP) || startsWith(bytes, EMPTY_ZIP)) return 'xlsx';
  if (startsWith(bytes, OLE)) {
    const encrypted = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(
      ENCRYPTED_PACKAGE,
    );
    throw new ImportFileError(encrypted ? 'encrypted_workbook' : 'legacy_xls');
  }
  for (const known of KNOWN_BINARY) {
    if (startsWith(bytes, known.signature, known.offset))
      throw new ImportFileError('unsupported_file_type', known.name);
  }
  // UTF-16 text starts with its byte-order mark; any other text has no NUL byte in its first kilobytes.
  const utf16 = startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
  if (!utf16 && bytes.subarray(0, TEXT_SAMPLE).includes(0)) throw new ImportFileError('binary_content');
  return 'csv';
}
