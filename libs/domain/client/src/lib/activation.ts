import type { ClientStatus, InvitationStatus } from './statuses';

/**
 * Why a client cannot be activated (sent an invitation) right now. The same codes are the API's refusal
 * codes of `POST /clients/{id}/invitations`, the reasons a bulk run skips a client, and what the web app's
 * disabled "Activate" button says — one rule, one catalogue (API_ERROR_MESSAGES).
 */
export const ACTIVATION_BLOCKERS = [
  'client_no_contact_email',
  'client_archived',
  'client_already_active',
  'client_deactivated',
  'invitation_in_flight',
] as const;
export type ActivationBlocker = (typeof ACTIVATION_BLOCKERS)[number];

/** Why a bulk run left a client out: a blocker, or an id that is not one of the firm's clients. */
export const BULK_SKIP_REASONS = [...ACTIVATION_BLOCKERS, 'client_not_found'] as const;
export type BulkSkipReason = (typeof BULK_SKIP_REASONS)[number];

/** What the activation rule reads of a client. */
export interface ActivationCandidate {
  status: ClientStatus;
  /** Stored addresses went through the domain e-mail rule when the client was saved or imported. */
  contactEmail: string | null;
  archivedAt: string | Date | null;
}

/**
 * The first reason the client cannot be invited, or null when it can. A client whose status is `invited`
 * has an invitation in flight (queued or sent, not yet accepted): staff resend or revoke that one instead.
 */
export function activationBlocker(client: ActivationCandidate): ActivationBlocker | null {
  if (client.archivedAt) return 'client_archived';
  if (client.status === 'active') return 'client_already_active';
  if (client.status === 'deactivated') return 'client_deactivated';
  if (client.status === 'invited') return 'invitation_in_flight';
  if (!client.contactEmail?.trim()) return 'client_no_contact_email';
  return null;
}

/** Invitations whose link may still be used (or is about to be sent): at most one per client. */
export const LIVE_INVITATION_STATUSES: readonly InvitationStatus[] = ['queued', 'sent'];

/** Staff may revoke a live invitation, and resend any invitation of a client that is not active. */
export function canRevokeInvitation(status: InvitationStatus): boolean {
  return LIVE_INVITATION_STATUSES.includes(status);
}

/** Whole days left before `expiresAt` (0 on the last day, negative once past), for "expires in N days". */
export function daysUntil(expiresAt: string | Date, now: Date = new Date()): number {
  const ms = new Date(expiresAt).getTime() - now.getTime();
  return Math.floor(ms / 86_400_000);
}
