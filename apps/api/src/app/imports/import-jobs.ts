import { Inject, Injectable, Logger } from '@nestjs/common';
import { QueryFailedError, type EntityManager } from 'typeorm';
import type { Readable } from 'node:stream';
import { AppConfig } from '../../config/app-config';
import { FileStore } from '../documents/storage/file-store';
import { Tenancy } from '../../database/tenancy';
import { JOB_ATTEMPTS, RegisteredJob } from '../jobs/job-queue';
import type { CheckBatchResult, DraftColumns, PackedRow } from './checking/check-run';
import type { RowIssue } from './checking/row-checker';
import { emptySummary, type BatchRecord, type ImportSummary } from './import-batch';
import { IMPORT_TUNING, readLimits } from './import-limits';
import { ImportProgress } from './import-progress';
import {
  CHECK_IMPORT_JOB,
  PARSE_IMPORT_JOB,
  RUN_IMPORT_JOB,
  type ImportJobPayload,
  type RunImportPayload,
} from './import-queue.service';
import { importStore } from './import-store';
import { mappingState } from './mapping-state';
import { ImportFileError } from './reading/file-error';
import { withImportThread, type ImportThread } from './thread/import-thread';
import type { ReadSummary } from './thread/thread-main';
import { clientWriter, importKey } from './writing/client-writer';

const logger = new Logger('Imports');

/**
 * A stored file's bytes, written straight into one buffer of the recorded size (the thread takes it over:
 * no intermediate copies on the way).
 */
async function readAll(source: Readable, size: number): Promise<Uint8Array<ArrayBuffer>> {
  const bytes = new Uint8Array(size);
  let offset = 0;
  for await (const piece of source as AsyncIterable<Buffer>) {
    if (offset + piece.length > size) {
      source.destroy();
      throw new ImportFileError('corrupt_file');
    }
    bytes.set(piece, offset);
    offset += piece.length;
  }
  if (offset !== size) throw new ImportFileError('corrupt_file');
  return bytes;
}

/** Work started ahead (overlapping the current batch): awaited later, never left rejected unobserved. */
function ahead<T>(work: Promise<T>): Promise<T> {
  work.catch(() => undefined);
  return work;
}

/** The firm's accounting-software configurations by lower-case label and by id (imports name them). */
export async function softwareIndex(em: EntityManager): Promise<Record<string, string>> {
  const rows: { id: string; label: string }[] = await em.query(
    `SELECT id, label FROM accounting_software_config`,
  );
  const index: Record<string, string> = {};
  for (const row of rows) {
    index[row.label.toLowerCase()] = row.id;
    index[row.id.toLowerCase()] = row.id;
  }
  return index;
}

/** A batch whose step was asked for at this revision and is still waiting for it (else the job is stale). */
async function currentBatch(
  tenancy: Tenancy,
  payload: ImportJobPayload,
  status: BatchRecord['status'],
): Promise<BatchRecord | null> {
  return tenancy.forFirm(payload.firmId, (em) =>
    importStore.startStep(em, payload.batchId, payload.revision, status),
  );
}

/**
 * Runs a step; an unexpected failure (not the file's fault: the database, the process) is thrown for the
 * queue to retry, until the last attempt, which fails the batch with `internal` rather than leaving it
 * running forever.
 */
async function retried(
  tenancy: Tenancy,
  payload: ImportJobPayload,
  batch: BatchRecord,
  step: () => Promise<void>,
): Promise<void> {
  try {
    await step();
  } catch (error) {
    if (batch.stepAttempts < JOB_ATTEMPTS) throw error;
    logger.error(
      `import ${payload.batchId}: step failed ${batch.stepAttempts} times: ${(error as Error).message}`,
    );
    await failBatch(tenancy, payload, 'internal');
  }
}

/** The batch was asked something else (another sheet, mapping or check) while this step ran: it stops. */
class StaleStep extends Error {}

