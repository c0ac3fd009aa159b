import type { ClientDraft } from '@passerelle/domain-client';
import { clientSearchText } from '@passerelle/domain-validators';
import type { SheetRow } from '../reading/cells';
import { RowChecker, type CheckOptions } from './row-checker';

/** A stored row as it leaves PostgreSQL: its number and its cells as JSON text (parsed in the thread). */
export type PackedRow = [row: number, cells: string];

/** What the check of one batch of rows adds up to; its findings already serialised for import_issue. */
export interface CheckBatchResult {
  rows: number;
  valid: number;
  invalid: number;
  warnings: number;
  duplicates: number;
  /** [[row, seq, severity, field, code, hint, column], …] as importStore.insertIssues takes it */
  issuesJson: string;
  issueCount: number;
}

/** The clients to create from a batch, column by column (what the unnest insert takes). */
export interface DraftColumns {
  rows: number[];
  name: string[];
  address: string[];
  postalCode: string[];
  city: string[];
  country: string[];
  ice: (string | null)[];
  taxId: (string | null)[];
  iban: (string | null)[];
  language: string[];
  contactName: string[];
  contactLanguage: string[];
  contactEmail: (string | null)[];
  shareDocuments: boolean[];
  accountingSoftwareId: (string | null)[];
  /** what the list searches in (clientSearchText), computed here rather than on the API's event loop */
  searchText: string[];
}

const DRAFT_FIELDS = [
  'name',
  'address',
  'postalCode',
  'city',
  'country',
  'ice',
  'taxId',
  'iban',
  'language',
  'contactName',
  'contactLanguage',
  'contactEmail',
  'shareDocuments',
  'accountingSoftwareId',
] as const satisfies readonly (keyof ClientDraft)[];

function unpack(rows: readonly PackedRow[]): SheetRow[] {
  return rows.map(([row, cells]) => ({ row, cells: JSON.parse(cells) as SheetRow['cells'] }));
}

/**
 * One check or import run inside the import thread: rows arrive as stored, findings and drafts leave
 * ready for the database (JSON text, column arrays), so the API's event loop only passes them along. The
 * valid rows' unique keys stay here until the run asks for them (to look for existing clients).
 */
export class CheckRun {
  private readonly checker: RowChecker;
  private readonly keyed: [row: number, ice: string | null, email: string | null][] = [];

  constructor(options: CheckOptions) {
    this.checker = new RowChecker(options);
  }

  checkBatch(packed: readonly PackedRow[]): CheckBatchResult {
    const result: CheckBatchResult = {
      rows: 0,
      valid: 0,
      invalid: 0,
      warnings: 0,
      duplicates: 0,
      issuesJson: '[]',
      issueCount: 0,
    };
    const issues: unknown[] = [];
    for (const row of unpack(packed)) {
      const checked = this.checker.check(row);
      if (checked.example) continue;
      result.rows++;
      if (checked.valid) {
        result.valid++;
        this.keyed.push([checked.row, checked.ice ?? null, checked.email ?? null]);
      } else result.invalid++;
      let warned = false;
      let duplicate = false;
      checked.issues.forEach((issue, seq) => {
        if (issue.severity === 'warning') warned = true;
        if (issue.code === 'duplicate_in_file') duplicate = true;
        issues.push([
          issue.row,
          seq,
          issue.severity,
          issue.field,
          issue.code,
          issue.hint ?? null,
          issue.column,
        ]);
      });
      if (warned) result.warnings++;
      if (duplicate) result.duplicates++;
    }
    result.issuesJson = JSON.stringify(issues);
    result.issueCount = issues.length;
    return result;
  }

  /** The valid rows' [row, ICE, lower-case e-mail], a slice at a time. */
  keys(offset: number, limit: number): [number, string | null, string | null][] {
    return this.keyed.slice(offset, offset + limit);
  }

  /** Every data row's [row, ICE, lower-case e-mail], valid or not (the template's example row left out). */
  rowKeys(packed: readonly PackedRow[]): [number, string | null, string | null][] {
    const keys: [number, string | null, string | null][] = [];
    for (const row of unpack(packed)) {
      const found = this.checker.keys(row);
      if (found) keys.push([row.row, found.ice ?? null, found.email ?? null]);
    }
    return keys;
  }

  /** The drafts of the valid rows of a batch, as columns. */
  columns(packed: readonly PackedRow[]): DraftColumns {
    const out = { rows: [] as number[], searchText: [] as string[] } as DraftColumns;
    for (const field of DRAFT_FIELDS) (out as unknown as Record<string, unknown[]>)[field] = [];
    for (const row of unpack(packed)) {
      const draft = this.checker.check(row).draft;
      if (!draft) continue;
      out.rows.push(row.row);
      out.searchText.push(clientSearchText(draft));
      for (const field of DRAFT_FIELDS)
        (out as unknown as Record<string, unknown[]>)[field].push(draft[field]);
    }
    return out;
  }
}
