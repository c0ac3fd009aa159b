import { HttpStatus, Injectable } from '@nestjs/common';
import { isUniqueViolation } from '../../database/errors';
import { Tenancy } from '../../database/tenancy';
import { AuditService } from '../audit/audit.service';
import { AuthService, type NewSession } from '../auth/auth.service';
import { hashPassword } from '../auth/passwords';
import { LinkTable, withLink } from '../auth/link-tokens';
import { isTokenFormat } from '../auth/tokens';
import { AppError } from '../common/app-error';
import { maskEmail } from '../common/mask-email';
import { AcceptInvitationDto, PublicInvitationDto } from './dto/invitation.dto';
import { returning } from './invitation-rows';

/** Unknown, expired, revoked or used: one answer, so a link reveals nothing about invitations. */
export function invalidInvitation(): AppError {
  return new AppError(HttpStatus.NOT_FOUND, 'invitation_invalid');
}

/** A link of an invitation e-mail: `invitation_link`, read through its `invitation_link_by_token` policy. */
const INVITATION_LINKS: LinkTable = {
  scope: 'invitationTokenHash',
  table: 'invitation_link',
  idColumn: 'invitation_id',
  invalid: invalidInvitation,
};

/**
 * The public side of an invitation: what the link shows, and accepting it. A link is found by the SHA-256 of
 * its token through the `invitation_link_by_token` capability policy, then everything else is read in its
 * firm's scope. Accepting is one transaction: the invitation goes `accepted` by a conditional UPDATE (so of
 * 50 concurrent accepts exactly one wins), the `client` user and its session are created, the client is
 * `active`.
 */
@Injectable()
export class InvitationAcceptanceService {
  constructor(
    private readonly tenancy: Tenancy,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
  ) {}

  view(token: string): Promise<PublicInvitationDto> {
    return withLink(this.tenancy, INVITATION_LINKS, token, async (em, link) => {
      const rows: {
        email: string;
        language: string;
        expires_at: Date;
        client_name: string;
        firm_name: string;
      }[] = await em.query(
        `SELECT i.email, i.language, i.expires_at, c.name AS client_name, f.name AS firm_name
           FROM invitation i JOIN client c ON c.id = i.client_id JOIN firm f ON f.id = i.firm_id
          WHERE i.id = $1 AND i.status IN ('queued', 'sending', 'sent') AND i.expires_at > now()`,
        [link.id],
      );
      if (!rows[0]) throw invalidInvitation();
      return {
        firmName: rows[0].firm_name,
        clientName: rows[0].client_name,
        contactEmail: maskEmail(rows[0].email),
        language: rows[0].language,
        expiresAt: rows[0].expires_at.toISOString(),
      };
    });
  }

  async accept(token: string, body: AcceptInvitationDto, userAgent?: string): Promise<NewSession> {
    if (!isTokenFormat(token)) throw invalidInvitation();
    // Slow on purpose (argon2id), so done before the transaction opens.
    const passwordHash = await hashPassword(body.password);
    try {
      return await withLink(this.tenancy, INVITATION_LINKS, token, async (em, link) => {
        // Any live state: a link in someone's hands proves the e-mail went, even if the worker that sent it
        // died before writing `sent`.
        const accepted = await returning<{ client_id: string; email: string; language: string }>(
          em,
          `UPDATE invitation SET status = 'accepted', accepted_at = now(), lease_until = NULL, updated_at = now()
            WHERE id = $1 AND status IN ('queued', 'sending', 'sent') AND expires_at > now()
            RETURNING client_id, email, language`,
          [link.id],
        );
        if (!accepted[0]) throw invalidInvitation();
        const { client_id: clientId, email } = accepted[0];
        const account = await this.auth.openAccount(
          em,
          {
            firmId: link.firmId,
            clientId,
            email,
            name: body.name,
            passwordHash,
            role: 'client',
            language: body.language ?? accepted[0].language,
          },
          userAgent,
        );
        const userId = account.me.user.id;
        await em.query(`UPDATE invitation SET accepted_user_id = $2 WHERE id = $1`, [link.id, userId]);
        await em.query(`UPDATE client SET status = 'active' WHERE id = $1`, [clientId]);
        await this.audit.record(em, {
          firmId: link.firmId,
          actorUserId: userId,
          action: 'invitation.accepted',
          targetType: 'client',
          targetId: clientId,
          data: { invitationId: link.id, userName: body.name },
        });
        return account;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'app_user_email_key'))
        throw new AppError(HttpStatus.CONFLICT, 'email_taken');
      if (isUniqueViolation(error, 'app_user_client_key'))
        throw new AppError(HttpStatus.CONFLICT, 'client_already_active');
      throw error;
    }
  }
}
