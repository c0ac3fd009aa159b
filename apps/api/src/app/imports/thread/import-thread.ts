import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ImportFileError, isFileProblemCode } from '../reading/file-error';
import type { ThreadRequest, ThreadResponse } from './thread-protocol';

export interface ThreadOptions {
  /** heap cap of the thread (V8 old generation); past it the thread dies and the task fails cleanly */
  maxHeapMb: number;
  /** a call that takes longer ends the thread */
  callTimeoutMs: number;
}

export const DEFAULT_THREAD_OPTIONS: ThreadOptions = { maxHeapMb: 512, callTimeoutMs: 120_000 };

/** The bundled thread script (webpack entry "import-thread"), or the TypeScript source compiled on the fly. */
function threadScript(): { filename: string; evaluate: boolean } {
  const bundled = join(__dirname, 'import-thread.js');
  if (!__filename.endsWith('.ts') && existsSync(bundled)) return { filename: bundled, evaluate: false };
  const source = resolve(__dirname, 'thread-main.ts');
  const root = workspaceRoot(__dirname);
  const paths = require(join(root, 'tsconfig.base.json')).compilerOptions.paths;
  // Running from sources (jest, ts-node tools): compile TypeScript in the thread and resolve @passerelle/*.
  const code = `
    process.env.SWC_NODE_PROJECT = ${JSON.stringify(join(root, 'tsconfig.base.json'))};
    require(${JSON.stringify(require.resolve('@swc-node/register'))});
    require(${JSON.stringify(require.resolve('tsconfig-paths'))}).register({ baseUrl: ${JSON.stringify(root)}, paths: ${JSON.stringify(paths)} });
    require(${JSON.stringify(source)});
  `;
  return { filename: code, evaluate: true };
}

function workspaceRoot(from: string): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'tsconfig.base.json'))) return dir;
  }
  throw new Error('workspace root not found');
}

/** At most this many import threads per process (each may grow to its heap cap); the others queue. */
export const MAX_IMPORT_THREADS = 2;
let running = 0;
const waiting: (() => void)[] = [];

/** Runs `work` with a new import thread once one of the process's slots is free; always closes it. */
export async function withImportThread<T>(
  work: (thread: ImportThread) => Promise<T>,
  options: ThreadOptions = DEFAULT_THREAD_OPTIONS,
): Promise<T> {
  if (running >= MAX_IMPORT_THREADS) await new Promise<void>((resolve) => waiting.push(resolve));
  else running++;
  const thread = new ImportThread(options);
  try {
    return await work(thread);
  } finally {
    await thread.close();
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

/**
 * One worker thread for one import task: the file is parsed (and rows checked) there, off the event loop,
 * under a heap cap. A thread that runs out of memory or time is terminated and the task fails with
 * `file_too_complex`; the process carries on. Always `close()` it.
 */
export class ImportThread {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void }
  >();
  private failure: Error | undefined;

  constructor(private readonly options: ThreadOptions = DEFAULT_THREAD_OPTIONS) {
    const script = threadScript();
    this.worker = new Worker(script.filename, {
      eval: script.evaluate,
      resourceLimits: {
        maxOldGenerationSizeMb: options.maxHeapMb,
        // A small young generation: collected more often, so the process stays smaller (same speed here).
        maxYoungGenerationSizeMb: 8,
        stackSizeMb: 4,
      },
      stdout: false,
      stderr: false,
    });
    this.worker.on('message', (response: ThreadResponse) => {
      const waiting = this.pending.get(response.id);
      if (!waiting) return;
      this.pending.delete(response.id);
      if (response.ok) waiting.resolve(response.result);
      else waiting.reject(toError(response.error));
    });
    this.worker.on('error', (error: NodeJS.ErrnoException) => {
      this.fail(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new ImportFileError('file_too_complex') : error);
    });
    this.worker.on('exit', () => this.fail(new ImportFileError('file_too_complex')));
  }

  /** Calls a handler of thread-main.ts; `transfer` moves buffers instead of copying them. */
  call<R>(
    method: string,
    args: unknown,
    transfer: ArrayBuffer[] = [],
    timeoutMs = this.options.callTimeoutMs,
  ): Promise<R> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise<R>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.fail(new ImportFileError('file_too_complex'));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value as R);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      const request: ThreadRequest = { id, method, args };
      this.worker.postMessage(request, transfer);
    });
  }

  async close(): Promise<void> {
    this.failure ??= new Error('import thread closed');
    await this.worker.terminate();
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
    void this.worker.terminate();
  }
}

function toError(error: Extract<ThreadResponse, { ok: false }>['error']): Error {
  if (isFileProblemCode(error.code)) return new ImportFileError(error.code, error.hint);
  return Object.assign(new Error(error.message), { name: error.name });
}
