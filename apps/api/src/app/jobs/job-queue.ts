import { Injectable, Logger } from '@nestjs/common';

export interface EnqueueOptions {
  /** Deterministic id: enqueuing the same id twice runs the job once (retries collapse). */
  jobId?: string;
}

/** Producers depend on this, never on Bull: the queue library can change in one place. */
export abstract class JobQueue {
  abstract readonly mode: 'redis' | 'in-process';
  abstract enqueue<P>(name: string, payload: P, options?: EnqueueOptions): Promise<void>;
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
    this.logger.log(`${name} done in ${Date.now() - started} ms`);
  }
}
