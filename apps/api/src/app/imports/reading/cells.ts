import type { NumericCell } from '@passerelle/domain-validators';

/** An Excel error value (#N/A, #REF!, #DIV/0!…) where a value was expected. */
export interface ErrorCell {
  kind: 'error';
  value: string;
}

/**
 * One cell as read, before any interpretation (see CellInput in libs/domain/validators): text, a numeric
 * cell (the number Excel stored), a boolean, an Excel error, or null for an empty cell. Dates are ISO text.
 * Plain JSON, so rows can be stored as they are.
 */
export type SheetCell = string | NumericCell | boolean | ErrorCell | null;

/** A non-blank row: its own row number in the sheet (1-based; the line number for CSV) and its cells. */
export interface SheetRow {
  row: number;
  cells: SheetCell[];
}

export function isErrorCell(cell: unknown): cell is ErrorCell {
  return typeof cell === 'object' && cell !== null && (cell as ErrorCell).kind === 'error';
}

/** Blank: null, or text of only whitespace. */
export function isBlankCell(cell: SheetCell | undefined): boolean {
  if (cell === null || cell === undefined) return true;
  return typeof cell === 'string' && cell.trim() === '';
}

/** 0 → A, 25 → Z, 26 → AA … */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** The 0-based column of a cell reference ("AB12" → 27); -1 when it has no letters. */
export function columnIndexOfRef(ref: string): number {
  let index = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20; // lower-case
    if (c < 0x61 || c > 0x7a) break;
    index = index * 26 + (c - 0x60);
    if (index > 1_000_000) return Number.MAX_SAFE_INTEGER;
  }
  return i === 0 ? -1 : index - 1;
}

/** The row number of a cell reference ("AB12" → 12); NaN when absent. */
export function rowOfRef(ref: string): number {
  const match = /[0-9]+$/.exec(ref);
  return match ? Number(match[0]) : Number.NaN;
}
