import { parentPort } from 'node:worker_threads';
import type { SheetRow } from '../reading/cells';
import { ImportFileError } from '../reading/file-error';
import type { ReadLimits } from '../reading/limits';
import { readSpreadsheet } from '../reading/read-spreadsheet';
import type { ThreadRequest, ThreadResponse } from './thread-protocol';

/** What a read leaves in the thread: the main side pulls the rows in batches (see ImportThread.rows). */
let rows: SheetRow[] = [];

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
