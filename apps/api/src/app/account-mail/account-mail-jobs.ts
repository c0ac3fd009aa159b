import { Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { Tenancy } from '../../database/tenancy';
import { JobHandler, JobQueue, JobRegistry } from '../jobs/job-queue';
import { AccountMailDelivery } from './account-mail-delivery';
import {
  ACCOUNT_MAIL_SEND_JOB,
  ACCOUNT_MAIL_SWEEP_JOB,
  AccountMailQueue,
  SendAccountMailPayload,
} from './account-mail-queue';

/** Claims, sends and records one account e-mail. */
@Injectable()
export class SendAccountMailJob implements JobHandler<SendAccountMailPayload>, OnModuleInit {
  readonly jobName = ACCOUNT_MAIL_SEND_JOB;
  constructor(
    private readonly registry: JobRegistry,
    private readonly delivery: AccountMailDelivery,
  ) {}
  onModuleInit(): void {
    this.registry.register(this);
  }
  handle(payload: SendAccountMailPayload): Promise<void> {
    return this.delivery.deliver(payload);
  }
}

/**
 * The account e-mails' sweeper, on the invitations' interval: queues again e-mails still `queued` after
 * INVITATION_REQUEUE_AFTER_SECONDS (the API died between commit and enqueue, Redis restarted empty) and
 * `sending` ones whose lease ran out (a worker died mid-send).
 */
@Injectable()
export class SweepAccountMailJob
  implements JobHandler<Record<string, never>>, OnModuleInit, OnApplicationBootstrap
{
  readonly jobName = ACCOUNT_MAIL_SWEEP_JOB;
  private readonly logger = new Logger('AccountMail');

  constructor(
    private readonly registry: JobRegistry,
    private readonly jobs: JobQueue,
    private readonly tenancy: Tenancy,
    private readonly queue: AccountMailQueue,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs
      .repeat(ACCOUNT_MAIL_SWEEP_JOB, this.config.INVITATION_SWEEP_INTERVAL_SECONDS * 1000)
      .catch((error: Error) =>
        this.logger.warn(`Account e-mail sweeper not scheduled yet: ${error.message}`),
      );
  }

  async handle(): Promise<void> {
    await this.sweep();
  }

  /** One pass; returns how many e-mails were queued again. `staleSeconds` overrides the config (tests). */
  async sweep(staleSeconds = this.config.INVITATION_REQUEUE_AFTER_SECONDS): Promise<number> {
    const rows: { id: string; firm_id: string; attempts: number }[] = await this.tenancy.scoped({}, (em) =>
      em.query(`SELECT id, firm_id, attempts FROM account_mail_candidates($1, $2)`, [staleSeconds, 1000]),
    );
    await this.queue.send(rows.map((row) => ({ id: row.id, firmId: row.firm_id, attempts: row.attempts })));
    if (rows.length > 0) this.logger.log(`Sweep: ${rows.length} account e-mail(s) queued again`);
    return rows.length;
  }
}
