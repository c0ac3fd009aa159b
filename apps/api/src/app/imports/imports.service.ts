import { HttpStatus, Injectable } from '@nestjs/common';
import {
  apiErrorMessage,
  cleanFileName,
  isApiErrorCode,
  isFieldKey,
  type LabelLanguage,
  type UiLanguage,
} from '@passerelle/domain-client';
import { toSavedMapping, type ColumnMapping } from '@passerelle/domain-mapping';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { Request } from 'express';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { isUniqueViolation } from '../../database/errors';
import { Tenancy } from '../../database/tenancy';
import type { AuthContext } from '../auth/decorators';
import { AppError } from '../common/app-error';
import type { ApiErrorCode } from '../common/app-error';
import {
  ImportBatchDto,
  ImportBatchPageDto,
  ImportIssueDto,
  ImportIssuePageDto,
  ImportIssuesQuery,
  ImportLimitsDto,
  ImportedClientPageDto,
  SaveMappingDto,
  UploadImportDto,
} from './dto/imports.dto';
import { emptySummary, fullMapping, type BatchRecord, type ImportMode } from './import-batch';
import { readLimits } from './import-limits';
import { ImportProgress } from './import-progress';
import { ImportQueue } from './import-queue.service';
import { importStore, type IssueRow } from './import-store';
import { issueMessage } from './issue-message';
import { mappingState } from './mapping-state';
import { columnLetter } from './reading/cells';
import { ImportFileError, type FileProblemCode } from './reading/file-error';
import { cellDisplay } from './reading/header-row';
import type { PageQuery } from '../common/page-query';
import { sniffFormat } from './reading/sniff';
import { FileStore, FileTooLargeError } from '../documents/storage/file-store';
import { readMultipart } from '../documents/storage/multipart';
import { toFieldProblems } from '../common/validation';
import { buildTemplate } from './template/template-builder';

const SAMPLE_ROWS_SHOWN = 5;

/** HTTP status of a file problem found at upload: size, type, or a content that cannot be read. */
const FILE_PROBLEM_STATUS: Partial<Record<FileProblemCode, HttpStatus>> = {
  file_too_large: HttpStatus.PAYLOAD_TOO_LARGE,
  unsupported_file_type: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  legacy_xls: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  binary_content: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
};

export function fileProblem(error: ImportFileError): AppError {
  return new AppError(
    FILE_PROBLEM_STATUS[error.code] ?? HttpStatus.UNPROCESSABLE_ENTITY,
    error.code,
    undefined,
    error.hint,
  );
}

@Injectable()
export class ImportsService {
  constructor(
    private readonly tenancy: Tenancy,
    private readonly config: AppConfig,
    private readonly queue: ImportQueue,
    private readonly progress: ImportProgress,
    private readonly files: FileStore,
  ) {}

  /**
   * Streams the file into the FileStore (the size limit enforced and the SHA-256 computed as it arrives;
   * its first bytes decide, before anything is kept, whether it can be a spreadsheet at all), records the
   * batch and queues the parsing. Refused at once: empty, too large, not a spreadsheet (PDF, image…), a
   * legacy .xls or a password-protected workbook. What needs the whole file (a zip bomb, a DOCTYPE) fails
   * the batch while parsing, with its own code.
   */
  async upload(auth: AuthContext, req: Request): Promise<{ id: string }> {
    const limits = readLimits(this.config);
    let saved: { fileId: string; fileName: string; size: number; sha256: string } | undefined;
    let fields: Record<string, string> = {};
    try {
      const result = await readMultipart(req, {
        fileField: 'file',
        maxFiles: 1,
        maxFields: 4,
        maxFieldBytes: 1024,
        onFile: async (file) => {
          const stored = await this.files.save(auth.firmId, file.stream, {
            maxBytes: limits.maxBytes,
            inspect: (head) => sniffFormat(head),
          });
          saved = {
            fileId: stored.id,
            fileName: importFileName(file.fileName),
            size: stored.size,
            sha256: stored.sha256,
          };
          return stored.id;
        },
      });
      fields = result.fields;
    } catch (error) {
      if (saved) await this.files.remove(auth.firmId, [saved.fileId]);
      if (error instanceof ImportFileError) throw fileProblem(error);
      if (error instanceof FileTooLargeError) {
        throw new AppError(
          HttpStatus.PAYLOAD_TOO_LARGE,
          'file_too_large',
          undefined,
          `${this.config.IMPORT_MAX_FILE_MB} MB`,
        );
      }
      throw error;
    }
    const file = saved;
    if (!file) throw new AppError(HttpStatus.BAD_REQUEST, 'file_required');
    try {
      const options = uploadOptions(fields);
      const id = await this.tenancy.forFirm(auth.firmId, (em) =>
        importStore.insertBatch(em, {
          firmId: auth.firmId,
          createdBy: auth.userId,
          fileId: file.fileId,
          fileName: file.fileName,
          fileSize: file.size,
          fileSha256: file.sha256,
          sheet: options.sheet ?? null,
          headerRow: options.headerRow ?? null,
        }),
      );
      await this.queue.parse({ batchId: id, firmId: auth.firmId, revision: 1 });
      return { id };
    } catch (error) {
      await this.files.remove(auth.firmId, [file.fileId]);
      throw error;
    }
  }

