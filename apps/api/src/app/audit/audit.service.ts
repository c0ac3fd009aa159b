import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export type AuditAction =
  | 'firm.signed_up'
  | 'user.logged_in'
  | 'user.logged_out'
  | 'user.preferences_changed'
  | 'user.session_ended'
  | 'user.other_sessions_ended'
  | 'user.profile_changed'
  | 'user.password_changed'
  | 'client.created'
  | 'client.updated'
  | 'client.archived'
  | 'client.restored'
  | 'accounting_software.created'
  | 'accounting_software.updated'
  | 'accounting_software.default_changed'
  // Activation (issue 9): target = the client, data.invitationId = the invitation.
  | 'invitation.queued'
  | 'invitation.sent'
  | 'invitation.retry_scheduled'
  | 'invitation.failed'
  | 'invitation.reminded'
  | 'invitation.accepted'
  | 'invitation.revoked'
  | 'invitation.expired'
  | 'invitation.bulk_started'
  // Client documents (issue 12): target = the client, data.documentId (or documentIds) = the document(s).
  | 'document.uploaded'
  | 'document.deleted'
  | 'document.downloaded'
  | 'document.processed'
  | 'document.reopened'
  | 'document.delivered'
  | 'document.delivery_failed'
  | 'documents.exported'
  // Team and accounts (issue 13): target = the user (or the team invitation), data says what changed.
  | 'team.invitation_created'
  | 'team.invitation_resent'
  | 'team.invitation_revoked'
  | 'team.invitation_accepted'
  | 'user.role_changed'
  | 'user.deactivated'
  | 'user.reactivated'
  | 'user.password_reset_requested'
  | 'user.password_reset'
  | 'account_mail.failed';

export interface AuditEntry {
  firmId: string;
  actorUserId: string | null;
  action: AuditAction;
  targetType?: string;
  targetId?: string;
  data?: Record<string, unknown>;
}

/** Writes audit events inside the caller's tenant transaction, so the event commits with the change. */
@Injectable()
export class AuditService {
  async record(em: EntityManager, entry: AuditEntry): Promise<void> {
    await em.query(
      `INSERT INTO audit_event (firm_id, actor_user_id, action, target_type, target_id, data)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        entry.firmId,
        entry.actorUserId,
        entry.action,
        entry.targetType ?? null,
        entry.targetId ?? null,
        entry.data ?? {},
      ],
    );
  }

  /** Many events in one statement (a bulk run records one per client). */
  async recordMany(em: EntityManager, entries: readonly AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await em.query(
      `INSERT INTO audit_event (firm_id, actor_user_id, action, target_type, target_id, data)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::uuid[], $6::jsonb[])`,
      [
        entries.map((entry) => entry.firmId),
        entries.map((entry) => entry.actorUserId),
        entries.map((entry) => entry.action),
        entries.map((entry) => entry.targetType ?? null),
        entries.map((entry) => entry.targetId ?? null),
        entries.map((entry) => JSON.stringify(entry.data ?? {})),
      ],
    );
  }
}
