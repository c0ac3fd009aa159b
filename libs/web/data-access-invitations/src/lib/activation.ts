import type { ClientDto } from '@passerelle/api-types';
import { activationBlocker, apiErrorMessage, type UiLanguage } from '@passerelle/domain-client';

/**
 * Why this client cannot be activated now, in `lang` — the API's own rule and message — or null when it can.
 * The "Activate" action is shown disabled with this reason.
 */
export function activationBlockerMessage(
  client: Pick<ClientDto, 'status' | 'contactEmail' | 'archivedAt'>,
  lang: UiLanguage,
): string | null {
  const blocker = activationBlocker(client);
  return blocker ? apiErrorMessage(blocker, lang) : null;
}

/**
 * Resend and revoke act on the client's current invitation: only while one is under way (a failed or
 * expired one is followed by a new activation instead).
 */
export function hasInvitationUnderWay(client: Pick<ClientDto, 'status'>): boolean {
  return client.status === 'invited';
}
