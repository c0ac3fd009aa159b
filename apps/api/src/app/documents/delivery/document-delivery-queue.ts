import { Injectable, Logger } from '@nestjs/common';
import { LeasedQueue, LeasedRequest } from '../../mail/leased-outbox';

export const DOCUMENT_DELIVERY_JOB = 'document.deliver';
export const DOCUMENT_DELIVERY_SWEEP_JOB = 'document.delivery-sweep';

export interface DeliverDocumentPayload {
  documentId: string;
  firmId: string;
}

/**
 * The producer side of document deliveries, after the upload's transaction committed (the delivery rows are
 * the outbox: if enqueuing fails, the sweeper queues them again — so this logs and never throws). A request's
 * `key` is the document's id.
 */
@Injectable()
export class DocumentDeliveryQueue extends LeasedQueue<DeliverDocumentPayload> {
  protected readonly logger = new Logger('DocumentDelivery');
  protected readonly job = {
    name: DOCUMENT_DELIVERY_JOB,
    idPrefix: 'document',
    payload: (request: LeasedRequest) => ({ documentId: request.key, firmId: request.firmId }),
  };
}
