import { HttpStatus, Injectable } from '@nestjs/common';
import { activationBlocker, invitationEmailLanguage, type ClientStatus } from '@passerelle/domain-client';
import { EntityManager } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { isUniqueViolation } from '../../database/errors';
import { Tenancy } from '../../database/tenancy';
import { AuditService } from '../audit/audit.service';
import type { AuthContext } from '../auth/decorators';
import { AppError } from '../common/app-error';
import { InvitationDto, InvitationPageDto, ListInvitationsQuery } from './dto/invitation.dto';
import { InvitationQueue } from './invitation-queue.service';
import {
  activationRefusal,
  INVITATION_COLUMNS,
  InvitationRow,
  LIVE_STORED_STATUSES,
  loadInvitation,
  toInvitationDto,
} from './invitation-rows';

/** What an invitation needs of its client, read under a row lock. */
interface ClientForInvitation {
  id: string;
  status: ClientStatus;
  contact_email: string | null;
  contact_language: string;
  archived_at: Date | null;
}

/**
 * Activating clients one at a time, resending, revoking and listing. Every change is a transactional outbox:
 * the invitation row (`queued`), the client's new status and the audit event commit together; the send job
 * is queued after the commit (and re-queued by the sweeper if that fails).
 */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly tenancy: Tenancy,
    private readonly audit: AuditService,
    private readonly queue: InvitationQueue,
    private readonly config: AppConfig,
  ) {}

  /** POST /clients/{id}/invitations */
  async activate(auth: AuthContext, clientId: string): Promise<InvitationDto> {
    const invitation = await this.write(auth, async (em) => {
      const client = await lockClient(em, clientId);
      const blocker = activationBlocker({
        status: client.status,
        contactEmail: client.contact_email,
        archivedAt: client.archived_at,
      });
      if (blocker) throw activationRefusal(blocker);
      return this.queueInvitation(em, auth, client);
    });
    await this.queue.send([{ id: invitation.id, firmId: auth.firmId, attempts: 0 }]);
    return invitation;
  }

  /** POST /invitations/{id}/resend: revokes the invitation's link (when still live) and sends a new one. */
  async resend(auth: AuthContext, invitationId: string): Promise<InvitationDto> {
    const invitation = await this.write(auth, async (em) => {
      const current = await lockInvitation(em, invitationId);
      const client = await lockClient(em, current.client_id);
      const latest: { id: string }[] = await em.query(
        `SELECT id FROM invitation WHERE client_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1`,
        [client.id],
      );
      if (latest[0]?.id !== current.id) throw new AppError(HttpStatus.CONFLICT, 'invitation_superseded');
      const live = LIVE_STORED_STATUSES.includes(current.status);
      // A live invitation is what makes the client `invited`: resending it is the point, not a conflict.
      const blocker = activationBlocker({
        status: live && client.status === 'invited' ? 'not_invited' : client.status,
        contactEmail: client.contact_email,
        archivedAt: client.archived_at,
      });
      if (blocker) throw activationRefusal(blocker);
      if (live) await this.revokeRow(em, auth, current.id, client.id, 'resent', null);
      return this.queueInvitation(em, auth, client, current.id);
    });
    await this.queue.send([{ id: invitation.id, firmId: auth.firmId, attempts: 0 }]);
    return invitation;
  }

  /** POST /invitations/{id}/revoke: the link stops working; the client is `not_invited` again. */
  revoke(auth: AuthContext, invitationId: string): Promise<InvitationDto> {
    return this.tenancy.forFirm(auth.firmId, async (em) => {
      const current = await lockInvitation(em, invitationId);
      if (!LIVE_STORED_STATUSES.includes(current.status))
        throw new AppError(HttpStatus.CONFLICT, 'invitation_not_revocable');
      await this.revokeRow(em, auth, current.id, current.client_id, 'staff', 'not_invited');
      return loadInvitation(em, current.id);
    });
  }

  /** GET /invitations: the firm's invitations, newest first. */
  list(auth: AuthContext, query: ListInvitationsQuery): Promise<InvitationPageDto> {
    return this.tenancy.forFirm(auth.firmId, async (em) => {
      const where = ['i.firm_id = $1'];
      const params: unknown[] = [auth.firmId];
      if (query.status)
        where.push(
          `i.status = ANY ($${params.push(query.status === 'queued' ? ['queued', 'sending'] : [query.status])}::text[])`,
        );
      if (query.clientId) where.push(`i.client_id = $${params.push(query.clientId)}`);
      const filter = where.join(' AND ');
      const [rows, count] = await Promise.all([
        em.query(
          `SELECT ${INVITATION_COLUMNS} FROM invitation i JOIN client c ON c.id = i.client_id
            WHERE ${filter} ORDER BY i.created_at DESC, i.id DESC
           OFFSET $${params.length + 1} LIMIT $${params.length + 2}`,
          [...params, (query.page - 1) * query.pageSize, query.pageSize],
        ) as Promise<InvitationRow[]>,
        em.query(`SELECT count(*) AS n FROM invitation i WHERE ${filter}`, params) as Promise<
          { n: string }[]
        >,
      ]);
      return {
        items: rows.map(toInvitationDto),
        total: Number(count[0]?.n ?? 0),
        page: query.page,
        pageSize: query.pageSize,
      };
    });
  }

  get(auth: AuthContext, id: string): Promise<InvitationDto> {
    return this.tenancy.forFirm(auth.firmId, (em) => loadInvitation(em, id));
  }

  /** The invitation row, the client's `invited` status and the audit event (caller's transaction). */
  private async queueInvitation(
    em: EntityManager,
    auth: Pick<AuthContext, 'firmId' | 'userId'>,
    client: ClientForInvitation,
    resentFrom?: string,
  ): Promise<InvitationDto> {
    const rows: { id: string }[] = await em.query(
      `INSERT INTO invitation (firm_id, client_id, email, language, created_by, expires_at)
       VALUES ($1, $2, $3, $4, $5, now() + make_interval(days => $6)) RETURNING id`,
      [
        auth.firmId,
        client.id,
        client.contact_email,
        invitationEmailLanguage(client.contact_language),
        auth.userId,
        this.config.INVITATION_TTL_DAYS,
      ],
    );
    const id = rows[0].id;
    await em.query(`UPDATE client SET status = 'invited' WHERE id = $1`, [client.id]);
    await this.audit.record(em, {
      firmId: auth.firmId,
      actorUserId: auth.userId,
      action: 'invitation.queued',
      targetType: 'client',
      targetId: client.id,
      data: {
        invitationId: id,
        email: client.contact_email,
        from: client.status,
        ...(resentFrom && { resentFrom }),
      },
    });
    return loadInvitation(em, id);
  }

  private async revokeRow(
    em: EntityManager,
    auth: AuthContext,
    invitationId: string,
    clientId: string,
    reason: 'resent' | 'staff',
    clientStatus: ClientStatus | null,
  ): Promise<void> {
    await em.query(
      `UPDATE invitation SET status = 'revoked', revoked_at = now(), lease_until = NULL, updated_at = now()
        WHERE id = $1`,
      [invitationId],
    );
    if (clientStatus)
      await em.query(`UPDATE client SET status = $2 WHERE id = $1 AND status = 'invited'`, [
        clientId,
        clientStatus,
      ]);
    await this.audit.record(em, {
      firmId: auth.firmId,
      actorUserId: auth.userId,
      action: 'invitation.revoked',
      targetType: 'client',
      targetId: clientId,
      data: { invitationId, reason },
    });
  }

  /** Two concurrent activations of one client: the live-invitation index lets one through. */
  private async write<T>(auth: AuthContext, work: (em: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.tenancy.forFirm(auth.firmId, work);
    } catch (error) {
      if (isUniqueViolation(error, 'invitation_live_key'))
        throw new AppError(HttpStatus.CONFLICT, 'invitation_in_flight');
      throw error;
    }
  }
}

async function lockClient(em: EntityManager, id: string): Promise<ClientForInvitation> {
  const rows: ClientForInvitation[] = await em.query(
    `SELECT id, status, contact_email, contact_language, archived_at FROM client WHERE id = $1 FOR UPDATE`,
    [id],
  );
  if (!rows[0]) throw AppError.notFound();
  return rows[0];
}

async function lockInvitation(
  em: EntityManager,
  id: string,
): Promise<{ id: string; client_id: string; status: InvitationRow['status'] }> {
  const rows: { id: string; client_id: string; status: InvitationRow['status'] }[] = await em.query(
    `SELECT id, client_id, status FROM invitation WHERE id = $1 FOR UPDATE`,
    [id],
  );
  if (!rows[0]) throw AppError.notFound();
  return rows[0];
}
