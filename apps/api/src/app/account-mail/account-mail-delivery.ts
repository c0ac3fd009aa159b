import { Injectable } from '@nestjs/common';
import { PASSWORD_RESET_TTL_MINUTES } from '@passerelle/domain-client';
import { EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { returning } from '../../database/returning';
import { Tenancy } from '../../database/tenancy';
import { AuditService } from '../audit/audit.service';
import { hashToken, newToken } from '../auth/tokens';
import { claimStatement, LeasedMailDelivery, LeasedSender, LeasedTable } from '../mail/leased-delivery';
import { mailDate, MailTemplates } from '../mail/mail-templates';
import { AccountMailKind, AccountMailQueue, SendAccountMailPayload } from './account-mail-queue';

const ACCOUNT_MAIL_TABLE: LeasedTable = { table: 'account_mail', key: 'id' };

const TEMPLATES = {
  team_invitation: 'team-invitation',
  password_reset: 'password-reset',
  password_changed: 'password-changed',
} as const satisfies Record<AccountMailKind, string>;

/** What a worker holds once it has claimed an account e-mail: everything the message needs. */
interface Claimed {
  id: string;
  firmId: string;
  kind: AccountMailKind;
  subjectId: string;
  email: string;
  language: string;
  attempts: number;
  /** The template's own values (names, dates, link). */
  values: Record<string, unknown>;
}

interface MailRow {
  id: string;
  firm_id: string;
  kind: AccountMailKind;
  subject_id: string;
  email: string;
  language: string;
  attempts: number;
  created_at: Date;
  firm_name: string;
}

/**
 * Sends the e-mails of `account_mail` (team invitations, password-reset links, "your password was changed")
 * on the leased-delivery rules shared with invitations and document deliveries (mail/leased-delivery.ts).
 *
 * A link is made when its e-mail is claimed: a fresh token whose SHA-256 replaces the previous one on the team
 * invitation or password reset (the raw token exists only in the e-mail; a resend revokes the older link), and
 * the link's lifetime starts then. An e-mail whose subject went away before it was sent (an invitation no
 * longer pending, a reset used or superseded, a user deactivated) is `cancelled` instead of sent.
 */
@Injectable()
export class AccountMailDelivery {
  private readonly templates = new MailTemplates('account-mail', Object.values(TEMPLATES));

  private readonly sender: LeasedSender<Claimed> = {
    table: ACCOUNT_MAIL_TABLE,
    keyOf: (claimed) => claimed.id,
    message: (claimed) => {
      const rendered = this.templates.render(TEMPLATES[claimed.kind], claimed.language, {
        ...claimed.values,
        email: claimed.email,
      });
      return {
        firmId: claimed.firmId,
        to: claimed.email,
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        language: rendered.language,
        messageId: this.delivery.messageId(`${TEMPLATES[claimed.kind]}.${claimed.id}`),
      };
    },
    onFailure: async (em, claimed, failure, retryInMs) => {
      if (retryInMs !== null) return;
      await this.audit.record(em, {
        firmId: claimed.firmId,
        actorUserId: null,
        action: 'account_mail.failed',
        targetType: claimed.kind === 'team_invitation' ? 'team_invitation' : 'user',
        targetId: claimed.subjectId,
        data: { mailId: claimed.id, kind: claimed.kind, attempts: claimed.attempts, reply: failure.reply },
      });
    },
    requeue: (claimed, delayMs) =>
      this.queue.send([{ key: claimed.id, firmId: claimed.firmId, attempts: claimed.attempts, delayMs }]),
  };

  constructor(
    private readonly tenancy: Tenancy,
    private readonly audit: AuditService,
    private readonly delivery: LeasedMailDelivery,
    private readonly queue: AccountMailQueue,
    private readonly config: AppConfig,
  ) {}

  deliver(payload: SendAccountMailPayload): Promise<void> {
    return this.delivery.deliver(payload.firmId, () => this.claim(payload), this.sender);
  }

  private claim(payload: SendAccountMailPayload): Promise<Claimed | null> {
    return this.tenancy.forFirm(payload.firmId, async (em) => {
      const rows = await returning<MailRow>(
        em,
        `WITH claimed AS (${claimStatement(
          ACCOUNT_MAIL_TABLE,
          'id, firm_id, kind, subject_id, email, language, attempts, created_at',
        )})
         SELECT claimed.*, f.name AS firm_name FROM claimed JOIN firm f ON f.id = claimed.firm_id`,
        [payload.mailId, this.config.INVITATION_LEASE_SECONDS],
      );
      const row = rows[0];
      if (!row) return null;
      const values = await this.valuesOf(em, row);
      if (!values) {
        await em.query(
          `UPDATE account_mail SET status = 'cancelled', lease_until = NULL, updated_at = now() WHERE id = $1`,
          [row.id],
        );
        return null;
      }
      return {
        id: row.id,
        firmId: row.firm_id,
        kind: row.kind,
        subjectId: row.subject_id,
        email: row.email,
        language: row.language,
        attempts: row.attempts,
        values: { ...values, firmName: row.firm_name },
      };
    });
  }

  /** The template's values, with a fresh link for the kinds that carry one; null when there is nothing to send. */
  private async valuesOf(em: EntityManager, row: MailRow): Promise<Record<string, unknown> | null> {
    const appUrl = this.config.appUrl;
    if (row.kind === 'password_changed') {
      // Its subject is the password reset that changed it, or the user (changed from the account page).
      const users: { name: string; reset: boolean }[] = await em.query(
        `SELECT u.name, r.id IS NOT NULL AS reset FROM app_user u LEFT JOIN password_reset r ON r.id = $1
          WHERE u.id = $1 OR u.id = r.user_id`,
        [row.subject_id],
      );
      if (!users[0]) return null;
      return {
        name: users[0].name,
        reset: users[0].reset,
        changedOn: mailDate(row.created_at, row.language, true),
        link: `${appUrl}/forgot-password`,
      };
    }
    const token = newToken();
    if (row.kind === 'team_invitation') {
      const invitations: {
        name: string | null;
        role: string;
        expires_at: Date;
        inviter_name: string | null;
      }[] = await em.query(
        `WITH t AS (
           UPDATE team_invitation SET token_hash = $2, updated_at = now(),
                  expires_at = now() + make_interval(days => $3)
            WHERE id = $1 AND status = 'pending'
            RETURNING name, role, expires_at, created_by)
         SELECT t.name, t.role, t.expires_at, u.name AS inviter_name FROM t LEFT JOIN app_user u ON u.id = t.created_by`,
        [row.subject_id, hashToken(token), this.config.INVITATION_TTL_DAYS],
      );
      const invitation = invitations[0];
      if (!invitation) return null;
      return {
        name: invitation.name,
        inviterName: invitation.inviter_name,
        admin: invitation.role === 'admin',
        expiresOn: mailDate(invitation.expires_at, row.language),
        link: `${appUrl}/join/${token}`,
      };
    }
    const resets: { name: string; expires_at: Date }[] = await em.query(
      `WITH r AS (
         UPDATE password_reset SET token_hash = $2, expires_at = now() + make_interval(mins => $3)
          WHERE id = $1 AND used_at IS NULL AND revoked_at IS NULL
          RETURNING user_id, expires_at)
       SELECT u.name, r.expires_at FROM r JOIN app_user u ON u.id = r.user_id WHERE u.deactivated_at IS NULL`,
      [row.subject_id, hashToken(token), PASSWORD_RESET_TTL_MINUTES],
    );
    if (!resets[0]) return null;
    return {
      name: resets[0].name,
      expiresOn: mailDate(resets[0].expires_at, row.language, true),
      link: `${appUrl}/reset-password/${token}`,
    };
  }
}
