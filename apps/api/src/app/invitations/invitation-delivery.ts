import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { Tenancy } from '../../database/tenancy';
import { AuditService } from '../audit/audit.service';
import { hashToken, newToken } from '../auth/tokens';
import { classifySmtpFailure } from '../mail/delivery-policy';
import { claimStatement, LeasedMailDelivery, LeasedSender, LeasedTable } from '../mail/leased-delivery';
import { MailService } from '../mail/mail.service';
import { InvitationMail } from './invitation-mail';
import { returning } from './invitation-rows';
import { InvitationQueue, RemindInvitationPayload, SendInvitationPayload } from './invitation-queue.service';

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

const INVITATION_TABLE: LeasedTable = { table: 'invitation', key: 'id' };

/**
 * Sends invitation e-mails on the leased-delivery rules (mail/leased-delivery.ts), at most once per claim:
 * the claim is one conditional UPDATE (`queued` → `sending`, lease until now + INVITATION_LEASE_SECONDS) plus
 * a fresh link whose hash is stored — a job that finds its invitation sent, accepted or revoked does nothing;
 * the e-mail's Message-ID derives from the invitation id; `sent` is audited, and a final failure makes the
 * client `invitation_failed`. A worker killed after sending leaves a `sending` row whose lease expires: the
 * sweeper hands it to another worker, which sends again (and both links work).
 */
@Injectable()
export class InvitationDelivery {
  private readonly logger = new Logger('Invitations');

  private readonly sender: LeasedSender<Claimed> = {
    table: INVITATION_TABLE,
    keyOf: (claimed) => claimed.id,
    message: (claimed) => this.message(claimed, false, this.delivery.messageId(`invitation.${claimed.id}`)),
    onSent: (em, claimed) =>
      this.audit.record(em, {
        firmId: claimed.firmId,
        actorUserId: null,
        action: 'invitation.sent',
        targetType: 'client',
        targetId: claimed.clientId,
        data: { invitationId: claimed.id, attempts: claimed.attempts },
      }),
    onFailure: async (em, claimed, failure, retryInMs) => {
      if (retryInMs === null)
        await em.query(
          `UPDATE client SET status = 'invitation_failed' WHERE id = $1 AND status = 'invited'`,
          [claimed.clientId],
        );
      await this.audit.record(em, {
        firmId: claimed.firmId,
        actorUserId: null,
        action: retryInMs === null ? 'invitation.failed' : 'invitation.retry_scheduled',
        targetType: 'client',
        targetId: claimed.clientId,
        data: {
          invitationId: claimed.id,
          attempts: claimed.attempts,
          reply: failure.reply,
          ...(retryInMs !== null && { retryInSeconds: Math.round(retryInMs / 1000) }),
        },
      });
    },
    requeue: (claimed, delayMs) =>
      this.queue.send([{ id: claimed.id, firmId: claimed.firmId, attempts: claimed.attempts, delayMs }]),
  };

  constructor(
    private readonly tenancy: Tenancy,
    private readonly audit: AuditService,
    private readonly mail: MailService,
    private readonly templates: InvitationMail,
    private readonly delivery: LeasedMailDelivery,
    private readonly queue: InvitationQueue,
    private readonly config: AppConfig,
  ) {}

  send(payload: SendInvitationPayload): Promise<void> {
    return this.delivery.deliver(payload.firmId, () => this.claim(payload), this.sender);
  }

  /** Reminder `n` of a sent, unaccepted invitation: a new link (the first one keeps working). Best effort. */
  async remind(payload: RemindInvitationPayload): Promise<void> {
    await this.delivery.acquireSlot(payload.firmId);
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
    const messageId = this.delivery.messageId(`invitation.${claimed.id}.reminder-${payload.reminder}`);
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
        claimStatement(
          INVITATION_TABLE,
          'id, firm_id, client_id, email, language, attempts, expires_at',
          ', expires_at = now() + make_interval(days => $3)',
        ),
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
