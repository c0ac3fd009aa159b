import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { PublicInvitation } from '@passerelle/api-types';
import { AcceptInvitationPage } from './accept-invitation-page';

const TOKEN = 'T'.repeat(43);
const invitation: PublicInvitation = {
  firmName: 'Cabinet Atlas',
  clientName: 'Atlas Négoce SARL',
  contactEmail: 'k•••@atlas.ma',
  language: 'fr',
  expiresAt: '2026-12-14T10:00:00.000Z',
};

describe('AcceptInvitationPage', () => {
  let http: HttpTestingController;

  async function render() {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: '**', children: [] }]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(AcceptInvitationPage);
    fixture.componentRef.setInput('token', TOKEN);
    fixture.detectChanges();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  const settle = async (fixture: { whenStable(): Promise<unknown>; detectChanges(): void }) => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
    fixture.detectChanges();
    await fixture.whenStable();
  };

  it('shows who invites whom, then accepts with a name and password and opens the client space', async () => {
    const { fixture, el } = await render();
    http.expectOne(`/api/public/invitations/${TOKEN}`).flush(invitation);
    await settle(fixture);
    expect(el.querySelector('[data-testid="invitation-firm"]')?.textContent?.trim()).toBe('Cabinet Atlas');
    expect(el.querySelector('[data-testid="invitation-heading"]')?.textContent?.trim()).toBe(
      'Rejoignez l’espace de Atlas Négoce SARL',
    );
    expect(el.textContent).toContain('Invitation envoyée à k•••@atlas.ma');

    const type = (testId: string, value: string) => {
      const input = el.querySelector(`[data-testid="${testId}"]`) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    type('accept-name', 'Karim Idrissi');
    type('accept-password', 'aaaaaaaaaaaa');
    (el.querySelector('[data-testid="accept-submit"]') as HTMLButtonElement).click();
    await settle(fixture);
    // One repeated character is refused in the browser, with the rule's message next to the field.
    http.expectNone(`/api/public/invitations/${TOKEN}/accept`);
    expect(el.textContent).toContain('Un seul caractère répété');

    const navigate = vi.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    type('accept-password', 'Tanger-Atlas-2026');
    (el.querySelector('[data-testid="accept-submit"]') as HTMLButtonElement).click();
    await settle(fixture);
    const accept = http.expectOne(`/api/public/invitations/${TOKEN}/accept`);
    expect(accept.request.body).toEqual({
      name: 'Karim Idrissi',
      password: 'Tanger-Atlas-2026',
      language: 'fr',
    });
    const me = {
      user: { id: 'u1', name: 'Karim Idrissi', email: 'karim@atlas.ma', role: 'client', language: 'fr' },
      firm: { id: 'f1', name: 'Cabinet Atlas' },
    };
    accept.flush(me);
    await settle(fixture);
    http.expectOne('/api/auth/me').flush(me);
    await settle(fixture);
    expect(navigate).toHaveBeenCalledWith('/folder');
  });

  it('shows one neutral page for a link that does not work', async () => {
    const { fixture, el } = await render();
    http.expectOne(`/api/public/invitations/${TOKEN}`).flush(
      {
        statusCode: 404,
        code: 'invitation_invalid',
        message: 'Ce lien d’invitation n’est pas valide : il a peut-être expiré.',
      },
      { status: 404, statusText: 'Not Found' },
    );
    await settle(fixture);
    const neutral = el.querySelector('[data-testid="invitation-invalid"]');
    expect(neutral?.querySelector('h1')?.textContent?.trim()).toBe('Lien d’invitation non valide');
    expect(neutral?.textContent).toContain('Ce lien d’invitation n’est pas valide : il a peut-être expiré.');
    expect(el.querySelector('form')).toBeNull();
  });
});
