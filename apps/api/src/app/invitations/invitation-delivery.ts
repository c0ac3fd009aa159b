import { Injectable, Logger } from '@nestjs/common';
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
    const token = newToken();
    const claimed = await this.tenancy.forFirm(payload.firmId, async (em) => {
      const rows = await returning<ClaimedRow & Names>(
        em,
        `WITH claimed AS (
           UPDATE invitation SET reminders_sent = $2, last_reminder_at = now(), updated_at = now()
            WHERE id = $1 AND status = 'sent' AND reminders_sent = $2 - 1 AND expires_at > now()
            RETURNING id, firm_id, client_id, email, language, attempts, expires_at
         ), link AS (
           INSERT INTO invitation_link (token_hash, firm_id, invitation_id) SELECT $3, firm_id, id FROM claimed
         )
         ${WITH_NAMES}`,
        [payload.invitationId, payload.reminder, hashToken(token)],
      );
      return rows[0] ? claimedOf(rows[0], token) : null;
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
    const token = newToken();
    return this.tenancy.forFirm(payload.firmId, async (em) => {
      // Not yet sent (or held by a worker whose lease ran out): take it, with a fresh link. Sent, accepted,
      // revoked…: nothing to do. One statement: a claim is the hot path of a bulk run.
      const rows = await returning<ClaimedRow & Names>(
        em,
        `WITH claimed AS (${claimStatement(
          INVITATION_TABLE,
          'id, firm_id, client_id, email, language, attempts, expires_at',
          ', expires_at = now() + make_interval(days => $3)',
        )}), link AS (
           INSERT INTO invitation_link (token_hash, firm_id, invitation_id) SELECT $4, firm_id, id FROM claimed
         )
         ${WITH_NAMES}`,
        [
          payload.invitationId,
          this.config.INVITATION_LEASE_SECONDS,
          this.config.INVITATION_TTL_DAYS,
          hashToken(token),
        ],
      );
      return rows[0] ? claimedOf(rows[0], token) : null;
    });
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
      language: rendered.language,
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

interface Names {
  client_name: string;
  contact_name: string;
  firm_name: string;
}

/** The claimed row with what the e-mail says about it (the `claimed` CTE of a claim statement). */
const WITH_NAMES = `SELECT claimed.*, c.name AS client_name, c.contact_name, f.name AS firm_name
  FROM claimed JOIN client c ON c.id = claimed.client_id JOIN firm f ON f.id = claimed.firm_id`;

function claimedOf(row: ClaimedRow & Names, token: string): Claimed {
  return {
    id: row.id,
    firmId: row.firm_id,
    clientId: row.client_id,
    email: row.email,
    language: row.language,
    attempts: row.attempts,
    expiresAt: row.expires_at,
    clientName: row.client_name,
    contactName: row.contact_name,
    firmName: row.firm_name,
    token,
  };
}