/** Writes one batch of a step's output, unless the batch has moved on to a later revision meanwhile. */
async function writeIfCurrent(
  tenancy: Tenancy,
  payload: ImportJobPayload,
  write: (em: EntityManager) => Promise<void>,
): Promise<void> {
  await tenancy.forFirm(payload.firmId, async (em) => {
    const rows: { revision: number }[] = await em.query(
      `SELECT revision FROM import_batch WHERE id = $1 FOR SHARE`,
      [payload.batchId],
    );
    if (rows[0]?.revision !== payload.revision) throw new StaleStep();
    await write(em);
  });
}

/** Fails the batch with `code`, unless it has moved on to a later revision meanwhile. */
export async function failBatch(
  tenancy: Tenancy,
  payload: ImportJobPayload,
  code: string,
  hint?: string,
): Promise<void> {
  await tenancy.forFirm(payload.firmId, async (em) => {
    const batch = await importStore.findBatch(em, payload.batchId, true);
    if (!batch || batch.revision !== payload.revision) return;
    await importStore.updateBatch(em, payload.batchId, {
      status: 'failed',
      errorCode: code,
      errorHint: hint ?? null,
    });
  });
}

/** The storage position just after the header row (past every row when it is gone: nothing to read). */
async function firstDataPosition(em: EntityManager, batchId: string, headerRow: number): Promise<number> {
  const headerAt = await importStore.positionOf(em, batchId, headerRow);
  return (headerAt ?? Number.MAX_SAFE_INTEGER - IMPORT_TUNING.rowsPerBatch) + 1;
}

/**
 * What the three steps share: a job that does nothing unless its batch still waits for it at this revision
 * (`start`), and runs its work in an import thread (`inThread`).
 */
abstract class ImportStepJob<P extends ImportJobPayload> extends RegisteredJob<P> {
  @Inject(Tenancy) protected readonly tenancy!: Tenancy;
  @Inject(ImportProgress) protected readonly progress!: ImportProgress;

  /** The batch, if it still waits for this step (`status`) at the payload's revision; null: a stale job. */
  protected start(payload: P, status: BatchRecord['status']): Promise<BatchRecord | null> {
    return currentBatch(this.tenancy, payload, status);
  }

  /**
   * Runs the work in an import thread, retried (see `retried`), and clears the batch's progress whatever
   * happens. A StaleStep ends it quietly; `refused` turns the errors that are the batch's outcome into it
   * and rethrows the others (for the queue to retry).
   */
  protected inThread(
    payload: P,
    batch: BatchRecord,
    work: (thread: ImportThread) => Promise<void>,
    refused: (error: unknown) => Promise<void>,
  ): Promise<void> {
    return retried(this.tenancy, payload, batch, () =>
      withImportThread(async (thread: ImportThread) => {
        try {
          await work(thread);
        } catch (error) {
          if (error instanceof StaleStep) return;
          await refused(error);
        } finally {
          this.progress.finish(payload.batchId);
        }
      }),
    );
  }
}

/**
 * Step 1: reads the stored file in a worker thread, stores its non-blank rows, finds the header row and
 * proposes a mapping. A file that cannot be read fails the batch with the reader's code, and the file and
 * rows are dropped.
 */
@Injectable()
export class ParseImportJob extends ImportStepJob<ImportJobPayload> {
  readonly jobName = PARSE_IMPORT_JOB;

  constructor(
    private readonly config: AppConfig,
    private readonly files: FileStore,
  ) {
    super();
  }

