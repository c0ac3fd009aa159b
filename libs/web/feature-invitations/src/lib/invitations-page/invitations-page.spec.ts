import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { InvitationDto } from '@passerelle/api-types';
import { BulkInvitationRuns } from '@passerelle/web-data-access-invitations';
import { InvitationsPage } from './invitations-page';

const invitation = (overrides: Partial<InvitationDto>): InvitationDto => ({
  id: 'i1',
  clientId: 'c1',
  clientName: 'Atlas Négoce SARL',
  email: 'karim@atlas.ma',
  status: 'sent',
  language: 'fr',
  attempts: 1,
  lastSmtpReply: '250 2.0.0 Ok: queued',
  remindersSent: 0,
  bulkId: null,
  createdAt: '2026-11-30T10:00:00.000Z',
  sentAt: '2026-11-30T10:00:01.000Z',
  acceptedAt: null,
  failedAt: null,
  revokedAt: null,
  expiredAt: null,
  expiresAt: new Date(Date.now() + 12.5 * 86_400_000).toISOString(),
  ...overrides,
});

describe('InvitationsPage', () => {
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
    const fixture = TestBed.createComponent(InvitationsPage);
    fixture.detectChanges();
    http.expectOne('/api/invitations/bulk').flush([]);
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  afterEach(() => TestBed.inject(BulkInvitationRuns).stop());

  it('lists the invitations with status, expiry, attempts and the last SMTP reply', async () => {
    const { fixture, el } = await render();
    http
      .expectOne((req) => req.url === '/api/invitations')
      .flush({
        items: [
          invitation({}),
          invitation({
            id: 'i2',
            clientId: 'c2',
            clientName: 'Boulangerie Rif',
            status: 'failed',
            attempts: 1,
            sentAt: null,
            lastSmtpReply: '550 5.1.1 Recipient address rejected',
          }),
        ],
        total: 2,
        page: 1,
        pageSize: 25,
      });
    await fixture.whenStable();
    fixture.detectChanges();
    const rows = Array.from(el.querySelectorAll('[data-testid="invitation-row"]'));
    expect(rows).toHaveLength(2);
    expect(rows[0].querySelector('[data-testid="invitation-status"]')?.textContent?.trim()).toBe('Envoyée');
    expect(rows[0].querySelector('[data-testid="invitation-expiry"]')?.textContent?.trim()).toBe(
      'expire dans 12 jours',
    );
    expect(rows[1].querySelector('[data-testid="invitation-status"]')?.textContent?.trim()).toBe(
      'Échec de l’envoi',
    );
    expect(rows[1].querySelector('[data-testid="invitation-reply"]')?.textContent?.trim()).toBe(
      '550 5.1.1 Recipient address rejected',
    );
    // Only the failed one can be selected for a bulk resend.
    expect(rows[0].querySelector('[data-testid="invitation-select"]')).toBeNull();
    expect(rows[1].querySelector('[data-testid="invitation-select"]')).not.toBeNull();
  });

  it('says so when the firm has no invitation yet', async () => {
    const { fixture, el } = await render();
    http
      .expectOne((req) => req.url === '/api/invitations')
      .flush({ items: [], total: 0, page: 1, pageSize: 25 });
    await fixture.whenStable();
    fixture.detectChanges();
    expect(el.querySelector('[data-testid="invitations-empty"] h2')?.textContent?.trim()).toBe(
      'Aucune invitation pour le moment',
    );
  });
});
