import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { Tenancy } from '../../database/tenancy';
import { JobHandler, JobQueue, JobRegistry } from '../jobs/job-queue';
import { LeasedRequest, LeasedSweepJob } from '../mail/leased-outbox';
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

/** Queues again account e-mails whose job was lost or whose worker died (see LeasedSweepJob). */
@Injectable()
export class SweepAccountMailJob extends LeasedSweepJob {
  readonly jobName = ACCOUNT_MAIL_SWEEP_JOB;
  protected readonly candidates = 'account_mail_candidates';
  protected readonly logger = new Logger('AccountMail');

  constructor(
    registry: JobRegistry,
    jobs: JobQueue,
    tenancy: Tenancy,
    config: AppConfig,
    private readonly queue: AccountMailQueue,
  ) {
    super(registry, jobs, tenancy, config);
  }

  protected requeue(rows: readonly LeasedRequest[]): Promise<boolean> {
    return this.queue.send(rows);
  }
}
