/**
 * What a spreadsheet may cost us. The first three are the product limits (AppConfig, README); the others
 * are structural guards against hostile files and are not meant to be tuned.
 */
export interface ReadLimits {
  /** size of the uploaded file */
  maxBytes: number;
  /** data rows (after the header row, blank rows not counted) */
  maxDataRows: number;
  /** columns holding a value */
  maxColumns: number;
  /** the header row is looked for among this many first non-blank rows */
  headerSearchRows: number;
  /** entries in the zip's central directory (an .xlsx holds a few dozen) */
  maxZipEntries: number;
  /** inflated bytes of any one entry, and of all the entries read, declared and actual */
  maxInflatedBytes: number;
  /** inflated / compressed, for entries over 1 MB inflated (zip bombs are thousands to one) */
  maxCompressionRatio: number;
  /** entries of the shared-strings table */
  maxSharedStrings: number;
  /** characters of the shared-strings table, all strings together */
  maxSharedStringChars: number;
  /** characters of one cell (Excel's own limit is 32,767) */
  maxCellChars: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxBytes: 20 * 1024 * 1024,
  maxDataRows: 100_000,
  maxColumns: 60,
  headerSearchRows: 20,
  maxZipEntries: 1_000,
  maxInflatedBytes: 300 * 1024 * 1024,
  maxCompressionRatio: 200,
  maxSharedStrings: 2_000_000,
  maxSharedStringChars: 60_000_000,
  maxCellChars: 32_767,
};

/** A row beyond this many non-blank rows cannot be a data row within the limit, whatever the header row. */
export function maxSheetRows(limits: ReadLimits): number {
  return limits.maxDataRows + limits.headerSearchRows;
}