  limits(): ImportLimitsDto {
    return {
      maxFileMb: this.config.IMPORT_MAX_FILE_MB,
      maxRows: this.config.IMPORT_MAX_ROWS,
      maxColumns: this.config.IMPORT_MAX_COLUMNS,
    };
  }

  get(auth: AuthContext, id: string, lang: UiLanguage): Promise<ImportBatchDto> {
    return this.tenancy.forFirm(auth.firmId, async (em) => this.toDto(em, await findBatch(em, id), lang));
  }

  list(auth: AuthContext, query: PageQuery, lang: UiLanguage): Promise<ImportBatchPageDto> {
    return this.tenancy.forFirm(auth.firmId, async (em) => {
      const { items, total } = await importStore.listBatches(
        em,
        query.pageSize,
        (query.page - 1) * query.pageSize,
      );
      return {
        items: await Promise.all(items.map((batch) => this.toDto(em, batch, lang, false))),
        total,
        page: query.page,
        pageSize: query.pageSize,
      };
    });
  }

  /** Another sheet (parsed again) or another header row (headers and mapping proposed again at once). */
  async changeLayout(
    auth: AuthContext,
    id: string,
    options: UploadImportDto,
    lang: UiLanguage,
  ): Promise<ImportBatchDto> {
    const reparse = await this.tenancy.forFirm(auth.firmId, async (em) => {
      const batch = await findBatch(em, id, true);
      assertStatus(batch, ['mapping', 'checked']);
      const revision = batch.revision + 1;
      if (options.sheet !== undefined && !batch.sheets.includes(options.sheet)) {
        throw new AppError(HttpStatus.BAD_REQUEST, 'sheet_not_found', undefined, options.sheet);
      }
      if (options.sheet !== undefined && options.sheet !== batch.sheet) {
        await importStore.updateBatch(em, id, {
          status: 'parsing',
          revision,
          stepAttempts: 0,
          sheet: options.sheet,
          headerRow: options.headerRow ?? null,
          summary: null,
          progressDone: 0,
          progressTotal: 0,
        });
        return revision;
      }
      if (options.headerRow !== undefined) {
        const limits = readLimits(this.config);
        const state = await mappingState(em, batch, limits.headerSearchRows, options.headerRow);
        await importStore.deleteIssues(em, id);
        await importStore.updateBatch(em, id, { ...state, status: 'mapping', revision, stepAttempts: 0 });
      }
      return null;
    });
    if (reparse !== null) await this.queue.parse({ batchId: id, firmId: auth.firmId, revision: reparse });
    return this.get(auth, id, lang);
  }

  /** The mapping the user confirmed; optionally saved for the firm under a name. A previous check is void. */
  async saveMapping(
    auth: AuthContext,
    id: string,
    input: SaveMappingDto,
    lang: UiLanguage,
  ): Promise<ImportBatchDto> {
    try {
      await this.tenancy.forFirm(auth.firmId, async (em) => {
        const batch = await findBatch(em, id, true);
        assertStatus(batch, ['mapping', 'checked']);
        const mapping = validMapping(input.mapping, batch.headers.length);
        let savedMappingId: string | null = null;
        let savedMappingName: string | null = null;
        if (input.saveAs) {
          const saved = toSavedMapping(input.saveAs, batch.headers, mapping);
          const rows: { id: string }[] = await em.query(
            `INSERT INTO import_mapping (firm_id, name, signature, fields, created_by, last_used_at)
             VALUES ($1, $2, $3, $4, $5, now()) RETURNING id`,
            [auth.firmId, saved.name, saved.signature, saved.fields, auth.userId],
          );
          savedMappingId = rows[0].id;
          savedMappingName = saved.name;
        }
        await importStore.deleteIssues(em, id);
        await importStore.updateBatch(em, id, {
          mapping,
          mappingSource: savedMappingId ? 'saved' : 'user',
          savedMappingId,
          savedMappingName,
          status: 'mapping',
          revision: batch.revision + 1,
          stepAttempts: 0,
          summary: emptySummary(batch.summary?.rows ?? 0),
          progressDone: 0,
          progressTotal: 0,
        });
      });
    } catch (error) {
      if (isUniqueViolation(error, 'import_mapping_name_key')) {
        throw new AppError(HttpStatus.CONFLICT, 'invalid_request', { saveAs: { code: 'already_exists' } });
      }
      throw error;
    }
    return this.get(auth, id, lang);
  }

