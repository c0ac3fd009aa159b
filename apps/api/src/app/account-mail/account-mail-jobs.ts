import { Injectable, Logger } from '@nestjs/common';
import { RegisteredJob } from '../jobs/job-queue';
import { LeasedSweepJob } from '../mail/leased-outbox';
import { AccountMailDelivery } from './account-mail-delivery';
import {
  ACCOUNT_MAIL_SEND_JOB,
  ACCOUNT_MAIL_SWEEP_JOB,
  AccountMailQueue,
  SendAccountMailPayload,
} from './account-mail-queue';

/** Claims, sends and records one account e-mail. */
@Injectable()
export class SendAccountMailJob extends RegisteredJob<SendAccountMailPayload> {
  readonly jobName = ACCOUNT_MAIL_SEND_JOB;

  constructor(private readonly delivery: AccountMailDelivery) {
    super();
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

  constructor(protected readonly queue: AccountMailQueue) {
    super();
  }
}
