import { HttpStatus, Injectable } from '@nestjs/common';
import { isUiLanguage, type UiLanguage } from '@passerelle/domain-client';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { isUniqueViolation } from '../../database/errors';
import { setScope, Tenancy } from '../../database/tenancy';
import { AuditService } from '../audit/audit.service';
import type { NewSession } from '../auth/auth.service';
import { hashPassword } from '../auth/passwords';
import { SessionService } from '../auth/session.service';
import { hashToken, isTokenFormat } from '../auth/tokens';
import { AppError } from '../common/app-error';
import { maskEmail } from '../common/mask-email';
import { User } from '../users/user.entity';
import { AcceptInvitationDto, PublicInvitationDto } from './dto/invitation.dto';
import { returning } from './invitation-rows';

/** Unknown, expired, revoked or used: one answer, so a link reveals nothing about invitations. */
export function invalidInvitation(): AppError {
  return new AppError(HttpStatus.NOT_FOUND, 'invitation_invalid');
}

interface LiveInvitation {
  id: string;
  firmId: string;
}

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
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {}

  view(token: string): Promise<PublicInvitationDto> {
    if (!isTokenFormat(token)) return Promise.reject(invalidInvitation());
    const tokenHash = hashToken(token);
    return this.tenancy.scoped({ invitationTokenHash: tokenHash }, async (em) => {
      const link = await findLink(em, tokenHash);
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
    const tokenHash = hashToken(token);
    try {
      return await this.tenancy.scoped({ invitationTokenHash: tokenHash }, async (em) => {
        const link = await findLink(em, tokenHash);
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
        const language: UiLanguage =
          body.language ?? (isUiLanguage(accepted[0].language) ? accepted[0].language : 'fr');
        const userId = randomUUID();
        await em.insert(User, {
          id: userId,
          firmId: link.firmId,
          clientId,
          email,
          name: body.name,
          passwordHash,
          role: 'client',
          language,
          lastLoginAt: new Date(),
        });
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
        const firm: { name: string }[] = await em.query(`SELECT name FROM firm WHERE id = $1`, [link.firmId]);
        const session = await this.sessions.create(em, { id: userId, firmId: link.firmId }, userAgent);
        return {
          ...session,
          me: {
            user: { id: userId, name: body.name, email, role: 'client', language },
            firm: { id: link.firmId, name: firm[0].name },
          },
        };
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

/** The link's invitation, switching the transaction to its firm's scope; unknown → the neutral answer. */
async function findLink(em: EntityManager, tokenHash: string): Promise<LiveInvitation> {
  const links: { invitation_id: string; firm_id: string }[] = await em.query(
    `SELECT invitation_id, firm_id FROM invitation_link WHERE token_hash = $1`,
    [tokenHash],
  );
  if (!links[0]) throw invalidInvitation();
  await setScope(em, { firmId: links[0].firm_id });
  return { id: links[0].invitation_id, firmId: links[0].firm_id };
}