  async handle(payload: ImportJobPayload): Promise<void> {
    const batch = await this.start(payload, 'parsing');
    if (!batch) return;
    const { firmId, batchId } = payload;
    const limits = readLimits(this.config);
    if (!batch.fileId) return;
    const fileId = batch.fileId;
    await this.inThread(
      payload,
      batch,
      async (thread) => {
        const started = performance.now();
        const bytes = await readAll(this.files.open(firmId, fileId), batch.fileSize);
        const loaded = performance.now();
        const read = await thread.call<ReadSummary>('read', { bytes, sheet: batch.sheet, limits }, [
          bytes.buffer,
        ]);
        const parsed = performance.now();
        await writeIfCurrent(this.tenancy, payload, (em) => importStore.deleteRows(em, batchId));
        // The next batch crosses over from the thread while this one is written.
        const pull = (offset: number) =>
          offset < read.rowCount
            ? thread.call<{ count: number; json: Uint8Array }>('rowsJson', {
                offset,
                limit: IMPORT_TUNING.rowsPerBatch,
              })
            : Promise.resolve({ count: 0, json: new Uint8Array() });
        let next = ahead(pull(0));
        for (let offset = 0; offset < read.rowCount; offset += IMPORT_TUNING.rowsPerBatch) {
          const batchRows = await next;
          next = ahead(pull(offset + IMPORT_TUNING.rowsPerBatch));
          await writeIfCurrent(this.tenancy, payload, (em) =>
            importStore.insertRows(em, batchId, firmId, batchRows.json, offset),
          );
          await this.progress.report(firmId, batchId, offset + batchRows.count, read.rowCount);
        }
        const stored = performance.now();
        const outcome = await this.tenancy.forFirm(firmId, async (em) => {
          const current = await importStore.findBatch(em, batchId, true);
          if (!current || current.revision !== payload.revision) return 'stale';
          const state = await mappingState(em, current, limits.headerSearchRows, current.headerRow);
          if ((state.summary?.rows ?? 0) > limits.maxDataRows) return 'too_many_rows';
          await importStore.updateBatch(em, batchId, {
            ...state,
            status: 'mapping',
            format: read.format,
            encoding: read.encoding ?? null,
            delimiter: read.delimiter ?? null,
            sheets: read.sheets,
            sheet: read.sheet,
            rowCount: read.rowCount,
            progressDone: read.rowCount,
            progressTotal: read.rowCount,
            errorCode: null,
            errorHint: null,
          });
          return 'ok';
        });
        const ms = (from: number, to: number) => `${Math.round(to - from)} ms`;
        logger.log(
          `parse ${batchId}: ${read.rowCount} rows (file ${ms(started, loaded)}, read ${ms(loaded, parsed)}, ` +
            `store ${ms(parsed, stored)}, mapping ${ms(stored, performance.now())})`,
        );
        if (outcome === 'too_many_rows')
          throw new ImportFileError('too_many_rows', String(limits.maxDataRows));
      },
      async (error) => {
        if (!(error instanceof ImportFileError)) throw error;
        // A refused file is not kept: its rows and bytes go, the batch keeps the reason.
        try {
          await writeIfCurrent(this.tenancy, payload, async (em) => {
            await importStore.deleteRows(em, batchId);
            await importStore.updateBatch(em, batchId, {
              fileId: null,
              status: 'failed',
              errorCode: error.code,
              errorHint: error.hint ?? null,
            });
          });
        } catch (stale) {
          if (stale instanceof StaleStep) return;
          throw stale;
        }
        await this.files.remove(firmId, [fileId]);
      },
    );
  }
}

/**
 * Step 2, the dry run: every data row checked in a worker thread (domain validation, duplicates in the
 * file), then the valid rows' ICE and e-mail looked up among the firm's clients (`already_exists`: skipped),
 * findings stored per row and field, counts summed.
 */
@Injectable()
export class CheckImportJob extends ImportStepJob<ImportJobPayload> {
  readonly jobName = CHECK_IMPORT_JOB;

