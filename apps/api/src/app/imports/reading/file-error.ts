/**
 * Why an uploaded file cannot be read. Stable codes (never rename one): the API answers them as the error
 * `code` (at upload, or as the failed batch's `error`), with the message of the one catalogue in
 * libs/domain/client.
 */
export const FILE_PROBLEM_CODES = [
  'file_too_large',
  'empty_file',
  'unsupported_file_type',
  'legacy_xls',
  'encrypted_workbook',
  'corrupt_file',
  'too_many_zip_entries',
  'inflated_too_large',
  'xml_dtd_forbidden',
  'too_many_shared_strings',
  'too_many_rows',
  'too_many_columns',
  'binary_content',
  'invalid_encoding',
  'csv_malformed',
  'file_too_complex',
  'no_data',
  'sheet_not_found',
] as const;
export type FileProblemCode = (typeof FILE_PROBLEM_CODES)[number];

/** Thrown by the readers; `hint` is language-neutral data for the message (a limit, a line, a type). */
export class ImportFileError extends Error {
  constructor(
    readonly code: FileProblemCode,
    readonly hint?: string,
  ) {
    super(hint === undefined ? code : `${code} (${hint})`);
    this.name = 'ImportFileError';
  }
}

export function isFileProblemCode(value: unknown): value is FileProblemCode {
  return typeof value === 'string' && (FILE_PROBLEM_CODES as readonly string[]).includes(value);
}
