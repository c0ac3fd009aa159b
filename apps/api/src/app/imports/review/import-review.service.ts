import { HttpStatus, Injectable } from '@nestjs/common';
import { fieldLabel, isFieldKey, type FieldKey, type UiLanguage } from '@passerelle/domain-client';
import type { EntityManager } from 'typeorm';
import { Tenancy } from '../../../database/tenancy';
import type { AuthContext } from '../../auth/decorators';
import { AppError } from '../../common/app-error';
import type { PackedRow } from '../checking/check-run';
import { RowChecker, type RowIssue } from '../checking/row-checker';
import type { ImportBatchDto, ImportSummaryDto } from '../dto/imports.dto';
import type { BatchRecord, ImportSummary } from '../import-batch';
import { SKIP_SEQ, existingClients, softwareIndex } from '../import-jobs';
import { IMPORT_TUNING } from '../import-limits';
import { importStore, type IssueRow } from '../import-store';
import { ImportsService, issueDto } from '../imports.service';
import type { SheetCell } from '../reading/cells';
import { withImportThread, type ImportThread } from '../thread/import-thread';
import type { ErrorFileIssue } from './error-workbook';
import { CORRECTION_MAX_LENGTH, type ImportRowDto } from './import-review.dto';

/** Sequence numbers of the findings a correction writes across rows (a row's own findings come first). */
const DUPLICATE_SEQ = { ice: 500, contactEmail: 501 } as const;
type KeyField = keyof typeof DUPLICATE_SEQ;
const KEY_COLUMN: Record<KeyField, 'ice' | 'email'> = { ice: 'ice', contactEmail: 'email' };
/** Names of invited clients an undo refusal quotes. */
const NAMES_QUOTED = 3;
const ERROR_FILE_SUFFIX: Record<string, string> = { fr: 'erreurs', en: 'errors', ar: 'errors' };

interface RowKeys {
  ice: string | null;
  email: string | null;
}

/**
 * Issue 11 on top of the import of issue 10: a checked batch corrected in the browser before it is imported
 * (each correction re-checks its row at once, with the duplicates it causes or clears and the counts), the
 * file with its errors to fix in Excel, and the undo of an import whose clients nobody has invited yet.
 */
@Injectable()
export class ImportReviewService {
  constructor(
    private readonly tenancy: Tenancy,
    private readonly imports: ImportsService,
  ) {}

