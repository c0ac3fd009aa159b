import type { ErrorCode, FieldKey, Warning } from '@passerelle/domain-client';

/** A numeric spreadsheet cell, as an xlsx reader hands it over. */
export interface NumericCell {
  kind: 'number';
  value: number;
}

/**
 * The value of one cell (spreadsheet, CSV or form field) as read, before any interpretation:
 *
 * - `string`: text — a CSV cell, a text-formatted Excel cell, a form input. Leading zeros are kept.
 * - `number` or `{ kind: 'number', value }`: a **numeric** Excel cell. Excel drops leading zeros and keeps
 *   only 15 significant digits, so identifier normalisers treat a number differently from the same digits
 *   typed as text (ICE is left-padded with a warning, IF refuses lost zeros, a RIB is `precision_lost`).
 * - `boolean`: an Excel boolean cell (meaningful for `shareDocuments` only).
 * - `null` / `undefined`: an empty cell. A string of only spaces counts as empty too.
 */
export type CellInput = string | number | boolean | null | undefined | NumericCell;

/**
 * The result of one normaliser: the canonical value (possibly with warnings), or one stable error code.
 * `hint` is language-neutral data for the message (expected length, candidate codes…).
 */
export type Check<T> =
  { ok: true; value: T; warnings?: Warning[] } | { ok: false; code: ErrorCode; hint?: string };

/** A raw row for validateClient: one cell per field, all optional. */
export type RawClientRow = Partial<Record<FieldKey, CellInput>>;

/** The number held by a numeric cell, or undefined for any other cell. */
export function cellNumber(input: CellInput): number | undefined {
  if (typeof input === 'number') return input;
  if (input !== null && typeof input === 'object' && input.kind === 'number') return input.value;
  return undefined;
}

/** The text of a non-numeric cell; numbers print as Excel shows integers; empty cells give ''. */
export function cellText(input: CellInput): string {
  if (typeof input === 'string') return input;
  if (input === null || input === undefined) return '';
  if (typeof input === 'boolean') return input ? 'TRUE' : 'FALSE';
  const n = cellNumber(input);
  return n === undefined ? '' : numberToPlainString(n);
}

/** Prints a finite number without exponent (String(1e21) would be '1e+21'). */
export function numberToPlainString(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  return n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

// Frozen error results: normalisers return these shared objects instead of allocating one per call.
const failures = new Map<string, Check<never>>();
export function fail(code: ErrorCode, hint?: string): Check<never> {
  const key = hint === undefined ? code : `${code}\u0000${hint}`;
  let result = failures.get(key);
  if (!result) {
    result = Object.freeze(
      hint === undefined ? { ok: false, code } : { ok: false, code, hint },
    ) as Check<never>;
    if (failures.size < 10_000) failures.set(key, result);
  }
  return result;
}

export function ok<T>(value: T, warnings?: Warning[]): Check<T> {
  return warnings ? { ok: true, value, warnings } : { ok: true, value };
}
