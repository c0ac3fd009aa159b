import { Injectable, Logger } from '@nestjs/common';
import { RegisteredJob } from '../../jobs/job-queue';
import { LeasedSweepJob } from '../../mail/leased-outbox';
import { DocumentDelivery } from './document-delivery';
import {
  DeliverDocumentPayload,
  DOCUMENT_DELIVERY_JOB,
  DOCUMENT_DELIVERY_SWEEP_JOB,
  DocumentDeliveryQueue,
} from './document-delivery-queue';

/** Claims, sends and records one document e-mail. */
@Injectable()
export class DeliverDocumentJob extends RegisteredJob<DeliverDocumentPayload> {
  readonly jobName = DOCUMENT_DELIVERY_JOB;

  constructor(private readonly delivery: DocumentDelivery) {
    super();
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

  constructor(protected readonly queue: DocumentDeliveryQueue) {
    super();
  }
}
