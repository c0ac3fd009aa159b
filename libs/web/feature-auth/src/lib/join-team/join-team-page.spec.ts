import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { MeDto, PublicTeamInvitation } from '@passerelle/api-types';
import { JoinTeamPage } from './join-team-page';

const TOKEN = 'J'.repeat(43);
const VIEW = `/api/public/team-invitations/${TOKEN}`;
const INVITATION: PublicTeamInvitation = {
  firmName: 'Cabinet Atlas',
  email: 'y•••@atlas.ma',
  name: 'Youssef Alaoui',
  role: 'member',
  invitedBy: 'Salma Bennani',
  language: 'fr',
  expiresAt: '2026-12-14T10:00:00Z',
  emailTaken: false,
};

describe('JoinTeamPage', () => {
  let fixture: ComponentFixture<JoinTeamPage>;
  let http: HttpTestingController;
  let el: HTMLElement;

  async function open(invitation: PublicTeamInvitation) {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    fixture = TestBed.createComponent(JoinTeamPage);
    fixture.componentRef.setInput('token', TOKEN);
    http = TestBed.inject(HttpTestingController);
    el = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    http.expectOne(VIEW).flush(invitation);
    await settle();
  }

  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  };

  afterEach(() => http.verify());

  it('shows firm, inviter and role, prefills the name, and signs the new member in on the dashboard', async () => {
    await open(INVITATION);
    expect(el.querySelector('[data-testid="join-heading"]')?.textContent?.trim()).toBe(
      'Rejoignez l’équipe de Cabinet Atlas',
    );
    expect(el.textContent).toContain(
      'Salma Bennani vous invite à rejoindre le cabinet Cabinet Atlas sur Passerelle.',
    );
    expect(el.querySelector('[data-testid="join-role"]')?.textContent?.trim()).toBe('Rôle : Collaborateur');
    expect((el.querySelector('[data-testid="join-name"]') as HTMLInputElement).value).toBe('Youssef Alaoui');

    const navigate = vi.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    const password = el.querySelector('[data-testid="join-password"]') as HTMLInputElement;
    password.value = 'Rabat-Comptable-2026';
    password.dispatchEvent(new Event('input'));
    (el.querySelector('[data-testid="join-submit"]') as HTMLButtonElement).click();
    const accept = http.expectOne(`${VIEW}/accept`);
    expect(accept.request.body).toEqual({
      name: 'Youssef Alaoui',
      password: 'Rabat-Comptable-2026',
      language: 'fr',
    });
    const me: MeDto = {
      user: { id: 'u2', name: 'Youssef Alaoui', email: 'youssef@atlas.ma', role: 'member', language: 'fr' },
      firm: { id: 'f1', name: 'Cabinet Atlas' },
    };
    accept.flush(me);
    await settle();
    http.expectOne('/api/auth/me').flush(me);
    await settle();
    expect(navigate).toHaveBeenCalledWith('/');
  });

  it('tells an address that already has an account so, without a form', async () => {
    await open({ ...INVITATION, emailTaken: true });
    expect(el.querySelector('[data-testid="join-email-taken"]')?.textContent).toContain(
      'Cette adresse e-mail a déjà un compte Passerelle',
    );
    expect(el.querySelector('form')).toBeNull();
  });
});
