import { HttpStatus, Injectable } from '@nestjs/common';
import { type InvitationEmailLanguage, type TeamRole } from '@passerelle/domain-client';
import { isUniqueViolation } from '../../database/errors';
import { returning } from '../../database/returning';
import { setScope, Tenancy } from '../../database/tenancy';
import { cancelAccountMail } from '../account-mail/account-mail-queue';
import { AuditService } from '../audit/audit.service';
import { AuthService, type NewSession } from '../auth/auth.service';
import { hashPassword } from '../auth/passwords';
import { LinkTable, withLink } from '../auth/link-tokens';
import { isTokenFormat } from '../auth/tokens';
import { AppError } from '../common/app-error';
import { maskEmail } from '../common/mask-email';
import { AcceptInvitationDto } from '../invitations/dto/invitation.dto';
import { PublicTeamInvitationDto } from './dto/team.dto';

/** Unknown, expired, replaced, cancelled or used: one answer, so a link reveals nothing. */
function invalidLink(): AppError {
  return new AppError(HttpStatus.NOT_FOUND, 'team_invitation_invalid');
}

const TEAM_INVITATION_LINKS: LinkTable = {
  scope: 'teamInvitationTokenHash',
  table: 'team_invitation',
  idColumn: 'id',
  invalid: invalidLink,
};

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
    private readonly auth: AuthService,
    private readonly audit: AuditService,
  ) {}

  view(token: string): Promise<PublicTeamInvitationDto> {
    return withLink(this.tenancy, TEAM_INVITATION_LINKS, token, async (em, link) => {
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
    try {
      return await withLink(this.tenancy, TEAM_INVITATION_LINKS, token, async (em, link) => {
        const accepted = await returning<{ email: string; role: TeamRole; language: string }>(
          em,
          `UPDATE team_invitation SET status = 'accepted', accepted_at = now(), updated_at = now()
            WHERE id = $1 AND status = 'pending' AND expires_at > now()
            RETURNING email, role, language`,
          [link.id],
        );
        if (!accepted[0]) throw invalidLink();
        const { email, role } = accepted[0];
        const account = await this.auth.openAccount(
          em,
          {
            firmId: link.firmId,
            email,
            name: body.name,
            passwordHash,
            role,
            language: body.language ?? accepted[0].language,
          },
          userAgent,
        );
        const userId = account.me.user.id;
        await em.query(`UPDATE team_invitation SET accepted_user_id = $2 WHERE id = $1`, [link.id, userId]);
        await cancelAccountMail(em, [link.id]);
        await this.audit.record(em, {
          firmId: link.firmId,
          actorUserId: userId,
          action: 'team.invitation_accepted',
          targetType: 'user',
          targetId: userId,
          data: { invitationId: link.id, role, userName: body.name },
        });
        return account;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'app_user_email_key'))
        throw new AppError(HttpStatus.CONFLICT, 'account_email_taken');
      throw error;
    }
  }
}
