import { Injectable, OnModuleInit } from '@nestjs/common';
import { JobHandler, JobRegistry } from '../jobs/job-queue';
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
export class SendInvitationJob implements JobHandler<SendInvitationPayload>, OnModuleInit {
  readonly jobName = INVITATION_SEND_JOB;
  constructor(
    private readonly registry: JobRegistry,
    private readonly delivery: InvitationDelivery,
  ) {}
  onModuleInit(): void {
    this.registry.register(this);
  }
  handle(payload: SendInvitationPayload): Promise<void> {
    return this.delivery.send(payload);
  }
}

/** Sends reminder n of an unaccepted invitation. */
@Injectable()
export class RemindInvitationJob implements JobHandler<RemindInvitationPayload>, OnModuleInit {
  readonly jobName = INVITATION_REMIND_JOB;
  constructor(
    private readonly registry: JobRegistry,
    private readonly delivery: InvitationDelivery,
  ) {}
  onModuleInit(): void {
    this.registry.register(this);
  }
  handle(payload: RemindInvitationPayload): Promise<void> {
    return this.delivery.remind(payload);
  }
}

/** Creates the invitations of a bulk run. */
@Injectable()
export class ExpandBulkJob implements JobHandler<ExpandBulkPayload>, OnModuleInit {
  readonly jobName = INVITATION_BULK_JOB;
  constructor(
    private readonly registry: JobRegistry,
    private readonly bulk: InvitationBulkService,
  ) {}
  onModuleInit(): void {
    this.registry.register(this);
  }
  handle(payload: ExpandBulkPayload): Promise<void> {
    return this.bulk.expand(payload.bulkId, payload.firmId);
  }
}

/** One pass of the sweeper (a repeatable job). */
@Injectable()
export class SweepInvitationsJob implements JobHandler<Record<string, never>>, OnModuleInit {
  readonly jobName = INVITATION_SWEEP_JOB;
  constructor(
    private readonly registry: JobRegistry,
    private readonly sweeper: InvitationSweeper,
  ) {}
  onModuleInit(): void {
    this.registry.register(this);
  }
  async handle(): Promise<void> {
    await this.sweeper.sweep();
  }
}
