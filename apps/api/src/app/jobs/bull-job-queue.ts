import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { Job, JobOptions, Queue } from 'bull';
import { AppConfig } from '../../config/app-config';
import { BatchItem, EnqueueOptions, JOB_ATTEMPTS, JOB_BACKOFF_MS, JobQueue, JobRegistry } from './job-queue';

export const QUEUE_NAME = 'passerelle';
const ENQUEUE_TIMEOUT_MS = 5000;

/** Redis-backed queue: the API enqueues, a separately started worker (worker.ts) processes. */
@Injectable()
export class BullJobQueue extends JobQueue {
  readonly mode = 'redis' as const;
  private readonly logger = new Logger('Jobs');
  private readonly repeats = new Map<string, number>();
  private watchingReconnects = false;

  constructor(@InjectQueue(QUEUE_NAME) private readonly queue: Queue) {
    super();
  }

  async enqueue<P>(name: string, payload: P, options: EnqueueOptions = {}): Promise<void> {
    await bounded(`job "${name}"`, this.queue.add(name, payload, jobOptions(options)));
  }

  async enqueueMany<P>(name: string, items: readonly BatchItem<P>[]): Promise<void> {
    if (items.length === 0) return;
    await bounded(
      `${items.length} "${name}" jobs`,
      this.queue.addBulk(items.map((item) => ({ name, data: item.payload, opts: jobOptions(item.options) }))),
    );
  }

  /**
   * Bull keeps repeatable jobs in Redis: a Redis that restarts empty forgets them. They are registered again
   * whenever the connection becomes ready, so the sweeper outlives a Redis restart.
   */
  async repeat(name: string, everyMs: number): Promise<void> {
    this.repeats.set(name, everyMs);
    if (!this.watchingReconnects) {
      this.watchingReconnects = true;
      this.queue.client.on('ready', () => {
        for (const [repeatName, every] of this.repeats)
          void this.addRepeat(repeatName, every).catch((error: Error) =>
            this.logger.warn(`Repeatable job "${repeatName}" not registered: ${error.message}`),
          );
      });
    }
    await this.addRepeat(name, everyMs);
  }

  private async addRepeat(name: string, everyMs: number): Promise<void> {
    await bounded(
      `repeatable job "${name}"`,
      this.queue.add(
        name,
        {},
        { repeat: { every: everyMs }, jobId: name, removeOnComplete: true, removeOnFail: true },
      ),
    );
  }

  async check(): Promise<boolean> {
    try {
      return (await this.queue.client.ping()) === 'PONG';
    } catch {
      return false;
    }
  }
}

function jobOptions(options: EnqueueOptions = {}): JobOptions {
  return {
    jobId: options.jobId,
    delay: options.delayMs && options.delayMs > 0 ? Math.round(options.delayMs) : undefined,
    attempts: JOB_ATTEMPTS,
    backoff: { type: 'exponential', delay: JOB_BACKOFF_MS },
    removeOnComplete: options.reusableId ? true : 1000,
    removeOnFail: options.reusableId ? true : false,
  };
}

/** ioredis queues commands while Redis is unreachable: bound the wait so a caller never hangs on it. */
async function bounded<T>(what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`Redis did not accept ${what} within ${ENQUEUE_TIMEOUT_MS} ms`)),
      ENQUEUE_TIMEOUT_MS,
    );
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Thin adapter, in the worker only: Bull hands every named job to the plain handler registered for it,
 * WORKER_CONCURRENCY at a time.
 */
@Injectable()
export class BullJobProcessor implements OnModuleInit {
  constructor(
    @InjectQueue(QUEUE_NAME) private readonly queue: Queue,
    private readonly registry: JobRegistry,
    private readonly config: AppConfig,
  ) {}

  private readonly logger = new Logger('Worker');

  onModuleInit(): void {
    this.queue
      .process('*', this.config.WORKER_CONCURRENCY, (job: Job) => this.registry.run(job.name, job.data))
      .catch((error: Error) => this.logger.error(`Queue processing stopped: ${error.message}`));
  }
}