  /** Queues the dry run over every data row (again after an undo: the firm's clients changed). */
  async check(auth: AuthContext, id: string): Promise<{ id: string }> {
    const revision = await this.tenancy.forFirm(auth.firmId, async (em) => {
      const batch = await findBatch(em, id, true);
      assertStatus(batch, ['mapping', 'checked', 'undone']);
      const rows = batch.summary?.rows ?? 0;
      await importStore.updateBatch(em, id, {
        status: 'checking',
        revision: batch.revision + 1,
        stepAttempts: 0,
        summary: emptySummary(rows),
        progressDone: 0,
        progressTotal: rows,
      });
      return batch.revision + 1;
    });
    await this.queue.check({ batchId: id, firmId: auth.firmId, revision });
    return { id };
  }

  /** Queues the import: `all` only when no row has an error (409 has_errors otherwise). */
  async run(auth: AuthContext, id: string, mode: ImportMode): Promise<{ id: string }> {
    const revision = await this.tenancy.forFirm(auth.firmId, async (em) => {
      const batch = await findBatch(em, id, true);
      assertStatus(batch, ['checked']);
      const summary = batch.summary ?? emptySummary();
      if (mode === 'all' && summary.invalid > 0) {
        throw new AppError(HttpStatus.CONFLICT, 'has_errors', undefined, String(summary.invalid));
      }
      await importStore.updateBatch(em, id, {
        status: 'importing',
        importMode: mode,
        importedBy: auth.userId,
        revision: batch.revision + 1,
        stepAttempts: 0,
        progressDone: 0,
        progressTotal: summary.toCreate,
      });
      return batch.revision + 1;
    });
    await this.queue.run({ batchId: id, firmId: auth.firmId, revision, mode, userId: auth.userId });
    return { id };
  }

  issues(
    auth: AuthContext,
    id: string,
    query: ImportIssuesQuery,
    lang: UiLanguage,
  ): Promise<ImportIssuePageDto> {
    return this.tenancy.forFirm(auth.firmId, async (em) => {
      const batch = await findBatch(em, id);
      const page = await importStore.issuesPage(
        em,
        id,
        { field: query.field, code: query.code, severity: query.severity },
        query.pageSize,
        (query.page - 1) * query.pageSize,
      );
      return {
        items: page.items.map((issue) => issueDto(issue, batch.headers, lang)),
        total: page.total,
        page: query.page,
        pageSize: query.pageSize,
      };
    });
  }

  /** The clients this batch created, in file order. */
  createdClients(auth: AuthContext, id: string, query: PageQuery): Promise<ImportedClientPageDto> {
    return this.tenancy.forFirm(auth.firmId, async (em) => {
      await findBatch(em, id);
      const rows: {
        id: string;
        import_key: string;
        name: string;
        city: string;
        country: string;
        ice: string | null;
        contact_email: string | null;
        status: string;
        total: string;
      }[] = await em.query(
        `SELECT id, import_key, name, city, country, ice, contact_email, status, count(*) OVER () AS total
           FROM client WHERE import_batch_id = $1
          ORDER BY split_part(import_key, ':', 2)::int, id LIMIT $2 OFFSET $3`,
        [id, query.pageSize, (query.page - 1) * query.pageSize],
      );
      const total = rows.length
        ? Number(rows[0].total)
        : Number(
            (
              (await em.query(`SELECT count(*) AS n FROM client WHERE import_batch_id = $1`, [id])) as {
                n: string;
              }[]
            )[0].n,
          );
      return {
        items: rows.map((row) => ({
          id: row.id,
          row: Number(row.import_key.slice(row.import_key.lastIndexOf(':') + 1)),
          name: row.name,
          city: row.city,
          country: row.country,
          ice: row.ice,
          contactEmail: row.contact_email,
          status: row.status,
        })),
        total,
        page: query.page,
        pageSize: query.pageSize,
      };
    });
  }

  template(lang: LabelLanguage): Promise<Buffer> {
    return buildTemplate(lang);
  }

