import type { EntityManager } from 'typeorm';
import type { SheetRow } from './reading/cells';
import type { PackedRow } from './checking/check-run';
import type { RowIssue } from './checking/row-checker';
import type { BatchRecord, ImportStatus } from './import-batch';

const BATCH_COLUMNS = `
  b.id, b.firm_id, b.created_by, u.name AS created_by_name, b.status, b.revision, b.step_attempts, b.file_name, b.file_size,
  b.file_sha256, b.file_id, b.format, b.encoding, b.delimiter, b.sheets, b.sheet, b.header_row, b.headers, b.row_count,
  b.mapping, b.suggestions, b.mapping_source, b.saved_mapping_id, b.saved_mapping_name, b.progress_done,
  b.progress_total, b.summary, b.import_mode, b.imported_by, b.error_code, b.error_hint, b.created_at, b.updated_at,
  b.checked_at, b.imported_at`;

type Row = Record<string, unknown>;

function toBatch(row: Row): BatchRecord {
  return {
    id: row['id'] as string,
    firmId: row['firm_id'] as string,
    createdBy: row['created_by'] as string | null,
    createdByName: row['created_by_name'] as string | null,
    status: row['status'] as ImportStatus,
    revision: row['revision'] as number,
    stepAttempts: row['step_attempts'] as number,
    fileName: row['file_name'] as string,
    fileSize: row['file_size'] as number,
    fileSha256: row['file_sha256'] as string,
    fileId: row['file_id'] as string | null,
    format: row['format'] as BatchRecord['format'],
    encoding: row['encoding'] as string | null,
    delimiter: row['delimiter'] as string | null,
    sheets: (row['sheets'] as string[] | null) ?? [],
    sheet: row['sheet'] as string | null,
    headerRow: row['header_row'] as number | null,
    headers: (row['headers'] as string[] | null) ?? [],
    rowCount: row['row_count'] as number,
    mapping: row['mapping'] as BatchRecord['mapping'],
    suggestions: row['suggestions'] as BatchRecord['suggestions'],
    mappingSource: row['mapping_source'] as BatchRecord['mappingSource'],
    savedMappingId: row['saved_mapping_id'] as string | null,
    savedMappingName: row['saved_mapping_name'] as string | null,
    progressDone: row['progress_done'] as number,
    progressTotal: row['progress_total'] as number,
    summary: row['summary'] as BatchRecord['summary'],
    importMode: row['import_mode'] as BatchRecord['importMode'],
    importedBy: row['imported_by'] as string | null,
    errorCode: row['error_code'] as string | null,
    errorHint: row['error_hint'] as string | null,
    createdAt: row['created_at'] as Date,
    updatedAt: row['updated_at'] as Date,
    checkedAt: row['checked_at'] as Date | null,
    importedAt: row['imported_at'] as Date | null,
  };
}

/** Columns of import_batch a step may change, by their record names. */
const UPDATABLE: Partial<Record<keyof BatchRecord, string>> = {
  status: 'status',
  fileId: 'file_id',
  revision: 'revision',
  stepAttempts: 'step_attempts',
  format: 'format',
  encoding: 'encoding',
  delimiter: 'delimiter',
  sheets: 'sheets',
  sheet: 'sheet',
  headerRow: 'header_row',
  headers: 'headers',
  rowCount: 'row_count',
  mapping: 'mapping',
  suggestions: 'suggestions',
  mappingSource: 'mapping_source',
  savedMappingId: 'saved_mapping_id',
  savedMappingName: 'saved_mapping_name',
  progressDone: 'progress_done',
  progressTotal: 'progress_total',
  summary: 'summary',
  importMode: 'import_mode',
  importedBy: 'imported_by',
  errorCode: 'error_code',
  errorHint: 'error_hint',
  checkedAt: 'checked_at',
  importedAt: 'imported_at',
};
const JSON_COLUMNS = new Set(['sheets', 'headers', 'mapping', 'suggestions', 'summary']);