  /**
   * Corrects cells of one row of a checked batch. The corrected text replaces the cell (the original is kept
   * in import_correction); the row goes through the same RowChecker as the check; the duplicate groups of
   * its old and new ICE and e-mail are recomputed (the first occurrence is kept, later ones name it), the
   * rows whose validity changed are compared with the firm's clients again, and the counts are summed from
   * the findings.
   */
  async correctRow(
    auth: AuthContext,
    id: string,
    rowNumber: number,
    values: Record<string, unknown>,
    lang: UiLanguage,
  ): Promise<ImportRowDto> {
    const changes = validChanges(values);
    return this.tenancy.forFirm(auth.firmId, async (em) => {
      const batch = await findBatch(em, id);
      if (batch.status !== 'checked' || batch.headerRow === null)
        throw new AppError(HttpStatus.CONFLICT, 'import_not_ready', undefined, batch.status);
      const mapping = batch.mapping ?? {};
      for (const [field] of changes) {
        if (mapping[field] === undefined)
          throw new AppError(HttpStatus.BAD_REQUEST, 'field_not_mapped', undefined, fieldLabel(field, lang));
      }
      if (rowNumber <= batch.headerRow) throw AppError.notFound();
      const stored: { cells: SheetCell[] }[] = await em.query(
        `SELECT cells FROM import_row WHERE batch_id = $1 AND row_number = $2 FOR UPDATE`,
        [id, rowNumber],
      );
      if (!stored[0]) throw AppError.notFound();
      await this.ensureKeys(em, batch);

      const cells = [...stored[0].cells];
      for (const [field, text] of changes) {
        const column = mapping[field] as number;
        await em.query(
          `INSERT INTO import_correction (batch_id, firm_id, row_number, field, column_index, original, value, corrected_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
           ON CONFLICT (batch_id, row_number, field) DO UPDATE
             SET value = EXCLUDED.value, column_index = EXCLUDED.column_index,
                 corrected_by = EXCLUDED.corrected_by, corrected_at = now()`,
          [
            id,
            auth.firmId,
            rowNumber,
            field,
            column,
            JSON.stringify(cells[column] ?? null),
            text,
            auth.userId,
          ],
        );
        while (cells.length <= column) cells.push(null);
        cells[column] = text;
      }
      await em.query(`UPDATE import_row SET cells = $3 WHERE batch_id = $1 AND row_number = $2`, [
        id,
        rowNumber,
        JSON.stringify(cells),
      ]);

      const checker = new RowChecker({ mapping, software: await softwareIndex(em), dedupe: false });
      const row = { row: rowNumber, cells };
      const checked = checker.check(row);
      const found = checker.keys(row);
      const keys: RowKeys = { ice: found?.ice ?? null, email: found?.email ?? null };
      const before: RowKeys[] = await em.query(
        `SELECT ice, email FROM import_row_key WHERE batch_id = $1 AND row_number = $2`,
        [id, rowNumber],
      );
      if (found)
        await em.query(
          `INSERT INTO import_row_key (batch_id, firm_id, row_number, ice, email) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (batch_id, row_number) DO UPDATE SET ice = EXCLUDED.ice, email = EXCLUDED.email`,
          [id, auth.firmId, rowNumber, keys.ice, keys.email],
        );
      else
        await em.query(`DELETE FROM import_row_key WHERE batch_id = $1 AND row_number = $2`, [id, rowNumber]);

      await em.query(`DELETE FROM import_issue WHERE batch_id = $1 AND row_number = $2`, [id, rowNumber]);
      await importStore.insertIssues(
        em,
        id,
        auth.firmId,
        checked.issues.map((issue, seq) => ({ ...issue, seq })),
      );

      const touched = new Set<number>([rowNumber]);
      for (const field of ['ice', 'contactEmail'] as const) {
        const column = KEY_COLUMN[field];
        const groupKeys = new Set(
          [before[0]?.[column] ?? null, keys[column]].filter((k): k is string => !!k),
        );
        for (const key of groupKeys) await regroup(em, batch, field, key, touched);
      }
      await refreshSkips(em, batch, [...touched]);
      const summary = await summarize(em, batch);
      await importStore.updateBatch(em, id, { summary });

      const issues: IssueRow[] = await em.query(
        `SELECT i.row_number, i.seq, i.severity, i.field, i.code, i.hint, i.column_index,
                CASE WHEN i.column_index IS NULL THEN NULL ELSE r.cells -> i.column_index END AS value
           FROM import_issue i JOIN import_row r ON r.batch_id = i.batch_id AND r.row_number = i.row_number
          WHERE i.batch_id = $1 AND i.row_number = $2 ORDER BY i.seq`,
        [id, rowNumber],
      );
      return {
        row: rowNumber,
        issues: issues.map((issue) => issueDto(issue, batch.headers, lang)),
        summary: summary as ImportSummaryDto,
      };
    });
  }

  /**
   * Every data row's keys as the current check saw them (import_row_key), computed in the import thread on
   * the first correction after a check — later corrections keep them up to date.
   */
  private async ensureKeys(em: EntityManager, batch: BatchRecord): Promise<void> {
    const fresh: unknown[] = await em.query(
      `SELECT 1 FROM import_key_set k JOIN import_batch b ON b.id = k.batch_id
        WHERE k.batch_id = $1 AND k.checked_at = b.checked_at`,
      [batch.id],
    );
    if (fresh.length > 0) return;
    await em.query(`DELETE FROM import_row_key WHERE batch_id = $1`, [batch.id]);
    const headerAt = await importStore.positionOf(em, batch.id, batch.headerRow as number);
    await withImportThread(async (thread: ImportThread) => {
      await thread.call('check.begin', { mapping: batch.mapping ?? {}, software: {}, dedupe: false });
      let position = (headerAt ?? -1) + 1;
      for (;;) {
        const rows = await importStore.readPackedRowsAt(em, batch.id, position, IMPORT_TUNING.rowsPerBatch);
        if (rows.length === 0) break;
        position += rows.length;
        const keys = await thread.call<[number, string | null, string | null][]>('check.rowKeys', { rows });
        await em.query(
          `INSERT INTO import_row_key (batch_id, firm_id, row_number, ice, email)
           SELECT $1, $2, (k->>0)::int, k->>1, k->>2 FROM jsonb_array_elements($3::jsonb) k`,
          [batch.id, batch.firmId, JSON.stringify(keys)],
        );
      }
    });
    await em.query(
      `INSERT INTO import_key_set (batch_id, firm_id, checked_at)
       SELECT id, firm_id, checked_at FROM import_batch WHERE id = $1
       ON CONFLICT (batch_id) DO UPDATE SET checked_at = EXCLUDED.checked_at`,
      [batch.id],
    );
  }

