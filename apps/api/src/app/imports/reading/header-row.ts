import { suggestMapping } from '@passerelle/domain-mapping';
import { cellText } from '@passerelle/domain-validators';
import { isBlankCell, isErrorCell, type SheetCell, type SheetRow } from './cells';

/** The text a cell shows, for headers and error reports. */
export function cellDisplay(cell: SheetCell | undefined): string {
  return isErrorCell(cell) ? cell.value : cellText(cell);
}

/** A header is read from its texts: numbers, booleans and errors are data. */
export function headerTexts(row: SheetRow | undefined): string[] {
  return (row?.cells ?? []).map((cell) => (typeof cell === 'string' ? cell.trim() : cellDisplay(cell)));
}

function textCells(row: SheetRow): number {
  let count = 0;
  for (const cell of row.cells) if (typeof cell === 'string' && !isBlankCell(cell)) count++;
  return count;
}

/**
 * The header row among the first `searchRows` non-blank rows: the one whose cells name the most of our
 * fields (template headers in fr/en/ar, synonyms, headers containing a synonym — the domain's
 * suggestMapping, headers only); a title row or a note above it names one at most. When no row names any
 * field, the first row with the most text cells. Returns the row's own number, or null for no rows.
 */
export function detectHeaderRow(rows: readonly SheetRow[], searchRows: number): number | null {
  const candidates = rows.slice(0, searchRows);
  if (candidates.length === 0) return null;
  let best: { row: number; score: number } | null = null;
  for (const candidate of candidates) {
    const headers = headerTexts(candidate);
    const named = Object.keys(suggestMapping(headers, [])).length;
    if (named > 0 && (!best || named > best.score)) best = { row: candidate.row, score: named };
  }
  if (best) return best.row;
  let widest = candidates[0];
  for (const candidate of candidates) if (textCells(candidate) > textCells(widest)) widest = candidate;
  return widest.row;
}