  async handle(payload: ImportJobPayload): Promise<void> {
    const batch = await this.start(payload, 'checking');
    if (!batch || batch.headerRow === null) return;
    const { firmId, batchId } = payload;
    const headerRow = batch.headerRow;
    const total = batch.summary?.rows ?? 0;
    const software = await this.tenancy.forFirm(firmId, softwareIndex);
    const summary: ImportSummary = emptySummary();
    await this.inThread(
      payload,
      batch,
      async (thread) => {
        const started = performance.now();
        await thread.call('check.begin', { mapping: batch.mapping ?? {}, software, dedupe: true });
        await writeIfCurrent(this.tenancy, payload, (em) => importStore.deleteIssues(em, batchId));
        const read = (from: number) =>
          this.tenancy.forFirm(firmId, (em) =>
            importStore.readPackedRowsAt(em, batchId, from, IMPORT_TUNING.rowsPerBatch),
          );
        let position = await this.tenancy.forFirm(firmId, (em) => firstDataPosition(em, batchId, headerRow));
        let done = 0;
        let rows = await read(position);
        while (rows.length > 0) {
          position += rows.length;
          // The thread checks this batch while the next one is read.
          const checking = ahead(thread.call<CheckBatchResult>('check.batch', { rows }));
          const next = ahead(read(position));
          const result = await checking;
          summary.rows += result.rows;
          summary.valid += result.valid;
          summary.invalid += result.invalid;
          summary.warnings += result.warnings;
          summary.duplicates += result.duplicates;
          await writeIfCurrent(this.tenancy, payload, (em) =>
            importStore.insertIssues(em, batchId, firmId, result.issuesJson),
          );
          done += rows.length;
          await this.progress.report(firmId, batchId, Math.min(done, total), total);
          rows = await next;
        }
        const rowsChecked = performance.now();
        await this.tenancy.forFirm(firmId, async (em) => {
          const current = await importStore.findBatch(em, batchId, true);
          if (!current || current.revision !== payload.revision) return;
          const skips = await existingClients(em, batch.fileSha256, (offset, limit) =>
            thread.call<[number, string | null, string | null][]>('check.keys', { offset, limit }),
          );
          await importStore.insertIssues(em, batchId, firmId, skips);
          summary.toSkip = skips.length;
          summary.duplicates += skips.length;
          summary.toCreate = summary.valid - summary.toSkip;
          await importStore.updateBatch(em, batchId, {
            status: 'checked',
            summary,
            progressDone: total,
            progressTotal: total,
            checkedAt: new Date(),
          });
        });
        logger.log(
          `check ${batchId}: ${summary.rows} rows (rows ${Math.round(rowsChecked - started)} ms, ` +
            `existing clients ${Math.round(performance.now() - rowsChecked)} ms)`,
        );
      },
      async (error) => {
        if (!(error instanceof ImportFileError)) throw error;
        await failBatch(this.tenancy, payload, error.code, error.hint);
      },
    );
  }
}

export const SKIP_SEQ = 1000;

/**
 * Valid rows whose ICE, contact e-mail or import key (same file, same row) a client of the firm has. The
 * keys come from the thread a slice at a time ([row, ICE, lower-case e-mail]).
 */
export async function existingClients(
  em: EntityManager,
  fileSha256: string,
  keys: (offset: number, limit: number) => Promise<[number, string | null, string | null][]>,
): Promise<(RowIssue & { seq: number })[]> {
  const skips: (RowIssue & { seq: number })[] = [];
  for (let offset = 0; ; offset += IMPORT_TUNING.rowsPerBatch) {
    const slice = await keys(offset, IMPORT_TUNING.rowsPerBatch);
    if (slice.length === 0) break;
    const found: { ice: string | null; email: string | null; import_key: string | null }[] = await em.query(
      `SELECT ice, lower(contact_email) AS email, import_key FROM client
        WHERE ice = ANY($1::text[]) OR lower(contact_email) = ANY($2::text[]) OR import_key = ANY($3::text[])`,
      [
        slice.flatMap(([, ice]) => (ice ? [ice] : [])),
        slice.flatMap(([, , email]) => (email ? [email] : [])),
        slice.map(([row]) => importKey(fileSha256, row)),
      ],
    );
    const ices = new Set(found.map((f) => f.ice).filter(Boolean));
    const emails = new Set(found.map((f) => f.email).filter(Boolean));
    const imported = new Set(found.map((f) => f.import_key).filter(Boolean));
    for (const [row, ice, email] of slice) {
      const field = ice && ices.has(ice) ? 'ice' : email && emails.has(email) ? 'contactEmail' : null;
      if (field)
        skips.push({ row, seq: SKIP_SEQ, severity: 'skip', field, code: 'already_exists', column: null });
      else if (imported.has(importKey(fileSha256, row)))
        skips.push({
          row,
          seq: SKIP_SEQ,
          severity: 'skip',
          field: 'name',
          code: 'already_imported',
          column: null,
        });
    }
  }
  return skips;
}

