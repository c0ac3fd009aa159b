import { HttpStatus } from '@nestjs/common';
import type { ActivationBlocker, InvitationStatus } from '@passerelle/domain-client';
import { EntityManager } from 'typeorm';
import { AppError } from '../common/app-error';
import type { InvitationDto } from './dto/invitation.dto';
import type { StoredInvitationStatus } from './invitation.entity';

/** The stored statuses of an invitation whose link may still be used (or is about to be sent). */
export const LIVE_STORED_STATUSES: readonly StoredInvitationStatus[] = ['queued', 'sending', 'sent'];

/** `sending` is the worker's business: staff and the API see a queued invitation. */
export function publicStatus(status: StoredInvitationStatus): InvitationStatus {
  return status === 'sending' ? 'queued' : status;
}

/** The HTTP status of a refusal: a record lacking data is 422, a state that forbids the action 409. */
export function activationRefusal(blocker: ActivationBlocker): AppError {
  return new AppError(
    blocker === 'client_no_contact_email' ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.CONFLICT,
    blocker,
  );
}

/** An invitation row joined with its client's name, as the list and the folder read it. */
export interface InvitationRow {
  id: string;
  client_id: string;
  client_name: string;
  email: string;
  status: StoredInvitationStatus;
  language: string;
  attempts: number;
  last_smtp_reply: string | null;
  reminders_sent: number;
  bulk_id: string | null;
  created_at: Date;
  sent_at: Date | null;
  accepted_at: Date | null;
  failed_at: Date | null;
  revoked_at: Date | null;
  expired_at: Date | null;
  expires_at: Date;
}

export const INVITATION_COLUMNS = `i.id, i.client_id, c.name AS client_name, i.email, i.status, i.language,
  i.attempts, i.last_smtp_reply, i.reminders_sent, i.bulk_id, i.created_at, i.sent_at, i.accepted_at,
  i.failed_at, i.revoked_at, i.expired_at, i.expires_at`;

export function toInvitationDto(row: InvitationRow): InvitationDto {
  const iso = (date: Date | null) => date?.toISOString() ?? null;
  return {
    id: row.id,
    clientId: row.client_id,
    clientName: row.client_name,
    email: row.email,
    status: publicStatus(row.status),
    language: row.language,
    attempts: row.attempts,
    lastSmtpReply: row.last_smtp_reply,
    remindersSent: Number(row.reminders_sent),
    bulkId: row.bulk_id,
    createdAt: row.created_at.toISOString(),
    sentAt: iso(row.sent_at),
    acceptedAt: iso(row.accepted_at),
    failedAt: iso(row.failed_at),
    revokedAt: iso(row.revoked_at),
    expiredAt: iso(row.expired_at),
    expiresAt: row.expires_at.toISOString(),
  };
}

/** One invitation of the current firm (RLS), or 404. */
export async function loadInvitation(em: EntityManager, id: string): Promise<InvitationDto> {
  const rows: InvitationRow[] = await em.query(
    `SELECT ${INVITATION_COLUMNS} FROM invitation i JOIN client c ON c.id = i.client_id WHERE i.id = $1`,
    [id],
  );
  if (!rows[0]) throw AppError.notFound();
  return toInvitationDto(rows[0]);
}

/** A client's invitations, newest first (its history). */
export async function clientInvitations(
  em: EntityManager,
  clientId: string,
  limit = 100,
): Promise<InvitationDto[]> {
  const rows: InvitationRow[] = await em.query(
    `SELECT ${INVITATION_COLUMNS} FROM invitation i JOIN client c ON c.id = i.client_id
      WHERE i.client_id = $1 ORDER BY i.created_at DESC, i.id DESC LIMIT $2`,
    [clientId, limit],
  );
  return rows.map(toInvitationDto);
}

export { returning } from '../../database/returning';
