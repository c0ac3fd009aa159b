import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { returning } from '../../database/returning';
import { Tenancy } from '../../database/tenancy';
import { classifySmtpFailure, retryDelayMs, SmtpFailure } from './delivery-policy';
import { MailMessage, MailService, SentMail } from './mail.service';
import { SendRateLimiter } from './send-rate-limiter';

/**
 * A transactional-outbox table whose rows are e-mails to send (`invitation`, `document_delivery`,
 * `account_mail`): `status` queued → sending (held until `lease_until`) → sent | failed, with `attempts`,
 * `next_attempt_at`, `last_smtp_reply`, `message_id`, `sent_at`, `failed_at`, `updated_at`.
 */
export interface LeasedTable {
  /** Table and key column names: constants of the code, never input. */
  table: string;
  key: string;
}

/** What the record statements need of a claimed row. */
export interface LeasedClaim {
  firmId: string;
  /** The attempts counter as this claim set it: a record only applies while the row still has it. */
  attempts: number;
}

/** One kind of leased e-mail: its table, its message, and what it does besides the row's status. */
export interface LeasedSender<C extends LeasedClaim> {
  readonly table: LeasedTable;
  keyOf(claimed: C): string;
  message(claimed: C): MailMessage;
  /** In the transaction that recorded `sent` (an audit event…). */
  onSent?(em: EntityManager, claimed: C, sent: SentMail): Promise<void>;
  /**
   * In the transaction that recorded the failure: `retryInMs` null when it was final (`failed`: permanent, or
   * MAIL_MAX_ATTEMPTS reached), else the delay before the next attempt (the row is `queued` again).
   */
  onFailure?(em: EntityManager, claimed: C, failure: SmtpFailure, retryInMs: number | null): Promise<void>;
  /** After a retry was recorded and committed: queue the next attempt in `delayMs`. */
  requeue(claimed: C, delayMs: number): Promise<unknown>;
}

const RECORD_ATTEMPTS = 3;

/**
 * The `UPDATE … RETURNING` that claims row `$1` of a leased table for `$2` seconds: a row not yet sent (or
 * held by a worker whose lease ran out) is taken, anything else (sent, failed, revoked…) is left alone. Put it
 * in a `WITH claimed AS (…)` to read what the e-mail needs in the same statement. `extraSet` adds assignments
 * (`, expires_at = …`) with parameters from `$3`.
 */
export function claimStatement(table: LeasedTable, returning: string, extraSet = ''): string {
  return `UPDATE ${table.table}
            SET status = 'sending', attempts = attempts + 1, updated_at = now(),
                lease_until = now() + make_interval(secs => $2)${extraSet}
          WHERE ${table.key} = $1 AND (status = 'queued' OR (status = 'sending' AND lease_until < now()))
          RETURNING ${returning}`;
}

/** A job id from the row's key and its claims so far: a retry is never swallowed by the job it follows. */
export function leasedJobId(prefix: string, key: string, attempts: number): string {
  return attempts === 0 ? `${prefix}:${key}` : `${prefix}:${key}:${attempts}`;
}

/**
 * Sends the e-mail of one leased outbox row, at most once per claim — the rules invitations, document
 * deliveries and account e-mails share:
 *
 * 1. claim — the caller's conditional UPDATE (see claimStatement), after the sending rate allows it;
 * 2. send — outside any transaction, with a Message-ID derived from the row (messageId());
 * 3. record — `sent`; or on a temporary SMTP failure back to `queued` with an exponential, jittered delay
 *    (until MAIL_MAX_ATTEMPTS), or `failed` at once on a permanent (5xx) one. The SMTP reply is kept. A record
 *    applies only while the row is still this claim's (`sending` with the same attempts): a revoke or another
 *    worker's reclaim wins.
 *
 * A worker killed between 2 and 3 leaves a `sending` row whose lease expires: the feature's sweeper queues it
 * again, and another worker sends again — the only way one row is e-mailed twice.
 */
@Injectable()
export class LeasedMailDelivery {
  private readonly logger = new Logger('MailDelivery');
  private readonly messageIdDomain: string;

