import { readCsv } from './csv-reader';
import { ImportFileError } from './file-error';
import type { ReadLimits } from './limits';
import type { ReadResult } from './read-result';
import { sniffFormat } from './sniff';
import { readXlsx } from './xlsx-reader';
import { megabytes } from './zip';

export interface ReadOptions {
  /** the sheet to read (.xlsx); default: the first visible sheet holding data */
  sheet?: string | null;
  limits: ReadLimits;
}

/** Reads an uploaded spreadsheet, whatever its name says: the first bytes decide (.xlsx or CSV). */
export async function readSpreadsheet(bytes: Buffer, options: ReadOptions): Promise<ReadResult> {
  if (bytes.length > options.limits.maxBytes) {
    throw new ImportFileError('file_too_large', megabytes(options.limits.maxBytes));
  }
  const format = sniffFormat(bytes);
  return format === 'xlsx' ? readXlsx(bytes, options) : readCsv(bytes, options.limits);
}
