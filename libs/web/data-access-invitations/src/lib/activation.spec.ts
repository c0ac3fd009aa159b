import { activationBlockerMessage, hasInvitationUnderWay } from './activation';
import { invitationListParams } from './invitations-api';
import { invitationLinkIn } from './dev-outbox';

describe('activation in the web app', () => {
  const client = { status: 'not_invited' as const, contactEmail: 'karim@atlas.ma', archivedAt: null };

  it('says why a client cannot be activated, in the UI language, with the API’s own words', () => {
    expect(activationBlockerMessage(client, 'fr')).toBeNull();
    expect(activationBlockerMessage({ ...client, contactEmail: null }, 'fr')).toBe(
      'Ce client n’a pas d’adresse e-mail de contact : ajoutez-la à sa fiche pour pouvoir l’inviter.',
    );
    expect(activationBlockerMessage({ ...client, status: 'active' }, 'en')).toBe(
      'This client has already accepted its invitation: its space is active.',
    );
    expect(hasInvitationUnderWay({ status: 'invited' })).toBe(true);
    expect(hasInvitationUnderWay({ status: 'invitation_failed' })).toBe(false);
  });

  it('asks for a page of invitations with only the filters set, 1-based', () => {
    expect(invitationListParams({ pageIndex: 0, pageSize: 25 }).toString()).toBe('page=1&pageSize=25');
    expect(
      invitationListParams({ pageIndex: 1, pageSize: 10, status: 'failed', clientId: 'c1' }).toString(),
    ).toBe('page=2&pageSize=10&status=failed&clientId=c1');
  });

  it('finds the invitation link in an outbox message', () => {
    const token = 'A'.repeat(43);
    expect(invitationLinkIn(`Ouvrez ce lien :\nhttp://localhost:3000/invitation/${token}\n`)).toBe(
      `http://localhost:3000/invitation/${token}`,
    );
    expect(invitationLinkIn(`Rejoindre l’équipe :\nhttps://app.passerelle.ma/join/${token}\n`)).toBe(
      `https://app.passerelle.ma/join/${token}`,
    );
    expect(invitationLinkIn(`Ouvrez ce lien :\nhttp://localhost:3000/reset-password/${token}\n`)).toBe(
      `http://localhost:3000/reset-password/${token}`,
    );
    // The "password changed" notice links to /forgot-password: nothing to open in the outbox.
    expect(invitationLinkIn('Réinitialisez-le : http://localhost:3000/forgot-password')).toBeNull();
    expect(invitationLinkIn('Bienvenue sur Passerelle')).toBeNull();
  });
});
