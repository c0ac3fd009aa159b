import { sniffSpreadsheet } from '@passerelle/domain-client';
import { ImportFileError } from './file-error';

export type SpreadsheetFormat = 'xlsx' | 'csv';

/**
 * Decides from the first bytes (never from the name alone) how to read a file, and refuses at once what is
 * not a spreadsheet: empty files, other binary formats, legacy .xls (BIFF) and password-protected
 * workbooks (both OLE containers). A zip is read as .xlsx; anything textual as CSV. The rule is the
 * domain's sniffSpreadsheet, which the web app applies before sending a file.
 */
export function sniffFormat(bytes: Uint8Array): SpreadsheetFormat {
  const sniffed = sniffSpreadsheet(bytes);
  if (!sniffed.ok) throw new ImportFileError(sniffed.code, sniffed.hint);
  return sniffed.format;
}
