import type { UiLanguage } from '@passerelle/domain-client';
import { neutralizeFormula } from '@passerelle/domain-validators';
import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import type { PackedRow } from '../checking/check-run';
import { issueMessage } from '../issue-message';
import type { SheetCell } from '../reading/cells';
import { cellDisplay } from '../reading/header-row';

/** One finding as the error file takes it: [row, severity, field, code, hint, column]. */
export type ErrorFileIssue = [
  row: number,
  severity: 'error' | 'warning' | 'skip',
  field: string,
  code: string,
  hint: string | null,
  column: number | null,
];

export interface ErrorWorkbookOptions {
  lang: UiLanguage;
  /** the header row's texts, by column */
  headers: string[];
}

interface SheetText {
  sheet: string;
  errors: string;
  warning: string;
  separator: string;
}

const TEXT: Readonly<Record<UiLanguage, SheetText>> = {
  fr: { sheet: 'Clients', errors: 'Erreurs', warning: 'Avertissement', separator: ' : ' },
  en: { sheet: 'Clients', errors: 'Errors', warning: 'Warning', separator: ': ' },
  ar: { sheet: 'العملاء', errors: 'الأخطاء', warning: 'تنبيه', separator: ': ' },
};

const ERROR_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
const WARNING_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFEB9C' } };
const ERROR_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FF9C0006' } };

/** Text written to a cell: formula-like text neutralised (OWASP CSV/formula injection rule). */
function safe(text: string): string {
  return neutralizeFormula(text);
}

/**
 * "The file with its errors" (issue 11): the file's header and data rows as read (every cell as text, so
 * identifiers keep their zeros when the file comes back), an Errors column with each row's messages in the
 * reader's language, and every cell with a finding highlighted and carrying the message as a comment.
 * Streamed with exceljs's WorkbookWriter into memory, a page of rows at a time; it runs in the import
 * thread (a 100,000-row file never stalls the API).
 */
export class ErrorWorkbook {
  private readonly stream = new PassThrough();
  private readonly chunks: Buffer[] = [];
  private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly sheet: ExcelJS.Worksheet;
  private readonly errorsColumn: number;
  private readonly text: SheetText;

  constructor(private readonly options: ErrorWorkbookOptions) {
    this.text = TEXT[options.lang];
    this.stream.on('data', (chunk: Buffer) => this.chunks.push(chunk));
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: this.stream,
      useStyles: true,
      useSharedStrings: false,
    });
    // Arabic reads from the right: the sheet opens mirrored, column A on the right (as the template does).
    this.sheet = this.workbook.addWorksheet(this.text.sheet, {
      views: [{ state: 'frozen', ySplit: 1, rightToLeft: options.lang === 'ar' }],
    });
    this.errorsColumn = options.headers.length + 1;
    this.sheet.columns = [
      ...options.headers.map(() => ({ width: 22 })),
      { width: 60, style: { alignment: { wrapText: true, vertical: 'top' } } },
    ];
    const header = this.sheet.addRow([...options.headers.map(safe), safe(this.text.errors)]);
    header.font = { bold: true };
    header.commit();
  }

  /** A page of rows in file order, with their findings (any order). */
  add(rows: readonly PackedRow[], issues: readonly ErrorFileIssue[]): void {
    const byRow = new Map<number, ErrorFileIssue[]>();
    for (const issue of issues) {
      const list = byRow.get(issue[0]);
      if (list) list.push(issue);
      else byRow.set(issue[0], [issue]);
    }
    for (const [rowNumber, json] of rows) {
      const cells = JSON.parse(json) as SheetCell[];
      const found = byRow.get(rowNumber) ?? [];
      const values: (string | null)[] = [];
      for (let column = 0; column < Math.max(cells.length, this.options.headers.length); column++)
        values.push(safe(cellDisplay(cells[column] ?? null)));
      const messages = found.map((issue) => this.message(issue));
      if (messages.length > 0) values[this.errorsColumn - 1] = safe(messages.join('\n'));
      const row = this.sheet.addRow(values);
      const notes = new Map<number, { messages: string[]; error: boolean }>();
      for (const issue of found) {
        const column = issue[5];
        if (column === null || issue[1] === 'skip') continue;
        const note = notes.get(column) ?? { messages: [], error: false };
        note.messages.push(this.message(issue));
        note.error ||= issue[1] === 'error';
        notes.set(column, note);
      }
      for (const [column, note] of notes) {
        const cell = row.getCell(column + 1);
        cell.fill = note.error ? ERROR_FILL : WARNING_FILL;
        if (note.error) cell.font = ERROR_FONT;
        cell.note = safe(note.messages.join('\n'));
      }
      if (messages.length > 0 && found.some((issue) => issue[1] === 'error'))
        row.getCell(this.errorsColumn).font = ERROR_FONT;
      row.commit();
    }
  }

  async finish(): Promise<Uint8Array> {
    this.sheet.commit();
    await this.workbook.commit();
    const bytes = Buffer.concat(this.chunks);
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  private message([, severity, field, code, hint]: ErrorFileIssue): string {
    const text = issueMessage(code, field, hint, severity, this.options.lang);
    return severity === 'warning' ? `${this.text.warning}${this.text.separator}${text}` : text;
  }
}
