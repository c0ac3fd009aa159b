import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { AuthStore } from '@passerelle/web-data-access-auth';
import { App } from './app';
import { appRoutes } from './app.routes';

describe('App routes', () => {
  beforeEach(() => localStorage.clear());

  it('sends a signed-out visitor from a section to the login page, remembering the section', async () => {
    TestBed.configureTestingModule({
      imports: [App],
      providers: [provideRouter(appRoutes), provideHttpClient(), provideHttpClientTesting()],
    });
    const fixture = TestBed.createComponent(App);
    const router = TestBed.inject(Router);
    const navigation = router.navigateByUrl('/invitations');
    await new Promise((resolve) => setTimeout(resolve)); // let the guard ask who is signed in
    TestBed.inject(HttpTestingController)
      .expectOne('/api/auth/me')
      .flush(
        { statusCode: 401, code: 'unauthenticated', message: '' },
        { status: 401, statusText: 'Unauthorized' },
      );
    await navigation;
    await fixture.whenStable();
    expect(router.url).toBe('/login?returnUrl=%2Finvitations');
    expect(
      (fixture.nativeElement as HTMLElement).querySelector('[data-testid="login-email"]'),
    ).not.toBeNull();
  });

  it('shows the dashboard inside the shell at / once signed in', async () => {
    TestBed.configureTestingModule({
      imports: [App],
      providers: [provideRouter(appRoutes), provideHttpClient(), provideHttpClientTesting()],
    });
    const http = TestBed.inject(HttpTestingController);
    const loaded = TestBed.inject(AuthStore).ensureLoaded();
    http.expectOne('/api/auth/me').flush({
      user: { id: 'u1', name: 'Salma Bennani', email: 'salma@atlas.ma', role: 'admin', language: 'fr' },
      firm: { id: 'f1', name: 'Cabinet Atlas' },
    });
    await loaded;
    const fixture = TestBed.createComponent(App);
    const router = TestBed.inject(Router);
    await router.navigateByUrl('/login'); // guest-only: back to the dashboard
    await new Promise((resolve) => setTimeout(resolve));
    // The dashboard asks for the firm at a glance (a pending task until answered): no clients yet.
    http.expectOne('/api/dashboard').flush({
      statusCounts: [],
      total: 0,
      archived: 0,
      recentActivity: [],
      attention: { total: 0, items: [] },
      newDocuments: { total: 0, clients: 0 },
    });
    await fixture.whenStable();
    expect(router.url).toBe('/');
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('[data-testid="dashboard-empty"]')).not.toBeNull();
    expect(el.querySelector('h1')?.textContent).toContain('Bonjour, Salma Bennani');
  });
});
