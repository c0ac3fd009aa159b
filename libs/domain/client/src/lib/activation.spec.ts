import { activationBlocker, BULK_SKIP_REASONS, canRevokeInvitation, daysUntil } from './activation';
import { apiErrorMessage, isApiErrorCode } from './api-errors';

describe('activationBlocker', () => {
  const ready = { status: 'not_invited', contactEmail: 'karim@atlas.ma', archivedAt: null } as const;

  it('lets a not-invited client with a contact e-mail through, and one whose invitation failed or expired', () => {
    expect(activationBlocker(ready)).toBeNull();
    expect(activationBlocker({ ...ready, status: 'invitation_failed' })).toBeNull();
    expect(activationBlocker({ ...ready, status: 'invitation_expired' })).toBeNull();
  });

  it('names the reason it cannot, archived first', () => {
    expect(activationBlocker({ ...ready, contactEmail: null })).toBe('client_no_contact_email');
    expect(activationBlocker({ ...ready, contactEmail: '  ' })).toBe('client_no_contact_email');
    expect(activationBlocker({ ...ready, status: 'active' })).toBe('client_already_active');
    expect(activationBlocker({ ...ready, status: 'invited' })).toBe('invitation_in_flight');
    expect(activationBlocker({ ...ready, status: 'deactivated' })).toBe('client_deactivated');
    expect(
      activationBlocker({
        ...ready,
        status: 'active',
        contactEmail: null,
        archivedAt: '2026-01-02T00:00:00Z',
      }),
    ).toBe('client_archived');
  });

  it('has a message in French and English for every reason a client is left out', () => {
    for (const reason of BULK_SKIP_REASONS) {
      expect(isApiErrorCode(reason)).toBe(true);
      expect(apiErrorMessage(reason, 'fr')).not.toBe(apiErrorMessage(reason, 'en'));
    }
    expect(apiErrorMessage('client_no_contact_email', 'fr')).toBe(
      'Ce client n’a pas d’adresse e-mail de contact : ajoutez-la à sa fiche pour pouvoir l’inviter.',
    );
  });
});

describe('invitation helpers', () => {
  it('revokes only live invitations', () => {
    expect(canRevokeInvitation('queued')).toBe(true);
    expect(canRevokeInvitation('sent')).toBe(true);
    expect(canRevokeInvitation('accepted')).toBe(false);
    expect(canRevokeInvitation('revoked')).toBe(false);
  });

  it('counts whole days left', () => {
    const now = new Date('2026-03-01T12:00:00Z');
    expect(daysUntil('2026-03-15T12:00:00Z', now)).toBe(14);
    expect(daysUntil('2026-03-02T11:00:00Z', now)).toBe(0);
    expect(daysUntil('2026-03-01T11:00:00Z', now)).toBe(-1);
  });
});
