import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { Tenancy } from '../../../database/tenancy';
import { JobHandler, JobQueue, JobRegistry } from '../../jobs/job-queue';
import { LeasedRequest, LeasedSweepJob } from '../../mail/leased-outbox';
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

/** Queues again deliveries whose job was lost or whose worker died (see LeasedSweepJob). */
@Injectable()
export class SweepDocumentDeliveriesJob extends LeasedSweepJob {
  readonly jobName = DOCUMENT_DELIVERY_SWEEP_JOB;
  protected readonly candidates = 'document_delivery_candidates';
  protected readonly logger = new Logger('DocumentDelivery');

  constructor(
    registry: JobRegistry,
    jobs: JobQueue,
    tenancy: Tenancy,
    config: AppConfig,
    private readonly queue: DocumentDeliveryQueue,
  ) {
    super(registry, jobs, tenancy, config);
  }

  protected requeue(rows: readonly LeasedRequest[]): Promise<boolean> {
    return this.queue.send(rows.map(({ key, ...row }) => ({ documentId: key, ...row })));
  }
}
