import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';

export interface EnqueueOptions {
  /** Deterministic id: enqueuing the same id twice runs the job once (retries collapse). */
  jobId?: string;
  /** Run no earlier than this many milliseconds from now (retry back-off). */
  delayMs?: number;
  /**
   * The same id may be enqueued again once its job has run (a sweeper re-queuing work whose job was lost):
   * the finished job is not kept under its id. Its outcome lives in the database, not in the queue.
   */
  reusableId?: boolean;
}

export interface BatchItem<P> {
  payload: P;
  options?: EnqueueOptions;
}

/** Producers depend on this, never on Bull: the queue library can change in one place. */
export abstract class JobQueue {
  abstract readonly mode: 'redis' | 'in-process';
  abstract enqueue<P>(name: string, payload: P, options?: EnqueueOptions): Promise<void>;
  /** Many jobs of one name in one round trip (a bulk run queues thousands). */
  abstract enqueueMany<P>(name: string, items: readonly BatchItem<P>[]): Promise<void>;
  /**
   * Runs the job `name` (empty payload) every `everyMs`, once across all processes: a repeatable Bull job run
   * by one worker per tick, or a timer in the in-process mode.
   */
  abstract repeat(name: string, everyMs: number): Promise<void>;
  abstract check(): Promise<boolean>;
}

/** A job is one class with a typed payload; it registers itself so both queue adapters can run it. */
export interface JobHandler<P> {
  readonly jobName: string;
  handle(payload: P): Promise<void>;
}

export const JOB_ATTEMPTS = 5;
export const JOB_BACKOFF_MS = 2000;

@Injectable()
export class JobRegistry {
  private readonly logger = new Logger('Jobs');
  private readonly handlers = new Map<string, JobHandler<unknown>>();

  register<P>(handler: JobHandler<P>): void {
    this.handlers.set(handler.jobName, handler as JobHandler<unknown>);
  }

  async run(name: string, payload: unknown): Promise<void> {
    const handler = this.handlers.get(name);
    if (!handler) throw new Error(`No handler for job "${name}"`);
    const started = Date.now();
    await handler.handle(payload);
    this.logger.debug(`${name} done in ${Date.now() - started} ms`);
  }
}

/**
 * The base of a job class: it registers itself with the JobRegistry when its module starts, so both queue
 * adapters can run it by name. The registry comes by property injection, so a job's constructor lists only
 * what its work needs.
 */
export abstract class RegisteredJob<P> implements JobHandler<P>, OnModuleInit {
  abstract readonly jobName: string;
  @Inject(JobRegistry) private readonly registry!: JobRegistry;

  abstract handle(payload: P): Promise<void>;

  onModuleInit(): void {
    this.registry.register(this);
  }
}

/**
 * A job run every `everyMs` once across all processes (JobQueue.repeat: a repeatable Bull job run by one
 * worker per tick, or a timer in the in-process mode), scheduled when the application starts. A queue that
 * does not answer yet only delays the schedule: it is logged, never fatal.
 */
export abstract class RepeatingJob
  extends RegisteredJob<Record<string, never>>
  implements OnApplicationBootstrap
{
  @Inject(JobQueue) protected readonly jobs!: JobQueue;
  protected abstract readonly logger: Logger;
  /** How often it runs (asked when the application starts). */
  protected abstract everyMs(): number;

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs
      .repeat(this.jobName, this.everyMs())
      .catch((error: Error) => this.logger.warn(`${this.jobName} not scheduled yet: ${error.message}`));
  }
}