  /** The file's rows with their errors, built in the import thread a page at a time. */
  async errorFile(
    auth: AuthContext,
    id: string,
    lang: UiLanguage,
  ): Promise<{ name: string; bytes: Uint8Array }> {
    const batch = await this.tenancy.forFirm(auth.firmId, (em) => findBatch(em, id));
    if (batch.headerRow === null)
      throw new AppError(HttpStatus.CONFLICT, 'import_not_ready', undefined, batch.status);
    const headerRow = batch.headerRow;
    const read = <T>(work: (em: EntityManager) => Promise<T>) => this.tenancy.forFirm(auth.firmId, work);
    const bytes = await withImportThread(async (thread: ImportThread) => {
      await thread.call('errorFile.begin', { lang, headers: batch.headers });
      const headerAt = await read((em) => importStore.positionOf(em, id, headerRow));
      let position = (headerAt ?? -1) + 1;
      for (;;) {
        const page = await read(async (em) => {
          const rows: PackedRow[] = await importStore.readPackedRowsAt(
            em,
            id,
            position,
            IMPORT_TUNING.rowsPerBatch,
          );
          if (rows.length === 0) return null;
          const issues: ErrorFileIssue[] = (
            (await em.query(
              `SELECT row_number, severity, field, code, hint, column_index FROM import_issue
                WHERE batch_id = $1 AND row_number BETWEEN $2 AND $3`,
              [id, rows[0][0], rows[rows.length - 1][0]],
            )) as {
              row_number: number;
              severity: ErrorFileIssue[1];
              field: string;
              code: string;
              hint: string | null;
              column_index: number | null;
            }[]
          ).map((i) => [i.row_number, i.severity, i.field, i.code, i.hint, i.column_index]);
          return { rows, issues };
        });
        if (!page) break;
        position += page.rows.length;
        await thread.call('errorFile.rows', page);
      }
      return thread.call<Uint8Array>('errorFile.end', {});
    });
    const base = batch.fileName.replace(/\.(xlsx|csv|txt)$/i, '') || 'clients';
    return { name: `${base}-${ERROR_FILE_SUFFIX[lang] ?? 'errors'}.xlsx`, bytes };
  }

  /**
   * Removes the clients an import created, when none of them has been invited (409 naming some otherwise);
   * audited once; the batch becomes `undone` and may be checked and imported again.
   */
  async undo(auth: AuthContext, id: string, lang: UiLanguage): Promise<ImportBatchDto> {
    await this.tenancy.forFirm(auth.firmId, async (em) => {
      const batch = await findBatch(em, id);
      if (batch.status !== 'imported')
        throw new AppError(HttpStatus.CONFLICT, 'import_not_ready', undefined, batch.status);
      const invited: { name: string; total: string }[] = await em.query(
        `SELECT c.name, count(*) OVER () AS total FROM client c
          WHERE c.import_batch_id = $1
            AND (c.status <> 'not_invited' OR EXISTS (SELECT 1 FROM invitation i WHERE i.client_id = c.id))
          ORDER BY c.name LIMIT $2`,
        [id, NAMES_QUOTED],
      );
      if (invited.length > 0) {
        const total = Number(invited[0].total);
        const names = invited.map((client) => client.name).join(', ');
        throw new AppError(
          HttpStatus.CONFLICT,
          'import_clients_invited',
          undefined,
          total > invited.length ? `${names}… ${total}` : names,
        );
      }
      const removed: unknown[] = await em.query(
        `DELETE FROM client WHERE import_batch_id = $1 RETURNING id`,
        [id],
      );
      const count = Array.isArray(removed[0]) ? (removed[0] as unknown[]).length : removed.length;
      await em.query(
        `INSERT INTO audit_event (firm_id, actor_user_id, action, target_type, target_id, data)
         VALUES ($1, $2, 'import.undone', 'import_batch', $3, $4)`,
        [auth.firmId, auth.userId, id, { fileName: batch.fileName, removed: count }],
      );
      const summary = batch.summary;
      await importStore.updateBatch(em, id, {
        status: 'undone',
        progressDone: 0,
        progressTotal: 0,
        // Nothing of the import is left: what it had created is in the audit event.
        ...(summary ? { summary: { ...summary, created: 0, skipped: summary.rows } } : {}),
      });
    });
    return this.imports.get(auth, id, lang);
  }
}

async function findBatch(em: EntityManager, id: string): Promise<BatchRecord> {
  const batch = await importStore.findBatch(em, id, true);
  if (!batch) throw AppError.notFound();
  return batch;
}

