import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { RegisteredJob, RepeatingJob } from '../jobs/job-queue';
import { InvitationBulkService } from './invitation-bulk.service';
import { InvitationDelivery } from './invitation-delivery';
import {
  ExpandBulkPayload,
  INVITATION_BULK_JOB,
  INVITATION_REMIND_JOB,
  INVITATION_SEND_JOB,
  INVITATION_SWEEP_JOB,
  RemindInvitationPayload,
  SendInvitationPayload,
} from './invitation-queue.service';
import { InvitationSweeper } from './invitation-sweeper';

/** Claims, sends and records one invitation e-mail (InvitationDelivery.send). */
@Injectable()
export class SendInvitationJob extends RegisteredJob<SendInvitationPayload> {
  readonly jobName = INVITATION_SEND_JOB;

  constructor(private readonly delivery: InvitationDelivery) {
    super();
  }

  handle(payload: SendInvitationPayload): Promise<void> {
    return this.delivery.send(payload);
  }
}

/** Sends reminder n of an unaccepted invitation. */
@Injectable()
export class RemindInvitationJob extends RegisteredJob<RemindInvitationPayload> {
  readonly jobName = INVITATION_REMIND_JOB;

  constructor(private readonly delivery: InvitationDelivery) {
    super();
  }

  handle(payload: RemindInvitationPayload): Promise<void> {
    return this.delivery.remind(payload);
  }
}

/** Creates the invitations of a bulk run. */
@Injectable()
export class ExpandBulkJob extends RegisteredJob<ExpandBulkPayload> {
  readonly jobName = INVITATION_BULK_JOB;

  constructor(private readonly bulk: InvitationBulkService) {
    super();
  }

  handle(payload: ExpandBulkPayload): Promise<void> {
    return this.bulk.expand(payload.bulkId, payload.firmId);
  }
}

/** One pass of the sweeper, every INVITATION_SWEEP_INTERVAL_SECONDS. */
@Injectable()
export class SweepInvitationsJob extends RepeatingJob {
  readonly jobName = INVITATION_SWEEP_JOB;
  protected readonly logger = new Logger('Invitations');

  constructor(
    private readonly sweeper: InvitationSweeper,
    private readonly config: AppConfig,
  ) {
    super();
  }

  protected everyMs(): number {
    return this.config.INVITATION_SWEEP_INTERVAL_SECONDS * 1000;
  }

  async handle(): Promise<void> {
    await this.sweeper.sweep();
  }
}
