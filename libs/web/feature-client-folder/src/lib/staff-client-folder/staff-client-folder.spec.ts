import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ClientFolder } from '@passerelle/api-types';
import { StaffClientFolder } from './staff-client-folder';

const folder = {
  client: {
    id: 'c1',
    name: 'Atlas Négoce SARL',
    address: '12, rue Ibn Batouta',
    postalCode: '20250',
    city: 'Casablanca',
    country: 'MA',
    ice: '001525587000045',
    taxId: '1234567',
    iban: null,
    language: 'fr',
    contactName: 'Karim Idrissi',
    contactLanguage: 'ar',
    contactEmail: 'karim@atlas.ma',
    shareDocuments: true,
    accountingSoftwareId: null,
    accountingSoftwareLabel: null,
    status: 'active',
    version: 1,
    archivedAt: null,
    createdAt: '2026-11-01T10:00:00.000Z',
    updatedAt: '2026-11-01T10:00:00.000Z',
  },
  firm: { id: 'f1', name: 'Cabinet Atlas' },
  invitations: [
    {
      id: 'i1',
      clientId: 'c1',
      clientName: 'Atlas Négoce SARL',
      email: 'karim@atlas.ma',
      status: 'accepted',
      language: 'ar',
      attempts: 1,
      lastSmtpReply: '250 Ok',
      remindersSent: 0,
      bulkId: null,
      createdAt: '2026-11-02T10:00:00.000Z',
      sentAt: '2026-11-02T10:00:01.000Z',
      acceptedAt: '2026-11-03T09:00:00.000Z',
      failedAt: null,
      revokedAt: null,
      expiredAt: null,
      expiresAt: '2026-11-16T10:00:00.000Z',
    },
  ],
} as unknown as ClientFolder;

describe('StaffClientFolder', () => {
  async function render() {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(StaffClientFolder);
    fixture.componentRef.setInput('clientId', 'c1');
    fixture.detectChanges();
    return { fixture, http, el: fixture.nativeElement as HTMLElement };
  }

  it("shows the client's record with the form's labels, its firm and its invitation history", async () => {
    const { fixture, http, el } = await render();
    http.expectOne('/api/clients/c1/folder').flush(folder);
    await fixture.whenStable();
    fixture.detectChanges();
    const field = (key: string) =>
      [
        el.querySelector(`[data-testid="folder-field-${key}"] dt`)?.textContent?.trim(),
        el.querySelector(`[data-testid="folder-field-${key}"] dd`)?.textContent?.trim(),
      ] as const;
    expect(field('name')).toEqual(['Nom client', 'Atlas Négoce SARL']);
    expect(field('country')).toEqual(['Pays', 'Maroc']);
    expect(field('contactLanguage')).toEqual(['Langue contact', 'Arabe']);
    expect(el.querySelector('[data-testid="folder-field-iban"]')).toBeNull();
    expect(el.querySelector('[data-testid="folder-firm"]')?.textContent).toContain('Cabinet Atlas');
    const history = Array.from(el.querySelectorAll('[data-testid="folder-invitation"]'));
    expect(history).toHaveLength(1);
    expect(history[0].querySelector('[data-testid="invitation-status"]')?.textContent?.trim()).toBe(
      'Acceptée',
    );
    expect(history[0].textContent).toContain('Invitation à karim@atlas.ma');
    expect(el.querySelector('[data-testid="staff-folder-title"]')?.textContent?.trim()).toBe(
      'Dossier client — Atlas Négoce SARL',
    );
  });

  it('says the folder cannot be found, without offering to retry', async () => {
    const { fixture, http, el } = await render();
    http
      .expectOne('/api/clients/c1/folder')
      .flush({ code: 'not_found' }, { status: 404, statusText: 'Not Found' });
    await fixture.whenStable();
    fixture.detectChanges();
    expect(el.querySelector('[data-testid="load-error"]')?.textContent).toContain(
      'Ce dossier est introuvable.',
    );
    expect(el.querySelector('[data-testid="load-error-retry"]')).toBeNull();
  });
});
