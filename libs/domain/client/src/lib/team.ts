/** The roles of a firm's staff (SPEC §1). A `client` user is not a team member. */
export const TEAM_ROLES = ['admin', 'member'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

export function isTeamRole(value: unknown): value is TeamRole {
  return typeof value === 'string' && (TEAM_ROLES as readonly string[]).includes(value);
}

/**
 * A team invitation: `pending` until accepted or cancelled; a pending one past its date reads `expired` (the
 * admin resends it). Its e-mail has its own delivery status (queued → sent, or failed after retries).
 */
export const TEAM_INVITATION_STATUSES = ['pending', 'expired', 'accepted', 'revoked'] as const;
export type TeamInvitationStatus = (typeof TEAM_INVITATION_STATUSES)[number];

export const MAIL_DELIVERY_STATUSES = ['queued', 'sent', 'failed'] as const;
export type MailDeliveryStatus = (typeof MAIL_DELIVERY_STATUSES)[number];

/** A password-reset link works once, for this long after its e-mail was sent (OWASP: short-lived). */
export const PASSWORD_RESET_TTL_MINUTES = 60;

/** What the last-admin rule reads of a team member. */
export interface TeamSeat {
  id: string;
  role: TeamRole;
  active: boolean;
}

/**
 * Whether a change to `userId` (a new role, or deactivation) would leave the firm without an active admin:
 * the firm must keep at least one (`last_admin`). The API applies it to the admin rows it has locked; the web
 * app to the list it shows, to disable what the API would refuse.
 */
export function removesLastAdmin(
  team: readonly TeamSeat[],
  userId: string,
  change: { role: TeamRole } | 'deactivate',
): boolean {
  const target = team.find((seat) => seat.id === userId);
  if (!target || target.role !== 'admin' || !target.active) return false;
  if (change !== 'deactivate' && change.role === 'admin') return false;
  return !team.some((seat) => seat.id !== userId && seat.role === 'admin' && seat.active);
}
