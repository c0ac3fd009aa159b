import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { DashboardPage } from './dashboard-page';

const DASHBOARD = {
  statusCounts: [
    { status: 'not_invited', count: 12 },
    { status: 'invited', count: 3 },
    { status: 'active', count: 5 },
    { status: 'invitation_failed', count: 2 },
    { status: 'invitation_expired', count: 1 },
    { status: 'deactivated', count: 0 },
  ],
  total: 23,
  archived: 1,
  recentActivity: [
    {
      id: 'e1',
      action: 'client.archived',
      actorName: 'Salma Bennani',
      targetType: 'client',
      targetId: '5b1c7a4e-8d2f-4a51-9b7e-0c3d2e1f4a5b',
      targetLabel: 'Cèdre Bleu',
      data: {},
      createdAt: '2026-11-29T10:00:00.000Z',
    },
  ],
  attention: {
    total: 2,
    items: [
      {
        kind: 'invitation_failed',
        targetType: 'client',
        targetId: '0a9e5d1c-2b3f-4c6d-8e7f-9a0b1c2d3e4f',
        label: 'Boulangerie Rif',
        since: '2026-11-28T09:00:00.000Z',
      },
    ],
  },
  newDocuments: { total: 0, clients: 0 },
};

describe('DashboardPage', () => {
  async function render() {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    const fixture = TestBed.createComponent(DashboardPage);
    fixture.detectChanges();
    return { fixture, http: TestBed.inject(HttpTestingController), el: fixture.nativeElement as HTMLElement };
  }

  it('shows clients per status, each a link to the filtered list, what needs attention and recent activity', async () => {
    const { fixture, http, el } = await render();
    http.expectOne('/api/dashboard').flush(DASHBOARD);
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="dashboard-see-clients"]')?.textContent?.trim()).toBe('23 clients');
    const failed = el.querySelector<HTMLAnchorElement>('[data-testid="dashboard-status-invitation_failed"]');
    expect(failed?.querySelector('[data-testid="status-chip"]')?.textContent?.trim()).toBe(
      'Invitation échouée',
    );
    expect(failed?.querySelector('.count')?.textContent?.trim()).toBe('2');
    expect(failed?.getAttribute('href')).toBe('/clients?status=invitation_failed');
    expect(el.querySelector('[data-testid="dashboard-archived"]')?.getAttribute('href')).toBe(
      '/clients?archived=true',
    );
    const attention = el.querySelector('[data-testid="dashboard-attention"] a');
    expect(attention?.textContent?.trim()).toBe('Invitation échouée : Boulangerie Rif');
    expect(attention?.getAttribute('href')).toBe('/clients/0a9e5d1c-2b3f-4c6d-8e7f-9a0b1c2d3e4f');
    expect(el.querySelector('[data-testid="dashboard-attention"]')?.textContent).toContain('Voir les 2');
    expect(el.querySelector('[data-testid="dashboard-activity"] a')?.textContent?.trim()).toBe(
      'Salma Bennani a archivé « Cèdre Bleu »',
    );
  });

  it('says how many shared documents wait to be processed, and only when some do', async () => {
    const { fixture, http, el } = await render();
    http.expectOne('/api/dashboard').flush({ ...DASHBOARD, newDocuments: { total: 7, clients: 3 } });
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="dashboard-new-documents"]')?.textContent?.trim()).toBe(
      '7 nouveaux documents de 3 clients à traiter',
    );
  });

  it('says nothing about documents when none wait', async () => {
    const { fixture, http, el } = await render();
    http.expectOne('/api/dashboard').flush(DASHBOARD);
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="dashboard-clients"]')).not.toBeNull();
    expect(el.querySelector('[data-testid="dashboard-new-documents"]')).toBeNull();
  });

  it('says the dashboard could not be loaded and offers « Réessayer » (never "no clients")', async () => {
    const { fixture, http, el } = await render();
    http.expectOne('/api/dashboard').flush(null, { status: 503, statusText: 'Service Unavailable' });
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="dashboard-empty"]')).toBeNull();
    expect(el.querySelector('[data-testid="dashboard-load-error"]')?.textContent).toContain(
      'Le tableau de bord n’a pas pu être chargé.',
    );
    (el.querySelector('[data-testid="load-error-retry"]') as HTMLButtonElement).click();
    await new Promise((resolve) => setTimeout(resolve));
    http.expectOne('/api/dashboard').flush(DASHBOARD);
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="dashboard-clients"]')).not.toBeNull();
  });
});
