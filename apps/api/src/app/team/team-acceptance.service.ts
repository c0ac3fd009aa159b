import { HttpStatus, Injectable } from '@nestjs/common';
import {
  isUiLanguage,
  type InvitationEmailLanguage,
  type TeamRole,
  type UiLanguage,
} from '@passerelle/domain-client';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { isUniqueViolation } from '../../database/errors';
import { returning } from '../../database/returning';
import { setScope, Tenancy } from '../../database/tenancy';
import { cancelAccountMail } from '../account-mail/account-mail-queue';
import { AuditService } from '../audit/audit.service';
import type { NewSession } from '../auth/auth.service';
import { hashPassword } from '../auth/passwords';
import { SessionService } from '../auth/session.service';
import { hashToken, isTokenFormat } from '../auth/tokens';
import { AppError } from '../common/app-error';
import { maskEmail } from '../common/mask-email';
import { AcceptInvitationDto } from '../invitations/dto/invitation.dto';
import { User } from '../users/user.entity';
import { PublicTeamInvitationDto } from './dto/team.dto';

/** Unknown, expired, replaced, cancelled or used: one answer, so a link reveals nothing. */
function invalidLink(): AppError {
  return new AppError(HttpStatus.NOT_FOUND, 'team_invitation_invalid');
}

/**
 * The public side of a team invitation: what `/join/{token}` shows, and accepting it. The link is found by
 * the SHA-256 of its token through the `team_invitation_by_token` capability policy, then everything else is
 * read in its firm's scope. Accepting is one transaction: the invitation goes `accepted` by a conditional
 * UPDATE (of concurrent accepts exactly one wins), the user and its session are created.
 */
@Injectable()
export class TeamAcceptanceService {
  constructor(
    private readonly tenancy: Tenancy,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {}

  view(token: string): Promise<PublicTeamInvitationDto> {
    if (!isTokenFormat(token)) return Promise.reject(invalidLink());
    const tokenHash = hashToken(token);
    return this.tenancy.scoped({ teamInvitationTokenHash: tokenHash }, async (em) => {
      const link = await findLink(em, tokenHash);
      const rows: {
        email: string;
        name: string | null;
        role: TeamRole;
        language: InvitationEmailLanguage;
        expires_at: Date;
        firm_name: string;
        invited_by: string | null;
      }[] = await em.query(
        `SELECT t.email, t.name, t.role, t.language, t.expires_at, f.name AS firm_name, u.name AS invited_by
           FROM team_invitation t JOIN firm f ON f.id = t.firm_id LEFT JOIN app_user u ON u.id = t.created_by
          WHERE t.id = $1 AND t.status = 'pending' AND t.expires_at > now()`,
        [link.id],
      );
      const invitation = rows[0];
      if (!invitation) throw invalidLink();
      // Whoever holds the link owns the address: telling them it already has an account reveals nothing.
      const email = invitation.email.toLowerCase();
      await setScope(em, { loginEmail: email });
      const taken: unknown[] = await em.query(`SELECT 1 FROM app_user WHERE lower(email) = $1`, [email]);
      return {
        firmName: invitation.firm_name,
        email: maskEmail(invitation.email),
        name: invitation.name,
        role: invitation.role,
        invitedBy: invitation.invited_by,
        language: invitation.language,
        expiresAt: invitation.expires_at.toISOString(),
        emailTaken: taken.length > 0,
      };
    });
  }

  async accept(token: string, body: AcceptInvitationDto, userAgent?: string): Promise<NewSession> {
    if (!isTokenFormat(token)) throw invalidLink();
    // Slow on purpose (argon2id), so done before the transaction opens.
    const passwordHash = await hashPassword(body.password);
    const tokenHash = hashToken(token);
    try {
      return await this.tenancy.scoped({ teamInvitationTokenHash: tokenHash }, async (em) => {
        const link = await findLink(em, tokenHash);
        const accepted = await returning<{ email: string; role: TeamRole; language: string }>(
          em,
          `UPDATE team_invitation SET status = 'accepted', accepted_at = now(), updated_at = now()
            WHERE id = $1 AND status = 'pending' AND expires_at > now()
            RETURNING email, role, language`,
          [link.id],
        );
        if (!accepted[0]) throw invalidLink();
        const { email, role } = accepted[0];
        const language: UiLanguage =
          body.language ?? (isUiLanguage(accepted[0].language) ? accepted[0].language : 'fr');
        const userId = randomUUID();
        await em.insert(User, {
          id: userId,
          firmId: link.firmId,
          email,
          name: body.name,
          passwordHash,
          role,
          language,
          lastLoginAt: new Date(),
        });
        await em.query(`UPDATE team_invitation SET accepted_user_id = $2 WHERE id = $1`, [link.id, userId]);
        await cancelAccountMail(em, link.id);
        await this.audit.record(em, {
          firmId: link.firmId,
          actorUserId: userId,
          action: 'team.invitation_accepted',
          targetType: 'user',
          targetId: userId,
          data: { invitationId: link.id, role, userName: body.name },
        });
        const firm: { name: string }[] = await em.query(`SELECT name FROM firm WHERE id = $1`, [link.firmId]);
        const session = await this.sessions.create(em, { id: userId, firmId: link.firmId }, userAgent);
        return {
          ...session,
          me: {
            user: { id: userId, name: body.name, email, role, language },
            firm: { id: link.firmId, name: firm[0].name },
          },
        };
      });
    } catch (error) {
      if (isUniqueViolation(error, 'app_user_email_key'))
        throw new AppError(HttpStatus.CONFLICT, 'account_email_taken');
      throw error;
    }
  }
}

/** The link's invitation, switching the transaction to its firm's scope; unknown → the neutral answer. */
async function findLink(em: EntityManager, tokenHash: string): Promise<{ id: string; firmId: string }> {
  const rows: { id: string; firm_id: string }[] = await em.query(
    `SELECT id, firm_id FROM team_invitation WHERE token_hash = $1`,
    [tokenHash],
  );
  if (!rows[0]) throw invalidLink();
  await setScope(em, { firmId: rows[0].firm_id });
  return { id: rows[0].id, firmId: rows[0].firm_id };
}
