import { InjectQueue, Process, Processor } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Job, Queue } from 'bull';
import { EnqueueOptions, JOB_ATTEMPTS, JOB_BACKOFF_MS, JobQueue, JobRegistry } from './job-queue';

export const QUEUE_NAME = 'passerelle';
const ENQUEUE_TIMEOUT_MS = 5000;

/** Redis-backed queue: the API enqueues, a separately started worker (worker.ts) processes. */
@Injectable()
export class BullJobQueue extends JobQueue {
  readonly mode = 'redis' as const;

  constructor(@InjectQueue(QUEUE_NAME) private readonly queue: Queue) {
    super();
  }

  async enqueue<P>(name: string, payload: P, options: EnqueueOptions = {}): Promise<void> {
    // ioredis queues commands while Redis is unreachable: bound the wait so a request never hangs on it.
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`Redis did not accept job "${name}" within ${ENQUEUE_TIMEOUT_MS} ms`)),
        ENQUEUE_TIMEOUT_MS,
      );
    });
    try {
      await Promise.race([this.add(name, payload, options), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async add<P>(name: string, payload: P, options: EnqueueOptions): Promise<void> {
    await this.queue.add(name, payload, {
      jobId: options.jobId,
      attempts: JOB_ATTEMPTS,
      backoff: { type: 'exponential', delay: JOB_BACKOFF_MS },
      removeOnComplete: 1000,
      removeOnFail: false,
    });
  }

  async check(): Promise<boolean> {
    try {
      return (await this.queue.client.ping()) === 'PONG';
    } catch {
      return false;
    }
  }
}

/** Thin adapter: Bull hands every named job to the plain handler registered for it. */
@Processor(QUEUE_NAME)
export class BullJobProcessor {
  constructor(private readonly registry: JobRegistry) {}

  @Process({ name: '*', concurrency: 4 })
  async process(job: Job): Promise<void> {
    await this.registry.run(job.name, job.data);
  }
}
