/** Client lifecycle: not_invited → invited → active, plus the side states (SPEC §4). */
export const CLIENT_STATUSES = [
  'not_invited',
  'invited',
  'active',
  'invitation_failed',
  'invitation_expired',
  'deactivated',
] as const;
export type ClientStatus = (typeof CLIENT_STATUSES)[number];

/** One invitation per sending: queued → sent → accepted, or failed / expired / revoked. */
export const INVITATION_STATUSES = ['queued', 'sent', 'accepted', 'failed', 'expired', 'revoked'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

/** Statuses after which an invitation can no longer change. */
export const FINAL_INVITATION_STATUSES: readonly InvitationStatus[] = [
  'accepted',
  'failed',
  'expired',
  'revoked',
];

export function isClientStatus(value: unknown): value is ClientStatus {
  return typeof value === 'string' && (CLIENT_STATUSES as readonly string[]).includes(value);
}

export function isInvitationStatus(value: unknown): value is InvitationStatus {
  return typeof value === 'string' && (INVITATION_STATUSES as readonly string[]).includes(value);
}
