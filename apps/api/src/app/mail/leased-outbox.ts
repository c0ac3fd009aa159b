import { Inject, Logger } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { Tenancy } from '../../database/tenancy';
import { JobQueue, RepeatingJob } from '../jobs/job-queue';
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
  job: LeasedSendJob<P>,
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

/** The send job of a leased outbox: its name, the prefix of its job ids, its payload for a row. */
export interface LeasedSendJob<P> {
  name: string;
  idPrefix: string;
  payload: (request: LeasedRequest) => P;
}

/**
 * The producer side of a leased outbox (account e-mails, document deliveries): queues the send jobs of rows
 * once the transaction that wrote them has committed (see enqueueLeased: it logs and never throws).
 */
export abstract class LeasedQueue<P> {
  protected abstract readonly job: LeasedSendJob<P>;
  protected abstract readonly logger: Logger;
  @Inject(JobQueue) private readonly jobs!: JobQueue;

  send(requests: readonly LeasedRequest[]): Promise<boolean> {
    return enqueueLeased<P>(this.jobs, this.logger, this.job, requests);
  }
}

/**
 * The sweeper of a leased outbox table, on the invitations' interval (a repeatable job run by one worker; a
 * timer in the in-process mode): queues again rows still `queued` a while after they should have gone (the
 * API died between commit and enqueue, Redis restarted empty) and `sending` ones whose lease ran out (a
 * worker died mid-send). The rows of every firm come from a SECURITY DEFINER function of the table's
 * migration, `<candidates>(stale_seconds, max_rows)` answering `key, firm_id, attempts`.
 */
export abstract class LeasedSweepJob extends RepeatingJob {
  /** The SQL function listing the rows to queue again (a constant of the code). */
  protected abstract readonly candidates: string;
  /** The outbox's queue, which queues the rows' send jobs again. */
  protected abstract readonly queue: LeasedQueue<unknown>;
  @Inject(Tenancy) private readonly tenancy!: Tenancy;
  @Inject(AppConfig) protected readonly config!: AppConfig;

  protected everyMs(): number {
    return this.config.INVITATION_SWEEP_INTERVAL_SECONDS * 1000;
  }

  async handle(): Promise<void> {
    await this.sweep();
  }

  /** One pass; returns how many rows were queued again. `staleSeconds` overrides the config (tests). */
  async sweep(staleSeconds = this.config.INVITATION_REQUEUE_AFTER_SECONDS): Promise<number> {
    const rows: { key: string; firm_id: string; attempts: number }[] = await this.tenancy.scoped({}, (em) =>
      em.query(`SELECT * FROM ${this.candidates}($1, $2) AS c(key, firm_id, attempts)`, [staleSeconds, 1000]),
    );
    await this.queue.send(rows.map((row) => ({ key: row.key, firmId: row.firm_id, attempts: row.attempts })));
    if (rows.length > 0) this.logger.log(`Sweep: ${rows.length} e-mail(s) queued again`);
    return rows.length;
  }
}
