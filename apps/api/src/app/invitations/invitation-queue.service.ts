import { Injectable, Logger } from '@nestjs/common';
import { JobQueue } from '../jobs/job-queue';
import { leasedJobId } from '../mail/leased-delivery';

export const INVITATION_SEND_JOB = 'invitation.send';
export const INVITATION_REMIND_JOB = 'invitation.remind';
export const INVITATION_BULK_JOB = 'invitation.bulk';
export const INVITATION_SWEEP_JOB = 'invitation.sweep';

export interface SendInvitationPayload {
  invitationId: string;
  firmId: string;
}

export interface RemindInvitationPayload extends SendInvitationPayload {
  /** 1 for the first reminder, 2 for the second. */
  reminder: number;
}

export interface ExpandBulkPayload {
  bulkId: string;
  firmId: string;
}

/** An invitation to send, with the number of times a worker has claimed it so far. */
export interface SendRequest {
  id: string;
  firmId: string;
  attempts: number;
  delayMs?: number;
}

/**
 * Job ids derive from the invitation id (plus the claims so far, once it has been tried): enqueuing an
 * invitation whose job is still waiting collapses into that job, and after each claim the next job gets a
 * new id, so a retry is never swallowed by the job it follows.
 */
export function sendJobId(invitationId: string, attempts: number): string {
  return leasedJobId('invitation', invitationId, attempts);
}

/**
 * The producer side of the invitation jobs (the queue library stays behind JobQueue). Enqueuing happens
 * after the transaction that wrote the rows has committed; if it fails, the rows are still there and the
 * sweeper queues them again — so these methods log and never throw.
 */
@Injectable()
export class InvitationQueue {
  private readonly logger = new Logger('Invitations');

  constructor(private readonly jobs: JobQueue) {}

  async send(requests: readonly SendRequest[]): Promise<boolean> {
    return this.attempt(`${requests.length} invitation(s)`, () =>
      this.jobs.enqueueMany<SendInvitationPayload>(
        INVITATION_SEND_JOB,
        requests.map((request) => ({
          payload: { invitationId: request.id, firmId: request.firmId },
          options: {
            jobId: sendJobId(request.id, request.attempts),
            delayMs: request.delayMs,
            reusableId: true,
          },
        })),
      ),
    );
  }

  async remind(requests: readonly RemindInvitationPayload[]): Promise<boolean> {
    return this.attempt(`${requests.length} reminder(s)`, () =>
      this.jobs.enqueueMany<RemindInvitationPayload>(
        INVITATION_REMIND_JOB,
        requests.map((payload) => ({
          payload,
          options: {
            jobId: `invitation-reminder:${payload.invitationId}:${payload.reminder}`,
            reusableId: true,
          },
        })),
      ),
    );
  }

  async expandBulk(payload: ExpandBulkPayload): Promise<boolean> {
    return this.attempt(`bulk run ${payload.bulkId}`, () =>
      this.jobs.enqueue<ExpandBulkPayload>(INVITATION_BULK_JOB, payload, {
        jobId: `invitation-bulk:${payload.bulkId}`,
        reusableId: true,
      }),
    );
  }

  private async attempt(what: string, enqueue: () => Promise<void>): Promise<boolean> {
    try {
      await enqueue();
      return true;
    } catch (error) {
      this.logger.warn(
        `${what} saved but not queued (${(error as Error).message}): the sweeper will queue them again.`,
      );
      return false;
    }
  }
}
