import { Injectable, Logger } from '@nestjs/common';
import { JobQueue } from '../../jobs/job-queue';
import { enqueueLeased } from '../../mail/leased-outbox';

export const DOCUMENT_DELIVERY_JOB = 'document.deliver';
export const DOCUMENT_DELIVERY_SWEEP_JOB = 'document.delivery-sweep';

export interface DeliverDocumentPayload {
  documentId: string;
  firmId: string;
}

export interface DeliveryRequest {
  documentId: string;
  firmId: string;
  /** Claims so far: the job id changes after each, so a retry is never swallowed by the job it follows. */
  attempts: number;
  delayMs?: number;
}

/**
 * The producer side of document deliveries, after the upload's transaction committed (the delivery rows are
 * the outbox: if enqueuing fails, the sweeper queues them again — so this logs and never throws).
 */
@Injectable()
export class DocumentDeliveryQueue {
  private readonly logger = new Logger('DocumentDelivery');

  constructor(private readonly jobs: JobQueue) {}

  send(requests: readonly DeliveryRequest[]): Promise<boolean> {
    return enqueueLeased<DeliverDocumentPayload>(
      this.jobs,
      this.logger,
      {
        name: DOCUMENT_DELIVERY_JOB,
        idPrefix: 'document',
        payload: (request) => ({ documentId: request.key, firmId: request.firmId }),
      },
      requests.map(({ documentId, ...request }) => ({ key: documentId, ...request })),
    );
  }
}
