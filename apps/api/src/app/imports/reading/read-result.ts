import type { SheetRow } from './cells';

/** What reading a file gives: its non-blank rows (all of them: the header row is chosen afterwards). */
export interface ReadResult {
  format: 'xlsx' | 'csv';
  /** CSV only: how the text was decoded and split */
  encoding?: string;
  delimiter?: string;
  /** .xlsx only: the visible sheets, in workbook order */
  sheets: string[];
  /** the sheet read (.xlsx), null for CSV */
  sheet: string | null;
  rows: SheetRow[];
}