/**
 * Step 3: creates the clients of the rows the check found valid and new, in ONE transaction (all rows or
 * none), set-based, then fills the search side table for the batch in one statement. A database failure
 * rolls everything back and fails the batch (`import_failed`); nothing is half-imported.
 */
@Injectable()
export class RunImportJob extends ImportStepJob<RunImportPayload> {
  readonly jobName = RUN_IMPORT_JOB;

  async handle(payload: RunImportPayload): Promise<void> {
    const batch = await this.start(payload, 'importing');
    if (!batch || batch.headerRow === null) return;
    const { firmId, batchId } = payload;
    const headerRow = batch.headerRow;
    const summary = batch.summary ?? emptySummary();
    const total = summary.toCreate;
    await this.inThread(
      payload,
      batch,
      async (thread) => {
        await this.tenancy.forFirm(firmId, async (em) => {
          const software = await softwareIndex(em);
          const excluded = await importStore.excludedRows(em, batchId);
          await thread.call('check.begin', { mapping: batch.mapping ?? {}, software, dedupe: false });
          await clientWriter.beginBulk(em);
          const context = {
            firmId,
            userId: payload.userId,
            batchId,
            fileSha256: batch.fileSha256,
          };
          let considered = 0;
          let created = 0;
          const timing = { read: 0, validate: 0, insert: 0, search: 0 };
          let mark = performance.now();
          const lap = (stage: keyof typeof timing) => {
            const now = performance.now();
            timing[stage] += now - mark;
            mark = now;
          };
          const draftsOf = (rows: PackedRow[]): Promise<DraftColumns | null> => {
            const wanted = rows.filter(([row]) => !excluded.has(row));
            return wanted.length
              ? thread.call<DraftColumns>('check.columns', { rows: wanted })
              : Promise.resolve(null);
          };
          let position = await firstDataPosition(em, batchId, headerRow);
          let rows = await importStore.readPackedRowsAt(em, batchId, position, IMPORT_TUNING.rowsPerBatch);
          let drafting = ahead(draftsOf(rows));
          lap('read');
          while (rows.length > 0) {
            position += rows.length;
            const drafts = await drafting;
            lap('validate');
            rows = await importStore.readPackedRowsAt(em, batchId, position, IMPORT_TUNING.rowsPerBatch);
            // The thread prepares the next batch while this one is inserted.
            drafting = ahead(draftsOf(rows));
            lap('read');
            if (drafts) {
              considered += drafts.rows.length;
              created += await clientWriter.insert(em, context, drafts);
            }
            lap('insert');
            await this.progress.report(firmId, batchId, Math.min(considered, total), total, true);
          }
          await clientWriter.finishBulk(em, batchId);
          lap('search');
          const ms = (stage: keyof typeof timing) => `${stage} ${Math.round(timing[stage])} ms`;
          logger.log(
            `import ${batchId}: ${created} clients (${ms('read')}, ${ms('validate')}, ${ms('insert')}, ${ms('search')})`,
          );
          await em.query(
            `INSERT INTO audit_event (firm_id, actor_user_id, action, target_type, target_id, data)
           VALUES ($1, $2, 'import.completed', 'import_batch', $3, $4)`,
            [firmId, payload.userId, batchId, { fileName: batch.fileName, created, mode: payload.mode }],
          );
          if (batch.savedMappingId) {
            await em.query(`UPDATE import_mapping SET last_used_at = now() WHERE id = $1`, [
              batch.savedMappingId,
            ]);
          }
          await importStore.updateBatch(em, batchId, {
            status: 'imported',
            summary: { ...summary, created, skipped: summary.rows - created },
            progressDone: total,
            progressTotal: total,
            importedAt: new Date(),
          });
        });
      },
      async (error) => {
        if (!(error instanceof QueryFailedError) && !(error instanceof ImportFileError)) throw error;
        logger.error(`import ${batchId} failed and was rolled back: ${error.message}`);
        await failBatch(this.tenancy, payload, 'import_failed');
      },
    );
  }
}
