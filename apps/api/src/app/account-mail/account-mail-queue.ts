import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { JobQueue } from '../jobs/job-queue';
import { leasedJobId } from '../mail/leased-delivery';

export const ACCOUNT_MAIL_SEND_JOB = 'account-mail.send';
export const ACCOUNT_MAIL_SWEEP_JOB = 'account-mail.sweep';

/** The e-mails about a person's account, each one row of `account_mail` (the outbox). */
export const ACCOUNT_MAIL_KINDS = ['team_invitation', 'password_reset', 'password_changed'] as const;
export type AccountMailKind = (typeof ACCOUNT_MAIL_KINDS)[number];

export interface SendAccountMailPayload {
  mailId: string;
  firmId: string;
}

/** A row to send, with the number of times a worker has claimed it so far. */
export interface AccountMailRequest {
  id: string;
  firmId: string;
  attempts: number;
  delayMs?: number;
}

export interface NewAccountMail {
  firmId: string;
  kind: AccountMailKind;
  /**
   * What the e-mail is about: the team invitation, the password reset (its link; or, for "password changed",
   * the reset that changed it), or the user (password changed from the account page).
   */
  subjectId: string;
  email: string;
  /** The recipient's language (any code: fr, en and ar have templates, others get French). */
  language: string;
}

/**
 * Writes an account e-mail to the outbox in the caller's transaction: it commits with the change it is about.
 * Queue the returned request once that transaction has committed (AccountMailQueue.send).
 */
export async function queueAccountMail(em: EntityManager, mail: NewAccountMail): Promise<AccountMailRequest> {
  const rows: { id: string }[] = await em.query(
    `INSERT INTO account_mail (firm_id, kind, subject_id, email, language) VALUES ($1, $2, $3, $4, $5)
     RETURNING id`,
    [mail.firmId, mail.kind, mail.subjectId, mail.email, mail.language],
  );
  return { id: rows[0].id, firmId: mail.firmId, attempts: 0 };
}

/** Cancels the account e-mails about `subjectId` not sent yet (the invitation was cancelled, accepted…). */
export async function cancelAccountMail(em: EntityManager, subjectId: string): Promise<void> {
  await em.query(
    `UPDATE account_mail SET status = 'cancelled', lease_until = NULL, updated_at = now()
      WHERE subject_id = $1 AND status = 'queued'`,
    [subjectId],
  );
}

/**
 * The producer side of account e-mails, after the transaction that wrote the rows has committed. If enqueuing
 * fails the rows are still there and the sweeper queues them again: this logs and never throws.
 */
@Injectable()
export class AccountMailQueue {
  private readonly logger = new Logger('AccountMail');

  constructor(private readonly jobs: JobQueue) {}

  async send(requests: readonly AccountMailRequest[]): Promise<boolean> {
    if (requests.length === 0) return true;
    try {
      await this.jobs.enqueueMany<SendAccountMailPayload>(
        ACCOUNT_MAIL_SEND_JOB,
        requests.map((request) => ({
          payload: { mailId: request.id, firmId: request.firmId },
          options: {
            jobId: leasedJobId('account-mail', request.id, request.attempts),
            delayMs: request.delayMs,
            reusableId: true,
          },
        })),
      );
      return true;
    } catch (error) {
      this.logger.warn(
        `${requests.length} account e-mail(s) saved but not queued (${(error as Error).message}): the sweeper will queue them again.`,
      );
      return false;
    }
  }
}
