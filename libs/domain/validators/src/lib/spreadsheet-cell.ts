/**
 * Every value the product writes into a CSV or spreadsheet export goes through here: a cell that starts
 * with = + - @, a tab or a carriage return would be run as a formula by Excel or LibreOffice (CSV / formula
 * injection), so it is prefixed with an apostrophe, which shows the text as typed.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralizeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** One CSV field: formula-neutralised, quoted when it holds a separator, a quote or a line break. */
export function csvField(value: string | number | null | undefined, separator = ','): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? String(value) : neutralizeFormula(value);
  return text.includes(separator) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line (without its line break). */
export function csvRow(values: readonly (string | number | null | undefined)[], separator = ','): string {
  return values.map((value) => csvField(value, separator)).join(separator);
}
