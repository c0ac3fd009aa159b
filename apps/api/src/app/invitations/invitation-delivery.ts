import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { Tenancy } from '../../database/tenancy';
import { AuditService } from '../audit/audit.service';
import { hashToken, newToken } from '../auth/tokens';
import { MailService, SentMail } from '../mail/mail.service';
import { classifySmtpFailure, retryDelayMs, SmtpFailure } from './delivery-policy';
import { InvitationMail } from './invitation-mail';
import { returning } from './invitation-rows';
import { InvitationQueue, RemindInvitationPayload, SendInvitationPayload } from './invitation-queue.service';
import { SendRateLimiter } from './send-rate-limiter';

/** What a worker holds once it has claimed an invitation: everything the e-mail needs. */
interface Claimed {
  id: string;
  firmId: string;
  clientId: string;
  email: string;
  language: string;
  attempts: number;
  expiresAt: Date;
  clientName: string;
  contactName: string;
  firmName: string;
  /** The raw token of the link in this e-mail (only its hash is stored). */
  token: string;
}

const RECORD_ATTEMPTS = 3;

/**
 * Sends invitation e-mails, at most once per claim:
 *
 * 1. claim — one conditional UPDATE (`queued` → `sending`, lease until now + INVITATION_LEASE_SECONDS), plus a
 *    fresh link whose hash is stored; a job that finds its invitation sent, accepted or revoked does nothing;
 * 2. send — outside any transaction, after the sending rate allows it, with a Message-ID derived from the
 *    invitation id;
 * 3. record — `sent`; or on a temporary SMTP failure back to `queued` with an exponential, jittered delay
 *    (until MAIL_MAX_ATTEMPTS); or `failed` at once on a permanent (5xx) one. The SMTP reply is kept.
 *
 * A worker killed between 2 and 3 leaves a `sending` row whose lease expires: the sweeper hands it to another
 * worker, which sends again — the only way one invitation is e-mailed twice (and both links work).
 */
@Injectable()
export class InvitationDelivery {
  private readonly logger = new Logger('Invitations');
  private readonly messageIdDomain: string;

  constructor(
    private readonly tenancy: Tenancy,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly templates: InvitationMail,
    private readonly limiter: SendRateLimiter,
    private readonly queue: InvitationQueue,
    private readonly config: AppConfig,
  ) {
    this.messageIdDomain = /@([^>\s]+)>?\s*$/.exec(config.MAIL_FROM)?.[1] ?? 'passerelle.local';
  }

  async send(payload: SendInvitationPayload): Promise<void> {
    await this.limiter.acquire(payload.firmId);
    const claimed = await this.claim(payload);
    if (!claimed) return;
    let sent: SentMail;
    try {
      sent = await this.mail.send(
        this.message(claimed, false, `<invitation.${claimed.id}@${this.messageIdDomain}>`),
      );
    } catch (error) {
      await this.retrying(() => this.recordFailure(claimed, classifySmtpFailure(error)));
      return;
    }
    await this.retrying(() => this.recordSent(claimed, sent));
  }

  /** Reminder `n` of a sent, unaccepted invitation: a new link (the first one keeps working). Best effort. */
  async remind(payload: RemindInvitationPayload): Promise<void> {
    await this.limiter.acquire(payload.firmId);
    const claimed = await this.tenancy.forFirm(payload.firmId, async (em) => {
      const rows = await returning<ClaimedRow>(
        em,
        `UPDATE invitation SET reminders_sent = $2, last_reminder_at = now(), updated_at = now()
          WHERE id = $1 AND status = 'sent' AND reminders_sent = $2 - 1 AND expires_at > now()
          RETURNING id, firm_id, client_id, email, language, attempts, expires_at`,
        [payload.invitationId, payload.reminder],
      );
      return rows[0] ? this.withLink(em, rows[0]) : null;
    });
    if (!claimed) return;
    const messageId = `<invitation.${claimed.id}.reminder-${payload.reminder}@${this.messageIdDomain}>`;
    let reply: string;
    try {
      reply = (await this.mail.send(this.message(claimed, true, messageId))).response;
    } catch (error) {
      reply = classifySmtpFailure(error).reply;
      this.logger.warn(`Reminder ${payload.reminder} of invitation ${claimed.id} not delivered: ${reply}`);
    }
    await this.tenancy.forFirm(claimed.firmId, async (em) => {
      await em.query(`UPDATE invitation SET last_smtp_reply = $2 WHERE id = $1`, [
        claimed.id,
        reply.slice(0, 1000),
      ]);
      await this.audit.record(em, {
        firmId: claimed.firmId,
        actorUserId: null,
        action: 'invitation.reminded',
        targetType: 'client',
        targetId: claimed.clientId,
        data: { invitationId: claimed.id, reminder: payload.reminder, reply },
      });
    });
  }

  /** A sent invitation past its expiry: `expired`, and the client `invitation_expired`. */
  async expire(invitationId: string, firmId: string): Promise<void> {
    await this.tenancy.forFirm(firmId, async (em) => {
      const rows = await returning<{ client_id: string }>(
        em,
        `UPDATE invitation SET status = 'expired', expired_at = now(), updated_at = now()
          WHERE id = $1 AND status = 'sent' AND expires_at <= now() RETURNING client_id`,
        [invitationId],
      );
      if (!rows[0]) return;
      await em.query(`UPDATE client SET status = 'invitation_expired' WHERE id = $1 AND status = 'invited'`, [
        rows[0].client_id,
      ]);
      await this.audit.record(em, {
        firmId,
        actorUserId: null,
        action: 'invitation.expired',
        targetType: 'client',
        targetId: rows[0].client_id,
        data: { invitationId },
      });
    });
  }

