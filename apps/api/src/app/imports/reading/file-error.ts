import { isFileProblemCode, type FileProblemCode } from '@passerelle/domain-client';

export { isFileProblemCode, type FileProblemCode };

/**
 * Thrown by the readers: why a file cannot be read (codes and messages: libs/domain/client import-errors).
 * `hint` is language-neutral data for the message (a limit, a line, a file type).
 */
export class ImportFileError extends Error {
  constructor(
    readonly code: FileProblemCode,
    readonly hint?: string,
  ) {
    super(hint === undefined ? code : `${code} (${hint})`);
    this.name = 'ImportFileError';
  }
}
