import { parentPort } from 'node:worker_threads';
import type { CheckBatchResult, CheckRun, DraftColumns, PackedRow } from '../checking/check-run';
import type { CheckOptions } from '../checking/row-checker';
import type { SheetRow } from '../reading/cells';
import { ImportFileError } from '../reading/file-error';
import type { ReadLimits } from '../reading/limits';
import { readSpreadsheet } from '../reading/read-spreadsheet';
import type { ErrorFileIssue, ErrorWorkbook, ErrorWorkbookOptions } from '../review/error-workbook';
import { ownBuffers, type ThreadRequest, type ThreadResponse } from './thread-protocol';

/** What a read leaves in the thread: the main side pulls the rows in batches (see ImportThread.rows). */
let rows: SheetRow[] = [];
/** The check or import run, kept across its batches (duplicates span batches). */
let run: CheckRun | undefined;
/** The file with its errors being written (issue 11). */
let errorFile: ErrorWorkbook | undefined;

const encoder = new TextEncoder();

function current(): CheckRun {
  if (!run) throw new Error('check.begin first');
  return run;
}

export interface ReadArgs {
  bytes: Uint8Array;
  sheet?: string | null;
  limits: ReadLimits;
}

export interface ReadSummary {
  format: 'xlsx' | 'csv';
  encoding?: string;
  delimiter?: string;
  sheets: string[];
  sheet: string | null;
  rowCount: number;
}

const handlers: Record<string, (args: never) => unknown> = {
  async read(args: ReadArgs): Promise<ReadSummary> {
    const result = await readSpreadsheet(
      Buffer.from(args.bytes.buffer, args.bytes.byteOffset, args.bytes.byteLength),
      {
        sheet: args.sheet,
        limits: args.limits,
      },
    );
    rows = result.rows;
    const { rows: _rows, ...summary } = result;
    return { ...summary, rowCount: _rows.length };
  },

  rows(args: { offset: number; limit: number }): SheetRow[] {
    return rows.slice(args.offset, args.offset + args.limit);
  },

  /**
   * The same rows as the JSON array import_row is filled from ([[row, cells], …]), serialised here as UTF-8
   * bytes whose buffer moves to the API process without a copy: its heap receives neither thousands of small
   * values nor a megabyte-long string (which V8 would keep in its old generation until a full collection).
   */
  rowsJson(args: { offset: number; limit: number }): { count: number; json: Uint8Array } {
    const slice = rows.slice(args.offset, args.offset + args.limit);
    return {
      count: slice.length,
      json: encoder.encode(JSON.stringify(slice.map((row) => [row.row, row.cells]))),
    };
  },

  'check.begin'(options: CheckOptions): true {
    rows = [];
    // Loaded on first use: a thread that only reads a file does not pay for the validators' indexes.
    const { CheckRun: Run } = require('../checking/check-run') as typeof import('../checking/check-run');
    run = new Run(options);
    return true;
  },

  /** Findings and counts of a batch of stored rows (the check stores findings only). */
  'check.batch'(args: { rows: PackedRow[] }): CheckBatchResult {
    return current().checkBatch(args.rows);
  },

  /** The valid rows' unique keys, to look for the firm's existing clients. */
  'check.keys'(args: { offset: number; limit: number }): [number, string | null, string | null][] {
    return current().keys(args.offset, args.limit);
  },

  /** Every data row's unique keys, valid or not: where a corrected row's duplicates are looked for. */
  'check.rowKeys'(args: { rows: PackedRow[] }): [number, string | null, string | null][] {
    return current().rowKeys(args.rows);
  },

  /** The file with its errors (issue 11): started, fed a page of rows and findings at a time, finished. */
  'errorFile.begin'(options: ErrorWorkbookOptions): true {
    const { ErrorWorkbook } =
      require('../review/error-workbook') as typeof import('../review/error-workbook');
    errorFile = new ErrorWorkbook(options);
    return true;
  },

  'errorFile.rows'(args: { rows: PackedRow[]; issues: ErrorFileIssue[] }): true {
    if (!errorFile) throw new Error('errorFile.begin first');
    errorFile.add(args.rows, args.issues);
    return true;
  },

  async 'errorFile.end'(): Promise<Uint8Array> {
    if (!errorFile) throw new Error('errorFile.begin first');
    const bytes = await errorFile.finish();
    errorFile = undefined;
    return bytes;
  },

  /** The clients to create from a batch of stored rows, as columns. */
  'check.columns'(args: { rows: PackedRow[] }): DraftColumns {
    return current().columns(args.rows);
  },
};

/** Further task handlers (checking, drafting) register here, so one thread script serves them all. */
export function registerThreadHandler<A, R>(method: string, handler: (args: A) => R | Promise<R>): void {
  handlers[method] = handler as (args: never) => unknown;
}

function serializeError(error: unknown): Extract<ThreadResponse, { ok: false }>['error'] {
  if (error instanceof ImportFileError)
    return { name: error.name, message: error.message, code: error.code, hint: error.hint };
  const e = error instanceof Error ? error : new Error(String(error));
  return { name: e.name, message: e.message };
}

if (parentPort) {
  const port = parentPort;
  port.on('message', async (request: ThreadRequest) => {
    let response: ThreadResponse;
    let transfer: ArrayBuffer[] = [];
    try {
      const handler = handlers[request.method];
      if (!handler) throw new Error(`unknown thread method ${request.method}`);
      const result = await handler(request.args as never);
      transfer = ownBuffers(result);
      response = { id: request.id, ok: true, result };
    } catch (error) {
      response = { id: request.id, ok: false, error: serializeError(error) };
    }
    port.postMessage(response, transfer);
  });
}
