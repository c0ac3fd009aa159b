import type { ClientDraft, ErrorCode, FieldKey, WarningCode } from '@passerelle/domain-client';
import { applyMapping, type ColumnMapping } from '@passerelle/domain-mapping';
import {
  isBlank,
  normalizeEmail,
  normalizeIce,
  validateClient,
  type CellInput,
} from '@passerelle/domain-validators';
import { isErrorCell, type SheetRow } from '../reading/cells';
import { isTemplateExample } from '../template/template-content';

export type IssueSeverity = 'error' | 'warning' | 'skip';

/** One finding of the check on one row and field; `column` is the file's 0-based column, if mapped. */
export interface RowIssue {
  row: number;
  severity: IssueSeverity;
  field: FieldKey;
  code: ErrorCode | WarningCode;
  hint?: string;
  column: number | null;
}

export interface CheckedRow {
  row: number;
  /** the template's example row: not a client, not counted */
  example: boolean;
  valid: boolean;
  issues: RowIssue[];
  /** the row's unique keys (valid rows only), to look for existing clients */
  ice?: string;
  email?: string;
  draft?: ClientDraft;
}

export interface CheckOptions {
  mapping: ColumnMapping;
  /** the firm's accounting-software configurations: lower-case label and id → id */
  software: Record<string, string>;
  /** report later rows repeating an ICE or contact e-mail (the check); the import relies on its findings */
  dedupe: boolean;
}

/**
 * Checks the rows of one file, in file order: every row through the domain's validateClient (with its
 * warnings), Excel error values reported on their field, the accounting software resolved by label or id,
 * and — across rows — a repeated ICE or contact e-mail (case-insensitive) reported on the later row as
 * `duplicate_in_file` naming the first one. Pure: it runs in the import thread.
 */
export class RowChecker {
  private readonly firstIce = new Map<string, number>();
  private readonly firstEmail = new Map<string, number>();

  constructor(private readonly options: CheckOptions) {}

  check(row: SheetRow): CheckedRow {
    const { mapping } = this.options;
    const cells: CellInput[] = [];
    const cellErrors = new Map<FieldKey, string>();
    for (const [field, column] of Object.entries(mapping) as [FieldKey, number][]) {
      const cell = row.cells[column];
      if (isErrorCell(cell)) cellErrors.set(field, cell.value);
    }
    for (const cell of row.cells) cells.push(isErrorCell(cell) ? null : cell);
    const raw = applyMapping(mapping, cells);
    if (isTemplateExample(raw.name)) return { row: row.row, example: true, valid: false, issues: [] };

    const validation = validateClient(raw);
    const issues: RowIssue[] = [];
    const column = (field: FieldKey): number | null => mapping[field] ?? null;
    for (const error of validation.errors) {
      if (cellErrors.has(error.field)) continue;
      issues.push({
        row: row.row,
        severity: 'error',
        field: error.field,
        code: error.code,
        hint: error.hint,
        column: column(error.field),
      });
    }
    for (const [field, value] of cellErrors) {
      issues.push({
        row: row.row,
        severity: 'error',
        field,
        code: 'cell_error',
        hint: value,
        column: column(field),
      });
    }
    for (const warning of validation.warnings) {
      const field = warning.field ?? 'name';
      if (cellErrors.has(field)) continue;
      issues.push({
        row: row.row,
        severity: 'warning',
        field,
        code: warning.code,
        hint: warning.hint,
        column: column(field),
      });
    }

    let draft = cellErrors.size === 0 ? validation.value : undefined;
    if (draft?.accountingSoftwareId) {
      const id = this.options.software[draft.accountingSoftwareId.toLowerCase()];
      if (id) draft = { ...draft, accountingSoftwareId: id };
      else {
        issues.push({
          row: row.row,
          severity: 'error',
          field: 'accountingSoftwareId',
          code: 'unknown_accounting_software',
          column: column('accountingSoftwareId'),
        });
        draft = undefined;
      }
    }

    const ice = draft ? (draft.ice ?? undefined) : keyOf(raw.ice, normalizeIce);
    const email = (
      draft ? (draft.contactEmail ?? undefined) : keyOf(raw.contactEmail, normalizeEmail)
    )?.toLowerCase();
    if (this.options.dedupe) {
      if (ice !== undefined) this.repeated(this.firstIce, ice, row.row, 'ice', issues);
      if (email !== undefined) this.repeated(this.firstEmail, email, row.row, 'contactEmail', issues);
    }
    const valid = !issues.some((issue) => issue.severity === 'error');
    return valid
      ? { row: row.row, example: false, valid, issues, ice, email, draft }
      : { row: row.row, example: false, valid, issues };
  }

  /**
   * The row's unique keys (normalised ICE, lower-case contact e-mail) whether it is valid or not — the keys
   * check() compares across rows; null for the template's example row.
   */
  keys(row: SheetRow): { ice?: string; email?: string } | null {
    const cells = row.cells.map((cell) => (isErrorCell(cell) ? null : cell));
    const raw = applyMapping(this.options.mapping, cells);
    if (isTemplateExample(raw.name)) return null;
    return {
      ice: keyOf(raw.ice, normalizeIce),
      email: keyOf(raw.contactEmail, normalizeEmail)?.toLowerCase(),
    };
  }

  private repeated(
    first: Map<string, number>,
    key: string,
    row: number,
    field: FieldKey,
    issues: RowIssue[],
  ): void {
    const firstRow = first.get(key);
    if (firstRow === undefined) first.set(key, row);
    else
      issues.push({
        row,
        severity: 'error',
        field,
        code: 'duplicate_in_file',
        hint: String(firstRow),
        column: this.options.mapping[field] ?? null,
      });
  }
}

function keyOf(
  input: CellInput,
  normalize: (input: CellInput) => { ok: boolean; value?: unknown },
): string | undefined {
  if (isBlank(input)) return undefined;
  const checked = normalize(input);
  return checked.ok && typeof checked.value === 'string' ? checked.value : undefined;
}
