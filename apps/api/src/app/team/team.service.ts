import { HttpStatus, Injectable } from '@nestjs/common';
import {
  removesLastAdmin,
  type InvitationEmailLanguage,
  type MailDeliveryStatus,
  type TeamRole,
} from '@passerelle/domain-client';
import { EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { isUniqueViolation } from '../../database/errors';
import { returning } from '../../database/returning';
import { Tenancy } from '../../database/tenancy';
import { AccountMailQueue, cancelAccountMail, queueAccountMail } from '../account-mail/account-mail-queue';
import { AuditService } from '../audit/audit.service';
import type { AuthContext } from '../auth/decorators';
import { revokeResetLinks } from '../auth/password-reset.service';
import { AppError } from '../common/app-error';
import type { LeasedRequest } from '../mail/leased-outbox';
import { InviteTeamMemberDto, TeamDto, TeamInvitationDto, TeamMemberDto } from './dto/team.dto';

interface MemberRow {
  id: string;
  name: string;
  email: string;
  role: TeamRole;
  deactivated_at: Date | null;
  last_login_at: Date | null;
  created_at: Date;
}

interface InvitationRow {
  id: string;
  email: string;
  name: string | null;
  role: TeamRole;
  language: InvitationEmailLanguage;
  created_at: Date;
  expires_at: Date;
  invited_by: string | null;
  delivery: string | null;
  last_smtp_reply: string | null;
  sent_at: Date | null;
}

const MEMBER_COLUMNS = 'id, name, email, role, deactivated_at, last_login_at, created_at';

/** A pending invitation with its inviter and the state of its latest e-mail. */
const INVITATION_SELECT = `
  SELECT t.id, t.email, t.name, t.role, t.language, t.created_at, t.expires_at, u.name AS invited_by,
         m.status AS delivery, m.last_smtp_reply, m.sent_at
    FROM team_invitation t
    LEFT JOIN app_user u ON u.id = t.created_by
    LEFT JOIN LATERAL (SELECT status, last_smtp_reply, sent_at FROM account_mail
                        WHERE subject_id = t.id ORDER BY created_at DESC LIMIT 1) m ON true
   WHERE t.status = 'pending'`;

const iso = (date: Date | null) => date?.toISOString() ?? null;

/**
 * A firm's team (issue 13): its staff users and the invitations of new ones. Every change is audited in the
 * transaction that makes it; invitation e-mails go through the account-mail outbox (queued after commit).
 * The firm always keeps an active admin: the admin rows are locked while a role change or a deactivation is
 * checked against that rule, so two admins demoting each other at once cannot both succeed.
 */
@Injectable()
export class TeamService {
  constructor(
    private readonly tenancy: Tenancy,
    private readonly audit: AuditService,
    private readonly mailQueue: AccountMailQueue,
    private readonly config: AppConfig,
  ) {}

  /** GET /team: admins see everything; members see the members, read-only. */
  list(auth: AuthContext): Promise<TeamDto> {
    const canManage = auth.role === 'admin';
    return this.tenancy.forFirm(auth.firmId, async (em) => {
      const members: MemberRow[] = await em.query(
        `SELECT ${MEMBER_COLUMNS} FROM app_user WHERE role IN ('admin', 'member')
          ORDER BY deactivated_at IS NOT NULL, name COLLATE "und-x-icu", id`,
      );
      const invitations: InvitationRow[] = canManage
        ? await em.query(`${INVITATION_SELECT} ORDER BY t.created_at DESC, t.id`)
        : [];
      return {
        members: members.map((row) => toMember(row, auth)),
        invitations: invitations.map(toInvitation),
        canManage,
      };
    });
  }

  /** POST /team/invitations */
  async invite(auth: AuthContext, body: InviteTeamMemberDto): Promise<TeamInvitationDto> {
    const email = body.email.toLowerCase();
    // One account per address across Passerelle: say so now rather than when the colleague accepts.
    const owners: { firm_id: string }[] = await this.tenancy.scoped({ loginEmail: email }, (em) =>
      em.query(`SELECT firm_id FROM app_user WHERE lower(email) = $1`, [email]),
    );
    if (owners[0])
      throw new AppError(
        HttpStatus.CONFLICT,
        owners[0].firm_id === auth.firmId ? 'already_member' : 'email_has_account',
      );
    const { invitation, mail } = await this.pendingWrite(auth, async (em) => {
      // An expired invitation to the same address makes way for the new one.
      await em.query(
        `UPDATE team_invitation SET status = 'revoked', revoked_at = now(), updated_at = now()
          WHERE lower(email) = $1 AND status = 'pending' AND expires_at <= now()`,
        [email],
      );
      const rows: { id: string }[] = await em.query(
        `INSERT INTO team_invitation (firm_id, email, name, role, language, created_by, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(days => $7)) RETURNING id`,
        [auth.firmId, body.email, body.name || null, body.role, body.language, auth.userId, this.ttlDays],
      );
      const id = rows[0].id;
      await this.audit.record(em, {
        firmId: auth.firmId,
        actorUserId: auth.userId,
        action: 'team.invitation_created',
        targetType: 'team_invitation',
        targetId: id,
        data: { email: body.email, role: body.role },
      });
      return this.queueMail(em, auth, id);
    });
    await this.mailQueue.send([mail]);
    return invitation;
  }

  /** POST /team/invitations/{id}/resend: a new e-mail and link (the previous link stops working). */
  async resend(auth: AuthContext, id: string): Promise<TeamInvitationDto> {
    const { invitation, mail } = await this.tenancy.forFirm(auth.firmId, async (em) => {
      await lockPending(em, id);
      await cancelAccountMail(em, [id]);
      await em.query(
        `UPDATE team_invitation SET token_hash = NULL, updated_at = now(),
                expires_at = now() + make_interval(days => $2) WHERE id = $1`,
        [id, this.ttlDays],
      );
      await this.audit.record(em, {
        firmId: auth.firmId,
        actorUserId: auth.userId,
        action: 'team.invitation_resent',
        targetType: 'team_invitation',
        targetId: id,
      });
      return this.queueMail(em, auth, id);
    });
    await this.mailQueue.send([mail]);
    return invitation;
  }

  /** DELETE /team/invitations/{id}: the link stops working, its unsent e-mail is not sent. */
  async revoke(auth: AuthContext, id: string): Promise<void> {
    await this.tenancy.forFirm(auth.firmId, async (em) => {
      await lockPending(em, id);
      await em.query(
        `UPDATE team_invitation SET status = 'revoked', revoked_at = now(), token_hash = NULL, updated_at = now()
          WHERE id = $1`,
        [id],
      );
      await cancelAccountMail(em, [id]);
      await this.audit.record(em, {
        firmId: auth.firmId,
        actorUserId: auth.userId,
        action: 'team.invitation_revoked',
        targetType: 'team_invitation',
        targetId: id,
      });
    });
  }

  /** PATCH /team/{userId}: takes effect on the user's next request (sessions read the role each time). */
  changeRole(auth: AuthContext, userId: string, role: TeamRole): Promise<TeamMemberDto> {
    return this.tenancy.forFirm(auth.firmId, async (em) => {
      const target = await lockForChange(em, userId, { role });
      if (target.role !== role) {
        await em.query(`UPDATE app_user SET role = $2 WHERE id = $1`, [userId, role]);
        await this.audit.record(em, {
          firmId: auth.firmId,
          actorUserId: auth.userId,
          action: 'user.role_changed',
          targetType: 'user',
          targetId: userId,
          data: { from: target.role, to: role },
        });
      }
      return loadMember(em, auth, userId);
    });
  }

  /** POST /team/{userId}/deactivate: its sessions end at once; it cannot sign in until reactivated. */
  deactivate(auth: AuthContext, userId: string): Promise<TeamMemberDto> {
    return this.tenancy.forFirm(auth.firmId, async (em) => {
      const target = await lockForChange(em, userId, 'deactivate');
      if (!target.deactivated_at) {
        await em.query(`UPDATE app_user SET deactivated_at = now() WHERE id = $1`, [userId]);
        const ended = await returning(em, `DELETE FROM session WHERE user_id = $1 RETURNING id`, [userId]);
        // A reset link sent before would let the account back in: it dies with the deactivation.
        await revokeResetLinks(em, userId);
        await this.audit.record(em, {
          firmId: auth.firmId,
          actorUserId: auth.userId,
          action: 'user.deactivated',
          targetType: 'user',
          targetId: userId,
          data: { sessionsEnded: ended.length },
        });
      }
      return loadMember(em, auth, userId);
    });
  }

  /** POST /team/{userId}/reactivate */
  reactivate(auth: AuthContext, userId: string): Promise<TeamMemberDto> {
    return this.tenancy.forFirm(auth.firmId, async (em) => {
      const rows = await returning(
        em,
        `UPDATE app_user SET deactivated_at = NULL
          WHERE id = $1 AND role IN ('admin', 'member') AND deactivated_at IS NOT NULL RETURNING id`,
        [userId],
      );
      if (rows.length > 0)
        await this.audit.record(em, {
          firmId: auth.firmId,
          actorUserId: auth.userId,
          action: 'user.reactivated',
          targetType: 'user',
          targetId: userId,
        });
      return loadMember(em, auth, userId);
    });
  }

  private get ttlDays(): number {
    return this.config.INVITATION_TTL_DAYS;
  }

  /** The invitation's e-mail in the outbox (caller's transaction), and the invitation as the list shows it. */
  private async queueMail(
    em: EntityManager,
    auth: AuthContext,
    id: string,
  ): Promise<{ invitation: TeamInvitationDto; mail: LeasedRequest }> {
    const rows: { email: string; language: string }[] = await em.query(
      `SELECT email, language FROM team_invitation WHERE id = $1`,
      [id],
    );
    const mail = await queueAccountMail(em, {
      firmId: auth.firmId,
      kind: 'team_invitation',
      subjectId: id,
      email: rows[0].email,
      language: rows[0].language,
    });
    const invitations: InvitationRow[] = await em.query(`${INVITATION_SELECT} AND t.id = $1`, [id]);
    return { invitation: toInvitation(invitations[0]), mail };
  }

  /** One pending invitation per address and firm: a second one is refused with the reason. */
  private async pendingWrite<T>(auth: AuthContext, work: (em: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.tenancy.forFirm(auth.firmId, work);
    } catch (error) {
      if (isUniqueViolation(error, 'team_invitation_pending_key'))
        throw new AppError(HttpStatus.CONFLICT, 'team_invitation_pending');
      throw error;
    }
  }
}

/** The firm's pending invitation `id`, locked; another firm's or unknown → 404, no longer pending → 409. */
async function lockPending(em: EntityManager, id: string): Promise<void> {
  const rows: { status: string }[] = await em.query(
    `SELECT status FROM team_invitation WHERE id = $1 FOR UPDATE`,
    [id],
  );
  if (!rows[0]) throw AppError.notFound();
  if (rows[0].status !== 'pending') throw new AppError(HttpStatus.CONFLICT, 'team_invitation_closed');
}

/**
 * The staff user `userId` (a client user or another firm's → 404), with the firm's active admins locked in a
 * fixed order, checked against the last-admin rule for the change.
 */
async function lockForChange(
  em: EntityManager,
  userId: string,
  change: { role: TeamRole } | 'deactivate',
): Promise<MemberRow> {
  const rows: MemberRow[] = await em.query(
    `SELECT ${MEMBER_COLUMNS} FROM app_user
      WHERE (id = $1 AND role IN ('admin', 'member')) OR (role = 'admin' AND deactivated_at IS NULL)
      ORDER BY id FOR UPDATE`,
    [userId],
  );
  const target = rows.find((row) => row.id === userId);
  if (!target) throw AppError.notFound();
  const seats = rows.map((row) => ({ id: row.id, role: row.role, active: row.deactivated_at === null }));
  if (removesLastAdmin(seats, userId, change)) throw new AppError(HttpStatus.CONFLICT, 'last_admin');
  return target;
}

async function loadMember(em: EntityManager, auth: AuthContext, userId: string): Promise<TeamMemberDto> {
  const rows: MemberRow[] = await em.query(`SELECT ${MEMBER_COLUMNS} FROM app_user WHERE id = $1`, [userId]);
  if (!rows[0]) throw AppError.notFound();
  return toMember(rows[0], auth);
}

function toMember(row: MemberRow, auth: AuthContext): TeamMemberDto {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    active: row.deactivated_at === null,
    deactivatedAt: iso(row.deactivated_at),
    lastLoginAt: iso(row.last_login_at),
    createdAt: row.created_at.toISOString(),
    isYou: row.id === auth.userId,
  };
}

function toInvitation(row: InvitationRow): TeamInvitationDto {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    language: row.language,
    status: row.expires_at.getTime() <= Date.now() ? 'expired' : 'pending',
    delivery: deliveryStatus(row.delivery),
    lastSmtpReply: row.last_smtp_reply,
    invitedBy: row.invited_by,
    createdAt: row.created_at.toISOString(),
    sentAt: iso(row.sent_at),
    expiresAt: row.expires_at.toISOString(),
  };
}

/** `sending` is the worker's business: the admin sees a queued e-mail. */
function deliveryStatus(status: string | null): MailDeliveryStatus | null {
  if (status === 'queued' || status === 'sending') return 'queued';
  if (status === 'sent' || status === 'failed') return status;
  return null;
}