/** The SQL of the bulk import's tables. Every function runs in the caller's tenant transaction (RLS). */
export const importStore = {
  async insertBatch(
    em: EntityManager,
    batch: {
      firmId: string;
      createdBy: string;
      fileId: string;
      fileName: string;
      fileSize: number;
      fileSha256: string;
      sheet: string | null;
      headerRow: number | null;
    },
  ): Promise<string> {
    const rows: { id: string }[] = await em.query(
      `INSERT INTO import_batch (firm_id, created_by, status, file_id, file_name, file_size, file_sha256, sheet, header_row)
       VALUES ($1, $2, 'parsing', $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        batch.firmId,
        batch.createdBy,
        batch.fileId,
        batch.fileName,
        batch.fileSize,
        batch.fileSha256,
        batch.sheet,
        batch.headerRow,
      ],
    );
    return rows[0].id;
  },

  /**
   * Starts the batch's step `status` at `revision`: counts the attempt and returns the batch, or null when
   * the batch has moved on (the job is stale).
   */
  async startStep(
    em: EntityManager,
    id: string,
    revision: number,
    status: ImportStatus,
  ): Promise<BatchRecord | null> {
    const rows: unknown[] = await em.query(
      `UPDATE import_batch SET step_attempts = step_attempts + 1
        WHERE id = $1 AND revision = $2 AND status = $3 RETURNING id`,
      [id, revision, status],
    );
    const updated = Array.isArray(rows[0]) ? (rows[0] as unknown[]) : rows;
    return updated.length ? importStore.findBatch(em, id) : null;
  },

  async findBatch(em: EntityManager, id: string, lock = false): Promise<BatchRecord | null> {
    const rows: Row[] = await em.query(
      `SELECT ${BATCH_COLUMNS} FROM import_batch b LEFT JOIN app_user u ON u.id = b.created_by WHERE b.id = $1${lock ? ' FOR UPDATE OF b' : ''}`,
      [id],
    );
    return rows[0] ? toBatch(rows[0]) : null;
  },

  async listBatches(
    em: EntityManager,
    limit: number,
    offset: number,
  ): Promise<{ items: BatchRecord[]; total: number }> {
    const rows: Row[] = await em.query(
      `SELECT ${BATCH_COLUMNS}, count(*) OVER () AS total FROM import_batch b LEFT JOIN app_user u ON u.id = b.created_by
        ORDER BY b.created_at DESC, b.id DESC LIMIT $1 OFFSET $2`,
      [limit, offset],
    );
    if (rows.length === 0 && offset > 0) {
      const count: { n: string }[] = await em.query(`SELECT count(*) AS n FROM import_batch`);
      return { items: [], total: Number(count[0].n) };
    }
    return { items: rows.map(toBatch), total: rows.length ? Number(rows[0]['total']) : 0 };
  },

  async updateBatch(em: EntityManager, id: string, changes: Partial<BatchRecord>): Promise<void> {
    const sets: string[] = [];
    const values: unknown[] = [id];
    for (const [key, value] of Object.entries(changes)) {
      const column = UPDATABLE[key as keyof BatchRecord];
      if (!column) throw new Error(`import_batch.${key} cannot be updated`);
      values.push(JSON_COLUMNS.has(column) && value !== null ? JSON.stringify(value) : value);
      sets.push(`${column} = $${values.length}`);
    }
    sets.push('updated_at = now()');
    await em.query(`UPDATE import_batch SET ${sets.join(', ')} WHERE id = $1`, values);
  },

  async deleteRows(em: EntityManager, batchId: string): Promise<void> {
    await em.query(`DELETE FROM import_issue WHERE batch_id = $1`, [batchId]);
    await em.query(`DELETE FROM import_row WHERE batch_id = $1`, [batchId]);
  },

  /**
   * One statement per batch of rows: the rows travel as one JSON array parameter ([[row, cells], …], or
   * already serialised). `firstPosition` is the position in the file of the batch's first row (rows are
   * numbered 0, 1, 2… in file order).
   */
  async insertRows(
    em: EntityManager,
    batchId: string,
    firmId: string,
    rows: readonly SheetRow[] | Uint8Array,
    firstPosition: number,
  ): Promise<void> {
    // UTF-8 bytes (from the import thread) go as they are: node-postgres sends a Buffer in binary format,
    // which for text is the bytes themselves.
    const json =
      rows instanceof Uint8Array
        ? Buffer.from(rows.buffer, rows.byteOffset, rows.byteLength)
        : JSON.stringify(rows.map((row) => [row.row, row.cells]));
    await em.query(
      `INSERT INTO import_row (batch_id, firm_id, row_number, position, cells)
       SELECT $1, $2, (r.value->>0)::int, $4 + r.ordinality - 1, r.value->1
         FROM jsonb_array_elements($3::text::jsonb) WITH ORDINALITY r`,
      [batchId, firmId, json, firstPosition],
    );
  },

  /** Where row `rowNumber` sits in the file (0-based), or null when the file has no such row. */
  async positionOf(em: EntityManager, batchId: string, rowNumber: number): Promise<number | null> {
    const rows: { position: number }[] = await em.query(
      `SELECT position FROM import_row WHERE batch_id = $1 AND row_number = $2`,
      [batchId, rowNumber],
    );
    return rows[0]?.position ?? null;
  },

  /**
   * `limit` rows from position `from` on, in file order: a bounded range of the (batch_id, position)
   * index, read the same way whatever the table's statistics say.
   */
  async readRowsAt(em: EntityManager, batchId: string, from: number, limit: number): Promise<SheetRow[]> {
    const rows: { row_number: number; cells: SheetRow['cells'] }[] = await em.query(
      `SELECT row_number, cells FROM import_row
        WHERE batch_id = $1 AND position >= $2 AND position < $3 ORDER BY position`,
      [batchId, from, from + limit],
    );
    return rows.map((row) => ({ row: row.row_number, cells: row.cells }));
  },

  /** The same range with each row's cells as JSON text: parsed in the import thread, not on the event loop. */
  async readPackedRowsAt(
    em: EntityManager,
    batchId: string,
    from: number,
    limit: number,
  ): Promise<PackedRow[]> {
    const rows: { row_number: number; cells: string }[] = await em.query(
      `SELECT row_number, cells::text AS cells FROM import_row
        WHERE batch_id = $1 AND position >= $2 AND position < $3 ORDER BY position`,
      [batchId, from, from + limit],
    );
    return rows.map((row) => [row.row_number, row.cells]);
  },

  /** The rows after row `afterRow` (0: from the start), first `limit` of them. */
  async readRows(em: EntityManager, batchId: string, afterRow: number, limit: number): Promise<SheetRow[]> {
    const at = afterRow === 0 ? -1 : await importStore.positionOf(em, batchId, afterRow);
    return at === null ? [] : importStore.readRowsAt(em, batchId, at + 1, limit);
  },

  async rowByNumber(em: EntityManager, batchId: string, rowNumber: number): Promise<SheetRow | null> {
    const rows: { row_number: number; cells: SheetRow['cells'] }[] = await em.query(
      `SELECT row_number, cells FROM import_row WHERE batch_id = $1 AND row_number >= $2 ORDER BY row_number LIMIT 1`,
      [batchId, rowNumber],
    );
    return rows[0] ? { row: rows[0].row_number, cells: rows[0].cells } : null;
  },

  async countRowsAfter(em: EntityManager, batchId: string, afterRow: number): Promise<number> {
    const rows: { n: string }[] = await em.query(
      `SELECT count(*) AS n FROM import_row WHERE batch_id = $1 AND row_number > $2`,
      [batchId, afterRow],
    );
    return Number(rows[0].n);
  },

  /** Findings as objects, or already serialised ([[row, seq, severity, field, code, hint, column], …]). */
  async insertIssues(
    em: EntityManager,
    batchId: string,
    firmId: string,
    issues: readonly (RowIssue & { seq: number })[] | string,
  ): Promise<void> {
    const json =
      typeof issues === 'string'
        ? issues
        : JSON.stringify(
            issues.map((i) => [i.row, i.seq, i.severity, i.field, i.code, i.hint ?? null, i.column]),
          );
    if (json === '[]') return;
    await em.query(
      `INSERT INTO import_issue (batch_id, firm_id, row_number, seq, severity, field, code, hint, column_index)
       SELECT $1, $2, (i->>0)::int, (i->>1)::smallint, i->>2, i->>3, i->>4, i->>5, (i->>6)::int
         FROM jsonb_array_elements($3::jsonb) i`,
      [batchId, firmId, json],
    );
  },

  async deleteIssues(em: EntityManager, batchId: string): Promise<void> {
    await em.query(`DELETE FROM import_issue WHERE batch_id = $1`, [batchId]);
  },

  /** Rows the import leaves out: any error, or a client that already exists. */
  async excludedRows(em: EntityManager, batchId: string): Promise<Set<number>> {
    const rows: { row_number: number }[] = await em.query(
      `SELECT DISTINCT row_number FROM import_issue WHERE batch_id = $1 AND severity IN ('error', 'skip')`,
      [batchId],
    );
    return new Set(rows.map((row) => row.row_number));
  },

  async issuesPage(
    em: EntityManager,
    batchId: string,
    filter: { field?: string; code?: string; severity?: string },
    limit: number,
    offset: number,
  ): Promise<{ items: IssueRow[]; total: number }> {
    const where = ['i.batch_id = $1'];
    const values: unknown[] = [batchId];
    for (const [column, value] of [
      ['field', filter.field],
      ['code', filter.code],
      ['severity', filter.severity],
    ] as const) {
      if (value) {
        values.push(value);
        where.push(`i.${column} = $${values.length}`);
      }
    }
    const condition = where.join(' AND ');
    const count: { n: string }[] = await em.query(
      `SELECT count(*) AS n FROM import_issue i WHERE ${condition}`,
      values,
    );
    const rows: IssueRow[] = await em.query(
      `SELECT i.row_number, i.seq, i.severity, i.field, i.code, i.hint, i.column_index,
              CASE WHEN i.column_index IS NULL THEN NULL ELSE r.cells -> i.column_index END AS value
         FROM import_issue i LEFT JOIN import_row r ON r.batch_id = i.batch_id AND r.row_number = i.row_number
        WHERE ${condition}
        ORDER BY i.row_number, i.seq LIMIT $${values.length + 1} OFFSET $${values.length + 2}`,
      [...values, limit, offset],
    );
    return { items: rows, total: Number(count[0].n) };
  },
};

export interface IssueRow {
  row_number: number;
  seq: number;
  severity: 'error' | 'warning' | 'skip';
  field: string;
  code: string;
  hint: string | null;
  column_index: number | null;
  value: unknown;
}
