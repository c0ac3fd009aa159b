import { Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { Tenancy } from '../../database/tenancy';
import { JobHandler, JobQueue, JobRegistry } from '../jobs/job-queue';
import { leasedJobId } from './leased-delivery';

/** A leased row to (re)queue: its key, its firm, and the claims so far (they make the job id). */
export interface LeasedRequest {
  key: string;
  firmId: string;
  attempts: number;
  delayMs?: number;
}

/**
 * Enqueues the send jobs of leased outbox rows once the transaction that wrote them has committed, with job
 * ids from the row and its claims so far (`<idPrefix>:<key>[:<attempts>]`: an enqueue while the job still
 * waits collapses into it; a retry is never swallowed by the job it follows). The rows are the outbox: if
 * enqueuing fails the sweeper queues them again, so this logs and answers false instead of throwing.
 */
export async function enqueueLeased<P>(
  jobs: JobQueue,
  logger: Logger,
  job: { name: string; idPrefix: string; payload: (request: LeasedRequest) => P },
  requests: readonly LeasedRequest[],
): Promise<boolean> {
  if (requests.length === 0) return true;
  try {
    await jobs.enqueueMany<P>(
      job.name,
      requests.map((request) => ({
        payload: job.payload(request),
        options: {
          jobId: leasedJobId(job.idPrefix, request.key, request.attempts),
          delayMs: request.delayMs,
          reusableId: true,
        },
      })),
    );
    return true;
  } catch (error) {
    logger.warn(
      `${requests.length} ${job.name} job(s) saved but not queued (${(error as Error).message}): the sweeper will queue them again.`,
    );
    return false;
  }
}

/**
 * The sweeper of a leased outbox table, on the invitations' interval (a repeatable job run by one worker; a
 * timer in the in-process mode): queues again rows still `queued` a while after they should have gone (the
 * API died between commit and enqueue, Redis restarted empty) and `sending` ones whose lease ran out (a
 * worker died mid-send). The rows of every firm come from a SECURITY DEFINER function of the table's
 * migration, `<candidates>(stale_seconds, max_rows)` answering `key, firm_id, attempts`.
 */
export abstract class LeasedSweepJob
  implements JobHandler<Record<string, never>>, OnModuleInit, OnApplicationBootstrap
{
  abstract readonly jobName: string;
  /** The SQL function listing the rows to queue again (a constant of the code). */
  protected abstract readonly candidates: string;
  protected abstract readonly logger: Logger;

  constructor(
    private readonly registry: JobRegistry,
    private readonly jobs: JobQueue,
    private readonly tenancy: Tenancy,
    protected readonly config: AppConfig,
  ) {}

  /** Queues the send jobs of these rows (the feature's queue). */
  protected abstract requeue(rows: readonly LeasedRequest[]): Promise<unknown>;

  onModuleInit(): void {
    this.registry.register(this);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs
      .repeat(this.jobName, this.config.INVITATION_SWEEP_INTERVAL_SECONDS * 1000)
      .catch((error: Error) => this.logger.warn(`Sweeper not scheduled yet: ${error.message}`));
  }

  async handle(): Promise<void> {
    await this.sweep();
  }

  /** One pass; returns how many rows were queued again. `staleSeconds` overrides the config (tests). */
  async sweep(staleSeconds = this.config.INVITATION_REQUEUE_AFTER_SECONDS): Promise<number> {
    const rows: { key: string; firm_id: string; attempts: number }[] = await this.tenancy.scoped({}, (em) =>
      em.query(`SELECT * FROM ${this.candidates}($1, $2) AS c(key, firm_id, attempts)`, [staleSeconds, 1000]),
    );
    await this.requeue(rows.map((row) => ({ key: row.key, firmId: row.firm_id, attempts: row.attempts })));
    if (rows.length > 0) this.logger.log(`Sweep: ${rows.length} e-mail(s) queued again`);
    return rows.length;
  }
}
