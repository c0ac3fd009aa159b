import { Injectable, Logger, OnApplicationShutdown, Optional } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { BatchItem, EnqueueOptions, JOB_ATTEMPTS, JOB_BACKOFF_MS, JobQueue, JobRegistry } from './job-queue';

/**
 * The no-Redis default: jobs run in this process, after the request that queued them, with the same
 * retries and back-off as the Bull adapter, at most WORKER_CONCURRENCY at a time (a bulk run of thousands
 * must not take every database connection from the requests). Jobs pending at shutdown are awaited.
 */
@Injectable()
export class InProcessJobQueue extends JobQueue implements OnApplicationShutdown {
  readonly mode = 'in-process' as const;
  private readonly logger = new Logger('Jobs');
  private readonly pending = new Set<Promise<void>>();
  /** Ids of jobs pending or running: a duplicate enqueue collapses into them; a finished id may run again. */
  private readonly activeIds = new Set<string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly concurrency: number;
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly registry: JobRegistry,
    @Optional() config?: AppConfig,
  ) {
    super();
    this.concurrency = config?.WORKER_CONCURRENCY ?? 4;
  }

  async enqueue<P>(name: string, payload: P, options: EnqueueOptions = {}): Promise<void> {
    const jobId = options.jobId;
    if (jobId) {
      if (this.activeIds.has(jobId)) return;
      this.activeIds.add(jobId);
    }
    const delay = Math.max(0, options.delayMs ?? 0);
    const run = new Promise<void>((resolve) =>
      delay > 0 ? setTimeout(resolve, delay) : setImmediate(resolve),
    )
      .then(() => this.slot())
      .then(() => this.attempt(name, payload, 1).finally(() => this.release()))
      .finally(() => {
        if (jobId) this.activeIds.delete(jobId);
      });
    this.pending.add(run);
    void run.finally(() => this.pending.delete(run));
  }

  async enqueueMany<P>(name: string, items: readonly BatchItem<P>[]): Promise<void> {
    for (const item of items) await this.enqueue(name, item.payload, item.options);
  }

  async repeat(name: string, everyMs: number): Promise<void> {
    const timer = setInterval(() => void this.enqueue(name, {}, { jobId: `repeat:${name}` }), everyMs);
    timer.unref();
    this.timers.add(timer);
  }

  async check(): Promise<boolean> {
    return true;
  }

  /** Resolves when every queued job has finished (used at shutdown and by tests). */
  async drain(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  async onApplicationShutdown(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    this.timers.clear();
    await this.drain();
  }

  private async slot(): Promise<void> {
    if (this.running < this.concurrency) {
      this.running++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  /** Hands the slot to the next waiting job, or frees it. */
  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }

  private async attempt(name: string, payload: unknown, attempt: number): Promise<void> {
    try {
      await this.registry.run(name, payload);
    } catch (error) {
      if (attempt >= JOB_ATTEMPTS) {
        this.logger.error(`${name} failed after ${attempt} attempts: ${(error as Error).message}`);
        return;
      }
      const delay = JOB_BACKOFF_MS * 2 ** (attempt - 1);
      this.logger.warn(
        `${name} attempt ${attempt} failed (${(error as Error).message}); retrying in ${delay} ms`,
      );
      await new Promise((resolve) => setTimeout(resolve, delay));
      await this.attempt(name, payload, attempt + 1);
    }
  }
}