  constructor(
    private readonly tenancy: Tenancy,
    private readonly mail: MailService,
    private readonly limiter: SendRateLimiter,
    private readonly config: AppConfig,
  ) {
    this.messageIdDomain = /@([^>\s]+)>?\s*$/.exec(config.MAIL_FROM)?.[1] ?? 'passerelle.local';
  }

  /** `<local@domain of MAIL_FROM>`: a resent copy of one row's e-mail is recognisably the same message. */
  messageId(local: string): string {
    return `<${local}@${this.messageIdDomain}>`;
  }

  /** Waits for a sending slot of the firm (SendRateLimiter), without claiming anything (reminders). */
  acquireSlot(firmId: string): Promise<void> {
    return this.limiter.acquire(firmId);
  }

  async deliver<C extends LeasedClaim>(
    firmId: string,
    claim: () => Promise<C | null>,
    sender: LeasedSender<C>,
  ): Promise<void> {
    await this.limiter.acquire(firmId);
    const claimed = await claim();
    if (!claimed) return;
    let sent: SentMail;
    try {
      sent = await this.mail.send(sender.message(claimed));
    } catch (error) {
      await this.retrying(() => this.recordFailure(claimed, classifySmtpFailure(error), sender));
      return;
    }
    await this.retrying(() => this.recordSent(claimed, sent, sender));
  }

  private async recordSent<C extends LeasedClaim>(
    claimed: C,
    sent: SentMail,
    sender: LeasedSender<C>,
  ): Promise<void> {
    const { table, key } = sender.table;
    await this.tenancy.forFirm(claimed.firmId, async (em) => {
      const rows = await returning(
        em,
        `UPDATE ${table} SET status = 'sent', sent_at = now(), lease_until = NULL, next_attempt_at = NULL,
                last_smtp_reply = $3, message_id = $4, updated_at = now()
          WHERE ${key} = $1 AND status = 'sending' AND attempts = $2 RETURNING ${key}`,
        [sender.keyOf(claimed), claimed.attempts, sent.response.slice(0, 1000), sent.messageId.slice(0, 255)],
      );
      if (rows.length > 0) await sender.onSent?.(em, claimed, sent);
    });
  }

  private async recordFailure<C extends LeasedClaim>(
    claimed: C,
    failure: SmtpFailure,
    sender: LeasedSender<C>,
  ): Promise<void> {
    const { table, key } = sender.table;
    const final = failure.kind === 'permanent' || claimed.attempts >= this.config.MAIL_MAX_ATTEMPTS;
    const delayMs = retryDelayMs(claimed.attempts, this.config.MAIL_RETRY_BASE_MS);
    const recorded = await this.tenancy.forFirm(claimed.firmId, async (em) => {
      const params = [sender.keyOf(claimed), claimed.attempts, failure.reply];
      const rows = final
        ? await returning(
            em,
            `UPDATE ${table} SET status = 'failed', failed_at = now(), lease_until = NULL, next_attempt_at = NULL,
                    last_smtp_reply = $3, updated_at = now()
              WHERE ${key} = $1 AND status = 'sending' AND attempts = $2 RETURNING ${key}`,
            params,
          )
        : await returning(
            em,
            `UPDATE ${table} SET status = 'queued', lease_until = NULL, last_smtp_reply = $3, updated_at = now(),
                    next_attempt_at = now() + make_interval(secs => $4::double precision / 1000)
              WHERE ${key} = $1 AND status = 'sending' AND attempts = $2 RETURNING ${key}`,
            [...params, delayMs],
          );
      if (rows.length === 0) return false;
      await sender.onFailure?.(em, claimed, failure, final ? null : delayMs);
      return true;
    });
    if (recorded && !final) await sender.requeue(claimed, delayMs);
  }

  /** The e-mail went (or definitely did not): a passing database hiccup must not turn that into a resend. */
  private async retrying(record: () => Promise<void>): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await record();
      } catch (error) {
        if (attempt >= RECORD_ATTEMPTS) throw error;
        this.logger.warn(`Recording a delivery failed (${(error as Error).message}); trying again`);
        await new Promise((resolve) => setTimeout(resolve, 1000 * attempt));
      }
    }
  }
}
