import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatMenuHarness } from '@angular/material/menu/testing';
import type { TeamDto, TeamMember } from '@passerelle/api-types';
import { TeamSettings } from './team-settings';

const ADMIN: TeamMember = {
  id: 'u-admin',
  name: 'Salma Bennani',
  email: 'salma@atlas.ma',
  role: 'admin',
  active: true,
  deactivatedAt: null,
  lastLoginAt: '2026-11-28T09:30:00Z',
  createdAt: '2026-01-01T00:00:00Z',
  isYou: true,
};
const MEMBER: TeamMember = {
  ...ADMIN,
  id: 'u-member',
  name: 'Youssef Alaoui',
  email: 'youssef@atlas.ma',
  role: 'member',
  lastLoginAt: null,
  isYou: false,
};

function team(overrides: Partial<TeamDto> = {}): TeamDto {
  return {
    members: [ADMIN, MEMBER],
    invitations: [
      {
        id: 'inv-1',
        email: 'nadia@atlas.ma',
        name: 'Nadia Tazi',
        role: 'member',
        language: 'fr',
        status: 'pending',
        delivery: 'sent',
        lastSmtpReply: '250 OK',
        invitedBy: 'Salma Bennani',
        createdAt: '2026-11-29T10:00:00Z',
        sentAt: '2026-11-29T10:00:05Z',
        expiresAt: '2026-12-13T10:00:05Z',
      },
      {
        id: 'inv-2',
        email: 'omar@atlas.ma',
        name: null,
        role: 'admin',
        language: 'ar',
        status: 'expired',
        delivery: 'sent',
        lastSmtpReply: null,
        invitedBy: null,
        createdAt: '2026-10-01T10:00:00Z',
        sentAt: '2026-10-01T10:00:05Z',
        expiresAt: '2026-10-15T10:00:05Z',
      },
    ],
    canManage: true,
    ...overrides,
  };
}

describe('TeamSettings', () => {
  let fixture: ComponentFixture<TeamSettings>;
  let http: HttpTestingController;

  async function render(body: TeamDto): Promise<HTMLElement> {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(TeamSettings);
    fixture.detectChanges();
    http.expectOne('/api/team').flush(body);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  /** Each row's pieces of text (name, "(vous)", chips, lines), in reading order. */
  const rows = (root: HTMLElement, testId: string) =>
    Array.from(root.querySelectorAll(`[data-testid="${testId}"]`)).map((row) =>
      Array.from(row.querySelectorAll('.row-name, .you, psl-status-chip, .row-meta')).map((el) =>
        el.textContent?.replace(/\s+/g, ' ').trim(),
      ),
    );

  afterEach(() => http.verify());

  it('lists the members with their role chip and last sign-in, and the pending invitations', async () => {
    const el = await render(team());
    expect(rows(el, 'team-member')).toEqual([
      [
        'Salma Bennani',
        '(vous)',
        'Administrateur',
        'salma@atlas.ma',
        expect.stringMatching(/^Dernière connexion : 28 novembre 2026 à \d\d:30$/),
      ],
      ['Youssef Alaoui', 'Collaborateur', 'youssef@atlas.ma', 'Jamais connecté'],
    ]);
    expect(rows(el, 'team-invitation')).toEqual([
      [
        'Nadia Tazi',
        'Collaborateur',
        'En attente',
        'nadia@atlas.ma',
        'Invité comme collaborateur par Salma Bennani',
        'Envoyée le 29 nov. 2026 · expire le 13 déc. 2026',
      ],
      [
        'omar@atlas.ma',
        'Administrateur',
        'Expirée',
        'Invité comme administrateur',
        'A expiré le 15 oct. 2026 : renvoyez-la',
      ],
    ]);
    expect(el.querySelector('[data-testid="team-invite"]')).not.toBeNull();
    expect(el.querySelectorAll('[data-testid="team-resend"]')).toHaveLength(2);
  });

  it('offers the only admin neither a demotion nor a deactivation, and says why', async () => {
    const el = await render(team());
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const [adminMenu, memberMenu] = await loader.getAllHarnesses(MatMenuHarness);
    await adminMenu.open();
    const adminItems = await adminMenu.getItems();
    expect(await Promise.all(adminItems.map((item) => item.getText()))).toEqual(['Passer collaborateur']);
    expect(await adminItems[0].isDisabled()).toBe(true);
    expect(document.querySelector('[data-testid="team-last-admin"]')?.textContent).toContain(
      'Dernier administrateur actif',
    );
    await adminMenu.close();
    await memberMenu.open();
    const memberItems = await memberMenu.getItems();
    expect(await Promise.all(memberItems.map((item) => item.getText()))).toEqual([
      'Passer administrateur',
      'Désactiver le compte',
    ]);
    expect(await Promise.all(memberItems.map((item) => item.isDisabled()))).toEqual([false, false]);
    expect(el).toBeTruthy();
  });

  it('is read-only for a member: no invitation, no action, a note', async () => {
    const el = await render(team({ invitations: [], canManage: false }));
    expect(rows(el, 'team-member')).toHaveLength(2);
    expect(el.querySelector('[data-testid="team-member-note"]')?.textContent).toContain(
      'Seuls les administrateurs peuvent inviter',
    );
    for (const id of ['team-invite', 'team-member-menu', 'team-invitations', 'team-no-invitations'])
      expect(el.querySelector(`[data-testid="${id}"]`)).toBeNull();
  });

  it('says when the team cannot be loaded, and retries', async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(TeamSettings);
    fixture.detectChanges();
    http.expectOne('/api/team').flush(null, { status: 500, statusText: 'Server Error' });
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('[data-testid="team-load-error"]')?.textContent).toContain(
      'L’équipe n’a pas pu être chargée.',
    );
    (el.querySelector('[data-testid="load-error-retry"]') as HTMLButtonElement).click();
    fixture.detectChanges();
    await new Promise((resolve) => setTimeout(resolve));
    http.expectOne('/api/team').flush(team());
    await fixture.whenStable();
    expect(el.querySelectorAll('[data-testid="team-member"]')).toHaveLength(2);
  });
});