  private claim(payload: SendInvitationPayload): Promise<Claimed | null> {
    return this.tenancy.forFirm(payload.firmId, async (em) => {
      // Not yet sent (or held by a worker whose lease ran out): take it. Sent, accepted, revoked…: nothing to do.
      const rows = await returning<ClaimedRow>(
        em,
        `UPDATE invitation
            SET status = 'sending', attempts = attempts + 1, updated_at = now(),
                lease_until = now() + make_interval(secs => $2),
                expires_at = now() + make_interval(days => $3)
          WHERE id = $1 AND (status = 'queued' OR (status = 'sending' AND lease_until < now()))
          RETURNING id, firm_id, client_id, email, language, attempts, expires_at`,
        [payload.invitationId, this.config.INVITATION_LEASE_SECONDS, this.config.INVITATION_TTL_DAYS],
      );
      return rows[0] ? this.withLink(em, rows[0]) : null;
    });
  }

  private async withLink(em: EntityManager, row: ClaimedRow): Promise<Claimed> {
    const token = newToken();
    await em.query(`INSERT INTO invitation_link (token_hash, firm_id, invitation_id) VALUES ($1, $2, $3)`, [
      hashToken(token),
      row.firm_id,
      row.id,
    ]);
    const names: { client_name: string; contact_name: string; firm_name: string }[] = await em.query(
      `SELECT c.name AS client_name, c.contact_name, f.name AS firm_name
         FROM client c JOIN firm f ON f.id = c.firm_id WHERE c.id = $1`,
      [row.client_id],
    );
    return {
      id: row.id,
      firmId: row.firm_id,
      clientId: row.client_id,
      email: row.email,
      language: row.language,
      attempts: row.attempts,
      expiresAt: row.expires_at,
      clientName: names[0].client_name,
      contactName: names[0].contact_name,
      firmName: names[0].firm_name,
      token,
    };
  }

  private message(claimed: Claimed, reminder: boolean, messageId: string) {
    const rendered = this.templates.render({
      language: claimed.language,
      firmName: claimed.firmName,
      clientName: claimed.clientName,
      contactName: claimed.contactName,
      link: `${this.config.appUrl}/invitation/${claimed.token}`,
      expiresAt: claimed.expiresAt,
      reminder,
    });
    return {
      firmId: claimed.firmId,
      to: claimed.email,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      messageId,
    };
  }

  /** `sent` — only if this claim still holds the row (a revoke or another worker's reclaim wins). */
  private async recordSent(claimed: Claimed, sent: SentMail): Promise<void> {
    await this.tenancy.forFirm(claimed.firmId, async (em) => {
      const rows = await returning<{ id: string }>(
        em,
        `UPDATE invitation SET status = 'sent', sent_at = now(), lease_until = NULL, next_attempt_at = NULL,
                last_smtp_reply = $3, message_id = $4, updated_at = now()
          WHERE id = $1 AND status = 'sending' AND attempts = $2 RETURNING id`,
        [claimed.id, claimed.attempts, sent.response.slice(0, 1000), sent.messageId.slice(0, 255)],
      );
      if (!rows[0]) return;
      await this.audit.record(em, {
        firmId: claimed.firmId,
        actorUserId: null,
        action: 'invitation.sent',
        targetType: 'client',
        targetId: claimed.clientId,
        data: { invitationId: claimed.id, attempts: claimed.attempts },
      });
    });
  }

  private async recordFailure(claimed: Claimed, failure: SmtpFailure): Promise<void> {
    const final = failure.kind === 'permanent' || claimed.attempts >= this.config.MAIL_MAX_ATTEMPTS;
    const delayMs = retryDelayMs(claimed.attempts, this.config.MAIL_RETRY_BASE_MS);
    const recorded = await this.tenancy.forFirm(claimed.firmId, async (em) => {
      const rows = final
        ? await returning<{ id: string }>(
            em,
            `UPDATE invitation SET status = 'failed', failed_at = now(), lease_until = NULL, next_attempt_at = NULL,
                    last_smtp_reply = $3, updated_at = now()
              WHERE id = $1 AND status = 'sending' AND attempts = $2 RETURNING id`,
            [claimed.id, claimed.attempts, failure.reply],
          )
        : await returning<{ id: string }>(
            em,
            `UPDATE invitation SET status = 'queued', lease_until = NULL, last_smtp_reply = $3, updated_at = now(),
                    next_attempt_at = now() + make_interval(secs => $4::double precision / 1000)
              WHERE id = $1 AND status = 'sending' AND attempts = $2 RETURNING id`,
            [claimed.id, claimed.attempts, failure.reply, delayMs],
          );
      if (!rows[0]) return false;
      if (final)
        await em.query(
          `UPDATE client SET status = 'invitation_failed' WHERE id = $1 AND status = 'invited'`,
          [claimed.clientId],
        );
      await this.audit.record(em, {
        firmId: claimed.firmId,
        actorUserId: null,
        action: final ? 'invitation.failed' : 'invitation.retry_scheduled',
        targetType: 'client',
        targetId: claimed.clientId,
        data: {
          invitationId: claimed.id,
          attempts: claimed.attempts,
          reply: failure.reply,
          ...(final ? {} : { retryInSeconds: Math.round(delayMs / 1000) }),
        },
      });
      return true;
    });
    if (recorded && !final)
      await this.queue.send([
        { id: claimed.id, firmId: claimed.firmId, attempts: claimed.attempts, delayMs },
      ]);
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

interface ClaimedRow {
  id: string;
  firm_id: string;
  client_id: string;
  email: string;
  language: string;
  attempts: number;
  expires_at: Date;
}
