import { Injectable, Logger } from '@nestjs/common';
import { JobQueue } from '../../jobs/job-queue';
import { leasedJobId } from '../../mail/leased-delivery';

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

export function deliveryJobId(documentId: string, attempts: number): string {
  return leasedJobId('document', documentId, attempts);
}

/**
 * The producer side of document deliveries, after the upload's transaction committed (the delivery rows are
 * the outbox: if enqueuing fails, the sweeper queues them again — so this logs and never throws).
 */
@Injectable()
export class DocumentDeliveryQueue {
  private readonly logger = new Logger('DocumentDelivery');

  constructor(private readonly jobs: JobQueue) {}

  async send(requests: readonly DeliveryRequest[]): Promise<boolean> {
    if (requests.length === 0) return true;
    try {
      await this.jobs.enqueueMany<DeliverDocumentPayload>(
        DOCUMENT_DELIVERY_JOB,
        requests.map((request) => ({
          payload: { documentId: request.documentId, firmId: request.firmId },
          options: {
            jobId: deliveryJobId(request.documentId, request.attempts),
            delayMs: request.delayMs,
            reusableId: true,
          },
        })),
      );
      return true;
    } catch (error) {
      this.logger.warn(
        `${requests.length} delivery(ies) saved but not queued (${(error as Error).message}): the sweeper will queue them again.`,
      );
      return false;
    }
  }
}
