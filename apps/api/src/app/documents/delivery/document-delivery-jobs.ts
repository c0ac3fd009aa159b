import { Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { Tenancy } from '../../../database/tenancy';
import { JobHandler, JobQueue, JobRegistry } from '../../jobs/job-queue';
import { DocumentDelivery } from './document-delivery';
import {
  DeliverDocumentPayload,
  DOCUMENT_DELIVERY_JOB,
  DOCUMENT_DELIVERY_SWEEP_JOB,
  DocumentDeliveryQueue,
} from './document-delivery-queue';

/** Claims, sends and records one document e-mail. */
@Injectable()
export class DeliverDocumentJob implements JobHandler<DeliverDocumentPayload>, OnModuleInit {
  readonly jobName = DOCUMENT_DELIVERY_JOB;
  constructor(
    private readonly registry: JobRegistry,
    private readonly delivery: DocumentDelivery,
  ) {}
  onModuleInit(): void {
    this.registry.register(this);
  }
  handle(payload: DeliverDocumentPayload): Promise<void> {
    return this.delivery.deliver(payload);
  }
}

/**
 * The deliveries' sweeper, on the invitations' interval: queues again deliveries still `queued` after
 * INVITATION_REQUEUE_AFTER_SECONDS (the API died between commit and enqueue, Redis restarted empty) and
 * `sending` ones whose lease ran out (a worker died mid-send).
 */
@Injectable()
export class SweepDocumentDeliveriesJob
  implements JobHandler<Record<string, never>>, OnModuleInit, OnApplicationBootstrap
{
  readonly jobName = DOCUMENT_DELIVERY_SWEEP_JOB;
  private readonly logger = new Logger('DocumentDelivery');

  constructor(
    private readonly registry: JobRegistry,
    private readonly jobs: JobQueue,
    private readonly tenancy: Tenancy,
    private readonly queue: DocumentDeliveryQueue,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs
      .repeat(DOCUMENT_DELIVERY_SWEEP_JOB, this.config.INVITATION_SWEEP_INTERVAL_SECONDS * 1000)
      .catch((error: Error) => this.logger.warn(`Delivery sweeper not scheduled yet: ${error.message}`));
  }

  async handle(): Promise<void> {
    await this.sweep();
  }

  /** One pass; returns how many deliveries were queued again. `staleSeconds` overrides the config (tests). */
  async sweep(staleSeconds = this.config.INVITATION_REQUEUE_AFTER_SECONDS): Promise<number> {
    const rows: { document_id: string; firm_id: string; attempts: number }[] = await this.tenancy.scoped(
      {},
      (em) =>
        em.query(`SELECT document_id, firm_id, attempts FROM document_delivery_candidates($1, $2)`, [
          staleSeconds,
          1000,
        ]),
    );
    await this.queue.send(
      rows.map((row) => ({ documentId: row.document_id, firmId: row.firm_id, attempts: row.attempts })),
    );
    if (rows.length > 0) this.logger.log(`Sweep: ${rows.length} delivery(ies) queued again`);
    return rows.length;
  }
}
