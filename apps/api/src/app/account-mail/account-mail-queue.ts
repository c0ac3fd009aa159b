import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { LeasedQueue, LeasedRequest } from '../mail/leased-outbox';

export const ACCOUNT_MAIL_SEND_JOB = 'account-mail.send';
export const ACCOUNT_MAIL_SWEEP_JOB = 'account-mail.sweep';

/** The e-mails about a person's account, each one row of `account_mail` (the outbox). */
export const ACCOUNT_MAIL_KINDS = ['team_invitation', 'password_reset', 'password_changed'] as const;
export type AccountMailKind = (typeof ACCOUNT_MAIL_KINDS)[number];

export interface SendAccountMailPayload {
  mailId: string;
  firmId: string;
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
export async function queueAccountMail(em: EntityManager, mail: NewAccountMail): Promise<LeasedRequest> {
  const rows: { id: string }[] = await em.query(
    `INSERT INTO account_mail (firm_id, kind, subject_id, email, language) VALUES ($1, $2, $3, $4, $5)
     RETURNING id`,
    [mail.firmId, mail.kind, mail.subjectId, mail.email, mail.language],
  );
  return { key: rows[0].id, firmId: mail.firmId, attempts: 0 };
}

/** Cancels the account e-mails about these subjects not sent yet (an invitation cancelled, a reset revoked…). */
export async function cancelAccountMail(em: EntityManager, subjectIds: readonly string[]): Promise<void> {
  if (subjectIds.length === 0) return;
  await em.query(
    `UPDATE account_mail SET status = 'cancelled', lease_until = NULL, updated_at = now()
      WHERE subject_id = ANY($1::uuid[]) AND status = 'queued'`,
    [subjectIds],
  );
}

/** The producer side of account e-mails, after the transaction that wrote the rows has committed. */
@Injectable()
export class AccountMailQueue extends LeasedQueue<SendAccountMailPayload> {
  protected readonly logger = new Logger('AccountMail');
  protected readonly job = {
    name: ACCOUNT_MAIL_SEND_JOB,
    idPrefix: 'account-mail',
    payload: (request: LeasedRequest) => ({ mailId: request.key, firmId: request.firmId }),
  };
}
