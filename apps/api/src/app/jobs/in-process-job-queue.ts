import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { EnqueueOptions, JOB_ATTEMPTS, JOB_BACKOFF_MS, JobQueue, JobRegistry } from './job-queue';

/**
 * The no-Redis default: jobs run in this process, after the request that queued them, with the same
 * retries and back-off as the Bull adapter. Jobs pending at shutdown are awaited.
 */
@Injectable()
export class InProcessJobQueue extends JobQueue implements OnApplicationShutdown {
  readonly mode = 'in-process' as const;
  private readonly logger = new Logger('Jobs');
  private readonly pending = new Set<Promise<void>>();
  /** Ids of jobs pending or running: a duplicate enqueue collapses into them; a finished id may run again. */
  private readonly activeIds = new Set<string>();

  constructor(private readonly registry: JobRegistry) {
    super();
  }

  async enqueue<P>(name: string, payload: P, options: EnqueueOptions = {}): Promise<void> {
    const jobId = options.jobId;
    if (jobId) {
      if (this.activeIds.has(jobId)) return;
      this.activeIds.add(jobId);
    }
    const run = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.attempt(name, payload, 1))
      .finally(() => {
        if (jobId) this.activeIds.delete(jobId);
      });
    this.pending.add(run);
    void run.finally(() => this.pending.delete(run));
  }

  async check(): Promise<boolean> {
    return true;
  }

  /** Resolves when every queued job has finished (used at shutdown and by tests). */
  async drain(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.drain();
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