  private async toDto(
    em: EntityManager,
    batch: BatchRecord,
    lang: UiLanguage,
    withSamples = true,
  ): Promise<ImportBatchDto> {
    const live = this.progress.current(batch.id);
    const samples =
      withSamples && batch.headerRow !== null
        ? await importStore.readRows(em, batch.id, batch.headerRow, SAMPLE_ROWS_SHOWN)
        : [];
    const width = Math.max(batch.headers.length, ...samples.map((row) => row.cells.length));
    return {
      id: batch.id,
      status: batch.status,
      fileName: batch.fileName,
      fileSha256: batch.fileSha256,
      fileSize: batch.fileSize,
      format: batch.format,
      sheets: batch.sheets,
      sheet: batch.sheet,
      headerRow: batch.headerRow,
      headers: batch.headers,
      columns: Array.from({ length: width }, (_, i) => columnLetter(i)),
      sampleRows: samples.map((row) =>
        Array.from({ length: width }, (_, i) => cellDisplay(row.cells[i] ?? null)),
      ),
      mapping: fullMapping(batch.mapping),
      suggestions: (batch.suggestions ?? {}) as ImportBatchDto['suggestions'],
      mappingSource: batch.mappingSource,
      savedMappingName: batch.savedMappingName,
      progress: live ?? { done: batch.progressDone, total: batch.progressTotal },
      summary: batch.summary ?? emptySummary(),
      importMode: batch.importMode,
      error: batch.errorCode
        ? { code: batch.errorCode, message: errorMessage(batch.errorCode, lang, batch.errorHint) }
        : null,
      createdByName: batch.createdByName,
      createdAt: batch.createdAt.toISOString(),
      updatedAt: batch.updatedAt.toISOString(),
      checkedAt: batch.checkedAt?.toISOString() ?? null,
      importedAt: batch.importedAt?.toISOString() ?? null,
    };
  }
}

/** The name shown for the file: the domain's file-name cleaning, never empty, at most 255 characters. */
function importFileName(raw: string): string {
  return (cleanFileName(raw) || 'fichier').slice(0, 255);
}

/** The form's other fields (`sheet`, `headerRow`), validated as the JSON routes' bodies are. */
function uploadOptions(fields: Record<string, string>): UploadImportDto {
  const unknown = Object.keys(fields).filter((key) => key !== 'sheet' && key !== 'headerRow');
  const dto = plainToInstance(UploadImportDto, { sheet: fields['sheet'], headerRow: fields['headerRow'] });
  const errors = validateSync(dto);
  if (errors.length > 0 || unknown.length > 0) {
    const problems = toFieldProblems(errors);
    for (const key of unknown) problems[key] = { code: 'invalid_value' };
    throw new AppError(HttpStatus.BAD_REQUEST, 'invalid_request', problems);
  }
  return dto;
}

async function findBatch(em: EntityManager, id: string, lock = false): Promise<BatchRecord> {
  const batch = await importStore.findBatch(em, id, lock);
  if (!batch) throw AppError.notFound();
  return batch;
}

function assertStatus(batch: BatchRecord, allowed: readonly BatchRecord['status'][]): void {
  if (!allowed.includes(batch.status))
    throw new AppError(HttpStatus.CONFLICT, 'import_not_ready', undefined, batch.status);
}

/** Field keys only, each column a real one of the file, no column serving two fields. */
function validMapping(input: Record<string, number | null>, columns: number): ColumnMapping {
  const mapping: ColumnMapping = {};
  const used = new Set<number>();
  for (const [key, column] of Object.entries(input)) {
    if (!isFieldKey(key)) throw new AppError(HttpStatus.BAD_REQUEST, 'mapping_invalid');
    if (column === null) continue;
    if (!Number.isInteger(column) || column < 0 || column >= Math.max(columns, 1) || used.has(column)) {
      throw new AppError(HttpStatus.BAD_REQUEST, 'mapping_invalid');
    }
    used.add(column);
    mapping[key] = column;
  }
  return mapping;
}

function errorMessage(code: string, lang: UiLanguage, hint: string | null): string {
  return isApiErrorCode(code)
    ? apiErrorMessage(code as ApiErrorCode, lang, hint ?? undefined)
    : apiErrorMessage('internal', lang);
}

/** One finding as the API shows it: column letter and header, message in the reader's language, the cell. */
export function issueDto(issue: IssueRow, headers: readonly string[], lang: UiLanguage): ImportIssueDto {
  return {
    row: issue.row_number,
    column: issue.column_index === null ? null : columnLetter(issue.column_index),
    header: issue.column_index === null ? null : (headers[issue.column_index] ?? null),
    field: issue.field,
    code: issue.code,
    severity: issue.severity,
    message: issueMessage(issue.code, issue.field, issue.hint, issue.severity, lang),
    value: issue.value === null || issue.value === undefined ? null : cellDisplay(issue.value as never),
  };
}