/** The body's corrections: field keys with text (a CSV cell's worth at most). */
function validChanges(values: Record<string, unknown>): [FieldKey, string][] {
  const entries = Object.entries(values ?? {});
  const problems: Record<string, { code: 'invalid_value' | 'too_long'; hint?: string }> = {};
  for (const [key, value] of entries) {
    if (!isFieldKey(key) || typeof value !== 'string') problems[key] = { code: 'invalid_value' };
    else if (value.length > CORRECTION_MAX_LENGTH)
      problems[key] = { code: 'too_long', hint: String(CORRECTION_MAX_LENGTH) };
  }
  if (entries.length === 0) problems['values'] = { code: 'invalid_value' };
  if (Object.keys(problems).length > 0)
    throw new AppError(HttpStatus.BAD_REQUEST, 'invalid_request', problems);
  return entries as [FieldKey, string][];
}

/**
 * The rows sharing `key` on `field`, in file order: the first keeps it, each later one gets
 * `duplicate_in_file` naming the first (what the check does across the whole file).
 */
async function regroup(
  em: EntityManager,
  batch: BatchRecord,
  field: KeyField,
  key: string,
  touched: Set<number>,
): Promise<void> {
  const rows: { row_number: number }[] = await em.query(
    `SELECT row_number FROM import_row_key WHERE batch_id = $1 AND ${KEY_COLUMN[field]} = $2 ORDER BY row_number`,
    [batch.id, key],
  );
  const numbers = rows.map((row) => row.row_number);
  if (numbers.length === 0) return;
  for (const row of numbers) touched.add(row);
  await em.query(
    `DELETE FROM import_issue
      WHERE batch_id = $1 AND field = $2 AND code = 'duplicate_in_file' AND row_number = ANY($3::int[])`,
    [batch.id, field, numbers],
  );
  const column = batch.mapping?.[field] ?? null;
  const duplicates: (RowIssue & { seq: number })[] = numbers.slice(1).map((row) => ({
    row,
    seq: DUPLICATE_SEQ[field],
    severity: 'error',
    field,
    code: 'duplicate_in_file',
    hint: String(numbers[0]),
    column,
  }));
  await importStore.insertIssues(em, batch.id, batch.firmId, duplicates);
}

/** Rows whose validity may have changed: compared with the firm's clients again (valid rows only). */
async function refreshSkips(em: EntityManager, batch: BatchRecord, rows: number[]): Promise<void> {
  await em.query(
    `DELETE FROM import_issue WHERE batch_id = $1 AND severity = 'skip' AND row_number = ANY($2::int[])`,
    [batch.id, rows],
  );
  const valid: [number, string | null, string | null][] = (
    (await em.query(
      `SELECT k.row_number, k.ice, k.email FROM import_row_key k
        WHERE k.batch_id = $1 AND k.row_number = ANY($2::int[])
          AND NOT EXISTS (SELECT 1 FROM import_issue i
                           WHERE i.batch_id = k.batch_id AND i.row_number = k.row_number AND i.severity = 'error')
        ORDER BY k.row_number`,
      [batch.id, rows],
    )) as { row_number: number; ice: string | null; email: string | null }[]
  ).map((row) => [row.row_number, row.ice, row.email]);
  if (valid.length === 0) return;
  const skips = await existingClients(em, batch.fileSha256, async (offset) => (offset === 0 ? valid : []));
  await importStore.insertIssues(
    em,
    batch.id,
    batch.firmId,
    skips.map((skip) => ({ ...skip, seq: SKIP_SEQ })),
  );
}

/** The batch's counts from its findings (what the check sums as it goes). */
async function summarize(em: EntityManager, batch: BatchRecord): Promise<ImportSummary> {
  const counts: { invalid: string; warnings: string; repeated: string; skips: string }[] = await em.query(
    `SELECT count(DISTINCT row_number) FILTER (WHERE severity = 'error') AS invalid,
            count(DISTINCT row_number) FILTER (WHERE severity = 'warning') AS warnings,
            count(DISTINCT row_number) FILTER (WHERE code = 'duplicate_in_file') AS repeated,
            count(DISTINCT row_number) FILTER (WHERE severity = 'skip') AS skips
       FROM import_issue WHERE batch_id = $1`,
    [batch.id],
  );
  const rows = batch.summary?.rows ?? 0;
  const invalid = Number(counts[0].invalid);
  const skips = Number(counts[0].skips);
  const valid = rows - invalid;
  return {
    rows,
    valid,
    invalid,
    warnings: Number(counts[0].warnings),
    duplicates: Number(counts[0].repeated) + skips,
    toCreate: valid - skips,
    toSkip: skips,
    created: 0,
    skipped: 0,
  };
}
