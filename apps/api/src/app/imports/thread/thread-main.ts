import type { ClientDraft } from '@passerelle/domain-client';
import { parentPort } from 'node:worker_threads';
import type { CheckOptions, CheckedRow, RowChecker } from '../checking/row-checker';
import type { SheetRow } from '../reading/cells';
import { ImportFileError } from '../reading/file-error';
import type { ReadLimits } from '../reading/limits';
import { readSpreadsheet } from '../reading/read-spreadsheet';
import type { ThreadRequest, ThreadResponse } from './thread-protocol';

/** What a read leaves in the thread: the main side pulls the rows in batches (see ImportThread.rows). */
let rows: SheetRow[] = [];
/** The checker of a check or import run, kept across its batches (duplicates span batches). */
let checker: RowChecker | undefined;

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

  'check.begin'(options: CheckOptions): true {
    rows = [];
    // Loaded on first use: a thread that only reads a file does not pay for the validators' indexes.
    const { RowChecker: Checker } =
      require('../checking/row-checker') as typeof import('../checking/row-checker');
    checker = new Checker(options);
    return true;
  },

  /** Findings of a batch of rows (no drafts: the check stores findings only). */
  'check.rows'(args: { rows: SheetRow[] }): CheckedRow[] {
    if (!checker) throw new Error('check.begin first');
    const active = checker;
    return args.rows.map((row) => {
      const result = active.check(row);
      delete result.draft;
      return result;
    });
  },

  /** The clients to create from a batch of rows: the valid rows' normalised records. */
  'check.drafts'(args: { rows: SheetRow[] }): { row: number; draft: ClientDraft }[] {
    if (!checker) throw new Error('check.begin first');
    const out: { row: number; draft: ClientDraft }[] = [];
    for (const row of args.rows) {
      const result = checker.check(row);
      if (result.draft) out.push({ row: row.row, draft: result.draft });
    }
    return out;
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
    try {
      const handler = handlers[request.method];
      if (!handler) throw new Error(`unknown thread method ${request.method}`);
      response = { id: request.id, ok: true, result: await handler(request.args as never) };
    } catch (error) {
      response = { id: request.id, ok: false, error: serializeError(error) };
    }
    port.postMessage(response);
  });
}
